"""Queries behind questions: ranked candidates, actor features, words, quotes and events.

Every read names its chat and goes through an index (tests/storage/test_query_plans.py). The
cached reads (names, vocabulary, sources) are `storage.search_caches`; the saved questions
behind answer buttons are `storage.questions`.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storage.filters import ARTICLE_DAY, Filters
from storage.questions import QuestionStore
from storage.rows import ARTICLE_COLUMNS, Mention, StoredArticle, StoredEvent, StoredQuote, TextHit
from storage.sayings import read_events, read_quotes
from storage.search_caches import SearchCaches

TEXT_CANDIDATES = 1000  # newest matches of a full-text search ranked by bm25 (5 µs each)
TITLE_WEIGHT = 5.0  # bm25 weight of a match in the title against one in the body
BODY_WEIGHT = 1.0
_WEIGHTS = f"{TITLE_WEIGHT}, {BODY_WEIGHT}"
_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class RoleHolder:
    """Who holds a role (its lookup key), where, and in how many articles; `beside` counts the
    articles giving the role without saying where that mention the asked actors."""

    norm: str
    actor_id: int
    held_in_id: int | None
    articles: int
    beside: int = 0


class SearchStore(SearchCaches, QuestionStore):
    """The search reads, their caches and the saved questions on the shared database."""

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

    # --- candidates -------------------------------------------------------------------------

    def recent(
        self, chat_id: int, filters: Filters, limit: int
    ) -> list[tuple[int, int | None, str]]:
        """(id, story, day) of the chat's latest ready articles within the filters."""
        where, params = filters.sql()
        rows = self.database.query(
            f"SELECT a.id, a.story_id, {ARTICLE_DAY} AS day FROM articles a"
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
            f"{ARTICLE_DAY} AS day, -bm25(articles_fts, {_WEIGHTS}) AS score"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ?{span} AND a.chat_id = ?{where}"
            " ORDER BY articles_fts.rowid DESC LIMIT ?) ORDER BY score DESC, id DESC LIMIT ?",
            (match, *span_params, chat_id, *params, TEXT_CANDIDATES, limit),
        )
        return [TextHit(r[0], r[1], float(r[2])) for r in rows]

    def matching_ids(self, chat_id: int, match: str, article_ids: Sequence[int]) -> set[int]:
        """The articles of the chat among the ids that a (safe) FTS5 expression matches."""
        if not article_ids:
            return set()
        marks = ", ".join("?" for _ in article_ids)
        rows = self.database.query(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            f" WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks}) AND a.chat_id = ?",
            (match, *article_ids, chat_id),
        )
        return {r[0] for r in rows}

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
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks}) AND +chat_id = ?",
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
    ) -> list[StoredQuote]:
        """Quotes by the actors (in the articles, when both are given), else from the articles,
        else all within the filters; newest article first. Each actor's quotes are read newest
        first from its index."""
        if actor_ids:
            within = f" AND q.article_id IN ({', '.join('?' for _ in article_ids)})"
            found: list[StoredQuote] = []
            for actor_id in dict.fromkeys(actor_ids):
                found += read_quotes(
                    self.database,
                    chat_id,
                    "q.actor_id = ?" + (within if article_ids else ""),
                    (actor_id, *article_ids),
                    filters,
                    limit=limit,
                )
            found.sort(key=lambda q: q.id)
            found.sort(key=lambda q: q.day, reverse=True)
            return found[:limit]
        if article_ids:
            scope = f"q.article_id IN ({', '.join('?' for _ in article_ids)})"
            return read_quotes(
                self.database, chat_id, scope, tuple(article_ids), filters, limit=limit, chat="+"
            )
        return read_quotes(self.database, chat_id, filters=filters, limit=limit)

    def events(
        self,
        chat_id: int,
        filters: Filters,
        actor_ids: Sequence[int] = (),
        article_ids: Sequence[int] = (),
        limit: int = 300,
    ) -> list[StoredEvent]:
        """Events with the actors as subject or object, else from the articles, else all;
        newest first.

        The date filter applies to the event's own date when it has one. Each actor's events
        are read from the index of event actors by day, newest first, up to `limit`.
        """
        if not actor_ids:
            if article_ids:
                scope = f"e.article_id IN ({', '.join('?' for _ in article_ids)})"
                return read_events(
                    self.database, chat_id, scope, tuple(article_ids), filters, limit=limit
                )
            return read_events(self.database, chat_id, filters=filters, limit=limit)
        found: dict[int, StoredEvent] = {}
        for actor_id in dict.fromkeys(actor_ids):
            scope, params = "x.chat_id = ? AND x.actor_id = ?", (chat_id, actor_id)
            rows = read_events(
                self.database, chat_id, scope, params, filters, limit=limit, by_actor=True
            )
            for row in rows:
                found.setdefault(row.id, row)
        newest = sorted(found.values(), key=lambda r: (r.day, r.id), reverse=True)
        return newest[:limit]

    # --- roles ------------------------------------------------------------------------------

    def role_holders(
        self, chat_id: int, norms: Sequence[str], held_in_ids: Sequence[int] = ()
    ) -> list[RoleHolder]:
        """The actors given any of the roles (lookup keys) in the chat's articles, with where
        each is held; for a role given without saying where, how many of those articles
        mention one of `held_in_ids` ("Foreign Minister Lavrov" in an article on Russia)."""
        if not norms:
            return []
        keys = ", ".join("?" for _ in norms)
        places = ", ".join("?" for _ in held_in_ids) or "NULL"
        rows = self.database.query(
            "SELECT r.norm, r.actor_id, r.held_in_id, COUNT(DISTINCT r.article_id),"
            " SUM(r.held_in_id IS NULL AND EXISTS (SELECT 1 FROM mentions m"
            f" WHERE m.article_id = r.article_id AND m.actor_id IN ({places})))"
            f" FROM actor_roles r WHERE r.chat_id = ? AND r.norm IN ({keys})"
            " GROUP BY r.norm, r.actor_id, r.held_in_id",
            (*held_in_ids, chat_id, *norms),
        )
        return [RoleHolder(r[0], r[1], r[2], int(r[3]), int(r[4] or 0)) for r in rows]
