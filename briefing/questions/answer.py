"""Answers to questions: the best articles with the sentence that answers, the quotes asked
for with their speaker, dated events; a one-line header for an actor asked on its own; and,
when nothing is found, the nearest actor names and spellings to offer instead.

Matched words are wrapped in `MATCH_START`/`MATCH_END` so that a formatter can bold them.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from typing import Any

from briefing.analysis.actors import normalise_name
from briefing.questions.ranking import Group, Plan, Ranked, Searcher
from briefing.questions.understanding import (
    STOPWORDS,
    Intent,
    allowed_edits,
    distance,
    nearest_terms,
)
from briefing.sentences import sentence_spans
from storage import StoredArticle
from storage.archive import MATCH_END, MATCH_START
from storage.search import EventRow, QuoteRow

PAGE_SIZE = 5
MAX_PAGES = 10
SNIPPET_CHARS = 320
SENTENCE_WINDOW = 500  # characters around the densest matches split into sentences
SOURCE_ARTICLES = 30  # articles whose quotes or events are read when no actor is named
_MARKED = re.compile(f"{MATCH_START}(.*?){MATCH_END}", re.S)
_MARKED_PIECE = re.compile(f"({MATCH_START}.*?{MATCH_END})", re.S)
_SPACES = re.compile(r"(\s+)")
_BETWEEN_WORDS = f"{MATCH_END}\\1{MATCH_START}"


@dataclass(frozen=True)
class ArticleItem:
    """An article in an answer, with the sentence that best answers (matches marked)."""

    article: StoredArticle
    score: float
    sentence: str
    other_sources: tuple[str, ...] = ()
    matched_actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuoteItem:
    """A quote in an answer (matched words marked in `text`)."""

    quote: QuoteRow
    text: str
    score: float


@dataclass(frozen=True)
class EventItem:
    """A dated event in an answer (matched words marked in `sentence`)."""

    event: EventRow
    sentence: str
    score: float


@dataclass(frozen=True)
class ActorHeader:
    """One line about an actor asked on its own."""

    name: str
    type: str
    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None


@dataclass(frozen=True)
class Suggestion:
    """Something to ask instead: an actor of the chat, or a word of its archive."""

    label: str
    actor_id: int | None = None


@dataclass(frozen=True)
class Answer:
    """One page of the answer to a question."""

    plan: Plan
    kind: Intent  # what is shown: the question's intent, or articles when none were found
    page: int = 0
    pages: int = 0  # pages known to exist: this one, and the next when there is one
    per_page: int = PAGE_SIZE
    articles: tuple[ArticleItem, ...] = ()
    quotes: tuple[QuoteItem, ...] = ()
    events: tuple[EventItem, ...] = ()
    header: ActorHeader | None = None
    note: str = ""  # why the answer is not of the kind asked for
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def found(self) -> bool:
        """Whether anything was found."""
        return bool(self.articles or self.quotes or self.events)

    @property
    def searched(self) -> str:
        """The words searched for, as the answer names them."""
        corrected = {c.typed: c.searched for c in self.plan.corrections}
        words = []
        for group in self.plan.groups:
            if group.is_actor:
                words.append(corrected.get(group.typed, group.typed).casefold())
            else:
                words.append(group.label)
        return " ".join(words)


# --- marking words in text -----------------------------------------------------------------


_ENDINGS = ("ing", "ies", "ied", "ed", "es", "ers", "er", "s", "ly", "e", "y")
_SUFFIX = r"(?:s|es|ed|d|ing|er|ers|ly|ies|ied|y|e|al|ion|ions|ment|ments|ity)?"


def _light_stem(word: str) -> str:
    """A word without its inflection ("arming" -> "arm", "prices" -> "pric")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _pattern(group: Group) -> str:
    """A regex for a group: any inflection of a word, or any of an actor's names."""
    parts: list[str] = []
    if group.is_actor:
        for form in sorted(group.forms, key=len, reverse=True):
            phrase = r"\s+".join(re.escape(w) for w in form.split())
            if not phrase:
                continue
            short_caps = len(form) <= 3 and form.isupper()
            parts.append(phrase if short_caps else f"(?i:{phrase})")
    else:
        for form in group.forms:
            word = form.casefold()
            stem = _light_stem(word)
            parts.append(f"(?i:{re.escape(word)}|{re.escape(stem)}{_SUFFIX})")
    return "|".join(parts) or "(?!)"


class Marker:
    """Finds and marks the words of a question's groups in plain text."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = tuple(groups)
        every = "|".join(f"(?:{_pattern(g)})" for g in groups) or "(?!)"
        self.any = re.compile(rf"(?<!\w)(?:{every})(?!\w)")
        # Plain lower-case strings that start or make up each group's words, for `locate`.
        self.needles = [_needles(g) for g in groups]

    def locate(self, text: str, most: int = 60) -> list[tuple[int, int]]:
        """Rough (position, group) of the groups' words: a fast search, not exact matching."""
        lowered = text.lower()
        if len(lowered) != len(text):
            return [(m.start(), i) for i, p in enumerate(self.patterns) for m in p.finditer(text)]
        found: list[tuple[int, int]] = []
        for group, needles in enumerate(self.needles):
            for needle in needles:
                at = lowered.find(needle)
                while at != -1 and len(found) < most:
                    found.append((at, group))
                    at = lowered.find(needle, at + len(needle))
        return sorted(found)

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        """One pattern per group (compiled when first needed: only quotes and events are)."""
        return [re.compile(rf"(?<!\w)(?:{_pattern(g)})(?!\w)") for g in self.groups]

    def counts(self, text: str) -> list[int]:
        """Occurrences of each group in the text."""
        return [len(p.findall(text)) for p in self.patterns]

    def mark(self, text: str) -> str:
        """The text with every occurrence of any group marked, word by word (text already
        marked is left as it is)."""
        if not self.groups:
            return text
        pieces = _MARKED_PIECE.split(text)
        for i in range(0, len(pieces), 2):
            pieces[i] = self.any.sub(lambda m: f"{MATCH_START}{m.group()}{MATCH_END}", pieces[i])
        return _per_word("".join(pieces))


def _balance(piece: str) -> str:
    """Re-open a mark cut at the start and close one cut at the end."""
    first_end, first_start = piece.find(MATCH_END), piece.find(MATCH_START)
    if first_end != -1 and (first_start == -1 or first_end < first_start):
        piece = MATCH_START + piece
    if piece.count(MATCH_START) > piece.count(MATCH_END):
        piece += MATCH_END
    return piece


def _cut(text: str, limit: int = SNIPPET_CHARS) -> str:
    """A marked sentence on one line, shortened around its first match."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    first = text.find(MATCH_START)
    start = max(0, min(first - limit // 3, len(text) - limit)) if first > 0 else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + limit)
    space = text.rfind(" ", start, end)
    if end < len(text) and space > start:
        end = space
    piece = _balance(text[start:end].strip())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def _per_word(text: str) -> str:
    """Marks around each word of a marked phrase, so "Mirela Dunn" shows as two bold words."""
    return _MARKED.sub(
        lambda m: MATCH_START + _SPACES.sub(_BETWEEN_WORDS, m.group(1)) + MATCH_END, text
    )


def _needles(group: Group) -> list[str]:
    if group.is_actor:
        words = [max(form.split(), key=len, default="") for form in group.forms]
    else:
        words = [_light_stem(form.casefold()) for form in group.forms]
    return sorted({w.lower() for w in words if len(w) >= 3})


def _densest(found: list[tuple[int, int]], reach: int) -> int:
    """The position with the most different groups found within `reach` of it."""
    best, at = -1, found[0][0]
    for position, _ in found:
        near = {group for p, group in found if abs(p - position) <= reach}
        if len(near) > best:
            best, at = len(near), position
    return at


def best_sentence(text: str, marker: Marker, window: int = SENTENCE_WINDOW) -> str:
    """The sentence with the most distinct matched words (the earliest on a tie), marked and
    shortened.

    Only the stretch of a long text around its densest matches is marked and split into
    sentences; the stretch grows when the sentence found runs into its edge.
    """
    start, end = 0, len(text)
    if len(text) > window:
        found = marker.locate(text)
        centre = _densest(found, window // 4) if found else 0
        start = max(0, min(centre - window // 2, len(text) - window))
        end = start + window
    piece = marker.mark(text[start:end])
    best: tuple[int, int, int] | None = None
    chosen = (0, 0)
    spans = sentence_spans(piece)
    for index, (first, last) in enumerate(spans):
        found_words = _MARKED.findall(piece[first:last])
        key = (len({f.casefold() for f in found_words}), len(found_words), -index)
        if best is None or key > best:
            best, chosen = key, (first, last)
    cut_off = (start > 0 and chosen[0] == 0) or (end < len(text) and chosen[1] >= len(piece) - 1)
    if cut_off and window < len(text):
        return best_sentence(text, marker, window * 2)
    return _cut(piece[chosen[0] : chosen[1]])


# --- answering -----------------------------------------------------------------------------


def ask(
    searcher: Searcher,
    chat_id: int,
    text: str,
    now: datetime,
    page: int = 0,
    limit: int = PAGE_SIZE,
    intent: Intent | None = None,
) -> Answer:
    """Answer a question in the chat's archive; `page` counts from 0, `limit` per page."""
    plan = searcher.understand(chat_id, text, now)
    kind: Intent = intent or plan.question.intent
    limit = max(1, min(limit, 50))
    page = max(0, min(page, MAX_PAGES - 1))
    if not plan.groups and not plan.has_filters:
        suggestions = _suggest(searcher, chat_id, plan) if plan.unmatched else ()
        return Answer(plan, "articles", suggestions=suggestions)
    # One story more than this page needs tells whether a next page exists.
    ranked = searcher.rank(chat_id, plan.groups, plan.filters, (page + 1) * limit + 1)
    pages = min(page + 2 if len(ranked) > (page + 1) * limit else page + 1, MAX_PAGES)
    articles = _article_items(searcher, chat_id, plan, ranked[page * limit : (page + 1) * limit])
    note = ""
    if kind in ("quotes", "events"):
        items: Sequence[QuoteItem | EventItem]
        items = (
            _quotes(searcher, chat_id, plan)
            if kind == "quotes"
            else _events(searcher, chat_id, plan)
        )
        if items:
            shown = _marked(items[page * limit : (page + 1) * limit], plan)
            return Answer(
                plan,
                kind,
                page,
                min(MAX_PAGES, -(-len(items) // limit)),
                limit,
                articles=articles,
                quotes=tuple(i for i in shown if isinstance(i, QuoteItem)),
                events=tuple(i for i in shown if isinstance(i, EventItem)),
            )
        note = f"No {kind} found"
    header = _header(searcher, chat_id, plan) if page == 0 and kind == "articles" else None
    # Words the archive knows found nothing only because of the dates or sources asked for.
    suggestions = () if ranked or not plan.unmatched else _suggest(searcher, chat_id, plan)
    return Answer(
        plan,
        "articles",
        page,
        pages,
        limit,
        articles=articles,
        header=header,
        note=note,
        suggestions=suggestions,
    )


def _article_items(
    searcher: Searcher, chat_id: int, plan: Plan, ranked: Sequence[Ranked]
) -> tuple[ArticleItem, ...]:
    wanted = sorted({i for r in ranked for i in (r.article_id, *r.retold_by)})
    articles = searcher.store.articles(chat_id, wanted)
    # The articles matched in the index; their words are found again here, inflected or not.
    marker = Marker(plan.groups)
    names = {i: g.label for g in plan.actors for i in g.actor_ids}
    items: list[ArticleItem] = []
    for r in ranked:
        article = articles.get(r.article_id)
        if article is None:
            continue
        others = tuple(
            dict.fromkeys(
                articles[i].source
                for i in r.retold_by
                if i in articles and articles[i].source and articles[i].source != article.source
            )
        )
        actors = tuple(dict.fromkeys(names[m.actor_id] for m in r.mentions if m.actor_id in names))
        sentence = best_sentence(article.body, marker)
        items.append(ArticleItem(article, r.score, sentence, others, actors))
    return tuple(items)


_INVERTED = {code: 0x10FFFF - code for code in range(128)}


def _newest_first(day: str | None) -> str:
    """A key sorting ISO dates newest first (and, as before, a missing date before any)."""
    return (day or "").translate(_INVERTED)


def _marked(
    items: Sequence[QuoteItem | EventItem], plan: Plan
) -> tuple[QuoteItem | EventItem, ...]:
    """The items shown, with the asked words marked (only these few are marked: scoring
    needs none of it)."""
    topic, every = Marker(plan.topic), Marker(plan.groups)
    return tuple(
        replace(item, text=_cut(topic.mark(item.quote.text), 500))
        if isinstance(item, QuoteItem)
        else replace(item, sentence=_cut(every.mark(item.event.sentence), 500))
        for item in items
    )


def _quotes(searcher: Searcher, chat_id: int, plan: Plan) -> list[QuoteItem]:
    """Quotes of the speakers (or from the best articles), those about the topic first."""
    store, filters, topic = searcher.store, plan.filters, plan.topic
    speakers = [i for g in plan.speakers for i in g.actor_ids]
    if speakers:
        rows = store.quotes(chat_id, filters, actor_ids=speakers)
    elif topic:
        ranked = searcher.rank(chat_id, topic, filters, SOURCE_ARTICLES)
        rows = store.quotes(chat_id, filters, article_ids=[r.article_id for r in ranked])
    else:
        rows = store.quotes(chat_id, filters)
    marker = Marker(topic)
    items: list[QuoteItem] = []
    for quote in rows:
        in_text = marker.counts(quote.text)
        in_sentence = marker.counts(quote.sentence)
        pairs = zip(in_text, in_sentence, strict=True)
        covered = sum(1.0 if t else 0.5 if s else 0.0 for t, s in pairs)
        if topic and covered == 0:
            continue
        score = covered + 0.1 * min(sum(in_text), 5) + (0.3 if quote.direct else 0.0)
        items.append(QuoteItem(quote, quote.text, score))  # marked when shown
    items.sort(key=lambda i: (-i.score, _newest_first(i.quote.published_at), i.quote.id))
    return items


def _events(searcher: Searcher, chat_id: int, plan: Plan) -> list[EventItem]:
    """Events of the asked actors (or from the best articles), those matching best first."""
    store, filters = searcher.store, plan.filters
    actor_groups = plan.actors
    word_groups = [g for g in plan.groups if not g.is_actor]
    actor_ids = [i for g in actor_groups for i in g.actor_ids]
    if actor_ids:
        rows = store.events(chat_id, filters, actor_ids=actor_ids)
    elif word_groups:
        ranked = searcher.rank(chat_id, word_groups, filters, SOURCE_ARTICLES)
        rows = store.events(chat_id, filters, article_ids=[r.article_id for r in ranked])
    else:
        rows = store.events(chat_id, filters)
    words = Marker(word_groups)
    scored: list[tuple[float, int, EventRow]] = []
    for event in rows:
        involved = {event.subject_id, *event.object_ids}
        actors = sum(1 for g in actor_groups if involved.intersection(g.actor_ids))
        matched = sum(
            1
            for a, b in zip(words.counts(event.sentence), words.counts(event.action), strict=True)
            if a or b
        )
        subject = any(event.subject_id in g.actor_ids for g in actor_groups)
        scored.append((actors + matched + (0.3 if subject else 0.0), matched, event))
    if word_groups and any(matched for _, matched, _ in scored):
        scored = [item for item in scored if item[1]]
    items = [EventItem(e, e.sentence, score) for score, _, e in scored]  # marked when shown
    items.sort(key=lambda i: (-i.score, _newest_first(i.event.date), -i.event.id))
    return items


def _header(searcher: Searcher, chat_id: int, plan: Plan) -> ActorHeader | None:
    """The one-line header for a question that is just an actor's name."""
    if len(plan.groups) != 1 or not plan.groups[0].is_actor:
        return None
    actor_id = plan.groups[0].actor_ids[0]
    names = searcher.names(chat_id)
    if actor_id not in names.actors:
        return None
    actor = names.actors[actor_id]  # its counts are kept there, up to date
    first, last = searcher.actors.seen(chat_id, actor_id)
    return ActorHeader(actor.name, actor.type, actor.articles, actor.mentions, first, last)


def _suggest(searcher: Searcher, chat_id: int, plan: Plan) -> tuple[Suggestion, ...]:
    """The chat's actor names and archive words nearest to the words that matched nothing."""
    names = searcher.names(chat_id)
    found: list[Suggestion] = []
    for word in plan.unmatched:
        for actor_id in names.nearest(word):
            if all(s.actor_id != actor_id for s in found):
                found.append(Suggestion(names.actors[actor_id].name, actor_id))
    found = found[:3]
    terms, counts = searcher.vocabulary()
    spellings: list[str] = []
    for word in plan.unmatched:
        key = normalise_name(word).replace(" ", "")
        for term in nearest_terms(key, terms, counts, limit=5, extra=1):
            written = searcher.store.surface_words(chat_id, term)
            near = min(written, key=lambda w: distance(key, w), default="")
            close = bool(near) and distance(key, near) <= allowed_edits(key) + 1
            if close and near not in spellings and near not in STOPWORDS:
                spellings.append(near)
    found.extend(Suggestion(word) for word in spellings[:3])
    return tuple(found)


# --- JSON for the command line -------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace(MATCH_START, "").replace(MATCH_END, "")


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as the command line prints it with --json: `matched_actors` at the top are
    the actors recognised in the question, in a result those of them the article mentions."""
    plan = answer.plan
    out: dict[str, Any] = {
        "query": plan.question.text,
        "intent": plan.question.intent,
        "results": [
            {
                "id": item.article.id,
                "title": item.article.title,
                "source": item.article.source,
                "url": item.article.url,
                "published_at": item.article.published_at,
                "snippet": _plain(item.sentence),
                "score": round(item.score, 4),
                "matched_actors": list(item.matched_actors),
            }
            for item in answer.articles
        ],
        "matched_actors": [g.label for g in plan.actors],
    }
    if plan.question.intent == "quotes":
        out["quotes"] = [
            {
                "speaker": q.quote.speaker,
                "text": q.quote.text,
                "date": q.quote.published_at,
                "source": q.quote.source,
                "title": q.quote.title,
                "url": q.quote.url,
                "article_id": q.quote.article_id,
            }
            for q in answer.quotes
        ]
    if plan.question.intent == "events":
        out["events"] = [
            {
                "date": e.event.date,
                "subject": e.event.subject,
                "action": e.event.action,
                "objects": list(e.event.objects),
                "sentence": e.event.sentence,
                "source": e.event.source,
                "title": e.event.title,
                "url": e.event.url,
                "article_id": e.event.article_id,
            }
            for e in answer.events
        ]
    if plan.corrected_query is not None:
        out["corrected_query"] = plan.corrected_query
    if plan.has_filters:
        out["filters"] = {
            "since": plan.filters.since,
            "until": plan.filters.until,
            "sources": list(plan.filters.sources),
        }
    if answer.suggestions:
        out["suggestions"] = [s.label for s in answer.suggestions]
    return out
