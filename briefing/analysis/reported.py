"""Reported speech: the clause a verb of saying reports ("X said that …", "X told reporters
…"), as an indirect quote of the verb's speaker, unless a direct quote already holds it."""

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis.attribution import Attributor
from briefing.analysis.nlp import body_start
from briefing.analysis.quote_model import MIN_QUOTE_WORDS, Quote
from briefing.analysis.speech_verbs import SPEECH_VERBS


def reported_quotes(
    doc: Doc,
    attributor: Attributor,
    quoted: Callable[[int], bool],
    spans: list[tuple[int, int]],
) -> list[tuple[int, Quote]]:
    """The indirect quotes of a parsed article's body, each with where its clause starts;
    `spans` are the quoted stretches, `quoted` tells whether a character is inside one."""
    found: list[tuple[int, Quote]] = []
    start_char = body_start(doc)
    span_starts = [start for start, _ in spans]
    for sentence in doc.sents:
        if sentence.end_char <= start_char:
            continue
        for verb in sentence:
            if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
                continue
            if quoted(verb.idx):
                continue
            for clause in verb.children:
                if clause.dep_ != "ccomp":
                    continue
                if _inside_direct_quote(clause, spans, span_starts):
                    continue
                quote = _reported(attributor, verb, clause, sentence.text)
                if quote is not None:
                    found.append((clause.left_edge.idx, quote))
    return found


def _inside_direct_quote(
    clause: Token, spans: list[tuple[int, int]], span_starts: list[int]
) -> bool:
    doc = clause.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    start, end = doc[left].idx, doc[right].idx + len(doc[right])
    at = bisect.bisect_left(span_starts, end) - 1  # the last stretch opened before end
    return at >= 0 and start < spans[at][1]


def _reported(attributor: Attributor, verb: Token, clause: Token, sentence: str) -> Quote | None:
    speaker = attributor.speaker_of(verb)
    if speaker is None:
        return None
    doc = clause.doc
    tokens = list(doc[clause.left_edge.i : clause.right_edge.i + 1])
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if len(tokens) < MIN_QUOTE_WORDS:
        return None
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    end = doc[tokens[-1].i].idx + len(doc[tokens[-1].i])
    words = " ".join(text.split())
    return Quote(speaker, words, " ".join(sentence.split()), False, tokens[0].idx, end)
