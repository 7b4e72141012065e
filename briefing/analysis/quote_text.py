"""One parsed article read for quotes: its paragraphs, quoted stretches, sentences and tokens,
and what credits a stretch (`Attribution`)."""

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import index_actors
from briefing.analysis.attribution import Attributor
from briefing.analysis.gazetteer import PLACE
from briefing.analysis.nlp import body_start
from briefing.analysis.quote_marks import (
    CLOSING,
    DOUBLED_CLOSING,
    DOUBLED_OPENING,
    OPENING,
    STRAIGHT,
    Segment,
    paragraphs,
    segments,
)
from briefing.analysis.speech_verbs import is_speech_verb

OPEN_ENDED = re.compile(r"[.…]$")  # the quote's words end its sentence

# `"…," is the dry assessment of Graham Lane`: words named as someone's verdict
VERDICT_OF = re.compile(
    r"(?:is|was) (?:the|his|her) (?:[a-z-]+ ){0,2}(?:assessment|view|verdict|opinion|"
    r"judgement|judgment|message|warning|advice|reaction|response|comment) of "
)


@dataclass
class Attribution:
    """What credits a quoted stretch: the speaker (None when it names nobody we may credit),
    the verb of saying if any, and the text around the quote it was read from."""

    speaker: str | None
    verb: Token | None
    start: int
    end: int


def inner_words(text: str, segment: Segment) -> str:
    """A stretch's words without their quotation marks."""
    words = text[segment.start : segment.end].strip()
    words = words.removeprefix(DOUBLED_OPENING).removesuffix(DOUBLED_CLOSING)
    return words.strip(OPENING + CLOSING + STRAIGHT).strip()


def same_token(one: Token | None, other: Token | None) -> bool:
    """Whether two tokens, either possibly missing, are the same one."""
    return one is not None and other is not None and one.i == other.i


def ends_sentence(text: str, segment: Segment) -> bool:
    """Whether a stretch's words end a sentence: with a full stop inside the marks or just
    after them (`"… bureaucratism".`)."""
    if text[segment.end :].startswith("."):
        return True
    return OPEN_ENDED.search(inner_words(text, segment)) is not None


class QuoteText:
    """An article's text as quotes are read from it: which characters are quoted, the tokens
    and sentences around them, and the verbs of saying there."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.paragraphs = paragraphs(self.text, body_start(doc))
        self.segments = segments(self.text, self.paragraphs)
        self.token_starts = [token.idx for token in doc]
        self.sentences = list(doc.sents)
        self.sentence_starts = [sent.start_char for sent in self.sentences]
        self.spans = [(s.start, s.end) for s in self.segments]
        self.span_starts = [start for start, _ in self.spans]
        index = index_actors(doc).without_subjects(lambda i: self.quoted(doc[i].idx))
        self.attributor = Attributor(doc, index, self.quoted)

    def quoted(self, char: int) -> bool:
        """Whether a character offset is inside quotation marks."""
        at = bisect.bisect_right(self.span_starts, char) - 1
        return at >= 0 and char < self.spans[at][1]

    def from_someone(self, tokens: list[Token]) -> bool:
        """Whether words after a phrase name whom it came from ("a call to "…" from Charles
        Kennedy"), so the sentence's subject did not choose them."""
        index = self.attributor.index
        return any(
            t.dep_ == "pobj" and t.head.lower_ in {"from", "by"} and index.by_token[t.i]
            for t in tokens
        )

    def names_someone(self, tokens: list[Token]) -> bool:
        """Whether a person or organisation is named outside quotation marks in a span."""
        index = self.attributor.index
        return any(
            (name := index.by_token[t.i]) is not None
            and index.types.get(name) != PLACE
            and not self.quoted(t.idx)
            for t in tokens
        )

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside a character range."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [self.doc[i] for i in range(first, last)]

    def named_between(self, start: int, end: int) -> str | None:
        """Who is named between two character offsets (`Attributor.named_in`), else None."""
        tokens = self.tokens(start, end)
        return self.attributor.named_in(tokens[0].i, tokens[-1].i + 1) if tokens else None

    def speech_verbs(self, start: int, end: int) -> list[Token]:
        """Verbs of saying with a subject, outside quotation marks, in a character range."""
        return [
            t
            for t in self.tokens(start, end)
            if is_speech_verb(t)
            and not self.quoted(t.idx)
            and self.attributor.subject_of(t) is not None
        ]

    def sentence_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sentence_starts, char) - 1)

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        sentence = self.sentences[self.sentence_at(char)]
        return sentence.start_char, sentence.end_char

    def next_sentence_end(self, char: int, limit: int) -> int:
        """Where the sentence holding the first words after a character offset ends: the
        next sentence's end when a quote ends its own (`"…," he said.`)."""
        rest = self.text[char:limit]
        return self.sentence_bounds(char + len(rest) - len(rest.lstrip()))[1]
