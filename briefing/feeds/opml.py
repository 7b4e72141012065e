"""OPML, the list format feed readers exchange: read with listparser, written with ElementTree.

A subscription list is untrusted like any document: one that declares XML entities is refused,
listparser is given bytes (a string starting with http would be fetched by it), and only
http(s) feed URLs are kept.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.etree import ElementTree

MAX_OPML_FEEDS = 500
_ENTITY_RE = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DECLARED_ENCODING_RE = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*)["'][^"']*["']""")


class OpmlError(ValueError):
    """The document is not a subscription list this bot can read."""


@dataclass(frozen=True)
class OpmlFeed:
    """One feed of a subscription list: its URL, title and site (written, not read back)."""

    url: str
    title: str = ""
    site_url: str | None = None


def read_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds of an OPML document, each URL once, in the document's order."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: checked and parsed as UTF-8
        data = _DECLARED_ENCODING_RE.sub(r'\1"utf-8"', data.decode("utf-16", "replace")).encode()
    if b"\x00" in data:
        raise OpmlError("this is not a text file")
    if _ENTITY_RE.search(data):
        raise OpmlError("the file declares XML entities, which are refused")
    import listparser

    result = listparser.parse(bytes(data))
    feeds: dict[str, OpmlFeed] = {}
    for entry in result.get("feeds", []):
        url = str(entry.get("url") or "").strip()
        if urlsplit(url).scheme not in {"http", "https"} or url in feeds:
            continue
        title = str(entry.get("title") or "").strip()
        feeds[url] = OpmlFeed(url, "" if title == url else title)
    if not feeds and not result.get("version"):
        raise OpmlError("this is not an OPML subscription list")
    return list(feeds.values())[:MAX_OPML_FEEDS]


def write_opml(title: str, feeds: list[OpmlFeed]) -> str:
    """An OPML 2.0 document of the feeds, which feed readers import."""
    root = ElementTree.Element("opml", version="2.0")
    head = ElementTree.SubElement(root, "head")
    ElementTree.SubElement(head, "title").text = title
    body = ElementTree.SubElement(root, "body")
    for feed in feeds:
        attributes = {"type": "rss", "text": feed.title or feed.url, "xmlUrl": feed.url}
        if feed.title:
            attributes["title"] = feed.title
        if feed.site_url:
            attributes["htmlUrl"] = feed.site_url
        ElementTree.SubElement(body, "outline", attributes)
    ElementTree.indent(root)
    return "<?xml version='1.0' encoding='utf-8'?>\n" + ElementTree.tostring(root, "unicode")
