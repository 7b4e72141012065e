"""Every table's schema, as the ordered migrations that build it; applied at start-up and
recorded in the `migrations` table. Imports no store: stores import from here, never back."""

from collections.abc import Callable
from datetime import UTC, datetime

import sqlite_utils

from storage.schema.actors import create_actor_tables
from storage.schema.articles import (
    add_analysis_errors,
    add_provenance,
    create_articles,
    create_story_keys,
)
from storage.schema.digests import create_digest_tables
from storage.schema.feeds import create_feed_tables
from storage.schema.imports import add_imported
from storage.schema.inbox import create_inbox_table
from storage.schema.roles import create_roles
from storage.schema.search import create_search_marks, create_search_tables
from storage.schema.watches import create_watch_tables

Migration = Callable[[sqlite_utils.Database], None]

MIGRATIONS: list[tuple[str, Migration]] = [
    ("0001_articles", create_articles),
    ("0002_provenance", add_provenance),
    ("0003_story_keys", create_story_keys),
    ("0004_digests", create_digest_tables),
    ("0005_actors", create_actor_tables),
    ("0006_search", create_search_tables),
    ("0007_inbox", create_inbox_table),
    ("0008_search_marks", create_search_marks),
    ("0009_analysis_errors", add_analysis_errors),
    ("0010_imported", add_imported),
    ("0011_roles", create_roles),
    ("0012_watches", create_watch_tables),
    ("0013_feeds", create_feed_tables),
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
