"""Date expressions in news text ("Wednesday", "Feb. 12", "last month") resolved to dates.

News dates events relative to the day it is published, so each expression is resolved
against the publication date: a weekday or a day of a month is the latest one on or before
it (news reports what happened; the next one on or after it when the caller says the text
speaks of the future), "last"/"next" step strictly back or forward. The result is
an ISO string as precise as the expression: "2015-04-22" for a day (a week is given by its
Monday), "2015-03" for a month, "2015" for a year; such strings sort in time order.
"""

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from briefing.dates import MONTHS

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH = (
    r"(?P<month>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SHIFT = r"(?:(?P<shift>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
_COUNT = r"(?P<count>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_END = r"(?![\w-])"


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: its character span, its words and the ISO value."""

    start: int
    end: int
    text: str
    value: str


def _day(value: date) -> str:
    return value.isoformat()


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(published: date, months: int) -> tuple[int, int]:
    index = published.year * 12 + published.month - 1 + months
    return index // 12, index % 12 + 1


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").lower()]


def _weekday(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    target = _WEEKDAYS[match["weekday"].lower()]
    shift = (match["shift"] or "").lower()
    if shift == "next" or (future and shift != "last"):
        ahead = (target - published.weekday()) % 7
        return _day(published + timedelta(days=ahead or (7 if shift == "next" else 0)))
    back = (published.weekday() - target) % 7
    if shift == "last" and back == 0:
        back = 7
    return _day(published - timedelta(days=back))


def _full_date(match: re.Match[str], _: date | None, future: bool) -> str | None:
    groups = match.groupdict()
    month = int(groups["nmonth"]) if groups.get("nmonth") else _month_number(groups["month"])
    try:
        return _day(date(int(match["year"]), month, int(match["day"])))
    except ValueError:
        return None


def _day_of_month(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    month, day = _month_number(match["month"]), int(match["day"])
    step = 1 if future else -1
    for year in range(published.year, published.year + 8 * step, step):
        try:
            found = date(year, month, day)
        except ValueError:
            continue  # 29 February: try the next year that has one
        if (found >= published) if future else (found <= published):
            return _day(found)
    return None


def _month_of_year(match: re.Match[str], _: date | None, future: bool) -> str | None:
    return _month(int(match["year"]), _month_number(match["month"]))


def _named_month(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    month = _month_number(match["month"])
    shift = (match["shift"] or "").lower()
    year = published.year
    if shift == "next" or (future and shift != "last"):
        year += month < published.month or (shift == "next" and month == published.month)
    elif month > published.month or (shift == "last" and month == published.month):
        year -= 1
    return _month(year, month)


def _year(match: re.Match[str], _: date | None, future: bool) -> str | None:
    return match["year"]


def _relative_day(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    words = match.group().lower().split()
    offsets = {"yesterday": -1, "tomorrow": 1, "night": -1}
    if "before" in words:
        return _day(published - timedelta(days=2))
    offset = next((offsets[w] for w in words if w in offsets), 0)
    return _day(published + timedelta(days=offset))


def _period(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    step = {"last": -1, "next": 1}.get(match["which"].lower(), 0)
    unit = match["unit"].lower()
    if unit == "year":
        return str(published.year + step)
    if unit == "month":
        return _month(*_add_months(published, step))
    if unit == "weekend":
        back = (published.weekday() - 5) % 7 or (7 if step < 0 else 0)
        return _day(published - timedelta(days=back))
    monday = published - timedelta(days=published.weekday())
    return _day(monday + timedelta(weeks=step))


def _ago(match: re.Match[str], published: date | None, future: bool) -> str | None:
    if published is None:
        return None
    count_text = match["count"].lower()
    count = int(count_text) if count_text.isdigit() else _NUMBERS[count_text]
    unit = match["unit"].lower().rstrip("s")
    if unit == "day":
        return _day(published - timedelta(days=count))
    if unit == "week":
        return _day(published - timedelta(weeks=count))
    if unit == "month":
        return _month(*_add_months(published, -count))
    return str(published.year - count)


_Resolver = Callable[[re.Match[str], date | None, bool], str | None]

_PATTERNS: list[tuple[re.Pattern[str], _Resolver]] = [
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}{_END}"), _full_date),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_END}"), _full_date),
    (re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<nmonth>[01]\d)-(?P<day>[0-3]\d)\b"), _full_date),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}(?!\s*,?\s*\d)(?![\w%-])"), _day_of_month),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d)(?![\w-])"), _day_of_month),
    (re.compile(rf"\b{_MONTH},?\s+{_YEAR}{_END}"), _month_of_year),
    (
        re.compile(
            r"\b(?:(?P<shift>[Ll]ast|[Nn]ext|[Tt]his)\s+|[Mm]id-|(?:[Ii]n|[Ss]ince|[Dd]uring"
            r"|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate)\s+(?:early\s+|late\s+|mid-)?)"
            rf"{_MONTH}(?!\.?\s*\d)(?![\w-])"
        ),
        _named_month,
    ),
    (re.compile(rf"\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Uu]ntil|[Bb]y)\s+{_YEAR}(?![\w%-])"), _year),
    (re.compile(rf"\b{_SHIFT}{_WEEKDAY}{_END}"), _weekday),
    (
        re.compile(
            r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow"
            r"|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            re.IGNORECASE,
        ),
        _relative_day,
    ),
    (
        re.compile(
            r"\b(?:earlier\s+|later\s+)?(?P<which>last|next|this|at\s+the)\s+"
            r"(?P<unit>week|month|year|weekend)\b",
            re.IGNORECASE,
        ),
        _period,
    ),
    (
        re.compile(rf"\b{_COUNT}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I),
        _ago,
    ),
]


def find_dates(text: str, published: date | None, future: bool = False) -> list[DateMention]:
    """The resolvable date expressions of a text, in order, longest first where they overlap.

    Without a publication date only expressions that name their year resolve. With `future`
    (the text speaks of what will happen) a bare weekday, day or month is the next one on or
    after the publication date instead.
    """
    found: list[tuple[int, int, str]] = []
    for pattern, resolve in _PATTERNS:
        for match in pattern.finditer(text):
            value = resolve(match, published, future)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda item: (item[0], item[0] - item[1]))
    mentions: list[DateMention] = []
    for start, end, value in found:
        if mentions and start < mentions[-1].end:
            continue
        mentions.append(DateMention(start, end, text[start:end], value))
    return mentions
