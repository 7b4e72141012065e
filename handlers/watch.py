"""/watch, /watches, /unwatch, the buttons choosing a watched actor, and alerts as messages.

The use cases are `briefing.watches`; sending alerts is the bot's job (`bot.alerts`), which
takes their HTML from `alert_messages`.
"""

import asyncio
import re
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from briefing.dates import display_date
from briefing.watches import (
    Alert,
    AlertBatch,
    Watch,
    WatchAdded,
    WatchChoices,
    WatchQueryError,
    add_watch,
    list_watches,
    remove_watch,
    split_daily,
    watch_actor,
    watch_store,
)
from handlers.context import BriefingContext, after_own_pastes, chat_id_of
from handlers.formatting import esc, link, plural, reply_html, snippet_html
from handlers.split import split_message

WATCH_DATA = re.compile(r"^w:(\d{1,18}):([01])$")
USAGE = (
    'Usage: <code>/watch NAME</code> or <code>/watch "words"</code>, with <code>daily</code>'
    " at the end to get the matches in the digest instead of alerts. For example"
    ' <code>/watch Lavrov</code>, <code>/watch "climate change" OR drought -football</code>.'
)
UNWATCH_USAGE = "Usage: <code>/unwatch N</code>, N from /watches."


def _what(watch: Watch) -> str:
    if watch.kind == "words":
        return f"the words <b>{esc(watch.target)}</b>"
    return f"<b>{esc(watch.target)}</b>"


def added_text(added: WatchAdded, typed: str = "") -> str:
    """The reply to a watch set (or set again)."""
    watch = added.watch
    how = (
        "its matches open your next digest, under Watchlist"
        if watch.daily
        else "you get an alert when a new article matches"
    )
    if not added.new:
        head = f"Already watching {_what(watch)} (watch #{watch.id}); now {how}."
    elif watch.pending:
        head = (
            f"No actor is named <b>{esc(watch.target)}</b> in this chat's archive yet: watching"
            f" for the name (watch #{watch.id}) and joining the actor once an article names it;"
            f' {how}.\nTo watch the words instead: <code>/watch "{esc(typed or watch.target)}'
            '"</code>.'
        )
    else:
        head = f"Watching {_what(watch)} (watch #{watch.id}): {how}."
    return f"{head}\n/watches lists your watches; /unwatch {watch.id} stops this one."


def _choices(found: WatchChoices, daily: bool) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(f"{c.name} ({c.type})", callback_data=f"w:{c.id}:{int(daily)}")]
         for c in found.choices]
    )  # fmt: skip


async def watch(update: Update, context: BriefingContext) -> None:
    """/watch NAME [daily] or /watch "words" [daily]."""
    chat_id = chat_id_of(update)
    text, daily = split_daily(" ".join(context.args or []))
    if not text:
        await reply_html(update, USAGE)
        return
    await after_own_pastes(context, chat_id)
    store = watch_store(context.archive)
    try:
        result = await asyncio.to_thread(
            add_watch, context.bot_data.actors, store, chat_id, text, daily
        )
    except WatchQueryError as error:
        await reply_html(update, f"{esc(error)}\n{USAGE}")
        return
    if isinstance(result, WatchChoices):
        if update.effective_message is not None:
            await update.effective_message.reply_html(
                f"Which one do you mean by <i>{esc(result.name)}</i>?",
                reply_markup=_choices(result, daily),
                do_quote=False,
            )
        return
    await reply_html(update, added_text(result, text))


def watches_text(watches: list[Watch]) -> str:
    """The /watches reply."""
    if not watches:
        return "No watches in this chat yet.\n" + USAGE
    lines = ["<b>Watches</b> (articles matched in the last 7 days)"]
    for watch in watches:
        notes = [plural(watch.matched_this_week, "article")]
        if watch.daily:
            notes.append("daily, in the digest")
        if watch.pending:
            notes.append("not in the archive yet")
        lines.append(f"#{watch.id} {_what(watch)} — {', '.join(notes)}")
    lines.append("/unwatch N stops one.")
    return "\n".join(lines)


async def watches_command(update: Update, context: BriefingContext) -> None:
    """/watches: the chat's watches, with this week's matches."""
    chat_id = chat_id_of(update)
    store = watch_store(context.archive)
    found = await asyncio.to_thread(list_watches, store, chat_id, datetime.now(UTC))
    await reply_html(update, watches_text(found))


async def unwatch(update: Update, context: BriefingContext) -> None:
    """/unwatch N: stop watch N of this chat."""
    args = context.args or []
    number = args[0].lstrip("#") if len(args) == 1 else ""
    if not number.isdigit() or len(number) > 18:
        await reply_html(update, UNWATCH_USAGE)
        return
    store = watch_store(context.archive)
    removed = await asyncio.to_thread(remove_watch, store, chat_id_of(update), int(number))
    if removed is None:
        await reply_html(update, f"No watch #{esc(number)} in this chat. /watches lists them.")
        return
    await reply_html(update, f"Stopped watching {_what(removed)} (watch #{removed.id}).")


async def on_callback(update: Update, context: BriefingContext) -> None:
    """A button naming the actor to watch; its data is validated and the actor chat-scoped."""
    query = update.callback_query
    if query is None:
        return
    match = WATCH_DATA.match(query.data or "")
    chat = update.effective_chat
    if match is None or chat is None:
        await query.answer("That button has expired.")
        return
    await query.answer()
    store = watch_store(context.archive)
    added = await asyncio.to_thread(
        watch_actor, context.bot_data.actors, store, chat.id, int(match.group(1)),
        match.group(2) == "1",
    )  # fmt: skip
    if added is None:
        await reply_html(update, "That actor is not in this chat's archive.")
        return
    await reply_html(update, added_text(added))


# --- alerts ---------------------------------------------------------------------------------


def _flat(text: str) -> str:
    return " ".join(text.split())


def alert_html(alert: Alert) -> str:
    """One alert: the watch, the title linked, date, source, and the sentence with the
    actor's name or the watched words in bold."""
    about = f'"{alert.watch}"' if alert.kind == "words" and " " not in alert.watch else alert.watch
    byline = [display_date(alert.published_at)]
    if alert.source:
        byline.append(esc(_flat(alert.source)))
    byline.append(f"#{alert.article_id}")
    lines = [
        f"🔔 <b>{esc(_flat(about))}</b> (watch #{alert.watch_id})",
        f"<b>{link(alert.url, _flat(alert.title) or '(untitled)')}</b>",
        " · ".join(byline),
    ]
    if alert.sentence:
        lines.append(snippet_html(alert.sentence))
    return "\n".join(lines)


def alert_messages(batch: AlertBatch) -> list[str]:
    """A batch of alerts as the HTML messages that carry it (one, unless it is long)."""
    blocks = [alert_html(a) for a in batch.alerts]
    if batch.total > 1:
        blocks.insert(0, f"<b>{batch.total} new matches of your watches</b>")
    if batch.more:
        rest = sum(count for _, count in batch.more)
        counts = ", ".join(f"{esc(_flat(w))} ({n})" for w, n in batch.more)
        blocks.append(f"<i>…and {rest} more: {counts}.</i>")
    return split_message("\n\n".join(blocks))
