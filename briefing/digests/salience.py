"""Which actors and quotes a digest shows: actors by salience, quotes by the top stories.

An actor's salience in an article is one for being there, a little more for each further
mention (capped), more when the article's title names it and when it is among the article's
first actors (its rank: the analysis lists the most prominent first). Summed over the window.
People, organisations and groups come first; a place is shown only when it is rising against
the previous week (a capital is in every other article, so its count alone says nothing).
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from briefing.names import normalise_name

PLACE = "place"
SPEAKERS = frozenset({"person", "organisation"})  # who may be quoted in "Said today"
TITLE_WEIGHT = 1.5
LEAD_WEIGHTS = (1.0, 0.6, 0.3)  # for the article's first, second and third actor
MORE_MENTIONS_CAP = 4  # further mentions in one article that still add salience


@dataclass(frozen=True)
class ActorFact:
    """One actor across the window: its type, articles, mentions and salience."""

    name: str
    kind: str  # "person", "organisation", "place", "group", or "" when unknown
    articles: int
    mentions: int
    salience: float


@dataclass(frozen=True)
class DigestQuote:
    """Something an actor said, from an article of the window."""

    speaker: str
    text: str
    article_id: int


@dataclass(frozen=True)
class ActorTrend:
    """An actor of the day: its articles and mentions in the window against the previous
    seven days (articles), and its salience."""

    name: str
    articles: int
    mentions: int
    change: float  # articles minus the previous week's average for a window this long
    trend: str  # "new", "rising", "steady" or "falling"
    kind: str = ""
    salience: float = 0.0


MentionRow = tuple[int, str, str, int, int]  # article id, name, type, mentions, rank


def _in_title(name: str, title: str) -> bool:
    """Whether a title (normalised, between spaces) names the actor, by its full name or its
    last word (a surname)."""
    full = normalise_name(name)
    last = full.rsplit(" ", 1)[-1]
    return bool(full) and (f" {full} " in title or (len(last) > 3 and f" {last} " in title))


def actor_facts(rows: Iterable[MentionRow], titles: Mapping[int, str]) -> dict[str, ActorFact]:
    """The window's actors with their salience, from its mention rows and articles' titles."""
    kinds: dict[str, str] = {}
    articles: dict[str, int] = {}
    mentions: dict[str, int] = {}
    salience: dict[str, float] = {}
    folded = {a: f" {normalise_name(t)} " for a, t in titles.items()}
    for article_id, name, kind, count, rank in rows:
        kinds[name] = kind
        articles[name] = articles.get(name, 0) + 1
        mentions[name] = mentions.get(name, 0) + count
        weight = 1.0 + 0.25 * min(max(count - 1, 0), MORE_MENTIONS_CAP)
        weight += LEAD_WEIGHTS[rank] if 0 <= rank < len(LEAD_WEIGHTS) else 0.0
        if _in_title(name, folded.get(article_id, "")):
            weight += TITLE_WEIGHT
        salience[name] = salience.get(name, 0.0) + weight
    return {
        n: ActorFact(n, kinds[n], articles[n], mentions[n], round(salience[n], 2)) for n in kinds
    }


def facts_from_counts(counts: Mapping[str, int]) -> dict[str, ActorFact]:
    """Facts when only article counts are known (no types: nobody is taken for a place)."""
    return {n: ActorFact(n, "", c, c, float(c)) for n, c in counts.items() if c > 0}


def _trend(articles: int, before: int, scale: float) -> tuple[float, str]:
    expected = before * scale
    change = articles - expected
    if before == 0:
        return change, "new"
    if articles >= 2 * expected and change >= 2:
        return change, "rising"
    if articles * 2 <= expected:
        return change, "falling"
    return change, "steady"


def actors_of_the_day(
    facts: Mapping[str, ActorFact], previous: Mapping[str, int], scale: float, limit: int
) -> tuple[ActorTrend, ...]:
    """The most salient actors, people and organisations first, places only when rising;
    ties go to more articles, then more mentions (never to the alphabet alone)."""
    trends = []
    for fact in facts.values():
        change, trend = _trend(fact.articles, previous.get(fact.name, 0), scale)
        if fact.kind == PLACE and trend != "rising":
            continue
        trends.append(
            ActorTrend(fact.name, fact.articles, fact.mentions, round(change, 1), trend,
                       fact.kind, fact.salience)
        )  # fmt: skip
    trends.sort(
        key=lambda t: (t.kind == PLACE, -t.salience, -t.articles, -t.mentions, -t.change, t.name)
    )
    return tuple(trends[:limit])


def said_today(
    stories: Sequence[Sequence[int]],
    quotes: Sequence[DigestQuote],
    facts: Mapping[str, ActorFact],
    limit: int,
) -> tuple[DigestQuote, ...]:
    """One quote from the main speaker of each top story (stories as their article ids, first
    to last): the most salient person or organisation quoted in it, each speaker once. Quotes
    come in order of preference (direct ones first)."""
    by_article: dict[int, list[DigestQuote]] = {}
    for quote in quotes:
        if quote.text.strip() and _may_speak(quote.speaker, facts):
            by_article.setdefault(quote.article_id, []).append(quote)
    chosen: list[DigestQuote] = []
    spoken: set[str] = set()
    for article_ids in stories:
        if len(chosen) >= limit:
            break
        found = [q for a in article_ids for q in by_article.get(a, ()) if q.speaker not in spoken]
        if not found:
            continue
        best = max(found, key=lambda q: _weight(q.speaker, facts))
        chosen.append(best)  # max keeps the first of equals: the preferred quote
        spoken.add(best.speaker)
    return tuple(chosen)


def _may_speak(speaker: str, facts: Mapping[str, ActorFact]) -> bool:
    """A person or an organisation; an actor of unknown type only when no type is known."""
    fact = facts.get(speaker)
    if fact is None:
        return bool(speaker) and not any(f.kind for f in facts.values())
    return fact.kind in SPEAKERS or not fact.kind


def _weight(speaker: str, facts: Mapping[str, ActorFact]) -> float:
    fact = facts.get(speaker)
    return fact.salience if fact else 0.0


def log_scale(value: float) -> float:
    """A gentle scale for salience in story ranking (0 for nothing)."""
    return math.log1p(max(value, 0.0))
