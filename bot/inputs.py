"""Reading command-line inputs: one article from a file or standard input, or JSON lines."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
