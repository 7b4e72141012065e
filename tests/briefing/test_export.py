"""Export formats as a user reads them back: JSON lines that import takes as they were, CSV
that the csv module parses, Markdown whose odd titles stay text; and what /export accepts."""

import csv
import io
import json
from pathlib import Path

import pytest

from briefing.export.exporting import export_archive, export_file_name, export_to_file
from briefing.export.markdown import escape_inline
from briefing.export.request import ExportRequest, ExportRequestError, parse_export_words
from briefing.ingest.importer import parse_record
from storage import Archive
from tests.export_samples import ARTICLES, CHAT, OTHER_CHAT_TITLE, fill


def _export(archive: Archive, format: str, **days: str) -> str:
    stream = io.StringIO()
    request = ExportRequest(format, **days)  # type: ignore[arg-type]
    result = export_archive(archive, CHAT, request, stream, today="2024-04-01")
    assert result.complete
    return stream.getvalue()


def test_json_lines_carry_text_actors_and_quotes(archive: Archive) -> None:
    fill(archive)
    records = [json.loads(line) for line in _export(archive, "json").splitlines()]
    assert [r["title"] for r in records] == [a.title for a in ARTICLES]
    first = records[0]
    assert first["source"] == "The Coastal Courier"
    assert first["url"] == "https://courier.example.org/2024/03/04/strike"
    assert first["published_at"] == "2024-03-04"
    assert first["text"].startswith("Dock workers in Valdoria")
    assert first["actors"][0] == {"name": "Mirela Dunn", "type": "person", "mentions": 3}
    assert first["quotes"][0] == {
        "speaker": "Mirela Dunn",
        "text": "We will not load a single ship",
        "direct": True,
    }
    assert OTHER_CHAT_TITLE not in json.dumps(records)


def test_import_reads_an_exported_record_as_it_was_archived(archive: Archive) -> None:
    fill(archive)
    for line, article in zip(_export(archive, "json").splitlines(), ARTICLES, strict=True):
        parsed = parse_record(json.loads(line))
        # The third text starts like a wire dateline: it is not read off the text again.
        assert (parsed.title, parsed.body, parsed.published_at, parsed.source, parsed.url) == (
            article.title,
            article.body,
            article.published_at,
            article.source,
            article.url,
        )


def test_a_plain_record_still_loses_its_dateline() -> None:
    parsed = parse_record({"title": "T", "text": "LONDON, March 12 (Reuters) - Prices rose."})
    assert parsed.body == "Prices rose."


def test_csv_parses_back_with_the_csv_module(archive: Archive) -> None:
    fill(archive)
    rows = list(csv.DictReader(io.StringIO(_export(archive, "csv"), newline="")))
    assert list(rows[0]) == ["id", "title", "published_at", "source", "url", "actors"]
    assert [r["title"] for r in rows[:2]] == [ARTICLES[0].title, ARTICLES[1].title]
    assert rows[0]["actors"] == "Mirela Dunn; Valdoria Port Authority"
    assert rows[1]["source"] == "Wire & Co <Agency>"
    assert rows[2]["published_at"] == "" and rows[2]["url"] == ""
    # A title a spreadsheet would run as a formula is kept as text.
    assert rows[2]["title"] == "'" + ARTICLES[2].title


def test_markdown_sections_show_date_source_link_actors_and_quotes(archive: Archive) -> None:
    fill(archive)
    text = _export(archive, "md", since="2024-03-01")
    assert text.startswith("# News archive\n\nExported 2024-04-01: articles from 2024-03-01.")
    assert '## Harbour strike, day two: "no ships" says union' in text
    assert "- Date: 4 Mar 2024" in text
    assert "- Source: The Coastal Courier" in text
    assert "- Link: <https://courier.example.org/2024/03/04/strike>" in text
    assert "- Actors: Mirela Dunn (person), Valdoria Port Authority (organisation)" in text
    assert "> “We will not load a single ship” — Mirela Dunn" in text
    assert "Glacier survey" not in text  # published in 2023


def test_markdown_escapes_odd_titles_and_text() -> None:
    odd = ARTICLES[1].title
    escaped = escape_inline(odd)
    for raw in ("*Breaking*", "<b>", "[1](", "_under_", "`code`", "~~gone~~", " &amp;"):
        assert raw not in escaped
    assert escape_inline("1987. A year") == "1987\\. A year"
    assert escape_inline("- not a bullet") == "\\- not a bullet"


def test_markdown_renders_odd_titles_as_the_same_text(archive: Archive) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    fill(archive)
    tokens = (
        markdown_it.MarkdownIt("commonmark").enable("strikethrough").parse(_export(archive, "md"))
    )
    headings = [
        "".join(child.content for child in tokens[i + 1].children or [])
        for i, token in enumerate(tokens)
        if token.type == "heading_open" and token.tag == "h2"
    ]
    assert headings == [a.title for a in ARTICLES]
    kinds = {token.type for token in tokens}
    assert "html_inline" not in kinds and "html_block" not in kinds
    assert "ordered_list_open" not in kinds and "code_block" not in kinds
    assert sum(token.type == "heading_open" for token in tokens) == len(ARTICLES) + 1


def test_an_export_over_its_size_limit_stops_early(archive: Archive, tmp_path: Path) -> None:
    fill(archive)
    path = tmp_path / export_file_name(ExportRequest("json"), "2024-04-01")
    assert path.name == "briefing-2024-04-01.jsonl"
    whole = export_to_file(archive, CHAT, ExportRequest("json"), path)
    assert whole.complete and whole.articles == len(ARTICLES) and whole.size == path.stat().st_size
    cut = export_to_file(archive, CHAT, ExportRequest("json"), path, max_bytes=100)
    assert not cut.complete


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ([], ExportRequest("json")),
        (["csv"], ExportRequest("csv")),
        (["Markdown"], ExportRequest("md")),
        (["since", "2024-03-01"], ExportRequest("json", "2024-03-01")),
        (["md", "since", "1", "March", "2024"], ExportRequest("md", "2024-03-01")),
        (["csv", "since", "2024-03-01", "until", "2024-03-31"],
         ExportRequest("csv", "2024-03-01", "2024-03-31")),
    ],
)  # fmt: skip
def test_export_words(words: list[str], expected: ExportRequest) -> None:
    assert parse_export_words(words) == expected


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        (["xml"], "Unknown format 'xml': use json, csv or md."),
        (["json", "since", "yesterday-ish"], "Cannot read the date 'yesterday-ish'"),
        (["csv", "since", "2024-04-01", "until", "2024-03-01"], "start date comes after"),
        (["json", "please"], "Usage: /export"),
        (["since"], "Usage: /export"),
    ],
)
def test_bad_export_words_say_what_is_wrong(words: list[str], reason: str) -> None:
    with pytest.raises(ExportRequestError, match=reason.replace("(", r"\(")):
        parse_export_words(words)
