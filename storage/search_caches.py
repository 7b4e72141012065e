"""What questions keep in memory, brought up to date from what changed since it was read: a
chat's actor names, the vocabulary of the full-text index and a chat's sources.

Rows past the highest rowid a cache has seen are read and added to it; the change marks of
`storage.schema.search` (a generation bumped by triggers) say when it must be read again in
full. Writes that touch none of it cost one `PRAGMA data_version` and a look at the marks.

The FTS5 index and its vocabulary span all chats, so a term taken from the vocabulary (a
spelling correction) is only used after `SearchStore.surface_words` found it in the asking
chat's own articles.
"""

import bisect
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from storage.database import Database
from storage.rows import AliasRow, NameChanges, NameMark
from storage.schema.articles import FTS_TOKENIZER

VOCABULARY_DELTA_MAX = 2000  # articles indexed since the last read: more, and all is reread
INSERTED_TERMS_MAX = 200  # new terms put in place one by one; more are merged and sorted


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


class SearchCaches:
    """The cached reads of questions (names, vocabulary, sources) on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._vocabulary: tuple[tuple[int, int], Vocabulary] | None = None
        self._vocabulary_seen: object = None
        self._sources: dict[int, tuple[object, tuple[int, int], dict[str, int]]] = {}
        self._lock = threading.Lock()

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

    def terms(self) -> Vocabulary:
        """The vocabulary of every chat: updated from the articles indexed since it was last
        read, and read in full only after text was replaced or deleted.

        Terms are porter stems; callers must confirm one in the asking chat (`surface_words`).
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
