"""What a digest is: its limits, stories with their sources, actors of the day and quotes."""

from dataclasses import dataclass
from datetime import datetime

from briefing.digests.salience import ActorTrend, DigestQuote


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
class WatchedArticle:
    """An article a daily watch matched: what the Watchlist section shows of it (`sentence`
    has the actor's name or the watched words between match marks)."""

    article_id: int
    title: str
    url: str | None
    source: str
    sentence: str


@dataclass(frozen=True)
class WatchlistEntry:
    """One daily watch's matches in the window: the first ones, and how many more."""

    watch_id: int
    watch: str
    kind: str  # "actor" or "words"
    articles: tuple[WatchedArticle, ...]
    more: int = 0


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
    watchlist: tuple[WatchlistEntry, ...] = ()  # daily watches' matches: the digest opens with them

    @property
    def empty(self) -> bool:
        """Nothing came in to list (older imported articles may have)."""
        return self.articles == 0
