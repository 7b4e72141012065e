"""Who a verb of saying credits: the speaker of "X said", "said X, title", "he said", "it said".

A speaker is a person, an organisation or an armed group of the article's actors, never a
place ("London: …", "Moscow said" credit nobody) nor a wire agency that only carries the words
(Reuters, AP, AFP …). "He"/"she" mean the person last named as the subject of a main clause
before them, outside quotation marks; "it"/"they" the organisation named as the nearest
earlier subject, and nobody when a nearer subject is something else ("Analysts said … they
said"). Joint speakers ("said Zadan and Meron") are credited to the first named. When the
subject names nobody ("a spokesman said"), the speaker stays empty rather than guessed.
"""

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.names import normalise_name

SPEECH_VERBS = frozenset(
    """say tell add state claim insist argue warn announce explain note report deny confirm
    acknowledge admit suggest predict stress emphasise emphasize maintain reiterate assert
    declare allege contend write tweet recall reply respond answer ask comment conclude vow
    promise pledge threaten complain concede quip joke continue agree""".split()
)
WIRE_AGENCIES = frozenset(
    normalise_name(name)
    for name in (
        "Reuters",
        "Reuter",
        "Thomson Reuters",
        "AP",
        "Associated Press",
        "the Associated Press",
        "AFP",
        "Agence France-Presse",
        "Agence France Presse",
        "UPI",
        "United Press International",
        "Interfax",
        "Itar-Tass",
        "TASS",
        "RIA Novosti",
        "Xinhua",
        "Kyodo",
        "Yonhap",
        "Bernama",
        "Anadolu",
        "dpa",
        "ANSA",
        "EFE",
        "Press Association",
        "PA",
        "Bloomberg",
        "Dow Jones",
    )
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ORGANISATION_PRONOUNS = frozenset({"it", "they"})
_SPEAKING_TYPES = frozenset({ORGANISATION, GROUP})
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "conj"})  # "…, saying", "and added"
_INVERTED_SUBJECTS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "oprd"})
_LOOSE_SUBJECTS = frozenset({"npadvmod", "dep", "appos", "nmod", "compound"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_PERSONAL = frozenset({"he", "she"})
# Unnamed people who speak: "he"/"she" after them mean them, not someone named earlier.
_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official analyst economist minister secretary
    president chairman chairwoman director executive lawyer manager leader head chief editor
    critic aide adviser advisor source officer representative negotiator diplomat
    prosecutor judge""".split()
)


def _is_main_verb(verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def is_speech_verb(token: Token) -> bool:
    """Whether a token is a verb of saying ("said", "told", "added", …)."""
    return token.lemma_.lower() in SPEECH_VERBS and token.pos_ in {"VERB", "AUX"}


class Attributor:
    """Finds the speaker a verb of saying credits, in one parsed article."""

    def __init__(self, doc: Doc, index: ActorIndex, quoted: Callable[[int], bool]) -> None:
        self.doc = doc
        self.index = index
        self.quoted = quoted
        self.subjects = self._subjects()
        self.roles = [
            t.i
            for t in doc
            if t.dep_ in _SUBJECTS
            and t.lemma_.lower() in _ROLES
            and index.by_token[t.i] is None
            and not quoted(t.idx)
            and _is_main_verb(t.head)
        ]

    def _subjects(self) -> list[tuple[int, str | None]]:
        """Every main clause's subject outside quotation marks but "it"/"they", with the
        organisation it names (or None)."""
        found: list[tuple[int, str | None]] = []
        for token in self.doc:
            if token.dep_ in _SUBJECTS and _is_main_verb(token.head) and not self.quoted(token.idx):
                if token.lower_ in _ORGANISATION_PRONOUNS:
                    continue
                name = self.index.actor_at(token)
                kind = self.index.types.get(name or "")
                found.append((token.i, name if kind in _SPEAKING_TYPES else None))
        return found

    def organisation_before(self, position: int) -> str | None:
        """The organisation named as the nearest subject before a token, if that is one."""
        at = bisect.bisect_left(self.subjects, (position, "")) - 1
        return self.subjects[at][1] if at >= 0 else None

    def speaker(self, name: str | None) -> str | None:
        """`name` when it may speak: a person or an organisation, not a place or a wire."""
        if name is None or self.index.types.get(name) == PLACE:
            return None
        return None if normalise_name(name) in WIRE_AGENCIES else name

    def person_before(self, position: int) -> str | None:
        """Whom "he"/"she" at a token means: the person last named as a main clause's subject,
        unless an unnamed speaker came after ("A spokeswoman said … she added"): then the
        organisation it speaks for, or nobody."""
        at = bisect.bisect_left(self.index.subjects, (position, "")) - 1
        since = self.index.subjects[at][0] if at >= 0 else -1
        role = bisect.bisect_left(self.roles, position) - 1
        if role >= 0 and self.roles[role] > since:
            return self.index.speaker(self.doc[self.roles[role]])
        return self.index.subjects[at][1] if at >= 0 else None

    def subject_speaker(self, subject: Token) -> str | None:
        """The speaker a subject stands for, pronouns resolved."""
        if subject.lower_ in _ORGANISATION_PRONOUNS:
            return self.speaker(self.organisation_before(subject.i))
        if subject.lower_ in _PERSONAL:
            return self.speaker(self.person_before(subject.i))
        return self.speaker(self.index.speaker(subject) or self._by_surname(subject))

    def subject_of(self, verb: Token) -> Token | None:
        """The token naming who speaks: the verb's subject (that of the clause it hangs on
        for "…, saying"), an inverted subject after it ("said Lavrov"), or a name before it
        that the parser left unlabelled ("Jones, leader of …, said")."""
        clause = verb
        for _ in range(3):
            for child in clause.children:
                if child.dep_ in _SUBJECTS and not child.is_punct:  # a mark parsed as subject
                    return child
            if clause.dep_ not in _CLAUSE_LINKS or clause.head.i == clause.i:
                break
            clause = clause.head
        for token in verb.rights:  # "..., said Lavrov", "said Zadan and Meron"
            if token.dep_ in _INVERTED_SUBJECTS and token.pos_ in _NOMINAL:
                return token
        lefts = [t for t in verb.lefts if t.dep_ in _LOOSE_SUBJECTS and t.pos_ in _NOMINAL]
        named = [t for t in lefts if self.index.by_token[t.i] is not None]
        candidates = named or lefts
        return candidates[-1] if candidates else None

    def speaker_of(self, verb: Token) -> str | None:
        """The speaker a verb of saying credits, or None when it names nobody who may speak."""
        subject = self.subject_of(verb)
        return self.subject_speaker(subject) if subject is not None else None

    def _by_surname(self, token: Token) -> str | None:
        """A person or organisation of the article whose name ends with an unrecognised
        proper name ("Ms Errigo" after "Angie Errigo"), when exactly one does."""
        if token.pos_ != "PROPN":
            return None
        matches = [n for n in self.index.types if n.split()[-1] == token.text and " " in n]
        return matches[0] if len(matches) == 1 else None

    def named_in(self, start: int, end: int) -> str | None:
        """The last person named between two token positions, else the last organisation."""
        names = [self.speaker(self.index.by_token[i]) for i in range(start, end)]
        named = [name for name in names if name is not None]
        people = [name for name in named if self.index.types.get(name) == PERSON]
        found = people or named
        return found[-1] if found else None
