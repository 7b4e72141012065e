"""/article, /recent, /forget and /stats: looking after the chat's archive."""

import asyncio

from telegram import Update

from briefing import SQLITE_MAX_INT, StoredArticle
from handlers.context import BriefingContext, chat_id_of
from handlers.formatting import article_full, article_line, esc, reply_html, stats_text

RECENT_LIMIT = 10
MAX_ID = SQLITE_MAX_INT
SHOWN_DIGITS = 24  # a longer number asked for is cut short in the answer


def _number(args: list[str] | None) -> int | None:
    """The number a command's arguments start with ("12" or "#12"), of any size."""
    if not args:
        return None
    text = args[0].lstrip("#")
    if not text.isdigit() or not text.isascii():
        return None
    return int(text)


def parse_article_id(args: list[str] | None) -> int | None:
    """The article id in a command's arguments, or None if there is none or the number is one
    no article can have (0, or beyond SQLite's 64-bit range)."""
    value = _number(args)
    return value if value is not None and 0 < value <= MAX_ID else None


async def id_or_usage(update: Update, context: BriefingContext, command: str) -> int | None:
    """The number asked for (possibly one no article has), or None after a usage reply."""
    number = _number(context.args)
    if number is None:
        await reply_html(update, f"Usage: /{command} ID, for example <code>/{command} 12</code>.")
    return number


async def _lookup(context: BriefingContext, chat_id: int, article_id: int) -> StoredArticle | None:
    """The chat's article, or None; an id no article can have is not looked up."""
    if not 0 < article_id <= MAX_ID:
        return None
    return await asyncio.to_thread(context.archive.get, chat_id, article_id)


def shown_id(number: int) -> str:
    """A number the user asked for, cut short when it is too long to repeat in a reply."""
    digits = str(number)
    return digits if len(digits) <= SHOWN_DIGITS else f"{digits[:SHOWN_DIGITS]}…"


def _no_article(article_id: int) -> str:
    return f"There is no article #{shown_id(article_id)} in this chat's archive."


async def show_article(update: Update, context: BriefingContext) -> None:
    """Show one stored article of this chat in full."""
    article_id = await id_or_usage(update, context, "article")
    if article_id is None:
        return
    article = await _lookup(context, chat_id_of(update), article_id)
    if article is None:
        await reply_html(update, _no_article(article_id))
        return
    await reply_html(update, article_full(article))


async def recent(update: Update, context: BriefingContext) -> None:
    """List the ten articles added last."""
    articles = await asyncio.to_thread(context.archive.recent, chat_id_of(update), RECENT_LIMIT)
    if not articles:
        await reply_html(update, "The archive of this chat is empty. Paste an article to start it.")
        return
    lines = ["<b>Most recent</b>"] + [article_line(a) for a in articles]
    await reply_html(update, "\n\n".join(lines))


async def forget(update: Update, context: BriefingContext) -> None:
    """Delete one article of this chat, with its index entries."""
    article_id = await id_or_usage(update, context, "forget")
    if article_id is None:
        return
    chat_id = chat_id_of(update)
    article = await _lookup(context, chat_id, article_id)
    if article is None or not await asyncio.to_thread(context.archive.delete, chat_id, article_id):
        await reply_html(update, _no_article(article_id))
        return
    await reply_html(update, f"Deleted #{article_id} <b>{esc(article.title)}</b>.")


async def stats(update: Update, context: BriefingContext) -> None:
    """Counts of this chat's archive."""
    numbers = await asyncio.to_thread(context.archive.stats, chat_id_of(update))
    await reply_html(update, stats_text(numbers))
