"""The composition root: build the Application with its archive, handlers and transport."""

import asyncio
import logging
from typing import cast

from telegram.ext import AIORateLimiter, Application, ContextTypes
from telegram.request import BaseRequest

from bot.console import CONSOLE_TOKEN
from bot.inbox import DurableApplication, DurableQueue, bot_id_of, replay_unfinished
from bot.scheduling import JobQueueScheduler, restore_schedules
from bot.settings import Settings
from bot.updates import PerChatUpdateProcessor
from briefing.access import AccessPolicy
from briefing.analysis.archive import ActorDigestExtras
from briefing.ingest.fetch import FetchPolicy
from briefing.ingest.workflow import Ingestor, ReadLimits
from handlers import COMMANDS, bot_commands, register
from handlers.context import BotData, BriefingApp, BriefingContext
from handlers.ingest import finish, show_unshown, spawn, wait_for_background
from storage import Archive, Database
from storage.actors import ActorStore
from storage.digests import DigestStore
from storage.inbox import Inbox

log = logging.getLogger(__name__)

RETRIES_AFTER_429 = 3  # Telegram's "retry after N seconds": wait and send again, this often
STOP_GRACE = 10.0  # seconds a stop lets pages being read finish before their reading is cut


async def on_startup(app: BriefingApp) -> None:
    """Publish the command menu, resume items left pending, rebuild the digest schedules."""
    await app.bot.set_my_commands(bot_commands(COMMANDS))
    pending = await asyncio.to_thread(app.bot_data.archive.pending)
    for item in pending:
        spawn(app, finish(app, item))
    if pending:
        log.info("resuming %d item(s) left pending by the last run", len(pending))
    spawn(app, show_unshown(app))
    spawn(app, _resume_analysis(app))
    await replay_unfinished(app)
    await restore_schedules(app)


async def _resume_analysis(app: BriefingApp) -> None:
    done = await app.bot_data.ingestor.resume_analysis()
    if done:
        log.info("analysed %d article(s) left unanalysed by the last run", done)


async def on_stop(app: BriefingApp) -> None:
    """Let background work (reading links, editing their cards) finish while the bot can
    still talk to Telegram: it is shut down next. Pages still being read after STOP_GRACE
    seconds are cut short (their workers killed): those items stay pending and are read at
    the next start, so a stop never waits on slow pages."""
    if not await wait_for_background(app, within=STOP_GRACE):
        log.info("stopping: reading of unfinished links and files resumes at the next start")
    app.bot_data.ingestor.stop_reading()
    await wait_for_background(app)


async def on_shutdown(app: BriefingApp) -> None:
    """Close the reading workers, the analysis thread and the archive."""
    await wait_for_background(app)
    app.bot_data.ingestor.close()
    app.bot_data.archive.close()
    if app.bot_data.inbox is not None:
        app.bot_data.inbox.database.close()


def build_application(settings: Settings, request: BaseRequest | None = None) -> BriefingApp:
    """The bot: settings, archive, handlers; `request` replaces the HTTP transport (console)."""
    context_types = ContextTypes(context=BriefingContext, bot_data=BotData)
    archive = Archive.open(settings.briefing_db)
    builder = (
        Application.builder()
        .application_class(DurableApplication)
        .token(settings.telegram_bot_token or CONSOLE_TOKEN)
        .context_types(context_types)
        .rate_limiter(AIORateLimiter(max_retries=RETRIES_AFTER_429))
        # Chats are served side by side; each chat's updates are handled in order.
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(on_startup)
        .post_stop(on_stop)
        .post_shutdown(on_shutdown)
    )
    inbox = None
    if settings.telegram_bot_token:  # polling Telegram: updates are stored before confirmed
        # A connection of its own: recording updates never waits behind the analysis' writes.
        inbox = Inbox(Database.open(settings.briefing_db), bot_id_of(settings.telegram_bot_token))
        builder = builder.update_queue(DurableQueue(inbox))
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = cast(BriefingApp, builder.build())
    app.bot_data.inbox = inbox
    actors = ActorStore(archive.database)
    app.bot_data.archive = archive
    app.bot_data.actors = actors
    policy = FetchPolicy(allow_hosts=settings.fetch_allow_hosts)
    limits = ReadLimits(
        seconds=settings.extract_timeout, memory=settings.extract_memory_mb * 1024 * 1024
    )
    app.bot_data.ingestor = Ingestor(archive, actors, policy, limits=limits)
    app.bot_data.digest_extras = ActorDigestExtras(actors)
    app.bot_data.access = AccessPolicy(settings.allowed_user_ids, settings.admin_user_ids)
    app.bot_data.digests = DigestStore(app.bot_data.archive.database)
    app.bot_data.default_timezone = settings.default_timezone
    app.bot_data.digest_scheduler = JobQueueScheduler(app)
    register(app)
    return app
