"""When to poll a feed next: every 30 minutes by default, a little jitter so feeds added
together are not polled together, exponential back-off after failures (and at least as long as
a site's Retry-After asks), and a pause after a week of failures."""

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

POLL_INTERVAL = timedelta(minutes=30)
JITTER = 0.1  # up to this share of the interval is added at random
MAX_BACKOFF = timedelta(hours=12)
MAX_RETRY_AFTER = timedelta(days=1)
PAUSE_AFTER = timedelta(days=7)

Random = Callable[[], float]  # a number in [0, 1)


def next_poll(
    now: datetime,
    failures: int = 0,
    retry_after: timedelta | None = None,
    interval: timedelta = POLL_INTERVAL,
    rand: Random = random.random,
) -> datetime:
    """The next poll after one that succeeded (`failures` 0) or was the `failures`-th failure
    in a row: the interval doubled for each failure after the first, capped at MAX_BACKOFF,
    never sooner than `retry_after`, plus jitter."""
    doublings: int = min(max(failures - 1, 0), 16)  # 2**16 intervals pass any sane cap
    wait: timedelta = min(interval * (1 << doublings), max(MAX_BACKOFF, interval))
    if retry_after is not None:
        wait = max(wait, min(retry_after, MAX_RETRY_AFTER))
    return now + wait + interval * JITTER * rand()


def retry_after(header: str | None, now: datetime) -> timedelta | None:
    """A Retry-After header (seconds, or an HTTP date) as a delay from `now`; None if absent
    or unreadable."""
    if not header:
        return None
    text = header.strip()
    if text.isdigit():
        return timedelta(seconds=int(text))
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(moment - now, timedelta(0))


def should_pause(failing_since: datetime | None, now: datetime) -> bool:
    """True when a feed has failed at every poll for a week."""
    return failing_since is not None and now - failing_since >= PAUSE_AFTER


def first_poll(now: datetime, spread: timedelta, rand: Random = random.random) -> datetime:
    """When to poll a feed just added: within `spread` from now (many feeds imported at once
    are spread out)."""
    return now + spread * rand()
