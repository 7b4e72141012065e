"""The typed callback context: `context.archive` and `context.access` instead of dict lookups."""

from typing import Any, TypeAlias, TypeVar, cast

from telegram import Update
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from briefing import ActorStore, Archive, DigestStore
from briefing.access import AccessPolicy
from briefing.digests.build import DigestExtras
from briefing.digests.delivery import DigestDelivery
from briefing.digests.schedule import DigestScheduler, Unscheduled
from briefing.feeds.service import FeedService
from briefing.ingest.durable import BackgroundTasks, DurableIngest
from briefing.ingest.workflow import Ingestor
from briefing.questions.ranking import Searcher

T = TypeVar("T")


def _configured(value: T | None, what: str) -> T:
    """A service set by the composition root (`bot.services`) before any update arrives."""
    if value is None:
        raise RuntimeError(f"the {what} has not been configured")
    return value


class BotData:
    """What every handler shares: the stores and use cases composed by `bot.services`, the
    access policy, the command list and the bot's background work."""

    def __init__(self) -> None:
        self._archive: Archive | None = None
        self._actors: ActorStore | None = None
        self._digests: DigestStore | None = None
        self._ingestor: Ingestor | None = None
        self._searcher: Searcher | None = None
        self._ingest: DurableIngest | None = None
        self.access = AccessPolicy()
        self.commands: tuple[Any, ...] = ()
        self.background = BackgroundTasks()
        self.default_timezone = "UTC"  # DEFAULT_TIMEZONE: the zone of a new subscription
        self.digest_scheduler: DigestScheduler = Unscheduled()  # the job queue, once built
        self.digest_extras: DigestExtras | None = None  # actors and quotes, when available
        self.inbox: Any = None  # received updates (`bot.inbox`), when polling Telegram
        self.replayed: set[int] = set()  # update ids handled again after a crash
        self.feeds: FeedService | None = None  # feed subscriptions and polling, once built

    def configure(
        self,
        archive: Archive,
        actors: ActorStore,
        digests: DigestStore,
        ingestor: Ingestor,
        searcher: Searcher,
    ) -> None:
        """Set the stores and services; the durable ingest use case is made from them."""
        self._archive, self._actors, self._digests = archive, actors, digests
        self._ingestor, self._searcher = ingestor, searcher
        self._ingest = DurableIngest(archive, actors, ingestor, self.background)

    @property
    def archive(self) -> Archive:
        """The chat archive (every read and write scoped by chat)."""
        return _configured(self._archive, "archive")

    @archive.setter
    def archive(self, archive: Archive) -> None:
        self._archive = archive  # tests put a failing archive in its place

    @property
    def actors(self) -> ActorStore:
        """Actors, quotes and events of the archive."""
        return _configured(self._actors, "actor store")

    @property
    def digests(self) -> DigestStore:
        """Digest subscriptions and windows."""
        return _configured(self._digests, "digest store")

    @property
    def ingestor(self) -> Ingestor:
        """Reads pending items into analysed articles."""
        return _configured(self._ingestor, "ingestor")

    @property
    def searcher(self) -> Searcher:
        """Questions over the archive, with actor names and vocabulary cached."""
        return _configured(self._searcher, "searcher")

    @property
    def ingest(self) -> DurableIngest:
        """The durable ingest use case."""
        return _configured(self._ingest, "ingest use case")

    @property
    def delivery(self) -> DigestDelivery:
        """Digest delivery with this bot's subscriptions, scheduler, extras and default zone."""
        return DigestDelivery(
            self.digests, self.digest_scheduler, self.digest_extras, self.default_timezone
        )


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


def chat_id_of(update: Update) -> int:
    """The id of the chat an update belongs to (every handled command has one)."""
    chat = update.effective_chat
    if chat is None:
        raise ValueError("update without a chat")
    return chat.id


async def after_own_pastes(context: "BriefingContext", chat_id: int) -> None:
    """Let the articles this chat just pasted finish their analysis first (bounded), so a
    question or actor command right after a paste sees their actors."""
    await context.bot_data.ingest.analysed(chat_id)


async def wait_for_background(app: BriefingApp, within: float | None = None) -> bool:
    """Wait until the bot's background work has finished (at most `within` seconds)."""
    return await app.bot_data.background.wait(within)
