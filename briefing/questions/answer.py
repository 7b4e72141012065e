"""Answers to questions: the best articles with the sentence that answers, the quotes asked
for with their speaker, dated events (`briefing.questions.sayings`, shared with the /quotes and
/timeline commands); a one-line header for an actor asked on its own; and, when nothing is
found, the nearest actor names and spellings to offer instead.

Matched words are wrapped in `MATCH_START`/`MATCH_END` (`briefing.questions.marking`) so that
a formatter can bold them.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from briefing.names import allowed_edits, distance, normalise_name
from briefing.questions.marking import Marker, best_sentence
from briefing.questions.plans import Correction, Plan
from briefing.questions.ranking import Ranked, Searcher
from briefing.questions.sayings import (
    EventItem,
    QuoteItem,
    events_of,
    marked,
    quotes_of,
)
from briefing.questions.understanding import STOPWORDS, Intent, nearest_terms
from briefing.questions.who import WhoItem, asks_who, who_answers
from storage import StoredArticle, StoredEvent, StoredQuote
from storage.archive import MATCH_END, MATCH_START

__all__ = [
    "ActorHeader",
    "Answer",
    "ArticleItem",
    "EventItem",
    "QuoteItem",
    "Suggestion",
    "WhoItem",
    "answer_json",
    "ask",
]

PAGE_SIZE = 5
MAX_PAGES = 10


@dataclass(frozen=True)
class ArticleItem:
    """An article in an answer, with the sentence that best answers (matches marked)."""

    article: StoredArticle
    score: float
    sentence: str
    other_sources: tuple[str, ...] = ()
    matched_actors: tuple[str, ...] = ()


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
    """Something to ask instead: an actor of the chat, or a word of its archive, near a typed
    word the archive lacks; `question` is the question asked with it in that word's place."""

    label: str
    actor_id: int | None = None
    question: str = ""


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
    who: tuple[WhoItem, ...] = ()  # "who …" questions: the actors that fit (first page)

    @property
    def found(self) -> bool:
        """Whether anything was found."""
        return bool(self.articles or self.quotes or self.events or self.who)

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
    # A word the archive lacks is said with what is near it, whatever the rest found.
    suggestions = _suggest(searcher, chat_id, plan) if plan.unmatched and page == 0 else ()
    note = ""
    who = who_answers(searcher, chat_id, plan, ranked) if page == 0 and asks_who(plan) else ()
    if kind in ("quotes", "events"):
        items = _sayings(searcher, chat_id, plan, kind)
        if items:
            shown = marked(items[page * limit : (page + 1) * limit], plan.topic, plan.groups)
            return Answer(
                plan,
                kind,
                page,
                min(MAX_PAGES, -(-len(items) // limit)),
                limit,
                articles=articles,
                quotes=tuple(i for i in shown if isinstance(i, QuoteItem)),
                events=tuple(i for i in shown if isinstance(i, EventItem)),
                suggestions=suggestions,
                who=who,
            )
        note = f"No {kind} found"
    header = _header(searcher, chat_id, plan) if page == 0 and kind == "articles" else None
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
        who=who,
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


def _sayings(
    searcher: Searcher, chat_id: int, plan: Plan, kind: Intent
) -> Sequence[QuoteItem | EventItem]:
    """The quotes or events a plan asks for, through the path the commands take too."""
    if kind == "quotes":
        return quotes_of(searcher, chat_id, plan.speakers, plan.topic, plan.filters)
    words = [g for g in plan.groups if not g.is_actor]
    return events_of(searcher, chat_id, plan.actors, words, plan.filters)


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
    """The chat's actor names and archive words nearest to the words that matched nothing,
    each with the question asked with it instead."""
    names = searcher.names(chat_id)
    found: list[Suggestion] = []
    for word in plan.unmatched:
        key = normalise_name(word).replace(" ", "")
        for actor_id in names.nearest(word):
            # One of its name words must be near the typed word, not merely alike in part
            # ("Partners" is no suggestion for "smartphones").
            alike = any(
                len(part) > 2 and distance(key, part) <= allowed_edits(key) + 1
                for norm in names.forms(actor_id)
                for part in norm.split()
            )
            if alike and all(s.actor_id != actor_id for s in found):
                name = names.actors[actor_id].name
                found.append(Suggestion(name, actor_id, _instead(plan, word, name)))
    found = found[:3]
    terms, counts = searcher.vocabulary()
    spellings: list[tuple[str, str]] = []
    for word in plan.unmatched:
        key = normalise_name(word).replace(" ", "")
        for term in nearest_terms(key, terms, counts, limit=5, extra=1):
            written = searcher.store.surface_words(chat_id, term)
            near = min(written, key=lambda w: distance(key, w), default="")
            close = bool(near) and distance(key, near) <= allowed_edits(key) + 1
            taken = {s.label.casefold() for s in found} | {s for _, s in spellings}
            if close and near not in STOPWORDS and near not in taken:  # "iraq" of actor Iraq
                spellings.append((word, near))
    found.extend(
        Suggestion(near, question=_instead(plan, word, near)) for word, near in spellings[:3]
    )
    return tuple(found)


def _instead(plan: Plan, typed: str, searched: str) -> str:
    """The question with one typed word replaced (and the corrections already made)."""
    return (
        replace(plan, corrections=(*plan.corrections, Correction(typed, searched))).corrected_query
        or ""
    )


# --- JSON for the command line -------------------------------------------------------------


def _plain(text: str) -> str:
    return text.replace(MATCH_START, "").replace(MATCH_END, "")


def _article_json(item: ArticleItem) -> dict[str, Any]:
    return {
        "id": item.article.id,
        "title": item.article.title,
        "source": item.article.source,
        "url": item.article.url,
        "published_at": item.article.published_at,
        "snippet": _plain(item.sentence),
        "score": round(item.score, 4),
        "matched_actors": list(item.matched_actors),
    }


def _provenance(saying: StoredQuote | StoredEvent) -> dict[str, Any]:
    """Where a quote or an event was found, as both close their JSON."""
    return {
        "source": saying.source,
        "title": saying.title,
        "url": saying.url,
        "article_id": saying.article_id,
    }


def _quote_json(item: QuoteItem) -> dict[str, Any]:
    quote = item.quote
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "date": quote.published_at,
        **_provenance(quote),
    }


def _event_json(item: EventItem) -> dict[str, Any]:
    event = item.event
    return {
        "date": event.date,
        "subject": event.subject,
        "action": event.action,
        "objects": list(event.objects),
        "sentence": event.sentence,
        **_provenance(event),
    }


def _who_json(item: WhoItem) -> dict[str, Any]:
    return {"actor": item.name, "sentence": _plain(item.sentence), **_provenance(item.saying)}


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as the command line prints it with --json: `matched_actors` at the top are
    the actors recognised in the question, in a result those of them the article mentions."""
    plan = answer.plan
    out: dict[str, Any] = {
        "query": plan.question.text,
        "intent": plan.question.intent,
        "results": [_article_json(item) for item in answer.articles],
        "matched_actors": [g.label for g in plan.actors],
    }
    if plan.question.intent == "quotes":
        out["quotes"] = [_quote_json(q) for q in answer.quotes]
    if plan.question.intent == "events":
        out["events"] = [_event_json(e) for e in answer.events]
    if plan.corrected_query is not None:
        out["corrected_query"] = plan.corrected_query
    if plan.has_filters:
        out["filters"] = {
            "since": plan.filters.since,
            "until": plan.filters.until,
            "sources": list(plan.filters.sources),
        }
    if answer.who:
        out["who"] = [_who_json(w) for w in answer.who]
    if answer.suggestions:
        out["suggestions"] = [s.label for s in answer.suggestions]
    return out
