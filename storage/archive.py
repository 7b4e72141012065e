"""The article archive: every query the bot makes, each one scoped to a single chat."""

import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from storage.database import Database

# Private-use characters mark matched words in snippets; callers turn them into markup.
MATCH_START = "\ue000"
MATCH_END = "\ue001"

TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0


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
    author: str | None = None
    signature: str | None = None
    story_id: int | None = None
    story_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Incoming:
    """What a user sent, stored before any analysis so that nothing is lost."""

    chat_id: int
    raw: str
    kind: str = "text"  # text, link, forward, document
    message_id: int | None = None
    url: str | None = None
    origin: str | None = None
    post_url: str | None = None
    posted_at: str | None = None
    filename: str | None = None


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
    kind: str | None = "text"
    author: str | None = None
    origin: str | None = None
    post_url: str | None = None
    posted_at: str | None = None
    story_id: int | None = None
    ack_message_id: int | None = None
    attempts: int | None = 0


@dataclass(frozen=True)
class PendingItem:
    """A stored message waiting for analysis, with what is needed to finish it."""

    article_id: int
    incoming: Incoming
    ack_message_id: int | None
    attempts: int


@dataclass(frozen=True)
class StoryCandidate:
    """An earlier article that a new one may retell: its id, title, signature and story."""

    id: int
    title: str
    signature: str
    story_id: int | None


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


_FIELDS = tuple(f.name for f in fields(StoredArticle))
_COLUMNS = ", ".join(_FIELDS)
_A_COLUMNS = ", ".join(f"a.{name}" for name in _FIELDS)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article(row: tuple[Any, ...]) -> StoredArticle:
    return StoredArticle(*row[: len(_FIELDS)])


class Archive:
    """The chat archives; every method takes the chat it reads or writes."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @classmethod
    def open(cls, path: str | Path) -> "Archive":
        """Open (creating if needed) the database at `path`, migrated to the current schema."""
        return cls(Database.open(path))

    def close(self) -> None:
        """Close the underlying connection."""
        self.database.close()

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self.database.write()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.database.query(sql, params)

    # --- writes -----------------------------------------------------------------------------

    def save_pending(self, incoming: Incoming) -> int:
        """Store what the user sent before any analysis, so nothing is lost on a crash."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, raw, status, added_at, message_id, kind, url,"
                " origin, post_url, posted_at, filename, attempts)"
                " VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    incoming.chat_id,
                    incoming.raw,
                    _now(),
                    incoming.message_id,
                    incoming.kind,
                    incoming.url,
                    incoming.origin,
                    incoming.post_url,
                    incoming.posted_at,
                    incoming.filename,
                ),
            )
            return int(cursor.lastrowid or 0)

    def set_ack(self, chat_id: int, article_id: int, ack_message_id: int) -> None:
        """Remember the bot's acknowledgement so it can be edited into the card later."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET ack_message_id = ? WHERE id = ? AND chat_id = ?",
                (ack_message_id, article_id, chat_id),
            )

    def mark_shown(self, chat_id: int, article_id: int) -> None:
        """Remember that the article's card has been shown to the chat."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET shown_at = ? WHERE id = ? AND chat_id = ?",
                (_now(), article_id, chat_id),
            )

    def unshown(self) -> list[StoredArticle]:
        """Acknowledged articles of every chat, read but never shown (a stop came between)."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE status IN ('ready', 'failed')"
            " AND ack_message_id IS NOT NULL AND shown_at IS NULL ORDER BY id"
        )
        return [_article(row) for row in rows]

    def complete(self, chat_id: int, article_id: int, article: NewArticle) -> None:
        """Fill a row with its analysed fields and mark it ready."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET title = ?, body = ?, source = ?,"
                " url = COALESCE(?, url), canonical_url = COALESCE(?, canonical_url),"
                " published_at = COALESCE(?, published_at), content_hash = ?, author = ?,"
                " signature = ?, story_id = ?, status = 'ready', reason = NULL"
                " WHERE id = ? AND chat_id = ?",
                (
                    article.title,
                    article.body,
                    article.source,
                    article.url,
                    article.canonical_url,
                    article.published_at,
                    article.content_hash,
                    article.author,
                    article.signature,
                    article.story_id,
                    article_id,
                    chat_id,
                ),
            )
            self._set_keys(conn, chat_id, article_id, article.story_keys)

    def fail(
        self,
        chat_id: int,
        article_id: int,
        reason: str,
        *,
        title: str | None = None,
        canonical_url: str | None = None,
    ) -> None:
        """Keep a row whose text could not be had (a link behind a paywall), with the reason."""
        with self._write() as conn:
            conn.execute(
                "UPDATE articles SET status = 'failed', reason = ?,"
                " title = COALESCE(?, title), canonical_url = COALESCE(?, canonical_url),"
                " attempts = COALESCE(attempts, 0) + 1 WHERE id = ? AND chat_id = ?",
                (reason, title, canonical_url, article_id, chat_id),
            )

    def requeue(self, chat_id: int, article_id: int) -> PendingItem | None:
        """Put a failed row back in the queue (for /retry); None if the chat has no such row."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE articles SET status = 'pending', reason = NULL"
                " WHERE id = ? AND chat_id = ? AND status = 'failed'",
                (article_id, chat_id),
            )
            if cursor.rowcount == 0:
                return None
        items = self._pending("AND id = ? AND chat_id = ?", (article_id, chat_id))
        return items[0] if items else None

    def add(
        self, chat_id: int, article: NewArticle, message_id: int | None = None, kind: str = "text"
    ) -> int:
        """Store an already analysed article in one step (bulk import)."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, title, body, source, url, canonical_url,"
                " published_at, content_hash, author, signature, story_id, status, added_at,"
                " message_id, kind, attempts)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?, ?, 0)",
                (
                    chat_id,
                    article.title,
                    article.body,
                    article.source,
                    article.url,
                    article.canonical_url,
                    article.published_at,
                    article.content_hash,
                    article.author,
                    article.signature,
                    article.story_id,
                    _now(),
                    message_id,
                    kind,
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            self._set_keys(conn, chat_id, article_id, article.story_keys)
            return article_id

    @staticmethod
    def _set_keys(
        conn: sqlite3.Connection, chat_id: int, article_id: int, keys: tuple[str, ...]
    ) -> None:
        """Index the article's story keys under its day (published, else added)."""
        conn.execute("DELETE FROM story_keys WHERE article_id = ?", (article_id,))
        if not keys:
            return
        (day,) = conn.execute(
            "SELECT substr(COALESCE(published_at, added_at), 1, 10) FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        conn.executemany(
            "INSERT OR IGNORE INTO story_keys (chat_id, article_id, key, day) VALUES (?, ?, ?, ?)",
            [(chat_id, article_id, key, day) for key in keys],
        )

    def delete(self, chat_id: int, article_id: int) -> bool:
        """Delete one article (its index entries go with it); False if the chat has no such id.

        Later articles that pointed at it as their story now start their own story.
        """
        with self._write() as conn:
            cursor = conn.execute(
                "DELETE FROM articles WHERE id = ? AND chat_id = ?", (article_id, chat_id)
            )
            conn.execute(
                "UPDATE articles SET story_id = NULL WHERE chat_id = ? AND story_id = ?",
                (chat_id, article_id),
            )
            return cursor.rowcount > 0

    # --- reads ------------------------------------------------------------------------------

    def get(self, chat_id: int, article_id: int) -> StoredArticle | None:
        """One article of this chat, or None."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE id = ? AND chat_id = ?",
            (article_id, chat_id),
        )
        return _article(rows[0]) if rows else None

    def recent(self, chat_id: int, limit: int = 10) -> list[StoredArticle]:
        """The chat's most recently added articles that are not waiting, newest first."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE chat_id = ? AND status != 'pending'"
            " ORDER BY added_at DESC, id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [_article(row) for row in rows]

    def find_by_hash(
        self, chat_id: int, content_hash: str, exclude_id: int | None = None
    ) -> StoredArticle | None:
        """An earlier ready article with exactly the same text."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE chat_id = ? AND status = 'ready'"
            " AND content_hash = ? AND id < ? ORDER BY id LIMIT 1",
            (chat_id, content_hash, exclude_id or 2**63 - 1),
        )
        return _article(rows[0]) if rows else None

    def find_by_url(
        self, chat_id: int, canonical_url: str, exclude_id: int | None = None
    ) -> StoredArticle | None:
        """An earlier article of this chat with the same canonical URL, whatever its status."""
        rows = self._query(
            f"SELECT {_COLUMNS} FROM articles WHERE chat_id = ? AND canonical_url = ?"
            " AND id < ? ORDER BY id LIMIT 1",
            (chat_id, canonical_url, exclude_id or 2**63 - 1),
        )
        return _article(rows[0]) if rows else None

    def find_by_message(
        self, chat_id: int, message_id: int, url: str | None
    ) -> StoredArticle | None:
        """The article already stored from this message (and link, for a message of several
        links): finds what a replayed update stored before a crash."""
        sql = f"SELECT {_COLUMNS} FROM articles WHERE chat_id = ? AND message_id = ?"
        params: tuple[object, ...] = (chat_id, message_id)
        if url is not None:
            sql += " AND url = ?"
            params += (url,)
        rows = self._query(sql + " ORDER BY id LIMIT 1", params)
        return _article(rows[0]) if rows else None

    def story_candidates(
        self,
        chat_id: int,
        keys: tuple[str, ...],
        around: str | None,
        days: int,
        exclude_id: int | None = None,
        min_shared: int = 3,
    ) -> list[StoryCandidate]:
        """Ready articles sharing at least `min_shared` keys, dated within `days` of `around`.

        The date is the publication date, or the time added for undated articles.
        """
        if not keys:
            return []
        center = date.fromisoformat((around or _now())[:10])
        low = (center - timedelta(days=days)).isoformat()
        high = (center + timedelta(days=days)).isoformat()
        marks = ", ".join("?" for _ in keys)
        rows = self._query(
            "SELECT a.id, a.title, a.signature, a.story_id FROM"
            " (SELECT article_id FROM story_keys WHERE chat_id = ? AND key IN"
            f" ({marks}) AND day BETWEEN ? AND ? GROUP BY article_id HAVING COUNT(*) >= ?) k"
            " CROSS JOIN articles a ON a.id = k.article_id"
            " WHERE a.chat_id = ? AND a.status = 'ready' AND a.signature IS NOT NULL"
            " AND a.id != ? ORDER BY a.id LIMIT 200",
            (chat_id, *keys, low, high, min_shared, chat_id, exclude_id or -1),
        )
        return [StoryCandidate(*row) for row in rows]

    def _pending(self, where: str = "", params: tuple[Any, ...] = ()) -> list[PendingItem]:
        rows = self._query(
            "SELECT id, chat_id, raw, kind, message_id, url, origin, post_url, posted_at,"
            " filename, ack_message_id, attempts FROM articles WHERE status = 'pending' "
            f"{where} ORDER BY id",
            params,
        )
        return [
            PendingItem(
                article_id=row[0],
                incoming=Incoming(
                    chat_id=row[1],
                    raw=row[2] or "",
                    kind=row[3] or "text",
                    message_id=row[4],
                    url=row[5],
                    origin=row[6],
                    post_url=row[7],
                    posted_at=row[8],
                    filename=row[9],
                ),
                ack_message_id=row[10],
                attempts=row[11] or 0,
            )
            for row in rows
        ]

    def pending(self) -> list[PendingItem]:
        """Messages of every chat still waiting for analysis (for resuming at start-up)."""
        return self._pending()

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
        width = len(_FIELDS)
        rows = self._query(
            f"SELECT {_A_COLUMNS},"
            f" snippet(articles_fts, 1, '{MATCH_START}', '{MATCH_END}', '…', 24),"
            f" bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS rank"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? AND a.chat_id = ? AND a.status = 'ready'"
            " ORDER BY rank, a.id DESC LIMIT ? OFFSET ?",
            (match, chat_id, limit, offset),
        )
        return [
            FtsHit(article=_article(row), snippet=row[width] or "", score=-float(row[width + 1]))
            for row in rows
        ]
