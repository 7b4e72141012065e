"""Where an article's quotation marks open and close: its quoted stretches, paragraph by paragraph.

Curly (“…”), guillemet («…») and straight ("…") marks alike, and doubled single marks typed
for double ones (‘‘…’’, or “…’’). A straight mark opens when it
stands before a word after a space and closes when it follows a word; only a mark that could
be either is read by turns. A quote that opens again before the last one closed (a closing
mark forgotten, as in `not wise. "He lacks …`) ends where the new one opens, or before the
sentence that introduces the new one (`… seconds. Wenger said: "Freddie …`), so one missing
mark does not turn the rest of the paragraph inside out. A quote left open at a paragraph's
end closes there and goes on in the next paragraph when that opens a quote again or starts in
lower case (a paragraph broken inside a quote), unless its own attribution stands inside it
(`"… estimates, said Frederick Meinke, …`): then it ends before that.
"""

import re
from dataclasses import dataclass

OPENING = "“«"
CLOSING = "”»"
STRAIGHT = '"'
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
DOUBLED_OPENING = "\u2018\u2018"  # ‘‘ typed for “
DOUBLED_CLOSING = "\u2019\u2019"  # ’’ typed for ”
_SAID_INSIDE = re.compile(r"(?<=\w),\s+(?:said|says|added|adds)\s+(?=[A-Z])")
_SENTENCE_END = re.compile(r"[.!?] +(?=[A-Z])")
_MARKS = re.compile(f'{DOUBLED_OPENING}|{DOUBLED_CLOSING}|["“”«»]')


@dataclass
class Segment:
    """One quoted stretch: from its opening mark (or the paragraph's start when it goes on
    from the previous paragraph) to just after its closing mark (or the paragraph's end)."""

    start: int
    end: int
    paragraph: int
    continues: bool = False  # a paragraph that goes on with the previous one's quote


def paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    """Character spans of the non-empty paragraphs of `text` from `start` on."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in _PARAGRAPH.finditer(text, start):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append((position, len(text.rstrip())))
    return spans


def _role(text: str, at: int) -> str:
    """ "open", "close" or "either" for the quotation mark at `at`."""
    char = text[at]
    if char in OPENING or text.startswith(DOUBLED_OPENING, at):
        return "open"
    if char in CLOSING or text.startswith(DOUBLED_CLOSING, at):
        return "close"
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    if (before.isspace() or before in "([—-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]—-"):
        return "close"
    return "either"


def _lost_close(text: str, start: int, reopened: int) -> int:
    """Where a quote whose closing mark was lost ends, when a new one opens at `reopened`:
    there, unless a sentence that introduces the new one stands before it (`… seconds.
    Wenger said: "Freddie …`); then at the end of the sentence before that one."""
    stretch = text[start:reopened].rstrip()
    if not stretch.endswith(":"):
        return reopened
    ends = list(_SENTENCE_END.finditer(stretch))
    return start + ends[-1].start() + 1 if ends else reopened


def segments(text: str, spans: list[tuple[int, int]]) -> list[Segment]:
    """The quoted stretches of the paragraphs `spans` of `text`, in order."""
    found: list[Segment] = []
    open_at: int | None = None
    continues = False
    for number, (start, end) in enumerate(spans):
        close = None if open_at is None else _close_before_said(text, open_at, spans[number - 1][1])
        if open_at is not None:
            found.append(Segment(open_at, close or spans[number - 1][1], number - 1, continues))
        if open_at is not None and close is None:
            first = text[start]
            continues = first.islower() or first in OPENING or first == STRAIGHT
            open_at = start if first.islower() else None
        else:
            open_at, continues = None, False
        for mark in _MARKS.finditer(text, start, end):
            at = mark.start()
            role = _role(text, at)
            if open_at is None and role != "close":
                open_at = at
                continues = continues and at == start
            elif open_at is not None and role == "open":  # its close was lost
                found.append(Segment(open_at, _lost_close(text, open_at, at), number, continues))
                open_at, continues = at, False
            elif open_at is not None:
                found.append(Segment(open_at, mark.end(), number, continues))
                open_at, continues = None, False
    if open_at is not None and spans:
        close = _close_before_said(text, open_at, spans[-1][1])
        found.append(Segment(open_at, close or spans[-1][1], len(spans) - 1, continues))
    return found


def _close_before_said(text: str, start: int, end: int) -> int | None:
    """Where a quote left open to its paragraph's end lost its closing mark before its own
    attribution (`"I don't see any reason to change estimates, said Frederick Meinke, …`):
    after that comma; None when no attribution stands inside it."""
    found = _SAID_INSIDE.search(text, start, end)
    return found.start() + 1 if found else None
