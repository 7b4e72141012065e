"""Watches in the chat on an offline Telegram: /watch, /watches, /unwatch and their buttons;
alerts sent once, across restarts between matching and sending; a chat that blocked the bot;
a daily watch opening the digest. The alert job is run directly with a clock, never waited for.
"""

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from html import unescape
from pathlib import Path

import pytest

import storage.clock
from bot.alerts import JOB_NAME, send_due_alerts
from bot.app import build_application, on_startup
from handlers import BriefingApp
from tests.bot.test_actors_chat import OTHER_DUNN, SECOND_DAY, _press
from tests.bot.test_digest_delivery import Telegram
from tests.conftest import OWN_ARTICLE, BotHarness, Chat, make_settings

LATER = timedelta(minutes=5)  # well after any alert's quiet time
Start = Callable[..., Awaitable[BotHarness]]


@pytest.fixture
async def start(tmp_path: Path) -> AsyncIterator[Start]:
    """Starts bots on the test's one database (a restart is a new bot on the same file)."""
    running: list[BriefingApp] = []

    async def factory(request: Telegram | None = None) -> BotHarness:
        request = request or Telegram()
        app = build_application(make_settings(tmp_path), request=request)
        await app.initialize()
        await on_startup(app)
        running.append(app)
        return BotHarness(app, request)

    yield factory
    for app in running:
        if app.bot_data.archive.database.utils.conn is not None:
            await stop(app)


async def stop(app: BriefingApp) -> None:
    """Stop a bot as a restart does (its alerts left as they are)."""
    await app.shutdown()
    app.bot_data.archive.close()


async def deliver(bot: BotHarness, chat: Chat) -> list[str]:
    """Run the alert job as it runs a few minutes from now; what it sent to the chat."""
    before = len(bot.request.calls)
    await send_due_alerts(bot.app, datetime.now(UTC) + LATER)
    return chat.replies_since(before)


async def test_alert_is_sent_once_across_restarts_between_matching_and_sending(
    start: Start,
) -> None:
    bot = await start()
    assert bot.app.job_queue is not None and bot.app.job_queue.get_jobs_by_name(JOB_NAME)
    chat = bot.chat()
    (reply,) = await chat.send("/watch Mirela Dunn")
    assert "No actor is named <b>Mirela Dunn</b> in this chat's archive yet" in reply
    await chat.send(OWN_ARTICLE)  # analysed: the alert is recorded, not yet sent
    await stop(bot.app)

    bot = await start()  # the restart: the alert left unsent goes out once
    chat = bot.chat()
    (alert,) = await deliver(bot, chat)
    assert alert.startswith("🔔 <b>Mirela Dunn</b> (watch #1)")
    assert (
        '<a href="https://courier.example.org/2024/03/03/valdoria-harbour-strike?utm_source=feed">'
        "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says</a>"
    ) in alert
    assert "3 Mar 2024 · The Coastal Courier · #1" in alert
    assert "union leader <b>Mirela Dunn</b> said" in alert
    assert await deliver(bot, chat) == []
    await stop(bot.app)

    bot = await start()
    assert await deliver(bot, bot.chat()) == []


async def test_an_alias_alerts_and_several_matches_are_one_message(start: Start) -> None:
    bot = await start()
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    (reply,) = await chat.send("/watch Mirela Dunn")
    assert reply.startswith("Watching <b>Mirela Dunn</b> (watch #1)")
    (words,) = await chat.send('/watch "port authority" -football')
    assert unescape(words).startswith('Watching the words <b>"port authority" -football</b> (')
    await chat.send(SECOND_DAY)  # names "Dunn" only, and the port authority
    (message,) = await deliver(bot, chat)
    assert message.startswith("<b>2 new matches of your watches</b>")
    assert "Dunn</b> said the union would attend" in message
    assert "The <b>port authority</b> of Valdoria invited" in message
    (listed,) = await chat.send("/watches")
    assert "#1 <b>Mirela Dunn</b> — 1 article" in listed
    assert '#2 the words <b>"port authority" -football</b> — 1 article' in unescape(listed)


async def test_watch_commands_answer_bad_input_clearly(start: Start) -> None:
    chat = (await start()).chat()
    (usage,) = await chat.send("/watch")
    assert usage.startswith("Usage: <code>/watch NAME</code>")
    (refused,) = await chat.send("/watch -football")
    assert refused.startswith("Give at least one word to look for")
    (usage,) = await chat.send("/unwatch soon")
    assert usage.startswith("Usage: <code>/unwatch N</code>")
    (missing,) = await chat.send("/unwatch 99")
    assert missing == "No watch #99 in this chat. /watches lists them."
    (empty,) = await chat.send("/watches")
    assert empty.startswith("No watches in this chat yet.")
    await chat.send("/watch walkout")
    (stopped,) = await chat.send("/unwatch 1")
    assert stopped == "Stopped watching the words <b>walkout</b> (watch #1)."


async def test_an_ambiguous_name_offers_buttons_scoped_to_the_chat(start: Start) -> None:
    bot = await start()
    chat = bot.chat()
    await chat.send(OWN_ARTICLE)
    await chat.send(OTHER_DUNN)
    before = len(bot.request.calls)
    await chat.send("/watch Dunn daily")
    (question,) = [p for name, p in bot.request.calls[before:] if name == "sendMessage"]
    assert question["text"] == "Which one do you mean by <i>Dunn</i>?"
    buttons = {b["text"]: b["callback_data"]
               for row in question["reply_markup"]["inline_keyboard"] for b in row}  # fmt: skip
    assert set(buttons) == {"Mirela Dunn (person)", "Arno Dunn (person)"}
    stranger = await _press(bot, 999, buttons["Arno Dunn (person)"])
    assert stranger == ["That actor is not in this chat's archive."]
    (chosen,) = await _press(bot, chat.chat_id, buttons["Arno Dunn (person)"])
    assert chosen.startswith("Watching <b>Arno Dunn</b> (watch #1): its matches open your next")
    assert await _press(bot, chat.chat_id, "w:1 OR 1=1:1") == []


async def test_a_blocked_chat_gives_its_alerts_up(start: Start) -> None:
    request = Telegram()
    bot = await start(request)
    chat = bot.chat()
    await chat.send("/watch walkout")
    await chat.send(OWN_ARTICLE.replace("walked out", "staged a walkout"))
    request.refuse[chat.chat_id] = (403, "Forbidden: bot was blocked by the user")
    assert await deliver(bot, chat) == []
    assert request.refused == [chat.chat_id]
    del request.refuse[chat.chat_id]
    assert await deliver(bot, chat) == []  # given up, not tried every few seconds


async def test_a_daily_watch_opens_the_digest_instead_of_alerting(
    start: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    def a_moment_ago() -> str:  # what is stored now is inside the window a digest sent now ends
        return (datetime.now(UTC) - timedelta(seconds=10)).isoformat(timespec="seconds")

    monkeypatch.setattr(storage.clock, "now", a_moment_ago)
    bot = await start()
    chat = bot.chat()
    (reply,) = await chat.send('/watch "port authority" daily')
    assert "its matches open your next digest, under Watchlist" in reply
    await chat.send(OWN_ARTICLE)
    assert await deliver(bot, chat) == []
    (digest,) = await chat.send("/digest")
    blocks = digest.split("\n\n")
    assert unescape(blocks[1]).startswith('<b>Watchlist</b>\n<b>"port authority"</b>\n• <a href=')
    assert "single ship until the <b>port authority</b> talks to us" in unescape(blocks[1])


async def test_what_users_type_is_shown_escaped(start: Start) -> None:
    chat = (await start()).chat()
    (reply,) = await chat.send("/watch <i>Acme</i> & Sons")
    assert "&lt;i&gt;Acme&lt;/i&gt;" in reply and "<i>Acme" not in reply
    (listed,) = await chat.send("/watches")
    assert "&lt;i&gt;Acme&lt;/i&gt;" in listed
