"""Feeds a chat follows and the items read from them (migration 0013)."""

import sqlite_utils


def create_feed_tables(db: sqlite_utils.Database) -> None:
    """Feeds with their polling state, and the items seen in each."""
