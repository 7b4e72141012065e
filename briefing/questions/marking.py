"""Marking the asked words in text: any inflection of a word, any name of an actor, wrapped in
`MATCH_START`/`MATCH_END` so that a formatter can bold them; and the one sentence of an
article that best answers (`best_sentence`)."""

import re
from collections.abc import Sequence
from functools import cached_property

from briefing.questions.plans import Group
from briefing.sentences import sentence_spans
from storage.archive import MATCH_END, MATCH_START

SNIPPET_CHARS = 320
SENTENCE_WINDOW = 500  # characters around the densest matches split into sentences
_MARKED = re.compile(f"{MATCH_START}(.*?){MATCH_END}", re.S)
_MARKED_PIECE = re.compile(f"({MATCH_START}.*?{MATCH_END})", re.S)
_SPACES = re.compile(r"(\s+)")
_BETWEEN_WORDS = f"{MATCH_END}\\1{MATCH_START}"

_ENDINGS = ("ing", "ies", "ied", "ed", "es", "ers", "er", "s", "ly", "e", "y")
_SUFFIX = r"(?:s|es|ed|d|ing|er|ers|ly|ies|ied|y|e|al|ion|ions|ment|ments|ity)?"


def _light_stem(word: str) -> str:
    """A word without its inflection ("arming" -> "arm", "prices" -> "pric")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _pattern(group: Group) -> str:
    """A regex for a group: any inflection of a word, or any of an actor's names."""
    parts: list[str] = []
    if group.is_actor:
        for form in sorted(group.forms, key=len, reverse=True):
            phrase = r"\s+".join(re.escape(w) for w in form.split())
            if not phrase:
                continue
            short_caps = len(form) <= 3 and form.isupper()
            parts.append(phrase if short_caps else f"(?i:{phrase})")
    else:
        for form in group.forms:
            word = form.casefold()
            stem = _light_stem(word)
            parts.append(f"(?i:{re.escape(word)}|{re.escape(stem)}{_SUFFIX})")
    return "|".join(parts) or "(?!)"


class Marker:
    """Finds and marks the words of a question's groups in plain text."""

    def __init__(self, groups: Sequence[Group]) -> None:
        self.groups = tuple(groups)
        every = "|".join(f"(?:{_pattern(g)})" for g in groups) or "(?!)"
        self.any = re.compile(rf"(?<!\w)(?:{every})(?!\w)")
        # Plain lower-case strings that start or make up each group's words, for `locate`.
        self.needles = [_needles(g) for g in groups]

    def locate(self, text: str, most: int = 60) -> list[tuple[int, int]]:
        """Rough (position, group) of the groups' words: a fast search, not exact matching."""
        lowered = text.lower()
        if len(lowered) != len(text):
            return [(m.start(), i) for i, p in enumerate(self.patterns) for m in p.finditer(text)]
        found: list[tuple[int, int]] = []
        for group, needles in enumerate(self.needles):
            for needle in needles:
                at = lowered.find(needle)
                while at != -1 and len(found) < most:
                    found.append((at, group))
                    at = lowered.find(needle, at + len(needle))
        return sorted(found)

    @cached_property
    def patterns(self) -> list[re.Pattern[str]]:
        """One pattern per group (compiled when first needed: only quotes and events are)."""
        return [re.compile(rf"(?<!\w)(?:{_pattern(g)})(?!\w)") for g in self.groups]

    def counts(self, text: str) -> list[int]:
        """Occurrences of each group in the text."""
        return [len(p.findall(text)) for p in self.patterns]

    def mark(self, text: str) -> str:
        """The text with every occurrence of any group marked, word by word (text already
        marked is left as it is)."""
        if not self.groups:
            return text
        pieces = _MARKED_PIECE.split(text)
        for i in range(0, len(pieces), 2):
            pieces[i] = self.any.sub(lambda m: f"{MATCH_START}{m.group()}{MATCH_END}", pieces[i])
        return _per_word("".join(pieces))


def _balance(piece: str) -> str:
    """Re-open a mark cut at the start and close one cut at the end."""
    first_end, first_start = piece.find(MATCH_END), piece.find(MATCH_START)
    if first_end != -1 and (first_start == -1 or first_end < first_start):
        piece = MATCH_START + piece
    if piece.count(MATCH_START) > piece.count(MATCH_END):
        piece += MATCH_END
    return piece


def cut(text: str, limit: int = SNIPPET_CHARS) -> str:
    """A marked sentence on one line, shortened around its first match."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    first = text.find(MATCH_START)
    start = max(0, min(first - limit // 3, len(text) - limit)) if first > 0 else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + limit)
    space = text.rfind(" ", start, end)
    if end < len(text) and space > start:
        end = space
    piece = _balance(text[start:end].strip())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def _per_word(text: str) -> str:
    """Marks around each word of a marked phrase, so "Mirela Dunn" shows as two bold words."""
    return _MARKED.sub(
        lambda m: MATCH_START + _SPACES.sub(_BETWEEN_WORDS, m.group(1)) + MATCH_END, text
    )


def _needles(group: Group) -> list[str]:
    if group.is_actor:
        words = [max(form.split(), key=len, default="") for form in group.forms]
    else:
        words = [_light_stem(form.casefold()) for form in group.forms]
    return sorted({w.lower() for w in words if len(w) >= 3})


def _densest(found: list[tuple[int, int]], reach: int) -> int:
    """The position with the most different groups found within `reach` of it."""
    best, at = -1, found[0][0]
    for position, _ in found:
        near = {group for p, group in found if abs(p - position) <= reach}
        if len(near) > best:
            best, at = len(near), position
    return at


def best_sentence(text: str, marker: Marker, window: int = SENTENCE_WINDOW) -> str:
    """The sentence with the most distinct matched words (the earliest on a tie), marked and
    shortened.

    Only the stretch of a long text around its densest matches is marked and split into
    sentences; the stretch grows when the sentence found runs into its edge.
    """
    start, end = 0, len(text)
    if len(text) > window:
        found = marker.locate(text)
        centre = _densest(found, window // 4) if found else 0
        start = max(0, min(centre - window // 2, len(text) - window))
        end = start + window
    piece = marker.mark(text[start:end])
    best: tuple[int, int, int] | None = None
    chosen = (0, 0)
    spans = sentence_spans(piece)
    for index, (first, last) in enumerate(spans):
        found_words = _MARKED.findall(piece[first:last])
        key = (len({f.casefold() for f in found_words}), len(found_words), -index)
        if best is None or key > best:
            best, chosen = key, (first, last)
    cut_off = (start > 0 and chosen[0] == 0) or (end < len(text) and chosen[1] >= len(piece) - 1)
    if cut_off and window < len(text):
        return best_sentence(text, marker, window * 2)
    return cut(piece[chosen[0] : chosen[1]])
