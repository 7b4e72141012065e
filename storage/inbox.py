"""The inbox: every update from Telegram, written down before Telegram is told it arrived.

Telegram forgets an update once the bot asks for the next ones, which happens while earlier
updates are still queued inside the process. So each update is stored here when it is
received and marked done once it has been handled (its content is dropped then); updates a
crash left unfinished are handled again at the next start. The key `(bot_id, update_id)` also
recognises an update Telegram delivers a second time.
"""

from datetime import UTC, datetime, timedelta

from storage.database import Database
from storage.rows import InboxUpdate

TABLE = "inbox"
KEEP_DONE = timedelta(days=2)  # long enough to recognise any redelivery


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Inbox:
    """Received updates of one bot, until they have been handled."""

    def __init__(self, database: Database, bot_id: int) -> None:
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
