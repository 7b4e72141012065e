"""Split news text into sentences, keeping abbreviations, initials, numbers and quotes intact.

A rule-based splitter: a boundary is a run of terminators (". ! ? …"), any closing quotes or
brackets after it, then whitespace. The word before the terminator and the word after the space
decide whether that candidate really ends a sentence. A blank line always ends one, and so
does a line break before a list item; any other line break is a space.
"""

import re

# Titles and other words whose full stop never ends a sentence ("Mr. Smith", "Gen. Ames").
_NEVER_END = frozenset(
    "Mr Mrs Ms Messrs Mme Dr Prof Gen Col Lt Maj Capt Cmdr Adm Sgt Cpl Pvt Gov Sen Rep "
    "Pres Supt Insp Det Rev Fr Hon St Mt Ft".split()
) | frozenset("e.g i.e vs cf viz approx".split())
# Words whose full stop is part of a following number ("No. 5", "Feb. 12", "pp. 4-9").
_BEFORE_NUMBER = frozenset(
    "No Nos no nos Art Vol vol Fig fig p pp Ch ch Sec sec Op op "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Abbreviations that may also end a sentence ("Acme Inc." / "Acme Inc. said").
_AMBIGUOUS = frozenset(
    "Inc Ltd Co Corp Bros Plc plc Jr Sr al est dept a.m p.m "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
# Words that commonly open a sentence; after an ambiguous full stop they signal a new one.
_OPENERS = frozenset(
    """the a an he she it its they we i you this that these those there his her their our my
    but and or so yet if when while after before as since although though despite however
    meanwhile in on at for with by from of to what who why how where no not all both some
    many most one two three mr mrs ms dr officials police critics analysts""".split()
)

_CLOSING = "\"'”’)]»"
_CANDIDATE_RE = re.compile(r"[.!?…]+[\"'”’)\]»]*(?=\s|$)")
_LINE_BREAK = r"(?:\r\n|\r|\n)"
# A blank line, or a line break before a list item ("- ", "• ", "2) "), always ends a sentence.
_HARD_BREAK_RE = re.compile(
    rf"{_LINE_BREAK}(?:[^\S\r\n]*{_LINE_BREAK})+"
    rf"|{_LINE_BREAK}[^\S\r\n]*(?=(?:[-*•–—·▪]|\d{{1,2}}[.)])\s)"
)
_DOTTED_ACRONYM_RE = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_OPENING_PUNCT = "\"'“‘([«-–—"


def _word_before(text: str, end: int) -> str:
    """The whitespace-delimited word ending at `end`, without leading brackets or quotes."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip(_OPENING_PUNCT)


def _word_after(text: str, start: int) -> tuple[str, bool]:
    """The next word after whitespace at `start`, and whether an opening quote or bracket led it."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    opened = i < len(text) and text[i] in _OPENING_PUNCT
    while i < len(text) and text[i] in _OPENING_PUNCT:
        i += 1
    end = i
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[i:end], opened


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    """Decide whether the terminator run in `match` (and its closing quotes) ends a sentence."""
    after, opened = _word_after(text, match.end())
    if not after:
        return True
    if after[0].islower() and not opened:
        return False  # '"...," he said.', '"Why?" she asked.', "... and then", "e.g. the"
    run = match.group()
    core = run.rstrip(_CLOSING)
    closed = core != run
    if core.strip(".…") or closed:
        return True  # "?" or "!", or a stop inside quotes or brackets: '."', '.)'
    if core != ".":
        return _opens_sentence(after, opened)  # an ellipsis: a new sentence only if it looks so
    return _full_stop_ends(_word_before(text, match.start()), after, opened)


def _full_stop_ends(word: str, after: str, opened: bool) -> bool:
    """Whether "word. after" is a sentence break, for a plain full stop after `word`."""
    if word in _NEVER_END:
        return False
    if after[0].isdigit() and word in _BEFORE_NUMBER:
        return False
    is_initial = len(word) == 1 and word.isupper()
    if word in _AMBIGUOUS or is_initial or _DOTTED_ACRONYM_RE.match(word):
        return _opens_sentence(after, opened)
    return True


def _opens_sentence(after: str, opened: bool) -> bool:
    """Whether the word after an ambiguous stop looks like the first word of a sentence."""
    bare = after.rstrip(",;:.!?\"'”’)").casefold()
    return opened or bare in _OPENERS


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the paragraphs and list items: text between hard breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _HARD_BREAK_RE.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink a span to exclude surrounding whitespace; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character offsets (start, end) of each sentence in `text`, in order.

    `text[start:end]` is the sentence as written (single newlines included), so a caller can
    point at the sentence that answers a question in the original text.
    """
    spans: list[tuple[int, int]] = []
    for para_start, para_end in _block_spans(text):
        paragraph = text[:para_end]  # look-behind may see earlier text; look-ahead stops here
        start = para_start
        for match in _CANDIDATE_RE.finditer(paragraph, para_start):
            if _is_boundary(paragraph, match):
                span = _trim(text, start, match.end())
                if span:
                    spans.append(span)
                start = match.end()
        span = _trim(text, start, para_end)
        if span:
            spans.append(span)
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, each on one line: runs of whitespace become single spaces."""
    return [" ".join(text[start:end].split()) for start, end in sentence_spans(text)]
