"""/trend in a chat through the offline bot: a photo with a one-line caption, or a clear reply."""

from pathlib import Path
from typing import Any

from storage import Archive
from tests.briefing.trend_data import CHAT, seed
from tests.conftest import BotHarness


async def _seeded_bot(tmp_path: Path, make_bot: Any) -> BotHarness:
    archive = Archive.open(tmp_path / "briefing.db")  # the database the bot will open
    seed(archive)
    archive.close()
    bot: BotHarness = await make_bot()
    return bot


def _photos(bot: BotHarness, before: int) -> list[dict[str, Any]]:
    return [params for name, params in bot.request.calls[before:] if name == "sendPhoto"]


async def test_trend_sends_a_chart_with_its_caption(tmp_path: Path, make_bot: Any) -> None:
    bot = await _seeded_bot(tmp_path, make_bot)
    chat = bot.chat(CHAT, CHAT)
    before = len(bot.request.calls)
    assert await chat.send("/trend Dunm, port authority 90d") == []
    (photo,) = _photos(bot, before)
    assert int(photo["chat_id"]) == CHAT
    caption = photo["caption"]
    assert caption.startswith("1 Jan – 30 Mar 2024, articles naming each")
    assert "Mirela Dunn 54 (peak 5 on 25 Mar, new)" in caption
    assert "Valdoria Port Authority 15" in caption and "\n" not in caption

    before = len(bot.request.calls)
    assert await chat.send("/trend") == []
    (rising,) = _photos(bot, before)
    assert rising["caption"] == (
        "Rising in the week 24–30 Mar 2024: Tomas Berg 14 (none the week before)"
    )
    await bot.app.shutdown()


async def test_trend_replies_clearly_when_there_is_nothing_to_chart(
    tmp_path: Path, make_bot: Any
) -> None:
    bot = await _seeded_bot(tmp_path, make_bot)
    chat = bot.chat(CHAT, CHAT)
    before = len(bot.request.calls)
    (unknown,) = await chat.send("/trend Bergson")
    assert (
        unknown == "No actor of this chat&#x27;s archive is named Bergson. Did you mean Tomas Berg?"
    )
    (period,) = await chat.send("/trend Dunn 20y")
    assert period.startswith("A period goes from 7 days to 5 years") and "Usage: /trend" in period
    (many,) = await chat.send("/trend Dunn 30d 90d")
    assert many.startswith("Give one period")
    (empty,) = await bot.chat(4242, 4242).send("/trend Dunn")
    assert empty.startswith("This chat&#x27;s archive is empty")
    assert _photos(bot, before) == []
    (help_text,) = await chat.send("/help")
    assert "/trend [NAME …] [30d|90d|1y] — chart actors over time" in help_text
    await bot.app.shutdown()


def test_a_long_caption_is_cut_to_telegrams_limit_after_escaping() -> None:
    from handlers.trend import CAPTION_LIMIT, caption_html, split_arguments

    caption = caption_html("Dunn & Berg <port> " * 200)
    assert len(caption) <= CAPTION_LIMIT and caption.endswith("…")
    assert "&amp;" in caption and "<port>" not in caption
    assert caption_html("Dunn 3 (new)") == "Dunn 3 (new)"
    assert split_arguments(["Sergei", "Lavrov,", "Putin", "1y"]) == (
        ["Sergei Lavrov", "Putin"],
        365,
    )
