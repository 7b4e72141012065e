"""The SQLite connection every store shares: WAL mode, migrations, one writer at a time.

Opening checks the file first, so that a folder, a file that is not SQLite or a damaged
database stops the program with one clear `DatabaseUnusableError` instead of failing later in
some query. `PRAGMA quick_check` reads every page (measured on a 150 MB archive: about 0.45 s
warm, 1.2 s from disk), so it runs on open only up to `QUICK_CHECK_MAX_BYTES`; a bigger file gets
its schema and the first page of each table read, and `backup` checks its copy in full.
"""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.schema import apply_migrations

SQLITE_HEADER = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 32 * 2**20  # about 0.1 s warm, 0.25 s from disk at the measured rate
SQLITE_MIN_INT = -(2**63)  # the range of an INTEGER column, and so of every id
SQLITE_MAX_INT = 2**63 - 1
# Prefixes of sqlite3's error names: the file is damaged, or it cannot be used where it is
# (locked, read-only, disk full, unreadable). Other errors (SQL mistakes) are the program's.
DAMAGE_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
ACCESS_ERRORS = (
    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_READONLY",
    "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_NOLFS", "SQLITE_AUTH",
)  # fmt: skip
REASON_LENGTH = 160
# SQLite's page cache (default 2 MB) holds the hot index pages of questions; on a 212k-article
# archive 64 MB halved the p95 of a question (bench/query.py --articles 212000).
CACHE_KIB = 64 * 1024


class DatabaseUnusableError(Exception):
    """The database file cannot be used: it is damaged, or it cannot be opened at all."""

    def __init__(self, path: str | Path, reason: str, *, damaged: bool) -> None:
        self.path = str(path)
        self.reason = reason
        self.damaged = damaged
        super().__init__(self.describe())

    def describe(self) -> str:
        """One line for the person running the bot: what is wrong and what to do."""
        if self.damaged:
            return f"The database {self.path} is damaged ({self.reason}); restore it from a backup"
        return f"The database {self.path} cannot be used ({self.reason})"


class DatabaseMissingError(DatabaseUnusableError):
    """There is no database file where one was expected (and none may be created there)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path, "no such file", damaged=False)

    def describe(self) -> str:
        """One line naming the path."""
        return f"No database at {self.path}"


def _error_name(error: BaseException) -> str:
    name = getattr(error, "sqlite_errorname", "") if isinstance(error, sqlite3.Error) else ""
    return str(name or "")


def is_damage(error: BaseException) -> bool:
    """Whether a sqlite3 error says the file is corrupt or not a database at all."""
    return _error_name(error).startswith(DAMAGE_ERRORS)


def is_unusable(error: BaseException) -> bool:
    """Whether a sqlite3 error is about the database file (damaged, locked, unreadable, full)
    rather than a mistake in the program's SQL."""
    return is_damage(error) or _error_name(error).startswith(ACCESS_ERRORS)


def unusable(path: str | Path, error: sqlite3.Error) -> DatabaseUnusableError:
    """The project error for a sqlite3 error met while using the database at `path`."""
    return DatabaseUnusableError(path, _short(str(error)), damaged=is_damage(error))


def _short(text: str) -> str:
    line = " ".join(text.replace("*** in database main ***", "").split())
    return line if len(line) <= REASON_LENGTH else line[: REASON_LENGTH - 1] + "…"


def _inspect_file(path: Path, create: bool) -> int:
    """Refuse a folder, a missing file (unless `create`) or a file that is not SQLite;
    return the bytes the database holds (with its write-ahead log)."""
    if path.is_dir():
        raise DatabaseUnusableError(path, "it is a folder, not a file", damaged=False)
    if not path.exists():
        if not create:
            raise DatabaseMissingError(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            reason = f"cannot create its folder: {_os_reason(error)}"
            raise DatabaseUnusableError(path, reason, damaged=False) from None
        return 0
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
        size = path.stat().st_size
    except OSError as error:
        raise DatabaseUnusableError(path, _os_reason(error), damaged=False) from None
    if size and header != SQLITE_HEADER:
        raise DatabaseUnusableError(path, "file is not a database", damaged=True)
    wal = path.with_name(path.name + "-wal")
    return size + (wal.stat().st_size if wal.exists() else 0)


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def _check_pages(conn: sqlite3.Connection, path: Path, size: int) -> None:
    """Read the schema, then every page (`quick_check`) when that is cheap, else each table's
    first page; raise `DatabaseUnusableError` naming the first problem found."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if size <= QUICK_CHECK_MAX_BYTES:
        problem = first_problem(conn, "quick_check")
        if problem:
            raise DatabaseUnusableError(path, problem, damaged=True)
        return
    tables = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
    ).fetchall()
    for (name,) in tables:
        quoted = '"' + str(name).replace('"', '""') + '"'
        conn.execute(f"SELECT * FROM {quoted} LIMIT 1").fetchall()


def first_problem(conn: sqlite3.Connection, pragma: str = "integrity_check") -> str | None:
    """The first problem SQLite's `integrity_check` (or `quick_check`) finds, None if none."""
    if pragma not in {"integrity_check", "quick_check"}:
        raise ValueError(f"not an integrity pragma: {pragma}")
    rows = conn.execute(f"PRAGMA {pragma}(1)").fetchall()
    if rows == [("ok",)]:
        return None
    found = str(rows[0][0]) if rows else "no result"
    return _short(f"integrity check failed: {found}")


class Database:
    """One SQLite file, opened once; safe to use from worker threads (calls are serialised)."""

    def __init__(self, db: sqlite_utils.Database, path: str | Path = ":memory:") -> None:
        self.utils = db
        self.path = str(path)
        self._lock = threading.RLock()
        self._batches = 0  # depth of `batch()` blocks open

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> "Database":
        """Open the database at `path` (creating it and its folder if `create`), check that it
        is readable and apply pending migrations.

        Raises `DatabaseUnusableError` (`DatabaseMissingError` when it does not exist and
        `create` is false) with a one-line reason.
        """
        if str(path) == ":memory:":
            memory = sqlite_utils.Database(sqlite3.connect(":memory:", check_same_thread=False))
            apply_migrations(memory)
            return cls(memory)
        file = Path(path)
        size = _inspect_file(file, create)
        target = f"{file.resolve().as_uri()}?mode={'rwc' if create else 'rw'}"
        try:
            conn = sqlite3.connect(target, uri=True, check_same_thread=False, timeout=30)
        except sqlite3.Error as error:
            raise unusable(file, error) from None
        try:
            _check_pages(conn, file, size)
            db = sqlite_utils.Database(conn)
            db.enable_wal()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
            apply_migrations(db)
        except DatabaseUnusableError:
            conn.close()
            raise
        except sqlite3.Error as error:
            conn.close()
            raise unusable(file, error) from None
        return cls(db, file)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.utils.close()

    def backup(self, path: str | Path) -> None:
        """Write a consistent, verified copy to `path` with SQLite's online backup API.

        Safe while other processes write (the copy is one snapshot). The copy passes
        `PRAGMA integrity_check` before it appears at `path`, replacing any file there; a copy
        that fails is deleted and `DatabaseUnusableError` says why (the source is damaged).
        Problems writing the copy raise `OSError` or `sqlite3.Error`.
        """
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            problem = self._copy_to(partial)
            if problem:
                raise DatabaseUnusableError(self.path, problem, damaged=True)
            partial.replace(target)
        except sqlite3.Error as error:
            if is_damage(error):  # the copy is new: what is damaged is the source
                raise unusable(self.path, error) from None
            raise
        finally:
            partial.unlink(missing_ok=True)

    def _copy_to(self, partial: Path) -> str | None:
        """Copy into `partial`; the copy's first integrity problem, None when it is sound."""
        copy = sqlite3.connect(str(partial))
        try:
            with self._lock:
                self.utils.conn.backup(copy)
            return first_problem(copy)
        finally:
            copy.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction: committed when the block ends, rolled back on an exception. Inside
        `batch()` it is a savepoint of the batch's transaction: rolled back alone on an
        exception, committed with the batch."""
        with self._lock:
            conn = self.utils.conn
            if not self._batches:
                with conn:
                    yield conn
                return
            conn.execute("SAVEPOINT write")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK TO write")
                conn.execute("RELEASE write")
                raise
            conn.execute("RELEASE write")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes in one transaction, committed at the end (rolled back on an exception):
        what a bulk import does, so that other processes' readers see one change a batch, not
        a hundred, and keep their page caches. Holds the lock: for one thread's bulk work."""
        with self._lock:
            conn = self.utils.conn
            if self._batches:
                self._batches += 1
                try:
                    yield
                finally:
                    self._batches -= 1
                return
            conn.execute("BEGIN IMMEDIATE")
            self._batches = 1
            try:
                yield
            except BaseException:
                conn.rollback()
                raise
            else:
                conn.commit()
            finally:
                self._batches = 0

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """All rows of one read."""
        with self._lock:
            return list(self.utils.execute(sql, params).fetchall())
