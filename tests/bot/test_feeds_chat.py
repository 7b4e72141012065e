"""Feeds in the chat: /feed, /feeds (and as OPML), /unfeed, an .opml file sent, and the one
quiet line a poll with new articles posts."""

from collections.abc import Iterator
from typing import Any

import pytest

from tests.bot.test_links import _document
from tests.briefing.test_feeds import serve_ten
from tests.conftest import BotHarness
from tests.feed_site import FeedSite, feed_site, rss


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with feed_site() as server:
        yield server


async def local_bot(make_bot: Any) -> BotHarness:
    harness: BotHarness = await make_bot(fetch_allow_hosts=frozenset({"127.0.0.1"}))
    return harness


async def test_feed_subscribes_and_reports_new_articles_in_one_line(
    make_bot: Any, site: FeedSite
) -> None:
    bot = await local_bot(make_bot)
    serve_ten(site)
    chat = bot.chat()
    replies = await chat.send(f"/feed {site.url('/feed.xml')}")
    assert replies[0].startswith("Following <b>Valley Gazette</b> as #1 (10 items now)")
    assert replies[1:] == ["Feed <b>Valley Gazette</b>: 10 new articles (#1, #2, #3, #4, #5…)."]
    assert bot.app.bot_data.archive.stats(chat.chat_id).ready == 10
    (again,) = await chat.send(f"/feed {site.url('/feed.xml')}")
    assert again == "This chat already follows <b>Valley Gazette</b> (#1)."

    (listed,) = await chat.send("/feeds")
    assert "#1 <a href=" in listed
    assert "Valley Gazette</a> — 10 new articles at the last check" in listed
    assert "/unfeed N" in listed

    before = len(bot.request.calls)
    await chat.send("/feeds opml")
    (sent,) = [params for name, params in bot.request.calls[before:] if name == "sendDocument"]
    assert "OPML" in str(sent.get("caption"))

    (other,) = await bot.chat(502, 502).send("/feeds")
    assert other.startswith("This chat follows no feed yet.")
    (removed,) = await chat.send("/unfeed 1")
    assert removed.startswith("Stopped following <b>Valley Gazette</b>")
    (gone,) = await chat.send("/unfeed 1")
    assert gone == "This chat follows no feed #1. /feeds lists them."
    assert bot.app.bot_data.archive.stats(chat.chat_id).ready == 10  # articles stay


async def test_bad_feeds_get_a_clear_reply(make_bot: Any, site: FeedSite) -> None:
    bot = await local_bot(make_bot)
    chat = bot.chat()
    (usage,) = await chat.send("/feed")
    assert "/feed URL" in usage
    site.routes["/page"] = (200, "text/html", b"<html><body>nothing</body></html>")
    (refused,) = await chat.send(f"/feed {site.url('/page')}")
    assert refused.startswith("I cannot follow that feed:") and "names no feed" in refused
    (missing,) = await chat.send(f"/feed {site.url('/gone.xml')}")
    assert "404" in missing
    (usage,) = await chat.send("/unfeed x")
    assert usage.startswith("Usage: /unfeed ID")


async def test_failing_feed_is_told_once(make_bot: Any, site: FeedSite) -> None:
    bot = await local_bot(make_bot)
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Harbour Post", []))
    chat = bot.chat()
    replies = await chat.send(f"/feed {site.url('/feed.xml')}")
    assert len(replies) == 1  # nothing new: nothing more is said
    site.routes["/feed.xml"] = (500, "text/plain", b"oops")
    from handlers import report_poll

    feeds = bot.app.bot_data.feeds
    assert feeds is not None
    told = []
    for _ in range(2):
        before = len(bot.request.calls)
        await report_poll(bot.app.bot, await feeds.poller.poll_all(chat.chat_id))
        told.append(chat.replies_since(before))
    assert told[0] == [
        "Feed <b>Harbour Post</b> could not be read: the site answered 500 Internal Server"
        " Error. I keep trying and say nothing more until it works; /feeds shows its state."
    ]
    assert told[1] == []
    (listed,) = await chat.send("/feeds")
    assert "failing: the site answered 500" in listed


async def test_an_opml_file_subscribes_to_its_feeds(make_bot: Any) -> None:
    bot = await make_bot()
    opml = (
        b'<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>'
        b'<outline text="News"><outline text="Alpha" xmlUrl="https://alpha.example/rss"/>'
        b'<outline text="Beta" xmlUrl="https://beta.example/atom"/></outline>'
        b'<outline text="Bad" xmlUrl="javascript:alert(1)"/></body></opml>'
    )
    bot.request.files["opml1"] = opml
    chat = bot.chat()
    (reply,) = await chat.send_message(_document("subs.opml", "opml1", len(opml)))
    assert reply.startswith("Following 2 new feeds from subs.opml.")
    (again,) = await chat.send_message(_document("subs.opml", "opml1", len(opml)))
    assert "Following 0 new feeds from subs.opml (2 followed already)" in again
    bot.request.files["opml2"] = b"<html>not a list</html>"
    (bad,) = await chat.send_message(_document("bad.opml", "opml2", 23))
    assert bad == "I could not read bad.opml: this is not an OPML subscription list."
    (listed,) = await chat.send("/feeds")
    assert "Alpha" in listed and "Beta" in listed and "not read yet" in listed
    assert bot.app.bot_data.archive.stats(chat.chat_id).total == 0
