"""Who a verb of saying credits: the speaker of "X said", "said X, title", "he said", "it said".

A speaker is a person, an organisation or an armed group of the article's actors, never a
place ("London: …", "Moscow said" credit nobody) nor a wire agency that only carries the words
(Reuters, AP, AFP …). "He"/"she" mean the person the nearest earlier sentence names as its
subject (`briefing.analysis.pronouns`); a description ("the Sale player") the person just
named (`briefing.analysis.descriptions`); "it"/"they" and "the company" the organisation named
as the nearest earlier subject, and nobody when a nearer subject is something else ("Analysts
said … they said"); "his spokesman" the person "his" means; "the report" the author it was
last named with; "a spokesman" the organisation just named as a subject or a speaker. Joint
speakers ("said Zadan and Meron") go to the first named. When the subject names nobody, the
speaker stays empty rather than guessed."""

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis import gazetteer
from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.clause_subjects import (
    ORGANISATION_PRONOUNS,
    SPEAKING_TYPES,
    ClauseSubjects,
    Subject,
    is_the_company,
    reported_body,
)
from briefing.analysis.descriptions import (
    POSSESSIVES,
    described_person,
    is_described_person,
    speaks_for_subject_before,
    spoken_for,
    voice_of,
)
from briefing.analysis.gazetteer import PERSON, PLACE
from briefing.analysis.pronouns import People, antecedent
from briefing.analysis.speech_verbs import (
    is_amount,
    is_infinitive,
    is_speech_verb,
    misjoined,
    object_read_as_subject,
    quoted_as_saying,
    reported_saying,
    reports,
    teller,
)
from briefing.analysis.subject_names import SubjectNames, misread_noun
from briefing.analysis.titles import title_holder
from briefing.analysis.unnamed_voices import (
    ISSUED_DOCUMENTS,
    VOICE_ROLES,
    body_spoke_before,
    report_of_body,
    voice_positions,
)
from briefing.analysis.wire_agencies import WIRE_AGENCIES
from briefing.names import normalise_name

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "conj"})  # "…, saying", "and added"
_INVERTED_SUBJECTS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "oprd"})
_LOOSE_SUBJECTS = frozenset({"npadvmod", "dep", "appos", "nmod", "compound"})
_RELATIVES = frozenset({"who", "that"})
_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
# Verbs whose object is who hears, never who speaks ("… told the BBC News website").
_TOLD_TO = frozenset({"tell", "inform", "assure", "brief", "remind", "advise"})
_PERSONAL = frozenset({"he", "she"})
_PARTY_MEMBERS = frozenset({"republican", "democrat", "conservative", "tory", "socialist"})
# Words that stand, with "the", for whom they were first named with: "the spokesman" after
# "a Home Office spokesman", "the report" after "the Tower Commission report".
_NEW = frozenset({"a", "an", "another", "new"})
_DOCUMENTS = ISSUED_DOCUMENTS | {"lawsuit", "suit", "resolution", "guidance", "submission"}
_ISSUING = frozenset({"file", "issue", "publish", "release", "submit", "adopt", "pass", "bring"})
_SAME_DOCUMENT = {"suit": "lawsuit"}  # "filed the suit …. the lawsuit states"
_NAMED_BEFORE = VOICE_ROLES | _DOCUMENTS
_OWNED_DOCUMENTS = ISSUED_DOCUMENTS | {"book", "website", "blog", "memo", "manifesto"}


class Attributor:
    """Finds the speaker a verb of saying credits, in one parsed article."""

    def __init__(self, doc: Doc, index: ActorIndex, quoted: Callable[[int], bool]) -> None:
        self.doc = doc
        self.index = index
        self.quoted = quoted
        self.subjects = ClauseSubjects(doc, index, quoted)
        self.names = SubjectNames(doc, index)
        speakers, self.bodies_speaking = self._credited()
        self.people = People(doc, index, quoted, speakers)
        self.roles = voice_positions(doc, index, quoted, self.names.person_in_phrase)

    def _credited(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """People, then organisations, a verb of saying outside quotes credits ("Ms Hutt said",
        "said Shadrin"), in text order; not whom another's reports ("X said … when Y argued")."""
        found: list[tuple[int, str]] = []
        bodies: list[tuple[int, str]] = []
        for verb in self.doc:
            if not is_speech_verb(verb) or self.quoted(verb.idx):
                continue
            if is_infinitive(verb) or reported_saying(verb, self.quoted):
                continue  # "time for the mayor to say sorry"; "X said … when Y argued"
            subject = self.subject_of(verb)
            if subject is None or self.quoted(subject.idx):
                continue
            name = (
                self.index.by_token[subject.i]
                or self.names.person_in_phrase(subject)
                or title_holder(subject, self.index)  # "The Tory leader countered that …"
            )
            if name is not None and self.index.types.get(name) == PERSON:
                found.append((subject.i, name))
            elif name is not None and self.index.types.get(name) in SPEAKING_TYPES:
                bodies.append((subject.i, name))
        return found, sorted(bodies)

    def subject_before(self, position: int, singular: bool = False) -> Subject | None:
        """The nearest main-clause subject before a token, with the organisation it names;
        with `singular`, the nearest that "it" may stand for."""
        return self.subjects.before(position, singular)

    def organisation_before(self, position: int, singular: bool = False) -> str | None:
        """The organisation named as the nearest subject before a token, if that is one."""
        nearest = self.subject_before(position, singular)
        return nearest[1] if nearest else None

    def speaker(self, name: str | None) -> str | None:
        """`name` when it may speak: a person or an organisation, not a place or a wire."""
        if name is None or self.index.types.get(name) == PLACE:
            return None
        return None if normalise_name(name) in WIRE_AGENCIES else name

    def person_before(self, position: int) -> str | None:
        """Whom "he"/"she" at a token means (`briefing.analysis.pronouns`), unless an unnamed
        speaker was the subject since the person last named as one ("A spokeswoman said …
        she added"): then the organisation or titled person it speaks for, or nobody."""
        role = bisect.bisect_left(self.roles, position) - 1
        if role >= 0 and self._voice_last(self.roles[role], self.people.last_leading(position)):
            token = self.doc[self.roles[role]]
            return (
                voice_of(token, self.index)
                or self.index.speaker(token)
                or self._body_of(token)
                or self._spoken_for(token)
                or title_holder(token, self.index)
                or self._role_named_before(token)
                or self._body_just_before(token)
            )
        return self.people.meant_by(position)

    def _voice_last(self, voice: int, person: int) -> bool:
        """Whether an unnamed voice spoke since the person last named as a subject, or that
        person is only in what the voice told ("A spokeswoman said Lord Woolf agreed")."""
        return voice > person or self.doc[person] in self.doc[voice].head.subtree

    def _body_just_before(self, voice: Token) -> str | None:
        """Whom "a spokesman" speaks for when nothing names it: the organisation that was the
        subject just before, or that a verb of saying credited just before."""
        return (
            speaks_for_subject_before(voice, reported_body(voice, self.index))
            or speaks_for_subject_before(voice, self.subject_before(voice.i))
            or speaks_for_subject_before(voice, body_spoke_before(voice, self.bodies_speaking))
        )

    def _spoken_for(self, voice: Token) -> str | None:
        return spoken_for(voice, self.people, self.index)

    def subject_speaker(self, subject: Token) -> str | None:
        """The speaker a subject stands for, pronouns resolved."""
        if subject.lower_ in ORGANISATION_PRONOUNS or is_the_company(subject, self.index):
            singular = subject.lower_ != "they"
            found = self.speaker(
                self.organisation_before(subject.i, singular) or self._document_before(subject.i)
            )
            if found is not None or subject.lower_ in ORGANISATION_PRONOUNS:
                return found
            found = self.speaker(self.subjects.only_body_near(subject.i))
            if found is not None:
                return found  # else "the paper, written by X": on to whom it names
        if subject.lower_ in _PERSONAL or self._nationality_for_person(subject):
            return self.speaker(self.person_before(subject.i))
        name = self.names.in_role_apposition(subject) or self.index.speaker(subject)
        if (
            name is not None
            and subject.lemma_.lower() in VOICE_ROLES
            and self.index.by_token[subject.i] is None
        ):
            name = self.names.person_of_body(subject, name) or name  # "the State Bank official"
        if self.index.by_token[subject.i] is None and is_described_person(subject, self.index):
            # "said the Sale player": the person, not the club the description names
            name = title_holder(subject, self.index) or self._described(subject) or name
        if name is None or self.index.types.get(name) != PERSON:
            name = (
                self.names.by_honorific(subject)
                or self.names.person_of_firm(subject, name)
                or self.names.person_in_phrase(subject)
                or name
            )
        return self.speaker(
            name
            or self.names.by_surname(subject)
            or title_holder(subject, self.index)
            or self._spoken_for(subject)
            or voice_of(subject, self.index)
            or self._body_of(subject)
            or self._role_named_before(subject)
            or self._body_just_before(subject)
            or self.subjects.company_spoken_for(subject, self.index)
            or report_of_body(subject, self.bodies_speaking)
            or self.names.organisation_by_last_words(subject)
            or self.names.written_by(subject)
            or self._document_of(subject)
            or self._described(subject)
        )

    def _body_of(self, voice: Token) -> str | None:
        """The body "a ministry official" speaks for (`SubjectNames.body_by_word`)."""
        return self.names.body_by_word(voice) if voice.lemma_.lower() in VOICE_ROLES else None

    def _document_before(self, position: int) -> str | None:
        """Whom "it" means when the nearest subject was a document ("…," the report says.
        It says …): the one the document was named with, else the one organisation that
        was a subject near before ("First City said …. The statement did not say …. "…,"
        it said")."""
        nearest = self.subject_before(position)
        token = self.doc[nearest[0]] if nearest else None
        if token is None or token.lower_ not in _DOCUMENTS:
            return None
        return self._role_named_before(token) or self.subjects.only_body_near(position)

    def _document_of(self, subject: Token) -> str | None:
        """Whom a document is by or belongs to ("a statement on her website", "the book, by X")."""
        if subject.lemma_.lower() not in _OWNED_DOCUMENTS:
            return None
        owners = [c for c in subject.children if c.dep_ == "poss"]
        for prep in (c for c in subject.children if c.lower_ in {"by", "on", "from"}):
            for thing in (c for c in prep.children if c.dep_ == "pobj"):  # "her website"
                owners += [thing, *(c for c in thing.children if c.dep_ == "poss")]
        for owner in owners:
            gender = POSSESSIVES.get(owner.lower_)
            found = self.people.meant_by(owner.i, gender) if gender else self.index.speaker(owner)
            if found is not None:
                return self.speaker(self.names.person_at(owner.i) or found)
        return None

    def _described(self, subject: Token) -> str | None:
        return described_person(subject, self.people, self.index)

    @staticmethod
    def _nationality_for_person(subject: Token) -> bool:
        """ "the American" or "the California Republican" as who speaks ("…," said the
        American): the person last named as a subject, as for "he" or "she"."""
        return any(c.lower_ == "the" for c in subject.lefts) and (
            gazetteer.is_nationality_noun(subject.text) or subject.lower_ in _PARTY_MEMBERS
        )

    def _role_named_before(self, subject: Token) -> str | None:
        """Whom "the spokesman" ("the band's spokesman", "the statement") stands for: the
        one named with that word earlier in the article ("an REM spokesman", "a Foreign
        Ministry statement"), the nearest first."""
        if subject.lower_ not in _NAMED_BEFORE or not any(
            c.lower_ == "the" or c.dep_ == "poss" for c in subject.lefts
        ):
            return None
        word = _SAME_DOCUMENT.get(subject.lower_, subject.lower_)
        for earlier in reversed(self.doc[: subject.i]):
            if _SAME_DOCUMENT.get(earlier.lower_, earlier.lower_) != word:
                continue
            name = (
                self.index.speaker(earlier)
                or self._issued_by(earlier)
                or self.subjects.company_spoken_for(earlier, self.index)
            )
            if name is not None:
                return name
            if subject.lower_ in _DOCUMENTS and any(c.lower_ in _NEW for c in earlier.lefts):
                return None  # "a letter" brings in a new one: earlier letters are others
        return None

    def _issued_by(self, document: Token) -> str | None:
        """Who issued a document: who said "in" it, or filed it ("Slattery filed the suit")."""
        head = document.head
        if document.dep_ == "dobj" and head.lemma_.lower() in _ISSUING:
            return self.subject_speaker(subject) if (subject := self.subject_of(head)) else None
        if document.dep_ == "pobj" and head.lower_ == "in" and is_speech_verb(head.head):
            return self.speaker_of(head.head)
        return None

    def subject_of(self, verb: Token) -> Token | None:
        """The token naming who speaks: the verb's subject (that of the clause it hangs on for
        "…, saying"), an inverted subject after it ("said Lavrov"), or a name before it that
        the parser left unlabelled ("Jones, leader of …, said"); never words inside quotation
        marks, though the parser may take them for the subject ("…," said Joe Carson)."""
        if (quoted_as := quoted_as_saying(verb)) is not None:
            return quoted_as
        clause = teller(verb)
        if (sayer := self.names.sayer_right_before(verb, clause)) is not None:
            return sayer
        for _ in range(3):
            if object_read_as_subject(clause):
                clause = clause.head
            subjects = []
            for child in clause.children:
                if child.dep_ == "nsubjpass" and clause is verb:
                    return self.names.agent_naming(verb)  # "was described by Jobs as": Jobs
                if child.dep_ in _SUBJECTS and not child.is_punct and not self.quoted(child.idx):
                    if child.lower_ in _RELATIVES and clause.dep_ == "relcl":
                        return antecedent(child, self.index)  # "Secretary Tessa Jowell, who said"
                    subjects.append(child)
            if subjects:
                return self.index.likeliest_subject(subjects)
            if (
                clause.dep_ == "acl"
                and clause.head.dep_ in {"dobj", "pobj"}
                and clause.head.head.pos_ in {"VERB", "AUX"}
            ):
                clause = clause.head.head  # "issued a statement warning that …"
                continue
            if clause.dep_ not in _CLAUSE_LINKS or clause.head.i == clause.i:
                break
            clause = clause.head
        for token in verb.rights:  # "..., said Lavrov", "said Zadan and Meron"
            if token.dep_ == "dobj" and (verb.tag_ == "VBG" or verb.lemma_ in _TOLD_TO):
                continue  # "noting the chief executive …": whom it speaks of; whom it tells
            if token.dep_ in _INVERTED_SUBJECTS and token.pos_ in _NOMINAL:
                return token
            if misread_noun(token, verb):
                return token  # "said Swedish trades union official X": "trades" a verb
        if (sayer := self.names.sayer_after_quote(verb, self.quoted)) is not None:
            return sayer
        lefts = [t for t in verb.lefts if t.dep_ in _LOOSE_SUBJECTS and t.pos_ in _NOMINAL]
        named = [t for t in lefts if self.index.by_token[t.i] is not None]
        if candidates := named or lefts:
            return candidates[-1]
        named_after = self.names.named_after_quote(verb, self.quoted)
        if any(child.dep_ in _SUBJECTS for child in verb.children):
            # a subject inside the quote ("every expert" … had suggested), unless a person
            # stands between it and the verb ("…," director of rugby Nigel Melville told)
            person = (
                named_after is not None
                and self.index.types.get(self.index.by_token[named_after.i] or "") == PERSON
            )
            return named_after if person else None
        return named_after or self.names.person_just_before(verb)

    def speaker_of(self, verb: Token) -> str | None:
        """The speaker a verb of saying credits, or None when it names nobody who may speak.

        "…, adding" hangs on the clause before it; when that clause's subject cannot speak
        ("Reagan told supporters his pledge is solid, adding, …"), the teller of the verb of
        saying before it in the sentence is the speaker; so for "but added" that the parser
        joined to the clause a verb of saying reports ("Miller said the deficit can be
        reduced but added, "…"")."""
        subject = self.subject_of(verb)
        if subject is not None and subject.i > verb.i and (after := self.names.person_after(verb)):
            return after
        found = self.subject_speaker(subject) if subject is not None else None
        if found is not None or not (
            (verb.tag_ == "VBG" and verb.dep_ == "advcl") or misjoined(verb)
        ):
            return found
        for earlier in reversed(self.doc[verb.sent.start : verb.i]):
            if is_speech_verb(earlier) and (teller := self.subject_of(earlier)) is not None:
                return self.subject_speaker(teller)
        return None

    def named_in(self, start: int, end: int) -> str | None:
        """The last person named between two token positions, else the last organisation."""
        names = [self.speaker(self.names.person_at(i)) for i in range(start, end)]
        named = [name for name in names if name is not None]
        people = [name for name in named if self.index.types.get(name) == PERSON]
        found = people or named
        return found[-1] if found else None

    def teller_before(self, verbs: list[Token], at: int | None = None) -> Token | None:
        """The verb of saying nearest before a quote at character `at`, or the one reporting
        the quote when the nearest one does not ("Davies said that for the minister to claim
        … "is taking spin"": Davies's words) or its subject is a place that cannot speak
        ("Pompeo said Washington had concluded it was "…"": Pompeo's words) or an amount
        ("Gardini said the 630 mln dlrs agreed … would be paid "…"": Gardini's)."""
        if not verbs:
            return None
        nearest = verbs[-1]
        if at is not None and not reports(nearest, at):
            for earlier in reversed(verbs[:-1]):
                if reports(earlier, at) and self.speaker_of(earlier):
                    return earlier
        subject = self.subject_of(nearest)
        if subject is None or self.speaker_of(nearest) is not None:
            return nearest
        if self.index.types.get(self.index.actor_at(subject) or "") != PLACE and not is_amount(
            subject
        ):
            return nearest
        for earlier in reversed(verbs[:-1]):
            if reports(earlier, nearest.idx) and self.speaker_of(earlier):
                return earlier
        return nearest
