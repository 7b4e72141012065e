"""Feeds a chat follows and the items read from them (migration 0013)."""

import sqlite_utils


def create_feed_tables(db: sqlite_utils.Database) -> None:
    """Feeds with their polling state, and the items seen in each.

    A feed belongs to one chat (the same URL followed by two chats is two rows). Its state says
    when to poll it next, the validators of a conditional request (ETag, Last-Modified), how
    many polls in a row failed and since when, what the last poll found, whether its failure
    was already told to the chat, and whether it is paused. An item is remembered by its guid
    once it has been handed to the ingest, so it is never archived twice from the feed.
    """
    db.execute(
        """CREATE TABLE IF NOT EXISTS feeds (
            id INTEGER PRIMARY KEY,
            chat_id INTEGER NOT NULL,
            url TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            site_url TEXT,
            etag TEXT,
            last_modified TEXT,
            added_at TEXT NOT NULL,
            next_poll_at TEXT NOT NULL,
            last_polled_at TEXT,
            last_status TEXT,
            last_new INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            failures INTEGER NOT NULL DEFAULT 0,
            failing_since TEXT,
            failure_told INTEGER NOT NULL DEFAULT 0,
            paused INTEGER NOT NULL DEFAULT 0,
            UNIQUE (chat_id, url)
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS feeds_due ON feeds (paused, next_poll_at)")
    db.execute(
        """CREATE TABLE IF NOT EXISTS feed_items (
            feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
            chat_id INTEGER NOT NULL,
            guid TEXT NOT NULL,
            article_id INTEGER,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (feed_id, guid)
        )"""
    )
    db.execute("CREATE INDEX IF NOT EXISTS feed_items_chat ON feed_items (chat_id, feed_id)")
