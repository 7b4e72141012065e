"""`python -m bot export ...`: the archive as JSON lines, CSV or Markdown.

The export goes to `--out FILE` (written beside it first and moved into place when complete,
so an interrupted export never leaves half a file under the name asked for) or to standard
output; a summary line goes to standard error.
"""

import argparse
import json
import os
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TextIO

from bot.outputs import EXIT_BAD_INPUT
from bot.services import Services
from briefing.export.exporting import export_archive, export_to_file
from briefing.export.request import FORMATS, ExportRequest, ExportRequestError, build_request

NAMES: tuple[str, ...] = ("export",)

ArchiveOptions = Callable[[argparse.ArgumentParser], None]

DESCRIPTION = """\
Write a chat's archive as JSON lines (json: one article a line with its title, date, source,
URL, text, actors and quotes; `python -m bot import FILE.jsonl` takes it back), CSV (csv:
id,title,published_at,source,url,actors, one row an article; a cell that a spreadsheet
would run as a formula starts with an apostrophe) or a Markdown dossier (md: one
section an article with its date, source, link, actors, quotes and text). --since and --until
select articles by their publication day (by the day they were archived when they state no
date), both days included. With --json the summary on standard error is a JSON object."""


def add_parsers(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", archive_options: ArchiveOptions
) -> None:
    """Add this module's subcommands; `archive_options` adds --db, --chat and --json."""
    parser = commands.add_parser(
        "export",
        help="write the archive as JSON lines, CSV or Markdown",
        description=DESCRIPTION,
    )
    archive_options(parser)
    parser.add_argument(
        "--format", required=True, choices=FORMATS, help="json (JSON lines), csv or md"
    )
    parser.add_argument("--since", metavar="DATE", help="first publication day (e.g. 2024-03-01)")
    parser.add_argument("--until", metavar="DATE", help="last publication day, included")
    parser.add_argument(
        "--out", type=Path, metavar="FILE", help="file to write (default: standard output)"
    )


def _summary(articles: int, target: str, as_json: bool) -> str:
    """The line on standard error: "Exported 1,234 articles to FILE." (or a JSON object)."""
    if as_json:
        return json.dumps({"articles": articles, "out": target}, ensure_ascii=False) + "\n"
    noun = "article" if articles == 1 else "articles"
    return f"Exported {articles:,} {noun} to {target}.\n"


def _to_file(services: Services, chat_id: int, request: ExportRequest, path: Path) -> int:
    """Write the export beside `path`, then move it into place; the number of articles."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        result = export_to_file(services.archive, chat_id, request, partial)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return result.articles


def _to_stream(
    services: Services, args: argparse.Namespace, request: ExportRequest, out: TextIO, err: TextIO
) -> int:
    """Write the export to `out` (standard output); a reader that stops early (`| head`) ends
    it with one line, not a traceback."""
    try:
        result = export_archive(services.archive, args.chat, request, out)
        out.flush()
    except BrokenPipeError:
        with suppress(OSError, ValueError):  # Python flushes it again at exit: to nowhere
            os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())
        err.write("Export stopped: the output was closed.\n")
        return EXIT_BAD_INPUT
    err.write(_summary(result.articles, "standard output", args.json))
    return 0


def run(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand parsed into `args`; returns the exit status."""
    try:
        request = build_request(args.format, args.since, args.until)
    except ExportRequestError as error:
        err.write(f"{error}\n")
        return EXIT_BAD_INPUT
    if args.out is None:
        return _to_stream(services, args, request, out, err)
    if args.out.is_dir():
        err.write(f"{args.out} is a folder: give the export's file name.\n")
        return EXIT_BAD_INPUT
    try:
        articles = _to_file(services, args.chat, request, args.out)
    except OSError as error:
        err.write(f"Cannot write {args.out}: {error.strerror or error}\n")
        return EXIT_BAD_INPUT
    err.write(_summary(articles, str(args.out), args.json))
    return 0
