"""`python -m bot trend ...`: mentions of actors per day, as JSON or a PNG chart.

The same use case as `/trend` (`briefing.trends.charting`): names found as questions find them,
the 30 days that end with the chat's newest article unless --since/--until say otherwise
(both days included), points by day, or by week over more than 92 days. With no NAME, the
week's rising actors.
"""

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.outputs import EXIT_BAD_INPUT, EXIT_NOT_FOUND
from bot.services import Services

NAMES: tuple[str, ...] = ("trend",)

ArchiveOptions = Callable[[argparse.ArgumentParser], None]


def _day(text: str) -> date:
    """An argparse `type`: an ISO day such as 2024-03-01."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (give e.g. 2024-03-01)") from None


def add_parsers(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", archive_options: ArchiveOptions
) -> None:
    """Add this module's subcommands; `archive_options` adds --db, --chat and --json."""
    parser = commands.add_parser(
        "trend",
        help="articles naming actors per day, as JSON or a PNG chart",
        description="Count the chat's articles naming each actor per day (per week over more"
        " than 92 days), by publication date. A NAME may be a period such as 90d or 1y.",
    )
    archive_options(parser)
    parser.add_argument("--since", type=_day, help="first day (ISO date)")
    parser.add_argument("--until", type=_day, help="last day, included (default: newest article)")
    parser.add_argument("--png", type=Path, metavar="FILE", help="write the chart to FILE")
    parser.add_argument("names", nargs="*", metavar="NAME", help="actors (none: rising ones)")


def _write_png(path: Path, png: bytes, err: TextIO) -> bool:
    """Write the chart beside `path`, then move it into place; False after saying why not."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(png)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        err.write(f"{path}: cannot write the chart ({error.strerror or error}).\n")
        return False
    return True


def run(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand parsed into `args`; returns the exit status."""
    from briefing.trends.charting import chart_trend, rising_trend
    from briefing.trends.series import series_json
    from briefing.trends.spans import SpanError, is_period, period_days

    periods = [n for n in args.names if is_period(n)]
    names = [n for n in args.names if not is_period(n)]
    try:
        days = period_days(periods[-1]) if periods else None
    except SpanError as error:
        err.write(f"{error}\n")
        return EXIT_BAD_INPUT
    if names:
        dates = (args.since, args.until)
        found = chart_trend(services.searcher, args.chat, names, days, dates)
    else:
        found = rising_trend(services.searcher, args.chat, days)
    if found.span is None or not found.series:
        err.write(f"{found.problem}\n")
        return EXIT_BAD_INPUT if found.bad_input else EXIT_NOT_FOUND
    if args.json:
        out.write(json.dumps({"since": found.span.since.isoformat(),
                              "until": found.span.last.isoformat(),
                              "bucket": found.span.bucket,
                              "series": [series_json(s) for s in found.series]},
                             ensure_ascii=False) + "\n")  # fmt: skip
    else:
        out.write(f"{found.caption or found.problem}\n")
    if args.png is not None:
        if found.problem:
            err.write(f"{found.problem} No chart written.\n")
            return EXIT_NOT_FOUND
        if not _write_png(args.png, found.png(), err):
            return EXIT_BAD_INPUT
        if not args.json:
            out.write(f"Chart written to {args.png}.\n")
    return 0
