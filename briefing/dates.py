"""Recognise publication-date lines in the forms news sites and pasted articles use."""

import re
from datetime import date, datetime

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PREFIX = r"(?:(?:published|updated|posted|date|dated)(?:\s+on)?\s*:?\s*)?"
_TIME = (
    r"(?:\s*(?:,|\||-|–|—|at)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?::\d{2})?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?|\s*[+-]\d{2}:?\d{2}|Z)?)?"
)

_DATE_FORMS = [
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}",
    r"(?P<year>(?:19|20)\d{2})-(?P<nmonth>\d{1,2})-(?P<day>\d{1,2})",
    r"(?P<year>(?:19|20)\d{2})/(?P<nmonth>\d{1,2})/(?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>(?:19|20)\d{2})",
]
_LINE_PATTERNS = [
    re.compile(rf"^\s*{_PREFIX}{_WEEKDAY}{form}(?:T|\s+)?{_TIME}\s*\.?\s*$", re.IGNORECASE)
    for form in _DATE_FORMS
]


def _build(match: re.Match[str]) -> date | datetime | None:
    parts = match.groupdict()
    month = MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["nmonth"])
    try:
        day = date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
    if parts.get("hour") is None:
        return day
    hour, minute = int(parts["hour"]), int(parts["minute"])
    ampm = (parts.get("ampm") or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day
    return datetime(day.year, day.month, day.day, hour, minute)


def parse_date_line(line: str) -> str | None:
    """The ISO date (or date and minute) if the whole line is a date, else None.

    Accepts "April 22, 2015", "22 April 2015", "Apr. 22, 2015 10:00", "2015-04-22",
    "Wednesday, 22 April 2015 at 3:15 pm", "Published: 22.04.2015" and similar.
    """
    if len(line) > 80:
        return None
    for pattern in _LINE_PATTERNS:
        match = pattern.match(line)
        if match:
            value = _build(match)
            if value is None:
                return None
            if isinstance(value, datetime):
                return value.isoformat(timespec="minutes")
            return value.isoformat()
    return None


def display_date(iso: str | None) -> str:
    """Format a stored ISO date for people: "22 Apr 2015" (with the time when known)."""
    if not iso:
        return "undated"
    try:
        if len(iso) <= 10:
            return date.fromisoformat(iso).strftime("%-d %b %Y")
        return datetime.fromisoformat(iso).strftime("%-d %b %Y %H:%M")
    except ValueError:
        return iso


def normalise_date(value: object) -> str | None:
    """An ISO date or date-and-minute from an ISO string or any form `parse_date_line` reads."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return parse_date_line(text)
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.replace(tzinfo=None).isoformat(timespec="minutes")
