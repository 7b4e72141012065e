"""The feed use cases composed on one archive: subscriptions and polling, as handlers, the
polling job and the command line use them."""

from dataclasses import dataclass

from briefing.feeds.polling import FeedPoller
from briefing.feeds.reading import WorkerReader
from briefing.feeds.subscriptions import FeedSubscriptions
from briefing.ingest.durable import DurableIngest
from briefing.ingest.fetch import FetchPolicy
from storage import Archive
from storage.feeds import FeedRow, FeedStore

__all__ = ["FeedRow", "FeedService"]


@dataclass(frozen=True)
class FeedService:
    """A chat's feeds (`subscriptions`) and their polling (`poller`)."""

    subscriptions: FeedSubscriptions
    poller: FeedPoller

    @classmethod
    def build(cls, archive: Archive, ingest: DurableIngest, policy: FetchPolicy) -> "FeedService":
        """The feed use cases on the archive's database, archiving through `ingest` and
        reading feed documents on its reading workers."""
        store = FeedStore(archive.database)
        reader = WorkerReader(ingest.ingestor)
        return cls(
            FeedSubscriptions(store, policy, reader=reader),
            FeedPoller(store, archive, ingest, policy, reader=reader),
        )
