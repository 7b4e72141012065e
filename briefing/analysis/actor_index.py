"""Which actor each token of an article belongs to, and whom "he" or "she" refers to: what
quotes and events ask of the actors found (`index_actors`).
"""

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefing.analysis.acronyms import LEGAL_FORMS
from briefing.analysis.actors import MENTIONS, extract_actors
from briefing.analysis.gazetteer import PERSON

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = ("appos", "compound", "nmod", "amod", "poss")  # most telling first
_PERSONAL = frozenset({"he", "she", "him", "her"})


@dataclass
class ActorIndex:
    """Which actor each token belongs to, and the people named as main-clause subjects."""

    by_token: list[str | None]
    types: dict[str, str]
    subjects: list[tuple[int, str]]

    def actor_at(self, token: Token) -> str | None:
        """The actor a token names, itself or through a name modifying it ("Iraqi forces")."""
        name = self.by_token[token.i]
        if name is not None:
            return name
        children = [c for c in token.children if c.dep_ in _MODIFIERS]
        for child in sorted(children, key=lambda c: _MODIFIERS.index(c.dep_)):
            if self.by_token[child.i] is not None:
                return self.by_token[child.i]
        if token.lower_.rstrip(".") in LEGAL_FORMS and token.i > 0:
            return self.by_token[token.i - 1]  # "Pennzoil Co said", the parser splitting them
        return None

    def person_before(self, position: int) -> str | None:
        """The person last named as the subject of a main clause before a token position."""
        at = bisect.bisect_left(self.subjects, (position, "")) - 1
        return self.subjects[at][1] if at >= 0 else None

    def without_subjects(self, hidden: Callable[[int], bool]) -> "ActorIndex":
        """A copy whose pronouns ignore subjects at token positions `hidden` rejects."""
        kept = [(i, name) for i, name in self.subjects if not hidden(i)]
        return ActorIndex(self.by_token, self.types, kept)

    def likeliest_subject(self, subjects: list[Token]) -> Token:
        """Of a clause's subjects, the last person's ("Confederation (CIP) president Pedro
        Costa said", "this year, …, he said"), else the first."""
        people = [
            t
            for t in subjects
            if self.types.get(self.by_token[t.i] or "") == PERSON or t.lower_ in {"he", "she"}
        ]
        return people[-1] if people else subjects[0]

    def speaker(self, token: Token) -> str | None:
        """The actor a subject token stands for; "he"/"she" mean the last person subject."""
        if token.lower_ in _PERSONAL:
            return self.person_before(token.i)
        name = self.actor_at(token)
        if name is None:  # "a spokesman for the ministry"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at", "from"}:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    name = next((n for c in objects if (n := self.actor_at(c))), None)
        return name


def is_main_verb(verb: Token) -> bool:
    """Whether a verb heads its sentence, or is joined to the verb that does."""
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _role_of(name: Token) -> Token | None:
    """The role a name follows the field of ("director of rugby Philippe Saint-Andre"), which
    the parser hangs under "of": the subject the name stands for."""
    of = name.head
    if name.dep_ != "pobj" or of.lower_ != "of":
        return None
    field = any(c.dep_ == "compound" and c.is_lower for c in name.lefts)
    return of.head if field else None


def _misread_subject(doc: Doc, root: Token, end: int) -> bool:
    """Whether a name the parser hung on a noun before it is the subject of the verb right
    after it, which has none ("… at Carrow Road and Keegan sympathised with …")."""
    if root.dep_ not in {"conj", "pobj", "dobj"} or end >= len(doc):
        return False
    verb = doc[end]
    return (
        verb.pos_ == "VERB"
        and verb.tag_ in {"VBD", "VBZ"}
        and not any(c.dep_ in _SUBJECTS for c in verb.children)
        and (verb.dep_ == "ROOT" or verb.head.dep_ == "ROOT")
    )


def index_actors(doc: Doc) -> ActorIndex:
    """An `ActorIndex` for a parsed article, extracting its actors first if not done yet."""
    if MENTIONS not in doc.user_data:
        extract_actors(doc)
    mentions: list[tuple[int, int, str, str]] = doc.user_data[MENTIONS]
    types: dict[str, str] = {}
    by_token: list[str | None] = [None] * len(doc)
    subjects: list[tuple[int, str]] = []
    for start, end, name, kind in mentions:
        types[name] = kind
        for i in range(start, end):
            by_token[i] = name
        root = doc[start:end].root
        role = _role_of(root)
        subject = root if root.dep_ in _SUBJECTS else role or root.head
        if (
            kind == PERSON
            and subject.dep_ in _SUBJECTS
            and (subject is root or subject is role or root.dep_ in _MODIFIERS)
            and is_main_verb(subject.head)
        ):
            subjects.append((subject.i, name))
        elif kind == PERSON and _misread_subject(doc, root, end):
            subjects.append((root.i, name))
    subjects.sort()
    return ActorIndex(by_token, types, subjects)
