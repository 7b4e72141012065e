"""Reading import files: text, HTML, JSON lines, and the failures users will meet."""

import json
from pathlib import Path

from briefing.ingest.importer import (
    ImportDefaults,
    ImportItem,
    decode_text,
    looks_binary,
    parse_document,
    parse_record,
    read_inputs,
)
from tests.conftest import OWN_ARTICLE

PAGE = """<!doctype html><html><head><title>Courier | Bridge reopens</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://courier.example.org/bridge">
<script>var tracking = "ignore me";</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Bridge Reopens After Repairs</h1>
<p>The old bridge over the river reopened on Tuesday after six months of repairs.
<p>Engineers said the new supports would last <b>fifty years</b> at least.</p>
<div>Unclosed <i>markup keeps going</div></article><footer>Copyright notice</footer>
"""


def test_html_page_gives_article_fields() -> None:
    article = parse_document("page.html", PAGE.encode())
    assert article.title == "Bridge Reopens After Repairs"
    assert article.source == "The Coastal Courier"
    assert article.published_at == "2024-03-05"
    assert article.url == "https://courier.example.org/bridge"
    assert "reopened on Tuesday" in article.body
    assert "fifty years at least" in article.body
    for noise in ("tracking", "Home | World", "Copyright"):
        assert noise not in article.body


def test_text_file_in_any_common_encoding(tmp_path: Path) -> None:
    text = OWN_ARTICLE.replace("Valdoria", "Valdória")
    assert "Valdória" in decode_text(text.encode("utf-8-sig"))
    assert "Valdória" in decode_text(text.encode("utf-16"))
    assert "Valdória" in decode_text(text.encode("cp1252"))
    assert parse_document("a.md", text.encode("cp1252")).source == "The Coastal Courier"


def test_binary_and_wrong_types_are_refused() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    for name, data in (("a.pdf", b"%PDF-1.4"), ("a.txt", b"\x00\x01\x02binary")):
        try:
            parse_document(name, data)
        except ValueError:
            continue
        raise AssertionError(f"{name} was accepted")


def test_jsonl_records_in_order_with_bad_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    lines = [
        json.dumps({"title": "One", "body": "First text.", "date": "1987-02-26T15:01:01"}),
        "{not json",
        json.dumps({"text": "Second text without a title. More.", "published_at": "2020-01-02"}),
        json.dumps({"article": "Third.", "source": "Wire", "url": "https://w.example/3"}),
        json.dumps(["not", "an", "object"]),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(path)]))
    assert [item.error is None for item in items] == [True, False, True, True, False]
    assert items[0].parsed is not None and items[0].parsed.published_at == "1987-02-26T15:01"
    assert items[2].parsed is not None and items[2].parsed.title == "Second text without a title"
    assert items[3].parsed is not None and items[3].parsed.source == "Wire"
    assert items[1].error is not None and "line 2" in items[1].error


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "x.pdf")]))
    assert [item.error for item in items] == ["no such file", "unsupported file type .pdf"]


def test_jsonl_line_of_any_kind_of_badness_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"title": "Good One", "body": "Grain prices rose."}),
        "[" * 100_000 + "]" * 100_000,  # deeper than Python's recursion limit
        "42",
        json.dumps({"title": "A title and nothing else"}),
        json.dumps({"body": "Kept despite its odd date.", "date": {"day": 3}}),
        '{"body": "cut off',
        json.dumps({"title": "Good Two", "text": "Grain exports fell."}),
    ]
    path.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(path), str(tmp_path / "after.txt")]))
    errors = [item.error for item in items]
    assert errors == [
        None,
        "line 2: not readable: nested too deeply",
        "line 3: not a JSON object",
        "line 4: no article text (body, text or article)",
        None,
        "line 6: not valid JSON: Unterminated string starting at column 10",
        None,
        "no such file",  # the next input is still read
    ]
    assert [item.origin for item in items][:2] == [f"{path}:1", f"{path}:2"]
    assert items[6].parsed is not None and items[6].parsed.title == "Good Two"


def test_a_folder_given_as_a_file_is_an_error_item(tmp_path: Path) -> None:
    (tmp_path / "folder.jsonl").mkdir()
    (tmp_path / "a.md").write_text(OWN_ARTICLE)
    items = list(read_inputs([str(tmp_path / "folder.jsonl"), str(tmp_path / "a.md")]))
    assert items[0].error == "cannot read the folder"
    assert items[1].parsed is not None and items[1].parsed.source == "The Coastal Courier"


WIRE_FILE = """DOCKERS END STRIKE IN PORT MIREL

    PORT MIREL, Feb 26 - Dockers ended their strike on
Thursday, the union said.
 Reuter
"""


def test_defaults_fill_what_an_article_does_not_state(tmp_path: Path) -> None:
    (tmp_path / "wire.txt").write_text(WIRE_FILE)
    (tmp_path / "own.md").write_text(OWN_ARTICLE)
    (tmp_path / "plain.txt").write_text("Grain barges queued at the Selva locks for days.\n")
    (tmp_path / "items.jsonl").write_text(
        json.dumps({"body": "PORT MIREL, March 1 (AFP) - Barges moved.\nMore barges."}) + "\n"
    )
    defaults = ImportDefaults(source="Selva Desk", published_at="1987-03-04")
    names = ("wire.txt", "own.md", "plain.txt", "items.jsonl")
    items = list(read_inputs([str(tmp_path / n) for n in names], defaults))
    found = [(i.parsed.published_at, i.parsed.source) for i in items if i.parsed]
    assert found == [
        ("1987-02-26", "Reuters"),  # the dateline's day, in the year --date gives
        ("2024-03-03", "The Coastal Courier"),  # what the article states wins
        ("1987-03-04", "Selva Desk"),
        ("1987-03-01", "AFP"),
    ]
    assert items[3].parsed is not None and items[3].parsed.body == "Barges moved.\nMore barges."
    failed = ImportItem("x.txt", error="no such file")
    assert defaults.item(failed) == failed


def test_no_defaults_leave_articles_as_they_are(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("Grain barges queued at the Selva locks for days.\n")
    (item,) = read_inputs([str(tmp_path / "plain.txt")])
    assert item.parsed is not None
    assert (item.parsed.published_at, item.parsed.source) == (None, "")


def test_a_record_that_is_only_a_dateline_keeps_its_body() -> None:
    parsed = parse_record({"body": "PORT MIREL, March 1 (AFP) -"})
    assert parsed.body == "PORT MIREL, March 1 (AFP) -"
