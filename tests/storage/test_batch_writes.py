"""`Database.batch()`: many writes, one transaction; a failed write inside is undone alone."""

import sqlite3
from pathlib import Path

import pytest

from storage import Database


def _names(path: Path) -> list[str]:
    """What another connection (another process) sees committed."""
    with sqlite3.connect(path) as other:
        return [r[0] for r in other.execute("SELECT name FROM notes ORDER BY name")]


def test_a_batch_commits_once_and_keeps_what_did_not_fail(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    db = Database.open(path)
    with db.write() as conn:
        conn.execute("CREATE TABLE notes (name TEXT UNIQUE)")
    with db.batch():
        with db.write() as conn:
            conn.execute("INSERT INTO notes VALUES ('first')")
        with pytest.raises(sqlite3.IntegrityError), db.write() as conn:
            conn.execute("INSERT INTO notes VALUES ('second')")
            conn.execute("INSERT INTO notes VALUES ('first')")  # fails: undoes 'second' only
        with db.write() as conn:
            conn.execute("INSERT INTO notes VALUES ('third')")
        assert _names(path) == []  # nothing committed before the batch ends
    assert _names(path) == ["first", "third"]
    db.close()


def test_an_error_out_of_a_batch_undoes_all_of_it(tmp_path: Path) -> None:
    path = tmp_path / "b.db"
    db = Database.open(path)
    with db.write() as conn:
        conn.execute("CREATE TABLE notes (name TEXT UNIQUE)")
    with pytest.raises(RuntimeError), db.batch():
        with db.write() as conn:
            conn.execute("INSERT INTO notes VALUES ('lost')")
        raise RuntimeError("stopped")
    assert _names(path) == []
    with db.write() as conn:  # the database is usable again
        conn.execute("INSERT INTO notes VALUES ('after')")
    assert _names(path) == ["after"]
    db.close()
