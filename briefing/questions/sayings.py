"""Quotes and events of actors: the one path behind quote and event questions ("what did
Lavrov say about Syria last week", "what happened in Kyiv") and the `/quotes X about Y` and
`/timeline X` commands, so a command and a question match the same way.

`quotes_of` finds the quotes of speakers about a topic in a date range; `events_of` the events
of actors, those matching asked words first, each article's sentence once (two clauses of one
sentence are one item of an answer). The topic of a command ("about WORDS") is
understood as a question is: actors by any of their names, words inflected or corrected to a
near spelling, dates typed among the words as a range. A typed word found nowhere in the
archive is left out of a question (whose answer says so) and makes a command find nothing.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TypeVar

from briefing.questions.marking import Marker, cut
from briefing.questions.plans import Group
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import match_any
from storage import ActorRecord, Filters, StoredEvent, StoredQuote

SOURCE_ARTICLES = 30  # articles whose quotes or events are read when no actor is named
READ_LIMIT = 300  # quotes or events read per actor (newest first)
MARKED_CHARS = 500
FEW_QUOTES = 5  # fewer quotes naming the topic: the speaker's quotes in articles about it too
ABOUT_ARTICLES = 50  # articles ranked about the topic whose quotes of the speakers are read
ABOUT_SCORE = 0.45  # at most, for a quote only its article ties to the topic (below any
# quote whose sentence names it: 0.5)

Row = TypeVar("Row")


@dataclass(frozen=True)
class QuoteItem:
    """A quote in an answer (matched words marked in `text` once shown)."""

    quote: StoredQuote
    text: str
    score: float


@dataclass(frozen=True)
class EventItem:
    """A dated event in an answer (matched words marked in `sentence` once shown)."""

    event: StoredEvent
    sentence: str
    score: float


_INVERTED = {code: 0x10FFFF - code for code in range(128)}


def _newest_first(day: str | None) -> str:
    """A key sorting ISO dates newest first (and, as before, a missing date before any)."""
    return (day or "").translate(_INVERTED)


def _read(
    read: Callable[..., list[Row]],
    searcher: Searcher,
    chat_id: int,
    actors: Sequence[Group],
    words: Sequence[Group],
    filters: Filters,
    limit: int,
) -> list[Row]:
    """The rows quote and event questions start from (`read` is the store's `quotes` or
    `events`, which take the same arguments): the actors' newest `limit` each; with
    no actor, those of the articles best matching the words; with neither, the newest."""
    actor_ids = [i for g in actors for i in g.actor_ids]
    if actor_ids:
        return read(chat_id, filters, actor_ids=actor_ids, limit=limit)
    if words:
        ranked = searcher.rank(chat_id, words, filters, SOURCE_ARTICLES)
        return read(chat_id, filters, article_ids=[r.article_id for r in ranked])
    return read(chat_id, filters, limit=limit)


def quotes_of(
    searcher: Searcher,
    chat_id: int,
    speakers: Sequence[Group],
    topic: Sequence[Group],
    filters: Filters,
) -> list[QuoteItem]:
    """Quotes of the speakers (with none, from the articles best about the topic) within the
    filters; with a topic only those about it, the most about it first, then newest."""
    rows = _read(searcher.store.quotes, searcher, chat_id, speakers, topic, filters, READ_LIMIT)
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
    if speakers and topic and len(items) < FEW_QUOTES:
        items += _in_articles_about(searcher, chat_id, speakers, topic, filters, items)
    items.sort(key=lambda i: (-i.score, _newest_first(i.quote.published_at), i.quote.id))
    return items


def _in_articles_about(
    searcher: Searcher,
    chat_id: int,
    speakers: Sequence[Group],
    topic: Sequence[Group],
    filters: Filters,
    found: Sequence[QuoteItem],
) -> list[QuoteItem]:
    """The speakers' other quotes in the articles best about the topic ("what did Blair say
    about Iraq": his quotes in articles on Iraq that do not name it), scored below those
    that name it, the better the article's rank the higher."""
    ranked = searcher.rank(chat_id, topic, filters, ABOUT_ARTICLES)
    if not ranked:
        return []
    place = {r.article_id: n for n, r in enumerate(ranked)}
    actor_ids = [i for g in speakers for i in g.actor_ids]
    rows = searcher.store.quotes(
        chat_id, filters, actor_ids=actor_ids, article_ids=list(place), limit=READ_LIMIT
    )
    seen = {item.quote.id for item in found}
    return [
        QuoteItem(
            quote,
            quote.text,
            ABOUT_SCORE * (0.5 + 0.4 * (1 - place[quote.article_id] / len(place)))
            + (0.1 * ABOUT_SCORE if quote.direct else 0.0),
        )
        for quote in rows
        if quote.id not in seen and quote.article_id in place
    ]


def _scored_events(
    rows: Sequence[StoredEvent], actors: Sequence[Group], words: Sequence[Group]
) -> list[EventItem]:
    """Events scored against the question: those matching the words only, when any does; the
    best matching first (an actor as subject before one as object), then newest."""
    marker = Marker(words)
    scored: list[tuple[float, int, StoredEvent]] = []
    for event in rows:
        involved = {event.subject_id, *event.object_ids}
        named = sum(1 for g in actors if involved.intersection(g.actor_ids))
        in_words = zip(marker.counts(event.sentence), marker.counts(event.action), strict=True)
        matched = sum(1 for a, b in in_words if a or b)
        subject = any(event.subject_id in g.actor_ids for g in actors)
        scored.append((named + matched + (0.3 if subject else 0.0), matched, event))
    if words and any(matched for _, matched, _ in scored):
        scored = [item for item in scored if item[1]]
    items = [EventItem(e, e.sentence, score) for score, _, e in scored]  # marked when shown
    items.sort(key=lambda i: (-i.score, _newest_first(i.event.date), -i.event.id))
    return items


def _merged(kept: StoredEvent, other: StoredEvent) -> StoredEvent:
    """One event standing for two clauses of a sentence: actions in text order (stored order),
    objects of both."""
    early, late = (kept, other) if kept.id < other.id else (other, kept)
    actions = [*early.action.split("; "), *late.action.split("; ")]
    return replace(
        kept,
        action="; ".join(dict.fromkeys(actions)),
        objects=tuple(dict.fromkeys(early.objects + late.objects)),
        object_ids=tuple(dict.fromkeys(early.object_ids + late.object_ids)),
    )


def one_per_sentence(items: Sequence[EventItem]) -> list[EventItem]:
    """The items with each article's sentence once: the first (best) item of a sentence stands
    for the others, taking the actions and objects of those of the same subject and date
    ("Russia: criticize strikes; encourage"), so no answer shows one sentence twice."""
    kept: dict[tuple[int, str], EventItem] = {}
    for item in items:
        event = item.event
        key = (event.article_id, " ".join(event.sentence.split()))
        first = kept.get(key)
        if first is None:
            kept[key] = item
        elif (first.event.subject_id, first.event.date) == (event.subject_id, event.date):
            kept[key] = replace(first, event=_merged(first.event, event))
    return list(kept.values())


def _distinct_events(
    searcher: Searcher,
    chat_id: int,
    actors: Sequence[Group],
    words: Sequence[Group],
    filters: Filters,
    limit: int,
) -> tuple[list[EventItem], bool]:
    """`events_of` and whether the read was cut at `limit` rows (more may follow)."""
    rows = _read(searcher.store.events, searcher, chat_id, actors, words, filters, limit)
    return one_per_sentence(_scored_events(rows, actors, words)), len(rows) >= limit


def events_of(
    searcher: Searcher,
    chat_id: int,
    actors: Sequence[Group],
    words: Sequence[Group],
    filters: Filters,
    limit: int = READ_LIMIT,
) -> list[EventItem]:
    """Events of the actors (with none, from the articles best matching the words) within the
    filters, newest `limit` per actor; those matching the words only, when any does; the
    best matching first (an actor as subject before one as object), then newest; each
    article's sentence once (`one_per_sentence`)."""
    return _distinct_events(searcher, chat_id, actors, words, filters, limit)[0]


def marked(
    items: Sequence[QuoteItem | EventItem], topic: Sequence[Group], every: Sequence[Group]
) -> tuple[QuoteItem | EventItem, ...]:
    """The items shown, with the asked words marked: the topic in quotes, every group in
    events (only these few are marked: scoring needs none of it)."""
    in_quotes, in_events = Marker(topic), Marker(every)
    return tuple(
        replace(item, text=cut(in_quotes.mark(item.quote.text), MARKED_CHARS))
        if isinstance(item, QuoteItem)
        else replace(item, sentence=cut(in_events.mark(item.event.sentence), MARKED_CHARS))
        for item in items
    )


# --- the commands: one actor chosen by id ------------------------------------------------


def actor_group(searcher: Searcher, chat_id: int, actor_id: int, name: str) -> Group:
    """The group of one actor of the chat, with every name it goes by (as a question has)."""
    names = searcher.names(chat_id)
    forms = tuple(names.forms(actor_id).values()) if actor_id in names.actors else (name,)
    return Group(name, match_any([name]), forms, (actor_id,), name)


def actor_quotes(
    searcher: Searcher,
    chat_id: int,
    actor: ActorRecord,
    about: str,
    now: datetime,
    limit: int = 10,
) -> list[QuoteItem]:
    """`/quotes X about WORDS`: the actor's quotes about the words (a date range may be
    typed among them), matched as the question "what did X say about WORDS" matches."""
    speaker = actor_group(searcher, chat_id, actor.id, actor.name)
    filters = Filters()
    topic: tuple[Group, ...] = ()
    if about.strip():
        plan = searcher.understand(chat_id, about, now)
        if plan.unmatched:  # the reply has no room for "nothing matched": none are about it
            return []
        topic, filters = plan.topic, plan.filters
    return quotes_of(searcher, chat_id, (speaker,), topic, filters)[:limit]


def actor_timeline(
    searcher: Searcher, chat_id: int, actor: ActorRecord, page: int, size: int = 8
) -> tuple[list[StoredEvent], bool]:
    """`/timeline X`: one page of the actor's events (as "what happened to X" finds them),
    newest first, each sentence once, and whether more follow."""
    group = actor_group(searcher, chat_id, actor.id, actor.name)
    wanted = (page + 1) * size + 1
    limit = wanted
    while True:  # sentences shown once: read more rows until the page is full or none are left
        items, cut = _distinct_events(searcher, chat_id, (group,), (), Filters(), limit)
        if len(items) >= wanted or not cut:
            break
        limit *= 2
    events = sorted((i.event for i in items), key=lambda e: (e.day, e.id), reverse=True)
    shown = events[page * size : (page + 1) * size]
    return shown, len(events) > (page + 1) * size
