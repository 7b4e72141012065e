"""Stored articles: adding analysed ones, deleting, reading by id, hash, URL and story keys,
and the counts of a chat's archive. Every query names its chat."""

import sqlite3
from datetime import date, timedelta

from storage import clock
from storage.database import Database
from storage.rows import ARTICLE_COLUMNS, ArchiveStats, NewArticle, StoredArticle, StoryCandidate

NO_ID = 2**63 - 1  # above every id: "exclude nothing" in `id < ?`


def analysed_fields(article: NewArticle) -> tuple[object, ...]:
    """The analysed columns of an article, in the order both `add` and the ingest queue's
    `complete` write them (title, body, source, url, canonical_url, published_at,
    content_hash, author, signature, story_id)."""
    return (
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
    )


def write_story_keys(
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


class ArticleStore:
    """The chats' articles on the shared database; every method takes the chat."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add(
        self, chat_id: int, article: NewArticle, message_id: int | None = None, kind: str = "text"
    ) -> int:
        """Store an already analysed article in one step (bulk import), flagged `imported`
        when it came from a bulk import rather than from the chat."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, title, body, source, url, canonical_url,"
                " published_at, content_hash, author, signature, story_id, status, added_at,"
                " message_id, kind, attempts, imported)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ready', ?, ?, ?, 0, ?)",
                (chat_id, *analysed_fields(article), clock.now(), message_id, kind,
                 int(article.imported)),
            )  # fmt: skip
            article_id = int(cursor.lastrowid or 0)
            write_story_keys(conn, chat_id, article_id, article.story_keys)
            return article_id

    def delete(self, chat_id: int, article_id: int) -> bool:
        """Delete one article (its index entries go with it); False if the chat has no such id.

        Later articles that pointed at it as their story now start their own story.
        """
        with self.database.write() as conn:
            cursor = conn.execute(
                "DELETE FROM articles WHERE id = ? AND chat_id = ?", (article_id, chat_id)
            )
            conn.execute(
                "UPDATE articles SET story_id = NULL WHERE chat_id = ? AND story_id = ?",
                (chat_id, article_id),
            )
            return cursor.rowcount > 0

    def get(self, chat_id: int, article_id: int) -> StoredArticle | None:
        """One article of this chat, or None."""
        rows = self.database.query(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ? AND chat_id = ?",
            (article_id, chat_id),
        )
        return StoredArticle(*rows[0]) if rows else None

    def recent(self, chat_id: int, limit: int = 10) -> list[StoredArticle]:
        """The chat's most recently added articles that are not waiting, newest first."""
        rows = self.database.query(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE chat_id = ? AND status != 'pending'"
            " ORDER BY added_at DESC, id DESC LIMIT ?",
            (chat_id, limit),
        )
        return [StoredArticle(*row) for row in rows]

    def find_by_hash(
        self, chat_id: int, content_hash: str, exclude_id: int | None = None
    ) -> StoredArticle | None:
        """An earlier ready article with exactly the same text."""
        rows = self.database.query(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE chat_id = ? AND status = 'ready'"
            " AND content_hash = ? AND id < ? ORDER BY id LIMIT 1",
            (chat_id, content_hash, exclude_id or NO_ID),
        )
        return StoredArticle(*rows[0]) if rows else None

    def find_by_url(
        self, chat_id: int, canonical_url: str, exclude_id: int | None = None
    ) -> StoredArticle | None:
        """An earlier article of this chat with the same canonical URL, whatever its status."""
        rows = self.database.query(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE chat_id = ? AND canonical_url = ?"
            " AND id < ? ORDER BY id LIMIT 1",
            (chat_id, canonical_url, exclude_id or NO_ID),
        )
        return StoredArticle(*rows[0]) if rows else None

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
        center = date.fromisoformat((around or clock.now())[:10])
        low = (center - timedelta(days=days)).isoformat()
        high = (center + timedelta(days=days)).isoformat()
        marks = ", ".join("?" for _ in keys)
        rows = self.database.query(
            "SELECT a.id, a.title, a.signature, a.story_id FROM"
            " (SELECT article_id FROM story_keys WHERE chat_id = ? AND key IN"
            f" ({marks}) AND day BETWEEN ? AND ? GROUP BY article_id HAVING COUNT(*) >= ?) k"
            " CROSS JOIN articles a ON a.id = k.article_id"
            " WHERE a.chat_id = ? AND a.status = 'ready' AND a.signature IS NOT NULL"
            " AND a.id != ? ORDER BY a.id LIMIT 200",
            (chat_id, *keys, low, high, min_shared, chat_id, exclude_id or -1),
        )
        return [StoryCandidate(*row) for row in rows]

    def stats(self, chat_id: int) -> ArchiveStats:
        """Counts of the chat's articles by status, distinct sources and the added-time span."""
        row = self.database.query(
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
