"""The command-line contract: import, ask and show, with JSON and exit statuses."""

import json
from pathlib import Path

from tests.bot.test_console import run_bot
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_import_ask_show(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    (tmp_path / "own.md").write_text(OWN_ARTICLE)
    (tmp_path / "other.txt").write_text(OTHER_ARTICLE)
    (tmp_path / "more.jsonl").write_text(
        json.dumps({"title": "Wire One", "body": "Grain prices rose.", "date": "1987-03-01"})
        + "\n"
        + json.dumps({"title": "Wire Two", "text": "Grain exports fell.", "source": "Wire"})
        + "\n"
    )
    paths = [str(tmp_path / n) for n in ("own.md", "other.txt", "more.jsonl", "own.md")]
    result = run_bot("import", "--db", str(db), "--json", *paths, db=db)
    assert result.returncode == 0, result.stderr
    items = _json_lines(result.stdout)
    assert [item["status"] for item in items] == ["imported"] * 4 + ["duplicate"]
    assert [item["id"] for item in items] == [1, 2, 3, 4, 1]

    result = run_bot("ask", "--db", str(db), "--json", "grain", db=db)
    answer = json.loads(result.stdout)
    assert answer["query"] == "grain"
    assert {r["title"] for r in answer["results"]} == {"Wire One", "Wire Two"}
    first = answer["results"][0]
    assert set(first) == {
        "id", "title", "source", "url", "published_at", "snippet", "score", "matched_actors"
    }  # fmt: skip

    result = run_bot("show", "--db", str(db), "--json", "1", db=db)
    shown = json.loads(result.stdout)
    assert shown["source"] == "The Coastal Courier"
    assert shown["published_at"] == "2024-03-03"
    assert shown["status"] == "ready"
    assert set(shown) == {"id", "title", "source", "url", "published_at", "body", "status"}

    other_chat = run_bot("ask", "--db", str(db), "--chat", "5", "--json", "grain", db=db)
    assert json.loads(other_chat.stdout)["results"] == []
    missing = run_bot("show", "--db", str(db), "--chat", "5", "1", db=db)
    assert missing.returncode == 1 and "No article #1" in missing.stderr


def test_missing_file_exits_2_and_keeps_what_was_imported(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    (tmp_path / "own.md").write_text(OWN_ARTICLE)
    result = run_bot("import", "--db", str(db), str(tmp_path / "own.md"), "nope.txt", db=db)
    assert result.returncode == 2
    assert "nope.txt: no such file" in result.stderr
    assert "Imported 1, duplicates 0, failed 1" in result.stdout
    assert run_bot("show", "--db", str(db), "1", db=db).returncode == 0


def test_invalid_setting_is_reported(tmp_path: Path) -> None:
    result = run_bot("ask", "x", db=tmp_path / "x.db", extra_env={"ALLOWED_USER_IDS": "abc"})
    assert result.returncode == 2
    assert "Invalid setting ALLOWED_USER_IDS" in result.stderr


WIRE_STORY = """VALDORIA PORT REOPENS AFTER STRIKE

    PORT MIREL, Feb 26 - The harbour of Port Mirel reopened on
Thursday after dockers ended a two-week strike, the port
authority said.
    "Ships are loading again," harbour master Ilse Varga said.
 Reuter
"""

PLAIN_NOTE = """Grain barges queue on the Selva canal

Barges carrying wheat waited three days at the Selva locks as the canal authority repaired a
gate, shippers said.
"""


def test_import_defaults_fill_only_what_an_input_does_not_state(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    (tmp_path / "wire.txt").write_text(WIRE_STORY)
    (tmp_path / "note.txt").write_text(PLAIN_NOTE)
    (tmp_path / "dated.jsonl").write_text(
        json.dumps({"title": "Dated", "body": "Wheat rose.", "date": "1987-02-20"}) + "\n"
    )
    paths = [str(tmp_path / n) for n in ("wire.txt", "note.txt", "dated.jsonl")]
    options = ("--source", " Selva  Desk ", "--date", "1987-03-01")
    result = run_bot("import", "--db", str(db), "--json", *options, *paths, db=db)
    assert result.returncode == 0, result.stderr
    items = _json_lines(result.stdout)
    # the dateline gives the wire story's day (its year from --date) and Reuters as source
    assert [(i["published_at"], i["source"]) for i in items] == [
        ("1987-02-26", "Reuters"),
        ("1987-03-01", "Selva Desk"),
        ("1987-02-20", "Selva Desk"),
    ]
    shown = json.loads(run_bot("show", "--db", str(db), "--json", "1", db=db).stdout)
    assert (shown["published_at"], shown["source"]) == ("1987-02-26", "Reuters")
    assert shown["body"].startswith("The harbour of Port Mirel reopened")
    assert "Reuter" not in shown["body"] and "Feb 26" not in shown["body"]


def test_import_without_defaults_and_with_a_bad_date(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    (tmp_path / "note.txt").write_text(PLAIN_NOTE)
    result = run_bot("import", "--db", str(db), "--json", str(tmp_path / "note.txt"), db=db)
    (item,) = _json_lines(result.stdout)
    assert (item["published_at"], item["source"]) == (None, None)
    bad = run_bot("import", "--db", str(db), "--date", "soon", str(tmp_path / "note.txt"), db=db)
    assert bad.returncode == 2 and "not a date: 'soon'" in bad.stderr
