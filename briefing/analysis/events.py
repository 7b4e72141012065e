"""What happened when: who did what to whom in each sentence of an article, dated.

For each main verb of a body sentence whose subject is an actor: the subject, the action (the
verb's lemma with its negation, particle, or a common-noun object: "arm", "step down",
"criticize strikes", "not be freed"), the actors it acts on, and the date. A verb of saying
stands aside for the clause it reports ("Lavrov said Russia is arming Iraq" gives Russia
arming Iraq), and is an event of its own, its action the verb as written, when it carries a
date ("Lavrov said Wednesday" gives Lavrov "said" on that Wednesday). One event per clause and
subject.

The date of a clause is the date expression that hangs from it in the parse
(`briefing.analysis.event_dates`: "a deal reached on Feb. 12" dates the deal, not the verb
whose object it is), else that of the verb of saying reporting it, else that of the verb it is
coordinated with, resolved against the publication date; else the publication date itself.
Sentences inside quotation marks are left to quotes.
"""

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from briefing.analysis.actor_index import ActorIndex, index_actors
from briefing.analysis.actors import Actor
from briefing.analysis.event_dates import SUBJECTS, VERBS, clause_dates
from briefing.analysis.nlp import body_start
from briefing.analysis.quotes import SPEECH_VERBS, quoted_segments

# Dependents whose actors the action bears on ("arming Iraq", "talks with Iran", "urged
# Washington to work with Assad").
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd", "prep", "agent", "xcomp", "acomp"})
_REPORTED = frozenset({"ccomp"})
_TOLD = frozenset({"dobj", "dative"})  # "told Reuters", "told the Duma"
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


@dataclass
class _Clauses:
    """The verbs of a sentence that events are read from."""

    actions: list[Token]  # verbs whose subjects did something ("arming", "condemned")
    sayings: list[Token]  # verbs that only attribute words ("said", "told")
    reported_by: dict[int, Token]  # a verb of a reported clause: its verb of saying


def _clauses(root: Token) -> _Clauses:
    """The sentence's main verbs: the root and its coordinated verbs, and for a verb of saying
    the verbs of the clause it reports ("said", "told" stand aside for that clause: they are
    events of their own only with a date of their own)."""
    found = _Clauses([], [], {})
    stack: list[tuple[Token, Token | None]] = [(root, None)]
    while stack:
        verb, reporter = stack.pop()
        if verb.pos_ not in VERBS:
            continue
        lemma = verb.lemma_.lower()
        if lemma in SPEECH_VERBS:
            stack.extend((c, verb) for c in verb.children if c.dep_ in _REPORTED)
        (found.sayings if lemma in _ATTRIBUTION else found.actions).append(verb)
        if reporter is not None:
            found.reported_by[verb.i] = reporter
        stack.extend((c, reporter) for c in verb.children if c.dep_ == "conj")
    found.actions.sort(key=lambda token: token.i)
    found.sayings.sort(key=lambda token: token.i)
    return found


_SKIPPED_BEFORE_VERB = frozenset({"aux", "auxpass", "neg", "advmod"})


def _subject_tokens(verb: Token, index: ActorIndex) -> tuple[list[Token], bool]:
    """The subject tokens of a verb (inherited along "and"), and whether it is passive."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    current = verb
    while not subjects and current.dep_ == "conj":
        misread = _misattached_subject(current, index)
        if misread is not None:
            subjects = [misread]
            break
        current = current.head
        subjects = [c for c in current.children if c.dep_ in SUBJECTS]
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


def _modal(verb: Token) -> bool:
    """ "would not have suspended", "could not be freed": what may be, not what happened."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _action_date(verb: Token, clauses: _Clauses, own: dict[int, str]) -> str | None:
    """The date of an action: its clause's own, else that of the verb of saying reporting it
    ("Russia is arming Iraq, Lavrov said Wednesday"; not what may be: "Brazil would not have
    suspended payments, Funaro said on Saturday"), else that of the verb it is coordinated
    with when it shares its subject ("met X on Monday and signed a deal"); None without."""
    current = verb
    while True:
        if current.i in own:
            return own[current.i]
        reporter = clauses.reported_by.get(current.i)
        if reporter is not None and reporter.i in own and not _modal(current):
            return own[reporter.i]
        shares_subject = not any(c.dep_ in SUBJECTS for c in current.children)
        if current.dep_ != "conj" or not shares_subject:
            return None
        current = current.head


def _saying(verb: Token) -> str:
    """The action of a reporting clause: the verb as written ("said", "told")."""
    negated = any(child.dep_ == "neg" for child in verb.children)
    return f"not {verb.lower_}" if negated else verb.lower_


class _Quoted:
    def __init__(self, doc: Doc) -> None:
        self.spans = quoted_segments(doc)
        self.starts = [start for start, _ in self.spans]

    def __contains__(self, char: int) -> bool:
        at = bisect.bisect_right(self.starts, char) - 1
        return at >= 0 and char < self.spans[at][1]


@dataclass
class _Article:
    """What every sentence of one article is read against."""

    index: ActorIndex
    quoted: _Quoted
    known: set[str] | None
    published: date | None

    def subjects(self, verb: Token) -> tuple[list[str], list[Token], bool]:
        """A verb's subject actors, its subject tokens and whether it is passive."""
        tokens, passive = _subject_tokens(verb, self.index)
        return _actors_in(tokens, self.index), tokens, passive

    def kept(self, names: list[str]) -> list[str]:
        return [n for n in names if self.known is None or n in self.known]


def _sentence_events(sentence: Span, article: _Article, text: str) -> list[Event]:
    """The events of one body sentence: one per action clause and subject, and one per
    reporting clause with a date of its own and subject."""
    index, quoted = article.index, article.quoted
    clauses = _clauses(sentence.root)
    actions = [v for v in clauses.actions if v.idx not in quoted]
    sayings = [v for v in clauses.sayings if v.idx not in quoted]
    subjects_of = {v.i: article.subjects(v) for v in actions}
    said_by = {v.i: article.kept(article.subjects(v)[0]) for v in sayings}
    acting = any(article.kept(names) for names, _, _ in subjects_of.values())
    by_agent = any(c.dep_ == "agent" for v in actions for c in v.children)  # "made by Israel"
    if not (acting or by_agent or any(said_by.values())):
        return []  # no actor does anything here: no need to read its dates
    heads = {v.i for v in actions} | {v.i for v in sayings}
    own = clause_dates(sentence, heads, article.published)
    fallback = article.published.isoformat() if article.published is not None else ""
    events: list[tuple[int, Event]] = []
    for verb in actions:
        subjects, _, passive = subjects_of[verb.i]
        taken = {
            i
            for other, (_, tokens, _) in subjects_of.items()
            if other != verb.i
            for token in tokens
            for i in _mention_tokens(token, index)
        }
        objects = _actors_under(verb, _OBJECTS, index, taken)
        agents = _actors_under(verb, frozenset({"agent"}), index, taken)
        if passive and agents:
            subjects, objects, passive = agents, subjects + objects, False
        when = _action_date(verb, clauses, own)
        action = _action(verb, passive, index)
        for subject in article.kept(subjects):
            targets = [o for o in article.kept(objects) if o != subject]
            events.append((verb.i, Event(subject, action, targets, when or fallback, text)))
    for verb in sayings:
        if verb.i not in own:
            continue
        objects = article.kept(_actors_under(verb, _TOLD, index, set()))
        for subject in said_by[verb.i]:
            targets = [o for o in objects if o != subject]
            events.append((verb.i, Event(subject, _saying(verb), targets, own[verb.i], text)))
    events.sort(key=lambda item: item[0])  # in text order (stable for one verb's subjects)
    return [event for _, event in events]


def extract_events(
    doc: Doc, actors: Sequence[Actor] | None = None, published: date | None = None
) -> list[Event]:
    """Dated events of a parsed article's body, in text order (see the module docstring)."""
    index = index_actors(doc)
    quoted = _Quoted(doc)
    index = index.without_subjects(lambda i: doc[i].idx in quoted)
    known = {actor.name for actor in actors} if actors is not None else None
    article = _Article(index, quoted, known, published)
    start = body_start(doc)
    events: list[Event] = []
    for sentence in doc.sents:
        if sentence.start_char < start or not any(index.by_token[t.i] for t in sentence):
            continue
        events.extend(_sentence_events(sentence, article, " ".join(sentence.text.split())))
    return events
