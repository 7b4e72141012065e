"""One article in, its actors, quotes and events out: the NLP core in a single call.

The pipeline runs once per article (`analyse`) or over batches with `nlp.pipe`
(`analyse_many`), and actors, quotes and events are all read from that one parse. The JSON
helpers give the command-line shapes: actors `[{"name", "type", "aliases", "mentions"}]`,
quotes `[{"speaker", "text", "sentence"}]`, events `[{"subject", "action", "objects", "date",
"sentence"}]`. The work is CPU-bound: callers on an event loop run it in a thread.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.tokens import Doc

from briefing.analysis.actors import Actor, extract_actors
from briefing.analysis.events import Event, extract_events
from briefing.analysis.nlp import parse_article, parse_articles
from briefing.analysis.quotes import Quote, extract_quotes

BATCH_SIZE = 32


@dataclass
class Analysis:
    """What an article says: its actors, quotes and dated events."""

    actors: list[Actor]
    quotes: list[Quote]
    events: list[Event]


def publication_date(published_at: str | None) -> date | None:
    """The day of an ISO date or date-and-time string, or None when absent or unreadable."""
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at.strip()[:10])
    except ValueError:
        return None


def analyse_doc(doc: Doc, published_at: str | None) -> Analysis:
    """Actors, quotes and events of an article already parsed by `briefing.analysis.nlp`."""
    actors = extract_actors(doc)
    quotes = extract_quotes(doc, actors)
    events = extract_events(doc, actors, publication_date(published_at))
    return Analysis(actors, quotes, events)


def analyse(title: str, body: str, published_at: str | None) -> Analysis:
    """Analyse one article: title and body parsed together, dates against `published_at`."""
    return analyse_doc(parse_article(title, body), published_at)


def analyse_many(
    items: Iterable[tuple[str, str, str | None]], batch_size: int = BATCH_SIZE
) -> Iterator[Analysis]:
    """Analyse (title, body, published_at) items in order, parsing them in batches."""
    dates: deque[str | None] = deque()  # of the items read but not yet yielded

    def texts() -> Iterator[tuple[str, str]]:
        for title, body, published_at in items:
            dates.append(published_at)
            yield title, body

    for doc in parse_articles(texts(), batch_size=batch_size):
        yield analyse_doc(doc, dates.popleft())


def actors_to_json(actors: Iterable[Actor]) -> list[dict[str, Any]]:
    """`[{"name", "type", "aliases", "mentions"}]`, aliases being the forms found."""
    return [
        {"name": a.name, "type": a.type, "aliases": list(a.aliases), "mentions": a.mentions}
        for a in actors
    ]


def quotes_to_json(quotes: Iterable[Quote]) -> list[dict[str, Any]]:
    """`[{"speaker", "text", "sentence"}]`."""
    return [{"speaker": q.speaker, "text": q.text, "sentence": q.sentence} for q in quotes]


def events_to_json(events: Iterable[Event]) -> list[dict[str, Any]]:
    """`[{"subject", "action", "objects", "date", "sentence"}]`."""
    return [
        {
            "subject": e.subject,
            "action": e.action,
            "objects": list(e.objects),
            "date": e.date,
            "sentence": e.sentence,
        }
        for e in events
    ]
