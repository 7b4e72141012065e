"""Watches and alerts: every query of them, each scoped by its chat (the sender's scan of unsent
alerts across chats names only chat ids, read through a partial index).

An alert is written in the transaction that stores its article's analysis (`together`), so an
article alerts exactly once, whenever and however often it is analysed: the pair (watch,
article) is unique. Alerts are marked sent only after Telegram accepted them.
"""

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from storage import clock
from storage.database import Database


@dataclass(frozen=True)
class NewWatch:
    """A watch to add: what the user typed, what it watches, and the keys it is found by."""

    kind: str  # "actor" or "words"
    query: str
    target: str  # the actor's name, or the words as understood
    signature: str
    keys: tuple[str, ...]
    actor_id: int | None = None
    name_key: str | None = None
    spec: str | None = None
    daily: bool = False


@dataclass(frozen=True)
class WatchRow:
    """A stored watch of a chat."""

    id: int
    chat_id: int
    kind: str
    query: str
    target: str
    actor_id: int | None
    name_key: str | None
    spec: str | None
    daily: bool
    created_at: str


@dataclass(frozen=True)
class AlertRow:
    """An alert with what it shows of its watch and article (`sentence` marks the matches)."""

    id: int
    chat_id: int
    watch_id: int
    watch: str
    kind: str
    article_id: int
    title: str
    url: str | None
    source: str
    published_at: str | None
    sentence: str
    daily: bool
    created_at: str
    sent_at: str | None


@dataclass(frozen=True)
class NewAlert:
    """One watch's match of the article being analysed."""

    watch_id: int
    sentence: str
    daily: bool


@dataclass(frozen=True)
class ArticleText:
    """The text a words watch is matched against."""

    title: str
    body: str


_WATCH_COLUMNS = "id, chat_id, kind, query, target, actor_id, name_key, spec, daily, created_at"
_ALERT_SELECT = (
    "SELECT al.id, al.chat_id, al.watch_id, w.target, w.kind, al.article_id, a.title, a.url,"
    " a.source, a.published_at, al.sentence, al.daily, al.created_at, al.sent_at"
    " FROM alerts al JOIN watches w ON w.id = al.watch_id"
    " JOIN articles a ON a.id = al.article_id AND a.chat_id = al.chat_id"
)


def _watch(row: Sequence[object]) -> WatchRow:
    values = list(row)
    values[8] = bool(values[8])
    return WatchRow(*values)  # type: ignore[arg-type]


def _alert(row: Sequence[object]) -> AlertRow:
    values = list(row)
    values[8] = values[8] or ""
    values[11] = bool(values[11])
    return AlertRow(*values)  # type: ignore[arg-type]


class WatchStore:
    """Watches, their index keys and their alerts on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @contextmanager
    def together(self) -> Iterator[None]:
        """A block whose writes (an article's analysis and its alerts) commit together or not
        at all; inside a caller's batch it is a savepoint of that batch."""
        with self.database.batch(), self.database.write():
            yield

    # --- watches ------------------------------------------------------------------------------

    def add(self, chat_id: int, watch: NewWatch) -> tuple[WatchRow, bool]:
        """Store a watch; returns it and whether it is new. Watching the same thing again
        only updates whether it is daily."""
        with self.database.write() as conn:
            found = conn.execute(
                "SELECT id FROM watches WHERE chat_id = ? AND signature = ?",
                (chat_id, watch.signature),
            ).fetchone()
            if found:
                conn.execute(
                    "UPDATE watches SET daily = ? WHERE id = ?", (int(watch.daily), found[0])
                )
                watch_id, new = int(found[0]), False
            else:
                cursor = conn.execute(
                    "INSERT INTO watches (chat_id, kind, query, target, actor_id, name_key, spec,"
                    " signature, daily, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (chat_id, watch.kind, watch.query, watch.target, watch.actor_id,
                     watch.name_key, watch.spec, watch.signature, int(watch.daily), clock.now()),
                )  # fmt: skip
                watch_id, new = int(cursor.lastrowid or 0), True
                conn.executemany(
                    "INSERT OR IGNORE INTO watch_keys (chat_id, key, watch_id) VALUES (?, ?, ?)",
                    [(chat_id, key, watch_id) for key in watch.keys],
                )
        stored = self.get(chat_id, watch_id)
        assert stored is not None
        return stored, new

    def get(self, chat_id: int, watch_id: int) -> WatchRow | None:
        """One watch of this chat."""
        rows = self.database.query(
            f"SELECT {_WATCH_COLUMNS} FROM watches WHERE chat_id = ? AND id = ?",
            (chat_id, watch_id),
        )
        return _watch(rows[0]) if rows else None

    def all(self, chat_id: int) -> list[WatchRow]:
        """The chat's watches, oldest first."""
        rows = self.database.query(
            f"SELECT {_WATCH_COLUMNS} FROM watches WHERE chat_id = ? ORDER BY id", (chat_id,)
        )
        return [_watch(r) for r in rows]

    def count(self, chat_id: int) -> int:
        """How many watches the chat has."""
        return int(self.database.query(
            "SELECT count(*) FROM watches WHERE chat_id = ?", (chat_id,))[0][0])  # fmt: skip

    def remove(self, chat_id: int, watch_id: int) -> WatchRow | None:
        """Delete a watch of this chat with its keys and alerts; returns it, or None."""
        found = self.get(chat_id, watch_id)
        if found is None:
            return None
        with self.database.write() as conn:
            conn.execute("DELETE FROM watch_keys WHERE chat_id = ? AND watch_id = ?",
                         (chat_id, watch_id))  # fmt: skip
            conn.execute("DELETE FROM alerts WHERE chat_id = ? AND watch_id = ?",
                         (chat_id, watch_id))  # fmt: skip
            conn.execute("DELETE FROM watches WHERE chat_id = ? AND id = ?", (chat_id, watch_id))
        return found

    def matched_since(self, chat_id: int, since: str) -> dict[int, int]:
        """Watch id -> articles it matched since `since` (ISO)."""
        rows = self.database.query(
            "SELECT watch_id, count(*) FROM alerts WHERE chat_id = ? AND created_at >= ?"
            " GROUP BY watch_id",
            (chat_id, since),
        )
        return {int(r[0]): int(r[1]) for r in rows}

    # --- matching -----------------------------------------------------------------------------

    def has_words_watches(self, chat_id: int) -> bool:
        """Whether the chat watches any words (only then is an article's text read)."""
        rows = self.database.query(
            "SELECT EXISTS (SELECT 1 FROM watches WHERE chat_id = ? AND kind = 'words')",
            (chat_id,),
        )
        return bool(rows[0][0])

    def candidates(self, chat_id: int, keys: Sequence[str]) -> list[WatchRow]:
        """The chat's watches indexed under any of `keys` (one index probe a key)."""
        if not keys:
            return []
        rows = self.database.query(
            f"SELECT {_WATCH_COLUMNS} FROM watches WHERE chat_id = ? AND id IN"
            " (SELECT watch_id FROM watch_keys WHERE chat_id = ?"
            " AND key IN (SELECT value FROM json_each(?))) ORDER BY id",
            (chat_id, chat_id, json.dumps(list(keys))),
        )
        return [_watch(r) for r in rows]

    def article_text(self, chat_id: int, article_id: int) -> ArticleText | None:
        """An article's title and body."""
        rows = self.database.query(
            "SELECT title, body FROM articles WHERE chat_id = ? AND id = ?", (chat_id, article_id)
        )
        return ArticleText(rows[0][0] or "", rows[0][1] or "") if rows else None

    def record(
        self,
        chat_id: int,
        article_id: int,
        alerts: Sequence[NewAlert],
        joined: Sequence[tuple[int, int]] = (),
    ) -> int:
        """Record an article's alerts (an alert already recorded is kept as it is) and join
        watched names to the actors that appeared: `joined` is (watch id, actor id).
        Returns how many alerts are new."""
        with self.database.write() as conn:
            for watch_id, actor_id in joined:
                conn.execute(
                    "UPDATE watches SET actor_id = ?, name_key = NULL, signature = ?"
                    " WHERE chat_id = ? AND id = ? AND actor_id IS NULL"
                    " AND NOT EXISTS (SELECT 1 FROM watches WHERE chat_id = ? AND signature = ?)",
                    (actor_id, f"actor:{actor_id}", chat_id, watch_id, chat_id,
                     f"actor:{actor_id}"),
                )  # fmt: skip
                conn.execute(
                    "DELETE FROM watch_keys WHERE chat_id = ? AND watch_id = ? AND key LIKE 'n:%'"
                    " AND EXISTS (SELECT 1 FROM watches WHERE id = ? AND actor_id = ?)",
                    (chat_id, watch_id, watch_id, actor_id),
                )
                conn.execute(
                    "INSERT OR IGNORE INTO watch_keys (chat_id, key, watch_id) SELECT ?, ?, id"
                    " FROM watches WHERE id = ? AND actor_id = ?",
                    (chat_id, f"a:{actor_id}", watch_id, actor_id),
                )
            before = conn.total_changes
            now = clock.now()
            conn.executemany(
                "INSERT OR IGNORE INTO alerts (chat_id, watch_id, article_id, sentence, daily,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(chat_id, a.watch_id, article_id, a.sentence, int(a.daily), now) for a in alerts],
            )
            return conn.total_changes - before

    # --- alerts -------------------------------------------------------------------------------

    def unsent_chats(self) -> list[tuple[int, str, str]]:
        """(chat id, oldest, newest creation time) of the chats with alerts to send."""
        rows = self.database.query(
            "SELECT chat_id, min(created_at), max(created_at) FROM alerts"
            " WHERE sent_at IS NULL AND daily = 0 GROUP BY chat_id"
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def unsent(self, chat_id: int, limit: int = 1000) -> list[AlertRow]:
        """The chat's alerts to send, oldest first (those of forgotten articles dropped)."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE alerts SET sent_at = ?, outcome = 'article forgotten'"
                " WHERE chat_id = ? AND sent_at IS NULL AND daily = 0 AND NOT EXISTS"
                " (SELECT 1 FROM articles a WHERE a.id = alerts.article_id)",
                (clock.now(), chat_id),
            )
        rows = self.database.query(
            f"{_ALERT_SELECT} WHERE al.chat_id = ? AND al.sent_at IS NULL AND al.daily = 0"
            " ORDER BY al.id LIMIT ?",
            (chat_id, limit),
        )
        return [_alert(r) for r in rows]

    def unsent_by_watch(self, chat_id: int) -> tuple[dict[str, int], int]:
        """How many alerts each watch (by its name) has to send, and the newest alert's id."""
        rows = self.database.query(
            "SELECT w.target, count(*), max(al.id) FROM alerts al"
            " JOIN watches w ON w.id = al.watch_id"
            " WHERE al.chat_id = ? AND al.sent_at IS NULL AND al.daily = 0 GROUP BY al.watch_id",
            (chat_id,),
        )
        counts: dict[str, int] = {}
        for target, count, _ in rows:
            counts[str(target)] = counts.get(str(target), 0) + int(count)
        return counts, max((int(r[2]) for r in rows), default=0)

    def mark_sent(self, chat_id: int, up_to: int, outcome: str = "sent") -> None:
        """Record the chat's unsent alerts up to id `up_to` as sent (or as given up, with the
        reason as `outcome`); those recorded since stay to send."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE alerts SET sent_at = ?, outcome = ? WHERE chat_id = ? AND id <= ?"
                " AND sent_at IS NULL AND daily = 0",
                (clock.now(), outcome, chat_id, up_to),
            )

    def alerts(self, chat_id: int, since: str | None = None, limit: int = 10_000) -> list[AlertRow]:
        """The chat's alerts (of daily watches too), oldest first, since `since` (ISO)."""
        rows = self.database.query(
            f"{_ALERT_SELECT} WHERE al.chat_id = ? AND al.created_at >= ? ORDER BY al.id LIMIT ?",
            (chat_id, since or "", limit),
        )
        return [_alert(r) for r in rows]

    def daily_matches(self, chat_id: int, since: str, until: str) -> list[AlertRow]:
        """The matches of the chat's daily watches recorded in `[since, until)`."""
        rows = self.database.query(
            f"{_ALERT_SELECT} WHERE al.chat_id = ? AND al.created_at >= ? AND al.created_at < ?"
            " AND al.daily = 1 ORDER BY al.watch_id, al.id",
            (chat_id, since, until),
        )
        return [_alert(r) for r in rows]
