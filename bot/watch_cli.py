"""`python -m bot watch ...` and `python -m bot alerts ...`: watchlists and their alerts."""

import argparse
from collections.abc import Callable
from typing import TextIO

from bot.services import Services

NAMES: tuple[str, ...] = ("watch", "alerts")

ArchiveOptions = Callable[[argparse.ArgumentParser], None]


def add_parsers(
    commands: "argparse._SubParsersAction[argparse.ArgumentParser]", archive_options: ArchiveOptions
) -> None:
    """Add this module's subcommands; `archive_options` adds --db, --chat and --json."""
    for name in NAMES:
        archive_options(commands.add_parser(name, help="not built yet"))


def run(services: Services, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the subcommand parsed into `args`; returns the exit status."""
    err.write(f"{args.command}: not built yet\n")
    return 2
