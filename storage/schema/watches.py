"""Watches of a chat and the alerts they raised (migration 0012)."""

import sqlite_utils


def create_watch_tables(db: sqlite_utils.Database) -> None:
    """Watches (an actor or words) and alerts, recorded before they are sent."""
