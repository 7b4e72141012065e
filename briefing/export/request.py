"""What an export asks for: the format and the days, from the words of `/export` or from
command-line options, with a short reason when they cannot be read."""

import re
from dataclasses import dataclass
from typing import Literal, get_args

from briefing.dates import normalise_date

ExportFormat = Literal["json", "csv", "md"]
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)
SUFFIXES: dict[ExportFormat, str] = {"json": ".jsonl", "csv": ".csv", "md": ".md"}
# Other names people give the formats.
ALIASES: dict[str, ExportFormat] = {"jsonl": "json", "markdown": "md"}
_WORDS = re.compile(
    r"^(?:(?P<format>(?!since\b|until\b)\S+)\s*)?"
    r"(?:since\s+(?P<since>.+?))?\s*(?:until\s+(?P<until>.+))?$",
    re.IGNORECASE,
)


class ExportRequestError(ValueError):
    """The export asked for cannot be read; the message says why, in a few words."""


@dataclass(frozen=True)
class ExportRequest:
    """An export of one format, of the articles dated `since` to `until` (ISO days, both
    included; None for no bound). An undated article counts by the day it was archived."""

    format: ExportFormat = "json"
    since: str | None = None
    until: str | None = None

    @property
    def suffix(self) -> str:
        """The file name's ending for this format."""
        return SUFFIXES[self.format]

    def describe(self) -> str:
        """Which articles, in words: "all articles", "articles from 2024-03-01"..."""
        if self.since and self.until:
            return f"articles from {self.since} to {self.until}"
        if self.since:
            return f"articles from {self.since}"
        if self.until:
            return f"articles up to {self.until}"
        return "all articles"


def export_format(text: str) -> ExportFormat:
    """The format a word names (json, jsonl, csv, md, markdown), or ExportRequestError."""
    word = text.strip().lower()
    for name in FORMATS:
        if word == name:
            return name
    if word in ALIASES:
        return ALIASES[word]
    raise ExportRequestError(f"Unknown format {text.strip()!r}: use json, csv or md.")


def export_day(text: str) -> str:
    """The ISO day of a date ("2024-03-01", "1 March 2024"), or ExportRequestError."""
    value = normalise_date(text)
    if value is None or not 1000 <= int(value[:4]) < 9999:
        raise ExportRequestError(f"Cannot read the date {text.strip()!r}: give e.g. 2024-03-01.")
    return value[:10]


def build_request(format: str, since: str | None, until: str | None) -> ExportRequest:
    """The request for a format name and optional dates; ExportRequestError if one is bad or
    the days are in the wrong order."""
    request = ExportRequest(
        export_format(format),
        export_day(since) if since else None,
        export_day(until) if until else None,
    )
    if request.since and request.until and request.since > request.until:
        raise ExportRequestError("The start date comes after the end date.")
    return request


def parse_export_words(words: list[str]) -> ExportRequest:
    """The request in the words after /export: `[json|csv|md] [since DATE] [until DATE]`."""
    found = _WORDS.match(" ".join(words).strip())
    if found is None:
        raise ExportRequestError("Usage: /export [json|csv|md] [since DATE]")
    return build_request(found["format"] or "json", found["since"], found["until"])
