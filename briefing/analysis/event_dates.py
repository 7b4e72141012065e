"""Which clause each date of a sentence dates: "Lavrov said Wednesday" dates the saying,
"a deal reached on Feb. 12" dates the deal, not the sentence's main verb.

A date expression dates the clause it hangs from in the parse: from the expression up its
heads to the first clause verb of interest (an event's verb or a verb of saying). It dates none
of them when that path first passes a clause of its own (a relative clause or a participle on a
noun: "a treaty signed on Feb. 3", "a policy launched two years ago", a verb with a subject of
its own: "when talks reopen on Tuesday") or a noun it modifies ("last December's accord",
"a May 14 statement"). A date reached through a clause that speaks ahead ("will visit in June",
"is expected on Friday", "would be in Rome from June 3") is resolved forward from the
publication date, any other backward (`briefing.questions.relative_dates`).
"""

from collections.abc import Collection
from datetime import date

from spacy.tokens import Span, Token

from briefing.questions.relative_dates import DateMention, find_dates

VERBS = frozenset({"VERB", "AUX"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A clause on a noun, or a noun's modifier: a date there dates the noun, not the verb.
_NOUN_CLAUSES = frozenset({"acl", "relcl"})
_NOUN_MODIFIERS = frozenset({"poss", "compound", "nmod", "amod"})
# "Wednesday night", "Friday morning": the date is the whole phrase.
_TIMES_OF_DAY = frozenset({"night", "morning", "afternoon", "evening"})
_FORWARD_AUXILIARIES = frozenset({"will", "shall", "'ll", "would", "wo"})
# Verbs that look ahead ("is expected here on Friday", "was scheduled to travel tomorrow").
_FORWARD_VERBS = frozenset({"expect", "schedule", "plan", "intend"})


def speaks_ahead(verb: Token) -> bool:
    """Whether a verb speaks of what is still to come: "will step down", "would be in Rome",
    "is going to resign", "is expected on Friday"."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & _FORWARD_AUXILIARIES:
        return True
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        return True
    return verb.lemma_.lower() in _FORWARD_VERBS and verb.tag_ != "VBD"


def _start(token: Token) -> Token:
    """Where the walk up starts: "night" of "Wednesday night", else the expression's root."""
    if token.dep_ == "compound" and token.head.lower_ in _TIMES_OF_DAY:
        return token.head
    return token


def _dated_clause(root: Token, clauses: Collection[int]) -> tuple[int | None, bool]:
    """The clause verb (its index among `clauses`) a date expression rooted at `root` dates,
    or None; and whether the way up speaks ahead."""
    ahead = False
    current = _start(root)
    while True:
        if current.i in clauses:
            return current.i, ahead or speaks_ahead(current)
        if current.dep_ in _NOUN_CLAUSES or current.dep_ in _NOUN_MODIFIERS:
            return None, False
        if current.pos_ in VERBS:
            if any(c.dep_ in SUBJECTS for c in current.children):
                return None, False  # a clause with a subject of its own
            ahead = ahead or speaks_ahead(current)
        if current.head.i == current.i:
            return None, False
        current = current.head


def clause_dates(
    sentence: Span, clauses: Collection[int], published: date | None
) -> dict[int, str]:
    """The ISO date each clause verb's own date expression gives, by the verb's token index;
    of two expressions on one verb, the nearer to it."""
    mentions = find_dates(sentence.text, published)
    if not mentions:
        return {}
    ahead_values: dict[int, DateMention] | None = None
    found: dict[int, tuple[int, str]] = {}
    doc, offset = sentence.doc, sentence.start_char
    for mention in mentions:
        span = doc.char_span(offset + mention.start, offset + mention.end, alignment_mode="expand")
        if span is None:
            continue
        verb, ahead = _dated_clause(span.root, clauses)
        if verb is None:
            continue
        value = mention.value
        if ahead:
            if ahead_values is None:
                forward = find_dates(sentence.text, published, True)
                ahead_values = {m.start: m for m in forward}
            value = ahead_values.get(mention.start, mention).value
        distance = abs(span.root.i - verb)
        if verb not in found or distance < found[verb][0]:
            found[verb] = (distance, value)
    return {verb: value for verb, (_, value) in found.items()}
