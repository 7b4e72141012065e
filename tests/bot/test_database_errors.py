"""A damaged, missing or mistyped database and out-of-range arguments: one line, never a
traceback, exit status 2; `backup` keeps only copies that pass SQLite's integrity check."""

import logging
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

import storage.database
from bot.cli import main
from handlers.errors import APOLOGY
from storage import Archive, Database, DatabaseUnusableError, NewArticle
from tests.bot.test_console import run_bot
from tests.conftest import OWN_ARTICLE, BotHarness

ARTICLES = 2000
WORDS = "grain harbour strike union port wages ship talks minister price".split()
HUGE = str(2**63)  # one past SQLite's largest integer


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real archive of a few thousand articles in chat 0 (built once for the module)."""
    path = tmp_path_factory.mktemp("good") / "good.db"
    archive = Archive.open(path)
    words = random.Random(7)
    for n in range(ARTICLES):
        body = " ".join(words.choice(WORDS) for _ in range(60))
        archive.add(0, NewArticle(title=f"Report {n}", body=body, published_at="2024-03-01"))
    archive.close()
    return path


def garbled_middle(source: Path, target: Path) -> Path:
    """A copy of `source` with random bytes over the middle fifth of its pages."""
    shutil.copy(source, target)
    pages = target.stat().st_size // 4096
    with target.open("r+b") as file:
        file.seek(pages * 2 // 5 * 4096)
        file.write(random.Random(1).randbytes(pages // 5 * 4096))
    return target


def random_bytes(target: Path) -> Path:
    target.write_bytes(random.Random(2).randbytes(256 * 1024))
    return target


@pytest.fixture(params=["random bytes", "garbled middle"])
def damaged_db(request: pytest.FixtureRequest, good_db: Path, tmp_path: Path) -> Path:
    """Each kind of damaged database, in a folder of its own."""
    if request.param == "random bytes":
        return random_bytes(tmp_path / "damaged.db")
    return garbled_middle(good_db, tmp_path / "damaged.db")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`python -m bot ARGS` in this process: (exit status, stdout, stderr)."""
    try:
        status = main(list(args))
    except SystemExit as exit_:  # argparse's usage errors
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture(autouse=True)
def _no_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    monkeypatch.setenv("DEFAULT_TIMEZONE", "UTC")


def assert_one_line(status: int, err: str, *expected: str) -> None:
    assert status == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    for text in expected:
        assert text in err


@pytest.mark.parametrize(
    "command",
    [["ask", "grain"], ["show", "1"], ["digest", "--since", "2024-01-01"], ["import", "IN"]],
)
def test_every_command_names_the_damaged_database(
    damaged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    (tmp_path / "in.md").write_text(OWN_ARTICLE)
    args = [str(tmp_path / "in.md") if a == "IN" else a for a in command]
    status, out, err = run(capsys, command[0], "--db", str(damaged_db), *args[1:])
    assert_one_line(status, err, f"The database {damaged_db} is damaged (")
    assert err.strip().endswith("restore it from a backup")
    assert out == ""


@pytest.mark.parametrize("command", [["ask", "grain"], ["show", str(ARTICLES // 2)]])
def test_damage_found_after_opening_is_one_line_too(
    good_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    # A big archive gets only a cheap check on open; its damage shows when a query reads it.
    monkeypatch.setattr(storage.database, "QUICK_CHECK_MAX_BYTES", 0)
    damaged = garbled_middle(good_db, tmp_path / "big.db")
    status, out, err = run(capsys, command[0], "--db", str(damaged), *command[1:])
    assert_one_line(status, err, "is damaged (database disk image is malformed)")
    assert out == ""


def test_the_bot_in_the_console_says_one_line(damaged_db: Path) -> None:
    console = run_bot(stdin="/stats\n", db=damaged_db)
    assert_one_line(console.returncode, console.stderr, f"The database {damaged_db} is damaged")
    assert console.stdout == ""


def test_backup_of_a_damaged_database_fails_and_writes_nothing(
    damaged_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copies" / "copy.db"
    status, out, err = run(capsys, "backup", "--db", str(damaged_db), str(target))
    assert_one_line(status, err, "is damaged")
    assert "Backed up" not in out
    assert not target.exists() and not target.with_name("copy.db.partial").exists()


def test_backup_checks_its_copy_when_the_open_check_was_cheap(
    good_db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(storage.database, "QUICK_CHECK_MAX_BYTES", 0)
    damaged = garbled_middle(good_db, tmp_path / "big.db")
    target = tmp_path / "copy.db"
    status, out, err = run(capsys, "backup", "--db", str(damaged), str(target))
    assert_one_line(status, err, f"Backup failed, nothing was written to {target}.", "integrity")
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.db"]


def test_backup_of_a_good_database_is_verified(
    good_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = shutil.copy(good_db, tmp_path / "source.db")
    target = tmp_path / "copy.db"
    status, out, err = run(capsys, "backup", "--db", str(source), str(target))
    assert status == 0, err
    assert out == f"Backed up {source} to {target} (integrity check passed).\n"
    copy = Database.open(target, create=False)
    try:
        assert copy.query("PRAGMA integrity_check") == [("ok",)]
        assert copy.query("SELECT count(*) FROM articles") == [(ARTICLES,)]
    finally:
        copy.close()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "--db", "DB", HUGE], "argument ID: 9223372036854775808 is out of range"),
        (["show", "--db", "DB", "0"], "argument ID: 0 is out of range"),
        (
            ["ask", "--db", "DB", "--chat", HUGE, "x"],
            "argument --chat: 9223372036854775808 is out of range",
        ),
        (
            ["ask", "--db", "DB", "--chat", f"-{2**63 + 1}", "x"],
            "argument --chat: -9223372036854775809 is out",
        ),
        (["digest", "--db", "DB", "--chat", HUGE], "argument --chat"),
        (
            ["ask", "--db", "DB", "--limit", HUGE, "x"],
            "argument --limit: 9223372036854775808 is out",
        ),
        (["ask", "--db", "DB", "--limit", "0", "x"], "argument --limit: 0 is out of range"),
        (
            ["import", "--db", "DB", "--workers", "0", "x.md"],
            "argument --workers: 0 is out of range",
        ),
        (["summarize", "--sentences", HUGE, "x.md"], "argument --sentences"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    db = tmp_path / "x.db"
    Database.open(db).close()
    status, _, err = run(capsys, *(str(db) if a == "DB" else a for a in args))
    assert status == 2
    assert err.startswith("usage: python -m bot ")
    assert expected in err and "Traceback" not in err


@pytest.mark.parametrize("zone", ["UTC", "Europe/Moscow", "America/New_York"])
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["digest", "--since", "0001-01-01"], "Invalid --since: 0001-01-01 is out of range"),
        (["digest", "--until", "9999-12-31"], "Invalid --until: 9999-12-31 is out of range"),
        (["digest", "--since", "9999-12-31T23:00"], "Invalid --since"),
        (["ask", "--now", "0001-01-01", "grain"], "Invalid --now: 0001-01-01 is out of range"),
        (["ask", "--now", "9999-12-31T23:59", "last week"], "Invalid --now"),
    ],
)
def test_dates_the_windows_cannot_hold_are_invalid(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    args: list[str],
    expected: str,
) -> None:
    monkeypatch.setenv("DEFAULT_TIMEZONE", zone)
    db = tmp_path / "x.db"
    Database.open(db).close()
    status, out, err = run(capsys, args[0], "--db", str(db), *args[1:])
    assert_one_line(status, err, expected)
    assert out == ""


@pytest.mark.parametrize(
    "command", [["ask", "grain"], ["show", "1"], ["digest"], ["backup", "COPY"]]
)
def test_commands_that_read_refuse_a_missing_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    mistyped = tmp_path / "dta" / "briefing.db"
    args = [str(tmp_path / "copy.db") if a == "COPY" else a for a in command]
    status, _, err = run(capsys, command[0], "--db", str(mistyped), *args[1:])
    assert_one_line(status, err)
    assert err == f"No database at {mistyped} (set BRIEFING_DB or pass --db)\n"
    assert sorted(tmp_path.iterdir()) == []


def test_import_still_creates_the_database_and_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in.md").write_text(OWN_ARTICLE)
    db = tmp_path / "new" / "folder" / "briefing.db"
    status, out, err = run(capsys, "import", "--db", str(db), str(tmp_path / "in.md"))
    assert status == 0, err
    assert "Imported 1" in out and db.is_file()


def test_a_folder_is_no_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnusableError) as raised:
        Database.open(tmp_path)
    assert (
        str(raised.value) == f"The database {tmp_path} cannot be used (it is a folder, not a file)"
    )


async def test_ids_no_article_can_have_are_unknown_in_the_chat(bot: BotHarness) -> None:
    chat = bot.chat()
    huge = "99999999999999999999"
    assert await chat.send(f"/article {huge}") == [
        f"There is no article #{huge} in this chat's archive."
    ]
    assert await chat.send(f"/forget #{huge}") == [
        f"There is no article #{huge} in this chat's archive."
    ]
    assert await chat.send(f"/retry {huge}") == [
        f"There is no unread link #{huge} in this chat's archive."
    ]
    (usage,) = await chat.send("/retry soon")
    assert usage.startswith("Usage: /retry ID")
    (long,) = await chat.send("/article " + "9" * 3000)
    assert long == f"There is no article #{'9' * 24}… in this chat's archive."


class DamagedArchive:
    """The bot's archive, except that listing recent articles meets a damaged page."""

    def __init__(self, archive: Archive, error: sqlite3.DatabaseError) -> None:
        self._archive = archive
        self._error = error

    def __getattr__(self, name: str) -> object:
        return getattr(self._archive, name)

    def recent(self, chat_id: int, limit: int = 10) -> list[object]:
        raise self._error


async def test_damage_met_while_the_bot_runs_is_apologised_for_and_logged_in_one_line(
    bot: BotHarness, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    connection = sqlite3.connect(random_bytes(tmp_path / "noise.db"))
    with pytest.raises(sqlite3.DatabaseError) as raised:
        connection.execute("SELECT * FROM sqlite_master")
    connection.close()
    bot.app.bot_data.archive = DamagedArchive(bot.app.bot_data.archive, raised.value)  # type: ignore[assignment]
    with caplog.at_level(logging.ERROR, logger="handlers.errors"):
        assert await bot.chat().send("/recent") == [APOLOGY]
    (record,) = [r for r in caplog.records if r.name == "handlers.errors"]
    assert "the database is damaged (file is not a database)" in record.getMessage()
    assert record.exc_info is None
