"""Every row type the stores take or return, in one place; `storage` re-exports them.

Frozen dataclasses with the columns' values as stored (ISO text for times unless said
otherwise), so that callers never see SQL rows or sqlite types.
"""

from dataclasses import dataclass, fields
from datetime import datetime

# --- articles and the ingest queue ----------------------------------------------------------


@dataclass(frozen=True)
class NewArticle:
    """An analysed article ready to be stored."""

    title: str
    body: str
    source: str = ""
    url: str | None = None
    canonical_url: str | None = None
    published_at: str | None = None
    content_hash: str | None = None
    author: str | None = None
    signature: str | None = None
    story_id: int | None = None
    story_keys: tuple[str, ...] = ()
    imported: bool = False  # from a bulk import, not from the chat: see `storage.windows`


@dataclass(frozen=True)
class Incoming:
    """What a user sent, stored before any analysis so that nothing is lost."""

    chat_id: int
    raw: str
    kind: str = "text"  # text, link, forward, document
    message_id: int | None = None
    url: str | None = None
    origin: str | None = None
    post_url: str | None = None
    posted_at: str | None = None
    filename: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    """An article row as the archive holds it."""

    id: int
    chat_id: int
    title: str
    source: str
    url: str | None
    canonical_url: str | None
    published_at: str | None
    added_at: str
    body: str
    status: str
    reason: str | None
    content_hash: str | None
    message_id: int | None
    kind: str | None = "text"
    author: str | None = None
    origin: str | None = None
    post_url: str | None = None
    posted_at: str | None = None
    story_id: int | None = None
    ack_message_id: int | None = None
    attempts: int | None = 0


# The columns of a `StoredArticle`, in its field order, for SELECTs that build one.
ARTICLE_COLUMNS = ", ".join(f.name for f in fields(StoredArticle))


@dataclass(frozen=True)
class PendingItem:
    """A stored message waiting for analysis, with what is needed to finish it."""

    article_id: int
    incoming: Incoming
    ack_message_id: int | None
    attempts: int


@dataclass(frozen=True)
class StoryCandidate:
    """An earlier article that a new one may retell: its id, title, signature and story."""

    id: int
    title: str
    signature: str
    story_id: int | None


@dataclass(frozen=True)
class FtsHit:
    """One full-text match: the article, its best body snippet and its bm25 score.

    No store returns it any more (briefing's keyword search builds it); it stays here until
    `briefing.questions.snippets` holds it.
    """

    article: StoredArticle
    snippet: str
    score: float


@dataclass(frozen=True)
class ArchiveStats:
    """Counts for one chat's archive."""

    total: int
    ready: int
    pending: int
    failed: int
    sources: int
    first_added: str | None
    last_added: str | None


# --- actors and one article's analysis ------------------------------------------------------


@dataclass(frozen=True)
class ActorRecord:
    """An actor of a chat with the aliases it is known by."""

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class AliasForm:
    """A surface form of an actor and its normalised lookup keys."""

    alias: str
    norm: str
    last_word: str


@dataclass(frozen=True)
class FoundActor:
    """An actor of one article, resolved to an archive actor (`actor_id`) or new (None)."""

    actor_id: int | None
    name: str
    type: str
    aliases: tuple[AliasForm, ...]
    mentions: int
    roles: tuple["FoundRole", ...] = ()


@dataclass(frozen=True)
class FoundRole:
    """A person's role in one article: the title as written, its lookup key, and the name of
    the article's actor it is held in (None when not named)."""

    title: str
    norm: str
    held_in: str | None = None


@dataclass(frozen=True)
class FoundQuote:
    """A quote of one article; `speaker` is an actor name of that article or None."""

    speaker: str | None
    text: str
    sentence: str
    direct: bool


@dataclass(frozen=True)
class FoundEvent:
    """An event of one article, with actor names of that article."""

    subject: str
    action: str
    objects: tuple[str, ...]
    date: str | None
    sentence: str


@dataclass(frozen=True)
class ActorStats:
    """How often an actor appears and when it was first and last seen."""

    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None


# --- quotes and events as read back (profiles, digests and questions alike) -----------------


@dataclass(frozen=True)
class StoredQuote:
    """A quote with its speaker's actor id and its article's provenance."""

    id: int
    actor_id: int | None
    speaker: str | None
    text: str
    sentence: str
    direct: bool
    article_id: int
    title: str
    source: str
    url: str | None
    published_at: str | None
    day: str = ""  # the article's day


@dataclass(frozen=True)
class StoredEvent:
    """A dated event with its actors' ids and its article's provenance."""

    id: int
    subject_id: int | None
    subject: str
    action: str
    objects: tuple[str, ...]
    object_ids: tuple[int, ...]
    date: str | None
    sentence: str
    article_id: int
    title: str
    source: str
    url: str | None
    published_at: str | None
    day: str = ""  # the event's date, else its article's day


# --- what questions read ----------------------------------------------------------------------


@dataclass(frozen=True)
class AliasRow:
    """One alias of a chat's actor, with the actor's name, type and article count."""

    actor_id: int
    alias: str
    norm: str
    name: str
    type: str
    articles: int
    mentions: int = 0  # times the archive names the actor (all its articles)


@dataclass(frozen=True)
class TextHit:
    """An article matching a full-text expression: id, day and bm25 (higher is better)."""

    article_id: int
    day: str
    score: float


@dataclass(frozen=True)
class Mention:
    """How an article mentions an asked actor: count, rank, and whether it speaks or acts."""

    article_id: int
    actor_id: int
    day: str
    count: int
    rank: int
    speaks: bool
    acts: bool


@dataclass(frozen=True)
class NameMark:
    """How far a cache of a chat's names has read: generation and highest rowids seen."""

    generation: int
    aliases: int
    mentions: int


@dataclass(frozen=True)
class NameChanges:
    """A chat's aliases since a mark: every alias (`full`, to rebuild from) or only those
    added, with the (articles, mentions) added to each actor."""

    mark: NameMark
    full: bool
    rows: tuple[AliasRow, ...]
    added: dict[int, tuple[int, int]]


# --- digests and the inbox --------------------------------------------------------------------


@dataclass(frozen=True)
class Subscription:
    """One chat's digest state."""

    chat_id: int
    at: str
    zone: str
    active: bool
    paused: bool
    paused_reason: str | None
    subscribed_at: datetime | None
    delivered_until: datetime | None
    last_sent_at: datetime | None

    @property
    def scheduled(self) -> bool:
        """Whether a daily job should exist for this chat."""
        return self.active and not self.paused


@dataclass(frozen=True)
class DigestArticle:
    """The fields of an archived article that a digest shows.

    A window is read without the texts (`body` empty, `length` its characters): only the
    stories that get a summary read theirs (`DigestStore.bodies`).
    """

    id: int
    title: str
    source: str
    url: str | None
    published_at: str | None
    added_at: str
    body: str = ""
    story_id: int | None = None
    length: int | None = None  # characters of the body, when it was not read

    @property
    def text_length(self) -> int:
        """Characters of the article's text, read or not."""
        return len(self.body) if self.length is None else self.length


@dataclass(frozen=True)
class InboxUpdate:
    """An update received but not yet handled."""

    update_id: int
    data: str
