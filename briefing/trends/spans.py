"""The days a trend chart covers: a period typed as "30d", "12w", "6m" or "1y", or dates given,
ending at the chat's newest article by default; and whether it is drawn by day or by week (whole
weeks that end with the last day)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Bucket = Literal["day", "week"]

DEFAULT_DAYS = 30
MIN_DAYS = 7
MAX_DAYS = 5 * 365 + 1
WEEKLY_AFTER_DAYS = 92  # longer spans are drawn by week: a year of days is noise on a phone
_PERIOD = re.compile(r"(\d{1,4})([dwmy])", re.IGNORECASE)
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}


class SpanError(ValueError):
    """A period or pair of dates that cannot be charted; the text says why, for the user."""


@dataclass(frozen=True)
class Span:
    """Days [since, until): `until` is the day after the last one charted."""

    since: date
    until: date

    @property
    def days(self) -> int:
        """How many days the span covers."""
        return (self.until - self.since).days

    @property
    def last(self) -> date:
        """The last day charted."""
        return self.until - timedelta(days=1)

    @property
    def bucket(self) -> Bucket:
        """Points by day, or by week for long spans."""
        return "week" if self.days > WEEKLY_AFTER_DAYS else "day"

    def previous(self) -> "Span":
        """The span of the same length just before this one (what the change is against)."""
        return Span(self.since - timedelta(days=self.days), self.since)


def is_period(token: str) -> bool:
    """Whether a word is written as a period ("30d", "1y"), valid or not."""
    return _PERIOD.fullmatch(token.strip()) is not None


def period_days(token: str) -> int:
    """The days of a period such as "30d", "12w", "6m", "1y"; SpanError when out of range."""
    found = _PERIOD.fullmatch(token.strip())
    if found is None:
        raise SpanError(f"{token!r} is not a period: write it like 30d, 12w, 6m or 1y.")
    days = int(found[1]) * _UNIT_DAYS[found[2].lower()]
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise SpanError(f"A period goes from {MIN_DAYS} days to 5 years; {token} is {days} days.")
    return days


def span_ending(last: date, days: int = DEFAULT_DAYS) -> Span:
    """The `days` days that end with `last` (whole weeks when drawn by week)."""
    return in_whole_weeks(Span(last - timedelta(days=days - 1), last + timedelta(days=1)))


def span_between(since: date | None, last: date | None, newest: date) -> Span:
    """Days from `since` to `last` (both included; whole weeks when drawn by week); without
    `last`, to the newest article's day; without `since`, the `DEFAULT_DAYS` days that end
    with the last day."""
    end = last or newest
    start = since or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise SpanError(f"The first day ({start}) comes after the last ({end}).")
    span = Span(start, end + timedelta(days=1))
    if span.days > MAX_DAYS:
        raise SpanError(f"A chart covers at most 5 years; {start} to {end} is {span.days} days.")
    return in_whole_weeks(span)


def in_whole_weeks(span: Span) -> Span:
    """A span drawn by week, begun earlier (by up to six days) so that it is whole weeks
    ending with its last day: no point is a part of a week, which would read as a fall."""
    if span.bucket == "day":
        return span
    weeks = -(-span.days // 7)
    return Span(span.until - timedelta(weeks=weeks), span.until)


def bucket_start(day: date, span: Span) -> date:
    """The first day of the point `day` counts in: the day itself, or the first day of its
    week (weeks counted from the span's first day)."""
    if span.bucket == "day":
        return day
    return span.since + timedelta(weeks=(day - span.since).days // 7)


def bucket_starts(span: Span) -> list[date]:
    """The first day of every point of the span, in order."""
    step = timedelta(days=1 if span.bucket == "day" else 7)
    count = -(-span.days // step.days)
    return [span.since + step * n for n in range(count)]
