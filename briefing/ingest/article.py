"""Turn pasted or forwarded text into an article: title, date, source, URL and clean body."""

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from briefing.dates import parse_date_line
from briefing.ingest.datelines import Dateline, agency_name, read_dateline, signature_agency
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
    place: str = ""  # where the dateline says the story was filed; not stored (no column)


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


def _headline_over_dateline(lines: list[str], nonempty: list[int], reference: date) -> bool:
    """Whether the first line is a headline standing above a dateline: on its own, short, and
    the next paragraph starts with a dateline (a headline may end with "U.S.")."""
    if len(nonempty) < 2 or nonempty[1] == nonempty[0] + 1:
        return False
    first = _strip_inline_markup(lines[nonempty[0]])
    if len(first) > 160 or len(first.split()) > 25 or URL_RE.search(first):
        return False
    return read_dateline(_strip_inline_markup(lines[nonempty[1]]), reference) is not None


def _header_source(line: str) -> str | None:
    if _BOLD_ONLY_RE.match(line):
        return _strip_inline_markup(line)
    plain = _strip_inline_markup(line)
    if agency := signature_agency(plain) or _byline_agency(plain):
        return agency
    match = re.match(r"^\s*(?:source|by)\s*:\s*(?P<name>.{2,60})$", line, re.IGNORECASE)
    if match and not URL_RE.search(match.group("name")):
        return _strip_inline_markup(match.group("name"))
    return None


def _byline_agency(line: str) -> str:
    """The agency of a byline that names one ("By Jane Roe, Associated Press"), or ""."""
    match = re.match(r"^by\s+[^,|]{2,60}[,|]\s*(?P<agency>[^,|]{2,40})$", line, re.IGNORECASE)
    return agency_name(match.group("agency").strip(" .")) if match else ""


def _take_signature(lines: list[str]) -> tuple[list[str], str]:
    """Remove a wire's closing signature ("Reuter" on the last line); returns its agency."""
    indexes = [i for i, line in enumerate(lines) if line.strip()]
    if len(indexes) > 1 and (agency := signature_agency(lines[indexes[-1]])):
        return lines[: indexes[-1]], agency
    return lines, ""


def _take_dateline(lines: list[str], reference: date) -> tuple[list[str], Dateline | None]:
    """Remove the dateline the first non-empty line starts with (or is), if there is one."""
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        dateline = read_dateline(_strip_inline_markup(line), reference)
        if dateline is None:
            return lines, None
        rest = [dateline.rest] if dateline.rest else []
        return lines[:i] + rest + lines[i + 1 :], dateline
    return lines, None


@dataclass
class _Header:
    """What the lines above the body say: title, date line and source line."""

    title: str = ""
    published_at: str | None = None
    source: str = ""


def _read_header(lines: list[str], reference: date) -> tuple[list[str], _Header]:
    """Take the title and the date and source lines under it; the rest is the body."""
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    header = _Header()
    if not nonempty:
        return lines, header
    first = nonempty[0]
    candidate = _strip_inline_markup(lines[first])
    if heading := _HEADING_RE.match(lines[first]):
        header.title = _strip_inline_markup(heading.group("text"))
    elif read_dateline(candidate, reference) is None and (
        _looks_like_title(candidate, len(nonempty) > 1)
        or _headline_over_dateline(lines, nonempty, reference)
    ):
        header.title = candidate
    if not header.title:
        return lines, header
    consumed = {first}
    for i in [i for i in nonempty if i > first][:_HEADER_SCAN]:
        line = lines[i]
        if header.published_at is None and (found := parse_date_line(_strip_inline_markup(line))):
            header.published_at = found
        elif not header.source and (name := _header_source(line)):
            header.source = name
        else:
            break
        consumed.add(i)
    return [line for i, line in enumerate(lines) if i > first and i not in consumed], header


def parse_pasted(text: str, reference: date | None = None) -> ParsedArticle:
    """Read a pasted article in the common shape: "# Title", date, source, body, URL.

    A wire dateline at the top of the body ("KIEV, April 23 (Reuters) - ") gives the date and
    source the text does not state otherwise and leaves the body, as does a closing "Reuter".
    `reference` is when the text was pasted (default: today): a dateline without a year means
    the latest such date not after it. A date or source line under the title wins.
    Text without that structure still gives an article: its title is the first sentence.
    """
    lines, url, source = _take_url(_normalise_lines(text))
    lines, signature = _take_signature(lines)
    today = reference or datetime.now(UTC).date()
    lines, header = _read_header(lines, today)
    lines, dateline = _take_dateline(lines, today)
    paragraphs = _join_broken([_strip_inline_markup(p) for p in _paragraphs(lines)])
    body = "\n\n".join(p for p in paragraphs if p)
    return ParsedArticle(
        title=header.title or first_sentence_title(body),
        body=body,
        published_at=header.published_at or (dateline.published_at if dateline else None),
        source=source or header.source or (dateline.source if dateline else "") or signature,
        url=url,
        place=dateline.place if dateline else "",
    )


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
