"""The export use case: a chat's archive written article by article, as JSON lines, CSV or a
Markdown dossier, to a stream or a file.

Articles are read a page at a time (`storage.export`) and written as they come, so memory does
not grow with the archive. A limit in bytes (a Telegram upload's) stops the writing early
instead of filling a disk with a file that could not be sent anyway.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol, TextIO

from briefing.export.markdown import article_section, dossier_heading
from briefing.export.records import CSV_HEADER, csv_row, json_record
from briefing.export.request import ExportFormat, ExportRequest
from storage import Archive
from storage.export import ExportArticle, ExportScope, ExportStore

SIZE_CHECK_EVERY = 64  # articles between two looks at the size written


class ArticleWriter(Protocol):
    """Writes one format: what comes first, each article, what comes last."""

    def start(self) -> None:
        """Write what precedes the articles (a header, a title)."""

    def add(self, article: ExportArticle) -> None:
        """Write one article."""


class JsonLinesWriter:
    """One JSON object a line, which `python -m bot import` reads back."""

    def __init__(self, stream: TextIO, request: ExportRequest, today: str) -> None:
        self.stream = stream

    def start(self) -> None:
        """JSON lines have no header."""

    def add(self, article: ExportArticle) -> None:
        """The article's record on one line."""
        self.stream.write(json.dumps(json_record(article), ensure_ascii=False) + "\n")


class CsvWriter:
    """A header, then one row an article (no texts: a spreadsheet's cells are short)."""

    def __init__(self, stream: TextIO, request: ExportRequest, today: str) -> None:
        self.rows = csv.writer(stream)

    def start(self) -> None:
        """The header row."""
        self.rows.writerow(CSV_HEADER)

    def add(self, article: ExportArticle) -> None:
        """The article's row."""
        self.rows.writerow(csv_row(article))


class MarkdownWriter:
    """A readable dossier: a title, then one section an article."""

    def __init__(self, stream: TextIO, request: ExportRequest, today: str) -> None:
        self.stream = stream
        self.heading = dossier_heading(request.describe(), today)

    def start(self) -> None:
        """The dossier's title."""
        self.stream.write(self.heading)

    def add(self, article: ExportArticle) -> None:
        """The article's section."""
        self.stream.write("\n" + article_section(article))


WRITERS: dict[ExportFormat, Callable[[TextIO, ExportRequest, str], ArticleWriter]] = {
    "json": JsonLinesWriter,
    "csv": CsvWriter,
    "md": MarkdownWriter,
}


@dataclass(frozen=True)
class ExportResult:
    """How many articles were written, and whether all of them were (False: stopped when the
    output passed its limit in bytes)."""

    articles: int
    complete: bool = True
    size: int | None = None  # bytes of the file written, when writing a file


def today_utc() -> str:
    """Today's ISO date in UTC: the date an export is named after."""
    return datetime.now(UTC).date().isoformat()


def export_file_name(request: ExportRequest, today: str) -> str:
    """The name an export is sent under: briefing-2024-03-01.jsonl, .csv or .md."""
    return f"briefing-{today}{request.suffix}"


def export_archive(
    archive: Archive,
    chat_id: int,
    request: ExportRequest,
    stream: TextIO,
    *,
    max_bytes: int | None = None,
    today: str | None = None,
) -> ExportResult:
    """Write the chat's articles the request asks for to `stream`, in id order.

    With `max_bytes` (the stream must then tell its position) the writing stops soon after
    the output passes that size, and the result says it is incomplete.
    """
    store = ExportStore(archive.database)
    scope = ExportScope(chat_id, request.since, request.until, texts=request.format != "csv")
    writer = WRITERS[request.format](stream, request, today or today_utc())
    writer.start()
    written = 0
    for article in store.articles(scope):
        writer.add(article)
        written += 1
        if max_bytes is not None and written % SIZE_CHECK_EVERY == 0 and stream.tell() > max_bytes:
            return ExportResult(written, complete=False)
    return ExportResult(written)


def export_to_file(
    archive: Archive,
    chat_id: int,
    request: ExportRequest,
    path: Path,
    *,
    max_bytes: int | None = None,
    today: str | None = None,
) -> ExportResult:
    """Write the export to the file at `path` (UTF-8); the result gives the file's size and is
    incomplete when the file passed `max_bytes`."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        result = export_archive(archive, chat_id, request, handle, max_bytes=max_bytes, today=today)
    size = path.stat().st_size
    complete = result.complete and (max_bytes is None or size <= max_bytes)
    return ExportResult(result.articles, complete, size)
