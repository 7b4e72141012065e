"""Who said what: direct quotes in quotation marks and reported speech, with their speaker.

Each quoted stretch (`briefing.analysis.quote_marks`) is credited to the attribution nearest
it: a verb of saying just after it in its sentence (`"…," said X`, `"…," X said`, `"…," said X,
title`) or just before it (`X said: "…"`, `X said, "…"`, `X said the plan was "…"`), a colon
after a name (`Lavrov: "…"`), "according to X" or "is the view of X", or a verb of judging that
frames a phrase (`X accused them of "…"`). A stretch with no attribution of its own goes on
with the quote before it when only that quote's attribution lies between (`"…," he said. "…"`,
an interrupted `"…," X said, "…"`, or the next paragraph), else belongs to whoever the sentence
just before it reports (`X said that … "…"`); a paragraph of quotation naming nobody goes on
with the last voice of the paragraph before when nobody else was named after it; a quoted
sentence standing alone goes on with the person the sentences just before speak of, or with the
quote before it when the narrative between names nobody else (`briefing.analysis.voices`);
quoted words that name whom they would go on with are not theirs. A stretch with an attribution
of its own never takes the previous speaker, so consecutive quotes of different people stay
apart. Who a verb credits is `briefing.analysis.attribution`: persons and organisations only,
pronouns resolved, empty when unsure. Reported speech ("X said that …", "X told reporters …")
gives indirect quotes.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from briefing.analysis.actors import Actor
from briefing.analysis.gazetteer import PERSON
from briefing.analysis.nlp import body_start
from briefing.analysis.quote_marks import Segment, paragraphs, segments
from briefing.analysis.quote_model import MIN_QUOTE_WORDS, Quote
from briefing.analysis.quote_text import (
    OPEN_ENDED,
    VERDICT_OF,
    Attribution,
    QuoteText,
    inner_words,
    same_token,
)
from briefing.analysis.reported import reported_quotes
from briefing.analysis.speech_verbs import (
    SPEECH_VERBS,
    phrase_verb,
    reports,
)
from briefing.analysis.voices import (
    last_voice,
    named_as,
    voice_between,
    voice_going_on,
    voice_since,
)

__all__ = ["SPEECH_VERBS", "Quote", "extract_quotes", "quoted_segments"]

_MAX_ATTRIBUTION_WORDS = 20  # a verb further from the quote is narrative, not "he said"
_MAX_SHORT_TAIL_WORDS = 8  # `"… end." Lichtblau said.`: a bare attribution after a full stop
_MIN_UNATTRIBUTED_WORDS = 8  # shorter quoted phrases without a speaker are titles or scare quotes
_INTRODUCES = (":", ",")
_HANDS_OVER = (",", "?", "!", "-", "—", "–")  # `"…," said X`, `"…?" asked X`


@dataclass
class _Quotation:
    segments: list[Segment] = field(default_factory=list)
    attribution: Attribution | None = None
    inherited: bool = False  # the attribution is not in the quote's own sentence


def quoted_segments(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the body inside quotation marks (marks included), in order."""
    return [(s.start, s.end) for s in segments(doc.text, paragraphs(doc.text, body_start(doc)))]


def _left_open_into(quotation: _Quotation, segment: Segment) -> bool:
    """Whether a quotation with no attribution of its own was left open up to the opening
    mark of the next stretch in its paragraph (`"A. "B," said X`): one quote, B's speaker's."""
    last = quotation.segments[-1]
    return quotation.inherited and last.paragraph == segment.paragraph and last.end == segment.start


class _Reader(QuoteText):
    """Reads quotes from one parsed article."""

    # --- a quoted stretch's own attribution -----------------------------------------------

    def _tail_end(self, number: int) -> int:
        """Where the text after a stretch that may attribute it ends: its sentence's end (the
        next sentence's when the quote ends one), the next stretch or the paragraph's end."""
        segment = self.segments[number]
        limits = [self.paragraphs[segment.paragraph][1]]
        if number + 1 < len(self.segments):
            limits.append(self.segments[number + 1].start)
        end = self.sentence_bounds(segment.end - 1)[1]
        if not self.text[segment.end : end].strip():  # the quote ends its sentence: "…," he said.
            end = self.next_sentence_end(segment.end, limits[0])
        return min(end, *limits)

    def _head_start(self, number: int) -> int:
        segment = self.segments[number]
        starts = [
            self.sentence_bounds(segment.start)[0],
            self.paragraphs[segment.paragraph][0],
        ]
        if number > 0 and self.segments[number - 1].paragraph == segment.paragraph:
            starts.append(self.segments[number - 1].end)
        return max(starts)

    def _tail_verb(self, number: int, tail_end: int | None = None) -> Token | None:
        segment = self.segments[number]
        tail_end = self._tail_end(number) if tail_end is None else tail_end
        tail = self.text[segment.end : tail_end].strip()
        verbs = self.speech_verbs(segment.end, tail_end)
        if tail.endswith(":"):  # the last verb introduces the next quote: `told …, adding:`
            verbs = verbs[:-1]
        if not verbs:
            return None
        verb = verbs[0]
        if len(self.text[segment.end : verb.idx].split()) > _MAX_ATTRIBUTION_WORDS:
            return None
        inner = inner_words(self.text, segment)
        has_clause = any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
        if OPEN_ENDED.search(inner):
            # a full quote sentence: only a bare "X said." after it is its attribution
            if has_clause or tail.endswith(",") or len(tail.split()) > _MAX_SHORT_TAIL_WORDS:
                return None
        elif inner.endswith(("?", "!")) and tail[:1].isupper() and has_clause:
            return None  # `"… their act?" Mr Blair said he would not …`: a sentence of its own
        return verb

    def own_attribution(self, number: int) -> Attribution | None:
        """The attribution in a stretch's own sentence, after or before it: after it first
        when the quoted words end with a comma (`"…," said X`), before it first when they are
        a phrase inside a sentence (`X said it was "…"`) or are introduced (`X said: "…"`)."""
        segment = self.segments[number]
        head_start, tail_end = self._head_start(number), self._tail_end(number)
        head = self.text[head_start : segment.start].strip()
        verbs = self.speech_verbs(head_start, segment.start)
        introduced = head.endswith(_INTRODUCES)  # `X told Y: "…"` is X's, whoever reports it
        head_verb = self.attributor.teller_before(verbs, None if introduced else segment.start)
        if head_verb is not None and not introduced and number > 0:
            before = self.segments[number - 1]
            if (
                before.end <= head_verb.idx
                and same_token(self._tail_verb(number - 1), head_verb)
                and not reports(head_verb, segment.start)
            ):
                head_verb = None  # `"…," said X, whose motto is "…"`: X's words end before
        tail_verb = self._tail_verb(number, tail_end)
        if (
            head_verb is not None
            and tail_verb is not None
            and not introduced
            and not reports(head_verb, segment.start)
            and reports(tail_verb, segment.start)
        ):
            head_verb = None  # "the decision to announce … was a "…", X told the BBC": X's
        inner = inner_words(self.text, segment)
        tail_first = inner.endswith(_HANDS_OVER) or (
            OPEN_ENDED.search(inner) is not None and not head.endswith(_INTRODUCES)
        )
        source = self._source_after(segment, tail_end)
        found = [(tail_verb, tail_end), (head_verb, segment.end)]
        for verb, end in found if tail_first else reversed(found):
            if verb is None:
                continue
            speaker = self.attributor.speaker_of(verb)
            # "Texaco's motion called it "…," according to Gibson Gayle": his words
            if source is not None and self.attributor.index.types.get(speaker or "") != PERSON:
                return Attribution(source, None, head_start, tail_end)
            return Attribution(speaker, verb, head_start, end)
        led = head.endswith(":") or "according to" in head.lower()
        if led and (name := self.named_between(head_start, segment.start)):
            return Attribution(name, None, head_start, segment.end)
        tail = self.text[segment.end : tail_end].lower()
        own_end = self.sentence_bounds(segment.end - 1)[1] - segment.end  # not the next's
        after = ", according to " in tail[:own_end] or tail.lstrip(" ,").startswith("according to")
        source_at = segment.end + tail.find("according to")  # `It was "…" …, according to X`
        if after and (name := self.named_between(source_at, tail_end)):
            return Attribution(name, None, head_start, tail_end)
        verdict = VERDICT_OF.match(tail.lstrip(" ,"))  # `"…" is the view of Graham Lane`
        if verdict and (name := self.named_between(segment.end, tail_end)):
            return Attribution(name, None, head_start, tail_end)
        sentence = self.sentences[self.sentence_at(segment.start)]
        verb = phrase_verb(sentence, segment.start, self.quoted, self.attributor.subject_of)
        if verb is not None and not self.from_someone(self.tokens(segment.end, sentence.end_char)):
            return Attribution(self.attributor.speaker_of(verb), verb, head_start, segment.end)
        return named_as(self, sentence, segment, head_start)

    def _source_after(self, segment: Segment, tail_end: int) -> str | None:
        """The person a quote is credited to right after it (`"…," according to Gibson
        Gayle`), who outweighs a body or document a verb before it has for subject."""
        if not self.text[segment.end : tail_end].lstrip(" ,").lower().startswith("according to"):
            return None
        name = self.named_between(segment.end, tail_end)
        return name if self.attributor.index.types.get(name or "") == PERSON else None

    # --- stretches joined into quotations, and speakers they inherit ----------------------

    def _goes_on(self, quotation: _Quotation, segment: Segment, own: Attribution | None) -> bool:
        """Whether a stretch goes on with the quotation before it: the next paragraph of the
        same quote, or the same paragraph with only that quote's attribution between."""
        if segment.continues:
            return True
        last = quotation.segments[-1]
        if last.paragraph != segment.paragraph:
            return False
        before = quotation.attribution
        if own is not None and (before is None or not same_token(own.verb, before.verb)):
            return False
        gap = self.text[last.end : segment.start]
        if not gap.strip():
            return True
        verb = before.verb if before is not None else None
        return (
            len(gap.split()) <= _MAX_ATTRIBUTION_WORDS
            and verb is not None
            and last.end <= verb.idx < segment.start
        )

    def inherited(self, segment: Segment, previous: _Quotation | None) -> Attribution | None:
        """A speaker for a stretch with no attribution of its own: the quote that ends the
        previous paragraph, or what the sentence just before it reports."""
        paragraph_start = self.paragraphs[segment.paragraph][0]
        if segment.start == paragraph_start and segment.paragraph > 0:
            if previous is not None and self._ends_paragraph(previous, segment.paragraph - 1):
                return previous.attribution
            lead_end = self.paragraphs[segment.paragraph - 1][1]
            return (
                self._reported_by(lead_end, None, colon_only=True)
                or voice_going_on(self, segment)
                or last_voice(self, segment)
            )
        if previous is not None and self._same_sentence(previous, segment):
            return previous.attribution
        reported = self._reported_by(segment.start, previous, colon_only=False)
        if reported is not None and self._other_subject(segment, reported.speaker):
            return None  # "But Lord Justice Rix … ruled that it did not apply "to …"": theirs
        return reported or last_voice(self, segment) or self._voice_since(segment, previous)

    def _voice_since(self, segment: Segment, previous: _Quotation | None) -> Attribution | None:
        if previous is None:
            return None
        return voice_since(self, segment, previous.attribution, previous.segments[-1].end)

    def _other_subject(self, segment: Segment, speaker: str | None) -> bool:
        """Whether the words before a stretch in its sentence name a person but `speaker` as
        the main clause's subject, outside quotation marks: the sentence is theirs, not the
        one before's."""
        start = self.sentence_bounds(segment.start)[0]
        index = self.attributor.index
        return any(
            t.dep_ in {"nsubj", "nsubjpass"}
            and t.head.dep_ == "ROOT"
            and not self.quoted(t.idx)
            and (name := index.speaker(t)) != speaker
            and index.types.get(name or "") == PERSON
            for t in self.tokens(start, segment.start)
        )

    def _same_sentence(self, previous: _Quotation, segment: Segment) -> bool:
        """Whether a stretch is a further phrase of the sentence whose verb, before the quote
        before it, credits that quote (`X said they were "…" with "…"`), no verb between."""
        attribution, last = previous.attribution, previous.segments[-1]
        if attribution is None or attribution.verb is None:
            return False
        sentence = self.sentence_at(segment.start)
        if self.sentence_at(last.start) != sentence:
            return False
        if attribution.verb.idx > previous.segments[0].start:
            return False  # `"…," said X, whose motto is "…"`: not X's words
        if self.sentence_at(attribution.verb.idx) != sentence:
            return False
        gap = self.tokens(last.end, segment.start)
        if not any(t.pos_ in {"VERB", "AUX"} for t in gap):
            return True  # no clause of its own
        return reports(attribution.verb, segment.start)  # `X said it was "…" and there was "…"`

    def _ends_paragraph(self, quotation: _Quotation, paragraph: int) -> bool:
        last = quotation.segments[-1]
        if last.paragraph != paragraph or quotation.attribution is None:
            return False
        rest = self.text[max(last.end, quotation.attribution.end) : self.paragraphs[paragraph][1]]
        return not rest.strip()

    def _reported_by(
        self, before: int, previous: _Quotation | None, colon_only: bool
    ) -> Attribution | None:
        """The speaker of the sentence just before `before`: the quote it holds when that
        is the previous quotation (`"…," said X, a …. "…"`), else whom it reports
        (`X said that …`, `X told reporters:`); nobody when it holds someone else's quote."""
        at = self.sentence_at(max(0, before - 1))
        if self.sentences[at].end_char > before:
            at -= 1
        if at < 0:
            return None
        sentence = self.sentences[at]
        start, end = sentence.start_char, sentence.end_char
        if any(start <= s < end for s in self.span_starts):
            if previous is None or previous.attribution is None:
                return None
            verb = previous.attribution.verb
            ends_here = start <= previous.segments[-1].start < end
            return previous.attribution if ends_here or (verb and start <= verb.idx < end) else None
        if colon_only and not sentence.text.rstrip().endswith(":"):
            return None
        if sentence.text.rstrip().endswith("?"):
            return None  # "So is it …, as Kilroy-Silk once declared?": the quote answers
        for verb in self.speech_verbs(start, end):
            speaker = self.attributor.speaker_of(verb)
            if speaker is not None:
                return Attribution(speaker, verb, start, before)
        return None

    def quotations(self) -> list[_Quotation]:
        """The stretches joined into quotations, each with its attribution."""
        found: list[_Quotation] = []
        for number, segment in enumerate(self.segments):
            own = self.own_attribution(number)
            previous = found[-1] if found else None
            if previous is not None and self._goes_on(previous, segment, own):
                previous.segments.append(segment)
                previous.attribution = previous.attribution or own
                continue
            if previous is not None and own is not None and _left_open_into(previous, segment):
                previous.segments.append(segment)  # `"A. "B," said X`: the close of A was lost
                previous.attribution, previous.inherited = own, False
                continue
            found.append(
                _Quotation([segment], own or self.inherited(segment, previous), own is None)
            )
        for before, quotation, after in zip(found, found[1:], found[2:], strict=False):
            quotation.attribution = quotation.attribution or voice_between(
                self, before.attribution, quotation.segments, after.attribution
            )
        return [self._not_spoken_of(quotation) for quotation in found]

    def _not_spoken_of(self, quotation: _Quotation) -> _Quotation:
        """A quotation with an inherited speaker whom its own words name loses that speaker:
        "Simon Taylor is an outstanding player" is not Simon Taylor's."""
        attribution = quotation.attribution
        if not quotation.inherited or attribution is None:
            return quotation
        by_token = self.attributor.index.by_token
        for segment in quotation.segments:
            if any(
                by_token[t.i] == attribution.speaker
                for t in self.tokens(segment.start, segment.end)
            ):
                quotation.attribution = None
                break
        return quotation

    def direct(self) -> list[tuple[int, Quote]]:
        found: list[tuple[int, Quote]] = []
        for quotation in self.quotations():
            attribution = quotation.attribution
            words = self._words(quotation)
            needed = MIN_QUOTE_WORDS if attribution else _MIN_UNATTRIBUTED_WORDS
            if len(words.split()) < needed:
                continue
            first, last = quotation.segments[0].start, quotation.segments[-1].end
            start, end = first, last
            if attribution is not None:
                start, end = min(first, attribution.start), max(last, attribution.end)
            start = self.sentence_bounds(start)[0]
            context = " ".join(self.text[start:end].split())
            speaker = attribution.speaker if attribution else None
            found.append((first, Quote(speaker, words, context, True, first, last)))
        return found

    def _words(self, quotation: _Quotation) -> str:
        """The quoted words; a comma before the attribution becomes a full stop when the
        attribution ends a sentence (`IS," he said. "They`) and goes otherwise."""
        parts: list[str] = []
        segments = quotation.segments
        for number, segment in enumerate(segments):
            inner = " ".join(inner_words(self.text, segment).split())
            if inner.endswith(","):
                later = segments[number + 1] if number + 1 < len(segments) else None
                gap = self.text[segment.end : later.start].rstrip() if later else ""
                inner = inner[:-1] + ("." if gap.endswith(".") else "")
            parts.append(inner)
        return " ".join(part for part in parts if part)


def extract_quotes(doc: Doc, actors: Sequence[Actor] | None = None) -> list[Quote]:
    """Direct and reported quotes of a parsed article's body, in text order.

    Speakers are canonical actor names (from `actors` when given, else extracted here).
    """
    reader = _Reader(doc)
    indirect = reported_quotes(doc, reader.attributor, reader.quoted, reader.spans)
    quotes = sorted(reader.direct() + indirect, key=lambda item: item[0])
    known = {actor.name for actor in actors} if actors is not None else None
    result: list[Quote] = []
    for _, quote in quotes:
        if known is not None and quote.speaker not in known:
            quote.speaker = None
        result.append(quote)
    return result
