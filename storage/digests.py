"""Digest subscriptions and the digest's read of the archive: one row of state per chat.

A chat's row holds its schedule (local HH:MM and IANA zone), whether it is subscribed, whether
delivery is paused (the chat blocked the bot or is gone), and two marks written only after a
digest was sent: `delivered_until`, the end of the last delivered window (the next window starts
there, so nothing is skipped or repeated), and `last_sent_at`, when it was sent (to tell whether
a scheduled digest was missed while the bot was down). `/unsubscribe` keeps the row, and with it
the marks. Windows are half-open `[since, until)` over the articles' `added_at`; which articles
a window shows, and which old imports it only counts, is `storage.windows`.
"""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from storage.database import Database
from storage.rows import DigestArticle, Subscription
from storage.windows import count_older_imports, shown_articles

TABLE = "digest_subscriptions"


def iso(moment: datetime) -> str:
    """The stored form of a time: UTC, whole seconds, like the archive's `added_at`."""
    if moment.tzinfo is None:
        raise ValueError("times must be time-zone aware")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _parse(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_SUB_COLUMNS = (
    "chat_id, at, zone, active, paused, paused_reason, subscribed_at, delivered_until, last_sent_at"
)
_WINDOW_COLUMNS = "w.id, w.title, w.source, w.url, w.published_at, w.added_at, w.story_id"
BODIES_AT_ONCE = 500  # ids in one read of texts (SQLite allows 32,766 parameters)


def _subscription(row: tuple[Any, ...]) -> Subscription:
    return Subscription(
        chat_id=row[0],
        at=row[1],
        zone=row[2],
        active=bool(row[3]),
        paused=bool(row[4]),
        paused_reason=row[5],
        subscribed_at=_parse(row[6]),
        delivered_until=_parse(row[7]),
        last_sent_at=_parse(row[8]),
    )


class DigestStore:
    """Subscriptions and window reads on the shared database; every call names its chat."""

    def __init__(self, database: Database) -> None:
        self.database = database

    # --- subscriptions ----------------------------------------------------------------------

    def get(self, chat_id: int) -> Subscription | None:
        """The chat's digest state, or None if it never had a digest."""
        rows = self.database.query(
            f"SELECT {_SUB_COLUMNS} FROM {TABLE} WHERE chat_id = ?", (chat_id,)
        )
        return _subscription(rows[0]) if rows else None

    def scheduled(self) -> list[Subscription]:
        """Every subscribed chat that is not paused (for rebuilding the jobs at start-up)."""
        rows = self.database.query(
            f"SELECT {_SUB_COLUMNS} FROM {TABLE} WHERE active = 1 AND paused = 0 ORDER BY chat_id"
        )
        return [_subscription(row) for row in rows]

    def subscribe(self, chat_id: int, at: str, zone: str, now: datetime) -> Subscription:
        """Subscribe (or change the time and zone); un-pauses, keeps the delivery marks."""
        with self.database.write() as conn:
            conn.execute(
                f"INSERT INTO {TABLE} (chat_id, at, zone, active, paused, subscribed_at)"
                " VALUES (?, ?, ?, 1, 0, ?) ON CONFLICT (chat_id) DO UPDATE SET"
                " at = excluded.at, zone = excluded.zone, active = 1, paused = 0,"
                " paused_reason = NULL, subscribed_at = excluded.subscribed_at",
                (chat_id, at, zone, iso(now)),
            )
        subscription = self.get(chat_id)
        if subscription is None:
            raise RuntimeError(f"subscription of chat {chat_id} was not stored")
        return subscription

    def unsubscribe(self, chat_id: int) -> bool:
        """Stop the daily digest; False if the chat was not subscribed."""
        with self.database.write() as conn:
            cursor = conn.execute(
                f"UPDATE {TABLE} SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,)
            )
            return cursor.rowcount > 0

    def pause(self, chat_id: int, reason: str) -> None:
        """Stop delivering to a chat that cannot be reached, remembering why."""
        with self.database.write() as conn:
            conn.execute(
                f"UPDATE {TABLE} SET paused = 1, paused_reason = ? WHERE chat_id = ?",
                (reason, chat_id),
            )

    def mark_delivered(
        self, chat_id: int, until: datetime, sent_at: datetime, default_zone: str = "UTC"
    ) -> None:
        """Record a sent digest: its window ended at `until`. Marks never move backwards.

        A chat without a row (a /digest before any /subscribe) gets an unsubscribed one.
        """
        with self.database.write() as conn:
            conn.execute(
                f"INSERT INTO {TABLE} (chat_id, at, zone, active, paused, delivered_until,"
                " last_sent_at) VALUES (?, '08:00', ?, 0, 0, ?, ?)"
                " ON CONFLICT (chat_id) DO UPDATE SET"
                " delivered_until = MAX(COALESCE(delivered_until, ''), excluded.delivered_until),"
                " last_sent_at = MAX(COALESCE(last_sent_at, ''), excluded.last_sent_at)",
                (chat_id, default_zone, iso(until), iso(sent_at)),
            )

    # --- the archive as a digest reads it ---------------------------------------------------

    def window(self, chat_id: int, since: datetime, until: datetime) -> list[DigestArticle]:
        """The articles the window shows (`storage.windows`), oldest first, without their texts
        (`length` says how long each is; `bodies` reads the few a digest summarises)."""
        select, params = shown_articles(
            f"{_WINDOW_COLUMNS}, length(w.body)", chat_id, iso(since), iso(until)
        )
        rows = self.database.query(f"{select} ORDER BY 6, 1", params)
        return [
            DigestArticle(
                id=row[0],
                title=row[1] or "",
                source=row[2] or "",
                url=row[3],
                published_at=row[4],
                added_at=row[5],
                story_id=row[6],
                length=row[7] or 0,
            )
            for row in rows
        ]

    def window_mentions(
        self, chat_id: int, since: datetime, until: datetime
    ) -> list[tuple[int, str, str, int, int]]:
        """(article id, actor name, actor type, mentions in it, rank in it) of every actor of
        the articles the window shows: what the digest weighs its actors of the day by."""
        window, params = shown_articles("w.id", chat_id, iso(since), iso(until))
        rows = self.database.query(
            f"SELECT m.article_id, x.name, x.type, m.count, m.rank FROM ({window}) s"
            " CROSS JOIN mentions m ON m.article_id = s.id JOIN actors x ON x.id = m.actor_id"
            " WHERE +m.chat_id = ?",
            (*params, chat_id),
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def older_imported(self, chat_id: int, since: datetime, until: datetime) -> int:
        """How many articles of the window came from a bulk import with a publication date
        before it (or none): counted by the digest, not listed (from an index alone)."""
        sql, params = count_older_imports(chat_id, iso(since), iso(until))
        return int(self.database.query(sql, params)[0][0])

    def bodies(self, chat_id: int, article_ids: Sequence[int]) -> dict[int, str]:
        """The texts of the given articles of the chat, by id."""
        found: dict[int, str] = {}
        for start in range(0, len(article_ids), BODIES_AT_ONCE):
            chunk = list(article_ids[start : start + BODIES_AT_ONCE])
            marks = ", ".join("?" for _ in chunk)
            rows = self.database.query(
                f"SELECT id, body FROM articles WHERE +chat_id = ? AND id IN ({marks})",
                (chat_id, *chunk),
            )
            found.update((row[0], row[1] or "") for row in rows)
        return found

    def oldest_pending(self, chat_id: int, since: datetime, until: datetime) -> datetime | None:
        """When the oldest article still being read in `[since, until)` was added, if any.

        A digest must not close its window past it, or the article would be skipped once ready.
        """
        rows = self.database.query(
            "SELECT MIN(added_at) FROM articles WHERE chat_id = ? AND status = 'pending'"
            " AND added_at >= ? AND added_at < ?",
            (chat_id, iso(since), iso(until)),
        )
        return _parse(rows[0][0]) if rows else None
