"""Wire datelines and agency markers at the top of a pasted article.

A dateline says where and when a story was filed: "KIEV, April 23 (Reuters) - ",
"LONDON 1996-08-30", "Kiev, 23 April 2015", "WASHINGTON (AP) — ", "SALVADOR, Feb 26 - ". It
gives the article's date and the agency that sent it, and it is not part of what anyone said,
so the body loses it. A dateline without a year takes the latest such date not after a
reference moment (the paste, or a date the text states elsewhere); the day after is allowed
too, since a wire's day may already have begun where the story was filed.

The date's words are read by python-dateutil; which part of a line is a dateline is decided
here, strictly, because a false dateline would date an article wrongly with confidence.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from dateutil import parser as date_parser

from briefing.dates import MONTHS

AGENCIES = {
    "reuters": "Reuters", "reuter": "Reuters", "thomson reuters": "Reuters",
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg",
    "upi": "UPI", "united press international": "UPI",
    "dpa": "dpa", "deutsche presse-agentur": "dpa",
    "xinhua": "Xinhua", "tass": "TASS", "itar-tass": "TASS", "interfax": "Interfax",
    "ria novosti": "RIA Novosti", "kyodo": "Kyodo", "kyodo news": "Kyodo",
    "yonhap": "Yonhap", "efe": "EFE", "ansa": "ANSA", "pti": "PTI", "anadolu": "Anadolu",
    "cnn": "CNN", "dow jones": "Dow Jones",
}  # fmt: skip
"""Agency names as wires and papers write them, and the one name each is stored under."""

YEAR_SLACK = timedelta(days=1)  # a dateline may be a day ahead of the paste (time zones)
_PLACE_WORDS_MAX = 6

_AGENCY = (
    "(?i:" + "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True)) + ")"
)
_MONTH_NAME = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_MONTH = rf"{_MONTH_NAME}\.?"
_DAY = r"\d{1,2}(?i:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?i:mon|tues|wednes|thurs|fri|satur|sun)(?i:day)"
_DATE = (
    rf"(?:{_WEEKDAY},?\s+)?(?P<date>{_MONTH}\s+{_DAY}(?P<year1>,?\s+{_YEAR})?"
    rf"|{_DAY}\s+{_MONTH}(?P<year2>,?\s+{_YEAR})?|(?P<iso>{_YEAR}-\d{{2}}-\d{{2}}))"
)
# A place word starts with a letter ("SAO", "St.", "N.M.", "O'HARE", "DALLAS/FORT"; `_is_place`
# wants capitals); a few small words may join them ("DAR ES SALAAM", "Rio de Janeiro"). Month
# and weekday names are never a place, so "March 3, 2024" and "Monday, April 23" stay dates.
_PLACE_WORD = rf"(?!(?:{_MONTH_NAME}|{_WEEKDAY})\b)[^\W\d_][\w'’.&/-]*"
_JOINERS = frozenset("de del da do dos la le el es al am an upon on sur city".split())
_JOINER = "(?:" + "|".join(sorted(_JOINERS)) + ")"
_NAME = rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|{_JOINER}))*"
_PLACE = rf"(?P<place>{_NAME}(?:\s*,\s*{_NAME}){{0,2}})"
_MARKER = rf"(?:[(\[](?P<agency>{_AGENCY})[)\]]|,\s*(?P<agency_bare>{_AGENCY})\b)"
_SEPARATOR = r"(?P<separator>--|[-–—])"

_DATELINE_RE = re.compile(
    rf"^\W{{0,4}}?(?:{_PLACE}\s*,?\s*)??(?:{_DATE}\s*)?{_MARKER}?\s*,?\s*"
    rf"(?:{_SEPARATOR}(?:\s+|$)|$)"
)
_SIGNATURE_RE = re.compile(rf"^[\s\-–—(\[]*(?P<agency>{_AGENCY})[\s)\].\-–—]*$")


@dataclass(frozen=True)
class Dateline:
    """What a dateline says: where, when (ISO date or None) and which agency; `rest` is the
    line after it (empty for a dateline on a line of its own)."""

    place: str
    published_at: str | None
    source: str
    rest: str


def agency_name(text: str) -> str:
    """The stored name of a wire agency written any usual way ("Reuter" -> "Reuters"), or ""."""
    return AGENCIES.get(" ".join(text.split()).casefold(), "")


def signature_agency(line: str) -> str:
    """The agency a line of its own names, as wire stories end ("Reuter", "- AP -"), or ""."""
    match = _SIGNATURE_RE.match(line)
    return agency_name(match.group("agency")) if match else ""


def _is_place(place: str) -> bool:
    """Whether the text before a date reads as a dateline's place: a few words, capitalised,
    and shouted or title-case as wires write them (not the start of a sentence)."""
    words = place.replace(",", " ").split()
    if not words or len(words) > _PLACE_WORDS_MAX or len(place) > 50:
        return False
    return all(w[0].isupper() or w in _JOINERS for w in words)


def resolve_date(text: str, has_year: bool, reference: date) -> date | None:
    """The date `text` names; without a year, the latest such date not after `reference`
    (give or take a day)."""
    if has_year:
        try:
            return date_parser.parse(text).date()
        except (ValueError, OverflowError):
            return None
    latest = reference + YEAR_SLACK
    for year in range(latest.year, latest.year - 5, -1):
        try:  # 29 February has no date in three years of four: try the year before
            candidate = date_parser.parse(text, default=datetime(year, 1, 1)).date()
        except (ValueError, OverflowError):
            continue
        if candidate <= latest:
            return candidate
    return None


def read_dateline(line: str, reference: date | None = None) -> Dateline | None:
    """The dateline a line starts with, or None; `reference` (default: today) is the latest
    day a dateline without a year may mean.

    A dateline is a place with a date, an agency marker or both, or a date with an agency,
    followed by a dash and the story ("KIEV, April 23 (Reuters) - Russia …"), or standing
    alone on its line ("LONDON 1996-08-30"); a place alone is not enough.
    """
    match = _DATELINE_RE.match(line)
    if not match:
        return None
    place = (match.group("place") or "").strip(" ,")
    agency = match.group("agency") or match.group("agency_bare") or ""
    date_text = match.group("date")
    if place and not _is_place(place):
        return None
    if not (date_text or agency):
        return None
    published: date | None = None
    if date_text:
        has_year = bool(match.group("year1") or match.group("year2") or match.group("iso"))
        published = resolve_date(date_text, has_year, reference or datetime.now(UTC).date())
        if published is None:
            return None
    return Dateline(
        place=place,
        published_at=published.isoformat() if published else None,
        source=agency_name(agency),
        rest=line[match.end() :].strip(),
    )
