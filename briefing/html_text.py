"""Plain article text from an HTML file: title, date, site name, canonical URL and paragraphs.

A small standard-library reader for saved pages; it copes with broken markup by reading what
it can and never raises on malformed input.
"""

import re
from html.parser import HTMLParser

from briefing.article import ParsedArticle, first_sentence_title
from briefing.dates import parse_date_line

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "header", "aside",
         "form", "button", "iframe", "figure"}  # fmt: skip
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "div", "section", "article",
           "br", "tr", "td"}  # fmt: skip
_DATE_META = ("article:published_time", "datepublished", "pubdate", "publish-date", "date",
              "dc.date", "dc.date.issued", "og:article:published_time")  # fmt: skip


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._stack: list[str] = []
        self._skip_depth = 0
        self._in_article = 0
        self.article_blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href") or None
            return
        if tag in {"br", "img", "hr", "input", "link"}:
            if tag == "br":
                self._flush()
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip_depth += 1
        if tag == "article":
            self._in_article += 1
        if tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return
        while self._stack:
            open_tag = self._stack.pop()
            if open_tag in _SKIP:
                self._skip_depth -= 1
            if open_tag in _BLOCKS:
                self._flush()
            if open_tag == "article":
                self._in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if "title" in self._stack and "body" not in self._stack:
            self.title_parts.append(data)
            return
        if self._skip_depth:
            return
        if "h1" in self._stack:
            self.h1_parts.append(data)
        self._current.append(data)

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._current)).strip()
        self._current = []
        if text:
            self.blocks.append(text)
            if self._in_article:
                self.article_blocks.append(text)

    def close(self) -> None:
        super().close()
        self._flush()


def _published(meta: dict[str, str]) -> str | None:
    for key in _DATE_META:
        value = meta.get(key)
        if value:
            iso = parse_date_line(value[:10]) if re.match(r"\d{4}-\d\d-\d\d", value) else None
            return iso or parse_date_line(value)
    return None


def parse_html(html: str) -> ParsedArticle:
    """Read a saved article page into an article; markup errors are tolerated."""
    reader = _PageReader()
    reader.feed(html)
    reader.close()
    title = (
        reader.meta.get("og:title")
        or re.sub(r"\s+", " ", "".join(reader.h1_parts)).strip()
        or re.sub(r"\s+", " ", "".join(reader.title_parts)).strip()
    )
    blocks = reader.article_blocks or reader.blocks
    paragraphs = [b for b in blocks if len(b.split()) >= 4 and b != title]
    body = "\n\n".join(paragraphs)
    return ParsedArticle(
        title=title or first_sentence_title(body),
        body=body,
        published_at=_published(reader.meta),
        source=reader.meta.get("og:site_name", ""),
        url=reader.canonical or reader.meta.get("og:url"),
    )
