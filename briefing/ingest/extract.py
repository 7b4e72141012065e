"""The article in a fetched page: title, date, site, canonical URL, author and clean text.

HTML goes through trafilatura with the options that scored best on the project's extraction
benchmark (`bench/extraction.py --variants`): its fast single pass without the fallback
extractors, leaving out tables and reader comments.
Extraction is CPU work on untrusted input; the bot and the import run it in isolated worker
processes (`briefing.ingest.isolation`) with a time and memory limit.
"""

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from trafilatura import bare_extraction
from trafilatura.settings import Document

from briefing.ingest.article import ParsedArticle, first_sentence_title, parse_pasted, shorten

TITLE_LIMIT = 300
PROSE_MIN_WORDS = 10
PROSE_MIN_CHARS = 60


@dataclass(frozen=True)
class ExtractedArticle:
    """An article read from a web page, with the author when the page names one."""

    parsed: ParsedArticle
    author: str | None = None


def _paragraphs(text: str, title: str) -> list[str]:
    """The extracted text's non-empty lines as paragraphs, without a leading copy of the title."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    return paragraphs


def _has_prose(paragraphs: list[str]) -> bool:
    """True when some paragraph reads like a sentence rather than a menu or a caption (counted
    in characters too, for scripts written without spaces)."""
    return any(
        len(paragraph.split()) >= PROSE_MIN_WORDS or len(paragraph) >= PROSE_MIN_CHARS
        for paragraph in paragraphs
    )


def _date_params() -> dict[str, Any]:
    """Date search limited to the page's markup and URL: a guess from free text (such as a
    copyright year) is worse for the archive than no date."""
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }


def _iso_date(value: str | None) -> str | None:
    """The YYYY-MM-DD date at the start of `value`, if it is a real date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _web_url(value: str | None) -> str | None:
    parts = urlsplit(value or "")
    return value if parts.scheme in {"http", "https"} and parts.netloc else None


def site_of(url: str | None) -> str:
    """The host of a URL without "www.", as a fallback name for the source."""
    host = urlsplit(url or "").hostname or ""
    return host.removeprefix("www.")


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def extract_article(html: str, url: str | None = None) -> ExtractedArticle | None:
    """The article in an HTML page, or None when the page holds no article text.

    `url` is where the page was fetched; the article's URL is the page's canonical URL when it
    gives one, and its source is the site name, else the host.
    """
    document = bare_extraction(
        html,
        url=url,
        fast=True,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        date_extraction_params=_date_params(),
    )
    if not isinstance(document, Document):
        return None
    title = _clean(document.title)
    paragraphs = _paragraphs(document.text or "", title)
    if not _has_prose(paragraphs):
        return None
    body = "\n\n".join(paragraphs)
    article_url = _web_url(document.url) or url
    parsed = ParsedArticle(
        title=shorten(title, TITLE_LIMIT) if title else first_sentence_title(body),
        body=body,
        published_at=_iso_date(document.date),
        source=_clean(document.sitename) or site_of(article_url),
        url=article_url,
    )
    return ExtractedArticle(parsed=parsed, author=_clean(document.author) or None)


def extract_text_page(text: str, url: str) -> ExtractedArticle | None:
    """The article in a plain-text page, read like pasted text; None when it has no text.

    A URL the text states is kept; otherwise the page's own URL is used.
    """
    parsed = parse_pasted(text)
    if not parsed.body.strip():
        return None
    article_url = parsed.url or url
    return ExtractedArticle(
        parsed=replace(parsed, url=article_url, source=parsed.source or site_of(article_url))
    )


def extract_page(text: str, url: str, content_type: str) -> ExtractedArticle | None:
    """The article in a fetched page of either kind (`content_type` from its response).

    Module-level and light to import, so that it can run in an isolated worker process.
    """
    if content_type.startswith("text/plain"):
        return extract_text_page(text, url)
    return extract_article(text, url)
