"""Sending watch alerts: a repeating job on PTB's JobQueue that sends each chat's due alerts.

Alerts are recorded in the database with the analysis of the article that raised them (by the
bot, an import or a feed alike), so this job only reads and sends: every `INTERVAL` it takes
the chats whose alerts are due (`briefing.watches.alerts.due_chats`), sends each chat's alerts
as one message, and marks them sent once Telegram accepted it. A restart sends what was left
unsent, and nothing twice. A chat that can never get the message (the bot was blocked, the
chat is gone) or a message Telegram refuses has its alerts marked given up, not tried forever;
a network failure leaves them for the next run.
"""

import asyncio
import logging
from datetime import UTC, datetime, timedelta

from telegram import Bot
from telegram.error import BadRequest, Forbidden, TelegramError

from bot.scheduling import repeat
from briefing.watches import due_chats, mark_sent, next_batch, watch_store
from handlers import BriefingApp, BriefingContext, alert_messages
from storage.watches import WatchStore

log = logging.getLogger(__name__)

INTERVAL = timedelta(seconds=3)
JOB_NAME = "alerts"


def start_alerts(app: BriefingApp) -> None:
    """Start (or restart) the repeating job that sends alerts."""
    every = INTERVAL.total_seconds()
    if not repeat(app, alerts_job, JOB_NAME, every=every, first=every):
        log.warning("no job queue: watch alerts are not sent")


async def alerts_job(context: BriefingContext) -> None:
    """The job: send the due alerts of every chat."""
    await send_due_alerts(context.app)


async def send_due_alerts(app: BriefingApp, now: datetime | None = None) -> int:
    """Send every chat's due alerts, one message a chat; returns how many alerts were sent."""
    store = watch_store(app.bot_data.archive)
    chats = await asyncio.to_thread(due_chats, store, now or datetime.now(UTC))
    sent = 0
    for chat_id in chats:
        try:
            sent += await send_chat_alerts(app.bot, store, chat_id)
        except Exception:  # one chat's failure must not hold up the others
            log.exception("alerts of chat %s could not be sent", chat_id)
    return sent


async def send_chat_alerts(bot: Bot, store: WatchStore, chat_id: int) -> int:
    """Send one message of the chat's unsent alerts and mark them; returns how many it held."""
    batch = await asyncio.to_thread(next_batch, store, chat_id)
    if batch is None:
        return 0
    try:
        for part in alert_messages(batch):
            await bot.send_message(chat_id, part)
    except (Forbidden, BadRequest) as error:
        outcome = f"not sent: {error.message}"
        log.warning("alerts of chat %s given up: %s", chat_id, error.message)
        await asyncio.to_thread(mark_sent, store, batch, outcome)
        return 0
    except TelegramError as error:
        log.warning("alerts of chat %s not sent now, tried again: %s", chat_id, error)
        return 0
    await asyncio.to_thread(mark_sent, store, batch)
    return batch.total
