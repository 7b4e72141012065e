"""`python -m bot watch` and `python -m bot alerts`: the command-line contract (JSON shapes, exit
statuses, chats kept apart), an imported article alerting like any other, and both commands
starting without spaCy or python-telegram-bot."""

import json
from pathlib import Path

import pytest

from bot.cli import main
from briefing.analysis.actors import Actor
from briefing.analysis.archive import store_analysis
from briefing.analysis.pipeline import Analysis
from storage import Archive, NewArticle
from storage.actors import ActorStore
from tests.bot.test_actors_chat import SECOND_DAY
from tests.bot.test_cli_start import run_probed
from tests.conftest import OWN_ARTICLE

DUNN = Actor("Mirela Dunn", "person", ["Mirela Dunn", "Dunn"], 2)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def archived(db: Path, title: str, body: str, *actors: Actor, chat: int = 0) -> int:
    """An article stored and analysed (the analysis given) as `import` stores it."""
    archive = Archive.open(db)
    try:
        article_id = archive.add(chat, NewArticle(title, body, "Ledger", imported=True))
        store_analysis(
            ActorStore(archive.database), chat, article_id, Analysis(list(actors), [], [])
        )
    finally:
        archive.close()
    return article_id


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    path = tmp_path / "cli.db"
    archived(path, "Union talks", "Mirela Dunn met the port authority.", DUNN)
    return path


def test_add_list_remove_and_alerts(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "watch", "--db", str(db), "add", "Mirela", "Dun", "--json")
    assert status == 0
    (actor,) = lines(out)
    assert actor == {"id": actor["id"], "kind": "actor", "target": "Mirela Dunn"}
    status, out, _ = run(capsys, "watch", "--db", str(db), "--json", "add", '"pay rise" OR walkout')
    (words,) = lines(out)
    assert words["kind"] == "words" and words["target"] == '"pay rise" OR walkout'

    status, out, _ = run(capsys, "watch", "--db", str(db), "list", "--json")
    listed = lines(out)
    assert [(w["id"], w["matched_this_week"], w["pending"]) for w in listed] == [
        (actor["id"], 0, False), (words["id"], 0, False),
    ]  # fmt: skip

    hit = archived(db, "Strike", "Cranes stood still. Dunn called a walkout on Monday.", DUNN)
    status, out, _ = run(capsys, "alerts", "--db", str(db), "--json")
    alerts = lines(out)
    assert {(a["watch_id"], a["article_id"]) for a in alerts} == {
        (actor["id"], hit), (words["id"], hit),
    }  # fmt: skip
    first = next(a for a in alerts if a["watch_id"] == actor["id"])
    assert first["title"] == "Strike" and first["watch"] == "Mirela Dunn"
    assert first["sentence"] == "Dunn called a walkout on Monday."
    assert first["sent"] is False
    assert set(first) == {"watch_id", "watch", "article_id", "title", "sentence", "created_at",
                          "sent"}  # fmt: skip
    status, out, _ = run(capsys, "alerts", "--db", str(db), "--since", "2999-01-01", "--json")
    assert status == 0 and out == ""
    status, out, _ = run(capsys, "alerts", "--db", str(db), "--chat", "5", "--json")
    assert status == 0 and out == ""

    status, out, _ = run(capsys, "watch", "--db", str(db), "list")
    assert f"#{actor['id']} actor: Mirela Dunn (1 article in the last 7 days)" in out
    status, out, err = run(capsys, "watch", "--db", str(db), "--chat", "5", "remove", "1")
    assert status == 1 and "No watch #1 in chat 5" in err
    status, out, _ = run(capsys, "watch", "--db", str(db), "remove", str(actor["id"]), "--json")
    assert status == 0 and lines(out)[0]["target"] == "Mirela Dunn"
    status, out, _ = run(capsys, "watch", "--db", str(db), "list", "--json")
    assert [w["id"] for w in lines(out)] == [words["id"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add"], "Give a name"),
        (["add", "the"], "at least one word"),
        (["remove"], "Give the id of one watch"),
        (["remove", "x"], "Give the id of one watch"),
    ],
)
def test_bad_input_exits_2_with_a_reason(
    db: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, out, err = run(capsys, "watch", "--db", str(db), *args)
    assert status == 2 and message in err and out == ""


def test_an_ambiguous_name_is_not_guessed(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archived(db, "Cycling", "Arno Dunn won.", Actor("Arno Dunn", "person", ["Arno Dunn", "Dunn"]))
    status, _, err = run(capsys, "watch", "--db", str(db), "add", "Dunn")
    assert status == 2 and "Several actors match 'Dunn'" in err and "Arno Dunn" in err
    status, out, _ = run(capsys, "watch", "--db", str(db), "list", "--json")
    assert out == ""


def test_bad_since_exits_2(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "alerts", "--db", str(db), "--since", "yesterday-ish", "--json")
    assert status == 2 and "Invalid --since" in err


@pytest.mark.parametrize(
    "args", [["watch", "list", "--json"], ["watch", "add", "walkout"], ["alerts", "--json"]]
)
def test_watch_and_alerts_start_without_spacy_or_telegram(db: Path, args: list[str]) -> None:
    _, loaded = run_probed(*args, "--db", str(db), db=db)
    assert loaded == set()


def test_an_imported_article_alerts_like_any_other(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    db = tmp_path / "import.db"
    (tmp_path / "own.md").write_text(OWN_ARTICLE)
    assert run(capsys, "import", "--db", str(db), str(tmp_path / "own.md"))[0] == 0
    status, out, _ = run(capsys, "watch", "--db", str(db), "add", "Valdoria", "--json")
    assert status == 0 and lines(out)[0]["kind"] == "actor"  # an actor of the first import
    (tmp_path / "second.md").write_text(SECOND_DAY)
    assert run(capsys, "import", "--db", str(db), str(tmp_path / "second.md"))[0] == 0
    status, out, _ = run(capsys, "alerts", "--db", str(db), "--json")
    (alert,) = lines(out)
    assert alert["title"] == "Port Authority Offers Talks as Valdoria Strike Enters Second Day"
    assert "Valdoria" in str(alert["sentence"]) and alert["sent"] is False


def test_text_output_says_what_is_watched(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "watch", "--db", str(db), "add", "Omar", "Haddad", "daily")
    assert status == 0
    assert out == (
        "Watching actor 'Omar Haddad' as watch #1, daily (in the digest)"
        " (no actor of that name yet: joined when one appears).\n"
    )
    archived(db, "Visit", "Minister Omar Haddad arrived in the port.",
             Actor("Omar Haddad", "person", ["Omar Haddad"]))  # fmt: skip
    status, out, _ = run(capsys, "alerts", "--db", str(db))
    lines_out = out.splitlines()
    assert lines_out[0].endswith("watch #1 'Omar Haddad' (daily): #2 Visit")
    assert lines_out[1] == "    Minister Omar Haddad arrived in the port."


def test_adding_starts_an_archive_but_listing_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    mistyped = tmp_path / "mistyped.db"
    status, _, err = run(capsys, "watch", "--db", str(mistyped), "list")
    assert status == 2 and "No database" in err and not mistyped.exists()
    fresh = tmp_path / "fresh.db"
    status, out, _ = run(capsys, "watch", "--db", str(fresh), "add", "Lavrov", "--json")
    assert status == 0 and lines(out)[0]["target"] == "Lavrov" and fresh.exists()
