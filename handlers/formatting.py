"""HTML for replies: every stored value escaped, matched words in bold, long text split."""

from html import escape
from urllib.parse import urlsplit

from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest
from telegram.ext import Defaults

from briefing import ArchiveStats, StoredArticle
from briefing.dates import display_date
from briefing.ingest.workflow import IngestOutcome
from briefing.questions.snippets import snippet_parts
from handlers.split import split_message

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Every message is HTML without link previews; the builder gets these once (`bot.app`).
REPLY_DEFAULTS = Defaults(parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW)
MAX_HREF = 2000  # longer links are shown as text only: they would crowd out the message
MAX_LINK_TEXT = 80


def esc(value: object) -> str:
    """Escape any value for Telegram HTML."""
    return escape(str(value), quote=True)


def shorten_text(text: str, limit: int = MAX_LINK_TEXT) -> str:
    """`text` cut to `limit` characters with an ellipsis, so a huge link stays one line."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def link(url: str | None, text: str) -> str:
    """An <a> element for an http(s) URL, or plain escaped text when there is none (or when
    the URL is too long to be worth a link)."""
    shown = esc(text)
    if url and len(url) <= MAX_HREF and urlsplit(url).scheme in {"http", "https"}:
        return f'<a href="{esc(url)}">{shown}</a>'
    return shown


def byline(article: StoredArticle) -> str:
    """ "22 Apr 2015 · The Moscow Times" (source omitted when unknown)."""
    parts = [display_date(article.published_at)]
    if article.source:
        parts.append(esc(article.source))
    return " · ".join(parts)


def article_card(article: StoredArticle, heading: str = "Saved") -> str:
    """The short card shown after archiving: title, date, source, id and link."""
    lines = [
        f"{esc(heading)} <b>#{article.id}</b>",
        f"<b>{esc(article.title)}</b>",
        byline(article),
    ]
    if article.url:
        lines.append(link(article.url, urlsplit(article.url).hostname or article.url))
    return "\n".join(lines)


def ingest_card(outcome: IngestOutcome) -> str:
    """What the user sees once an item is archived (or found to be there already)."""
    article = outcome.article
    if outcome.status == "duplicate":
        return f"Already archived as <b>#{article.id}</b>: {esc(article.title)}"
    if outcome.status == "failed":
        return (
            f"Saved <b>#{article.id}</b> as a link only: {esc(outcome.reason or 'unreadable')}.\n"
            f"{link(article.url, shorten_text(article.url or ''))}\n"
            f"/retry {article.id} tries again, or paste the article's text to attach it."
        )
    heading = "Added the text to" if outcome.status == "attached" else "Saved"
    card = article_card(article, heading)
    if article.post_url and article.post_url != article.url:
        card += "\n" + link(article.post_url, "post")
    if outcome.actors:
        card += "\nActors: " + esc(", ".join(outcome.actors))
    if outcome.status == "same_story" and article.story_id:
        card += f"\nSame story as #{article.story_id}."
    if outcome.reason:
        card += f"\n<i>The linked page could not be read: {esc(outcome.reason)}.</i>"
    return card


def article_full(article: StoredArticle) -> str:
    """A stored article in full: header, then the body paragraphs."""
    header = f"<b>#{article.id} {esc(article.title)}</b>\n{byline(article)}"
    if article.url:
        header += " · " + link(article.url, "original")
    if article.status != "ready":
        header += f"\n<i>status: {esc(article.status)}</i>"
        if article.reason:
            header += f" <i>({esc(article.reason)})</i>"
    body = "\n\n".join(esc(p) for p in article.body.split("\n\n") if p.strip())
    return f"{header}\n\n{body}" if body else header


def article_line(article: StoredArticle) -> str:
    """One line per article for lists: id, title, date and source."""
    return f"#{article.id} <b>{esc(article.title)}</b>\n{byline(article)}"


def snippet_html(snippet: str) -> str:
    """A snippet with its matched words in bold."""
    return "".join(
        f"<b>{esc(text)}</b>" if matched else esc(text) for text, matched in snippet_parts(snippet)
    )


def plural(count: int, noun: str) -> str:
    """ "1 article", "2 articles"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def stats_text(stats: ArchiveStats) -> str:
    """Counts for /stats."""
    if stats.total == 0:
        return "The archive of this chat is empty. Paste an article to start it."
    lines = [
        f"<b>{plural(stats.ready, 'article')}</b> from <b>{plural(stats.sources, 'source')}</b>",
        f"first added {esc(display_date(stats.first_added))},"
        f" last added {esc(display_date(stats.last_added))}",
    ]
    if stats.pending or stats.failed:
        lines.append(f"{stats.pending} waiting for analysis, {stats.failed} failed")
    return "\n".join(lines)


async def edit_html(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> bool:
    """Edit a message into the first part of `text`; False when the message already shows
    exactly that (a button pressed twice), which Telegram reports as an error."""
    try:
        await bot.edit_message_text(
            split_message(text)[0],
            chat_id=chat_id,
            message_id=message_id,
            reply_markup=markup,
        )
    except BadRequest as error:
        if "not modified" in str(error).lower():
            return False
        raise
    return True


async def reply_html(update: Update, text: str) -> list[Message]:
    """Reply in as many messages as needed (HTML, previews off: `REPLY_DEFAULTS`)."""
    message = update.effective_message
    if message is None:
        return []
    sent = []
    for part in split_message(text):
        sent.append(await message.reply_text(part, do_quote=False))
    return sent
