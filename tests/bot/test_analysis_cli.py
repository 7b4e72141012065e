"""Command-line analysis and summaries (nothing stored), and digests with actors and quotes."""

import json
from pathlib import Path

from tests.bot.test_console import run_bot
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def test_actors_quotes_events_of_a_pasted_article(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    actors = json.loads(run_bot("actors", "--json", "-", stdin=OWN_ARTICLE, db=db).stdout)
    dunn = next(a for a in actors if a["name"] == "Mirela Dunn")
    assert dunn["type"] == "person" and "Dunn" in dunn["aliases"] and dunn["mentions"] >= 2
    assert set(dunn) == {"name", "type", "aliases", "mentions"}
    quotes = json.loads(run_bot("quotes", "--json", "-", stdin=OWN_ARTICLE, db=db).stdout)
    ship = next(q for q in quotes if "single ship" in q["text"])
    assert ship["speaker"] == "Mirela Dunn" and set(ship) == {"speaker", "text", "sentence"}
    closing = (
        "# Port Closed\n\nMarch 5, 2024\n\nThe government of Valdoria closed the port of"
        " Elsen on Monday. Mirela Dunn criticised the decision.\n"
    )
    events = json.loads(run_bot("events", "--json", "-", stdin=closing, db=db).stdout)
    closed = next(e for e in events if e["subject"] == "Valdoria")
    assert set(closed) == {"subject", "action", "objects", "date", "sentence"}
    assert closed["action"] == "close port" and closed["objects"] == ["Elsen"]
    assert closed["date"] == "2024-03-04"  # "on Monday" before Tuesday 5 March
    assert not db.exists()  # nothing stored


def test_batches_come_back_in_order(tmp_path: Path) -> None:
    batch = tmp_path / "in.jsonl"
    glacier = "Glaciologist Tomas Berg measured twelve glaciers in Norway."
    harbour = "Union leader Mirela Dunn said the strike in Valdoria would go on."
    rows = [
        {"title": "Glacier survey", "text": glacier, "date": "2023-05-12"},
        {"title": "Harbour strike", "text": harbour},
    ]
    batch.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = run_bot("actors", "--batch", str(batch), db=tmp_path / "x.db").stdout.splitlines()
    names = [{a["name"] for a in json.loads(line)} for line in out]
    assert len(names) == 2 and "Tomas Berg" in names[0] and "Mirela Dunn" in names[1]
    summaries = run_bot(
        "summarize", "--batch", str(batch), db=tmp_path / "x.db"
    ).stdout.splitlines()
    assert [len(json.loads(line)["summary"]) for line in summaries] == [1, 1]


def test_summarize_a_file(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(OWN_ARTICLE)
    result = run_bot("summarize", "--sentences", "2", "--json", str(article), db=tmp_path / "x.db")
    summary = json.loads(result.stdout)
    assert len(summary) == 2 and all(
        s in OWN_ARTICLE.replace("\n\n", " ").replace("\n", " ") or s for s in summary
    )
    missing = run_bot("summarize", str(tmp_path / "nope.md"), db=tmp_path / "x.db")
    assert missing.returncode == 2 and "Cannot read" in missing.stderr


def test_digest_lists_actors_and_quotes(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    (tmp_path / "a.md").write_text(OWN_ARTICLE)
    (tmp_path / "b.md").write_text(OTHER_ARTICLE)
    assert (
        run_bot(
            "import", "--db", str(db), str(tmp_path / "a.md"), str(tmp_path / "b.md"), db=db
        ).returncode
        == 0
    )
    since = ("--since", "2024-03-01")  # imports published before the window are only counted
    digest = json.loads(run_bot("digest", "--db", str(db), "--json", *since, db=db).stdout)
    assert {s["title"] for s in digest["stories"]} >= {
        "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says"
    }
    assert "Mirela Dunn" in {a["name"] for a in digest["actors"]}
    assert any(q["speaker"] == "Mirela Dunn" for q in digest["quotes"])
