"""The article archive: every query the bot makes, each one scoped to a single chat."""

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.migrations import apply_migrations

# Private-use characters mark matched words in snippets; callers turn them into markup.
MATCH_START = "\ue000"
MATCH_END = "\ue001"

TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0

_ARTICLE_COLUMNS = (
    "id, chat_id, title, source, url, canonical_url, published_at, added_at, body, status,"
    " reason, content_hash, message_id"
)


@dataclass(frozen=True)
class NewArticle:
    """An analysed article ready to be stored."""

    title: str
    body: str
    source: str = ""
    url: str | None = None
    canonical_url: str | None = None
    published_at: str | None = None
    content_hash: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    """An article row as the archive holds it."""

    id: int
    chat_id: int
    title: str
    source: str
    url: str | None
    canonical_url: str | None
    published_at: str | None
    added_at: str
    body: str
    status: str
    reason: str | None
    content_hash: str | None
    message_id: int | None


@dataclass(frozen=True)
class PendingItem:
    """A raw message stored but not yet analysed."""

    chat_id: int
    article_id: int
    raw: str


@dataclass(frozen=True)
class FtsHit:
    """One full-text match: the article, its best body snippet and its bm25 score."""

    article: StoredArticle
    snippet: str
    score: float


@dataclass(frozen=True)
class ArchiveStats:
    """Counts for one chat's archive."""

    total: int
    ready: int
    pending: int
    failed: int
    sources: int
    first_added: str | None
    last_added: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row_to_article(row: sqlite3.Row | tuple[Any, ...]) -> StoredArticle:
    return StoredArticle(*row[:13])


class Archive:
    """One SQLite file in WAL mode with a single writer; safe to call from worker threads."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: str | Path) -> "Archive":
        """Open (creating if needed) the database at `path` and apply pending migrations."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        db = sqlite_utils.Database(conn)
        if str(path) != ":memory:":
            db.enable_wal()
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        apply_migrations(db)
        return cls(db)

    def close(self) -> None:
        """Close the underlying connection."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._db.conn as conn:
            yield conn

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    # --- writes -----------------------------------------------------------------------------

    def save_pending(self, chat_id: int, raw: str, message_id: int | None = None) -> int:
        """Store what the user sent before any analysis, so nothing is lost on a crash."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, raw, status, added_at, message_id)"
                " VALUES (?, ?, 'pending', ?, ?)",
                (chat_id, raw, _now(), message_id),
            )
            return int(cursor.lastrowid or 0)

    def complete(self, chat_id: int, article_id: int, article: NewArticle) -> None:
        """Fill a pending row with its analysed fields and mark it ready."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET title = ?, body = ?, source = ?, url = ?, canonical_url = ?,"
                " published_at = ?, content_hash = ?, status = 'ready', reason = NULL"
                " WHERE id = ? AND chat_id = ?",
                (
                    article.title,
                    article.body,
                    article.source,
                    article.url,
                    article.canonical_url,
                    article.published_at,
                    article.content_hash,
                    article_id,
                    chat_id,
                ),
            )

    def fail(self, chat_id: int, article_id: int, reason: str) -> None:
        """Mark a row whose analysis failed, keeping the raw message."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET status = 'failed', reason = ? WHERE id = ? AND chat_id = ?",
                (reason, article_id, chat_id),
            )

    def add(self, chat_id: int, article: NewArticle, message_id: int | None = None) -> int:
        """Store an already analysed article in one step (bulk import)."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, title, body, source, url, canonical_url,"
                " published_at, content_hash, status, added_at, message_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?)",
                (
                    chat_id,
                    article.title,
                    article.body,
                    article.source,
                    article.url,
                    article.canonical_url,
                    article.published_at,
                    article.content_hash,
                    _now(),
                    message_id,
                ),
            )
            return int(cursor.lastrowid or 0)

    def delete(self, chat_id: int, article_id: int) -> bool:
        """Delete one article (its index entries go with it); False if the chat has no such id."""
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM articles WHERE id = ? AND chat_id = ?", (article_id, chat_id)
            )
            return cursor.rowcount > 0

    # --- reads ------------------------------------------------------------------------------

    def get(self, chat_id: int, article_id: int) -> StoredArticle | None:
        """One article of this chat, or None."""
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ? AND chat_id = ?",
            (article_id, chat_id),
        )
        return _row_to_article(rows[0]) if rows else None

    def recent(self, chat_id: int, limit: int = 10) -> list[StoredArticle]:
        """The chat's most recently added articles that are ready, newest first."""
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE chat_id = ? AND status = 'ready'"
            " ORDER BY added_at DESC, id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [_row_to_article(row) for row in rows]

    def find_duplicate(
        self,
        chat_id: int,
        content_hash: str | None,
        canonical_url: str | None,
        exclude_id: int | None = None,
    ) -> int | None:
        """The id of a ready article with the same content or the same canonical URL."""
        rows = self._query(
            "SELECT id FROM articles WHERE chat_id = ? AND status = 'ready' AND id != ?"
            " AND ((content_hash IS NOT NULL AND content_hash = ?)"
            " OR (canonical_url IS NOT NULL AND canonical_url = ?))"
            " ORDER BY id LIMIT 1",
            (chat_id, exclude_id or -1, content_hash, canonical_url),
        )
        return int(rows[0][0]) if rows else None

    def pending(self) -> list[PendingItem]:
        """Raw messages of every chat still waiting for analysis (for resuming at start-up)."""
        rows = self._query(
            "SELECT chat_id, id, raw FROM articles WHERE status = 'pending' ORDER BY id"
        )
        return [PendingItem(chat_id=r[0], article_id=r[1], raw=r[2] or "") for r in rows]

    def stats(self, chat_id: int) -> ArchiveStats:
        """Counts of the chat's articles by status, distinct sources and the added-time span."""
        row = self._query(
            "SELECT COUNT(*),"
            " SUM(status = 'ready'), SUM(status = 'pending'), SUM(status = 'failed'),"
            " COUNT(DISTINCT CASE WHEN status = 'ready' AND source != '' THEN source END),"
            " MIN(added_at), MAX(added_at)"
            " FROM articles WHERE chat_id = ?",
            (chat_id,),
        )[0]
        return ArchiveStats(
            total=row[0],
            ready=row[1] or 0,
            pending=row[2] or 0,
            failed=row[3] or 0,
            sources=row[4],
            first_added=row[5],
            last_added=row[6],
        )

    def search(self, chat_id: int, match: str, limit: int = 5, offset: int = 0) -> list[FtsHit]:
        """Ready articles of this chat matching an FTS5 expression, best bm25 first.

        `match` must already be a safe FTS5 expression (every term quoted by the caller).
        """
        rows = self._query(
            f"SELECT {', '.join('a.' + c.strip() for c in _ARTICLE_COLUMNS.split(','))},"
            f" snippet(articles_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 24),"
            f" bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND a.chat_id = ? AND a.status = 'ready'"
            " ORDER BY rank, a.id DESC LIMIT ? OFFSET ?",
            (match, chat_id, limit, offset),
        )
        return [
            FtsHit(article=_row_to_article(row), snippet=row[13] or "", score=-float(row[14]))
            for row in rows
        ]
