"""Turn pasted or forwarded text into an article: title, date, source, URL and clean body."""

import hashlib
import re
from dataclasses import dataclass

from briefing.dates import parse_date_line
from briefing.ingest.urls import URL_RE

TITLE_MAX = 120
_HEADER_SCAN = 4  # non-empty lines after the title that may hold the date and source

_HEADING_RE = re.compile(r"^\s{0,3}#{1,3}\s+(?P<text>.+?)\s*#*\s*$")
_URL_LABEL_RE = re.compile(
    r"^\s*(?:original\s+url|original\s+link|source\s+url|source|url|link|read\s+more)\s*:\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_BOLD_ONLY_RE = re.compile(r"^\s*(?:(?:\*\*|__)[^*_]+?(?:\*\*|__)\s*)+$")
_BARE_URL_RE = re.compile(r"^\s*<?(?P<url>" + URL_RE.pattern + r")>?[.,;]?\s*$", re.IGNORECASE)
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^)\s]+)\)")
_EMPHASIS_RE = re.compile(r"(\*\*|__)(.+?)\1")
_ITALIC_RE = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ":", ")", "»")
_FIRST_SENTENCE_RE = re.compile(r"^(.+?[.!?…])(?:\s|$)")


@dataclass(frozen=True)
class ParsedArticle:
    """What pasted text says about itself; fields it does not state are empty."""

    title: str
    body: str
    published_at: str | None = None
    source: str = ""
    url: str | None = None


def _strip_inline_markup(text: str) -> str:
    text = _MD_LINK_RE.sub(r"\1", text)
    text = _EMPHASIS_RE.sub(r"\2", text)
    text = _ITALIC_RE.sub(r"\1", text)
    return re.sub(r"[ \t\u00a0]+", " ", text).strip()


def _normalise_lines(text: str) -> list[str]:
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ue000\ue001]", "", text)
    return [line.rstrip() for line in text.split("\n")]


def _take_url(lines: list[str]) -> tuple[list[str], str | None, str]:
    """Remove a trailing URL block ("Original url:" + "<url>", "Source: url", bare URL).

    Returns the remaining lines, the URL, and a source name given as "Source: Name".
    """
    indexes = [i for i, line in enumerate(lines) if line.strip()]
    for position in range(len(indexes) - 1, max(-1, len(indexes) - 4), -1):
        i = indexes[position]
        label = _URL_LABEL_RE.match(lines[i])
        if label:
            rest = label.group("rest").strip()
            bare = _BARE_URL_RE.match(rest) if rest else None
            if bare:
                return lines[:i] + lines[i + 1 :], bare.group("url"), ""
            if not rest and position + 1 < len(indexes):
                j = indexes[position + 1]
                bare = _BARE_URL_RE.match(lines[j])
                if bare:
                    return lines[:i] + lines[j + 1 :], bare.group("url"), ""
            if rest and not URL_RE.search(rest) and len(rest) <= 60 and position >= 1:
                return lines[:i] + lines[i + 1 :], None, _strip_inline_markup(rest)
    if indexes:
        last = indexes[-1]
        bare = _BARE_URL_RE.match(lines[last])
        if bare and len(indexes) > 1:
            return lines[:last], bare.group("url"), ""
    return lines, None, ""


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the lower-case paragraph after it."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not joined[-1].endswith(_SENTENCE_END) and paragraph[:1].islower():
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    """Cut text at a word boundary to at most `limit` characters, marking the cut with '…'."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–—")
    return f"{cut}…"


def _looks_like_title(line: str, has_more: bool) -> bool:
    return (
        has_more
        and len(line) <= 160
        and len(line.split()) <= 25
        and not line.endswith((".", ",", ";", ":"))
        and not URL_RE.search(line)
    )


def _header_source(line: str) -> str | None:
    if _BOLD_ONLY_RE.match(line):
        return _strip_inline_markup(line)
    match = re.match(r"^\s*(?:source|by)\s*:\s*(?P<name>.{2,60})$", line, re.IGNORECASE)
    if match and not URL_RE.search(match.group("name")):
        return _strip_inline_markup(match.group("name"))
    return None


def parse_pasted(text: str) -> ParsedArticle:
    """Read a pasted article in the common shape: "# Title", date, source, body, URL.

    Text without that structure still gives an article: its title is the first sentence.
    """
    lines, url, source = _take_url(_normalise_lines(text))
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    title = ""
    published_at: str | None = None
    body_start = 0
    if nonempty:
        first = nonempty[0]
        heading = _HEADING_RE.match(lines[first])
        candidate = lines[first].strip()
        if heading:
            title = _strip_inline_markup(heading.group("text"))
            body_start = first + 1
        elif _looks_like_title(_strip_inline_markup(candidate), len(nonempty) > 1):
            title = _strip_inline_markup(candidate)
            body_start = first + 1
    if title:
        header_lines = [i for i in nonempty if i >= body_start][:_HEADER_SCAN]
        consumed: set[int] = set()
        for i in header_lines:
            line = lines[i]
            if published_at is None and (found := parse_date_line(_strip_inline_markup(line))):
                published_at = found
                consumed.add(i)
            elif not source and (name := _header_source(line)):
                source = name
                consumed.add(i)
            else:
                break
        lines = [line for i, line in enumerate(lines) if i >= body_start and i not in consumed]
    paragraphs = _join_broken([_strip_inline_markup(p) for p in _paragraphs(lines)])
    paragraphs = [p for p in paragraphs if p]
    body = "\n\n".join(paragraphs)
    if not title:
        title = first_sentence_title(body)
    return ParsedArticle(title=title, body=body, published_at=published_at, source=source, url=url)


def first_sentence_title(body: str) -> str:
    """A title for text that has none: its first sentence, shortened."""
    first_paragraph = body.split("\n\n", 1)[0].strip()
    match = _FIRST_SENTENCE_RE.match(first_paragraph)
    sentence = match.group(1) if match else first_paragraph
    return shorten(sentence.rstrip("."), TITLE_MAX) or "Untitled"


def content_hash(title: str, body: str) -> str:
    """A hash of the words of the text (case and spacing ignored) to spot exact re-sends."""
    words = re.findall(r"\w+", (body or title).casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
