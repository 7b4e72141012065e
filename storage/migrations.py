"""Schema migrations, applied in order at start-up and recorded in the `migrations` table."""

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

Migration = Callable[[sqlite_utils.Database], None]

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def _create_articles(db: sqlite_utils.Database) -> None:
    """Articles with their provenance and a full-text index over title and body."""
    db.table("articles").create(
        {
            "id": int,
            "chat_id": int,
            "title": str,
            "source": str,
            "url": str,
            "canonical_url": str,
            "published_at": str,
            "added_at": str,
            "body": str,
            "raw": str,
            "status": str,
            "reason": str,
            "content_hash": str,
            "message_id": int,
        },
        pk="id",
        not_null={"chat_id", "added_at", "status"},
        defaults={"title": "", "body": "", "source": "", "status": "pending"},
    )
    db.table("articles").create_index(["chat_id", "added_at"])
    db.table("articles").create_index(["chat_id", "status"])
    db.table("articles").create_index(["chat_id", "content_hash"])
    db.table("articles").create_index(["chat_id", "canonical_url"])
    db.table("articles").enable_fts(["title", "body"], create_triggers=True, tokenize=FTS_TOKENIZER)


MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_articles", _create_articles),
]


def apply_migrations(db: sqlite_utils.Database) -> list[str]:
    """Apply every migration not yet recorded; return the names applied now."""
    db.table("migrations").create({"name": str, "applied_at": str}, pk="name", if_not_exists=True)
    done = {row["name"] for row in db.table("migrations").rows}
    applied: list[str] = []
    for name, migrate in MIGRATIONS:
        if name in done:
            continue
        with db.conn:
            migrate(db)
            db.table("migrations").insert(
                {"name": name, "applied_at": datetime.now(UTC).isoformat()}
            )
        applied.append(name)
    return applied
