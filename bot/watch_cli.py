"""`python -m bot watch ...` and `python -m bot alerts ...`: watchlists and their alerts.

The same use cases as `/watch`, `/watches` and `/unwatch` (`briefing.watches`), on a chat's
archive (`--chat`, default 0). Neither command needs spaCy or python-telegram-bot.

    watch [--db PATH] [--chat ID] add TEXT [--daily] [--json]   {"id", "kind", "target"}
    watch [--db PATH] [--chat ID] list [--json]                 one object a line
    watch [--db PATH] [--chat ID] remove ID [--json]
    alerts [--db PATH] [--chat ID] [--since ISO] --json          one alert a line
"""

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, TextIO

from bot import arguments
from bot.outputs import EXIT_BAD_INPUT, EXIT_NOT_FOUND, print_json
from bot.services import Services

if TYPE_CHECKING:
    from briefing.watches import Watch

NAMES: tuple[str, ...] = ("watch", "alerts")

ArchiveOptions = Callable[[argparse.ArgumentParser], None]


def add_parsers(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", archive_options: ArchiveOptions
) -> None:
    """Add this module's subcommands; `archive_options` adds --db, --chat and --json."""
    watch = commands.add_parser(
        "watch", help="add, list or remove a chat's watches (actors or words)"
    )
    archive_options(watch)
    watch.add_argument("action", choices=("add", "list", "remove"))
    watch.add_argument("words", nargs="*", metavar="TEXT|ID", help='a name, "words", or an id')
    watch.add_argument("--daily", action="store_true", help="matches go into the digest")
    alerts = commands.add_parser("alerts", help="print a chat's watch alerts")
    archive_options(alerts)
    alerts.add_argument("--since", help="ISO date or time (no offset: the default time zone)")


def _watch_line(watch: "Watch") -> str:
    count = watch.matched_this_week
    notes = [f"{count} article{'' if count == 1 else 's'} in the last 7 days"]
    if watch.daily:
        notes.append("daily")
    if watch.pending:
        notes.append("not in the archive yet")
    return f"#{watch.id} {watch.kind}: {watch.target} ({', '.join(notes)})"


def _add(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.watches import WatchChoices, WatchQueryError, add_watch, split_daily, watch_store

    text, daily = split_daily(" ".join(args.words))
    try:
        result = add_watch(services.actors, watch_store(services.archive), args.chat, text,
                           daily or args.daily)  # fmt: skip
    except WatchQueryError as error:
        err.write(f"{error}\n")
        return EXIT_BAD_INPUT
    if isinstance(result, WatchChoices):
        names = ", ".join(f"{c.name} ({c.type}, actor {c.id})" for c in result.choices)
        err.write(f"Several actors match {result.name!r}: {names}. Give the full name.\n")
        return EXIT_BAD_INPUT
    watch = result.watch
    if args.json:
        print_json({"id": watch.id, "kind": watch.kind, "target": watch.target}, out)
    else:
        state = "Watching" if result.new else "Already watching"
        note = " (no actor of that name yet: joined when one appears)" if watch.pending else ""
        how = ", daily (in the digest)" if watch.daily else ""
        out.write(f"{state} {watch.kind} {watch.target!r} as watch #{watch.id}{how}{note}.\n")
    return 0


def _list(services: Services, args: argparse.Namespace, out: TextIO) -> int:
    from briefing.watches import list_watches, watch_store

    for watch in list_watches(watch_store(services.archive), args.chat, datetime.now(UTC)):
        if args.json:
            print_json({"id": watch.id, "kind": watch.kind, "target": watch.target,
                         "daily": watch.daily, "pending": watch.pending,
                         "matched_this_week": watch.matched_this_week}, out)  # fmt: skip
        else:
            out.write(_watch_line(watch) + "\n")
    return 0


def _remove(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.watches import remove_watch, watch_store

    try:
        (watch_id,) = (arguments.article_id(word) for word in args.words)
    except (ValueError, argparse.ArgumentTypeError):
        err.write("Give the id of one watch: watch remove ID (ids from watch list).\n")
        return EXIT_BAD_INPUT
    removed = remove_watch(watch_store(services.archive), args.chat, watch_id)
    if removed is None:
        err.write(f"No watch #{watch_id} in chat {args.chat}.\n")
        return EXIT_NOT_FOUND
    if args.json:
        print_json({"id": removed.id, "kind": removed.kind, "target": removed.target}, out)
    else:
        out.write(f"Stopped watch #{removed.id} ({removed.kind} {removed.target!r}).\n")
    return 0


def _alerts(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.questions.snippets import plain_snippet
    from briefing.watches import alert_json, watch_store
    from briefing.watches.alerts import alerts_since

    since = None
    if args.since:
        try:
            moment = arguments.moment(args.since, services.default_timezone)
        except ValueError as error:
            err.write(f"Invalid --since: {error}\n")
            return EXIT_BAD_INPUT
        since = moment.astimezone(UTC).isoformat(timespec="seconds")
    for alert in alerts_since(watch_store(services.archive), args.chat, since):
        if args.json:
            print_json(alert_json(alert), out)
        else:
            state = "sent" if alert.sent_at else "daily" if alert.daily else "to send"
            out.write(f"{alert.created_at} watch #{alert.watch_id} {alert.watch!r} ({state}):"
                      f" #{alert.article_id} {alert.title}\n")  # fmt: skip
            if alert.sentence:
                out.write(f"    {plain_snippet(alert.sentence)}\n")
    return 0


def run(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand parsed into `args`; returns the exit status."""
    if args.command == "alerts":
        return _alerts(services, args, out, err)
    if args.action == "add":
        if not args.words:
            err.write('Give a name or "words" to watch: watch add TEXT.\n')
            return EXIT_BAD_INPUT
        return _add(services, args, out, err)
    if args.action == "list":
        return _list(services, args, out)
    return _remove(services, args, out, err)
