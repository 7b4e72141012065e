"""Feed polling on PTB's JobQueue: one repeating job looks every minute for the feeds whose time
has come (each feed every 30 minutes, with jitter and back-off: `briefing.feeds.schedule`),
polls them and tells each chat, in one message, what its feeds brought."""

import logging

from bot.scheduling import repeat
from bot.services import Services
from briefing.feeds.service import FeedService
from handlers import BriefingApp, BriefingContext, report_poll

log = logging.getLogger(__name__)

JOB_NAME = "feeds"
LOOK_EVERY = 60.0  # seconds between looks for due feeds
FIRST_LOOK = 20.0  # seconds after start: the resumed items and the digests go first


def start_feed_polling(app: BriefingApp, services: Services) -> None:
    """Give the handlers the feed use cases and schedule the polling job (it runs once the job
    queue is started: by the bot and the console, not by the offline tests)."""
    app.bot_data.feeds = FeedService.build(
        services.archive, app.bot_data.ingest, services.fetch_policy
    )
    if not repeat(app, poll_due_feeds, JOB_NAME, every=LOOK_EVERY, first=FIRST_LOOK):
        log.warning("no job queue: feeds are polled only when asked (python -m bot feeds poll)")


async def poll_due_feeds(context: BriefingContext) -> None:
    """The job: poll every due feed of every chat and report the results."""
    feeds = context.bot_data.feeds
    if feeds is None:
        return
    results = await feeds.poller.poll_due()
    if results:
        log.info("polled %d feed(s)", len(results))
    await report_poll(context.bot, results)
