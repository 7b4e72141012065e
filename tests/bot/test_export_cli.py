"""`python -m bot export`: the real command line, its files and summary, and the round trip
of its JSON lines through `python -m bot import` into an empty database."""

import csv
import io
import json
from pathlib import Path

import pytest

from bench.reuters_archive import DATA, stories
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive
from tests.bot.test_console import run_bot
from tests.export_samples import ARTICLES, CHAT, OTHER_CHAT_TITLE, fill

KEPT = ("title", "published_at", "source", "url", "text")


@pytest.fixture
def sample_db(tmp_path: Path) -> Path:
    db = tmp_path / "sample.db"
    archive = Archive.open(db)
    fill(archive)
    archive.close()
    return db


def _articles(jsonl: str) -> list[tuple[object, ...]]:
    """What a round trip must keep of each exported article, in order."""
    return [tuple(json.loads(line)[key] for key in KEPT) for line in jsonl.splitlines()]


def _round_trip(db: Path, chat: int, tmp_path: Path) -> tuple[str, str]:
    """Export `db`'s chat, import the file into an empty database, export that; both exports."""
    exported = tmp_path / "archive.jsonl"
    result = run_bot("export", "--db", str(db), "--chat", str(chat), "--format", "json",
                     "--out", str(exported), db=db)  # fmt: skip
    assert result.returncode == 0, result.stderr
    copy = tmp_path / "copy.db"
    imported = run_bot("import", "--db", str(copy), str(exported), db=copy)
    assert imported.returncode == 0, imported.stderr
    again = run_bot("export", "--db", str(copy), "--format", "json", db=copy)
    assert again.returncode == 0, again.stderr
    return exported.read_text(encoding="utf-8"), again.stdout


def test_json_export_survives_a_round_trip_through_import(sample_db: Path, tmp_path: Path) -> None:
    first, second = _round_trip(sample_db, CHAT, tmp_path)
    assert OTHER_CHAT_TITLE not in first
    assert _articles(first) == _articles(second)
    assert [row[0] for row in _articles(second)] == [a.title for a in ARTICLES]


@pytest.mark.skipif(not DATA.is_dir(), reason="the Reuters corpus is not in /work/shared/data")
def test_reuters_stories_survive_a_round_trip(tmp_path: Path) -> None:
    db = tmp_path / "reuters.db"
    archive = Archive.open(db)
    for story in stories(40):
        import_article(archive, 0, parse_record(story.record))
    archive.close()
    first, second = _round_trip(db, 0, tmp_path)
    assert len(_articles(first)) >= 35
    assert _articles(first) == _articles(second)


def test_export_writes_the_file_and_says_how_many(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "archive.csv"
    result = run_bot("export", "--db", str(sample_db), "--chat", str(CHAT), "--format", "csv",
                     "--since", "2024-03-01", "--until", "2024-12-31", "--out", str(out),
                     db=sample_db)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"Exported 2 articles to {out}."
    assert result.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["title"] for r in rows] == [ARTICLES[0].title, ARTICLES[1].title]
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_markdown_to_standard_output(sample_db: Path) -> None:
    result = run_bot("export", "--db", str(sample_db), "--chat", str(CHAT), "--format", "md",
                     "--until", "2023-12-31", "--json", db=sample_db)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "## Glacier survey finds faster melting" in result.stdout
    assert "- Actors: Tomas Berg (person)" in result.stdout
    assert "Harbour strike" not in result.stdout
    assert json.loads(result.stderr) == {"articles": 1, "out": "standard output"}


def test_bad_input_is_refused_and_leaves_the_file_alone(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "kept.jsonl"
    out.write_text("earlier export\n")
    unknown = run_bot("export", "--db", str(sample_db), "--format", "xml", db=sample_db)
    assert unknown.returncode == 2 and "invalid choice: 'xml'" in unknown.stderr
    date = run_bot("export", "--db", str(sample_db), "--format", "json", "--since", "soonish",
                   "--out", str(out), db=sample_db)  # fmt: skip
    assert date.returncode == 2 and "Cannot read the date 'soonish'" in date.stderr
    folder = run_bot("export", "--db", str(sample_db), "--format", "json", "--out",
                     str(tmp_path), db=sample_db)  # fmt: skip
    assert folder.returncode == 2 and "is a folder" in folder.stderr
    missing = tmp_path / "missing.db"
    absent = run_bot("export", "--db", str(missing), "--format", "csv", db=missing)
    assert absent.returncode == 2 and "No database at" in absent.stderr
    assert not missing.exists()
    assert out.read_text() == "earlier export\n"
