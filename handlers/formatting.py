"""HTML for replies: every stored value escaped, matched words in bold, long text split."""

from html import escape
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Message, Update

from briefing.dates import display_date
from briefing.ingest import IngestOutcome
from briefing.search import snippet_parts
from handlers.split import split_message
from storage import ArchiveStats, StoredArticle

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def esc(value: object) -> str:
    """Escape any value for Telegram HTML."""
    return escape(str(value), quote=True)


def link(url: str | None, text: str) -> str:
    """An <a> element for an http(s) URL, or plain escaped text when there is none."""
    if url and urlsplit(url).scheme in {"http", "https"}:
        return f'<a href="{esc(url)}">{esc(text)}</a>'
    return esc(text)


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
            f"{link(article.url, article.url or '')}\n"
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


async def reply_html(update: Update, text: str) -> list[Message]:
    """Reply in as many messages as needed, link previews off."""
    message = update.effective_message
    if message is None:
        return []
    sent = []
    for part in split_message(text):
        sent.append(await message.reply_html(part, link_preview_options=NO_PREVIEW, do_quote=False))
    return sent
