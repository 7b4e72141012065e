"""Persistence: the only package that speaks SQL. Every read and write is scoped to one chat.

Row types (`storage.rows`) and the archive are re-exported here; the other stores are imported
from their modules (`storage.actors`, `storage.search`, `storage.digests`, `storage.inbox`).
"""

from storage.archive import Archive
from storage.database import Database, DatabaseMissingError, DatabaseUnusableError
from storage.filters import Filters
from storage.rows import (
    ActorRecord,
    ActorStats,
    AliasForm,
    AliasRow,
    ArchiveStats,
    DigestArticle,
    FoundActor,
    FoundEvent,
    FoundQuote,
    FtsHit,
    InboxUpdate,
    Incoming,
    Mention,
    NameChanges,
    NameMark,
    NewArticle,
    PendingItem,
    StoredArticle,
    StoredEvent,
    StoredQuote,
    StoryCandidate,
    Subscription,
    TextHit,
)

__all__ = [
    "ActorRecord",
    "ActorStats",
    "AliasForm",
    "AliasRow",
    "Archive",
    "ArchiveStats",
    "Database",
    "DatabaseMissingError",
    "DatabaseUnusableError",
    "DigestArticle",
    "Filters",
    "FoundActor",
    "FoundEvent",
    "FoundQuote",
    "FtsHit",
    "InboxUpdate",
    "Incoming",
    "Mention",
    "NameChanges",
    "NameMark",
    "NewArticle",
    "PendingItem",
    "StoredArticle",
    "StoredEvent",
    "StoredQuote",
    "StoryCandidate",
    "Subscription",
    "TextHit",
]
