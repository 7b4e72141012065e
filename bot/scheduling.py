"""Daily digests on PTB's JobQueue: one tz-aware job per subscribed chat, rebuilt at start-up.

The database is the truth; the jobs are rebuilt from it each start. A digest missed while the
bot was down goes out once at start-up if its time was less than 12 hours ago (the rule is
`briefing.digests.schedule.due_slot`); a digest that could not be sent is tried again every ten
minutes within those 12 hours. Each job is `digest:<chat id>` and replaced when the chat
re-subscribes; APScheduler's cron trigger in the chat's zone keeps the local time across
daylight-saving changes.
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from briefing.digests.schedule import CATCH_UP_GRACE, due_slot, time_of, utc_now
from handlers import BriefingApp, BriefingContext, deliver_digest
from storage import Subscription

log = logging.getLogger(__name__)

RETRY_DELAY = timedelta(minutes=10)


def repeat(
    app: BriefingApp,
    job: Callable[[BriefingContext], Coroutine[Any, Any, None]],
    name: str,
    every: float,
    first: float,
) -> bool:
    """Run `job` every `every` seconds from `first` on, one run at a time, replacing a job of
    the same name; False when the application has no job queue."""
    queue = app.job_queue
    if queue is None:
        return False
    for old in queue.get_jobs_by_name(name):
        old.schedule_removal()
    queue.run_repeating(
        job,
        interval=every,
        first=first,
        name=name,
        job_kwargs={"max_instances": 1, "coalesce": True},
    )
    return True


def job_name(chat_id: int) -> str:
    """The name of a chat's daily digest job."""
    return f"digest:{chat_id}"


def job_time(subscription: Subscription) -> time:
    """The job's time of day, aware of the chat's zone."""
    return time_of(subscription.at).replace(tzinfo=ZoneInfo(subscription.zone))


class JobQueueScheduler:
    """The `DigestScheduler` of the running bot: jobs on the application's JobQueue."""

    def __init__(self, app: BriefingApp, clock: Callable[[], datetime] = utc_now) -> None:
        self.app = app
        self.clock = clock
        self._locks: dict[int, asyncio.Lock] = {}

    def now(self) -> datetime:
        """The scheduler's clock (tests replace `clock`)."""
        return self.clock()

    def set(self, subscription: Subscription) -> None:
        """Create or replace the chat's daily job."""
        self.cancel(subscription.chat_id)
        queue = self.app.job_queue
        if queue is None:
            log.warning(
                "no job queue: the digest of chat %s is not scheduled", subscription.chat_id
            )
            return
        queue.run_daily(
            scheduled_digest,
            time=job_time(subscription),
            name=job_name(subscription.chat_id),
            chat_id=subscription.chat_id,
            job_kwargs={
                "misfire_grace_time": int(CATCH_UP_GRACE.total_seconds()),
                "coalesce": True,
            },
        )

    def cancel(self, chat_id: int) -> None:
        """Remove the chat's daily job and any pending retry."""
        queue = self.app.job_queue
        if queue is None:
            return
        for name in (job_name(chat_id), f"{job_name(chat_id)}:retry"):
            for job in queue.get_jobs_by_name(name):
                job.schedule_removal()

    def lock(self, chat_id: int) -> asyncio.Lock:
        """One digest at a time per chat."""
        return self._locks.setdefault(chat_id, asyncio.Lock())


async def scheduled_digest(context: BriefingContext) -> None:
    """The job: send the chat's due digest; if it failed for now, try again a little later."""
    job = context.job
    if job is None or job.chat_id is None:
        return
    outcome = await deliver_digest(context.app, job.chat_id, "scheduled")
    queue = context.app.job_queue
    if outcome == "failed" and queue is not None:
        queue.run_once(
            scheduled_digest,
            when=RETRY_DELAY,
            name=f"{job_name(job.chat_id)}:retry",
            chat_id=job.chat_id,
        )


async def _catch_up(app: BriefingApp, chat_id: int) -> None:
    try:
        await deliver_digest(app, chat_id, "scheduled")
    except Exception:
        log.exception("the missed digest of chat %s could not be sent", chat_id)


async def _catch_up_after(
    app: BriefingApp, chat_ids: list[int], earlier: list["asyncio.Task[Any]"]
) -> None:
    """Send missed digests once the items resumed at start-up are read, so none is skipped."""
    await asyncio.gather(*earlier, return_exceptions=True)
    await asyncio.gather(*(_catch_up(app, chat_id) for chat_id in chat_ids))


async def restore_schedules(app: BriefingApp) -> int:
    """Rebuild every chat's job from the database and send the digests missed meanwhile.

    The missed digests go out in the background, after the background work already running
    (items resumed at start-up); `wait_for_background` waits for them. Returns how many chats
    have a job.
    """
    scheduler = app.bot_data.digest_scheduler
    subscriptions = await asyncio.to_thread(app.bot_data.digests.scheduled)
    now = scheduler.now()
    missed = []
    for subscription in subscriptions:
        scheduler.set(subscription)
        if due_slot(subscription, now) is not None:
            missed.append(subscription.chat_id)
    if missed:
        background = app.bot_data.background
        background.spawn(_catch_up_after(app, missed, list(background.tasks)))
    if subscriptions:
        log.info("scheduled %d daily digest(s); %d missed", len(subscriptions), len(missed))
    return len(subscriptions)
