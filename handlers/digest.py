"""/subscribe, /unsubscribe, /digest, /settings, and the digest as Telegram messages.

Delivery itself is the use case `briefing.digests.delivery`; here the digest becomes HTML parts,
sent in order (a `RetryAfter` waits), and Telegram's refusals become the use case's errors: a chat
that blocked the bot or no longer exists has its subscription paused.
"""

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from briefing.digests.build import (
    Digest,
    Story,
    actor_line,
    headline,
    imported_line,
    local_label,
)
from briefing.digests.delivery import (
    ChatUnreachableError,
    DigestNotSentError,
    Mode,
    Outcome,
    SendDigest,
)
from briefing.digests.schedule import DEFAULT_AT, next_slot, parse_subscription
from handlers.context import BriefingApp, BriefingContext, after_own_pastes, chat_id_of
from handlers.formatting import esc, link, reply_html, snippet_html
from handlers.split import split_message

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

RETRY_ATTEMPTS = 5  # sends of one part while Telegram answers "retry after"
USAGE_SUBSCRIBE = (
    "Usage: /subscribe [HH:MM] [Area/City],"
    " for example <code>/subscribe 07:30 Europe/Berlin</code>."
)


# --- HTML -----------------------------------------------------------------------------------


def _flat(text: str) -> str:
    """One line: stored titles and sentences may carry line breaks; blank lines split parts."""
    return " ".join(text.split())


def _story_html(number: int, story: Story) -> str:
    sources = " · ".join(link(s.url, _flat(s.name)) for s in story.sources)
    lines = [f"{number}. <b>{link(story.url, _flat(story.title))}</b>"]
    if sources:  # an unknown source is left out
        lines.append(sources)
    if story.summary:
        lines.append(esc(_flat(" ".join(story.summary))))
    return "\n".join(lines)


def _listed_html(story: Story) -> str:
    names = ", ".join(esc(_flat(s.name)) for s in story.sources)
    title = f"• {link(story.url, _flat(story.title))}"
    return f"{title} — {names}" if names else title


def watchlist_html(digest: Digest) -> str:
    """The Watchlist section that opens a digest: each daily watch with the articles it
    matched, their sentence with the name or words in bold."""
    lines = ["<b>Watchlist</b>"]
    for entry in digest.watchlist:
        lines.append(f"<b>{esc(_flat(entry.watch))}</b>")
        for article in entry.articles:
            source = f" — {esc(_flat(article.source))}" if article.source else ""
            title = link(article.url, _flat(article.title) or "(untitled)")
            lines.append(f"• {title}{source} (#{article.article_id})")
            if article.sentence:
                lines.append(f"<i>{snippet_html(_flat(article.sentence))}</i>")
        if entry.more:
            lines.append(f"<i>…and {entry.more} more.</i>")
    return "\n".join(lines)


def digest_html(digest: Digest, zone: str) -> str:
    """The digest as Telegram HTML; stories are separated by blank lines (where it may split)."""
    top = f"<b>{esc(headline(digest, zone))}</b>"
    imports = imported_line(digest)
    watched = [watchlist_html(digest)] if digest.watchlist else []
    if digest.empty:
        return "\n\n".join([f"{top}\n<i>{esc(imports)}</i>" if imports else top, *watched])
    blocks = [top, *watched]
    summarised = [s for s in digest.stories if s.summary]
    listed = [s for s in digest.stories if not s.summary]
    blocks += [_story_html(n, s) for n, s in enumerate(summarised, start=1)]
    if listed:
        blocks.append("\n".join(["<b>Also</b>"] + [_listed_html(s) for s in listed]))
    hidden = digest.story_count - len(digest.stories)
    if hidden:
        blocks.append(f"<i>…and {hidden} more {'story' if hidden == 1 else 'stories'}.</i>")
    if imports:
        blocks.append(f"<i>{esc(imports)}</i>")
    if digest.actors:
        lines = [esc(_flat(actor_line(a))) for a in digest.actors]
        blocks.append("\n".join(["<b>Actors of the day</b>", *lines]))
    if digest.quotes:
        lines = [f"<b>{esc(_flat(q.speaker))}</b>: “{esc(_flat(q.text))}”" for q in digest.quotes]
        blocks.append("\n".join(["<b>Said today</b>", *lines]))
    return "\n\n".join(blocks)


# --- delivery -------------------------------------------------------------------------------


def _seconds(error: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def unreachable(error: TelegramError) -> str | None:
    """Why the chat can never get a message (blocked, kicked, deleted), or None if it may."""
    if isinstance(error, Forbidden):
        return f"forbidden: {error.message}"
    if isinstance(error, BadRequest) and "chat not found" in error.message.lower():
        return "chat not found"
    return None


async def send_parts(
    bot: Bot, chat_id: int, parts: Sequence[str], sleep: Sleep = asyncio.sleep
) -> None:
    """Send each part in order (HTML, previews off: the bot's defaults); on "retry after"
    wait as told and send again."""
    for part in parts:
        for attempt in range(RETRY_ATTEMPTS):
            try:
                await bot.send_message(chat_id, part)
                break
            except RetryAfter as error:
                if attempt == RETRY_ATTEMPTS - 1:
                    raise
                log.info("chat %s: Telegram asks to wait %ss", chat_id, _seconds(error))
                await sleep(_seconds(error))


def telegram_sender(bot: Bot, chat_id: int, sleep: Sleep = asyncio.sleep) -> SendDigest:
    """The `send` callback of digest delivery: the digest as HTML parts through Telegram,
    with Telegram's refusals told apart (the chat is gone, or it may work later)."""

    async def send(digest: Digest, zone: str) -> None:
        try:
            await send_parts(bot, chat_id, split_message(digest_html(digest, zone)), sleep)
        except TelegramError as error:
            reason = unreachable(error)
            if reason is None:
                raise DigestNotSentError(str(error)) from error
            raise ChatUnreachableError(reason) from error

    return send


async def deliver_digest(
    app: BriefingApp, chat_id: int, mode: Mode, sleep: Sleep = asyncio.sleep
) -> Outcome:
    """Deliver the chat's digest (see `briefing.digests.delivery`) through Telegram."""
    send = telegram_sender(app.bot, chat_id, sleep)
    return await app.bot_data.delivery.deliver(chat_id, mode, send)


# --- commands -------------------------------------------------------------------------------


async def subscribe(update: Update, context: BriefingContext) -> None:
    """/subscribe [HH:MM] [Area/City]: a daily digest (defaults: this chat's, else 08:00)."""
    chat_id = chat_id_of(update)
    data = context.bot_data
    current = await asyncio.to_thread(data.digests.get, chat_id)
    at = current.at if current and current.active else DEFAULT_AT
    zone = current.zone if current and current.active else data.default_timezone
    try:
        at, zone = parse_subscription(list(context.args or []), at, zone)
    except ValueError as error:
        await reply_html(update, f"{esc(error)}.\n{USAGE_SUBSCRIBE}")
        return
    now = data.digest_scheduler.now()
    subscription = await asyncio.to_thread(data.digests.subscribe, chat_id, at, zone, now)
    data.digest_scheduler.set(subscription)
    following = local_label(next_slot(at, zone, now), zone)
    await reply_html(
        update,
        f"Daily digest at <b>{esc(at)}</b> ({esc(zone)}). The next one: {esc(following)}.\n"
        "/digest sends it now, /unsubscribe stops it.",
    )


async def unsubscribe(update: Update, context: BriefingContext) -> None:
    """/unsubscribe: stop the daily digest (the next /subscribe continues where it ended)."""
    chat_id = chat_id_of(update)
    stopped = await asyncio.to_thread(context.bot_data.digests.unsubscribe, chat_id)
    context.bot_data.digest_scheduler.cancel(chat_id)
    if stopped:
        await reply_html(update, "Daily digest stopped. /subscribe starts it again.")
    else:
        await reply_html(update, "This chat has no daily digest. /subscribe starts one.")


async def digest(update: Update, context: BriefingContext) -> None:
    """/digest: the digest since the last one, now; /digest week: the last seven days."""
    args = [a.lower() for a in context.args or []]
    if args not in ([], ["week"]):
        await reply_html(update, "Usage: /digest, or /digest week for the last seven days.")
        return
    await after_own_pastes(context, chat_id_of(update))
    await deliver_digest(context.app, chat_id_of(update), "week" if args else "now")


async def settings(update: Update, context: BriefingContext) -> None:
    """/settings: the chat's digest time, zone and state."""
    data = context.bot_data
    current = await asyncio.to_thread(data.digests.get, chat_id_of(update))
    now = data.digest_scheduler.now()
    if current is None or not current.active:
        lines = [
            "No daily digest in this chat.",
            f"/subscribe [HH:MM] [Area/City] starts one (default {DEFAULT_AT},"
            f" {esc(data.default_timezone)}).",
        ]
    else:
        lines = [f"Daily digest at <b>{esc(current.at)}</b> ({esc(current.zone)})."]
        if current.paused:
            reason = esc(current.paused_reason or "unknown")
            lines.append(f"<i>Paused: this chat could not be reached ({reason}).</i>")
            lines.append("/subscribe resumes it.")
        else:
            upcoming = next_slot(current.at, current.zone, now)
            lines.append(f"The next one: {esc(local_label(upcoming, current.zone))}.")
    if current is not None and current.delivered_until is not None:
        zone = current.zone if current.active else data.default_timezone
        lines.append(
            f"The last digest covered up to {esc(local_label(current.delivered_until, zone))}."
        )
    await reply_html(update, "\n".join(lines))
