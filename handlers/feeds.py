"""/feed, /feeds and /unfeed, OPML lists sent as documents, and the quiet report of a poll.

Feed articles are archived without a card each: a poll that brings new articles says so in one
line per feed ("Feed Valley Gazette: 3 new articles (#12, #13, #14)."), a feed that starts
failing says so once, and a feed paused after a week of failures says so once.
"""

import asyncio
import logging
from collections.abc import Sequence
from io import BytesIO

from telegram import Bot, Document, InputFile, Update
from telegram.error import TelegramError

from briefing import SQLITE_MAX_INT
from briefing.dates import display_date
from briefing.feeds.opml import OpmlError
from briefing.feeds.polling import PollResult
from briefing.feeds.service import FeedRow, FeedService
from briefing.feeds.subscriptions import FeedError
from handlers.archive import id_or_usage, shown_id
from handlers.context import BriefingApp, BriefingContext, chat_id_of
from handlers.formatting import esc, link, plural, reply_html

log = logging.getLogger(__name__)

MAX_OPML_BYTES = 1024 * 1024
SHOWN_IDS = 5  # article ids named in a poll's line; more are counted
FEED_USAGE = (
    "Send <code>/feed URL</code> with the address of an RSS, Atom or JSON feed, or of a site"
    " whose page names its feed. You can also send me an .opml file of feeds."
)


def _service(context: BriefingContext) -> FeedService:
    feeds = context.bot_data.feeds
    if feeds is None:
        raise RuntimeError("the feed service has not been configured")
    return feeds


def _name(title: str, url: str) -> str:
    return f"<b>{esc(title or url)}</b>"


async def feed(update: Update, context: BriefingContext) -> None:
    """/feed URL: follow a feed; its first articles arrive in the background."""
    chat_id = chat_id_of(update)
    if not context.args:
        await reply_html(update, FEED_USAGE)
        return
    service = _service(context)
    try:
        done = await service.subscriptions.subscribe(chat_id, context.args[0])
    except FeedError as error:
        await reply_html(update, f"I cannot follow that feed: {esc(error)}.")
        return
    row = done.feed
    if done.added_as == "known":
        await reply_html(
            update, f"This chat already follows {_name(row.title, row.url)} (#{row.id})."
        )
        return
    await reply_html(
        update,
        f"Following {_name(row.title, row.url)}{' again' if done.added_as == 'resumed' else ''}"
        f" as #{row.id} ({plural(done.items, 'item')} now)."
        " I check it every 30 minutes and archive new articles quietly, with one line when"
        " some arrive. /feeds lists your feeds, /unfeed "
        f"{row.id} stops this one.",
    )
    context.bot_data.background.spawn(poll_now(context.app, service, row))


async def poll_now(app: BriefingApp, service: FeedService, feed: FeedRow) -> None:
    """Poll one feed at once (just subscribed) and report it like the polling job does (the
    poll reads the feed's current state itself)."""
    await report_poll(app.bot, [await service.poller.poll_feed(feed)])


def _state(row_status: str | None, new: int, error: str | None, paused: bool) -> str:
    if paused:
        return f"paused after a week of failures: {esc(error or 'unreadable')}"
    if row_status is None:
        return "not read yet"
    if row_status == "failed":
        return f"failing: {esc(error or 'unreadable')}"
    return f"{plural(new, 'new article')} at the last check" if new else "no new articles"


async def feeds(update: Update, context: BriefingContext) -> None:
    """/feeds: the chat's feeds with their last result; /feeds opml sends them as OPML."""
    chat_id = chat_id_of(update)
    service = _service(context)
    if context.args and context.args[0].lower() == "opml":
        await _send_opml(update, service, chat_id)
        return
    rows = await asyncio.to_thread(service.subscriptions.feeds, chat_id)
    if not rows:
        await reply_html(update, "This chat follows no feed yet. " + FEED_USAGE)
        return
    lines = ["<b>Feeds of this chat</b>"]
    for row in rows:
        checked = (
            f", checked {esc(display_date(row.last_polled_at))} UTC" if row.last_polled_at else ""
        )
        state = _state(row.last_status, row.last_new, row.last_error, row.paused)
        lines.append(f"#{row.id} {link(row.url, row.title or row.url)} — {state}{checked}")
    lines.append("/unfeed N stops one · /feeds opml sends the list as OPML")
    await reply_html(update, "\n".join(lines))


async def _send_opml(update: Update, service: FeedService, chat_id: int) -> None:
    message = update.effective_message
    if not await asyncio.to_thread(service.subscriptions.feeds, chat_id):
        await reply_html(update, "This chat follows no feed yet: there is nothing to export.")
        return
    if message is None:
        return
    document = (await asyncio.to_thread(service.subscriptions.opml, chat_id)).encode("utf-8")
    await message.reply_document(
        InputFile(BytesIO(document), filename="feeds.opml"), caption="This chat's feeds as OPML."
    )


async def unfeed(update: Update, context: BriefingContext) -> None:
    """/unfeed N: stop following feed #N (its articles stay in the archive)."""
    feed_id = await id_or_usage(update, context, "unfeed")
    if feed_id is None:
        return
    subscriptions = _service(context).subscriptions
    removed = None
    if 0 < feed_id <= SQLITE_MAX_INT:
        removed = await asyncio.to_thread(subscriptions.remove, chat_id_of(update), feed_id)
    if removed is None:
        await reply_html(
            update, f"This chat follows no feed #{shown_id(feed_id)}. /feeds lists them."
        )
        return
    await reply_html(
        update,
        f"Stopped following {_name(removed.title, removed.url)}. Its articles stay in the archive.",
    )


async def on_opml(update: Update, context: BriefingContext, document: Document) -> None:
    """An .opml file sent to the chat: follow every feed it lists."""
    name = document.file_name or "file.opml"
    if (document.file_size or 0) > MAX_OPML_BYTES:
        await reply_html(update, f"{esc(name)} is larger than 1 MB; send a smaller list.")
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    try:
        done = await _service(context).subscriptions.import_opml(chat_id_of(update), data)
    except OpmlError as error:
        await reply_html(update, f"I could not read {esc(name)}: {esc(error)}.")
        return
    text = f"Following {plural(done.added, 'new feed')} from {esc(name)}"
    if done.known:
        text += f" ({done.known} followed already)"
    if done.skipped:
        text += f"; {done.skipped} left out: a chat follows 500 feeds at most"
    await reply_html(
        update, text + ". Their new articles arrive within the hour; /feeds lists them."
    )


def poll_lines(result: PollResult) -> list[str]:
    """What the chat is told of one poll: nothing, or one line."""
    name = _name(result.title, result.url)
    if result.paused:
        return [
            f"Feed {name} has failed for a week ({esc(result.reason or 'unreadable')}), so I"
            f" stopped checking it. /feed {esc(result.url)} resumes it, /unfeed {result.feed_id}"
            " removes it."
        ]
    if result.tell_failure:
        return [
            f"Feed {name} could not be read: {esc(result.reason or 'unreadable')}. I keep"
            " trying and say nothing more until it works; /feeds shows its state."
        ]
    if result.new:
        ids = ", ".join(f"#{i}" for i in result.article_ids[:SHOWN_IDS])
        more = "…" if len(result.article_ids) > SHOWN_IDS else ""
        return [f"Feed {name}: {plural(result.new, 'new article')} ({ids}{more})."]
    return []


async def report_poll(bot: Bot, results: Sequence[PollResult]) -> None:
    """Tell each chat, in one message, what its feeds brought (nothing when nothing did)."""
    by_chat: dict[int, list[str]] = {}
    for result in results:
        by_chat.setdefault(result.chat_id, []).extend(poll_lines(result))
    for chat_id, lines in by_chat.items():
        if not lines:
            continue
        try:
            await bot.send_message(chat_id, "\n".join(lines))
        except TelegramError as error:
            log.warning("could not report the feeds of chat %s: %s", chat_id, error)
