"""The composition root: build the Application with its services, handlers and transport, and
run it: long polling on Telegram, or the console chat."""

import asyncio
import logging
import sys
from datetime import UTC, datetime, timedelta
from typing import cast

from telegram import Update
from telegram.ext import AIORateLimiter, Application, ContextTypes
from telegram.request import BaseRequest

from bot.alerts import send_due_alerts, start_alerts
from bot.console import CONSOLE_TOKEN, OutgoingPrinter, run_console
from bot.feed_polling import start_feed_polling
from bot.inbox import DurableApplication, DurableQueue, bot_id_of, replay_unfinished
from bot.offline import OfflineRequest
from bot.scheduling import JobQueueScheduler, restore_schedules
from bot.services import Services, build_services
from bot.settings import Settings
from bot.updates import PerChatUpdateProcessor
from briefing.questions import lexicon
from briefing.trends import chart
from handlers import (
    COMMANDS,
    REPLY_DEFAULTS,
    BotData,
    BriefingApp,
    BriefingContext,
    bot_commands,
    register,
    resume_ingest,
    wait_for_background,
)
from storage import Database
from storage.inbox import Inbox

log = logging.getLogger(__name__)

RETRIES_AFTER_429 = 3  # Telegram's "retry after N seconds": wait and send again, this often
STOP_GRACE = 10.0  # seconds a stop lets pages being read finish before their reading is cut
ALERTS_FLUSH = timedelta(minutes=1)  # past any batch's wait: at the console's end all are due


async def on_startup(app: BriefingApp) -> None:
    """Publish the command menu, resume items left pending, rebuild the digest schedules,
    start sending watch alerts."""
    await app.bot.set_my_commands(bot_commands(COMMANDS))
    await resume_ingest(app)
    await replay_unfinished(app)
    await restore_schedules(app)
    start_alerts(app)  # watch alerts, including those a stop left unsent


async def on_polling_startup(app: BriefingApp) -> None:
    """`on_startup` for the bot polling Telegram, which first loads the language model and
    starts the reading workers: done on the first article and link instead, they stalled
    every chat's replies for up to a second (bench/load.py). The plotting library and the word
    list load in the background."""
    await app.bot_data.ingestor.warm_up()
    await on_startup(app)
    app.bot_data.background.spawn(asyncio.to_thread(warm_up_libraries))


def warm_up_libraries() -> None:
    """Load, off the event loop, what a user's first chart or first question with a word the
    archive lacks would otherwise wait a second for: matplotlib and the word frequencies."""
    try:
        chart.warm_up()
        lexicon.zipf("news")
    except Exception:  # only a head start: the first chart or question loads them itself
        log.warning("could not load the plotting library or the word list ahead", exc_info=True)


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


def _configure(app: BriefingApp, services: Services) -> None:
    """Hand the composed services to the handlers' shared bot data."""
    data = app.bot_data
    data.configure(
        services.archive, services.actors, services.digests, services.ingestor, services.searcher
    )
    data.digest_extras = services.digest_extras
    data.access = services.access
    data.default_timezone = services.default_timezone
    data.digest_scheduler = JobQueueScheduler(app)


def build_application(
    settings: Settings, request: BaseRequest | None = None, *, warm_up: bool = False
) -> BriefingApp:
    """The bot: settings, services, handlers; `request` replaces the HTTP transport (console);
    `warm_up` readies the analysis and reading before the first update (`on_polling_startup`)."""
    services = build_services(settings)
    builder = (
        Application.builder()
        .application_class(DurableApplication)
        .token(settings.telegram_bot_token or CONSOLE_TOKEN)
        .context_types(ContextTypes(context=BriefingContext, bot_data=BotData))
        .defaults(REPLY_DEFAULTS)  # every message HTML, link previews off
        .rate_limiter(AIORateLimiter(max_retries=RETRIES_AFTER_429))
        # Chats are served side by side; each chat's updates are handled in order.
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(on_polling_startup if warm_up else on_startup)
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
    _configure(app, services)
    start_feed_polling(app, services)
    register(app)
    return app


async def _console(settings: Settings) -> int:
    """The console chat: the real Application on an offline transport, on stdin and stdout."""
    request = OfflineRequest(on_call=OutgoingPrinter(sys.stdout))
    app = build_application(settings, request=request)
    try:
        async with app:
            await on_startup(app)
            jobs = app.job_queue
            if jobs is not None:  # alerts, digests and feed polls run while the console is open
                await jobs.start()
            try:
                await run_console(app, sys.stdin, sys.stdout)
                # Input ended: alerts still waiting for their batch go out now, not never.
                await send_due_alerts(app, now=datetime.now(UTC) + ALERTS_FLUSH)
            finally:
                if jobs is not None:
                    await jobs.stop(wait=False)
    finally:
        await on_shutdown(app)
    return 0


def run_bot(settings: Settings) -> int:
    """Long-poll Telegram with a token; otherwise start the console chat."""
    if not settings.telegram_bot_token:
        return asyncio.run(_console(settings))
    app = build_application(settings, warm_up=True)
    app.run_polling(allowed_updates=Update.ALL_TYPES)
    return 0
