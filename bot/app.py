"""The composition root: build the Application with its archive, handlers and transport."""

import asyncio
import logging
from typing import cast

from telegram.ext import AIORateLimiter, Application, ContextTypes
from telegram.request import BaseRequest

from bot.console import CONSOLE_TOKEN
from bot.settings import Settings
from briefing.access import AccessPolicy
from briefing.ingest import resume_pending
from handlers import COMMANDS, bot_commands, register
from handlers.context import BotData, BriefingApp, BriefingContext
from storage import Archive

log = logging.getLogger(__name__)


async def on_startup(app: BriefingApp) -> None:
    """Publish the command menu and finish any ingest left pending by the last run."""
    await app.bot.set_my_commands(bot_commands(COMMANDS))
    resumed = await asyncio.to_thread(resume_pending, app.bot_data.archive)
    if resumed:
        log.info("finished %d article(s) left pending by the last run", resumed)


async def on_shutdown(app: BriefingApp) -> None:
    """Close the archive."""
    app.bot_data.archive.close()


def build_application(settings: Settings, request: BaseRequest | None = None) -> BriefingApp:
    """The bot: settings, archive, handlers; `request` replaces the HTTP transport (console)."""
    context_types = ContextTypes(context=BriefingContext, bot_data=BotData)
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token or CONSOLE_TOKEN)
        .context_types(context_types)
        .rate_limiter(AIORateLimiter())
        .post_init(on_startup)
        .post_shutdown(on_shutdown)
    )
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    app = cast(BriefingApp, builder.build())
    app.bot_data.archive = Archive.open(settings.briefing_db)
    app.bot_data.access = AccessPolicy(settings.allowed_user_ids, settings.admin_user_ids)
    register(app)
    return app
