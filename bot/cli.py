"""`python -m bot`: run the bot (or the console chat) and the archive commands.

Exit status: 0 on success, 1 when an asked-for article does not exist, 2 for bad input
(missing or unreadable files, invalid settings or arguments, a database that is missing for a
command that only reads, damaged or unusable).
"""

import argparse
import logging
import sqlite3
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol, TextIO
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from bot import analysis_cli, arguments, export_cli, feeds_cli, summarize_cli, trend_cli, watch_cli
from bot.outputs import EXIT_BAD_INPUT, EXIT_NOT_FOUND, print_json
from bot.services import Services, build_services
from bot.settings import Settings
from briefing.dates import display_date
from briefing.digests.build import compose_digest, digest_json, digest_text
from briefing.digests.schedule import continues_from, digest_window, utc_now
from briefing.questions.answer import Answer, answer_json, ask
from storage import Archive
from storage.database import (
    Database,
    DatabaseMissingError,
    DatabaseUnusableError,
    is_unusable,
    unusable,
)

DEFAULT_CLI_CHAT = 0
MAX_LIMIT = 10_000
MAX_WORKERS = 64
CREATING_COMMANDS = {"import"}  # the others only read: a mistyped --db must not create a file
# Actions that start an archive as `import` does: following a feed, adding a watch.
CREATING_ACTIONS = {("feeds", "add"), ("feeds", "import"), ("watch", "add")}


class ArchiveModule(Protocol):
    """A module of archive subcommands (`watch_cli`, `trend_cli`, `feeds_cli`, `export_cli`)."""

    def run(self, services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
        """Run the subcommand parsed into `args`; returns the exit status."""
        ...


# Commands of their own modules, each run with the archive's services: name -> module.
ARCHIVE_MODULES = {
    name: module
    for module in (watch_cli, trend_cli, feeds_cli, export_cli)
    for name in module.NAMES
}


class UsageError(Exception):
    """Bad input found after parsing; its text is printed as it is, exit status 2."""


def _add_archive_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="database file (default: BRIEFING_DB)")
    parser.add_argument(
        "--chat", type=arguments.chat_id, default=DEFAULT_CLI_CHAT, help="chat id (default 0)"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="News briefing bot. With no command it runs the bot: on Telegram when"
        " TELEGRAM_BOT_TOKEN is set, otherwise as a chat on standard input and output.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("run", help="run the bot (the default)")
    importer = commands.add_parser(
        "import", help="archive .txt, .md, .html and .jsonl files, folders of them, and URLs"
    )
    _add_archive_options(importer)
    importer.add_argument(
        "--workers", type=arguments.bounded_int(1, MAX_WORKERS), default=4, help="URLs at a time"
    )
    importer.add_argument(
        "--source", type=arguments.source_name, help="source of articles that name none"
    )
    importer.add_argument(
        "--date",
        type=arguments.publication_date,
        help="date (ISO) of articles that state none; the year of datelines without one",
    )
    importer.add_argument("paths", nargs="+", metavar="PATH|URL")
    ask = commands.add_parser("ask", help="answer a question from the archive")
    _add_archive_options(ask)
    ask.add_argument(
        "--limit", type=arguments.bounded_int(1, MAX_LIMIT), default=5, help="results (default 5)"
    )
    ask.add_argument("--now", help="reference time of relative dates (ISO; default: now)")
    ask.add_argument("--batch", type=Path, help="questions, one a line; prints JSON lines")
    ask.add_argument("query", nargs="*", metavar="QUERY")
    show = commands.add_parser("show", help="print one stored article")
    _add_archive_options(show)
    show.add_argument("id", type=arguments.article_id, metavar="ID")
    digest = commands.add_parser("digest", help="print a chat's digest for a window, unsent")
    _add_archive_options(digest)
    digest.add_argument("--since", help="ISO date or time (default: the chat's last digest)")
    digest.add_argument("--until", help="ISO date or time (default: now); no offset: chat's zone")
    for module in (watch_cli, trend_cli, feeds_cli, export_cli):
        module.add_parsers(commands, _add_archive_options)
    analysis_cli.add_parsers(commands)
    summarize_cli.add_parser(commands)
    backup = commands.add_parser("backup", help="copy the database safely, even while the bot runs")
    backup.add_argument("--db", type=Path, help="database file (default: BRIEFING_DB)")
    backup.add_argument("path", type=Path, metavar="PATH", help="where to write the copy")
    return parser


def cmd_ask(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Answer a question (or each line of `--batch`) as the chat would, as text or JSON."""
    zone = services.default_timezone
    now = _option_moment("now", args.now, zone) if args.now else utc_now()
    now = now.astimezone(ZoneInfo(zone))
    searcher = services.searcher
    limit = args.limit
    if args.batch is not None:
        try:
            lines = args.batch.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            err.write(f"{args.batch}: cannot read: {error}\n")
            return EXIT_BAD_INPUT
        for line in lines:
            if line.strip():
                print_json(answer_json(ask(searcher, args.chat, line, now, limit=limit)), out)
        return 0
    query = " ".join(args.query)
    if not query.strip():
        err.write("Give a QUERY or --batch FILE.\n")
        return EXIT_BAD_INPUT
    answer = ask(searcher, args.chat, query, now, limit=limit)
    if args.json:
        print_json(answer_json(answer), out)
    else:
        out.write(_answer_text(answer) + "\n")
    return 0


def _answer_text(answer: Answer) -> str:
    """The answer as the chat shows it, its HTML rendered as text; the handlers that word it
    import python-telegram-bot, so only a question without `--json` imports them."""
    from bot.console import render_html
    from handlers import answer_html

    return render_html(answer_html(answer, buttons=False))


def cmd_show(archive: Archive, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print one article of the chat."""
    article = archive.get(args.chat, args.id)
    if article is None:
        err.write(f"No article #{args.id} in chat {args.chat}.\n")
        return EXIT_NOT_FOUND
    if args.json:
        print_json({"id": article.id, "title": article.title, "source": article.source,
                     "url": article.url, "published_at": article.published_at,
                     "body": article.body, "status": article.status}, out)  # fmt: skip
        return 0
    out.write(f"#{article.id} {article.title}\n{display_date(article.published_at)}")
    out.write(f" · {article.source}\n" if article.source else "\n")
    if article.url:
        out.write(f"{article.url}\n")
    out.write(f"\n{article.body}\n")
    return 0


def cmd_digest(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the digest of a window as `/digest` would build it, without sending or marking."""
    store = services.digests
    current = store.get(args.chat)
    zone = current.zone if current and current.active else services.default_timezone
    # Times are stored to the second: the window ends after the current one, so an article
    # archived a moment ago is shown (this command marks nothing, so nothing is skipped).
    now = utc_now().replace(microsecond=0) + timedelta(seconds=1)
    until = _option_moment("until", args.until, zone) if args.until else now
    mark = continues_from(current)
    since = (
        _option_moment("since", args.since, zone) if args.since else digest_window(mark, until)[0]
    )
    if since >= until:
        err.write("--since must come before --until\n")
        return EXIT_BAD_INPUT
    digest = compose_digest(store, args.chat, since, until, extras=services.digest_extras)
    if args.json:
        print_json(digest_json(digest), out)
    else:
        out.write(digest_text(digest, zone) + "\n")
    return 0


def _option_moment(name: str, text: str, zone: str) -> datetime:
    """The date or time given as `--name`, or a UsageError naming the option."""
    try:
        return arguments.moment(text, zone)
    except ValueError as error:
        raise UsageError(f"Invalid --{name}: {error}") from None


def cmd_backup(source: Path, target: Path, out: TextIO, err: TextIO) -> int:
    """Copy the database with SQLite's online backup: a consistent snapshot while the bot runs,
    checked with `PRAGMA integrity_check` before it is kept."""
    if target.is_dir():
        err.write(f"{target} is a folder: give the backup's file name.\n")
        return EXIT_BAD_INPUT
    if target.exists() and source.exists() and target.resolve() == source.resolve():
        err.write("The backup must not overwrite the database itself.\n")
        return EXIT_BAD_INPUT
    database = Database.open(source, create=False)
    try:
        database.backup(target)
    except DatabaseUnusableError as error:
        err.write(f"Backup failed, nothing was written to {target}. {error}\n")
        return EXIT_BAD_INPUT
    except (OSError, sqlite3.Error) as error:
        err.write(f"Backup failed: cannot write {target} ({error}).\n")
        return EXIT_BAD_INPUT
    finally:
        database.close()
    out.write(f"Backed up {source} to {target} (integrity check passed).\n")
    return 0


def _configure_logging(level: str) -> None:
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)


def _settings() -> Settings | None:
    """The settings, or None after printing what is wrong with them."""
    try:
        return Settings()
    except ValidationError as error:
        for problem in error.errors():
            name = ".".join(str(part) for part in problem["loc"]).upper()
            sys.stderr.write(f"Invalid setting {name}: {problem['msg']}\n")
        return None


def _run_archive_command(args: argparse.Namespace, settings: Settings) -> int:
    """import, ask, digest and show: open the archive (only `import` may create it) and run."""
    action = getattr(args, "feeds_action", None) or getattr(args, "action", None)
    create = args.command in CREATING_COMMANDS or (args.command, action) in CREATING_ACTIONS
    services = build_services(settings, args.db, create=create)
    try:
        if args.command == "import":
            from bot import importing  # it analyses what it stores: spaCy, see `_run`
            from briefing.ingest.importer import ImportDefaults

            complete = importing.run(
                services.archive,
                args.chat,
                args.paths,
                services.fetch_policy,
                workers=args.workers,
                as_json=args.json,
                out=sys.stdout,
                err=sys.stderr,
                defaults=ImportDefaults(args.source or "", args.date),
            )
            return 0 if complete else EXIT_BAD_INPUT
        if args.command == "ask":
            return cmd_ask(services, args, sys.stdout, sys.stderr)
        if args.command == "digest":
            return cmd_digest(services, args, sys.stdout, sys.stderr)
        if args.command in ARCHIVE_MODULES:
            module: ArchiveModule = ARCHIVE_MODULES[args.command]
            return module.run(services, args, sys.stdout, sys.stderr)
        return cmd_show(services.archive, args, sys.stdout, sys.stderr)
    finally:
        services.close()


def _run(args: argparse.Namespace, settings: Settings) -> int:
    """Run the command asked for.

    What only some commands need is imported by them, not with this module: the bot imports
    python-telegram-bot, `import` and the analysis commands spaCy (about a second together);
    `ask --json`, `show`, `digest` and `backup` start without either (test_cli_start.py).
    """
    if args.command in {None, "run"}:
        from bot.app import run_bot

        return run_bot(settings)
    if args.command == "backup":
        return cmd_backup(args.db or settings.briefing_db, args.path, sys.stdout, sys.stderr)
    if args.command in analysis_cli.KINDS:
        return analysis_cli.run(args, sys.stdout, sys.stderr)
    if args.command == "summarize":
        return summarize_cli.run(args, sys.stdout, sys.stderr)
    return _run_archive_command(args, settings)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments, build settings, run the command; returns the exit status.

    Bad input found late and a database that is missing (for a command that only reads),
    damaged or unusable end with one line on stderr and status 2, never a traceback.
    """
    args = build_parser().parse_args(argv)
    settings = _settings()
    if settings is None:
        return EXIT_BAD_INPUT
    _configure_logging(settings.log_level if args.command not in {None, "run"} or
                       settings.telegram_bot_token else "WARNING")  # fmt: skip
    try:
        return _run(args, settings)
    except UsageError as error:
        sys.stderr.write(f"{error}\n")
    except DatabaseMissingError as error:
        sys.stderr.write(f"{error} (set BRIEFING_DB or pass --db)\n")
    except DatabaseUnusableError as error:
        sys.stderr.write(f"{error}\n")
    except sqlite3.DatabaseError as error:
        if not is_unusable(error):
            raise
        path = getattr(args, "db", None) or settings.briefing_db
        sys.stderr.write(f"{unusable(path, error)}\n")
    return EXIT_BAD_INPUT
