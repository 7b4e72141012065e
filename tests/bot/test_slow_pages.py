"""Pages and files that are slow to read: cut off at their time limit and kept as failed items,
never left pending, and never holding up another chat. The bot's time limit is scaled down to
1 s; the pages are genuinely slow (trafilatura takes seconds over an element with tens of
thousands of attributes)."""

import asyncio
import time
from typing import Any

import pytest
from telegram import Update

import bot.app as bot_app
from bot.app import on_shutdown, on_stop
from handlers import wait_for_background
from tests.bot.test_links import TRAIN_PARAGRAPHS, TRAIN_TITLE, _document
from tests.conftest import BotHarness, Chat, StaticSite, article_page

SLOW_ATTRIBUTES = 60_000  # about 3.5 s for trafilatura 2.3 on the development machine


def slow_page(title: str, attributes: int = SLOW_ATTRIBUTES) -> bytes:
    """An article page whose one element with many attributes makes extraction take seconds."""
    attrs = " ".join(f'data-a{i}="v"' for i in range(attributes))
    paragraphs = "".join(f"<p>{p}</p>" for p in TRAIN_PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title></head><body><div {attrs}>menu</div>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


async def slow_bot(make_bot: Any, time_limit: float = 1.0) -> BotHarness:
    harness: BotHarness = await make_bot(
        fetch_allow_hosts=frozenset({"127.0.0.1"}), extract_timeout=time_limit
    )
    return harness


async def deliver(chat: Chat, text: str) -> list[str]:
    """Send a message and return what the bot said while handling it, without waiting for
    the links it reads in the background."""
    before = len(chat.request.calls)
    number = next(Chat._ids)
    command = text.split()[0] if text.startswith("/") else ""
    entities = [{"type": "bot_command", "offset": 0, "length": len(command)}] if command else []
    data = {
        "update_id": number,
        "message": {
            "message_id": number,
            "date": int(time.time()),
            "chat": {"id": chat.chat_id, "type": "private"},
            "from": {"id": chat.user_id, "is_bot": False, "first_name": "Tester"},
            "text": text,
            "entities": entities,
        },
    }
    await chat.app.process_update(Update.de_json(data, chat.app.bot))
    return chat.replies_since(before)


async def test_a_slow_page_ends_as_a_failed_link_not_pending(
    make_bot: Any, site: StaticSite
) -> None:
    bot = await slow_bot(make_bot)
    site.routes["/slow"] = (200, "text/html", slow_page("A Page Built To Be Slow"))
    chat = bot.chat()
    started = time.monotonic()
    ack, card = await chat.send(site.url("/slow"))
    assert "reading it" in ack
    assert "as a link only: the page took too long to read." in card and "/retry" in card
    assert time.monotonic() - started < 8  # cut off, not read to the end
    stats = bot.app.bot_data.archive.stats(chat.chat_id)
    assert (stats.failed, stats.pending) == (1, 0)


async def test_documents_are_read_in_the_background(make_bot: Any) -> None:
    bot = await slow_bot(make_bot)
    chat = bot.chat()
    page = article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS)
    bot.request.files["fine"] = page
    ack, card = await chat.send_message(_document("trains.html", "fine", len(page)))
    assert ack.startswith("Saved <b>#") and "reading it" in ack
    assert TRAIN_TITLE in card

    slow = slow_page("A File Built To Be Slow")
    bot.request.files["slow"] = slow
    ack, card = await chat.send_message(_document("slow.html", "slow", len(slow)))
    assert "reading it" in ack
    number = ack.split("#", 1)[1].split("<", 1)[0]
    assert card == (
        f"Could not read slow.html: the file took too long to read."
        f" It is kept as <b>#{number}</b>; /retry {number} tries again."
    )
    stats = bot.app.bot_data.archive.stats(chat.chat_id)
    assert (stats.ready, stats.failed, stats.pending) == (1, 1, 0)


async def test_other_chats_are_served_while_one_chats_slow_links_are_read(
    make_bot: Any, site: StaticSite
) -> None:
    bot = await slow_bot(make_bot)
    for n in range(4):
        site.routes[f"/slow/{n}"] = (200, "text/html", slow_page(f"Slow Page {n}"))
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    busy, other = bot.chat(501, 501), bot.chat(502, 502)
    archive = bot.app.bot_data.archive

    acks = await deliver(busy, " ".join(site.url(f"/slow/{n}") for n in range(4)))
    assert len(acks) == 4 and all("reading it" in a for a in acks)
    (answer,) = await deliver(other, "/stats")
    assert answer.startswith("The archive of this chat is empty")
    (own,) = await deliver(busy, "/stats")  # the same chat is answered too
    assert "4 waiting for analysis" in own
    assert archive.stats(busy.chat_id).pending == 4  # none of the slow links is done

    # Another chat's link is read on the worker the busy chat leaves free.
    reading = set(bot.app.bot_data.background.tasks)
    (ack,) = await deliver(other, site.url("/trains"))
    assert "reading it" in ack
    await asyncio.wait(bot.app.bot_data.background.tasks - reading)
    assert TRAIN_TITLE in other.replies_since(0)[-1]
    assert archive.stats(busy.chat_id).pending >= 1  # the slow ones are still being read

    await wait_for_background(bot.app)
    cards = [r for r in busy.replies_since(0) if "took too long" in r]
    assert len(cards) == 4
    assert archive.stats(busy.chat_id).failed == 4


async def test_a_stop_cuts_slow_reading_short_and_the_next_start_resumes_it(
    make_bot: Any, site: StaticSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot_app, "STOP_GRACE", 0.2)
    first = await slow_bot(make_bot, time_limit=60)  # the pages would be read to the end
    for n in range(3):
        site.routes[f"/slow/{n}"] = (200, "text/html", slow_page(f"Slow Page {n}"))
    chat = first.chat()
    acks = await deliver(chat, " ".join(site.url(f"/slow/{n}") for n in range(3)))
    assert len(acks) == 3
    started = time.monotonic()
    await on_stop(first.app)
    assert time.monotonic() - started < 5
    assert first.app.bot_data.archive.stats(chat.chat_id).pending == 3  # nothing lost
    assert chat.replies_since(0) == acks  # no acknowledgement was edited into an error
    await first.app.shutdown()
    await on_shutdown(first.app)

    for n in range(3):  # the pages are fixed meanwhile
        paragraphs = [f"Part {n}. {p}" for p in TRAIN_PARAGRAPHS]
        site.routes[f"/slow/{n}"] = (200, "text/html", article_page(f"Page {n}", paragraphs))
    second = await slow_bot(make_bot)
    await wait_for_background(second.app)
    cards = [call for name, call in second.request.calls if name == "editMessageText"]
    assert sorted(str(c["text"]).split("\n")[1] for c in cards) == [
        "<b>Page 0</b>",
        "<b>Page 1</b>",
        "<b>Page 2</b>",
    ]
    assert second.app.bot_data.archive.stats(chat.chat_id).ready == 3
    await second.app.shutdown()
    await on_shutdown(second.app)
