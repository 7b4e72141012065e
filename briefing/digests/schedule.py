"""Digest time maths: local HH:MM in an IANA zone, slots, windows and missed digests.

Pure functions of an injected `now` (no clock is read here except by `utc_now`), so the
scheduling rules can be tested across time zones and daylight-saving changes without waiting.
Also the seam between the handlers and the composition root's job queue: `DigestScheduler`.
"""

import asyncio
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from storage import Subscription

DEFAULT_AT = "08:00"
MAX_WINDOW = timedelta(days=7)  # a digest never reaches further back than this
FIRST_WINDOW = timedelta(days=1)  # a chat's first digest covers the day before it
CATCH_UP_GRACE = timedelta(hours=12)  # a digest missed longer ago waits for the next slot
PENDING_GRACE = timedelta(minutes=30)  # how long an article being read may hold a window open

_HHMM_RE = re.compile(r"^([01]?\d|2[0-3])[:.h]?([0-5]\d)$")


def utc_now() -> datetime:
    """The current time, UTC, whole seconds (the resolution of the archive's `added_at`)."""
    return datetime.now(UTC).replace(microsecond=0)


def parse_hhmm(text: str) -> str | None:
    """ "7:30", "07:30", "0730", "7.30" → "07:30"; None if it is not a time of day."""
    match = _HHMM_RE.match(text.strip())
    return f"{int(match.group(1)):02d}:{match.group(2)}" if match else None


@lru_cache(maxsize=1)
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def find_zone(name: str) -> str | None:
    """The canonical IANA name for `name` (case-insensitive: "europe/berlin"), or None."""
    text = name.strip()
    if not text or ".." in text or text.startswith("/"):
        return None
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        return _zones_by_folded_name().get(text.casefold())
    return text


def time_of(at: str) -> time:
    """ "07:30" → time(7, 30)."""
    hours, minutes = at.split(":")
    return time(int(hours), int(minutes))


def slot_on(day: date, at: str, zone: str) -> datetime:
    """The digest time of local `day`, in UTC.

    A time skipped by a daylight-saving change (02:30 on the spring-forward night) falls the
    length of the gap later; a repeated one (autumn) is its first occurrence.
    """
    local = datetime.combine(day, time_of(at), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def latest_slot(at: str, zone: str, now: datetime) -> datetime:
    """The last digest time at or before `now`."""
    today = now.astimezone(ZoneInfo(zone)).date()
    for back in range(3):
        slot = slot_on(today - timedelta(days=back), at, zone)
        if slot <= now:
            return slot
    raise AssertionError("a daily time always occurs within three days")


def next_slot(at: str, zone: str, now: datetime) -> datetime:
    """The first digest time after `now`."""
    today = now.astimezone(ZoneInfo(zone)).date()
    for ahead in range(3):
        slot = slot_on(today + timedelta(days=ahead), at, zone)
        if slot > now:
            return slot
    raise AssertionError("a daily time always occurs within three days")


def due_slot(subscription: Subscription, now: datetime) -> datetime | None:
    """The scheduled digest that should go out now, if any.

    That is the latest slot at or before `now` when it came after the subscription was made and
    after the last digest sent, and at most 12 hours ago: a bot that was down at the scheduled
    time sends the missed digest once at start-up, but not a stale one. (APScheduler never runs
    a job before its time, and `now` is whole seconds, so a job at its slot finds it due.)
    """
    if not subscription.scheduled:
        return None
    slot = latest_slot(subscription.at, subscription.zone, now)
    if now - slot > CATCH_UP_GRACE:
        return None
    for earlier in (subscription.subscribed_at, subscription.last_sent_at):
        if earlier is not None and earlier >= slot:
            return None
    return slot


def continues_from(subscription: Subscription | None) -> datetime | None:
    """Where the chat's next digest starts: the end of the last one delivered, else a day
    before it subscribed (so a first digest after a long outage still misses nothing)."""
    if subscription is None:
        return None
    if subscription.delivered_until is not None:
        return subscription.delivered_until
    if subscription.active and subscription.subscribed_at is not None:
        return subscription.subscribed_at - FIRST_WINDOW
    return None


def digest_window(
    delivered_until: datetime | None, now: datetime, oldest_pending: datetime | None = None
) -> tuple[datetime, datetime]:
    """The `[since, until)` a digest sent at `now` covers.

    It starts where the last delivered digest ended (at most seven days back; a first digest
    covers one day) and ends now, or earlier, at an article still being read (for at most half
    an hour), so that the article is in the next digest instead of in none.
    """
    until = now.replace(microsecond=0)
    floor = until - MAX_WINDOW
    since = max(delivered_until, floor) if delivered_until else until - FIRST_WINDOW
    if oldest_pending is not None and until - oldest_pending <= PENDING_GRACE:
        until = max(since, min(until, oldest_pending))
    return since, until


def parse_moment(text: str, zone: str) -> datetime:
    """An ISO date or date-time; without an offset it is local time in `zone`.

    Raises ValueError for anything else.
    """
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


class DigestScheduler(Protocol):
    """What the handlers need from the scheduler: its clock, the daily jobs, one run per chat.

    The composition root provides the job-queue implementation (`bot.scheduling`).
    """

    def now(self) -> datetime:
        """The current time (tests inject a clock)."""
        ...

    def set(self, subscription: Subscription) -> None:
        """Create or replace the chat's daily job."""
        ...

    def cancel(self, chat_id: int) -> None:
        """Remove the chat's daily job, if any."""
        ...

    def lock(self, chat_id: int) -> asyncio.Lock:
        """Held while a digest of the chat is built and sent, so two never overlap."""
        ...


class Unscheduled:
    """A scheduler without jobs: the default until the composition root sets the real one."""

    def __init__(self) -> None:
        self._locks: dict[int, asyncio.Lock] = {}

    def now(self) -> datetime:
        """The real clock."""
        return utc_now()

    def set(self, subscription: Subscription) -> None:
        """No jobs here."""

    def cancel(self, chat_id: int) -> None:
        """No jobs here."""

    def lock(self, chat_id: int) -> asyncio.Lock:
        """One lock per chat."""
        return self._locks.setdefault(chat_id, asyncio.Lock())


def parse_subscription(args: list[str], at: str, zone: str) -> tuple[str, str]:
    """`/subscribe` arguments (a time, a zone, either, both, in any order) over the defaults.

    Raises ValueError with a message for the user when an argument is neither.
    """
    if len(args) > 2:
        raise ValueError("give at most a time and a zone")
    for arg in args:
        if (hhmm := parse_hhmm(arg)) is not None:
            at = hhmm
        elif (found := find_zone(arg)) is not None:
            zone = found
        else:
            raise ValueError(f"{arg!r} is neither a time (HH:MM) nor a time zone (Area/City)")
    return at, zone
