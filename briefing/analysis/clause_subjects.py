"""The subjects of an article's main clauses, for whom "it", "they" and "the company" stand:
the organisation the nearest earlier subject names, and nobody when that subject is
something else ("Analysts said … they said")."""

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex, is_main_verb
from briefing.analysis.descriptions import voice_of
from briefing.analysis.gazetteer import GROUP, ORGANISATION
from briefing.analysis.roles import ROLE_NOUNS, SPOKESPEOPLE

ORGANISATION_PRONOUNS = frozenset({"it", "they"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SPEAKING_TYPES = frozenset({ORGANISATION, GROUP})
_COMPANY_WORDS = frozenset(
    """company firm group bank carmaker airline retailer insurer maker operator agency union
    ministry department authority paper newspaper daily tabloid magazine broadcaster
    mps organisation organization manufacturer charity watchdog regulator commission
    alliance association federation institute party club""".split()
)
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})

_NEAR = 120  # tokens: about four sentences of wire copy
Subject = tuple[int, str | None]  # token index, the organisation it names or None


def is_the_company(subject: Token, index: ActorIndex) -> bool:
    """ "the company" or "the bank" naming no one: like "it", the organisation last named
    as a subject, when the nearest subject is one."""
    return (
        subject.lower_ in _COMPANY_WORDS
        and index.actor_at(subject) is None
        and any(c.lower_ == "the" for c in subject.lefts)
    )


def reported_body(voice: Token, index: ActorIndex) -> tuple[int, str] | None:
    """The organisation that is the subject of the clause a voice's verb reports ("Folgers
    has "nothing to announce", a spokesman said"), with where it stands."""
    for clause in voice.head.children if voice.head.i != voice.i else []:
        if clause.dep_ != "ccomp" or clause.i > voice.i:
            continue
        for subject in clause.children:
            name = index.by_token[subject.i] if subject.dep_ in _SUBJECTS else None
            if name is not None and index.types.get(name) in SPEAKING_TYPES:
                return subject.i, name
    return None


def _named_voice_of(subject: Token, index: ActorIndex) -> str | None:
    """The organisation a named spokesman or officer speaks for ("AMC spokesman Lloyd
    Northard told Reuters that the company …", "UAW president Owen Bieber said … the union
    said"), for whom "the company" or "the union" after him stands."""
    for word in subject.lefts:
        if word.dep_ != "compound" or word.lower_ not in ROLE_NOUNS:
            continue
        body = voice_of(word, index) or index.speaker(word)
        if index.types.get(body or "") in SPEAKING_TYPES:
            return body
    return None


class ClauseSubjects:
    """Every main clause's subject outside quotation marks but "it"/"they", with the
    organisation it names; and those "it" may stand for: no plural noun naming nobody
    ("These claims could take years. "…," it said" is the firm's), and "the company" for
    the organisation the subject before it named ("The company added … it said"); a named
    spokesman names the organisation he speaks for."""

    def __init__(self, doc: Doc, index: ActorIndex, quoted: Callable[[int], bool]) -> None:
        self.quoted = quoted
        self.all: list[Subject] = []
        for token in doc:
            if token.dep_ not in _SUBJECTS or not is_main_verb(token.head):
                continue
            if quoted(token.idx) or token.lower_ in ORGANISATION_PRONOUNS:
                continue
            name = index.actor_at(token) or voice_of(token, index)
            kind = index.types.get(name or "")
            if kind not in SPEAKING_TYPES:
                name = _named_voice_of(token, index) or name
                kind = index.types.get(name or "")
            self.all.append((token.i, name if kind in SPEAKING_TYPES else None))
        self.singular: list[Subject] = []
        for i, name in self.all:
            if name is None and doc[i].tag_ in _PLURAL_TAGS:
                continue
            if name is None and self.singular and is_the_company(doc[i], index):
                name = self.singular[-1][1]
            self.singular.append((i, name))

    def only_body_near(self, position: int) -> str | None:
        """The one organisation named as a main-clause subject in the stretch before a token
        (`_NEAR` tokens), whatever other subjects came between ("Pennzoil said …. The
        average price declined …. "…," the company said"); None when two are."""
        at = bisect.bisect_left(self.all, position, key=lambda subject: subject[0])
        names = {name for i, name in self.all[:at] if name and i >= position - _NEAR}
        return names.pop() if len(names) == 1 else None

    def before(self, position: int, singular: bool = False) -> Subject | None:
        """The nearest subject before a token; with `singular`, the nearest "it" may mean."""
        subjects = self.singular if singular else self.all
        at = bisect.bisect_left(subjects, position, key=lambda subject: subject[0]) - 1
        return subjects[at] if at >= 0 else None

    def _reported_body(self, voice: Token, index: ActorIndex) -> str | None:
        """The organisation that is the subject of what a voice told before it, outside
        quotation marks ("Acme will cut 500 jobs, a spokesman for the company said")."""
        for clause in voice.head.children:
            if clause.dep_ != "ccomp" or clause.i > voice.i:
                continue
            for subject in clause.children:
                if subject.dep_ not in _SUBJECTS or self.quoted(subject.idx):
                    continue
                name = index.actor_at(subject)
                if name is not None and index.types.get(name) in SPEAKING_TYPES:
                    return name
        return None

    def company_spoken_for(self, voice: Token, index: ActorIndex) -> str | None:
        """The organisation "a spokesman for the company" speaks for: the one "the company"
        stands for, the nearest subject before if it names one, else the one body near."""
        if voice.lower_ not in SPOKESPEOPLE:
            return None
        for prep in voice.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            if any(is_the_company(body, index) for body in prep.children if body.dep_ == "pobj"):
                nearest = self.before(voice.i, singular=True)
                return (
                    self._reported_body(voice, index)
                    or (nearest[1] if nearest else None)
                    or self.only_body_near(voice.i)
                )
        return None
