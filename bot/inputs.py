"""Reading command-line inputs: one article from a file or standard input, or JSON lines."""

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

READ_ERRORS = (OSError, ValueError, UnicodeDecodeError)


def read_article(name: str) -> str:
    """The text of a file, or of standard input for "-"."""
    return sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")


def json_lines(path: Path) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-lines file, skipping blank lines; ValueError for anything else."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"line {number} is not a JSON object")
            yield record


def run_file_or_batch(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    batch: Callable[[Path], Iterable[str]],
    single: Callable[[str], str],
) -> int:
    """The common run of an analysis-only command: with `args.batch`, write each line `batch`
    gives; else read `args.file` ("-" for standard input) and write `single` of its text.
    Returns the exit status (2 for a missing or unreadable input)."""
    try:
        if args.batch is not None:
            for line in batch(args.batch):
                out.write(line + "\n")
            return 0
        if not args.file:
            err.write("Give a file, - for standard input, or --batch FILE.\n")
            return 2
        text = read_article(args.file)
    except READ_ERRORS as error:
        err.write(f"Cannot read the input: {error}\n")
        return 2
    out.write(single(text) + "\n")
    return 0
