"""Actors, their aliases, mentions, quotes and events; every read and write names its chat.

An actor is one person, organisation, place or group of a chat's archive under one name. Its
aliases are the surface forms seen for it ("Lavrov", "Sergei Lavrov"), kept with a normalised
form for lookups. Mentions link actors to articles; quotes and events keep their sentence.
"""

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import sqlite_utils

if TYPE_CHECKING:  # storage.database applies the migrations defined here
    from storage.database import Database


def create_actor_tables(db: sqlite_utils.Database) -> None:
    """Schema for actors, aliases, mentions, quotes, events and user-made splits."""
    db.executescript(
        """
        CREATE TABLE actors (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL, name TEXT NOT NULL,
            type TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE INDEX idx_actors_chat ON actors (chat_id, name);
        CREATE TABLE actor_aliases (actor_id INTEGER NOT NULL REFERENCES actors(id),
            chat_id INTEGER NOT NULL, alias TEXT NOT NULL, norm TEXT NOT NULL,
            last_word TEXT NOT NULL, PRIMARY KEY (actor_id, norm));
        CREATE INDEX idx_aliases_norm ON actor_aliases (chat_id, norm);
        CREATE INDEX idx_aliases_last ON actor_aliases (chat_id, last_word);
        CREATE TABLE actor_splits (chat_id INTEGER NOT NULL, norm TEXT NOT NULL,
            PRIMARY KEY (chat_id, norm));
        CREATE TABLE mentions (article_id INTEGER NOT NULL REFERENCES articles(id),
            actor_id INTEGER NOT NULL REFERENCES actors(id), chat_id INTEGER NOT NULL,
            count INTEGER NOT NULL, rank INTEGER NOT NULL, PRIMARY KEY (article_id, actor_id));
        CREATE INDEX idx_mentions_actor ON mentions (chat_id, actor_id);
        CREATE TABLE quotes (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id), actor_id INTEGER,
            speaker TEXT, text TEXT NOT NULL, sentence TEXT NOT NULL, direct INTEGER NOT NULL);
        CREATE INDEX idx_quotes_actor ON quotes (chat_id, actor_id);
        CREATE INDEX idx_quotes_article ON quotes (article_id);
        CREATE TABLE events (id INTEGER PRIMARY KEY, chat_id INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id), subject_id INTEGER,
            subject TEXT NOT NULL, action TEXT NOT NULL, objects TEXT NOT NULL,
            object_ids TEXT NOT NULL, date TEXT, sentence TEXT NOT NULL);
        CREATE INDEX idx_events_subject ON events (chat_id, subject_id);
        CREATE INDEX idx_events_article ON events (article_id);
        ALTER TABLE articles ADD COLUMN analysed_at TEXT;
        CREATE TRIGGER articles_analysis_ad AFTER DELETE ON articles BEGIN
            DELETE FROM mentions WHERE article_id = old.id;
            DELETE FROM quotes WHERE article_id = old.id;
            DELETE FROM events WHERE article_id = old.id;
        END;
        """
    )


@dataclass(frozen=True)
class ActorRecord:
    """An actor of a chat with the aliases it is known by."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class AliasForm:
    """A surface form of an actor and its normalised lookup keys."""

    alias: str
    norm: str
    last_word: str


@dataclass(frozen=True)
class FoundActor:
    """An actor of one article, resolved to an archive actor (`actor_id`) or new (None)."""

    actor_id: int | None
    name: str
    type: str
    aliases: tuple[AliasForm, ...]
    mentions: int


@dataclass(frozen=True)
class FoundQuote:
    """A quote of one article; `speaker` is an actor name of that article or None."""

    speaker: str | None
    text: str
    sentence: str
    direct: bool


@dataclass(frozen=True)
class FoundEvent:
    """An event of one article, with actor names of that article."""

    subject: str
    action: str
    objects: tuple[str, ...]
    date: str | None
    sentence: str


@dataclass(frozen=True)
class StoredQuote:
    """A quote as the archive returns it, with its article's provenance."""

    speaker: str | None
    text: str
    sentence: str
    direct: bool
    article_id: int
    title: str
    source: str
    url: str | None
    published_at: str | None


@dataclass(frozen=True)
class StoredEvent:
    """An event as the archive returns it."""

    subject: str
    action: str
    objects: tuple[str, ...]
    date: str | None
    sentence: str
    article_id: int
    source: str


@dataclass(frozen=True)
class ActorStats:
    """How often an actor appears and when it was first and last seen."""

    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ActorStore:
    """Reads and writes of the actor tables on the shared database."""

    def __init__(self, database: "Database") -> None:
        self.database = database

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

    # --- writes -----------------------------------------------------------------------------

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
                        (chat_id, actor.name, actor.type, _now()),
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
            conn.execute(
                "UPDATE articles SET analysed_at = ?, analysis_error = NULL WHERE id = ?",
                (_now(), article_id),
            )
            return ids

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
                (_now(), reason, article_id, chat_id),
            )

    def analysis_error(self, chat_id: int, article_id: int) -> str | None:
        """Why the article could not be analysed, or None (analysed, or not yet)."""
        rows = self.database.query(
            "SELECT analysis_error FROM articles WHERE id = ? AND chat_id = ?",
            (article_id, chat_id),
        )
        return rows[0][0] if rows else None

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
                (chat_id, alias, type_, _now()),
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

    # --- profile reads ----------------------------------------------------------------------

    def stats(self, chat_id: int, actor_id: int) -> ActorStats:
        """Articles and mentions of an actor, first and last seen (article dates)."""
        row = self.database.query(  # from the index alone
            "SELECT COUNT(*), SUM(count) FROM mentions INDEXED BY idx_mentions_rank"
            " WHERE chat_id = ? AND actor_id = ?",
            (chat_id, actor_id),
        )[0]
        return ActorStats(row[0], row[1] or 0, *self.seen(chat_id, actor_id))

    def seen(self, chat_id: int, actor_id: int) -> tuple[str | None, str | None]:
        """The days of the first and the last article mentioning an actor (two index seeks)."""
        row = self.database.query(
            "SELECT (SELECT MIN(day) FROM mentions WHERE chat_id = ?1 AND actor_id = ?2),"
            " (SELECT MAX(day) FROM mentions WHERE chat_id = ?1 AND actor_id = ?2)",
            (chat_id, actor_id),
        )[0]
        return row[0], row[1]

    def co_mentioned(self, chat_id: int, actor_id: int, limit: int = 5) -> list[tuple[str, int]]:
        """Actors appearing in the same articles, with how many articles they share."""
        rows = self.database.query(
            "SELECT x.name, COUNT(*) AS shared FROM mentions m"
            " JOIN mentions o ON o.article_id = m.article_id AND o.actor_id != m.actor_id"
            " JOIN actors x ON x.id = o.actor_id"
            " WHERE m.chat_id = ? AND m.actor_id = ? GROUP BY o.actor_id"
            " ORDER BY shared DESC, x.name LIMIT ?",
            (chat_id, actor_id, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def articles_of(self, chat_id: int, actor_id: int, limit: int = 5) -> list[int]:
        """Ids of the latest articles mentioning an actor."""
        rows = self.database.query(
            "SELECT article_id FROM mentions WHERE chat_id = ? AND actor_id = ?"
            " ORDER BY day DESC, article_id DESC LIMIT ?",
            (chat_id, actor_id, limit),
        )
        return [r[0] for r in rows]

    def article_actor_names(self, chat_id: int, article_ids: Sequence[int]) -> dict[int, list[str]]:
        """The actors of each article, most prominent first."""
        if not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        rows = self.database.query(
            f"SELECT m.article_id, x.name FROM mentions m JOIN actors x ON x.id = m.actor_id"
            f" WHERE +m.chat_id = ? AND m.article_id IN ({marks}) ORDER BY m.article_id, m.rank",
            (chat_id, *article_ids),
        )
        found: dict[int, list[str]] = {}
        for article_id, name in rows:
            found.setdefault(article_id, []).append(name)
        return found

    def quotes_by(
        self, chat_id: int, actor_id: int | None, limit: int = 5, offset: int = 0
    ) -> list[StoredQuote]:
        """Latest quotes of an actor (or of everyone with None), newest article first."""
        where = "q.chat_id = ?" + (" AND q.actor_id = ?" if actor_id is not None else "")
        params: tuple[object, ...] = (chat_id, actor_id) if actor_id is not None else (chat_id,)
        rows = self.database.query(
            "SELECT q.speaker, q.text, q.sentence, q.direct, a.id, a.title, a.source, a.url,"
            f" a.published_at FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {where}"
            " ORDER BY q.day DESC, q.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [StoredQuote(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in rows]

    def events_of(
        self, chat_id: int, actor_id: int, limit: int = 10, offset: int = 0
    ) -> list[StoredEvent]:
        """Events with the actor as subject or object, newest first (by the event's date, else
        its article's day)."""
        rows = self.database.query(
            "SELECT e.subject, e.action, e.objects, e.date, e.sentence, a.id, a.source"
            " FROM event_actors x JOIN events e ON e.id = x.event_id"
            " JOIN articles a ON a.id = e.article_id WHERE x.chat_id = ? AND x.actor_id = ?"
            " ORDER BY x.day DESC, x.event_id DESC LIMIT ? OFFSET ?",
            (chat_id, actor_id, limit, offset),
        )
        return [
            StoredEvent(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4], r[5], r[6]) for r in rows
        ]

    def top_actors(
        self, chat_id: int, since: str, until: str, limit: int = 10
    ) -> list[tuple[int, str, str, int]]:
        """(id, name, type, articles) of the actors most mentioned by articles added in a window."""
        rows = self.database.query(
            "SELECT x.id, x.name, x.type, COUNT(*) AS n FROM mentions m"
            " JOIN articles a ON a.id = m.article_id JOIN actors x ON x.id = m.actor_id"
            " WHERE m.chat_id = ? AND a.added_at >= ? AND a.added_at < ?"
            " GROUP BY x.id ORDER BY n DESC, x.name LIMIT ?",
            (chat_id, since, until, limit),
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def mention_counts(
        self, chat_id: int, actor_ids: Sequence[int], since: str, until: str
    ) -> dict[int, int]:
        """Articles added in a window that mention each of the given actors."""
        if not actor_ids:
            return {}
        marks = ", ".join("?" for _ in actor_ids)
        rows = self.database.query(
            "SELECT m.actor_id, COUNT(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.chat_id = ? AND m.actor_id IN ({marks}) AND a.added_at >= ?"
            " AND a.added_at < ? GROUP BY m.actor_id",
            (chat_id, *actor_ids, since, until),
        )
        return {r[0]: r[1] for r in rows}

    def window_quotes(self, chat_id: int, since: str, until: str) -> list[StoredQuote]:
        """Quotes from articles added in a window."""
        rows = self.database.query(
            "SELECT q.speaker, q.text, q.sentence, q.direct, a.id, a.title, a.source, a.url,"
            " a.published_at FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.chat_id = ? AND a.added_at >= ? AND a.added_at < ? AND a.status = 'ready'"
            " ORDER BY q.id",
            (chat_id, since, until),
        )
        return [StoredQuote(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in rows]
