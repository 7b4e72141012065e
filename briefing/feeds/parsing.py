"""Reading a feed document into items: RSS 0.9x, 1.0 and 2.0 and Atom with feedparser, JSON Feed
(which feedparser does not read) with `json`.

A feed is untrusted: documents that declare XML entities are refused before parsing (entity
expansion is the classic way to make an XML parser allocate without bound), feedparser is
given the bytes (never a string it might take for a URL or a file name), and an item keeps only
http(s) links and plain text.
"""

import calendar
import hashlib
import io
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

MAX_ITEMS = 200  # items read from one document; the rest are ignored
_ENTITY_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
_BLOCK_END_RE = re.compile(r"(?i)</(p|div|li|h[1-6]|blockquote)>|<br\s*/?>")
_JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_DECLARED_ENCODING_RE = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")


class FeedFormatError(ValueError):
    """The document is not a feed this bot can read; the message says why, for the user."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: a stable id, its link, title, plain text and publication time."""

    guid: str
    link: str | None
    title: str
    text: str
    published_at: str | None  # UTC ISO, to the minute


@dataclass(frozen=True)
class ParsedFeed:
    """A feed document: its title, the site it belongs to, and its items, newest first."""

    title: str
    site_url: str | None
    items: tuple[FeedItem, ...]
    kind: str  # "rss20", "atom10", "json"... as feedparser names it


def html_to_text(markup: str) -> str:
    """Plain text of a fragment of HTML, one paragraph per block element."""
    if "<" not in markup:
        return markup.strip()
    import lxml.html  # type: ignore[import-untyped]

    spaced = _BLOCK_END_RE.sub(lambda m: m.group(0) + "\n\n", markup)
    try:
        text = lxml.html.fromstring(f"<div>{spaced}</div>").text_content()
    except (ValueError, lxml.etree.ParserError):
        return ""
    paragraphs = (" ".join(part.split()) for part in text.split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _web_link(value: object, base: str) -> str | None:
    """An absolute http(s) link, or None for anything else (javascript:, data:, mail)."""
    if not isinstance(value, str) or not value.strip():
        return None
    link = urljoin(base, value.strip())
    return link if urlsplit(link).scheme in {"http", "https"} else None


def _guid(*parts: object) -> str:
    """A stable id for an item that names none: a hash of what it says."""
    joined = "\n".join(str(p or "") for p in parts)
    return "sha1:" + hashlib.sha1(joined.encode("utf-8")).hexdigest()


def _struct_iso(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    moment = datetime.fromtimestamp(calendar.timegm(value), UTC)
    return moment.isoformat(timespec="minutes")


def _iso(value: object) -> str | None:
    """An RFC 3339 date of a JSON Feed as UTC ISO text, or None."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="minutes")


def parse_feed_text(text: str, url: str) -> ParsedFeed:
    """The feed in a fetched, already decoded document: encoded again as UTF-8, which its XML
    declaration is made to say."""
    return parse_feed(_DECLARED_ENCODING_RE.sub(r'\1"utf-8"', text, count=1).encode(), url)


def parse_feed(data: bytes, url: str) -> ParsedFeed:
    """The feed in `data` (fetched from `url`); FeedFormatError when it is none."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: checked and parsed as UTF-8
        return parse_feed_text(data.decode("utf-16", "replace"), url)
    head = data[:2048].lstrip()
    if head.startswith((b"{", b"\xef\xbb\xbf{")):
        return _parse_json_feed(data, url)
    if _ENTITY_RE.search(data):
        raise FeedFormatError("the feed declares XML entities, which are refused")
    return _parse_xml_feed(data, url)


def _parse_xml_feed(data: bytes, url: str) -> ParsedFeed:
    import feedparser  # type: ignore[import-untyped]

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    if not parsed.version and not parsed.entries:
        raise FeedFormatError("this is not an RSS or Atom feed")
    channel = parsed.feed
    items = tuple(item for entry in parsed.entries[:MAX_ITEMS] if (item := _xml_item(entry, url)))
    return ParsedFeed(
        title=html_to_text(channel.get("title", "")) or (urlsplit(url).hostname or url),
        site_url=_web_link(channel.get("link"), url),
        items=items,
        kind=parsed.version or "rss",
    )


def _xml_item(entry: Any, base: str) -> FeedItem | None:
    link = _web_link(entry.get("link"), base)
    title = html_to_text(entry.get("title", ""))
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_to_text(body or "")
    if not (link or title or text):
        return None
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    guid = entry.get("id") or link or _guid(title, text)
    return FeedItem(str(guid), link, title, text, _struct_iso(when))


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        raise FeedFormatError("the feed is not valid JSON") from None
    version = document.get("version") if isinstance(document, dict) else None
    if not isinstance(version, str) or not version.startswith(_JSON_FEED_VERSION):
        raise FeedFormatError("this JSON is not a JSON Feed")
    entries = document.get("items")
    items = tuple(
        item
        for entry in (entries if isinstance(entries, list) else [])[:MAX_ITEMS]
        if isinstance(entry, dict) and (item := _json_item(entry, url))
    )
    title = document.get("title")
    return ParsedFeed(
        title=title.strip() if isinstance(title, str) and title.strip() else url,
        site_url=_web_link(document.get("home_page_url"), url),
        items=items,
        kind="json",
    )


def _json_item(entry: dict[str, Any], base: str) -> FeedItem | None:
    link = _web_link(entry.get("url") or entry.get("external_url"), base)
    title = html_to_text(str(entry.get("title") or ""))
    text = str(entry.get("content_text") or "") or html_to_text(
        str(entry.get("content_html") or entry.get("summary") or "")
    )
    if not (link or title or text):
        return None
    guid = entry.get("id") or link or _guid(title, text)
    when = _iso(entry.get("date_published") or entry.get("date_modified"))
    return FeedItem(str(guid), link, title, text.strip(), when)
