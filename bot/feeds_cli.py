"""`python -m bot feeds ...`: the feeds a chat follows, OPML in and out, and polling.

    feeds [--db PATH] [--chat ID] add URL | list | remove ID | import FILE.opml | export
    feeds poll [--db PATH] [--chat ID] [--all] [--json]

`--db`, `--chat` and `--json` may come before or after the action. Exit status: 0 done, 1 no
such feed, 2 bad input (a URL that is no readable feed, a file that is no OPML list).
"""

import argparse
import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from bot import arguments
from bot.outputs import EXIT_BAD_INPUT, EXIT_NOT_FOUND, print_json
from bot.services import Services

if TYPE_CHECKING:  # imported where used: the other commands start without it
    from briefing.feeds.service import FeedService

NAMES: tuple[str, ...] = ("feeds",)

ArchiveOptions = Callable[[argparse.ArgumentParser], None]


def _action_options(parser: argparse.ArgumentParser) -> None:
    """--db, --chat and --json after the action too; SUPPRESS keeps a value given before it."""
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="database file")
    parser.add_argument("--chat", type=arguments.chat_id, default=argparse.SUPPRESS,
                        help="chat id (default 0)")  # fmt: skip
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON, one object a line")  # fmt: skip


def add_parsers(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", archive_options: ArchiveOptions
) -> None:
    """Add this module's subcommands; `archive_options` adds --db, --chat and --json."""
    feeds = commands.add_parser("feeds", help="follow RSS, Atom and JSON feeds; OPML; polling")
    archive_options(feeds)
    actions = feeds.add_subparsers(dest="feeds_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="follow a feed (or the feed a site's page names)")
    add.add_argument("url", metavar="URL")
    actions.add_parser("list", help="the chat's feeds and their last result")
    remove = actions.add_parser("remove", help="stop following a feed")
    remove.add_argument("feed_id", type=arguments.bounded_int(1, 2**63 - 1), metavar="ID")
    opml = actions.add_parser("import", help="follow every feed of an OPML file")
    opml.add_argument("path", type=Path, metavar="FILE.opml")
    actions.add_parser("export", help="print the chat's feeds as OPML (or JSON)")
    poll = actions.add_parser("poll", help="poll the chat's due feeds once (all with --all)")
    poll.add_argument("--all", action="store_true", help="every feed, due or not")
    for parser in (add, remove, opml, poll, *(actions.choices[n] for n in ("list", "export"))):
        _action_options(parser)


def run(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand parsed into `args`; returns the exit status."""
    from briefing.feeds.service import FeedService
    from briefing.ingest.durable import BackgroundTasks, DurableIngest

    ingest = DurableIngest(services.archive, services.actors, services.ingestor, BackgroundTasks())
    feeds = FeedService.build(services.archive, ingest, services.fetch_policy)
    action = args.feeds_action
    if action == "add":
        return _add(feeds, args, out, err)
    if action == "remove":
        removed = feeds.subscriptions.remove(args.chat, args.feed_id)
        if removed is None:
            err.write(f"No feed #{args.feed_id} in chat {args.chat}.\n")
            return EXIT_NOT_FOUND
        out.write(f"Stopped following #{removed.id} {removed.title or removed.url}.\n")
        return 0
    if action == "import":
        return _import(feeds, args, out, err)
    if action == "export" and not args.json:
        out.write(feeds.subscriptions.opml(args.chat) + "\n")
        return 0
    if action == "poll":
        return _poll(feeds, args, out)
    _list(feeds, args, out)
    return 0


def _add(feeds: "FeedService", args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.feeds.subscriptions import FeedError

    try:
        done = asyncio.run(feeds.subscriptions.subscribe(args.chat, args.url))
    except FeedError as error:
        err.write(f"{error}\n")
        return EXIT_BAD_INPUT
    feed = done.feed
    if args.json:
        print_json({"feed_id": feed.id, "url": feed.url, "title": feed.title,
                     "added_as": done.added_as, "items": done.items}, out)  # fmt: skip
    else:
        verb = {"added": "Following", "resumed": "Following again"}.get(
            done.added_as, "Already following"
        )
        out.write(f"{verb} #{feed.id} {feed.title} ({feed.url}): {done.items} items now.\n")
    return 0


def _import(feeds: "FeedService", args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from briefing.feeds.opml import OpmlError

    try:
        data = args.path.read_bytes()
        done = asyncio.run(feeds.subscriptions.import_opml(args.chat, data))
    except OSError as error:
        err.write(f"{args.path}: cannot read: {error.strerror or error}\n")
        return EXIT_BAD_INPUT
    except OpmlError as error:
        err.write(f"{args.path}: {error}\n")
        return EXIT_BAD_INPUT
    if args.json:
        print_json({"added": done.added, "known": done.known, "skipped": done.skipped}, out)
    else:
        out.write(f"Added {done.added} feeds; {done.known} were followed already")
        out.write(f", {done.skipped} over the limit.\n" if done.skipped else ".\n")
    return 0


def _poll(feeds: "FeedService", args: argparse.Namespace, out: TextIO) -> int:
    poller = feeds.poller
    chat = args.chat
    results = asyncio.run(poller.poll_all(chat) if args.all else poller.poll_due(chat))
    for result in results:
        if args.json:
            print_json(result.as_json(), out)
        else:
            detail = f"{result.new} new" if result.status == "ok" else result.reason or ""
            out.write(f"#{result.feed_id} {result.status} {detail} {result.url}\n")
    if not results and not args.json:
        out.write("No feed is due." if not args.all else "This chat follows no feed.")
        out.write("\n")
    return 0


def _list(feeds: "FeedService", args: argparse.Namespace, out: TextIO) -> None:
    rows = feeds.subscriptions.feeds(args.chat)
    for feed in rows:
        if args.json:
            print_json({"feed_id": feed.id, "url": feed.url, "title": feed.title,
                         "status": feed.last_status, "new": feed.last_new,
                         "reason": feed.last_error, "paused": feed.paused,
                         "next_poll_at": feed.next_poll_at}, out)  # fmt: skip
            continue
        state = "paused" if feed.paused else feed.last_status or "not polled yet"
        out.write(f"#{feed.id} {feed.title or '-'} {feed.url} [{state}]")
        out.write(f" {feed.last_error}\n" if feed.last_error else "\n")
    if not rows and not args.json:
        out.write("This chat follows no feed.\n")
