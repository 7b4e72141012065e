"""Subscribing a chat to feeds: one URL (a feed, or a site's page that names its feed), an OPML
list, and the chat's feeds listed, removed and written out as OPML.

A URL is checked by reading it through the safe fetcher before it is kept, so a typo or a
private address is refused at once with the reason. Feeds from an OPML list are kept without
fetching each (a list may hold hundreds): their first polls are spread over a few minutes and a
feed that cannot be read says so once, like any failing feed.
"""

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from briefing.feeds.discovery import discover_feeds, looks_like_html
from briefing.feeds.fetching import fetch_feed
from briefing.feeds.opml import OpmlFeed, write_opml
from briefing.feeds.parsing import FeedFormatError, ParsedFeed
from briefing.feeds.polling import iso, utc_now
from briefing.feeds.reading import ThreadReader
from briefing.feeds.schedule import Random, first_poll
from briefing.ingest.fetch import FetchError, FetchPolicy
from storage.feeds import AddedAs, FeedRow, FeedStore

MAX_FEEDS_PER_CHAT = 500
IMPORT_SPREAD = timedelta(minutes=5)  # first polls of imported feeds spread over this long
MAX_URL_LENGTH = 2000


class FeedError(ValueError):
    """A feed could not be subscribed to; the message says why, for the user."""


@dataclass(frozen=True)
class Subscribed:
    """A subscription made (or found): the feed, whether it is new, resumed (it was paused)
    or known, and its items now."""

    feed: FeedRow
    added_as: AddedAs
    items: int

    @property
    def created(self) -> bool:
        """True when the chat did not follow this feed before."""
        return self.added_as == "added"


@dataclass(frozen=True)
class OpmlImport:
    """What an OPML list did: feeds added, already followed, and left out."""

    added: int
    known: int
    skipped: int  # over the chat's limit


def feed_url(text: str) -> str:
    """A URL as the user typed it, made absolute (https:// when no scheme is given)."""
    url = text.strip().strip("<>")
    if "://" not in url:
        url = f"https://{url}"
    parts = urlsplit(url)
    host = parts.hostname or ""
    named = "." in host or host == "localhost" or ":" in host  # a domain, or an IP address
    if parts.scheme not in {"http", "https"} or not named or len(url) > MAX_URL_LENGTH:
        raise FeedError("that is not a web address (http:// or https://)")
    return url


class FeedSubscriptions:
    """The chat's feeds: subscribe, import, list, remove, export."""

    def __init__(
        self,
        store: FeedStore,
        policy: FetchPolicy,
        *,
        clock: Callable[[], datetime] = utc_now,
        rand: Random = random.random,
        reader: ThreadReader | None = None,
    ) -> None:
        self.store = store
        self.policy = policy
        self.reader = reader or ThreadReader()
        self.clock = clock
        self.rand = rand

    async def subscribe(self, chat_id: int, text: str) -> Subscribed:
        """Follow the feed at `text` (or the feed its page names); due for a poll at once.
        Raises FeedError with the reason when it cannot be read as a feed."""
        url = feed_url(text)
        if await asyncio.to_thread(self.store.count, chat_id) >= MAX_FEEDS_PER_CHAT:
            raise FeedError(f"this chat follows {MAX_FEEDS_PER_CHAT} feeds, the most it can")
        url, parsed = await self._read(chat_id, url)
        feed, added_as = await asyncio.to_thread(
            self.store.add, chat_id, url, parsed.title, parsed.site_url, iso(self.clock())
        )
        return Subscribed(feed, added_as, len(parsed.items))

    async def _read(self, chat_id: int, url: str) -> tuple[str, ParsedFeed]:
        """The feed at `url`, or at the first feed URL its page names: (feed URL, feed)."""
        try:
            page = await fetch_feed(url, self.policy)
            if looks_like_html(page.text[:1024].encode("utf-8", "replace")):
                candidates = discover_feeds(page.text, page.final_url)
                if not candidates:
                    raise FeedError(f"{url} is a web page that names no feed")
                url = candidates[0]
                page = await fetch_feed(url, self.policy)
            return url, await self.reader.feed(chat_id, page.text, page.final_url)
        except FetchError as error:
            raise FeedError(f"could not read {url}: {error.reason}") from None
        except FeedFormatError as error:
            raise FeedError(f"{url}: {error}") from None

    async def import_opml(self, chat_id: int, data: bytes) -> OpmlImport:
        """Follow every feed of an OPML list (up to the chat's limit); raises OpmlError for a
        document that is not one."""
        listed = await self.reader.opml(chat_id, data)
        return await asyncio.to_thread(self._add_listed, chat_id, listed)

    def _add_listed(self, chat_id: int, listed: list[OpmlFeed]) -> OpmlImport:
        room = MAX_FEEDS_PER_CHAT - self.store.count(chat_id)
        added = known = skipped = 0
        now = self.clock()
        for entry in listed:
            if room <= 0:
                skipped += 1
                continue
            when = iso(first_poll(now, IMPORT_SPREAD, self.rand))
            created = self.store.add(chat_id, entry.url, entry.title, None, when)[1] == "added"
            added, known, room = added + created, known + (not created), room - created
        return OpmlImport(added, known, skipped)

    def feeds(self, chat_id: int) -> list[FeedRow]:
        """The chat's feeds with their last result."""
        return self.store.feeds(chat_id)

    def remove(self, chat_id: int, feed_id: int) -> FeedRow | None:
        """Stop following a feed (its articles stay in the archive); None if there is none."""
        return self.store.remove(chat_id, feed_id)

    def opml(self, chat_id: int, title: str = "Briefing bot feeds") -> str:
        """The chat's feeds as an OPML document."""
        feeds = self.store.feeds(chat_id)
        return write_opml(title, [OpmlFeed(f.url, f.title, f.site_url) for f in feeds])
