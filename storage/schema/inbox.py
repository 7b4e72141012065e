"""The inbox of received updates (migration 0007), with when each article's card was shown."""

import sqlite_utils


def create_inbox_table(db: sqlite_utils.Database) -> None:
    """Migration 0007: received updates, the index that finds a message's articles, and when
    each article's card was shown."""
    db.table("inbox").create(
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
    db.table("inbox").create_index(["bot_id", "done_at"])
    db.table("articles").create_index(["chat_id", "message_id"])
    # When the article's card was shown: an acknowledged link read after its update was done
    # and stopped before its card is shown again at the next start. Earlier rows were shown.
    db.table("articles").add_column("shown_at", str)
    db.execute("UPDATE articles SET shown_at = added_at WHERE status != 'pending'")
