"""The typed callback context: `context.archive` and `context.access` instead of dict lookups."""

import asyncio
from typing import Any, TypeAlias, cast

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from briefing.access import AccessPolicy
from briefing.digests.build import DigestExtras
from briefing.digests.delivery import DigestDelivery
from briefing.digests.schedule import DigestScheduler, Unscheduled
from briefing.ingest.workflow import Ingestor
from briefing.questions.ranking import Searcher
from storage import Archive
from storage.actors import ActorStore
from storage.digests import DigestStore
from storage.inbox import Inbox


class BotData:
    """What every handler shares: the archive, the access policy and the command list."""

    def __init__(self) -> None:
        self._archive: Archive | None = None
        self._ingestor: Ingestor | None = None
        self.access = AccessPolicy()
        self.commands: tuple[Any, ...] = ()
        self.background: set[asyncio.Task[Any]] = set()
        self._digests: DigestStore | None = None
        self._actors: ActorStore | None = None
        self.default_timezone = "UTC"  # DEFAULT_TIMEZONE: the zone of a new subscription
        self.digest_scheduler: DigestScheduler = Unscheduled()  # the job queue, once built
        self.digest_extras: DigestExtras | None = None  # actors and quotes, when available
        self._searcher: Searcher | None = None
        self.inbox: Inbox | None = None  # received updates, when polling Telegram
        self.replayed: set[int] = set()  # update ids handled again after a crash

    @property
    def archive(self) -> Archive:
        """The chat archive; configured by the composition root before any update arrives."""
        if self._archive is None:
            raise RuntimeError("the archive has not been configured")
        return self._archive

    @archive.setter
    def archive(self, archive: Archive) -> None:
        self._archive = archive

    @property
    def ingestor(self) -> Ingestor:
        """Reads pending items into articles; configured with the archive."""
        if self._ingestor is None:
            raise RuntimeError("the ingestor has not been configured")
        return self._ingestor

    @ingestor.setter
    def ingestor(self, ingestor: Ingestor) -> None:
        self._ingestor = ingestor

    @property
    def actors(self) -> ActorStore:
        """Actors, quotes and events of the archive."""
        if self._actors is None:
            raise RuntimeError("the actor store has not been configured")
        return self._actors

    @actors.setter
    def actors(self, actors: ActorStore) -> None:
        self._actors = actors

    @property
    def searcher(self) -> Searcher:
        """Questions over the archive, with actor names and vocabulary cached; made on first use."""
        if self._searcher is None or self._searcher.archive is not self.archive:
            self._searcher = Searcher(self.archive)
        return self._searcher

    @property
    def delivery(self) -> DigestDelivery:
        """Digest delivery with this bot's subscriptions, scheduler, extras and default zone."""
        return DigestDelivery(
            self.digests, self.digest_scheduler, self.digest_extras, self.default_timezone
        )

    @property
    def digests(self) -> DigestStore:
        """Digest subscriptions and windows; configured with the archive."""
        if self._digests is None:
            raise RuntimeError("the digest store has not been configured")
        return self._digests

    @digests.setter
    def digests(self, digests: DigestStore) -> None:
        self._digests = digests


class BriefingContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """Callback context with typed access to the shared bot data."""

    @property
    def archive(self) -> Archive:
        """The archive every handler reads and writes (always scoped by chat)."""
        return self.bot_data.archive

    @property
    def app(self) -> "BriefingApp":
        """The application, typed with this context."""
        return cast("BriefingApp", self.application)

    @property
    def access(self) -> AccessPolicy:
        """Who may use the bot."""
        return self.bot_data.access


BriefingApp: TypeAlias = Application[
    ExtBot[None],
    BriefingContext,
    dict[Any, Any],
    dict[Any, Any],
    BotData,
    JobQueue[BriefingContext],
]
