"""The inbox: every update from Telegram, written down before Telegram is told it arrived.

Telegram forgets an update once the bot asks for the next ones, which happens while earlier
updates are still queued inside the process. So each update is stored here when it is
received and marked done once it has been handled (its content is dropped then); updates a
crash left unfinished are handled again at the next start. The key `(bot_id, update_id)` also
recognises an update Telegram delivers a second time.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import sqlite_utils

if TYPE_CHECKING:  # storage.database imports the migrations, which import this module
    from storage.database import Database

TABLE = "inbox"
KEEP_DONE = timedelta(days=2)  # long enough to recognise any redelivery


def create_inbox_table(db: sqlite_utils.Database) -> None:
    """Migration 0007: received updates, the index that finds a message's articles, and when
    each article's card was shown."""
    db.table(TABLE).create(
        {
            "bot_id": int,
            "update_id": int,
            "data": str,  # the update as Telegram sent it (JSON)
            "received_at": str,
            "done_at": str,  # NULL until the update has been handled
        },
        pk=("bot_id", "update_id"),
        not_null={"data", "received_at"},
    )
    db.table(TABLE).create_index(["bot_id", "done_at"])
    db.table("articles").create_index(["chat_id", "message_id"])
    # When the article's card was shown: an acknowledged link read after its update was done
    # and stopped before its card is shown again at the next start. Earlier rows were shown.
    db.table("articles").add_column("shown_at", str)
    db.execute("UPDATE articles SET shown_at = added_at WHERE status != 'pending'")


@dataclass(frozen=True)
class InboxUpdate:
    """An update received but not yet handled."""

    update_id: int
    data: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Inbox:
    """Received updates of one bot, until they have been handled."""

    def __init__(self, database: "Database", bot_id: int) -> None:
        self.database = database
        self.bot_id = bot_id

    def receive(self, update_id: int, data: str) -> bool:
        """Store a received update; False when it was received before (a redelivery)."""
        with self.database.write() as conn:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO {TABLE} (bot_id, update_id, data, received_at)"
                " VALUES (?, ?, ?, ?)",
                (self.bot_id, update_id, data, _now()),
            )
            return cursor.rowcount == 1

    def done(self, update_id: int) -> None:
        """Mark an update handled and drop its content: only its key is kept (to recognise a
        redelivery), so nothing a user sent outlives /forget here."""
        with self.database.write() as conn:
            conn.execute(
                f"UPDATE {TABLE} SET done_at = ?, data = '' WHERE bot_id = ? AND update_id = ?",
                (_now(), self.bot_id, update_id),
            )

    def unfinished(self) -> list[InboxUpdate]:
        """Updates received but never handled (a crash came first), oldest first."""
        rows = self.database.query(
            f"SELECT update_id, data FROM {TABLE} WHERE bot_id = ? AND done_at IS NULL"
            " ORDER BY update_id",
            (self.bot_id,),
        )
        return [InboxUpdate(int(update_id), str(data)) for update_id, data in rows]

    def prune(self, now: datetime | None = None) -> int:
        """Forget handled updates older than KEEP_DONE; returns how many."""
        cutoff = ((now or datetime.now(UTC)) - KEEP_DONE).isoformat(timespec="milliseconds")
        with self.database.write() as conn:
            cursor = conn.execute(
                f"DELETE FROM {TABLE} WHERE bot_id = ? AND done_at IS NOT NULL AND done_at < ?",
                (self.bot_id, cutoff),
            )
            return cursor.rowcount
