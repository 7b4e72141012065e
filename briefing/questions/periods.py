"""Date ranges typed in questions ("last week", "since 3 March", "between 1 and 5 May",
"in 2015", "last spring"), resolved against the day asked: `find_period`.

Seasons are the northern meteorological ones (spring March to May, summer June to August,
autumn September to November, winter December to February). A season is a date only with
"last", "this", "in" or "during" before it, or a year after it, so "Arab Spring" and "did
prices fall" stay words."""

import re
from datetime import date, timedelta

from briefing.dates import MONTHS

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAD = r"(?:since|after|before|until|till|in|on|during|from|by)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_POINT = (
    rf"(?P<iso>{_Y}-[01]\d-[0-3]\d)"
    rf"|(?P<isom>{_Y}-[01]\d)(?![\d-])"
    rf"|(?P<dmy>{_D}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_Y})?)"
    rf"|(?P<mdy>{_MONTH}\s+{_D}(?:,?\s+{_Y})?)(?![\d:])"
    rf"|(?P<my>{_MONTH},?\s+{_Y})"
    r"|(?P<rel>today|yesterday|(?:this|last|past)\s+(?:week|month|year)"
    r"|(?:the\s+)?(?:last|past)\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|months?))"
    rf"|(?P<wd>(?:last\s+)?(?:{'|'.join(_WEEKDAYS)}))"
    rf"|(?P<lead>{_LEAD})\s+(?P<m>(?:last\s+|this\s+)?{_MONTH}|{_Y})"
    rf"|(?P<shift>last|this)\s+(?P<sm>{_MONTH})"
    rf"|(?P<season>(?:last|this)\s+{_SEASON}(?:\s+(?:of\s+)?{_Y})?"
    rf"|(?<=in\s)(?:the\s+)?{_SEASON}(?:\s+(?:of\s+)?{_Y})?"
    rf"|(?<=during\s)(?:the\s+)?{_SEASON}(?:\s+(?:of\s+)?{_Y})?"
    rf"|{_SEASON}\s+(?:of\s+)?{_Y})"
)
_RANGE = re.compile(
    rf"\b(?:(?P<between>between|from)\s+(?P<d1>{_D})\s+(?:and|to|-|–)\s+(?=\d)"
    rf"|(?P<between2>between)\s+(?P<p1>{_POINT.replace('(?P<', '(?P<a_')})\s+(?:and|to)\s+"
    rf"|(?P<op>since|after|before|until|till|in|on|during|from)\s+)?(?:{_POINT})(?![\w-])",
    re.I,
)


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()[:3]]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _latest(month: int, day: int, today: date) -> date | None:
    """The latest date with this month and day on or before today."""
    for year in range(today.year, today.year - 9, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= today:
            return found
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    return start, end


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _day_span(day: date) -> tuple[date, date]:
    return day, day + timedelta(days=1)


def _parts(text: str) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) named in "22 April 2015", "April 22", "April 2015"."""
    year = re.search(_Y, text)
    month = re.search(_MONTH, text, re.I)
    day = re.search(rf"(?<![\d-]){_D}(?!\d)", re.sub(_Y, "", text))
    return (
        _day_number(day.group()) if day else None,
        _month_number(month.group()) if month else None,
        int(year.group()) if year else None,
    )


def _point(groups: dict[str, str | None], today: date, prefix: str = "") -> tuple[date, date]:
    """The [first, last) days of one date expression, relative to today."""

    def get(name: str) -> str | None:
        return groups.get(prefix + name)

    if value := get("iso"):
        return _day_span(date.fromisoformat(value))
    if value := get("isom"):
        return _month_span(int(value[:4]), int(value[5:7]))
    if (value := get("dmy")) or (value := get("mdy")) or (value := get("my")):
        day, month, year = _parts(value)
        assert month is not None
        if day is None:
            return _month_span(year or today.year, month)
        if year is not None:
            return _day_span(date(year, month, day))
        found = _latest(month, day, today)
        if found is None:
            raise ValueError(value)
        return _day_span(found)
    if value := get("rel"):
        return _relative(value.casefold(), groups, today, prefix)
    if value := get("season"):
        return _season(value.casefold(), today)
    if value := get("wd"):
        target = _WEEKDAYS.index(value.split()[-1].casefold())
        back = (today.weekday() - target) % 7 or (7 if value.lower().startswith("last") else 0)
        return _day_span(today - timedelta(days=back))
    month_text = get("m") or get("sm")
    if month_text is None:
        raise ValueError("no date")
    if re.fullmatch(_Y, month_text):
        year = int(month_text)
        return date(year, 1, 1), date(year + 1, 1, 1)
    shift = (get("shift") or "").casefold() or month_text.split()[0].casefold()
    month = _month_number(month_text.split()[-1])
    year = today.year
    if shift == "last":
        year -= month >= today.month
    elif shift != "this" and month > today.month:
        year -= 1
    return _month_span(year, month)


def _season(text: str, today: date) -> tuple[date, date]:
    """The [first, last) days of a season: of the year given; else "this" one (this year's),
    "last" one (the latest that has ended) or, bare, the latest that has begun."""
    words = text.split()
    name = next(w for w in words if w in _SEASON_START)
    start_month = _SEASON_START[name]
    year_text = next((w for w in words if w.isdigit()), None)

    def span(year: int) -> tuple[date, date]:
        first = date(year, start_month, 1)
        return first, _add_months(first, 3)

    if year_text is not None:
        return span(int(year_text))
    if words[0] == "this":
        return span(today.year)
    year = today.year if date(today.year, start_month, 1) <= today else today.year - 1
    if words[0] == "last" and span(year)[1] > today:  # this one has not ended yet
        year -= 1
    return span(year)


def _relative(
    value: str, groups: dict[str, str | None], today: date, prefix: str
) -> tuple[date, date]:
    tomorrow = today + timedelta(days=1)
    if value == "today":
        return today, tomorrow
    if value == "yesterday":
        return _day_span(today - timedelta(days=1))
    count = groups.get(prefix + "n")
    if count is not None:
        unit = (groups.get(prefix + "unit") or "day").rstrip("s").casefold()
        number = int(count)
        if unit == "month":
            return _add_months(today, -number), tomorrow
        return today - timedelta(days=number * (7 if unit == "week" else 1) - 1), tomorrow
    which, unit = value.split()[0], value.split()[-1]
    if which == "past":
        span = {"week": 7, "month": 30, "year": 365}[unit]
        return today - timedelta(days=span - 1), tomorrow
    step = -1 if which == "last" else 0
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(weeks=1)
    if unit == "month":
        start = _add_months(today, step)
        return start, _add_months(start, 1)
    return date(today.year + step, 1, 1), date(today.year + step + 1, 1, 1)


def find_period(text: str, today: date) -> tuple[str | None, str | None, str, tuple[int, int]]:
    """The first date expression: (since, until, words as typed, span); Nones when none."""
    for match in _RANGE.finditer(text):
        groups = match.groupdict()
        try:
            first, last = _point(groups, today)
            if groups.get("d1"):
                day = _day_number(groups["d1"] or "")
                first = first.replace(day=day)
            elif groups.get("p1"):
                first = _point(groups, today, "a_")[0]
        except (ValueError, KeyError):
            continue
        op = (groups.get("op") or groups.get("lead") or "").casefold()
        since: date | None = first
        until: date | None = last
        if op == "since":
            until = None
        elif op == "after":
            since, until = last, None
        elif op == "before":
            since, until = None, first
        elif op in {"until", "till"}:
            since = None
        if since is not None and until is not None and since >= until:
            continue
        label = " ".join(match.group().split())
        return (
            since.isoformat() if since else None,
            until.isoformat() if until else None,
            label,
            match.span(),
        )
    return None, None, "", (0, 0)
