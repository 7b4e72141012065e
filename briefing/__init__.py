"""The domain of the briefing bot: articles, questions, answers. Pure Python, no Telegram.

The stores and row types the use cases hand out are re-exported here, so the transport
(`handlers/`) reaches them through the domain and never imports `storage` itself. They are
loaded when first asked for: importing one domain module (a page parser in an isolated worker,
say) must not load every store with it.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storage import (
        Archive,
        ArchiveStats,
        Incoming,
        PendingItem,
        StoredArticle,
        StoredEvent,
        StoredQuote,
    )
    from storage.actors import ActorStore
    from storage.database import SQLITE_MAX_INT, is_damage, is_unusable
    from storage.digests import DigestStore

_HOMES = {
    "Archive": "storage",
    "ArchiveStats": "storage",
    "Incoming": "storage",
    "PendingItem": "storage",
    "StoredArticle": "storage",
    "StoredEvent": "storage",
    "StoredQuote": "storage",
    "ActorStore": "storage.actors",
    "SQLITE_MAX_INT": "storage.database",
    "is_damage": "storage.database",
    "is_unusable": "storage.database",
    "DigestStore": "storage.digests",
}

__all__ = [
    "SQLITE_MAX_INT",
    "ActorStore",
    "Archive",
    "ArchiveStats",
    "DigestStore",
    "Incoming",
    "PendingItem",
    "StoredArticle",
    "StoredEvent",
    "StoredQuote",
    "is_damage",
    "is_unusable",
]


def __getattr__(name: str) -> Any:
    """A re-exported store or row type, imported from `storage` when first used."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'briefing' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
