"""Digest composition: a window of archived articles → ranked stories, actors of the day, quotes.

Articles telling the same story (the archive's `story_id`) are one story with all their sources.
A story's score is how many articles tell it plus the prominence of its most mentioned actor in
the window (0 to 1, so the top actor weighs as one more article); ties go to more outlets, then
the newest. The first stories get an extractive summary (`briefing.digests.summaries`), the next
ones a line each, the rest only a count (`Limits`): a digest is read in two minutes.

Actors and quotes come from an optional `DigestExtras` provider (the actors/quotes analysis);
without one those sections are empty and stories rank by their article counts alone.

The window is read without the articles' texts; only the leads of the summarised stories are
read in full. Articles of a bulk import published before the window are not listed but counted
("…and 21,000 older articles imported."), so importing an old corpus does not flood a digest.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Protocol
from zoneinfo import ZoneInfo

from briefing.digests.summaries import summarize
from storage import DigestArticle
from storage.digests import DigestStore

ACTOR_WEEK = timedelta(days=7)

Bodies = Callable[[Sequence[int]], Mapping[int, str]]  # article ids -> their texts


@dataclass(frozen=True)
class Limits:
    """How much of a window a digest shows."""

    summarised: int = 10  # stories with a summary
    long_summaries: int = 3  # of which this many get three sentences, ...
    medium_summaries: int = 4  # ... this many two, and the others one
    listed: int = 25  # further stories shown as a title line
    actors: int = 8
    quotes: int = 3


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class DigestQuote:
    """Something an actor said, from an article of the window."""

    speaker: str
    text: str
    article_id: int


class DigestExtras(Protocol):
    """What the actors and quotes analysis provides to the digest (windows as `storage.windows`).

    Implement these three reads over the actor and quote tables and set an instance as
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
        """Quotes from the articles shown in `[since, until)`, in any order."""
        ...


@dataclass(frozen=True)
class Source:
    """One outlet that told a story, with its article."""

    name: str
    url: str | None
    article_id: int


@dataclass(frozen=True)
class Story:
    """One story of the window, however many outlets told it."""

    title: str
    url: str | None
    sources: tuple[Source, ...]
    summary: tuple[str, ...]
    actors: tuple[str, ...]
    article_ids: tuple[int, ...]


@dataclass(frozen=True)
class ActorTrend:
    """An actor of the day: mentions in the window against its previous seven days."""

    name: str
    mentions: int
    change: float  # mentions minus the previous week's average for a window this long
    trend: str  # "new", "rising", "steady" or "falling"


@dataclass(frozen=True)
class Digest:
    """What one digest says about one chat's window."""

    chat_id: int
    since: datetime
    until: datetime
    articles: int
    story_count: int  # all stories of the window; `stories` holds the ones shown
    stories: tuple[Story, ...]
    actors: tuple[ActorTrend, ...] = ()
    quotes: tuple[DigestQuote, ...] = ()
    older_imported: int = 0  # bulk-imported articles published before the window: counted only

    @property
    def empty(self) -> bool:
        """Nothing came in to list (older imported articles may have)."""
        return self.articles == 0


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
        name = article.source.strip() or "unknown source"
        seen.setdefault(name.casefold(), Source(name, article.url, article.id))
    return tuple(seen.values())


def _sentences_for(rank: int, limits: Limits) -> int:
    if rank >= limits.summarised:
        return 0
    if rank < limits.long_summaries:
        return 3
    return 2 if rank < limits.long_summaries + limits.medium_summaries else 1


def _actor_trends(
    current: Mapping[str, int], previous: Mapping[str, int], window: timedelta, limit: int
) -> tuple[ActorTrend, ...]:
    """The most mentioned actors, each against its average of the previous seven days."""
    scale = window / ACTOR_WEEK
    trends = []
    for name, mentions in current.items():
        if mentions <= 0:
            continue
        before = previous.get(name, 0)
        expected = before * scale
        change = mentions - expected
        if before == 0:
            trend = "new"
        elif mentions >= 2 * expected and change >= 2:
            trend = "rising"
        elif mentions * 2 <= expected:
            trend = "falling"
        else:
            trend = "steady"
        trends.append(ActorTrend(name, mentions, round(change, 1), trend))
    trends.sort(key=lambda t: (-t.mentions, -t.change, t.name.casefold()))
    return tuple(trends[:limit])


def _top_quotes(
    quotes: Sequence[DigestQuote], mentions: Mapping[str, int], limit: int
) -> tuple[DigestQuote, ...]:
    """Up to `limit` quotes, one per speaker, the most prominent speakers first."""
    best: dict[str, DigestQuote] = {}
    for quote in quotes:
        if quote.text.strip() and quote.speaker not in best:
            best[quote.speaker] = quote
    ranked = sorted(best.values(), key=lambda q: (-mentions.get(q.speaker, 0), q.article_id))
    return tuple(ranked[:limit])


Ranked = list[tuple[list[DigestArticle], tuple[str, ...]]]  # stories' articles and actors


def _rank(
    articles: Sequence[DigestArticle],
    mentions: Mapping[str, int],
    article_actors: Mapping[int, Sequence[str]],
) -> Ranked:
    """The window's stories, first to last, each with its three most prominent actors."""
    top = max(mentions.values(), default=0) or 1
    ranked: list[tuple[tuple[float, ...], list[DigestArticle], tuple[str, ...]]] = []
    for group in _group(articles):
        names: dict[str, int] = {}
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
    limits: Limits = DEFAULT_LIMITS,
    bodies: Bodies | None = None,
    older_imported: int = 0,
) -> Digest:
    """The digest of `articles` (already read for the window), with optional actor facts.

    Articles read without their texts get them from `bodies`, for the summarised stories only.
    """
    mentions = mentions or {}
    ranked = _rank(articles, mentions, article_actors or {})
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
    return Digest(
        chat_id=chat_id,
        since=since,
        until=until,
        articles=len(articles),
        story_count=len(ranked),
        stories=tuple(stories),
        actors=_actor_trends(mentions, previous or {}, until - since, limits.actors),
        quotes=_top_quotes(quotes, mentions, limits.quotes),
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
    if extras is None or not articles:
        return build_digest(chat_id, articles, since, until, limits=limits, bodies=bodies,
                            older_imported=older)  # fmt: skip
    return build_digest(
        chat_id, articles, since, until, limits=limits, bodies=bodies, older_imported=older,
        mentions=extras.actor_mentions(chat_id, since, until),
        previous=extras.actor_mentions(chat_id, since - ACTOR_WEEK, since),
        article_actors=extras.article_actors(chat_id, [a.id for a in articles]),
        quotes=extras.quotes(chat_id, since, until),
    )  # fmt: skip


def local_label(moment: datetime, zone: str, with_time: bool = True) -> str:
    """ "Tue 5 Mar 08:00" in the chat's zone (the date alone with `with_time=False`)."""
    local = moment.astimezone(ZoneInfo(zone))
    label = f"{local:%a} {local.day} {local:%b %Y}"
    return f"{label} {local:%H:%M}" if with_time else label


def digest_json(digest: Digest) -> dict[str, object]:
    """The digest as JSON-ready data (for `python -m bot digest --json`)."""
    return {
        "chat": digest.chat_id,
        "since": digest.since.isoformat(),
        "until": digest.until.isoformat(),
        "articles": digest.articles,
        "story_count": digest.story_count,
        "older_imported": digest.older_imported,
        "stories": [
            {
                "title": s.title,
                "url": s.url,
                "sources": [source.name for source in s.sources],
                "summary": list(s.summary),
                "actors": list(s.actors),
                "article_ids": list(s.article_ids),
            }
            for s in digest.stories
        ],
        "actors": [
            {"name": a.name, "mentions": a.mentions, "change": a.change, "trend": a.trend}
            for a in digest.actors
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "article_id": q.article_id}
            for q in digest.quotes
        ],
    }


def _trend_note(actor: ActorTrend) -> str:
    if actor.trend == "new":
        return "new"
    sign = "+" if actor.change >= 0 else ""
    note = f"{sign}{actor.change:g}"
    return f"{note}, {actor.trend}" if actor.trend in {"rising", "falling"} else note


def headline(digest: Digest, zone: str) -> str:
    """ "Digest for Tue 5 Mar 2024: 14 articles in 9 stories since Mon 4 Mar 2024 08:00"."""
    day = local_label(digest.until, zone, with_time=False)
    since = local_label(digest.since, zone)
    if digest.empty:
        return f"No new articles since {since}."
    articles = f"{digest.articles} article" + ("" if digest.articles == 1 else "s")
    stories = f"{digest.story_count} stor" + ("y" if digest.story_count == 1 else "ies")
    return f"Digest for {day}: {articles} in {stories} since {since}"


def imported_line(digest: Digest) -> str | None:
    """ "…and 21,000 older articles imported." when a bulk import brought articles published
    before the window (they are counted, not listed); None when none did."""
    count = digest.older_imported
    if count <= 0:
        return None
    return f"…and {count:,} older article{'' if count == 1 else 's'} imported."


def actor_line(actor: ActorTrend) -> str:
    """ "Russia: 12 mentions (+5, rising)"."""
    noun = "mention" if actor.mentions == 1 else "mentions"
    return f"{actor.name}: {actor.mentions} {noun} ({_trend_note(actor)})"


def digest_text(digest: Digest, zone: str) -> str:
    """The digest as plain text (for the command line)."""
    lines = [headline(digest, zone)]
    imports = imported_line(digest)
    if digest.empty:
        return f"{lines[0]}\n{imports}" if imports else lines[0]
    for number, story in enumerate(digest.stories, start=1):
        lines.append("")
        lines.append(f"{number}. {story.title}")
        lines.append("   " + " · ".join(s.name for s in story.sources))
        if story.url:
            lines.append(f"   {story.url}")
        if story.summary:
            lines.append("   " + " ".join(story.summary))
    if digest.story_count > len(digest.stories):
        lines += ["", f"…and {digest.story_count - len(digest.stories)} more stories."]
    if imports:
        lines += ["", imports]
    if digest.actors:
        lines += ["", "Actors of the day"] + [f"   {actor_line(a)}" for a in digest.actors]
    if digest.quotes:
        lines += ["", "Said today"] + [f"   {q.speaker}: “{q.text}”" for q in digest.quotes]
    return "\n".join(lines)
