"""/actor, /quotes, /timeline, /actors and /alias: the archive's people, groups and places."""

import asyncio
import re
from datetime import UTC, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from briefing import StoredEvent, StoredQuote
from briefing.dates import display_date
from briefing.digests.week import week_actors
from briefing.questions.profiles import (
    ActorMatch,
    ActorProfile,
    clear_choice,
    find_actors,
    merge,
    profile,
    split,
)
from briefing.questions.sayings import actor_quotes, actor_timeline
from handlers.context import BriefingContext, after_own_pastes, chat_id_of
from handlers.formatting import NO_PREVIEW, article_line, edit_html, esc, plural, reply_html

ACTOR_DATA = re.compile(r"^a:(\d{1,18})$")
TIMELINE_DATA = re.compile(r"^tl:(\d{1,18}):(\d{1,4})$")
ABOUT = re.compile(r"\s+about\s+", re.IGNORECASE)


def _chat_id(update: Update) -> int | None:
    try:
        return chat_id_of(update)
    except ValueError:
        return None


def _choices(matches: list[ActorMatch]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(f"{m.actor.name} ({m.actor.type})", callback_data=f"a:{m.actor.id}")]
         for m in matches]
    )  # fmt: skip


def quote_line(quote: StoredQuote) -> str:
    """“Words” — speaker, date, source (#id)."""
    speaker = esc(quote.speaker or "unattributed")
    where = " · ".join(
        part for part in (display_date(quote.published_at), esc(quote.source)) if part
    )
    marks = ("“", "”") if quote.direct else ("", "")
    return (
        f"{marks[0]}{esc(quote.text)}{marks[1]}\n— <b>{speaker}</b>, {where} · #{quote.article_id}"
    )


def event_line(event: StoredEvent) -> str:
    """A dated event with its sentence."""
    whom = f" → {esc(', '.join(event.objects))}" if event.objects else ""
    return (
        f"<b>{esc(display_date(event.date))}</b> {esc(event.subject)}: {esc(event.action)}{whom}"
        f"\n<i>{esc(event.sentence)}</i> (#{event.article_id})"
    )


def profile_text(found: ActorProfile) -> str:
    """The /actor reply."""
    actor, stats = found.actor, found.stats
    lines = [
        f"<b>{esc(actor.name)}</b> ({esc(actor.type)})",
        f"{plural(stats.articles, 'article')}, {plural(stats.mentions, 'mention')};"
        f" first seen {esc(display_date(stats.first_seen))},"
        f" last seen {esc(display_date(stats.last_seen))}",
    ]
    others = [a for a in actor.aliases if a != actor.name]
    if others:
        lines.append("Also: " + esc(", ".join(others[:10])))
    if found.co_mentioned:
        lines.append("With: " + esc(", ".join(f"{name} ({n})" for name, n in found.co_mentioned)))
    text = "\n".join(lines)
    if found.quotes:
        text += "\n\n<b>Latest quotes</b>\n" + "\n\n".join(quote_line(q) for q in found.quotes)
    if found.articles:
        text += "\n\n<b>Latest articles</b>\n" + "\n".join(article_line(a) for a in found.articles)
    return text


async def _resolve(update: Update, context: BriefingContext, name: str) -> ActorMatch | None:
    """The one actor meant by `name`, or None after telling the user (with choices)."""
    chat_id = _chat_id(update)
    if chat_id is None:
        return None
    await after_own_pastes(context, chat_id)
    matches = await asyncio.to_thread(find_actors, context.bot_data.actors, chat_id, name)
    if not matches:
        await reply_html(update, f"No actor in this chat's archive matches <i>{esc(name)}</i>.")
        return None
    chosen = clear_choice(matches)
    if chosen is None and update.effective_message is not None:
        await update.effective_message.reply_html(
            f"Which one do you mean by <i>{esc(name)}</i>?",
            reply_markup=_choices(matches),
            do_quote=False,
        )
    return chosen


async def actor(update: Update, context: BriefingContext) -> None:
    """/actor NAME: the actor's profile."""
    name = " ".join(context.args or []).strip()
    if not name:
        await reply_html(update, "Usage: /actor NAME, for example <code>/actor Lavrov</code>.")
        return
    chosen = await _resolve(update, context, name)
    if chosen is None:
        return
    await _show_profile(update, context, chosen.actor.id)


async def _show_profile(update: Update, context: BriefingContext, actor_id: int) -> None:
    chat_id = _chat_id(update)
    if chat_id is None:
        return
    found = await asyncio.to_thread(
        profile, context.archive, context.bot_data.actors, chat_id, actor_id
    )
    if found is None:
        await reply_html(update, "That actor is not in this chat's archive.")
        return
    await reply_html(update, profile_text(found))


async def quotes(update: Update, context: BriefingContext) -> None:
    """/quotes NAME [about WORDS]."""
    text = " ".join(context.args or []).strip()
    parts = ABOUT.split(text, maxsplit=1)
    name, words = parts[0].strip(), (parts[1] if len(parts) > 1 else "")
    if not name:
        await reply_html(
            update,
            "Usage: /quotes NAME [about WORDS], e.g. <code>/quotes Lavrov about Syria</code>.",
        )
        return
    chosen = await _resolve(update, context, name)
    chat_id = _chat_id(update)
    if chosen is None or chat_id is None:
        return
    now = datetime.now(UTC)
    items = await asyncio.to_thread(
        actor_quotes, context.bot_data.searcher, chat_id, chosen.actor, words, now
    )
    found = [item.quote for item in items]
    about = f" about <i>{esc(words)}</i>" if words else ""
    if not found:
        await reply_html(update, f"No quotes by <b>{esc(chosen.actor.name)}</b>{about} yet.")
        return
    heading = f"<b>{esc(chosen.actor.name)}</b>{about}:"
    await reply_html(update, heading + "\n\n" + "\n\n".join(quote_line(q) for q in found))


async def _timeline_page(
    context: BriefingContext, chat_id: int, actor_id: int, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    record = await asyncio.to_thread(context.bot_data.actors.get, chat_id, actor_id)
    if record is None:
        return "That actor is not in this chat's archive.", None
    events, more = await asyncio.to_thread(
        actor_timeline, context.bot_data.searcher, chat_id, record, page
    )
    if not events:
        return f"No dated events for <b>{esc(record.name)}</b> yet.", None
    text = f"<b>{esc(record.name)}</b>: timeline, newest first (page {page + 1})\n\n"
    text += "\n\n".join(event_line(e) for e in events)
    buttons = []
    if page > 0:
        buttons.append(InlineKeyboardButton("« Newer", callback_data=f"tl:{actor_id}:{page - 1}"))
    if more:
        buttons.append(InlineKeyboardButton("Older »", callback_data=f"tl:{actor_id}:{page + 1}"))
    return text, InlineKeyboardMarkup([buttons]) if buttons else None


async def timeline_command(update: Update, context: BriefingContext) -> None:
    """/timeline NAME: dated events, newest first, with paging buttons."""
    name = " ".join(context.args or []).strip()
    chat_id = _chat_id(update)
    if not name or chat_id is None:
        await reply_html(update, "Usage: /timeline NAME, for example <code>/timeline Putin</code>.")
        return
    chosen = await _resolve(update, context, name)
    if chosen is None or update.effective_message is None:
        return
    text, markup = await _timeline_page(context, chat_id, chosen.actor.id, 0)
    await update.effective_message.reply_html(
        text, reply_markup=markup, link_preview_options=NO_PREVIEW, do_quote=False
    )


async def actors_command(update: Update, context: BriefingContext) -> None:
    """/actors: the week's actors by salience (as the digest ranks them) against the week
    before."""
    chat_id = _chat_id(update)
    if chat_id is None:
        return
    await after_own_pastes(context, chat_id)
    trends = await asyncio.to_thread(week_actors, context.bot_data.digests, chat_id)
    if not trends:
        await reply_html(update, "No actors in the articles of the last seven days.")
        return
    lines = ["<b>Actors of the last 7 days</b> (against the 7 days before)"]
    for trend in trends:
        kind = f" ({esc(trend.kind)})" if trend.kind else ""
        counts = f"in {plural(trend.articles, 'article')}, {plural(trend.mentions, 'mention')}"
        lines.append(f"{esc(trend.name)}{kind} — {counts} ({trend.trend})")
    await reply_html(update, "\n".join(lines))


async def alias(update: Update, context: BriefingContext) -> None:
    """/alias A = B merges B into A; /alias -A splits the alias A off its actor."""
    text = " ".join(context.args or []).strip()
    chat_id = _chat_id(update)
    store = context.bot_data.actors
    if chat_id is None:
        return
    if text.startswith("-") and len(text) > 1:
        result = await asyncio.to_thread(split, store, chat_id, text[1:].strip())
        if isinstance(result, str):
            await reply_html(update, f"Could not split: {esc(result)}.")
        else:
            await reply_html(update, f"<b>{esc(result.name)}</b> is now an actor of its own.")
        return
    if "=" in text:
        keep, other = (part.strip() for part in text.split("=", 1))
        if keep and other:
            merged = await asyncio.to_thread(merge, store, chat_id, keep, other)
            if isinstance(merged, str):
                await reply_html(update, f"Could not merge: {esc(merged)}.")
            else:
                await reply_html(
                    update,
                    f"Merged <b>{esc(merged[1].name)}</b> into <b>{esc(merged[0].name)}</b>.",
                )
            return
    await reply_html(
        update,
        "Usage: <code>/alias A = B</code> merges B into A; <code>/alias -B</code> splits B off.",
    )


async def on_callback(update: Update, context: BriefingContext) -> None:
    """Buttons: choosing an actor, paging a timeline. Data is validated and chat-scoped."""
    query = update.callback_query
    chat_id = _chat_id(update)
    if query is None:
        return
    data = query.data or ""
    if chat_id is None or not (ACTOR_DATA.match(data) or TIMELINE_DATA.match(data)):
        await query.answer("That button has expired.")
        return
    await query.answer()
    if match := ACTOR_DATA.match(data):
        await _show_profile(update, context, int(match.group(1)))
        return
    if (match := TIMELINE_DATA.match(data)) and query.message is not None:
        text, markup = await _timeline_page(
            context, chat_id, int(match.group(1)), int(match.group(2))
        )
        await edit_html(context.bot, chat_id, query.message.message_id, text, markup)
