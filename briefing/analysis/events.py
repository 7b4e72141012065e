"""What happened when: who did what to whom in each sentence of an article, dated.

For each main verb of a body sentence whose subject is an actor: the subject, the action (the
verb's lemma with its negation, particle, or a common-noun object: "arm", "step down",
"criticize strikes", "not be freed"), the actors it acts on, and the date. A verb of saying
stands aside for the clause it reports ("Lavrov said Russia is arming Iraq" gives Russia
arming Iraq). The date is the date expression nearest the verb in its own clause, else any in
the sentence, resolved against the publication date, else the publication date itself.
Sentences inside quotation marks are left to quotes.
"""

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from briefing.analysis.actor_index import ActorIndex, index_actors
from briefing.analysis.actors import Actor
from briefing.analysis.nlp import body_start
from briefing.analysis.quotes import SPEECH_VERBS, quoted_segments
from briefing.questions.relative_dates import DateMention, find_dates

_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependents whose actors the action bears on ("arming Iraq", "talks with Iran", "urged
# Washington to work with Assad").
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "prep", "agent", "xcomp", "acomp"})
_REPORTED = frozenset({"ccomp"})
# Verbs that only attribute words: the words are a quote, not an event. ("warn", "deny" and
# other verbs of saying are events of their own as well.)
_ATTRIBUTION = frozenset({"say", "tell", "add", "state", "continue", "note", "explain"})


@dataclass
class Event:
    """One thing an actor did: subject, action, objects, ISO date and the source sentence."""

    subject: str
    action: str
    objects: list[str]
    date: str
    sentence: str


def _main_verbs(root: Token) -> list[Token]:
    """The sentence's main verbs: the root and its coordinated verbs, and for a verb of saying
    the verbs of the clause it reports ("said", "told" stand aside for that clause)."""
    found: list[Token] = []
    stack = [root]
    while stack:
        verb = stack.pop()
        if verb.pos_ not in _VERBS:
            continue
        lemma = verb.lemma_.lower()
        if lemma in SPEECH_VERBS:
            stack.extend(c for c in verb.children if c.dep_ in _REPORTED)
        if lemma not in _ATTRIBUTION:
            found.append(verb)
        stack.extend(c for c in verb.children if c.dep_ == "conj")
    return sorted(found, key=lambda token: token.i)


_SKIPPED_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def _subject_tokens(verb: Token, index: ActorIndex) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (inherited along "and"), and whether it is passive."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    current = verb
    while not subjects and current.dep_ == "conj":
        misread = _misattached_subject(current, index)
        if misread is not None:
            subjects = [misread]
            break
        current = current.head
        subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
    passive = any(c.dep_ == "nsubjpass" for c in subjects) or any(
        c.dep_ == "auxpass" for c in verb.children
    )
    expanded: list[Token] = []
    for subject in subjects:
        expanded.append(subject)
        expanded.extend(c for c in subject.children if c.dep_ == "conj")
    return expanded, passive and bool(subjects)


def _misattached_subject(verb: Token, index: ActorIndex) -> Token | None:
    """The parser sometimes hangs "and Y has warned" off the previous object: Y is then the
    actor right before the verb (past its auxiliaries), read as a conjunct, not a subject."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].dep_ in _SKIPPED_BEFORE_VERB:
        i -= 1
    if i < 0 or index.by_token[i] is None:
        return None
    token = verb.doc[i]
    return token if token.dep_ == "conj" and token.head.i < token.i else None


def _actors_in(tokens: list[Token], index: ActorIndex) -> list[str]:
    names: list[str] = []
    for token in tokens:
        name = index.speaker(token)
        if name is not None and name not in names:
            names.append(name)
    return names


def _actors_under(
    verb: Token, deps: frozenset[str], index: ActorIndex, taken: set[int]
) -> list[str]:
    """Actors named in the verb's dependents of the given kinds, except at `taken` tokens."""
    names: list[str] = []
    for dependent in verb.children:
        if dependent.dep_ not in deps:
            continue
        # Of a preposition only its object counts: not a clause ("after meeting X").
        parts = [c for c in dependent.children if c.dep_ == "pobj"]
        for child in parts if dependent.dep_ in {"prep", "agent"} else [dependent]:
            names.extend(_names_in(child, index, taken, names))
    return names


def _names_in(child: Token, index: ActorIndex, taken: set[int], seen: list[str]) -> list[str]:
    """The actors named in a dependent's subtree, not yet in `seen`, skipping `taken` tokens."""
    names: list[str] = []
    for i in range(child.left_edge.i, child.right_edge.i + 1):
        name = index.by_token[i]
        if name is not None and name not in names and name not in seen and i not in taken:
            names.append(name)
    return names


def _mention_tokens(token: Token, index: ActorIndex) -> set[int]:
    """The positions of the actor mention a token belongs to."""
    name = index.by_token[token.i]
    if name is None:
        return {token.i}
    first, last = token.i, token.i
    while first > 0 and index.by_token[first - 1] == name:
        first -= 1
    while last + 1 < len(index.by_token) and index.by_token[last + 1] == name:
        last += 1
    return set(range(first, last + 1))


def _action(verb: Token, passive: bool, index: ActorIndex) -> str:
    words = [f"be {verb.lower_}" if passive else verb.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "prt":
            words.append(child.lower_)
    for child in verb.children:
        is_object = child.dep_ in {"dobj", "attr", "acomp"} and child.pos_ in {"NOUN", "ADJ"}
        if is_object and index.actor_at(child) is None:
            words.append(child.lower_)
            break
    if any(child.dep_ == "neg" for child in verb.children):
        words.insert(0, "not")
    return " ".join(words)


def _is_future(verb: Token) -> bool:
    """ "will step down", "is going to resign": the date ahead, not behind."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    going = verb.head.lower_ == "going" and verb.dep_ == "xcomp"
    return bool(auxiliaries & {"will", "shall", "'ll"}) or going


def _date_for(verb: Token, sentence: Span, dates: list[DateMention], fallback: str) -> str:
    if not dates:
        return fallback
    offset = sentence.start_char
    low, high = verb.left_edge.idx - offset, verb.right_edge.idx - offset
    inside = [d for d in dates if low <= d.start and d.start <= high]
    pool = inside or dates
    return min(pool, key=lambda d: abs(d.start + offset - verb.idx)).value


class _Quoted:
    def __init__(self, doc: Doc) -> None:
        self.spans = quoted_segments(doc)
        self.starts = [start for start, _ in self.spans]

    def __contains__(self, char: int) -> bool:
        at = bisect.bisect_right(self.starts, char) - 1
        return at >= 0 and char < self.spans[at][1]


def extract_events(
    doc: Doc, actors: Sequence[Actor] | None = None, published: date | None = None
) -> list[Event]:
    """Dated events of a parsed article's body, in text order (see the module docstring)."""
    index = index_actors(doc)
    quoted = _Quoted(doc)
    index = index.without_subjects(lambda i: doc[i].idx in quoted)
    known = {actor.name for actor in actors} if actors is not None else None
    fallback = published.isoformat() if published is not None else ""
    start = body_start(doc)
    events: list[Event] = []
    for sentence in doc.sents:
        if sentence.start_char < start or not any(index.by_token[t.i] for t in sentence):
            continue
        dates: list[DateMention] | None = None
        text = " ".join(sentence.text.split())
        verbs = [v for v in _main_verbs(sentence.root) if v.idx not in quoted]
        subjects_of = {v.i: _subject_tokens(v, index) for v in verbs}
        for verb in verbs:
            subject_tokens, passive = subjects_of[verb.i]
            taken = {
                i
                for other, (tokens, _) in subjects_of.items()
                if other != verb.i
                for token in tokens
                for i in _mention_tokens(token, index)
            }
            subjects = _actors_in(subject_tokens, index)
            objects = _actors_under(verb, _OBJECTS, index, taken)
            agents = _actors_under(verb, frozenset({"agent"}), index, taken)
            if passive and agents:
                subjects, objects, passive = agents, subjects + objects, False
            subjects = [s for s in subjects if known is None or s in known]
            if not subjects:
                continue
            future = _is_future(verb)
            if dates is None or future:
                dates = find_dates(sentence.text, published, future)
            when = _date_for(verb, sentence, dates, fallback)
            action = _action(verb, passive, index)
            for subject in subjects:
                targets = [o for o in objects if o != subject and (known is None or o in known)]
                events.append(Event(subject, action, targets, when, text))
    return events
