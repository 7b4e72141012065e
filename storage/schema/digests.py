"""The digest state (migration 0004): one row per chat with its schedule and delivery marks
(see `storage.digests` for what each mark means)."""

import sqlite_utils


def create_digest_tables(db: sqlite_utils.Database) -> None:
    """Migration 0004: the per-chat digest state."""
    db.table("digest_subscriptions").create(
        {
            "chat_id": int,
            "at": str,  # HH:MM, local time of the daily digest
            "zone": str,  # IANA name, e.g. Europe/Berlin
            "active": int,  # 1 subscribed; 0 not (the row keeps the marks of /digest)
            "paused": int,  # 1 when the chat could not be reached; /subscribe resumes
            "paused_reason": str,
            "subscribed_at": str,
            "delivered_until": str,
            "last_sent_at": str,
        },
        pk="chat_id",
        not_null={"at", "zone", "active", "paused"},
        defaults={"active": 0, "paused": 0},
    )
