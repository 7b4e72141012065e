"""The archive callers use: a chat's articles (`storage.articles`) and its ingest queue
(`storage.queue`) on one database, opened and closed together."""

from pathlib import Path

from storage.articles import ArticleStore
from storage.database import Database
from storage.queue import IngestQueue

# Private-use characters mark matched words in snippets; callers turn them into markup.
# (Only briefing uses them now: they belong with its snippets.)
MATCH_START = "\ue000"
MATCH_END = "\ue001"


class Archive(ArticleStore, IngestQueue):
    """The chat archives; every method takes the chat it reads or writes."""

    @classmethod
    def open(cls, path: str | Path) -> "Archive":
        """Open (creating if needed) the database at `path`, migrated to the current schema."""
        return cls(Database.open(path))

    def close(self) -> None:
        """Close the underlying connection."""
        self.database.close()
