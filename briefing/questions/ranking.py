"""Ranking a chat's archive for a question: the question becomes a plan (actors, words,
dates, sources) and the plan a ranked list of stories.

Ranking: articles matching every part of the question come before those matching some
(bm25, title weighted); within each, text relevance and how prominently the articles mention
the asked actors (subject or speaker more than a passing mention) add up; recency breaks ties;
a story told by several outlets appears once. Every FTS5 term is quoted, so no user text is
ever read as an operator.
"""

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from briefing.analysis.actors import normalise_name
from briefing.questions.understanding import (
    MAX_WORDS,
    STOPWORDS,
    ActorHit,
    ActorNames,
    Question,
    Word,
    allowed_edits,
    distance,
    match_any,
    nearest_terms,
    parse_question,
    quote_term,
)
from storage import Archive
from storage.actors import ActorStore
from storage.search import Filters, Mention, NameMark, SearchStore, TextHit

CANDIDATES = 50  # articles read per candidate query
MAX_FORMS = 12  # names of one actor searched
ACTOR_WEIGHT = 0.5
TEXT_WEIGHT = 0.5


@dataclass(frozen=True)
class Group:
    """One part of a question the answer should be about: a word, or an actor by any name."""

    label: str  # the word searched, or the actor's name
    match: str  # a safe FTS5 expression ("" when only the actor's mentions can find it)
    forms: tuple[str, ...]  # words or names to look for in sentences and quotes
    actor_ids: tuple[int, ...] = ()
    typed: str = ""

    @property
    def is_actor(self) -> bool:
        """True for an actor, False for a word."""
        return bool(self.actor_ids)


@dataclass(frozen=True)
class Correction:
    """A typed word that matched nothing, and what was searched instead."""

    typed: str
    searched: str


@dataclass(frozen=True)
class Plan:
    """What a question asks for, resolved against the chat's archive."""

    question: Question
    groups: tuple[Group, ...]  # everything searched for, in question order
    speakers: tuple[Group, ...] = ()  # quote questions: whose quotes (also in `groups`)
    filters: Filters = field(default_factory=Filters)
    corrections: tuple[Correction, ...] = ()
    unmatched: tuple[str, ...] = ()  # typed words found nowhere, with no near spelling
    source_names: tuple[str, ...] = ()

    @property
    def topic(self) -> tuple[Group, ...]:
        """The groups that are not the speaker."""
        return tuple(g for g in self.groups if g not in self.speakers)

    @property
    def actors(self) -> tuple[Group, ...]:
        """The actor groups."""
        return tuple(g for g in self.groups if g.is_actor)

    @property
    def corrected_query(self) -> str | None:
        """The question with corrected words replaced, or None when nothing was corrected."""
        if not self.corrections:
            return None
        text = self.question.text
        for correction in self.corrections:
            found = re.search(rf"(?<!\w){re.escape(correction.typed)}(?!\w)", text)
            if found:
                text = text[: found.start()] + correction.searched + text[found.end() :]
        return text

    @property
    def has_filters(self) -> bool:
        """Whether dates or sources narrow the archive."""
        return bool(self.filters.since or self.filters.until or self.filters.sources)


@dataclass(frozen=True)
class Ranked:
    """A candidate story head: its article, score and how it mentions the asked actors."""

    article_id: int
    story: int
    day: str
    score: float
    mentions: tuple[Mention, ...] = ()
    retold_by: tuple[int, ...] = ()  # other articles of the same story among the candidates


def _searchable(norm: str) -> bool:
    """Whether an actor's name can be searched as text ("IS" cannot: it is "is")."""
    return len(norm) > 1 and norm not in STOPWORDS


def _sources_named(typed: str, sources: Sequence[tuple[str, int]]) -> list[str]:
    """The chat's sources a typed name means ("reuters" -> "Reuters", "tass" -> "TASS")."""
    key = normalise_name(typed)
    if not key:
        return []
    exact = [name for name, _ in sources if normalise_name(name) == key]
    if exact:
        return exact
    return [name for name, _ in sources if f" {key} " in f" {normalise_name(name)} "]


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
        question = parse_question(text, now.date())
        words = list(question.words)
        used: set[int] = set()
        source_names = self._from_sources(chat_id, question, used)
        for typed in question.sources:
            found = _sources_named(typed, self.store.sources(chat_id))
            source_names.extend(found or [typed])
        counts: dict[str, int] = {}
        seen: dict[str, bool] = {}

        def count(term: str) -> int:
            if term not in counts:
                found = self.store.count_matching(chat_id, quote_term(term)) if term else 0
                counts[term] = found
            return counts[term]

        def known(term: str) -> bool:
            if term in counts:
                return counts[term] > 0
            if term not in seen:
                found = self.store.count_matching(chat_id, quote_term(term), 1) if term else 0
                seen[term] = found > 0
            return seen[term]

        kept = [i for i in range(len(words)) if i not in used]
        names = self.names(chat_id)
        hits = names.find([words[i] for i in kept], count, known)
        groups: list[tuple[int, Group]] = []
        corrections: list[Correction] = []
        speakers_at: list[tuple[int, Group]] = []
        for hit in hits:
            first = kept[hit.start]
            typed = " ".join(words[kept[i]].text for i in range(hit.start, hit.end))
            actor = self._actor_group(names, hit, typed)
            groups.append((first, actor))
            speakers_at.append((first, actor))
            used.update(kept[i] for i in range(hit.start, hit.end))
            if hit.edits or normalise_name(typed) != normalise_name(hit.form):
                corrections.append(Correction(typed, hit.form))
        unmatched: list[str] = []
        content = [i for i in range(len(words)) if i not in used and not words[i].stop]
        for i in content[:MAX_WORDS]:
            word, correction = self._word_group(chat_id, words[i], known)
            if word is None:
                unmatched.append(words[i].text)
                continue
            groups.append((i, word))
            if correction is not None:
                corrections.append(correction)
        groups.sort(key=lambda item: item[0])
        speakers = self._speakers(question, speakers_at)
        return Plan(
            question=question,
            groups=tuple(g for _, g in groups),
            speakers=speakers,
            filters=Filters(question.since, question.until, tuple(dict.fromkeys(source_names))),
            corrections=tuple(corrections),
            unmatched=tuple(unmatched),
            source_names=tuple(dict.fromkeys(source_names)),
        )

    def _from_sources(self, chat_id: int, question: Question, used: set[int]) -> list[str]:
        """Sources named after "from" ("from Reuters", "from the Moscow Times")."""
        found: list[str] = []
        if not question.from_at:
            return found
        sources = self.store.sources(chat_id)
        words = question.words
        for at in question.from_at:
            start = at + (words[at].text.casefold() == "the" and at + 1 < len(words))
            for size in (3, 2, 1):
                span = range(start, min(start + size, len(words)))
                if len(span) < size:
                    continue
                named = _sources_named(" ".join(words[i].text for i in span), sources)
                if named:
                    found.extend(named)
                    used.update(range(at - 1, span.stop))
                    break
        return found

    def _actor_group(self, names: ActorNames, hit: ActorHit, typed: str) -> Group:
        forms: dict[str, str] = {}
        for actor_id in hit.actor_ids:
            for norm, alias in names.forms(actor_id).items():
                forms.setdefault(norm, alias)
        # The text searched is the name as asked (and the actors' own names); articles that
        # use only other names ("Tokyo" for Japan) come in through the actors' mentions.
        asked = [hit.form, *(names.actors[i].name for i in hit.actor_ids)]
        form = f" {normalise_name(hit.form)} "
        searchable = [
            a
            for a in dict.fromkeys(asked)
            if _searchable(normalise_name(a))
            and (a == hit.form or form not in f" {normalise_name(a)} ")  # "Lavrov" covers
        ]  # "Sergei Lavrov": every article naming the one names the other
        match = match_any(searchable[:MAX_FORMS])
        label = names.actors[hit.actor_ids[0]].name
        return Group(label, match, tuple(forms.values()), hit.actor_ids, typed)

    def _word_group(
        self, chat_id: int, word: Word, known: Callable[[str], bool]
    ) -> tuple[Group | None, Correction | None]:
        term = word.term
        if known(term):
            return Group(term, quote_term(term), (term,), typed=word.text), None
        key = normalise_name(term).replace(" ", "")
        terms, counts = self.vocabulary()
        allowed = allowed_edits(key)
        for candidate in nearest_terms(key, terms, counts):
            # The stem is near; one of the words the chat's articles write with it must be too.
            written = self.store.surface_words(chat_id, candidate)
            near = sorted((distance(key, w), i, w) for i, w in enumerate(written) if w != key)
            if near and near[0][0] <= allowed and known(near[0][2]):
                surface = near[0][2]
                group = Group(surface, quote_term(surface), (surface,), typed=word.text)
                return group, Correction(word.text, surface)
        return None, None

    @staticmethod
    def _speakers(question: Question, actors: list[tuple[int, Group]]) -> tuple[Group, ...]:
        """Whose quotes a quote question asks for: actors before the verb, else after it."""
        if question.intent != "quotes" or not actors:
            return ()
        verb = question.verb_at
        if verb is None:
            return (actors[0][1],)
        before = tuple(g for i, g in actors if i < verb)
        if before:
            return before
        end = question.topic_at if question.topic_at is not None else len(question.words)
        return tuple(g for i, g in actors if verb < i < end)

    # --- ranking ----------------------------------------------------------------------------

    def rank(
        self, chat_id: int, groups: Sequence[Group], filters: Filters, want: int
    ) -> list[Ranked]:
        """Story heads for the groups, best first (at most `want`)."""
        if not groups:
            return self._recent(chat_id, filters, want)
        text_groups = [g for g in groups if g.match]
        every = " AND ".join(f"({g.match})" for g in text_groups)
        some = " OR ".join(f"({g.match})" for g in text_groups)
        # Without actors the order is bm25's: only the best few are needed.
        read = CANDIDATES if any(g.is_actor for g in groups) else want * 2
        all_hits = self.store.text_hits(chat_id, every, filters, read) if every else []
        some_hits: list[TextHit] = []
        if len(text_groups) > 1 and len(all_hits) < want:
            some_hits = self.store.text_hits(chat_id, some, filters, read)
        actor_ids = sorted({i for g in groups for i in g.actor_ids})
        by_actor = self.store.actor_articles(chat_id, actor_ids, filters, CANDIDATES)
        seen_mentions = {m.article_id for m in by_actor}
        text_ids = {h.article_id for h in all_hits} | {h.article_id for h in some_hits}
        extra = sorted(text_ids - seen_mentions)
        mentions: dict[int, list[Mention]] = {}
        for m in [*by_actor, *self.store.mentions_in(chat_id, extra, actor_ids)]:
            mentions.setdefault(m.article_id, []).append(m)
        actor_groups = [g for g in groups if g.is_actor]
        word_groups = [g for g in groups if not g.is_actor]
        best_all = max((h.score for h in all_hits), default=1.0) or 1.0
        best_some = max((h.score for h in some_hits), default=1.0) or 1.0
        base: dict[int, tuple[float, str]] = {}
        for hits, best, tier in ((all_hits, best_all, 2.0), (some_hits, best_some, 1.0)):
            for h in hits:
                base.setdefault(h.article_id, (tier + TEXT_WEIGHT * h.score / best, h.day))
        for m in by_actor:
            if m.article_id not in base:
                covers = all(
                    any(x.actor_id in g.actor_ids for x in mentions[m.article_id])
                    for g in actor_groups
                )
                base[m.article_id] = (2.0 if covers and not word_groups else 1.0, m.day)
        ranked = [
            Ranked(
                article_id,
                article_id,
                day,
                score + ACTOR_WEIGHT * _prominence(mentions.get(article_id, []), actor_groups),
                tuple(mentions.get(article_id, [])),
            )
            for article_id, (score, day) in base.items()
        ]
        ranked.sort(key=lambda r: (r.day, r.article_id), reverse=True)  # recency breaks ties
        ranked.sort(key=lambda r: -round(r.score, 6))
        return self._fold(chat_id, ranked, want)

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
