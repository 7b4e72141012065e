"""Finding a site's feed from one of its pages: `<link rel="alternate">` naming an RSS, Atom or
JSON Feed document, as sites announce their feeds to browsers and readers."""

from urllib.parse import urljoin, urlsplit

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)


def looks_like_html(data: bytes) -> bool:
    """True when a document starts like a web page rather than a feed."""
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def discover_feeds(page: str, page_url: str) -> list[str]:
    """The feed URLs a page names in its `<link rel="alternate">` elements, in the page's
    order (RSS and Atom before JSON when a page offers several kinds of the same feed)."""
    import lxml.html  # type: ignore[import-untyped]

    try:
        root = lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return []
    found: list[tuple[int, str]] = []
    for element in root.iter("link"):
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        href = element.get("href")
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        url = urljoin(page_url, href.strip())
        if urlsplit(url).scheme in {"http", "https"} and url not in (u for _, u in found):
            found.append((FEED_TYPES.index(kind) // 2, url))
    return [url for _, url in sorted(found, key=lambda pair: pair[0])]
