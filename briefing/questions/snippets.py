"""Snippets of answers as formatters take them apart: matched words are wrapped in
`MATCH_START`/`MATCH_END` (`briefing.questions.marking`); these drop the marks or split on them.
"""

import re

from storage.archive import MATCH_END, MATCH_START


def plain_snippet(snippet: str) -> str:
    """A snippet without match markers, for plain-text output."""
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, matched) pieces so a formatter can mark the matches."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", snippet)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts
