"""The ingest queue: what a user sent is stored first (status `pending`) and acknowledged, then
completed (`ready`) or failed with a reason; pending rows resume after a restart, and cards
acknowledged but never shown are shown then. The rows are articles; every write names its chat.
"""

from typing import Any

from storage import clock
from storage.articles import analysed_fields, write_story_keys
from storage.database import Database
from storage.rows import ARTICLE_COLUMNS, Incoming, NewArticle, PendingItem, StoredArticle


def _pending_item(row: tuple[Any, ...]) -> PendingItem:
    return PendingItem(
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


class IngestQueue:
    """Pending, failed and not yet shown articles on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def save_pending(self, incoming: Incoming) -> int:
        """Store what the user sent before any analysis, so nothing is lost on a crash."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO articles (chat_id, raw, status, added_at, message_id, kind, url,"
                " origin, post_url, posted_at, filename, attempts)"
                " VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    incoming.chat_id,
                    incoming.raw,
                    clock.now(),
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
        with self.database.write() as conn:
            conn.execute(
                "UPDATE articles SET ack_message_id = ? WHERE id = ? AND chat_id = ?",
                (ack_message_id, article_id, chat_id),
            )

    def mark_shown(self, chat_id: int, article_id: int) -> None:
        """Remember that the article's card has been shown to the chat."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE articles SET shown_at = ? WHERE id = ? AND chat_id = ?",
                (clock.now(), article_id, chat_id),
            )

    def unshown(self) -> list[StoredArticle]:
        """Acknowledged articles of every chat, read but never shown (a stop came between)."""
        rows = self.database.query(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE status IN ('ready', 'failed')"
            " AND ack_message_id IS NOT NULL AND shown_at IS NULL ORDER BY id"
        )
        return [StoredArticle(*row) for row in rows]

    def complete(self, chat_id: int, article_id: int, article: NewArticle) -> None:
        """Fill a row with its analysed fields and mark it ready."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE articles SET title = ?, body = ?, source = ?,"
                " url = COALESCE(?, url), canonical_url = COALESCE(?, canonical_url),"
                " published_at = COALESCE(?, published_at), content_hash = ?, author = ?,"
                " signature = ?, story_id = ?, status = 'ready', reason = NULL"
                " WHERE id = ? AND chat_id = ?",
                (*analysed_fields(article), article_id, chat_id),
            )
            write_story_keys(conn, chat_id, article_id, article.story_keys)

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
        with self.database.write() as conn:
            conn.execute(
                "UPDATE articles SET status = 'failed', reason = ?,"
                " title = COALESCE(?, title), canonical_url = COALESCE(?, canonical_url),"
                " attempts = COALESCE(attempts, 0) + 1 WHERE id = ? AND chat_id = ?",
                (reason, title, canonical_url, article_id, chat_id),
            )

    def requeue(self, chat_id: int, article_id: int) -> PendingItem | None:
        """Put a failed row back in the queue (for /retry); None if the chat has no such row."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "UPDATE articles SET status = 'pending', reason = NULL"
                " WHERE id = ? AND chat_id = ? AND status = 'failed'",
                (article_id, chat_id),
            )
            if cursor.rowcount == 0:
                return None
        items = self._pending("AND id = ? AND chat_id = ?", (article_id, chat_id))
        return items[0] if items else None

    def find_by_message(
        self, chat_id: int, message_id: int, url: str | None
    ) -> StoredArticle | None:
        """The article already stored from this message (and link, for a message of several
        links): finds what a replayed update stored before a crash."""
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE chat_id = ? AND message_id = ?"
        params: tuple[object, ...] = (chat_id, message_id)
        if url is not None:
            sql += " AND url = ?"
            params += (url,)
        rows = self.database.query(sql + " ORDER BY id LIMIT 1", params)
        return StoredArticle(*rows[0]) if rows else None

    def pending(self) -> list[PendingItem]:
        """Messages of every chat still waiting for analysis (for resuming at start-up)."""
        return self._pending()

    def _pending(self, where: str = "", params: tuple[Any, ...] = ()) -> list[PendingItem]:
        rows = self.database.query(
            "SELECT id, chat_id, raw, kind, message_id, url, origin, post_url, posted_at,"
            " filename, ack_message_id, attempts FROM articles WHERE status = 'pending' "
            f"{where} ORDER BY id",
            params,
        )
        return [_pending_item(row) for row in rows]
