"""Bulk-imported articles (migration 0010): a flag on each article, and the indexes a digest's
window reads through.

A digest lists the articles of its window except those imported in bulk with a publication
date before the window (or none): those are only counted (`storage.windows`). Its reads are
range seeks: the chat's own articles and the count of old imports in `idx_articles_window`
(the count from the index alone), the imports published within the window in
`idx_articles_imports` (imported rows only, by publication date). An import of 200,000 old
articles then costs a digest one walk of index entries for the count, never rows or texts.
`idx_articles_pending` finds the articles still being read in a window without walking the
ready ones.

Recent articles archived without the raw message are marked imported: only the bulk import
stores them so (what a chat sends is saved raw first), and a digest due after the upgrade
then does not list an old corpus imported just before it. Only those added in the last
`BACKFILL` can still be in a window (a digest covers at most seven days, the weekly top
actors fourteen); marking every row would rewrite the whole table (22 s at 212,000 articles).
"""

from datetime import UTC, datetime, timedelta

import sqlite_utils

BACKFILL = timedelta(days=14)


def add_imported(db: sqlite_utils.Database) -> None:
    """Migration 0010: `articles.imported` (1 for a bulk import) and the window indexes."""
    since = (datetime.now(UTC) - BACKFILL).isoformat(timespec="seconds")
    db.executescript(  # one transaction: all of it or nothing
        f"""
        BEGIN;
        ALTER TABLE articles ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
        UPDATE articles SET imported = 1 WHERE added_at >= '{since}' AND raw IS NULL;
        CREATE INDEX idx_articles_window
            ON articles (chat_id, status, imported, added_at, published_at);
        CREATE INDEX idx_articles_imports ON articles (chat_id, published_at, added_at)
            WHERE imported = 1 AND status = 'ready';
        CREATE INDEX idx_articles_pending ON articles (chat_id, added_at)
            WHERE status = 'pending';
        COMMIT;
        """
    )
