"""Feeds a chat follows and the items already read from them; every call names its chat.

A feed row carries its polling state (when next, the validators of a conditional request,
failures in a row and since when, what the last poll found, whether the chat was told of its
failure, whether it is paused); the use case (`briefing.feeds.polling`) decides that state and
`save` writes it whole. Items are remembered by guid per feed.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from storage import clock
from storage.database import Database

_COLUMNS = (
    "id, chat_id, url, title, site_url, added_at, etag, last_modified, next_poll_at,"
    " last_polled_at, last_status, last_new, last_error, failures, failing_since,"
    " failure_told, paused"
)
_STATE = (
    "title", "site_url", "etag", "last_modified", "next_poll_at", "last_polled_at",
    "last_status", "last_new", "last_error", "failures", "failing_since", "failure_told",
    "paused",
)  # fmt: skip
AddedAs = Literal["added", "resumed", "known"]
GUIDS_AT_ONCE = 500  # guids in one read (SQLite allows 32,766 parameters)


@dataclass(frozen=True)
class FeedRow:
    """One feed of one chat, with its polling state (times are UTC ISO text)."""

    id: int
    chat_id: int
    url: str
    title: str
    site_url: str | None
    added_at: str
    etag: str | None
    last_modified: str | None
    next_poll_at: str
    last_polled_at: str | None
    last_status: str | None  # "ok", "not_modified", "failed"; None before the first poll
    last_new: int
    last_error: str | None
    failures: int  # polls in a row that failed
    failing_since: str | None
    failure_told: bool  # the chat was told that this feed fails (once a streak)
    paused: bool  # failed for a week: not polled until subscribed again


def _row(values: Sequence[Any]) -> FeedRow:
    row = list(values)
    row[15], row[16] = bool(row[15]), bool(row[16])
    return FeedRow(*row)


class FeedStore:
    """Feeds and their seen items on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add(
        self, chat_id: int, url: str, title: str, site_url: str | None, next_poll_at: str
    ) -> tuple[FeedRow, AddedAs]:
        """Subscribe the chat to `url`: "added" when the feed is new to the chat, "resumed" when
        it was paused (its failures are forgotten, its validators kept), else "known"."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO feeds (chat_id, url, title, site_url, added_at, next_poll_at)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id, url) DO NOTHING",
                (chat_id, url, title, site_url, clock.now(), next_poll_at),
            )
            added_as: AddedAs = "added" if cursor.rowcount > 0 else "known"
            if added_as == "known":
                cursor = conn.execute(
                    "UPDATE feeds SET paused = 0, failures = 0, failing_since = NULL,"
                    " failure_told = 0, next_poll_at = ? WHERE chat_id = ? AND url = ?"
                    " AND paused = 1",
                    (next_poll_at, chat_id, url),
                )
                added_as = "resumed" if cursor.rowcount > 0 else "known"
        rows = self.database.query(
            f"SELECT {_COLUMNS} FROM feeds WHERE chat_id = ? AND url = ?", (chat_id, url)
        )
        return _row(rows[0]), added_as

    def feeds(self, chat_id: int) -> list[FeedRow]:
        """The chat's feeds, in the order they were added."""
        rows = self.database.query(
            f"SELECT {_COLUMNS} FROM feeds WHERE chat_id = ? ORDER BY id", (chat_id,)
        )
        return [_row(row) for row in rows]

    def count(self, chat_id: int) -> int:
        """How many feeds the chat follows."""
        rows = self.database.query("SELECT count(*) FROM feeds WHERE chat_id = ?", (chat_id,))
        return int(rows[0][0])

    def get(self, chat_id: int, feed_id: int) -> FeedRow | None:
        """One feed of the chat, or None."""
        rows = self.database.query(
            f"SELECT {_COLUMNS} FROM feeds WHERE chat_id = ? AND id = ?", (chat_id, feed_id)
        )
        return _row(rows[0]) if rows else None

    def remove(self, chat_id: int, feed_id: int) -> FeedRow | None:
        """Unsubscribe the chat from one feed (its archived articles stay); the feed removed,
        or None when the chat has no such feed."""
        feed = self.get(chat_id, feed_id)
        if feed is None:
            return None
        with self.database.write() as conn:
            conn.execute(
                "DELETE FROM feed_items WHERE chat_id = ? AND feed_id = ?", (chat_id, feed_id)
            )
            conn.execute("DELETE FROM feeds WHERE chat_id = ? AND id = ?", (chat_id, feed_id))
        return feed

    def due(self, now: str, chat_id: int | None = None) -> list[FeedRow]:
        """Feeds not paused whose next poll time has come: of one chat, or of every chat (the
        polling job serves them all), soonest first."""
        where = "paused = 0 AND next_poll_at <= ?"
        params: tuple[Any, ...] = (now,)
        if chat_id is not None:
            where += " AND chat_id = ?"
            params += (chat_id,)
        rows = self.database.query(
            f"SELECT {_COLUMNS} FROM feeds WHERE {where} ORDER BY next_poll_at, id", params
        )
        return [_row(row) for row in rows]

    def save(self, feed: FeedRow) -> None:
        """Write a feed's polling state (after a poll)."""
        assignments = ", ".join(f"{name} = ?" for name in _STATE)
        values = tuple(getattr(feed, name) for name in _STATE)
        with self.database.write() as conn:
            conn.execute(
                f"UPDATE feeds SET {assignments} WHERE id = ? AND chat_id = ?",
                (*values, feed.id, feed.chat_id),
            )

    def unseen(self, chat_id: int, feed_id: int, guids: Sequence[str]) -> list[str]:
        """The guids (in the order given) of items this feed has not handed to the ingest."""
        seen: set[str] = set()
        for start in range(0, len(guids), GUIDS_AT_ONCE):
            part = list(guids[start : start + GUIDS_AT_ONCE])
            marks = ", ".join("?" * len(part))
            rows = self.database.query(
                "SELECT guid FROM feed_items WHERE chat_id = ? AND feed_id = ?"
                f" AND guid IN ({marks})",
                (chat_id, feed_id, *part),
            )
            seen.update(row[0] for row in rows)
        return [guid for guid in guids if guid not in seen]

    def remember(self, chat_id: int, feed_id: int, guid: str, article_id: int | None) -> None:
        """Record that an item was handed to the ingest (as `article_id`, when one was kept)."""
        with self.database.write() as conn:
            conn.execute(
                "INSERT INTO feed_items (feed_id, chat_id, guid, article_id, seen_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (feed_id, guid)"
                " DO UPDATE SET article_id = COALESCE(excluded.article_id, article_id)",
                (feed_id, chat_id, guid, article_id, clock.now()),
            )
