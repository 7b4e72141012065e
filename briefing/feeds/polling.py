"""The polling use case: fetch each due feed (conditionally, at most `MAX_FETCHES` at once),
hand its new items to the durable ingest, and decide the feed's next poll.

Each new item goes the way of a forwarded link (`DurableIngest.finish`): saved first as a
pending row (so a stop loses nothing), its link fetched and extracted, the feed's own text kept
when the page cannot be read, and the article deduplicated by canonical URL, text and story;
the feed itself remembers items by guid, so none is handed over twice. Nothing is sent per
item: the poll's results (`PollResult`) say what to tell the chat, once.
"""

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from briefing.feeds.fetching import Validators, fetch_feed
from briefing.feeds.parsing import FeedFormatError, FeedItem
from briefing.feeds.reading import ThreadReader
from briefing.feeds.schedule import Random, next_poll, retry_after, should_pause
from briefing.ingest.durable import DurableIngest
from briefing.ingest.fetch import FetchError, FetchPolicy
from briefing.ingest.quiet import QuietPort
from briefing.ingest.workflow import IngestOutcome
from storage import Archive, Incoming, PendingItem
from storage.feeds import FeedRow, FeedStore

log = logging.getLogger(__name__)

MAX_FETCHES = 8  # feeds fetched at once
MAX_NEW_PER_POLL = 25  # items of one feed read in one poll; the rest wait for the next
PollStatus = Literal["ok", "not_modified", "failed"]


def iso(moment: datetime) -> str:
    """A time as the feed rows store it: UTC ISO, whole seconds."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def utc_now() -> datetime:
    """The current time, aware."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class PollResult:
    """What one poll of one feed did, and what the chat should be told of it."""

    feed_id: int
    chat_id: int
    url: str
    title: str
    status: PollStatus
    new: int = 0  # articles archived from it now
    reason: str | None = None  # why it failed
    article_ids: tuple[int, ...] = ()
    tell_failure: bool = False  # the first failure of a streak: say it once
    paused: bool = False  # paused by this poll, after a week of failures

    def as_json(self) -> dict[str, Any]:
        """The command line's object for this feed."""
        return {"feed_id": self.feed_id, "url": self.url, "status": self.status,
                "new": self.new, "reason": self.reason}  # fmt: skip


def feed_incoming(feed: FeedRow, item: FeedItem) -> Incoming:
    """An item as the ingest takes it: the link to read, and the feed's own text (kept when the
    page cannot be read) with the feed as origin and the item's date."""
    raw = "\n\n".join(part for part in (f"# {item.title}" if item.title else "", item.text) if part)
    return Incoming(
        chat_id=feed.chat_id,
        raw=raw,
        kind="feed",
        url=item.link,
        origin=feed.title or None,
        post_url=item.link,
        posted_at=item.published_at,
    )


class FeedPoller:
    """Polls feeds and archives their new items through the durable ingest."""

    def __init__(
        self,
        store: FeedStore,
        archive: Archive,
        ingest: DurableIngest,
        policy: FetchPolicy,
        *,
        clock: Callable[[], datetime] = utc_now,
        rand: Random = random.random,
        max_fetches: int = MAX_FETCHES,
        reader: ThreadReader | None = None,
    ) -> None:
        self.store = store
        self.reader = reader or ThreadReader()
        self.archive = archive
        self.ingest = ingest
        self.policy = policy
        self.clock = clock
        self.rand = rand
        self._fetches = asyncio.Semaphore(max_fetches)
        self._feed_locks: dict[int, asyncio.Lock] = {}  # one poll of a feed at a time

    async def poll_due(self, chat_id: int | None = None) -> list[PollResult]:
        """Poll every feed whose time has come (of one chat, or of all)."""
        due = await asyncio.to_thread(self.store.due, iso(self.clock()), chat_id)
        return await self.poll(due)

    async def poll_all(self, chat_id: int) -> list[PollResult]:
        """Poll every feed of the chat now, paused ones too (one that answers is resumed)."""
        return await self.poll(await asyncio.to_thread(self.store.feeds, chat_id))

    async def poll(self, feeds: Sequence[FeedRow]) -> list[PollResult]:
        """Poll the feeds side by side (fetches bounded), in their order."""
        return list(await asyncio.gather(*(self.poll_feed(feed) for feed in feeds)))

    async def poll_feed(self, feed: FeedRow) -> PollResult:
        """Fetch one feed, archive its new items, save its state; never raises for the feed's
        own faults (they are its result). A feed already being polled is polled after that
        poll, from the state it left."""
        lock = self._feed_locks.setdefault(feed.id, asyncio.Lock())
        async with lock:
            current = await asyncio.to_thread(self.store.get, feed.chat_id, feed.id)
            if current is None:  # removed meanwhile
                return PollResult(feed.id, feed.chat_id, feed.url, feed.title, "failed",
                                  reason="the feed was removed")  # fmt: skip
            return await self._poll_locked(current)

    async def _poll_locked(self, feed: FeedRow) -> PollResult:
        validators = Validators(feed.etag, feed.last_modified)
        async with self._fetches:
            try:
                page = await fetch_feed(feed.url, self.policy, validators)
            except FetchError as error:
                return await self._failed(feed, error.reason, error.retry_after)
        if page.status == 304:
            return await self._succeeded(feed, "not_modified", validators, ())
        try:
            parsed = await self.reader.feed(feed.chat_id, page.text, page.final_url)
        except FeedFormatError as error:
            return await self._failed(feed, str(error), None)
        if parsed.title and parsed.title != feed.title:
            feed = replace(feed, title=parsed.title, site_url=parsed.site_url or feed.site_url)
        ids = await self._archive_new(feed, parsed.items)
        return await self._succeeded(feed, "ok", Validators(page.etag, page.last_modified), ids)

    async def _archive_new(self, feed: FeedRow, items: Sequence[FeedItem]) -> tuple[int, ...]:
        """Hand the items not seen before to the ingest; the ids of the articles archived."""
        by_guid = {item.guid: item for item in items}
        unseen = await asyncio.to_thread(self.store.unseen, feed.chat_id, feed.id, list(by_guid))
        fresh = [by_guid[guid] for guid in unseen[:MAX_NEW_PER_POLL]]
        outcomes = await asyncio.gather(*(self._archive_item(feed, item) for item in fresh))
        kept = {outcome.article.id for outcome in outcomes if outcome and not outcome.duplicate}
        return tuple(sorted(kept))

    async def _archive_item(self, feed: FeedRow, item: FeedItem) -> IngestOutcome | None:
        """One item through the durable ingest: saved pending, remembered, then read."""
        incoming = feed_incoming(feed, item)
        article_id = await asyncio.to_thread(self.archive.save_pending, incoming)
        await asyncio.to_thread(self.store.remember, feed.chat_id, feed.id, item.guid, article_id)
        port = QuietPort()  # no card per feed article: the poll's result is told once
        await self.ingest.finish(PendingItem(article_id, incoming, None, 0), port)
        return port.outcome

    async def _succeeded(
        self,
        feed: FeedRow,
        status: PollStatus,
        validators: Validators,
        article_ids: tuple[int, ...],
    ) -> PollResult:
        now = self.clock()
        saved = replace(
            feed,
            etag=validators.etag,
            last_modified=validators.last_modified,
            next_poll_at=iso(next_poll(now, rand=self.rand)),
            last_polled_at=iso(now),
            last_status=status,
            last_new=len(article_ids),
            last_error=None,
            failures=0,
            failing_since=None,
            failure_told=False,
            paused=False,
        )
        await asyncio.to_thread(self.store.save, saved)
        return PollResult(
            feed.id, feed.chat_id, feed.url, saved.title, status, len(article_ids),
            article_ids=article_ids,
        )  # fmt: skip

    async def _failed(self, feed: FeedRow, reason: str, retry: str | None) -> PollResult:
        """Back off; tell the chat at the first failure of a streak; pause after a week."""
        now = self.clock()
        failures = feed.failures + 1
        since = datetime.fromisoformat(feed.failing_since) if feed.failing_since else now
        pause = should_pause(since, now)
        wait = retry_after(retry, now)
        saved = replace(
            feed,
            next_poll_at=iso(next_poll(now, failures, wait, rand=self.rand)),
            last_polled_at=iso(now),
            last_status="failed",
            last_new=0,
            last_error=reason,
            failures=failures,
            failing_since=iso(since),
            failure_told=True,
            paused=pause,
        )
        await asyncio.to_thread(self.store.save, saved)
        log.info("feed %s of chat %s failed (%d in a row): %s", feed.id, feed.chat_id,
                 failures, reason)  # fmt: skip
        return PollResult(
            feed.id, feed.chat_id, feed.url, feed.title, "failed", reason=reason,
            tell_failure=not feed.failure_told, paused=pause and not feed.paused,
        )  # fmt: skip
