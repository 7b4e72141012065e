"""Actors, their aliases, mentions, quotes and events; every read and write names its chat.

An actor is one person, organisation, place or group of a chat's archive under one name. Its
aliases are the surface forms seen for it ("Lavrov", "Sergei Lavrov"), kept with a normalised
form for lookups. Mentions link actors to articles; quotes and events keep their sentence.
"""

import json
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


_ARTICLE_DAY = "COALESCE(a.published_at, substr(a.added_at, 1, 10))"


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
        rows = self.database.query(
            "SELECT DISTINCT actor_id FROM actor_aliases WHERE chat_id = ? AND"
            f" (norm IN ({norm_marks}) OR last_word IN ({last_marks})) LIMIT 200",
            (chat_id, *norms, *last_words),
        )
        return self._records(chat_id, [r[0] for r in rows])

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
            if not conn.execute(
                "SELECT 1 FROM articles WHERE id = ? AND chat_id = ?", (article_id, chat_id)
            ).fetchone():
                return {}
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
                conn.execute(
                    "INSERT OR REPLACE INTO mentions (article_id, actor_id, chat_id, count, rank)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (article_id, actor_id, chat_id, actor.mentions, rank),
                )
            conn.executemany(
                "INSERT INTO quotes (chat_id, article_id, actor_id, speaker, text, sentence,"
                " direct) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (chat_id, article_id, ids.get(q.speaker or ""), q.speaker, q.text,
                     q.sentence, int(q.direct))
                    for q in quotes
                ],
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO events (chat_id, article_id, subject_id, subject, action, objects,"
                " object_ids, date, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (chat_id, article_id, ids.get(e.subject), e.subject, e.action,
                     json.dumps(list(e.objects)),
                     json.dumps([ids[o] for o in e.objects if o in ids]), e.date, e.sentence)
                    for e in events
                ],
            )  # fmt: skip
            conn.execute("UPDATE articles SET analysed_at = ? WHERE id = ?", (_now(), article_id))
            return ids

    def unanalysed(self, limit: int = 1000) -> list[tuple[int, int]]:
        """(chat id, article id) of ready articles not analysed yet (resumed at start-up)."""
        rows = self.database.query(
            "SELECT chat_id, id FROM articles WHERE status = 'ready' AND analysed_at IS NULL"
            " ORDER BY id LIMIT ?",
            (limit,),
        )
        return [(r[0], r[1]) for r in rows]

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
                "UPDATE mentions SET count = count + COALESCE((SELECT m2.count FROM mentions m2"
                " WHERE m2.actor_id = ? AND m2.article_id = mentions.article_id), 0)"
                " WHERE actor_id = ?",
                (merge_id, keep_id),
            )
            conn.execute(
                "UPDATE OR IGNORE mentions SET actor_id = ? WHERE actor_id = ?", (keep_id, merge_id)
            )
            conn.execute("UPDATE quotes SET actor_id = ? WHERE actor_id = ?", (keep_id, merge_id))
            conn.execute(
                "UPDATE events SET subject_id = ? WHERE subject_id = ?", (keep_id, merge_id)
            )
            for table in ("actor_aliases", "mentions"):
                conn.execute(f"DELETE FROM {table} WHERE actor_id = ?", (merge_id,))
            conn.execute("DELETE FROM actors WHERE id = ? AND chat_id = ?", (merge_id, chat_id))
            names = conn.execute(
                "SELECT norm FROM actor_aliases WHERE actor_id = ?", (keep_id,)
            ).fetchall()
            conn.executemany(
                "DELETE FROM actor_splits WHERE chat_id = ? AND norm = ?",
                [(chat_id, n[0]) for n in names],
            )
        return True

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
        row = self.database.query(
            f"SELECT COUNT(*), SUM(m.count), MIN({_ARTICLE_DAY}), MAX({_ARTICLE_DAY})"
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            " WHERE m.chat_id = ? AND m.actor_id = ?",
            (chat_id, actor_id),
        )[0]
        return ActorStats(row[0], row[1] or 0, row[2], row[3])

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
            f"SELECT a.id FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE m.chat_id = ? AND m.actor_id = ? ORDER BY {_ARTICLE_DAY} DESC, a.id DESC"
            " LIMIT ?",
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
            f" WHERE m.chat_id = ? AND m.article_id IN ({marks}) ORDER BY m.article_id, m.rank",
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
            f" ORDER BY {_ARTICLE_DAY} DESC, q.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [StoredQuote(r[0], r[1], r[2], bool(r[3]), *r[4:]) for r in rows]

    def events_of(
        self, chat_id: int, actor_id: int, limit: int = 10, offset: int = 0
    ) -> list[StoredEvent]:
        """Events with the actor as subject or object, newest date first."""
        rows = self.database.query(
            "SELECT e.subject, e.action, e.objects, e.date, e.sentence, a.id, a.source"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            " WHERE e.chat_id = ? AND (e.subject_id = ? OR EXISTS (SELECT 1 FROM"
            " json_each(e.object_ids) WHERE json_each.value = ?))"
            " ORDER BY e.date DESC, e.id DESC LIMIT ? OFFSET ?",
            (chat_id, actor_id, actor_id, limit, offset),
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
