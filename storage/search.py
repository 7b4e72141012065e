"""Queries behind questions: ranked candidates, actor features, vocabulary, saved questions.

Every read names its chat. The FTS5 index and its vocabulary span all chats, so anything taken
from the vocabulary (a spelling correction) is only used after `surface_words` has found it in
the asking chat's own articles.
"""

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from storage.archive import BODY_WEIGHT, TITLE_WEIGHT, StoredArticle
from storage.database import Database

_ARTICLE_COLUMNS = ", ".join(f.name for f in fields(StoredArticle))
QUESTIONS_KEPT = 200  # per chat, for the paging buttons of recent answers
_DAY = "substr(COALESCE(a.published_at, a.added_at), 1, 10)"


@dataclass(frozen=True)
class Filters:
    """Limits on the articles searched: ISO days [since, until) and exact source names."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()

    def sql(self) -> tuple[str, tuple[Any, ...]]:
        """A WHERE fragment over articles `a` (starting with AND) and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{_DAY} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{_DAY} < ?")
            params.append(self.until)
        if self.sources:
            parts.append(f"a.source IN ({', '.join('?' for _ in self.sources)})")
            params.extend(self.sources)
        return "".join(f" AND {p}" for p in parts), tuple(params)


@dataclass(frozen=True)
class AliasRow:
    """One alias of a chat's actor, with the actor's name, type and article count."""

    actor_id: int
    alias: str
    norm: str
    name: str
    type: str
    articles: int


@dataclass(frozen=True)
class TextHit:
    """An article matching a full-text expression: id, day and bm25 (higher is better)."""

    article_id: int
    day: str
    score: float


@dataclass(frozen=True)
class Mention:
    """How an article mentions an asked actor: count, rank, and whether it speaks or acts."""

    article_id: int
    actor_id: int
    day: str
    count: int
    rank: int
    speaks: bool
    acts: bool


@dataclass(frozen=True)
class QuoteRow:
    """A quote with its speaker's actor id and its article's provenance."""

    id: int
    actor_id: int | None
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
class EventRow:
    """A dated event with its actors' ids and its article's provenance."""

    id: int
    subject_id: int | None
    subject: str
    action: str
    objects: tuple[str, ...]
    object_ids: tuple[int, ...]
    date: str | None
    sentence: str
    article_id: int
    title: str
    source: str
    url: str | None
    published_at: str | None


_WORD = re.compile(r"[^\W_]+")


_WEIGHTS = f"{TITLE_WEIGHT}, {BODY_WEIGHT}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


class SearchStore:
    """The search reads (and the saved questions) on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._vocabulary: tuple[object, list[tuple[str, int]]] | None = None
        self._aliases: dict[int, tuple[object, list[AliasRow]]] = {}

    # --- change detection and cached snapshots ----------------------------------------------

    def version(self) -> tuple[int, int]:
        """Changes by other connections and by this one: equal values mean nothing changed."""
        (data_version,) = self.database.query("PRAGMA data_version")[0]
        return int(data_version), int(self.database.utils.conn.total_changes)

    def vocabulary(self) -> list[tuple[str, int]]:
        """(term, articles) of every indexed term of every chat, cached until the next write.

        Terms are porter stems; callers must confirm one in the asking chat (`surface_word`).
        """
        version = self.version()
        if self._vocabulary is None or self._vocabulary[0] != version:
            rows = self.database.query(
                "SELECT term, doc FROM articles_fts_vocab WHERE length(term) > 2"
            )
            self._vocabulary = (version, [(r[0], r[1]) for r in rows if not r[0].isdigit()])
        return self._vocabulary[1]

    def aliases(self, chat_id: int) -> list[AliasRow]:
        """Every alias of the chat's actors, cached until the next write."""
        version = self.version()
        cached = self._aliases.get(chat_id)
        if cached is None or cached[0] != version:
            rows = self.database.query(
                "SELECT al.actor_id, al.alias, al.norm, x.name, x.type, COALESCE(c.n, 0)"
                " FROM actor_aliases al JOIN actors x ON x.id = al.actor_id"
                " LEFT JOIN (SELECT actor_id, COUNT(*) AS n FROM mentions WHERE chat_id = ?"
                " GROUP BY actor_id) c ON c.actor_id = al.actor_id"
                " WHERE al.chat_id = ? AND x.chat_id = ?",
                (chat_id, chat_id, chat_id),
            )
            cached = (version, [AliasRow(*row) for row in rows])
            self._aliases[chat_id] = cached
        return cached[1]

    # --- words ------------------------------------------------------------------------------

    def count_matching(self, chat_id: int, match: str, cap: int = 1000) -> int:
        """How many articles of the chat match a (safe) FTS5 expression, up to `cap`.

        The unary plus keeps SQLite from scanning the chat's articles instead of the index.
        """
        rows = self.database.query(
            "SELECT COUNT(*) FROM (SELECT 1 FROM articles_fts"
            " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
            " AND +a.chat_id = ? LIMIT ?)",
            (match, chat_id, cap),
        )
        return int(rows[0][0])

    def surface_words(self, chat_id: int, term: str, limit: int = 20) -> list[str]:
        """Words of the chat's own articles that index as `term` (a stem), most seen first.

        Empty when no article of the chat has the term, whatever other chats hold.
        """
        rows = self.database.query(
            "SELECT i.col, i.offset, a.title, a.body FROM articles_fts_instance i"
            " JOIN articles a ON a.id = i.doc"
            " WHERE i.term = ? AND +a.chat_id = ? AND +a.status = 'ready' LIMIT ?",
            (term, chat_id, limit),
        )
        seen: dict[str, int] = {}
        for column, offset, title, body in rows:
            words = _WORD.findall(title if column == "title" else body)
            if offset < len(words):
                word = _fold(words[offset])
                seen[word] = seen.get(word, 0) + 1
        return sorted(seen, key=lambda w: -seen[w])

    def sources(self, chat_id: int) -> list[tuple[str, int]]:
        """The chat's sources with their article counts, most used first."""
        rows = self.database.query(
            "SELECT source, COUNT(*) AS n FROM articles WHERE chat_id = ? AND status = 'ready'"
            " AND source != '' GROUP BY source ORDER BY n DESC LIMIT 500",
            (chat_id,),
        )
        return [(r[0], r[1]) for r in rows]

    # --- candidates -------------------------------------------------------------------------

    def recent(
        self, chat_id: int, filters: Filters, limit: int
    ) -> list[tuple[int, int | None, str]]:
        """(id, story, day) of the chat's latest ready articles within the filters."""
        where, params = filters.sql()
        rows = self.database.query(
            f"SELECT a.id, a.story_id, {_DAY} AS day FROM articles a"
            f" WHERE a.chat_id = ? AND a.status = 'ready'{where}"
            " ORDER BY day DESC, a.id DESC LIMIT ?",
            (chat_id, *params, limit),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    # Candidates read only the columns stored before an article's body: the status and story
    # come after it, and reading them for every match would walk each body's overflow pages.
    # `stories` checks the few candidates that are kept.

    def text_hits(self, chat_id: int, match: str, filters: Filters, limit: int) -> list[TextHit]:
        """Articles matching a (safe) FTS5 expression, best bm25 first (title weighted)."""
        where, params = filters.sql()
        rows = self.database.query(
            f"SELECT a.id, {_DAY}, -bm25(articles_fts, {_WEIGHTS}) AS score"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND a.chat_id = ?{where}"
            " ORDER BY score DESC, a.id DESC LIMIT ?",
            (match, chat_id, *params, limit),
        )
        return [TextHit(r[0], r[1], float(r[2])) for r in rows]

    def stories(self, chat_id: int, article_ids: Sequence[int]) -> dict[int, int]:
        """The story (first telling) of each ready article of the chat among the ids."""
        if not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        rows = self.database.query(
            "SELECT id, COALESCE(story_id, id) FROM articles"
            f" WHERE chat_id = ? AND status = 'ready' AND id IN ({marks})",
            (chat_id, *article_ids),
        )
        return {r[0]: r[1] for r in rows}

    def _mentions(self, where: str, params: tuple[Any, ...], tail: str = "") -> list[Mention]:
        rows = self.database.query(
            f"SELECT m.article_id, m.actor_id, {_DAY}, m.count, m.rank,"
            " EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = m.article_id"
            " AND q.actor_id = m.actor_id),"
            " EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.article_id"
            " AND e.subject_id = m.actor_id)"
            " FROM mentions m JOIN articles a ON a.id = m.article_id"
            f" WHERE {where}{tail}",
            params,
        )
        return [Mention(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6])) for r in rows]

    def actor_articles(
        self, chat_id: int, actor_ids: Sequence[int], filters: Filters, limit: int
    ) -> list[Mention]:
        """Articles mentioning any of the actors, most prominent mentions first."""
        if not actor_ids:
            return []
        where, params = filters.sql()
        marks = ", ".join("?" for _ in actor_ids)
        return self._mentions(
            f"m.chat_id = ? AND a.chat_id = ? AND m.actor_id IN ({marks}){where}",
            (chat_id, chat_id, *actor_ids, *params, limit),
            " ORDER BY m.rank > 0, m.count DESC, a.id DESC LIMIT ?",
        )

    def mentions_in(
        self, chat_id: int, article_ids: Sequence[int], actor_ids: Sequence[int]
    ) -> list[Mention]:
        """How the given articles mention the given actors."""
        if not article_ids or not actor_ids:
            return []
        articles = ", ".join("?" for _ in article_ids)
        actors = ", ".join("?" for _ in actor_ids)
        return self._mentions(
            f"m.chat_id = ? AND m.article_id IN ({articles}) AND m.actor_id IN ({actors})",
            (chat_id, *article_ids, *actor_ids),
        )

    def articles(self, chat_id: int, article_ids: Sequence[int]) -> dict[int, StoredArticle]:
        """The chat's articles with these ids (others' ids are simply not found)."""
        if not article_ids:
            return {}
        marks = ", ".join("?" for _ in article_ids)
        rows = self.database.query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks}) AND +chat_id = ?",
            (*article_ids, chat_id),
        )
        return {row[0]: StoredArticle(*row) for row in rows}

    # --- quotes and events ------------------------------------------------------------------

    def quotes(
        self,
        chat_id: int,
        filters: Filters,
        actor_ids: Sequence[int] = (),
        article_ids: Sequence[int] = (),
        limit: int = 300,
    ) -> list[QuoteRow]:
        """Quotes by the actors, else from the articles, else all within the filters."""
        where, params = filters.sql()
        if actor_ids:
            scope = f"q.actor_id IN ({', '.join('?' for _ in actor_ids)})"
            scope_params: tuple[Any, ...] = tuple(actor_ids)
        elif article_ids:
            scope = f"q.article_id IN ({', '.join('?' for _ in article_ids)})"
            scope_params = tuple(article_ids)
        else:
            scope, scope_params = "1", ()
        rows = self.database.query(
            "SELECT q.id, q.actor_id, q.speaker, q.text, q.sentence, q.direct, a.id, a.title,"
            " a.source, a.url, a.published_at FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE q.chat_id = ? AND a.chat_id = ? AND a.status = 'ready' AND {scope}{where}"
            f" ORDER BY {_DAY} DESC, q.id LIMIT ?",
            (chat_id, chat_id, *scope_params, *params, limit),
        )
        return [QuoteRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]), *r[6:]) for r in rows]

    def events(
        self,
        chat_id: int,
        filters: Filters,
        actor_ids: Sequence[int] = (),
        article_ids: Sequence[int] = (),
        limit: int = 300,
    ) -> list[EventRow]:
        """Events with the actors as subject or object, else from the articles, else all;
        newest first.

        The date filter applies to the event's own date when it has one.
        """
        day = "COALESCE(e.date, substr(COALESCE(a.published_at, a.added_at), 1, 10))"
        where, params = Filters(sources=filters.sources).sql()
        if filters.since:
            where += f" AND {day} >= ?"
            params += (filters.since,)
        if filters.until:
            where += f" AND {day} < ?"
            params += (filters.until,)
        if actor_ids:
            marks = ", ".join("?" for _ in actor_ids)
            scope = (
                f"(e.subject_id IN ({marks}) OR EXISTS (SELECT 1 FROM json_each(e.object_ids)"
                f" WHERE json_each.value IN ({marks})))"
            )
            scope_params: tuple[Any, ...] = (*actor_ids, *actor_ids)
        elif article_ids:
            scope = f"e.article_id IN ({', '.join('?' for _ in article_ids)})"
            scope_params = tuple(article_ids)
        else:
            scope, scope_params = "1", ()
        rows = self.database.query(
            "SELECT e.id, e.subject_id, e.subject, e.action, e.objects, e.object_ids, e.date,"
            " e.sentence, a.id, a.title, a.source, a.url, a.published_at"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            f" WHERE e.chat_id = ? AND a.chat_id = ? AND a.status = 'ready' AND {scope}{where}"
            f" ORDER BY {day} DESC, e.id DESC LIMIT ?",
            (chat_id, chat_id, *scope_params, *params, limit),
        )
        return [
            EventRow(
                r[0], r[1], r[2], r[3], tuple(json.loads(r[4])), tuple(json.loads(r[5])), *r[6:]
            )
            for r in rows
        ]

    # --- questions behind buttons -----------------------------------------------------------

    def save_question(self, chat_id: int, text: str, asked_at: datetime) -> int:
        """Keep a question so its answer's buttons can ask it again; returns its id."""
        with self.database.write() as conn:
            cursor = conn.execute(
                "INSERT INTO questions (chat_id, text, asked_at) VALUES (?, ?, ?)",
                (chat_id, text, asked_at.astimezone(UTC).isoformat(timespec="seconds")),
            )
            question_id = int(cursor.lastrowid or 0)
            conn.execute(
                "DELETE FROM questions WHERE chat_id = ? AND id < (SELECT id FROM questions"
                " WHERE chat_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)",
                (chat_id, chat_id, QUESTIONS_KEPT - 1),
            )
            return question_id

    def question(self, chat_id: int, question_id: int) -> tuple[str, datetime] | None:
        """A question this chat asked (text and time asked), or None for any other id."""
        rows = self.database.query(
            "SELECT text, asked_at FROM questions WHERE id = ? AND chat_id = ?",
            (question_id, chat_id),
        )
        if not rows:
            return None
        return rows[0][0], datetime.fromisoformat(rows[0][1])
