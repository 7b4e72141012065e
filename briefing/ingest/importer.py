"""Reading files for bulk import: pasted-article text, saved HTML pages and JSON lines.

Nothing in a file stops the reading: a line or a file that cannot be read, whatever the reason
(bad JSON, nesting deeper than Python can follow, no body, an unreadable file), becomes an
item with a short reason, and the items before and after it are read as usual.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from briefing.dates import normalise_date
from briefing.export.record_format import EXPORT_FORMAT
from briefing.ingest.article import ParsedArticle, first_sentence_title, parse_pasted, shorten
from briefing.ingest.datelines import read_dateline
from briefing.ingest.extract import extract_article

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_DOCUMENTS = TEXT_SUFFIXES | HTML_SUFFIXES
SUPPORTED_SUFFIXES = SUPPORTED_DOCUMENTS | JSONL_SUFFIXES


@dataclass(frozen=True)
class ImportItem:
    """One input item: where it came from and either the parsed article or why it failed."""

    origin: str
    parsed: ParsedArticle | None = None
    error: str | None = None


@dataclass(frozen=True)
class ImportDefaults:
    """The source and date (`import --source`, `--date`) of the articles that state none.

    The date is also the reference of datelines without a year ("SALVADOR, Feb 26 -" in a file
    given `--date 1987-03-01` is 26 February 1987), as the paste's day is for pasted text.
    """

    source: str = ""
    published_at: str | None = None

    @property
    def reference(self) -> date | None:
        """The day that datelines without a year are read against, if one was given."""
        return date.fromisoformat(self.published_at[:10]) if self.published_at else None

    def article(self, parsed: ParsedArticle) -> ParsedArticle:
        """The article with the defaults filling in what it does not state."""
        return replace(
            parsed,
            source=parsed.source or self.source,
            published_at=parsed.published_at or self.published_at,
        )

    def item(self, item: ImportItem) -> ImportItem:
        """The item with its article's missing source and date filled in (errors unchanged)."""
        return replace(item, parsed=self.article(item.parsed)) if item.parsed else item


NO_DEFAULTS = ImportDefaults()


def decode_text(data: bytes) -> str:
    """Decode file bytes in the common encodings: UTF-8 (with or without BOM), UTF-16, cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_binary(data: bytes) -> bool:
    """True for data that is not text (NUL bytes or mostly control characters)."""
    sample = data[:4096]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return bool(sample) and controls / len(sample) > 0.05


def parse_document(name: str, data: bytes, reference: date | None = None) -> ParsedArticle:
    """An article from a .txt, .md or .html file's bytes; ValueError for anything else.

    `reference` is the latest day a dateline without a year may mean (default: today)."""
    suffix = Path(name).suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ValueError(f"unsupported file type {suffix or '(none)'}")
    if looks_binary(data):
        raise ValueError("the file is not text")
    text = decode_text(data)
    if suffix in HTML_SUFFIXES:
        extracted = extract_article(text)
        parsed = extracted.parsed if extracted else None
    else:
        parsed = parse_pasted(text, reference)
    if parsed is None or not parsed.body.strip():
        raise ValueError("no article text found")
    return parsed


def _first_str(record: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def parse_record(record: object, reference: date | None = None) -> ParsedArticle:
    """An article from one JSON object with title, body/text/article, date, source and url.

    A record of this bot's own export (its `format` says so) is taken as it was archived.

    A body that starts with a wire dateline loses it, and the dateline gives the date and
    source the record does not (`reference` as for `parse_document`).
    """
    if not isinstance(record, dict):
        raise ValueError("not a JSON object")
    body = _first_str(record, "body", "text", "article")
    if not body:
        raise ValueError("no article text (body, text or article)")
    if record.get("format") == EXPORT_FORMAT:
        return _exported(record)
    title = _first_str(record, "title")
    published_at = normalise_date(record.get("date") or record.get("published_at"))
    stated = date.fromisoformat(published_at[:10]) if published_at else reference
    first_line, newline, rest = body.partition("\n")
    dateline = read_dateline(first_line.strip(), stated)
    if dateline and (dateline.rest or rest.strip()):
        body = (dateline.rest + newline + rest).strip()
    else:
        dateline = None
    return ParsedArticle(
        title=shorten(title, 300) if title else first_sentence_title(body),
        body=body,
        published_at=published_at or (dateline.published_at if dateline else None),
        source=_first_str(record, "source") or (dateline.source if dateline else ""),
        url=_first_str(record, "url") or None,
    )


def _stored(record: dict[str, Any], key: str) -> str:
    """A field of an exported record exactly as it was stored ("" when not text)."""
    value = record.get(key)
    return value if isinstance(value, str) else ""


def _exported(record: dict[str, Any]) -> ParsedArticle:
    """An article of this bot's JSON-lines export (`briefing.export`), taken as it was
    archived: its text was read once already, so no dateline is read off it again, and its
    date is kept as stored when it is ISO (only another form is normalised)."""
    published = _stored(record, "published_at")
    try:
        datetime.fromisoformat(published)
    except ValueError:
        published = normalise_date(published) or ""
    title = _stored(record, "title")
    body = next(
        text for key in ("text", "body", "article") if (text := _stored(record, key)).strip()
    )
    return ParsedArticle(
        title=shorten(title, 300) if title.strip() else first_sentence_title(body),
        body=body,
        published_at=published or None,
        source=_stored(record, "source"),
        url=_stored(record, "url") or None,
    )


def _short(error: BaseException, limit: int = 160) -> str:
    """An unexpected error in a few words: its kind and the first line of its message."""
    lines = str(error).strip().splitlines()
    return shorten(f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__, limit)


def _line_item(origin: str, number: int, raw: bytes, defaults: ImportDefaults) -> ImportItem:
    """One JSON line as an item: the article in it, or why there is none."""
    try:
        record = json.loads(decode_text(raw).strip())
        return ImportItem(origin, parsed=defaults.article(parse_record(record, defaults.reference)))
    except json.JSONDecodeError as error:
        reason = f"not valid JSON: {error.msg.removesuffix(' at')} at column {error.colno}"
    except RecursionError:
        reason = "not readable: nested too deeply"
    except ValueError as error:
        reason = str(error)
    except Exception as error:  # whatever a line holds, it must not stop the others
        reason = f"not readable: {_short(error)}"
    return ImportItem(origin, error=f"line {number}: {reason}")


def _read_jsonl(path: Path, defaults: ImportDefaults) -> Iterator[ImportItem]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if raw.strip():
                yield _line_item(f"{path}:{number}", number, raw, defaults)


def _read_input(name: str, defaults: ImportDefaults) -> Iterator[ImportItem]:
    path = Path(name)
    suffix = path.suffix.lower()
    if path.is_dir():
        yield ImportItem(name, error="cannot read the folder")
    elif not path.is_file():
        yield ImportItem(name, error="no such file")
    elif suffix not in SUPPORTED_SUFFIXES:
        yield ImportItem(name, error=f"unsupported file type {suffix or '(none)'}")
    elif suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, defaults)
    else:
        try:
            parsed = parse_document(name, path.read_bytes(), defaults.reference)
            yield ImportItem(name, parsed=defaults.article(parsed))
        except ValueError as error:
            yield ImportItem(name, error=str(error))


def read_inputs(paths: list[str], defaults: ImportDefaults = NO_DEFAULTS) -> Iterator[ImportItem]:
    """Every article in the given files, in order; unreadable inputs become error items.

    An article that states no source or date gets those of `defaults`. An error while reading
    a file ends that file with an error item (what was read of it stays) and the next file is
    read.
    """
    for name in paths:
        try:
            yield from _read_input(name, defaults)
        except OSError as error:
            yield ImportItem(name, error=f"cannot read: {error.strerror or error}")
        except Exception as error:  # a broken file must not stop the others
            yield ImportItem(name, error=f"cannot read: {_short(error)}")
