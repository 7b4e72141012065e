"""Persistence: the only package that speaks SQL. Every read and write is scoped to one chat."""

from storage.archive import (
    Archive,
    ArchiveStats,
    FtsHit,
    Incoming,
    NewArticle,
    PendingItem,
    StoredArticle,
    StoryCandidate,
)
from storage.database import Database, DatabaseMissingError, DatabaseUnusableError

__all__ = [
    "Archive",
    "ArchiveStats",
    "Database",
    "DatabaseMissingError",
    "DatabaseUnusableError",
    "FtsHit",
    "Incoming",
    "NewArticle",
    "PendingItem",
    "StoredArticle",
    "StoryCandidate",
]
