"""Argument types for the command line: whole numbers within a range, dates the code can use.

A value out of range is a usage error (argparse prints it with the usage line and exits 2)
rather than an OverflowError from SQLite or from date arithmetic later on.
"""

import argparse
from collections.abc import Callable
from datetime import UTC, datetime

from briefing.dates import normalise_date
from briefing.digests.schedule import parse_moment
from storage.database import SQLITE_MAX_INT, SQLITE_MIN_INT

# Moments given on the command line stay well inside what `datetime` can hold, so the window
# and relative-date arithmetic (a week back, 999 months back, a day or a year ahead) never
# overflows.
EARLIEST = datetime(1000, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 1, 1, tzinfo=UTC)


def bounded_int(low: int, high: int) -> Callable[[str], int]:
    """An argparse `type`: a whole number from `low` to `high`."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text.strip()} is out of range ({low} to {high})")
        return value

    parse.__name__ = "whole number"
    return parse


chat_id = bounded_int(SQLITE_MIN_INT, SQLITE_MAX_INT)
article_id = bounded_int(1, SQLITE_MAX_INT)


def moment(text: str, zone: str) -> datetime:
    """An ISO date or time (local to `zone` without an offset), in UTC, between the years
    1000 and 9998; ValueError says what is wrong with it."""
    try:
        value = parse_moment(text, zone)
    except OverflowError:
        value = None
    if value is None or not EARLIEST <= value < LATEST:
        raise ValueError(f"{text.strip()} is out of range (years 1000 to 9998)")
    return value


def publication_date(text: str) -> str:
    """An argparse `type`: a publication date ("2015-04-22", "22 April 2015", "2015-04-22
    10:00") as the ISO date (or date and minute) the archive stores."""
    value = normalise_date(text)
    if value is None or not 1000 <= int(value[:4]) < LATEST.year:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (give e.g. 2015-04-22)")
    return value


def source_name(text: str) -> str:
    """An argparse `type`: a source's name of 1 to 200 characters, its spaces tidied."""
    name = " ".join(text.split())
    if not 1 <= len(name) <= 200:
        raise argparse.ArgumentTypeError("give a source name of 1 to 200 characters")
    return name
