"""The SQLite connection every store shares: WAL mode, migrations, one writer at a time."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.migrations import apply_migrations


class Database:
    """One SQLite file, opened once; safe to use from worker threads (calls are serialised)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.utils = db
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | Path) -> "Database":
        """Open (creating if needed) the database at `path` and apply pending migrations."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        if str(path) != ":memory:":
            db.enable_wal()
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(db)
        return cls(db)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.utils.close()

    def backup(self, path: str | Path) -> None:
        """Write a consistent copy to `path` with SQLite's online backup API.

        Safe while other processes write (the copy is one snapshot); the copy appears at `path`
        only once complete, replacing any file there.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        copy = sqlite3.connect(str(partial))
        try:
            with self._lock:
                self.utils.conn.backup(copy)
        finally:
            copy.close()
        partial.replace(target)

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction: committed when the block ends, rolled back on an exception."""
        with self._lock, self.utils.conn as conn:
            yield conn

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """All rows of one read."""
        with self._lock:
            return list(self.utils.execute(sql, params).fetchall())
