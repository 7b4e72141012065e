"""Reading fetched feed documents and sent OPML files in a reading worker process, as linked
pages and sent files are read (`briefing.ingest.isolation`): within the workers' time and
memory limits, so a hostile feed or list can neither freeze the bot nor exhaust its memory."""

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from briefing.feeds.opml import OpmlError, OpmlFeed, read_opml
from briefing.feeds.parsing import FeedFormatError, ParsedFeed, parse_feed_text
from briefing.ingest.isolation import MemoryLimitError, TimeLimitError
from briefing.ingest.workflow import Ingestor

T = TypeVar("T")
TOO_SLOW = "took too long to read"
TOO_COMPLEX = "is too complex to read"


class ThreadReader:
    """Documents read on a thread of this process (tests, and tools without workers)."""

    async def feed(self, chat_id: int, text: str, url: str) -> ParsedFeed:
        """The feed in a document; FeedFormatError when it is none."""
        return await asyncio.to_thread(parse_feed_text, text, url)

    async def opml(self, chat_id: int, data: bytes) -> list[OpmlFeed]:
        """The feeds an OPML file lists; OpmlError when it is none."""
        return await asyncio.to_thread(read_opml, data)


class WorkerReader(ThreadReader):
    """Documents read on the ingest's reading workers, within the chat's share of them."""

    def __init__(self, ingestor: Ingestor) -> None:
        self.ingestor = ingestor

    async def feed(self, chat_id: int, text: str, url: str) -> ParsedFeed:
        """The feed in a document; FeedFormatError when it is none or too hard to read."""
        return await self._run(chat_id, FeedFormatError, "the feed", parse_feed_text, text, url)

    async def opml(self, chat_id: int, data: bytes) -> list[OpmlFeed]:
        """The feeds an OPML file lists; OpmlError when it is none or too hard to read."""
        return await self._run(chat_id, OpmlError, "the file", read_opml, data)

    async def _run(
        self, chat_id: int, error: type[ValueError], what: str, func: Callable[..., T], *args: Any
    ) -> T:
        try:
            return await self.ingestor.isolated(chat_id, func, *args)
        except TimeLimitError:
            raise error(f"{what} {TOO_SLOW}") from None
        except MemoryLimitError:
            raise error(f"{what} {TOO_COMPLEX}") from None
