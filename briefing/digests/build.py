"""Digest composition: a window of archived articles → ranked stories, actors of the day, quotes.

Articles telling the same story (the archive's `story_id`) are one story with all their sources.
A story's score is how many articles tell it plus the prominence of its most salient actor in
the window, places not counted (0 to 1, so the top actor weighs as one more article); ties go
to more outlets, then the newest. The first stories get an extractive summary
(`briefing.digests.summaries`), the next ones a line each, the rest only a count (`Limits`):
a digest is read in two minutes.

Actors and quotes come from an optional `DigestExtras` provider (the actors/quotes analysis);
without one those sections are empty and stories rank by their article counts alone. Which
actors and quotes are shown, by salience, is `briefing.digests.salience`; the text and JSON
forms are `briefing.digests.render` (re-exported here).

The window is read without the articles' texts; only the leads of the summarised stories are
read in full. Articles of a bulk import published before the window are not listed but counted
("…and 21,000 older articles imported."), so importing an old corpus does not flood a digest.
The matches of the chat's daily watches open it (`briefing.digests.watchlist`).
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol

from briefing.digests.model import DEFAULT_LIMITS, Digest, Limits, Source, Story
from briefing.digests.render import (
    actor_line,
    digest_json,
    digest_text,
    headline,
    imported_line,
    local_label,
)
from briefing.digests.salience import (
    PLACE,
    ActorFact,
    ActorTrend,
    DigestQuote,
    MentionRow,
    actor_facts,
    actors_of_the_day,
    facts_from_counts,
    said_today,
)
from briefing.digests.summaries import summarize
from briefing.digests.watchlist import watchlist
from storage import DigestArticle
from storage.digests import DigestStore

ACTOR_WEEK = timedelta(days=7)

Bodies = Callable[[Sequence[int]], Mapping[int, str]]  # article ids -> their texts


class DigestExtras(Protocol):
    """What the actors and quotes analysis provides to the digest (windows as `storage.windows`).

    Implement these reads over the actor and quote tables and set an instance as
    `BotData.digest_extras`; until then the digest has no actor or quote sections.
    """

    def actor_mentions(self, chat_id: int, since: datetime, until: datetime) -> Mapping[str, int]:
        """For each actor, how many articles shown in `[since, until)` mention it."""
        ...

    def article_actors(
        self, chat_id: int, article_ids: Sequence[int]
    ) -> Mapping[int, Sequence[str]]:
        """The actors of each article, most prominent first."""
        ...

    def quotes(self, chat_id: int, since: datetime, until: datetime) -> Sequence[DigestQuote]:
        """Quotes from the articles shown in `[since, until)`, the preferred (direct) first."""
        ...

    def window_mentions(
        self, chat_id: int, since: datetime, until: datetime
    ) -> Sequence[MentionRow]:
        """(article id, actor, type, mentions, rank) for the articles shown in the window."""
        ...


__all__ = [
    "ActorFact", "ActorTrend", "Digest", "DigestQuote", "Limits", "Source", "Story",
    "actor_line", "build_digest", "compose_digest", "digest_json", "digest_text", "headline",
    "imported_line", "local_label",
]  # fmt: skip


def _group(articles: Sequence[DigestArticle]) -> list[list[DigestArticle]]:
    """Articles by story, each group in the order the articles were added."""
    groups: dict[int, list[DigestArticle]] = {}
    for article in articles:
        groups.setdefault(article.story_id or article.id, []).append(article)
    return list(groups.values())


def _lead(group: Sequence[DigestArticle]) -> DigestArticle:
    """The article that stands for its story: the one with the most text, else the first."""
    return max(group, key=lambda a: (a.text_length, -a.id))


def _sources(group: Sequence[DigestArticle]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for article in group:
        name = article.source.strip()  # an unknown source is left out, not named
        if name:
            seen.setdefault(name.casefold(), Source(name, article.url, article.id))
    return tuple(seen.values())


def _sentences_for(rank: int, limits: Limits) -> int:
    if rank >= limits.summarised:
        return 0
    if rank < limits.long_summaries:
        return 3
    return 2 if rank < limits.long_summaries + limits.medium_summaries else 1


Ranked = list[tuple[list[DigestArticle], tuple[str, ...]]]  # stories' articles and actors


def _rank(
    articles: Sequence[DigestArticle],
    mentions: Mapping[str, float],
    article_actors: Mapping[int, Sequence[str]],
) -> Ranked:
    """The window's stories, first to last, each with its three most prominent actors."""
    top = max(mentions.values(), default=0) or 1
    ranked: list[tuple[tuple[float, ...], list[DigestArticle], tuple[str, ...]]] = []
    for group in _group(articles):
        names: dict[str, float] = {}
        for article in group:
            for name in article_actors.get(article.id, ()):
                names.setdefault(name, mentions.get(name, 0))
        actors = tuple(sorted(names, key=lambda n: (-names[n], n.casefold()))[:3])
        prominence = max(names.values(), default=0) / top
        outlets = len(_sources(group))
        key = (-(len(group) + prominence), -outlets, -max(a.id for a in group))
        ranked.append((key, group, actors))
    ranked.sort(key=lambda item: item[0])
    return [(group, actors) for _, group, actors in ranked]


def _texts(ranked: Ranked, limits: Limits, bodies: Bodies | None) -> dict[int, str]:
    """The texts of the leads of the stories that get a summary: the only texts read."""
    leads = [_lead(group) for group, _ in ranked[: limits.summarised]]
    missing = [a.id for a in leads if not a.body and a.text_length]
    found = bodies(missing) if missing and bodies is not None else {}
    return {a.id: a.body or found.get(a.id, "") for a in leads}


def build_digest(
    chat_id: int,
    articles: Sequence[DigestArticle],
    since: datetime,
    until: datetime,
    *,
    mentions: Mapping[str, int] | None = None,
    previous: Mapping[str, int] | None = None,
    article_actors: Mapping[int, Sequence[str]] | None = None,
    quotes: Sequence[DigestQuote] = (),
    facts: Mapping[str, ActorFact] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    bodies: Bodies | None = None,
    older_imported: int = 0,
) -> Digest:
    """The digest of `articles` (already read for the window), with optional actor facts
    (`facts` by salience; else from `mentions`, each actor's articles, with no types).

    Articles read without their texts get them from `bodies`, for the summarised stories only.
    """
    facts = facts if facts is not None else facts_from_counts(mentions or {})
    weights = {n: 0.0 if f.kind == PLACE else f.salience for n, f in facts.items()}
    ranked = _rank(articles, weights, article_actors or {})
    texts = _texts(ranked, limits, bodies)
    stories = []
    for rank, (group, actors) in enumerate(ranked[: limits.summarised + limits.listed]):
        lead = _lead(group)
        count = _sentences_for(rank, limits)
        text = texts.get(lead.id, "")
        summary = tuple(summarize(lead.title, text, count)) if count and text else ()
        stories.append(
            Story(
                title=lead.title or "(untitled)",
                url=lead.url,
                sources=_sources(group),
                summary=summary,
                actors=actors,
                article_ids=tuple(a.id for a in group),
            )
        )
    story_ids = [[a.id for a in group] for group, _ in ranked]
    return Digest(
        chat_id=chat_id,
        since=since,
        until=until,
        articles=len(articles),
        story_count=len(ranked),
        stories=tuple(stories),
        actors=actors_of_the_day(
            facts, previous or {}, (until - since) / ACTOR_WEEK, limits.actors
        ),
        quotes=said_today(story_ids, quotes, facts, limits.quotes),
        older_imported=older_imported,
    )


def compose_digest(
    store: DigestStore,
    chat_id: int,
    since: datetime,
    until: datetime,
    extras: DigestExtras | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Digest:
    """Read the chat's window from the archive (and the extras, if any) and build its digest:
    the rows it lists without their texts, the count of older imports, the summarised texts."""
    articles = store.window(chat_id, since, until)
    older = store.older_imported(chat_id, since, until)
    bodies = partial(store.bodies, chat_id)
    watched = watchlist(store.database, chat_id, since, until)
    if extras is None or not articles:
        digest = build_digest(chat_id, articles, since, until, limits=limits, bodies=bodies,
                              older_imported=older)  # fmt: skip
        return replace(digest, watchlist=watched)
    digest = build_digest(
        chat_id, articles, since, until, limits=limits, bodies=bodies, older_imported=older,
        facts=actor_facts(extras.window_mentions(chat_id, since, until),
                          {a.id: a.title for a in articles}),
        previous=extras.actor_mentions(chat_id, since - ACTOR_WEEK, since),
        article_actors=extras.article_actors(chat_id, [a.id for a in articles]),
        quotes=extras.quotes(chat_id, since, until),
    )  # fmt: skip
    return replace(digest, watchlist=watched)
