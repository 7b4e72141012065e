"""`python -m bot actors|quotes|events [--json] FILE|-` and `--batch FILE`: analysis only.

Nothing is stored. A file may be in the pasted-article shape; a batch file has one JSON
object a line with `title`, `text` and an optional `date`, and gets one JSON line back each,
in order, with the model loaded once.
"""

import argparse
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from bot.inputs import json_lines, run_file_or_batch
from briefing.dates import normalise_date
from briefing.ingest.article import parse_pasted

HELP = {
    "actors": "the actors of an article (nothing is stored)",
    "quotes": "the quotes of an article (nothing is stored)",
    "events": "the dated events of an article (nothing is stored)",
}
KINDS = tuple(HELP)


def add_parsers(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the three analysis subcommands."""
    for kind in KINDS:
        parser = commands.add_parser(kind, help=HELP[kind])
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--batch", type=Path, help="JSON lines with title, text, date")
        parser.add_argument("file", nargs="?", help="an article file, or - for standard input")


def _batch_items(path: Path) -> Iterator[tuple[str, str, str | None]]:
    for record in json_lines(path):
        yield (
            str(record.get("title") or ""),
            str(record.get("text") or record.get("body") or ""),
            normalise_date(record.get("date")),
        )


def _text_line(kind: str, item: dict[str, Any]) -> str:
    if kind == "actors":
        return f"{item['name']} ({item['type']}) ×{item['mentions']}: {', '.join(item['aliases'])}"
    if kind == "quotes":
        return f"{item['speaker'] or '?'}: “{item['text']}”"
    objects = ", ".join(item["objects"])
    return f"{item['date']} {item['subject']} {item['action']} {objects}".rstrip()


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Analyse a file, standard input or a batch; returns the exit status.

    The pipeline (and spaCy with it) is imported only here: every start of the command line
    imports this module for the parsers it adds, and most commands need no language model.
    """
    from briefing.analysis import pipeline

    kind = args.command
    to_json: Callable[[pipeline.Analysis], list[dict[str, Any]]] = {
        "actors": lambda a: pipeline.actors_to_json(a.actors),
        "quotes": lambda a: pipeline.quotes_to_json(a.quotes),
        "events": lambda a: pipeline.events_to_json(a.events),
    }[kind]

    def batch(path: Path) -> Iterator[str]:
        for analysis in pipeline.analyse_many(_batch_items(path)):
            yield json.dumps(to_json(analysis), ensure_ascii=False)

    def single(text: str) -> str:
        parsed = parse_pasted(text)
        (analysis,) = pipeline.analyse_many([(parsed.title, parsed.body, parsed.published_at)])
        items = to_json(analysis)
        if args.json:
            return json.dumps(items, ensure_ascii=False, indent=2)
        return "\n".join(_text_line(kind, item) for item in items)

    return run_file_or_batch(args, out, err, batch, single)
