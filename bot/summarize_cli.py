"""`python -m bot summarize [--sentences N] [--json] FILE|-` and `--batch FILE`.

Prints the extractive summary of one article, one sentence a line (or a JSON list); a batch
file has JSON lines with `title` and `text` and gets `{"summary": [...]}` a line, in order.
"""

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.arguments import bounded_int
from bot.inputs import json_lines, run_file_or_batch
from briefing.digests.summaries import summarize, summarize_many
from briefing.ingest.article import parse_pasted

MAX_SENTENCES = 100


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the `summarize` subcommand."""
    parser = commands.add_parser("summarize", help="the summary of an article (nothing stored)")
    parser.add_argument(
        "--sentences", type=bounded_int(1, MAX_SENTENCES), default=3, help="sentences (default 3)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.add_argument("--batch", type=Path, help="JSON lines with title and text")
    parser.add_argument("file", nargs="?", help="an article file, or - for standard input")


def _batch(path: Path) -> Iterator[tuple[str, str]]:
    for record in json_lines(path):
        yield str(record.get("title") or ""), str(record.get("text") or "")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Summarize a file, standard input or a batch; returns the exit status."""
    count = int(args.sentences)

    def batch(path: Path) -> Iterator[str]:
        for summary in summarize_many(_batch(path), count):
            yield json.dumps({"summary": summary}, ensure_ascii=False)

    def single(text: str) -> str:
        parsed = parse_pasted(text)
        sentences = summarize(parsed.title, parsed.body, count)
        return json.dumps(sentences, ensure_ascii=False) if args.json else "\n".join(sentences)

    return run_file_or_batch(args, out, err, batch, single)
