"""Words as watches compare them: each word of a text reduced to a key that forgets case,
accents, transliteration (`briefing.names.fold`: Sergey/Sergei), a possessive and a plural "s",
so that a watch and an article agree however either is written. Phrases are runs of keys.
"""

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.ingest.article import shorten
from briefing.names import fold
from briefing.sentences import sentence_spans
from storage.archive import MATCH_END, MATCH_START

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
SENTENCE_LIMIT = 320  # characters of the sentence an alert shows

Phrase = tuple[str, ...]  # word keys in order


@functools.cache
def _stemmer() -> Any:
    """The Porter stemmer, as the full-text index stems the words of questions."""
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("porter")


@functools.lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """The comparison key of one word: its stem, transliteration-folded ("Sanctions" ->
    "sanction", "seized" -> "seiz", "Sergey's" -> "sergei"). Remembered: an article's words
    are mostly the words of the ones before."""
    plain = re.sub(r"['’]s$", "", word, flags=re.IGNORECASE).replace("'", "").replace("’", "")
    return fold(_stemmer().stemWord(plain.casefold()))


def phrase_of(text: str) -> Phrase:
    """The keys of the words of `text`, in order."""
    return tuple(word_key(m.group()) for m in WORD.finditer(text))


# Words that carry no topic of their own, left out of a watch unless in a phrase with others.
# Not the questions' filler list: "talks", "claim" or "event" are what a watch may be about.
FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with about into over after before between under
    and or but nor so if than that this these those it its he she they them his her their
    we our you your i me my is are was were be been being am do does did have has had will
    would shall should can could may might must not no as up out off""".split()
)
# Keys of filler words: never a watch's index key, so an article's are not looked up.
FILLER_KEYS = frozenset(word_key(word) for word in FUNCTION_WORDS)


@dataclass(frozen=True)
class Tokens:
    """A text's word keys in order, with where each key occurs, for phrase lookups."""

    keys: tuple[str, ...]
    positions: dict[str, list[int]]

    @classmethod
    def of(cls, text: str) -> "Tokens":
        """The tokens of `text`."""
        keys = phrase_of(text)
        positions: dict[str, list[int]] = {}
        for at, key in enumerate(keys):
            positions.setdefault(key, []).append(at)
        return cls(keys, positions)

    def has(self, phrase: Phrase) -> bool:
        """Whether the phrase occurs, its words in a row."""
        if not phrase:
            return False
        starts = self.positions.get(phrase[0])
        if not starts:
            return False
        if len(phrase) == 1:
            return True
        size = len(phrase)
        return any(self.keys[at : at + size] == phrase for at in starts)


class ArticleWords:
    """An article's words, read once: its tokens (`tokens`, title then body) for matching,
    and its sentences, found only when a watch matched, for the sentence an alert shows."""

    def __init__(self, title: str, body: str) -> None:
        self._texts = (title, body)
        titled, bodied = list(WORD.finditer(title)), list(WORD.finditer(body))
        self._words = (titled, bodied)
        self._in_title = len(titled)
        keys = list(map(word_key, map(re.Match.group, titled + bodied)))
        positions: dict[str, list[int]] = {}
        for at, key in enumerate(keys):
            positions.setdefault(key, []).append(at)
        self.tokens = Tokens(tuple(keys), positions)
        self.content_keys = positions.keys() - FILLER_KEYS  # what watches are indexed by
        self._sentences: list[tuple[int, int, int]] | None = None

    def _body_sentences(self) -> list[tuple[int, int, int]]:
        """(first word, start, end) of each sentence of the body, in order."""
        if self._sentences is None:
            starts = [match.start() for match in self._words[1]]
            self._sentences = [
                (self._in_title + bisect.bisect_left(starts, a), a, b)
                for a, b in sentence_spans(self._texts[1])
            ]
        return self._sentences

    def _occurrences(self, phrases: Sequence[Phrase]) -> list[tuple[int, Phrase]]:
        """(first word, phrase) of every occurrence of the phrases, in text order."""
        keys, found = self.tokens.keys, []
        for phrase in phrases:
            for at in self.tokens.positions.get(phrase[0], ()):
                if keys[at : at + len(phrase)] == phrase:
                    found.append((at, phrase))
        return sorted(found, key=lambda hit: (hit[0], -len(hit[1])))

    def marked(self, phrases: Iterable[Phrase]) -> str:
        """The body's sentence naming most of the phrases (the first such), the phrases
        wrapped in match marks; the title when no sentence of the body names one; "" when
        neither does."""
        wanted = [p for p in dict.fromkeys(phrases) if p]
        hits = self._occurrences(wanted)
        if not hits:
            return ""
        sentences = self._body_sentences()
        firsts = [first for first, _, _ in sentences]
        named: dict[int, set[Phrase]] = {}
        for at, phrase in hits:
            if at >= self._in_title:
                named.setdefault(bisect.bisect_right(firsts, at) - 1, set()).add(phrase)
        if named:
            index = max(sorted(named), key=lambda i: len(named[i]))
            first, start, end = sentences[index]
            last = firsts[index + 1] if index + 1 < len(firsts) else len(self.tokens.keys)
            return self._mark(1, start, end, [h for h in hits if first <= h[0] < last])
        title = self._texts[0]
        return self._mark(0, 0, len(title), [h for h in hits if h[0] < self._in_title])

    def _span(self, at: int) -> tuple[int, int, int]:
        """(0 title | 1 body, start, end) of word `at` (the last word for one past the end)."""
        at = min(at, len(self.tokens.keys) - 1)
        part = 0 if at < self._in_title else 1
        match = self._words[part][at - part * self._in_title]
        return part, match.start(), match.end()

    def _mark(self, part: int, start: int, end: int, hits: list[tuple[int, Phrase]]) -> str:
        """Text `start:end` of the title (0) or body (1), the hits in it in match marks."""
        text, out, last = self._texts[part], [], start
        for at, phrase in hits:
            head, tail = self._span(at), self._span(at + len(phrase) - 1)
            if head[1] < last or tail[0] != part or tail[2] > end:
                continue  # overlaps the previous hit, or runs past the sentence
            out += [text[last : head[1]], MATCH_START, text[head[1] : tail[2]], MATCH_END]
            last = tail[2]
        out.append(text[last:end])
        return _clip(" ".join("".join(out).split()))


def _clip(sentence: str) -> str:
    """A long sentence cut to the part around its first match."""
    if len(sentence) <= SENTENCE_LIMIT:
        return sentence
    first = sentence.find(MATCH_START)
    start = max(0, first - SENTENCE_LIMIT // 3)
    if start:
        start = sentence.find(" ", start) + 1 or start
    piece = shorten(sentence[start:], SENTENCE_LIMIT)
    if piece.count(MATCH_START) > piece.count(MATCH_END):
        piece = piece.rstrip("…") + MATCH_END + "…"
    return ("…" if start else "") + piece


def marked_sentence(title: str, body: str, phrases: Iterable[Phrase]) -> str:
    """`ArticleWords.marked` of one article: the sentence naming the phrases, marked."""
    return ArticleWords(title, body).marked(phrases)
