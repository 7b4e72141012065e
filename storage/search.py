"""Queries behind questions: ranked candidates, actor features, vocabulary, saved questions.

Every read names its chat. The FTS5 index and its vocabulary span all chats, so anything taken
from the vocabulary (a spelling correction) is only used after `surface_words` has found it in
the asking chat's own articles.

What questions keep in memory (a chat's aliases, the vocabulary, the sources) is brought up to
date from what was added since it was read, using the change marks of
`storage.search_schema`; writes that touch none of it cost one `PRAGMA data_version` and a
look at the marks. Every read here goes through an index (tests/storage/test_query_plans.py).
"""

import bisect
import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from storage.archive import BODY_WEIGHT, TITLE_WEIGHT, StoredArticle
from storage.database import Database
from storage.migrations import FTS_TOKENIZER

_ARTICLE_COLUMNS = ", ".join(f.name for f in fields(StoredArticle))
QUESTIONS_KEPT = 200  # per chat, for the paging buttons of recent answers
VOCABULARY_DELTA_MAX = 2000  # articles indexed since the last read: more, and all is reread
INSERTED_TERMS_MAX = 200  # new terms put in place one by one; more are merged and sorted
TEXT_CANDIDATES = 1000  # newest matches of a full-text search ranked by bm25 (5 µs each)
_DAY = "substr(COALESCE(a.published_at, a.added_at), 1, 10)"


@dataclass(frozen=True)
class Filters:
    """Limits on the articles searched: ISO days [since, until) and exact source names."""

    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()

    def sql(self, day: str = _DAY) -> tuple[str, tuple[Any, ...]]:
        """A WHERE fragment over articles `a` (starting with AND) and its parameters; `day`
        is the column or expression the dates apply to."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"{day} >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"{day} < ?")
            params.append(self.until)
        if self.sources:
            parts.append(f"a.source IN ({', '.join('?' for _ in self.sources)})")
            params.extend(self.sources)
        return "".join(f" AND {p}" for p in parts), tuple(params)

    @property
    def dated(self) -> bool:
        """Whether a date limits the articles."""
        return bool(self.since or self.until)


@dataclass(frozen=True)
class AliasRow:
    """One alias of a chat's actor, with the actor's name, type and article count."""

    actor_id: int
    alias: str
    norm: str
    name: str
    type: str
    articles: int
    mentions: int = 0  # times the archive names the actor (all its articles)


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
    day: str = ""  # the article's day


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
    day: str = ""  # the event's date, else its article's day


_WORD = re.compile(r"[^\W_]+")


_WEIGHTS = f"{TITLE_WEIGHT}, {BODY_WEIGHT}"


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class NameMark:
    """How far a cache of a chat's names has read: generation and highest rowids seen."""

    generation: int
    aliases: int
    mentions: int


@dataclass(frozen=True)
class NameChanges:
    """A chat's aliases since a mark: every alias (`full`, to rebuild from) or only those
    added, with the (articles, mentions) added to each actor."""

    mark: NameMark
    full: bool
    rows: tuple[AliasRow, ...]
    added: dict[int, tuple[int, int]]


class Vocabulary:
    """Index terms of every chat (porter stems, three letters or more, not numbers), sorted,
    with how many articles hold each. Never changed in place: updates make a new one."""

    def __init__(self, terms: list[str], counts: list[int]) -> None:
        self.terms = terms
        self.counts = counts

    @classmethod
    def of(cls, docs: dict[str, int]) -> "Vocabulary":
        """The vocabulary of (term, articles) pairs."""
        terms = sorted(t for t in docs if _kept_term(t))
        return cls(terms, [docs[t] for t in terms])

    def plus(self, docs: dict[str, int]) -> "Vocabulary":
        """A copy with the articles of `docs` added (a few new terms are inserted in order;
        many make a merge and one sort cheaper)."""
        terms, counts = list(self.terms), list(self.counts)
        new: dict[str, int] = {}
        for term, more in docs.items():
            at = bisect.bisect_left(terms, term)
            if at < len(terms) and terms[at] == term:
                counts[at] += more
            elif _kept_term(term):
                new[term] = more
        if len(new) > INSERTED_TERMS_MAX:
            return Vocabulary.of({**dict(zip(terms, counts, strict=True)), **new})
        for term in sorted(new):
            at = bisect.bisect_left(terms, term)
            terms.insert(at, term)
            counts.insert(at, new[term])
        return Vocabulary(terms, counts)


def _json_tuple(text: str) -> tuple[Any, ...]:
    """A JSON list as a tuple (most events name no object: no parsing for those)."""
    return () if text == "[]" else tuple(json.loads(text))


def _kept_term(term: str) -> bool:
    return len(term) > 2 and not term.isdigit()


def _terms_of(conn: sqlite3.Connection, texts: list[tuple[str, str]]) -> dict[str, int]:
    """(term, articles) of some titles and bodies, indexed as the archive indexes them (in a
    scratch FTS5 table of this connection's temporary schema)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch USING fts5(title, body,"
        f" tokenize='{FTS_TOKENIZER}')"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_scratch_vocab"
        " USING fts5vocab(temp, search_scratch, 'row')"
    )
    conn.executemany("INSERT INTO temp.search_scratch (title, body) VALUES (?, ?)", texts)
    rows = conn.execute("SELECT term, doc FROM temp.search_scratch_vocab").fetchall()
    conn.execute("DELETE FROM temp.search_scratch")
    return {term: int(doc) for term, doc in rows}


_ALIAS_ROWS = (
    "SELECT al.actor_id, al.alias, al.norm, x.name, x.type, {counts}"
    " FROM actor_aliases al JOIN actors x ON x.id = al.actor_id"
)


class SearchStore:
    """The search reads (and the saved questions) on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._vocabulary: tuple[tuple[int, int], Vocabulary] | None = None
        self._vocabulary_seen: object = None
        self._sources: dict[int, tuple[object, tuple[int, int], dict[str, int]]] = {}
        self._lock = threading.Lock()

    # --- change detection and cached snapshots ----------------------------------------------

    def version(self) -> tuple[int, int]:
        """Changes by other connections and by this one: equal values mean nothing changed."""
        (data_version,) = self.database.query("PRAGMA data_version")[0]
        return int(data_version), int(self.database.utils.conn.total_changes)

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """Reads that all see one state of the database (one read transaction)."""
        with self.database.write() as conn:
            if not conn.in_transaction:
                conn.execute("BEGIN")
            yield conn

    def name_changes(self, chat_id: int, mark: NameMark | None) -> NameChanges | None:
        """The chat's aliases added since `mark` (all of them after any other change to
        aliases, actors or mentions, or without a mark); None when nothing changed."""
        with self._snapshot() as conn:
            now = NameMark(
                *conn.execute(
                    "SELECT (SELECT COALESCE(SUM(generation), 0) FROM search_marks"
                    " WHERE scope = 'names' AND chat_id IN (?, -1)),"
                    " (SELECT COALESCE(MAX(rowid), 0) FROM actor_aliases),"
                    " (SELECT COALESCE(MAX(rowid), 0) FROM mentions)",
                    (chat_id,),
                ).fetchone()
            )
            if mark is not None and mark.generation == now.generation:
                if mark == now:
                    return None
                return self._added_names(conn, chat_id, mark, now)
            rows = conn.execute(
                _ALIAS_ROWS.format(counts="COALESCE(c.n, 0), COALESCE(c.total, 0)")
                + " LEFT JOIN (SELECT actor_id, COUNT(*) AS n, SUM(count) AS total FROM mentions"
                " WHERE chat_id = ? GROUP BY actor_id) c ON c.actor_id = al.actor_id"
                " WHERE al.chat_id = ? AND x.chat_id = ?",
                (chat_id, chat_id, chat_id),
            ).fetchall()
            return NameChanges(now, True, tuple(AliasRow(*row) for row in rows), {})

    @staticmethod
    def _added_names(
        conn: sqlite3.Connection, chat_id: int, mark: NameMark, now: NameMark
    ) -> NameChanges:
        rows = conn.execute(
            _ALIAS_ROWS.format(counts="0, 0")
            + " WHERE al.rowid > ? AND +al.chat_id = ? AND +x.chat_id = ?",
            (mark.aliases, chat_id, chat_id),
        ).fetchall()
        counts = conn.execute(
            "SELECT actor_id, COUNT(*), SUM(count) FROM mentions WHERE rowid > ?"
            " AND +chat_id = ? GROUP BY actor_id",
            (mark.mentions, chat_id),
        ).fetchall()
        added = {actor_id: (int(n), int(total)) for actor_id, n, total in counts}
        return NameChanges(now, False, tuple(AliasRow(*r) for r in rows), added)

    def aliases(self, chat_id: int) -> list[AliasRow]:
        """Every alias of the chat's actors (read now, not cached)."""
        changes = self.name_changes(chat_id, None)
        return list(changes.rows) if changes is not None else []

    def terms(self) -> Vocabulary:
        """The vocabulary of every chat: updated from the articles indexed since it was last
        read, and read in full only after text was replaced or deleted.

        Terms are porter stems; callers must confirm one in the asking chat (`surface_word`).
        """
        seen = self.version()
        cached = self._vocabulary
        if cached is not None and self._vocabulary_seen == seen:
            return cached[1]
        with self._lock:
            mark, vocabulary = self._read_vocabulary(cached)
            self._vocabulary = (mark, vocabulary)
            self._vocabulary_seen = seen
            return vocabulary

    def vocabulary(self) -> list[tuple[str, int]]:
        """(term, articles) of every indexed term of every chat (see `terms`)."""
        terms = self.terms()
        return list(zip(terms.terms, terms.counts, strict=True))

    @staticmethod
    def _log_mark(conn: sqlite3.Connection) -> tuple[int, int, int]:
        """(generation of the vocabulary, last and first seq of the article log)."""
        row = conn.execute(
            "SELECT (SELECT COALESCE(SUM(generation), 0) FROM search_marks"
            " WHERE scope = 'vocabulary'), (SELECT COALESCE(MAX(seq), 0) FROM article_log),"
            " (SELECT COALESCE(MIN(seq), 0) FROM article_log)"
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    def _read_vocabulary(
        self, cached: tuple[tuple[int, int], Vocabulary] | None
    ) -> tuple[tuple[int, int], Vocabulary]:
        with self._snapshot() as conn:
            generation, last, first = self._log_mark(conn)
            mark = (generation, last)
            if cached is not None and cached[0] == mark:
                return cached
            if (
                cached is None
                or cached[0][0] != generation
                or cached[0][1] < first - 1
                or last - cached[0][1] > VOCABULARY_DELTA_MAX
            ):
                rows = conn.execute("SELECT term, doc FROM articles_fts_vocab").fetchall()
                return mark, Vocabulary.of(dict(rows))
            texts = conn.execute(
                "SELECT a.title, a.body FROM article_log g JOIN articles a ON a.id = g.article_id"
                " WHERE g.seq > ?",
                (cached[0][1],),
            ).fetchall()
            return mark, cached[1].plus(_terms_of(conn, texts))

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
            "SELECT i.doc, i.col, i.offset, a.title, a.body FROM articles_fts_instance i"
            " JOIN articles a ON a.id = i.doc"
            " WHERE i.term = ? AND +a.chat_id = ? AND +a.status = 'ready' LIMIT ?",
            (term, chat_id, limit),
        )
        seen: dict[str, int] = {}
        words: dict[tuple[int, str], list[str]] = {}  # each text split once
        for doc, column, offset, title, body in rows:
            if (doc, column) not in words:
                words[doc, column] = _WORD.findall(title if column == "title" else body)
            found = words[doc, column]
            if offset < len(found):
                word = _fold(found[offset])
                seen[word] = seen.get(word, 0) + 1
        return sorted(seen, key=lambda w: -seen[w])

    def sources(self, chat_id: int) -> list[tuple[str, int]]:
        """The chat's sources with their article counts, most used first (cached: updated
        from the articles archived since, read again only after text was replaced or deleted)."""
        seen = self.version()
        cached = self._sources.get(chat_id)
        if cached is None or cached[0] != seen:
            with self._lock:
                cached = (seen, *self._read_sources(chat_id, self._sources.get(chat_id)))
                self._sources[chat_id] = cached
        counts = cached[2]
        return sorted(counts.items(), key=lambda pair: -pair[1])[:500]

    def _read_sources(
        self, chat_id: int, cached: tuple[object, tuple[int, int], dict[str, int]] | None
    ) -> tuple[tuple[int, int], dict[str, int]]:
        with self._snapshot() as conn:
            mark = self._log_mark(conn)
            if cached is not None and cached[1][0] == mark[0] and cached[1][1] >= mark[2] - 1:
                counts = dict(cached[2])
                rows = conn.execute(
                    "SELECT a.source FROM article_log g JOIN articles a ON a.id = g.article_id"
                    " WHERE g.seq > ? AND +a.chat_id = ? AND +a.status = 'ready'"
                    " AND a.source != ''",
                    (cached[1][1], chat_id),
                ).fetchall()
                for (source,) in rows:
                    counts[source] = counts.get(source, 0) + 1
                return mark[:2], counts
            rows = conn.execute(
                "SELECT source, COUNT(*) FROM articles WHERE chat_id = ? AND status = 'ready'"
                " AND source != '' GROUP BY source",
                (chat_id,),
            ).fetchall()
            return mark[:2], {source: int(n) for source, n in rows}

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
        """Articles matching a (safe) FTS5 expression, best bm25 first (title weighted).

        Only the newest `TEXT_CANDIDATES` matches within the filters are ranked (all of them
        when there are fewer), so a word found in most of a large archive costs no more than
        a rarer one. Dates narrow the full-text search to the ids archived on those days.
        """
        where, params = filters.sql()
        span, span_params = self._id_span(chat_id, filters)
        rows = self.database.query(
            "SELECT id, day, score FROM (SELECT a.id AS id, "
            f"{_DAY} AS day, -bm25(articles_fts, {_WEIGHTS}) AS score"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ?{span} AND a.chat_id = ?{where}"
            " ORDER BY articles_fts.rowid DESC LIMIT ?) ORDER BY score DESC, id DESC LIMIT ?",
            (match, *span_params, chat_id, *params, TEXT_CANDIDATES, limit),
        )
        return [TextHit(r[0], r[1], float(r[2])) for r in rows]

    def _id_span(self, chat_id: int, filters: Filters) -> tuple[str, tuple[Any, ...]]:
        """A rowid range of the full-text index holding every article of the filters' days."""
        if not filters.dated:
            return "", ()
        where, params = Filters(filters.since, filters.until).sql("day")
        first, last = self.database.query(
            f"SELECT MIN(first_id), MAX(last_id) FROM article_days WHERE chat_id = ?{where}",
            (chat_id, *params),
        )[0]
        return " AND articles_fts.rowid BETWEEN ? AND ?", (first or 0, last or 0)

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

    def _mentions(
        self, where: str, params: tuple[Any, ...], tail: str = "", join: bool = False
    ) -> list[Mention]:
        """Mentions `m` (in prominence order when `tail` orders them: the index holds the
        order and the day, so dates never make SQLite sort an actor's every mention)."""
        articles = " JOIN articles a ON a.id = m.article_id" if join else ""
        if tail:
            articles = " INDEXED BY idx_mentions_rank" + articles
        rows = self.database.query(
            "SELECT m.article_id, m.actor_id, m.day, m.count, m.rank,"
            " EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = m.article_id"
            " AND q.actor_id = m.actor_id),"
            " EXISTS (SELECT 1 FROM events e WHERE e.article_id = m.article_id"
            " AND e.subject_id = m.actor_id)"
            f" FROM mentions m{articles} WHERE {where}{tail}",
            params,
        )
        return [Mention(r[0], r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6])) for r in rows]

    def actor_articles(
        self, chat_id: int, actor_ids: Sequence[int], filters: Filters, limit: int
    ) -> list[Mention]:
        """Articles mentioning any of the actors, most prominent mentions first.

        Each actor's mentions are read in that order from its index, up to `limit`.
        """
        where, params = filters.sql("m.day")
        found: list[Mention] = []
        for actor_id in dict.fromkeys(actor_ids):
            found += self._mentions(
                f"m.chat_id = ? AND m.actor_id = ?{where}",
                (chat_id, actor_id, *params, limit),
                " ORDER BY m.rank > 0, m.count DESC, m.article_id DESC LIMIT ?",
                join=bool(filters.sources),
            )
        found.sort(key=lambda m: (m.rank > 0, -m.count, -m.article_id))
        return found[:limit]

    def mentions_in(
        self, chat_id: int, article_ids: Sequence[int], actor_ids: Sequence[int]
    ) -> list[Mention]:
        """How the given articles mention the given actors."""
        if not article_ids or not actor_ids:
            return []
        articles = ", ".join("?" for _ in article_ids)
        actors = ", ".join("?" for _ in actor_ids)
        return self._mentions(
            f"+m.chat_id = ? AND m.article_id IN ({articles}) AND m.actor_id IN ({actors})",
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
        """Quotes by the actors, else from the articles, else all within the filters; newest
        article first. Each actor's quotes are read newest first from its index."""
        if actor_ids:
            found: list[QuoteRow] = []
            for actor_id in dict.fromkeys(actor_ids):
                found += self._quotes("q.actor_id = ?", (actor_id,), chat_id, filters, limit)
            found.sort(key=lambda q: q.id)
            found.sort(key=lambda q: q.day, reverse=True)
            return found[:limit]
        if article_ids:
            scope = f"q.article_id IN ({', '.join('?' for _ in article_ids)})"
            return self._quotes(scope, tuple(article_ids), chat_id, filters, limit, "+")
        return self._quotes("1", (), chat_id, filters, limit)

    def _quotes(
        self,
        scope: str,
        params: tuple[Any, ...],
        chat_id: int,
        filters: Filters,
        limit: int,
        chat: str = "",
    ) -> list[QuoteRow]:
        """Quotes of the chat within a scope and the filters (`chat` "+" keeps SQLite from
        reading the chat's quotes in order when the scope has an index of its own)."""
        where, more = filters.sql("q.day")
        rows = self.database.query(
            "SELECT q.id, q.actor_id, q.speaker, q.text, q.sentence, q.direct, a.id, a.title,"
            " a.source, a.url, a.published_at, q.day"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE {chat}q.chat_id = ? AND {scope} AND a.status = 'ready'{where}"
            " ORDER BY q.day DESC, q.id LIMIT ?",
            (chat_id, *params, *more, limit),
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

        The date filter applies to the event's own date when it has one. Each actor's events
        are read from the index of event actors by day, newest first, up to `limit`.
        """
        if not actor_ids:
            if article_ids:
                scope = f"e.article_id IN ({', '.join('?' for _ in article_ids)})"
                return self._events("events e", scope, (chat_id, *article_ids), filters, limit)
            return self._events("events e", "e.chat_id = ?", (chat_id, chat_id), filters, limit)
        found: dict[int, EventRow] = {}
        for actor_id in dict.fromkeys(actor_ids):
            rows = self._events(
                "event_actors x JOIN events e ON e.id = x.event_id",
                "x.chat_id = ? AND x.actor_id = ?",
                (chat_id, chat_id, actor_id),
                filters,
                limit,
                by="x",
            )
            for row in rows:
                found.setdefault(row.id, row)
        newest = sorted(found.values(), key=lambda r: (r.day, r.id), reverse=True)
        return newest[:limit]

    def _events(
        self,
        source: str,
        scope: str,
        params: tuple[Any, ...],
        filters: Filters,
        limit: int,
        by: str = "e",
    ) -> list[EventRow]:
        """Events `e` of `source` within the scope and filters, newest first by the day of
        the table `by` (`e` or the event actors `x`, whose index holds the order); `params`
        start with the chat id and go on with the scope's."""
        where, more = filters.sql(f"{by}.day")
        event_id = "e.id" if by == "e" else f"{by}.event_id"
        rows = self.database.query(
            "SELECT e.id, e.subject_id, e.subject, e.action, e.objects, e.object_ids, e.date,"
            " e.sentence, a.id, a.title, a.source, a.url, a.published_at, e.day"
            f" FROM {source} JOIN articles a ON a.id = e.article_id"
            f" WHERE a.chat_id = ? AND a.status = 'ready' AND {scope}{where}"
            f" ORDER BY {by}.day DESC, {event_id} DESC LIMIT ?",
            (*params, *more, limit),
        )
        return [
            EventRow(r[0], r[1], r[2], r[3], _json_tuple(r[4]), _json_tuple(r[5]), *r[6:])
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
