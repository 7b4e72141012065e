"""What every command of the command line shares in its output: exit statuses and JSON lines."""

import json
from typing import TextIO

EXIT_NOT_FOUND = 1  # an asked-for article, watch or feed does not exist
EXIT_BAD_INPUT = 2  # bad input, missing files, unusable database


def print_json(value: object, out: TextIO) -> None:
    """One JSON object on a line of its own, non-ASCII text kept readable."""
    out.write(json.dumps(value, ensure_ascii=False) + "\n")
