"""Ranking a chat's archive for a question: the question becomes a plan (actors, words,
dates, sources; `briefing.questions.planning`) and the plan a ranked list of stories.

Ranking: articles matching every part of the question come before those matching some
(bm25, title weighted); within each, text relevance and how prominently the articles mention
the asked actors (subject or speaker more than a passing mention) add up; recency breaks ties;
a story told by several outlets appears once. Every FTS5 term is quoted, so no user text is
ever read as an operator.
"""

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from briefing.questions.actor_names import ActorNames
from briefing.questions.planning import plan_question
from briefing.questions.plans import Correction, Group, Plan
from storage import Archive, Filters, Mention, NameMark
from storage.actors import ActorStore
from storage.search import SearchStore

__all__ = ["Correction", "Group", "Plan", "Ranked", "Searcher"]

CANDIDATES = 50  # articles read per candidate query
COVERAGE_WEIGHT = 1.0  # the share of the question's parts an article has
ACTOR_WEIGHT = 0.5
TEXT_WEIGHT = 0.5


@dataclass(frozen=True)
class Ranked:
    """A candidate story head: its article, score and how it mentions the asked actors."""

    article_id: int
    story: int
    day: str
    score: float
    mentions: tuple[Mention, ...] = ()
    retold_by: tuple[int, ...] = ()  # other articles of the same story among the candidates


@dataclass
class _Names:
    """A chat's actor names, with how far they have read the archive."""

    seen: object  # the store's version when last checked
    mark: NameMark
    names: ActorNames


class Searcher:
    """Questions over the archive, with the chat's actor names and the vocabulary cached.

    The caches follow the archive: new aliases and articles are added as they come, and they
    are rebuilt only when aliases were merged or split or articles deleted (see
    `storage.search_schema`). Writes elsewhere (inbox, saved questions) leave them as they are.
    """

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.store = SearchStore(archive.database)
        self.actors = ActorStore(archive.database)
        self._names: dict[int, _Names] = {}
        self._lock = threading.Lock()

    # --- cached indexes ---------------------------------------------------------------------

    def names(self, chat_id: int) -> ActorNames:
        """The chat's actor names, brought up to date with the archive."""
        seen = self.store.version()
        cached = self._names.get(chat_id)
        if cached is not None and cached.seen == seen:
            return cached.names
        with self._lock:  # one update at a time: each change is applied once
            cached = self._names.get(chat_id)
            changes = self.store.name_changes(chat_id, cached.mark if cached else None)
            if changes is None:
                assert cached is not None
                cached.seen = seen
                return cached.names
            if changes.full or cached is None:
                names = ActorNames(changes.rows)
            else:
                names = cached.names
                names.add(changes.rows)
                names.count(changes.added)
            self._names[chat_id] = _Names(seen, changes.mark, names)
            return names

    def vocabulary(self) -> tuple[list[str], list[int]]:
        """Indexed terms and their article counts (all chats: confirm before use)."""
        terms = self.store.terms()
        return terms.terms, terms.counts

    # --- understanding ----------------------------------------------------------------------

    def understand(self, chat_id: int, text: str, now: datetime) -> Plan:
        """Parse a question (dates relative to `now`) and resolve it in the chat's archive."""
        return plan_question(self.store, self.names(chat_id), self.vocabulary, chat_id, text, now)

    # --- ranking ----------------------------------------------------------------------------

    def rank(
        self, chat_id: int, groups: Sequence[Group], filters: Filters, want: int
    ) -> list[Ranked]:
        """Story heads for the groups, best first (at most `want`)."""
        if not groups:
            return self._recent(chat_id, filters, want)
        text = self._text_scores(chat_id, groups, filters, want)
        actor_ids = sorted({i for g in groups for i in g.actor_ids})
        by_actor = self.store.actor_articles(chat_id, actor_ids, filters, CANDIDATES)
        seen_mentions = {m.article_id for m in by_actor}
        extra = sorted(set(text) - seen_mentions)
        mentions: dict[int, list[Mention]] = {}
        for m in [*by_actor, *self.store.mentions_in(chat_id, extra, actor_ids)]:
            mentions.setdefault(m.article_id, []).append(m)
        days = {m.article_id: m.day for m in by_actor}
        days.update({i: day for i, (_, day, _) in text.items()})
        covered = self._coverage(chat_id, groups, text, mentions, list(days))
        actor_groups = [g for g in groups if g.is_actor]
        ranked = [
            Ranked(
                article_id,
                article_id,
                day,
                COVERAGE_WEIGHT * covered[article_id]
                + TEXT_WEIGHT * (text[article_id][0] if article_id in text else 0.0)
                + ACTOR_WEIGHT * _prominence(mentions.get(article_id, []), actor_groups),
                tuple(mentions.get(article_id, [])),
            )
            for article_id, day in days.items()
        ]
        ranked.sort(key=lambda r: (r.day, r.article_id), reverse=True)  # recency breaks ties
        ranked.sort(key=lambda r: -round(r.score, 6))
        return self._fold(chat_id, ranked, want)

    def _text_scores(
        self, chat_id: int, groups: Sequence[Group], filters: Filters, want: int
    ) -> dict[int, tuple[float, str, bool]]:
        """Articles the words find: (bm25 against the best, day, whether all groups matched).

        Articles with every part come first; when fewer than `want` have them, those with
        any part (bm25 over all of them OR-ed) are read too, so a long question still finds
        the article that answers most of it."""
        text_groups = [g for g in groups if g.match]
        if not text_groups:
            return {}
        # Without actors or several parts the order is bm25's: only the best few are needed.
        several = len(text_groups) > 1 or any(g.is_actor for g in groups)
        read = CANDIDATES if several else want * 2
        every = " AND ".join(f"({g.match})" for g in text_groups)
        found: dict[int, tuple[float, str, bool]] = {}
        all_hits = self.store.text_hits(chat_id, every, filters, read)
        best = max((h.score for h in all_hits), default=1.0) or 1.0
        for h in all_hits:
            found[h.article_id] = (h.score / best, h.day, True)
        if len(text_groups) > 1 and len(all_hits) < want:
            some = " OR ".join(f"({g.match})" for g in text_groups)
            some_hits = self.store.text_hits(chat_id, some, filters, read)
            best = max((h.score for h in some_hits), default=1.0) or 1.0
            for h in some_hits:
                found.setdefault(h.article_id, (h.score / best, h.day, False))
        return found

    def _coverage(
        self,
        chat_id: int,
        groups: Sequence[Group],
        text: dict[int, tuple[float, str, bool]],
        mentions: dict[int, list[Mention]],
        candidates: list[int],
    ) -> dict[int, float]:
        """0-1 for each candidate: the share of the question's parts it has (its words, or an
        asked actor among its mentions). Candidates that lack some part are checked part by
        part, so one that answers four parts of five ranks above one that answers two."""
        partial = [i for i in candidates if not (i in text and text[i][2])]
        has_words = [
            self.store.matching_ids(chat_id, g.match, partial) if g.match and partial else set()
            for g in groups
        ]
        has: dict[int, int] = {}
        for i in candidates:
            whole = i in text and text[i][2]
            has[i] = sum(
                (bool(g.match) and (whole or i in words))
                or any(m.actor_id in g.actor_ids for m in mentions.get(i, ()))
                for g, words in zip(groups, has_words, strict=True)
            )
        return {i: n / len(groups) for i, n in has.items()}

    def _fold(self, chat_id: int, ranked: list[Ranked], want: int) -> list[Ranked]:
        """The first `want` stories: ready articles only, each story once, best outlet first."""
        heads: list[Ranked] = []
        start = 0
        while len(heads) < want and start < len(ranked):
            batch = ranked[: start + want * 3]
            stories = self.store.stories(chat_id, [r.article_id for r in batch])
            kept = [
                Ranked(r.article_id, stories[r.article_id], r.day, r.score, r.mentions)
                for r in batch
                if r.article_id in stories
            ]
            heads = _one_per_story(kept)
            start += want * 3
        return heads[:want]

    def _recent(self, chat_id: int, filters: Filters, want: int) -> list[Ranked]:
        rows = self.store.recent(chat_id, filters, want * 3)
        return _one_per_story([Ranked(i, story or i, day, 0.0) for i, story, day in rows])[:want]


def _mention_value(m: Mention) -> float:
    """0-1: how prominent one mention is (count, rank, speaking or acting)."""
    value = 0.35 + 0.05 * min(m.count, 5)
    value += 0.2 if m.rank == 0 else 0.1 if m.rank <= 2 else 0.0
    value += 0.2 if m.speaks or m.acts else 0.0
    return min(value, 1.0)


def _prominence(found: Sequence[Mention], groups: Sequence[Group]) -> float:
    """0-1: how much the article is about the asked actors (averaged over them)."""
    if not groups or not found:
        return 0.0
    values = {m.actor_id: _mention_value(m) for m in found}
    total = sum(max((values.get(i, 0.0) for i in g.actor_ids), default=0.0) for g in groups)
    return total / len(groups)


def _one_per_story(ranked: list[Ranked]) -> list[Ranked]:
    """The best article of each story, with the other articles of the story it stands for."""
    heads: dict[int, Ranked] = {}
    others: dict[int, list[int]] = {}
    for r in ranked:
        if r.story in heads:
            others[r.story].append(r.article_id)
        else:
            heads[r.story] = r
            others[r.story] = []
    return [
        Ranked(r.article_id, r.story, r.day, r.score, r.mentions, tuple(others[r.story]))
        if others[r.story]
        else r
        for r in heads.values()
    ]
