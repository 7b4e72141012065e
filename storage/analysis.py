"""One article's analysis (its actors' mentions, roles, quotes and events) written in one
transaction, and the queries that resume analysis after a stop."""

import json
import sqlite3
from collections.abc import Sequence

from storage import clock
from storage.database import Database
from storage.rows import FoundActor, FoundEvent, FoundQuote


class AnalysisStore:
    """Writes of an article's analysis on the shared database; every call names its chat."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def save_analysis(
        self,
        chat_id: int,
        article_id: int,
        actors: Sequence[FoundActor],
        quotes: Sequence[FoundQuote],
        events: Sequence[FoundEvent],
    ) -> dict[str, int]:
        """Store one article's analysis (replacing any earlier one); returns name -> actor id."""
        with self.database.write() as conn:
            found = conn.execute(  # the article's day goes on each row, for the indexes
                "SELECT COALESCE(substr(COALESCE(published_at, added_at), 1, 10), '')"
                " FROM articles WHERE id = ? AND chat_id = ?",
                (article_id, chat_id),
            ).fetchone()
            if not found:
                return {}
            day = str(found[0])
            for table in ("mentions", "quotes", "events"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
            ids: dict[str, int] = {}
            for rank, actor in enumerate(actors):
                actor_id = actor.actor_id
                if actor_id is None:
                    cursor = conn.execute(
                        "INSERT INTO actors (chat_id, name, type, created_at) VALUES (?, ?, ?, ?)",
                        (chat_id, actor.name, actor.type, clock.now()),
                    )
                    actor_id = int(cursor.lastrowid or 0)
                ids[actor.name] = actor_id
                conn.executemany(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, chat_id, alias, norm,"
                    " last_word) VALUES (?, ?, ?, ?, ?)",
                    [(actor_id, chat_id, a.alias, a.norm, a.last_word) for a in actor.aliases],
                )
                conn.execute(  # updated in place, not replaced: caches count appended rows
                    "INSERT INTO mentions (article_id, actor_id, chat_id, count, rank, day)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, actor_id)"
                    " DO UPDATE SET count = excluded.count, rank = excluded.rank",
                    (article_id, actor_id, chat_id, actor.mentions, rank, day),
                )
            self._save_sayings(conn, (chat_id, article_id, day), ids, quotes, events)
            self._save_roles(conn, (chat_id, article_id), ids, actors)
            conn.execute(
                "UPDATE articles SET analysed_at = ?, analysis_error = NULL WHERE id = ?",
                (clock.now(), article_id),
            )
            return ids

    @staticmethod
    def _save_roles(
        conn: sqlite3.Connection,
        article: tuple[int, int],
        ids: dict[str, int],
        actors: Sequence[FoundActor],
    ) -> None:
        """Replace an article's roles; `article` is (chat id, article id)."""
        chat_id, article_id = article
        conn.execute("DELETE FROM actor_roles WHERE article_id = ?", (article_id,))
        conn.executemany(
            "INSERT OR IGNORE INTO actor_roles (chat_id, article_id, actor_id, title, norm,"
            " held_in, held_in_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (chat_id, article_id, ids[actor.name], role.title, role.norm, role.held_in,
                 ids.get(role.held_in or ""))
                for actor in actors
                for role in actor.roles
            ],
        )  # fmt: skip

    @staticmethod
    def _save_sayings(
        conn: sqlite3.Connection,
        article: tuple[int, int, str],
        ids: dict[str, int],
        quotes: Sequence[FoundQuote],
        events: Sequence[FoundEvent],
    ) -> None:
        """Insert an article's quotes and events; `article` is (chat id, article id, day)."""
        chat_id, article_id, day = article
        conn.executemany(
            "INSERT INTO quotes (chat_id, article_id, actor_id, speaker, text, sentence,"
            " direct, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (chat_id, article_id, ids.get(q.speaker or ""), q.speaker, q.text,
                 q.sentence, int(q.direct), day)
                for q in quotes
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO events (chat_id, article_id, subject_id, subject, action, objects,"
            " object_ids, date, sentence, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (chat_id, article_id, ids.get(e.subject), e.subject, e.action,
                 json.dumps(list(e.objects)),
                 json.dumps([ids[o] for o in e.objects if o in ids]), e.date, e.sentence,
                 e.date if e.date is not None else day)
                for e in events
            ],
        )  # fmt: skip

    def unanalysed(self, limit: int = 1000, chat_id: int | None = None) -> list[tuple[int, int]]:
        """(chat id, article id) of ready articles not analysed yet, of one chat or of all
        (resumed at start-up, and by an import of a chat)."""
        where = "" if chat_id is None else " AND chat_id = ?"
        params = () if chat_id is None else (chat_id,)
        rows = self.database.query(
            "SELECT chat_id, id FROM articles WHERE status = 'ready' AND analysed_at IS NULL"
            f"{where} ORDER BY id LIMIT ?",
            (*params, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def mark_unanalysable(self, chat_id: int, article_id: int, reason: str) -> None:
        """Record why an article could not be analysed; it counts as analysed from now on, so
        it is not tried again at every start (a later successful analysis clears the reason)."""
        with self.database.write() as conn:
            conn.execute(
                "UPDATE articles SET analysed_at = ?, analysis_error = ?"
                " WHERE id = ? AND chat_id = ?",
                (clock.now(), reason, article_id, chat_id),
            )

    def analysis_error(self, chat_id: int, article_id: int) -> str | None:
        """Why the article could not be analysed, or None (analysed, or not yet)."""
        rows = self.database.query(
            "SELECT analysis_error FROM articles WHERE id = ? AND chat_id = ?",
            (article_id, chat_id),
        )
        return rows[0][0] if rows else None
