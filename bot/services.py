"""The one composition of stores and services, used by the bot and the command line alike."""

from dataclasses import dataclass
from pathlib import Path

from bot.settings import Settings
from briefing.access import AccessPolicy
from briefing.digests.actor_extras import ActorDigestExtras
from briefing.ingest.fetch import FetchPolicy
from briefing.ingest.workflow import Ingestor, ReadLimits
from briefing.questions.ranking import Searcher
from storage import Archive, Database
from storage.actors import ActorStore
from storage.digests import DigestStore


@dataclass(frozen=True)
class Services:
    """The archive's stores and the services built on them, all on one database connection."""

    archive: Archive
    actors: ActorStore
    digests: DigestStore
    ingestor: Ingestor
    searcher: Searcher
    access: AccessPolicy
    digest_extras: ActorDigestExtras
    fetch_policy: FetchPolicy
    default_timezone: str

    def close(self) -> None:
        """End the reading workers and the analysis thread, then close the database."""
        self.ingestor.close()
        self.archive.close()


def build_services(settings: Settings, db: Path | None = None, create: bool = True) -> Services:
    """Open the database (`db`, else BRIEFING_DB; only `create` may make a new file) and
    compose the stores and services from the settings."""
    archive = Archive(Database.open(db or settings.briefing_db, create=create))
    actors = ActorStore(archive.database)
    policy = FetchPolicy(allow_hosts=settings.fetch_allow_hosts)
    limits = ReadLimits(
        seconds=settings.extract_timeout, memory=settings.extract_memory_mb * 1024 * 1024
    )
    return Services(
        archive=archive,
        actors=actors,
        digests=DigestStore(archive.database),
        ingestor=Ingestor(archive, actors, policy, limits=limits),
        searcher=Searcher(archive),
        access=AccessPolicy(settings.allowed_user_ids, settings.admin_user_ids),
        digest_extras=ActorDigestExtras(actors),
        fetch_policy=policy,
        default_timezone=settings.default_timezone,
    )
