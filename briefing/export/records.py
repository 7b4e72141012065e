"""An exported article as a JSON-lines record or a CSV row.

The JSON record names its format (`EXPORT_FORMAT`): `python -m bot import` then takes its
fields as they are (no dateline read off the text, the date kept as stored), so titles, dates,
sources, URLs and texts survive a round trip into another archive.
"""

from typing import Any

from briefing.export.record_format import EXPORT_FORMAT
from storage.export import ExportArticle

CSV_HEADER = ("id", "title", "published_at", "source", "url", "actors")
# A cell starting with one of these is a formula in spreadsheets; an apostrophe keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ACTOR_SEPARATOR = "; "


def json_record(article: ExportArticle) -> dict[str, Any]:
    """The article as one JSON object: provenance, text, actors and quotes."""
    return {
        "format": EXPORT_FORMAT,
        "id": article.id,
        "title": article.title,
        "published_at": article.published_at,
        "added_at": article.added_at,
        "source": article.source,
        "url": article.url,
        "text": article.body,
        "actors": [
            {"name": actor.name, "type": actor.type, "mentions": actor.mentions}
            for actor in article.actors
        ],
        "quotes": [
            {"speaker": quote.speaker, "text": quote.text, "direct": quote.direct}
            for quote in article.quotes
        ],
    }


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_row(article: ExportArticle) -> tuple[str, ...]:
    """The article as a CSV row under `CSV_HEADER`; its actors' names joined by "; "."""
    actors = ACTOR_SEPARATOR.join(actor.name for actor in article.actors)
    return (
        str(article.id),
        safe_cell(article.title),
        article.published_at or "",
        safe_cell(article.source),
        safe_cell(article.url or ""),
        safe_cell(actors),
    )
