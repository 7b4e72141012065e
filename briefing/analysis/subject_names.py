"""Which person a subject's words name when the parser or the tagger got them only half
right: a name in apposition with a role, a name inside the subject's own phrase, the last
person right after an inverted "said", a surname after a title or on its own, a name between
a quote and a verb that has no subject."""

from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.clause_subjects import SPEAKING_TYPES
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON
from briefing.analysis.genders import title_gender
from briefing.analysis.roles import ROLE_NOUNS, SPOKESPEOPLE
from briefing.analysis.speech_verbs import PHRASE_VERBS
from briefing.names import normalise_name

_BRACKETS = frozenset("()[]")
_CLAUSE_WORDS = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
_PHRASE_LINKS = frozenset({"compound", "appos", "flat", "nmod"})
_WITH_NAME = frozenset({"compound", "appos", "poss"})  # "Tesco spokesman X", "X, director of Y"
_MODIFIERS = frozenset({"nmod", "compound", "amod"})  # "said Richard and Judy producer X"
_AFFILIATIONS = frozenset({"of", "at", "from"})
_TITLES = frozenset({"dr", "prof", "professor", "rev", "gen", "col", "capt"})


class SubjectNames:
    """Reads the people named in and around speakers' subjects, in one parsed article."""

    def __init__(self, doc: Doc, index: ActorIndex) -> None:
        self.doc = doc
        self.index = index

    def written_by(self, subject: Token) -> str | None:
        """The person a text that speaks was written by ("the paper, written by professor
        Kandice Kahl, said")."""
        for clause in subject.rights:
            if clause.dep_ != "acl":
                continue
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                for name in (c for c in agent.children if c.dep_ == "pobj"):
                    if (person := self.person_at(name.i)) is not None:
                        return person
        return None

    def named_after_quote(self, verb: Token, quoted: Callable[[int], bool]) -> Token | None:
        """The first person (else organisation) named between a quote and the verb after it,
        when the parser hung the name elsewhere ("…," Jeff Joseph, from the CEA told …)."""
        doc, start = self.doc, verb.i
        while start > verb.sent.start and not quoted(doc[start - 1].idx):
            start -= 1
        if start == verb.sent.start:
            return None  # no quote before the verb in its sentence
        by_token, types = self.index.by_token, self.index.types
        named = [t for t in doc[start : verb.i] if by_token[t.i] is not None]
        for kinds in ({PERSON}, {ORGANISATION, GROUP}):
            found = [t for t in named if types.get(by_token[t.i] or "") in kinds]
            if found:
                return found[0]
        surnames = [t for t in doc[start : verb.i] if self.by_surname(t) is not None]
        return surnames[0] if len(surnames) == 1 else None  # "…," May said: Rick May's

    def in_role_apposition(self, subject: Token) -> str | None:
        """The person named in apposition with a role ("said Jardine Fleming Ltd analyst Nick
        Edwards"): who speaks for the firm the subject names, when the subject is no person
        itself ("Rob Goldman, President Ascom North America" is Goldman)."""
        if self.index.types.get(self.index.by_token[subject.i] or "") == PERSON:
            return None
        for child in subject.children:
            if child.dep_ != "appos":
                continue
            roles = [t for t in child.lefts if t.dep_ == "compound" and t.lower_ in ROLE_NOUNS]
            name = self.person_at(child.i)
            if roles and name is not None and self.index.types.get(name) == PERSON:
                return name
        return None

    def person_in_phrase(self, subject: Token) -> str | None:
        """The one person a subject's own phrase names when the subject itself names none
        ("Tom McCabe MSP", "Jardine Fleming analyst Nick Edwards", "Barclays de Zoete's May"):
        its unrecognised surname, or a name in apposition or compounded with it, or after
        the field of its role ("director of rugby Nigel Melville")."""
        if self.index.by_token[subject.i] is None and subject.pos_ == "PROPN":
            by_surname = self.by_surname(subject)
            if by_surname is not None and self.index.types.get(by_surname) == PERSON:
                return by_surname
        found: set[str] = set()
        stack = [
            c
            for c in subject.children
            if c.dep_ in _PHRASE_LINKS or (c.dep_ == "conj" and subject.pos_ == "NOUN")
        ]  # "Grain analyst and meteorologist Gail Martell", parsed as two subjects
        stack += _named_after_field(subject) + _real_name(subject) + _named_after_body(subject)
        while stack:
            token = stack.pop()
            name = self.person_at(token.i)
            if name is not None and self.index.types.get(name) == PERSON:
                found.add(name)
            stack.extend(c for c in token.children if c.dep_ in _PHRASE_LINKS)
        return found.pop() if len(found) == 1 else None

    def agent_naming(self, verb: Token) -> Token | None:
        """Who chose the words of a passive verb of judging ("was described by Jobs as"):
        the named actor after its "by"; nobody for what is only told ("his departure was
        reported")."""
        if verb.lemma_.lower() not in PHRASE_VERBS:
            return None
        for child in verb.children:
            if child.dep_ == "agent":
                named = [t for t in child.children if t.dep_ == "pobj"]
                if named and self.index.actor_at(named[0]) is not None:
                    return named[0]
        return None

    def organisation_by_last_words(self, subject: Token) -> str | None:
        """The article's one organisation whose name ends with the words "the …" uses for it
        ("the assembly government" after "the Welsh Assembly Government")."""
        if subject.pos_ != "NOUN" or not any(c.lower_ == "the" for c in subject.lefts):
            return None
        words = [c.lower_ for c in subject.lefts if c.dep_ == "compound"] + [subject.lower_]
        ending = " " + " ".join(words)
        found = [
            name
            for name, kind in self.index.types.items()
            if kind in SPEAKING_TYPES and f" {normalise_name(name)}".endswith(ending)
        ]
        return found[0] if len(found) == 1 else None

    def person_after(self, verb: Token) -> str | None:
        """The person named right after an inverted verb of saying (see `person_token_after`)."""
        token = self.person_token_after(verb)
        return self.person_at(token.i) if token is not None else None

    def person_token_after(self, verb: Token) -> Token | None:
        """The last person named in the words right after an inverted verb of saying, up to
        the next punctuation but brackets ("said Treasury Under Secretary John Taylor.",
        "said Jardine Fleming (Securities) analyst Nick Edwards"), however the parser split
        them; words after the person's "of" or "at" say where the person works ("said Mark
        Longden of the … Manchester United Supporters' Association")."""
        found: Token | None = None
        affiliated = False
        for token in self.doc[verb.i + 1 : verb.sent.end]:
            if token.is_punct and token.text not in _BRACKETS:
                break
            if found is not None and token.dep_ == "cc" and found.dep_ not in _MODIFIERS:
                break  # joint speakers ("said Zadan and Meron"): the first named
            if found is not None and token.lower_ in _AFFILIATIONS and token.head.i == found.i:
                affiliated = True  # a later name counts after a role ("of X Ltd economist Y")
            if token.pos_ in _CLAUSE_WORDS and (found or not misread_noun(token, verb)):
                break  # "said Clapton who joined Guy": a clause of its own
            if found is None and _unaffiliated(token):
                break  # "said the director behind JFK": what the speaker made, not who
            name = self.person_at(token.i)
            after_role = self.doc[token.i - 1].lower_ in ROLE_NOUNS
            if self.index.types.get(name or "") == PERSON and (after_role or not affiliated):
                found, affiliated = token, False
        return found

    def sayer_after_quote(self, verb: Token, quoted: Callable[[int], bool]) -> Token | None:
        """The person right after a verb of saying that follows a quote's closing mark when
        the parser found the verb no subject ("…," said Ward McCarthy of Merrill Lynch …)."""
        if verb.i == verb.sent.start or not quoted(self.doc[verb.i - 1].idx):
            return None
        return self.person_token_after(verb)

    def person_at(self, i: int) -> str | None:
        """The actor a token names, a person when a title precedes it ("Mr Straw")."""
        name = self.index.by_token[i]
        if name is not None and self.index.types.get(name) != PERSON:
            return self.by_honorific(self.doc[i]) or name
        return name

    def by_honorific(self, token: Token) -> str | None:
        """The article's one person with the surname a title precedes ("Mr Straw" typed as
        part of an organisation, "Dr Gibbons" typed as one), else None."""
        before = self.doc[token.i - 1].text if token.i > 0 else ""
        if title_gender(before) is None and before.rstrip(".").lower() not in _TITLES:
            return None
        people = [n for n, kind in self.index.types.items() if kind == PERSON and " " in n]
        matches = [n for n in people if n.split()[-1] == token.text]
        return matches[0] if len(matches) == 1 else None

    def person_of_firm(self, subject: Token, name: str | None) -> str | None:
        """The article's person a name like "Rudd of Kestrel Corp" starts with, when the
        tagger took the whole for an organisation."""
        if name is None or " of " not in name or name.split()[0] != subject.text:
            return None
        return self.by_surname(subject)

    def person_of_body(self, role: Token, body: str) -> str | None:
        """The one person the article named before as one of a body, whom "the State Bank
        official" means after "Yurij Ponomarev, managing director of the State Bank"; "the
        M&S spokesman" only one named as its spokesman."""
        if not any(c.lower_ == "the" for c in role.lefts):
            return None
        found: set[str] = set()
        by_token = self.index.by_token
        for token in self.doc[: role.i]:
            name = by_token[token.i]
            if name is None or self.index.types.get(name) != PERSON or token.dep_ == "compound":
                continue
            phrase = [t for c in token.children if c.dep_ in _WITH_NAME for t in c.subtree]
            same_role = role.lower_ not in SPOKESPEOPLE or any(
                t.lower_ == role.lower_ for t in phrase
            )
            if same_role and any(by_token[t.i] == body for t in phrase):
                found.add(name)
        return found.pop() if len(found) == 1 else None

    def sayer_right_before(self, verb: Token, clause: Token) -> Token | None:
        """The person whose name ends right before a verb of saying, outside any object, when
        the clause it hangs on has no subject of its own ("Revenue fell …, chairman and chief
        executive Kevan Gosper said": Gosper, not "Revenue")."""
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            return None
        before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
        if before is None or before.dep_ in {"dobj", "poss"}:
            return None
        if before.dep_ == "pobj" and before.head.head != verb:
            return None  # "talks with John Smith said": not "For the Lib Dems David Laws said"
        name = self.index.by_token[before.i]
        return before if self.index.types.get(name or "") == PERSON else None

    def person_just_before(self, verb: Token) -> Token | None:
        """The person named right before a verb the parser left without a subject, set off
        by commas ("…, her lawyer, Perry Wander, said."), or opening its sentence before a
        relative clause."""
        before = verb.i - 1
        while before >= verb.sent.start and self.doc[before].text == ",":
            before -= 1
        if before < verb.sent.start or before == verb.i - 1:
            return None
        name = self.index.by_token[before]
        if self.index.types.get(name or "") == PERSON:
            return self.doc[before]
        return self._described_just_before(self.doc[before]) or self._opener_with_clause(verb)

    def _described_just_before(self, last: Token) -> Token | None:
        """The person whose apposition ends right before the verb ("board chairman John
        Tower, a longtime Reagan supporter and former senator from Texas, told …")."""
        token = last
        for _ in range(8):
            if token.dep_ == "appos":
                name = self.index.by_token[token.head.i]
                return token.head if self.index.types.get(name or "") == PERSON else None
            if token.head.i == token.i or token.head.i > last.i:
                return None
            token = token.head
        return None

    def _opener_with_clause(self, verb: Token) -> Token | None:
        """The person who opens the sentence, a relative clause after the name, when the
        parser took the clause's verb for the name's ("Size, whose album won the prize,
        said …")."""
        start, by_token = verb.sent.start, self.index.by_token
        name = by_token[start]
        if name is None or self.index.types.get(name) != PERSON:
            return None
        end = start
        while end + 1 < verb.i and by_token[end + 1] == name:
            end += 1
        after = self.doc[end + 1 : end + 3]
        if len(after) == 2 and after[0].text == "," and after[1].lower_ in {"who", "whose"}:
            return self.doc[end]
        return None

    def body_by_word(self, voice: Token) -> str | None:
        """The article's one organisation whose name's head is the one lower-case word before
        a role ("a ministry official" after "the Finance Ministry" or "the Ministry of
        Finance", "a central bank spokesman" after "the Bank of Spain", "an executive
        spokesman" after "the Scottish Executive")."""
        lower = [c for c in voice.lefts if c.is_lower]
        words = [c.lower_ for c in lower if c.dep_ == "compound"] or [
            c.lower_
            for c in lower
            if c.dep_ == "amod"  # "an executive spokesman"
        ]
        if len(words) != 1:
            return None
        found = {
            name
            for name, kind in self.index.types.items()
            if kind in SPEAKING_TYPES and _head_word(name) == words[0]
        }
        return found.pop() if len(found) == 1 else None

    def by_surname(self, token: Token) -> str | None:
        """A person or organisation of the article whose name ends with an unrecognised
        proper name ("Ms Errigo" after "Angie Errigo"), when exactly one does."""
        if token.pos_ != "PROPN" and not (token.is_title and token.i > token.sent.start):
            return None  # "May" read as a modal is still a surname mid-sentence
        matches = [n for n in self.index.types if n.split()[-1] == token.text and " " in n]
        return matches[0] if len(matches) == 1 else None


def _head_word(name: str) -> str:
    """The noun a name of a body is built on: its last word, or the one before "of" ("the
    Finance Ministry", "the Ministry of Finance")."""
    words = normalise_name(name).split()
    if "of" in words[1:]:
        return words[words.index("of") - 1]
    return words[-1] if words else ""


def misread_noun(token: Token, verb: Token) -> bool:
    """Whether a word the parser took for a verb hanging on an inverted verb of saying is a
    noun of the speaker's title before more of it ("said Swedish trades union official Ulf
    Carlsson", "said Tory shadow local government secretary X": "trades", "shadow" read as
    verbs)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ == "VERB"
        and token.tag_ in {"VBZ", "VBP", "VB"}
        and token.head == verb
        and token.dep_ in {"nsubj", "nsubjpass", "ccomp"}
        and following is not None
        and following.pos_ in {"NOUN", "PROPN", "ADJ"}
    )


def _real_name(subject: Token) -> list[Token]:
    """The name a clause after a subject gives as its real one ("The Game, whose real name
    is Jayceon Taylor, told …")."""
    return [
        attribute
        for clause in subject.children
        if clause.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ == "name" for c in clause.children)
        for attribute in clause.children
        if attribute.dep_ == "attr"
    ]


def _objects_of(role: Token, preposition: str) -> list[Token]:
    """The objects of one preposition hung on a role ("spokesman for X", "director of Y")."""
    return [
        thing
        for prep in role.children
        if prep.dep_ == "prep" and prep.lower_ == preposition
        for thing in prep.children
        if thing.dep_ == "pobj"
    ]


def _named_after_body(role: Token) -> list[Token]:
    """The name in apposition to the body a role is "for", where the parser hangs the
    role-holder's name ("A spokesman for DLF Builders, Dr Vancheshwar, told …")."""
    return [
        name
        for body in _objects_of(role, "for")
        for name in body.children
        if name.dep_ == "appos" and name.pos_ == "PROPN"
    ]


def _named_after_field(role: Token) -> list[Token]:
    """The name that follows the field of a role ("director of rugby Nigel Melville"), which
    the parser hangs under "of" with the field as its compound."""
    return [
        named
        for named in _objects_of(role, "of")
        if named.pos_ == "PROPN" and any(c.dep_ == "compound" and c.is_lower for c in named.lefts)
    ]


def _unaffiliated(token: Token) -> bool:
    """Whether a word is a preposition that does not say where someone works ("behind",
    "on"), unlike "of", "at" and "from"; "Under" in a title is no preposition."""
    return token.pos_ == "ADP" and token.is_lower and token.lower_ not in _AFFILIATIONS
