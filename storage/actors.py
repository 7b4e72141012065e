"""Actors and their aliases: lookups by name while analysing, and merging and splitting at a
user's request. Every read and write names its chat.

An actor is one person, organisation, place or group of a chat's archive under one name. Its
aliases are the surface forms seen for it ("Lavrov", "Sergei Lavrov"), kept with a normalised
form for lookups. `ActorStore` also holds an article's analysis (`storage.analysis`) and the
profile reads (`storage.profiles`), so that callers have one store of actors.
"""

import json
import sqlite3
from collections.abc import Sequence

from storage import clock
from storage.analysis import AnalysisStore
from storage.profiles import ProfileStore
from storage.rows import ActorRecord


class ActorStore(AnalysisStore, ProfileStore):
    """Reads and writes of the actor tables on the shared database."""

    # --- lookups ----------------------------------------------------------------------------

    def _records(self, chat_id: int, ids: Sequence[int]) -> list[ActorRecord]:
        if not ids:
            return []
        marks = ", ".join("?" for _ in ids)
        rows = self.database.query(
            f"SELECT a.id, a.name, a.type, GROUP_CONCAT(al.alias, char(31)) FROM actors a"
            f" LEFT JOIN actor_aliases al ON al.actor_id = a.id"
            f" WHERE a.chat_id = ? AND a.id IN ({marks}) GROUP BY a.id ORDER BY a.id",
            (chat_id, *ids),
        )
        return [
            ActorRecord(r[0], r[1], r[2], tuple((r[3] or "").split("\x1f")) if r[3] else ())
            for r in rows
        ]

    def candidates(
        self, chat_id: int, norms: Sequence[str], last_words: Sequence[str]
    ) -> list[ActorRecord]:
        """Actors with an alias of one of these normalised forms or final words."""
        if not norms and not last_words:
            return []
        norm_marks = ", ".join("?" for _ in norms) or "NULL"
        last_marks = ", ".join("?" for _ in last_words) or "NULL"
        rows = self.database.query(  # two index lookups: one OR would scan the chat's aliases
            f"SELECT actor_id FROM actor_aliases WHERE chat_id = ? AND norm IN ({norm_marks})"
            " UNION SELECT actor_id FROM actor_aliases WHERE chat_id = ?"
            f" AND last_word IN ({last_marks}) LIMIT 200",
            (chat_id, *norms, chat_id, *last_words),
        )
        return self._records(chat_id, [r[0] for r in rows])

    def aliases_named(
        self, chat_id: int, norm: str, last_word: str | None
    ) -> list[tuple[int, str, str]]:
        """(actor id, alias, normalised alias) of the aliases that are `norm`, or that end
        with `last_word`, in the order of `all_aliases`."""
        rows = self.database.query(  # ordered outside: inside, order would cost an index
            "SELECT actor_id, alias, norm FROM (SELECT rowid AS n, actor_id, alias, norm"
            " FROM actor_aliases WHERE chat_id = ? AND norm = ? UNION SELECT rowid, actor_id,"
            " alias, norm FROM actor_aliases WHERE chat_id = ? AND last_word = ?)"
            " ORDER BY norm, n",
            (chat_id, norm, chat_id, last_word),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def split_norms(self, chat_id: int) -> set[str]:
        """Normalised aliases a user split off: they never join an actor automatically."""
        rows = self.database.query("SELECT norm FROM actor_splits WHERE chat_id = ?", (chat_id,))
        return {r[0] for r in rows}

    def get(self, chat_id: int, actor_id: int) -> ActorRecord | None:
        """One actor of this chat."""
        records = self._records(chat_id, [actor_id])
        return records[0] if records else None

    def all_aliases(self, chat_id: int) -> list[tuple[int, str, str]]:
        """(actor id, alias, normalised alias) for every alias of the chat, for name search."""
        rows = self.database.query(
            "SELECT actor_id, alias, norm FROM actor_aliases WHERE chat_id = ?", (chat_id,)
        )
        return [(r[0], r[1], r[2]) for r in rows]

    # --- merging and splitting at a user's request --------------------------------------------

    def merge(self, chat_id: int, keep_id: int, merge_id: int) -> bool:
        """Fold actor `merge_id` into `keep_id` (aliases, mentions, quotes, events)."""
        if keep_id == merge_id or len(self._records(chat_id, [keep_id, merge_id])) != 2:
            return False
        with self.database.write() as conn:
            conn.execute(
                "UPDATE OR IGNORE actor_aliases SET actor_id = ? WHERE actor_id = ?",
                (keep_id, merge_id),
            )
            conn.execute(
                "UPDATE mentions SET count = count + (SELECT m2.count FROM mentions m2"
                " WHERE m2.actor_id = ? AND m2.article_id = mentions.article_id)"
                " WHERE chat_id = ? AND actor_id = ? AND article_id IN"
                " (SELECT article_id FROM mentions WHERE chat_id = ? AND actor_id = ?)",
                (merge_id, chat_id, keep_id, chat_id, merge_id),
            )
            conn.execute(
                "UPDATE OR IGNORE mentions SET actor_id = ? WHERE chat_id = ? AND actor_id = ?",
                (keep_id, chat_id, merge_id),
            )
            conn.execute(
                "UPDATE quotes SET actor_id = ? WHERE chat_id = ? AND actor_id = ?",
                (keep_id, chat_id, merge_id),
            )
            self._merge_events(conn, chat_id, keep_id, merge_id)
            self._merge_roles(conn, chat_id, keep_id, merge_id)
            conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (merge_id,))
            conn.execute(
                "DELETE FROM mentions WHERE chat_id = ? AND actor_id = ?", (chat_id, merge_id)
            )
            conn.execute("DELETE FROM actors WHERE id = ? AND chat_id = ?", (merge_id, chat_id))
            names = conn.execute(
                "SELECT norm FROM actor_aliases WHERE actor_id = ?", (keep_id,)
            ).fetchall()
            conn.executemany(
                "DELETE FROM actor_splits WHERE chat_id = ? AND norm = ?",
                [(chat_id, n[0]) for n in names],
            )
        return True

    @staticmethod
    def _merge_roles(conn: sqlite3.Connection, chat_id: int, keep_id: int, merge_id: int) -> None:
        """The merged actor's roles, and roles held in it, move to the kept actor."""
        conn.execute(
            "UPDATE OR IGNORE actor_roles SET actor_id = ? WHERE chat_id = ? AND actor_id = ?",
            (keep_id, chat_id, merge_id),
        )
        conn.execute(
            "DELETE FROM actor_roles WHERE chat_id = ? AND actor_id = ?", (chat_id, merge_id)
        )
        conn.execute(
            "UPDATE actor_roles SET held_in_id = ? WHERE chat_id = ? AND held_in_id = ?",
            (keep_id, chat_id, merge_id),
        )

    @staticmethod
    def _merge_events(conn: sqlite3.Connection, chat_id: int, keep_id: int, merge_id: int) -> None:
        """Events of `merge_id`, as subject or object, become `keep_id`'s."""
        rows = conn.execute(
            "SELECT e.id, e.subject_id, e.object_ids FROM event_actors x"
            " JOIN events e ON e.id = x.event_id WHERE x.chat_id = ? AND x.actor_id = ?",
            (chat_id, merge_id),
        ).fetchall()
        changed = []
        for event_id, subject_id, object_ids in rows:
            objects = [keep_id if o == merge_id else o for o in json.loads(object_ids)]
            subject = keep_id if subject_id == merge_id else subject_id
            kept = [o for o in dict.fromkeys(objects) if o != subject]
            changed.append((subject, json.dumps(kept), event_id))
        conn.executemany("UPDATE events SET subject_id = ?, object_ids = ? WHERE id = ?", changed)

    def split(self, chat_id: int, actor_id: int, norm: str, alias: str, type_: str) -> int | None:
        """Move one alias off an actor into an actor of its own; remembered for later articles.

        Mentions stay with the original actor (they cannot be told apart after the fact);
        articles analysed from now on keep the two apart.
        """
        with self.database.write() as conn:
            found = conn.execute(
                "SELECT 1 FROM actor_aliases WHERE actor_id = ? AND chat_id = ? AND norm = ?",
                (actor_id, chat_id, norm),
            ).fetchone()
            if not found:
                return None
            conn.execute(
                "DELETE FROM actor_aliases WHERE actor_id = ? AND norm = ?", (actor_id, norm)
            )
            cursor = conn.execute(
                "INSERT INTO actors (chat_id, name, type, created_at) VALUES (?, ?, ?, ?)",
                (chat_id, alias, type_, clock.now()),
            )
            new_id = int(cursor.lastrowid or 0)
            last = norm.split()[-1] if norm.split() else norm
            conn.execute(
                "INSERT INTO actor_aliases (actor_id, chat_id, alias, norm, last_word)"
                " VALUES (?, ?, ?, ?, ?)",
                (new_id, chat_id, alias, norm, last),
            )
            conn.execute(
                "INSERT OR IGNORE INTO actor_splits (chat_id, norm) VALUES (?, ?)",
                (chat_id, norm),
            )
            return new_id
