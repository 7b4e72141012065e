"""Who said what: direct quotes in quotation marks and reported speech, with their speaker.

A direct quote is found from the quotation marks in the text, straight or curly, over several
sentences, across a paragraph break (a paragraph that ends inside a quote and a next one that
opens again or simply goes on) and across its own attribution (`"...," he said. "..."`). Its
speaker is the subject of the verb of saying next to it: a name, or "he"/"she" meaning the
person last named as the subject of a main clause outside quotation marks. Reported speech
("X said that ...", "X told reporters ...") gives indirect quotes.
"""

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex, index_actors
from briefing.analysis.actors import Actor
from briefing.analysis.nlp import body_start

SPEECH_VERBS = frozenset(
    """say tell add state claim insist argue warn announce explain note report deny confirm
    acknowledge admit suggest predict stress emphasise emphasize maintain reiterate assert
    declare allege contend write tweet recall reply respond answer ask comment conclude vow
    promise pledge threaten complain concede quip joke continue agree""".split()
)
_OPENING = "“«"
_CLOSING = "”»"
_MAX_ATTRIBUTION_WORDS = 20  # longer text between two quoted parts is narrative, not "he said"
_MIN_ATTRIBUTED_WORDS = 3
_MIN_UNATTRIBUTED_WORDS = 8  # shorter quoted phrases without a speaker are titles or scare quotes
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_MARKS = re.compile(r'["“”«»]')


@dataclass
class Quote:
    """What someone said: the canonical speaker (None if unknown), the words, the source
    sentence(s), and whether it was quoted directly."""

    speaker: str | None
    text: str
    sentence: str
    direct: bool


@dataclass
class _Segment:
    start: int  # the opening quotation mark (or paragraph start when it continues)
    end: int  # just after the closing mark (or paragraph end)
    paragraph: int
    continues: bool = False  # a paragraph that goes on with the previous one's quote


@dataclass
class _Quotation:
    segments: list[_Segment] = field(default_factory=list)
    verb: Token | None = None


def _paragraphs(text: str, start: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = start
    for match in _PARAGRAPH.finditer(text, start):
        if text[position : match.start()].strip():
            spans.append((position, match.start()))
        position = match.end()
    if text[position:].strip():
        spans.append((position, len(text.rstrip())))
    return spans


def quoted_segments(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the body inside quotation marks (marks included), in order."""
    return [(s.start, s.end) for s in _segments(doc.text, _paragraphs(doc.text, body_start(doc)))]


def _segments(text: str, paragraphs: list[tuple[int, int]]) -> list[_Segment]:
    """Quoted stretches of each paragraph; a quote left open at a paragraph's end closes there
    and goes on in the next paragraph when that opens a quote again or starts in lower case."""
    segments: list[_Segment] = []
    open_at: int | None = None
    continues = False
    for number, (start, end) in enumerate(paragraphs):
        if open_at is not None:
            segments.append(_Segment(open_at, paragraphs[number - 1][1], number - 1, continues))
            first = text[start]
            continues = first.islower() or first in _OPENING or first == '"'
            open_at = start if first.islower() else None
        else:
            continues = False
        for mark in _MARKS.finditer(text, start, end):
            char, at = mark.group(), mark.start()
            if open_at is None and (char in _OPENING or char == '"'):
                open_at = at
                continues = continues and at == start
            elif open_at is not None and (char in _CLOSING or char == '"'):
                segments.append(_Segment(open_at, at + 1, number, continues))
                open_at, continues = None, False
    if open_at is not None and paragraphs:
        segments.append(_Segment(open_at, paragraphs[-1][1], len(paragraphs) - 1, continues))
    return segments


class _Reader:
    """Reads quotes from one parsed article."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.paragraphs = _paragraphs(self.text, body_start(doc))
        self.segments = _segments(self.text, self.paragraphs)
        self.token_starts = [token.idx for token in doc]
        self.sentences = list(doc.sents)
        self.sentence_starts = [sent.start_char for sent in self.sentences]
        self.spans = [(s.start, s.end) for s in self.segments]
        self.span_starts = [start for start, _ in self.spans]
        self.index = index.without_subjects(lambda i: self.quoted(doc[i].idx))

    def quoted(self, char: int) -> bool:
        """Whether a character offset is inside quotation marks."""
        at = bisect.bisect_right(self.span_starts, char) - 1
        return at >= 0 and char < self.spans[at][1]

    def tokens(self, start: int, end: int) -> list[Token]:
        """Tokens starting inside a character range."""
        first = bisect.bisect_left(self.token_starts, start)
        last = bisect.bisect_left(self.token_starts, end)
        return [self.doc[i] for i in range(first, last)]

    def speech_verb(self, start: int, end: int) -> Token | None:
        for token in self.tokens(start, end):
            if token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}:
                return token
        return None

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        at = max(0, bisect.bisect_right(self.sentence_starts, char) - 1)
        sentence = self.sentences[at]
        return sentence.start_char, sentence.end_char

    # --- direct quotes --------------------------------------------------------------------

    def quotations(self) -> list[_Quotation]:
        """Segments joined into quotations: across paragraphs and across their attribution."""
        groups: list[_Quotation] = []
        for segment in self.segments:
            last = groups[-1].segments[-1] if groups else None
            if last is not None and (segment.continues or self._interrupts(last, segment)):
                groups[-1].segments.append(segment)
            else:
                groups.append(_Quotation([segment]))
        return groups

    def _interrupts(self, before: _Segment, after: _Segment) -> bool:
        if before.paragraph != after.paragraph:
            return False
        gap = self.text[before.end : after.start]
        return len(gap.split()) <= _MAX_ATTRIBUTION_WORDS and bool(
            self.speech_verb(before.end, after.start)
        )

    def attribution(self, quotation: _Quotation) -> tuple[Token | None, int, int]:
        """The verb of saying for a quotation, and the span of text it was looked for in."""
        first, last = quotation.segments[0], quotation.segments[-1]
        paragraph_end = self.paragraphs[last.paragraph][1]
        after = bisect.bisect_left(self.span_starts, last.end)  # segments are in text order
        following = [*self.span_starts[after : after + 1], paragraph_end]
        tail_end = min(self.sentence_bounds(last.end - 1)[1], following[0], paragraph_end)
        if tail_end <= last.end:  # the sentence ends with the quote: "... ," he said.
            tail_end = min(self.sentence_bounds(last.end)[1], following[0], paragraph_end)
        head_start = max(self.sentence_bounds(first.start)[0], self.paragraphs[first.paragraph][0])
        for segment, following_segment in itertools.pairwise(quotation.segments):
            verb = self.speech_verb(segment.end, following_segment.start)
            if verb is not None:
                return verb, head_start, tail_end
        verb = self.speech_verb(last.end, tail_end) or self.speech_verb(head_start, first.start)
        return verb, head_start, tail_end

    def speaker_of(self, verb: Token) -> str | None:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return self.index.speaker(child)
        for token in verb.rights:  # "..., said Lavrov"
            if (name := self.index.actor_at(token)) is not None:
                return name
        return None

    def colon_speaker(self, quotation: _Quotation, head_start: int) -> str | None:
        """`Lavrov:` or a previous paragraph ending `... Lavrov said:` before the quote."""
        first = quotation.segments[0]
        lead = self.text[head_start : first.start].rstrip()
        if not lead and first.paragraph > 0:
            previous_start, previous_end = self.paragraphs[first.paragraph - 1]
            lead_start = self.sentence_bounds(previous_end - 1)[0]
            lead = self.text[max(lead_start, previous_start) : previous_end].rstrip()
            head_start = max(lead_start, previous_start)
        if not lead.endswith(":"):
            return None
        names = [self.index.by_token[t.i] for t in self.tokens(head_start, head_start + len(lead))]
        return next((n for n in reversed(names) if n is not None), None)

    def direct(self) -> list[tuple[int, Quote]]:
        found: list[tuple[int, Quote]] = []
        previous: tuple[_Quotation, str | None] | None = None
        for quotation in self.quotations():
            verb, head_start, tail_end = self.attribution(quotation)
            speaker = self.speaker_of(verb) if verb is not None else None
            if verb is None:
                speaker = self.colon_speaker(quotation, head_start)
                if (
                    speaker is None
                    and previous is not None
                    and self._follows(previous[0], quotation)
                ):
                    speaker = previous[1]  # the same person goes on in the next paragraph
            words = self._words(quotation)
            needed = _MIN_ATTRIBUTED_WORDS if verb is not None else _MIN_UNATTRIBUTED_WORDS
            if len(words.split()) < needed:
                continue
            start = self.sentence_bounds(min(quotation.segments[0].start, head_start))[0]
            end = max(quotation.segments[-1].end, tail_end if verb is not None else 0)
            context = " ".join(self.text[start:end].split())
            found.append((quotation.segments[0].start, Quote(speaker, words, context, True)))
            previous = (quotation, speaker)
        return found

    def _follows(self, earlier: _Quotation, later: _Quotation) -> bool:
        return later.segments[0].paragraph == earlier.segments[-1].paragraph + 1 and (
            self.text[self.paragraphs[later.segments[0].paragraph][0]] in _OPENING + '"'
        )

    def _words(self, quotation: _Quotation) -> str:
        """The quoted words; a comma before the attribution becomes a full stop when the
        attribution ends a sentence (`IS," he said. "They`) and goes otherwise."""
        parts: list[str] = []
        segments = quotation.segments
        for number, segment in enumerate(segments):
            inner = self.text[segment.start : segment.end].strip().strip(_OPENING + _CLOSING + '"')
            inner = " ".join(inner.split())
            if inner.endswith(","):
                later = segments[number + 1] if number + 1 < len(segments) else None
                gap = self.text[segment.end : later.start].rstrip() if later else ""
                inner = inner[:-1] + ("." if gap.endswith(".") else "")
            parts.append(inner)
        return " ".join(part for part in parts if part)

    # --- reported speech ------------------------------------------------------------------

    def indirect(self) -> list[tuple[int, Quote]]:
        found: list[tuple[int, Quote]] = []
        start_char = body_start(self.doc)
        for sentence in self.sentences:
            if sentence.end_char <= start_char:
                continue
            for verb in sentence:
                if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
                    continue
                if self.quoted(verb.idx):
                    continue
                for clause in verb.children:
                    if clause.dep_ != "ccomp":
                        continue
                    quote = self._reported(verb, clause, sentence.text)
                    if quote is not None:
                        found.append((clause.left_edge.idx, quote))
        return found

    def _reported(self, verb: Token, clause: Token, sentence: str) -> Quote | None:
        left, right = clause.left_edge.i, clause.right_edge.i
        start, end = self.doc[left].idx, self.doc[right].idx + len(self.doc[right])
        at = bisect.bisect_left(self.span_starts, end) - 1  # the last segment opened before end
        if at >= 0 and start < self.spans[at][1]:
            return None  # the direct quote already has it
        speaker = self.speaker_of(verb)
        if speaker is None:
            return None
        tokens = list(self.doc[left : right + 1])
        while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if len(tokens) < _MIN_ATTRIBUTED_WORDS:
            return None
        text = self.doc[tokens[0].i : tokens[-1].i + 1].text
        return Quote(speaker, " ".join(text.split()), " ".join(sentence.split()), False)


def extract_quotes(doc: Doc, actors: Sequence[Actor] | None = None) -> list[Quote]:
    """Direct and reported quotes of a parsed article's body, in text order.

    Speakers are canonical actor names (from `actors` when given, else extracted here).
    """
    index = index_actors(doc)
    reader = _Reader(doc, index)
    quotes = sorted(reader.direct() + reader.indirect(), key=lambda item: item[0])
    known = {actor.name for actor in actors} if actors is not None else None
    result: list[Quote] = []
    for _, quote in quotes:
        if known is not None and quote.speaker not in known:
            quote.speaker = None
        result.append(quote)
    return result
