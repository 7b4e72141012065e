"""Whom "he" or "she" means in an article: the person the nearest earlier sentence speaks of.

Sentences are read backwards from the pronoun to the nearest that names a person as a subject:
of its main clause or of a verb of saying first ("Lavrov said", "said Lavrov"), then of any
other clause ("…, but Wasenius was adamant"). Those come first, then anyone else named outside
quotation marks since that sentence began ("Mr Lee met Mrs Park. She said"), then the subjects
of earlier sentences. A sentence led by "he" or "she" counts as naming whom that pronoun
means ("He told the BBC that Mr Clarke …" goes on with the earlier "he", not with Mr Clarke),
and one led by a role ("The Tory leader had insisted that …") counts as naming whom the role
means: the one named with that title, else whom a pronoun there would mean.
The first whose name or title does not tell the other gender is meant, never a subject of
the words a "he" tells in its own sentence ("Mr Blair has failed, he claimed"). A sentence
that is only quotation names nobody, so a limited look back goes past it.
So "Smith said Jones would resign. He added …" is Smith, and "… said Foreign Minister Vahit
Halefoglu had called for talks. …, he said" is Halefoglu.
"""

import bisect
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.gazetteer import PERSON, is_demonym
from briefing.analysis.genders import PRONOUNS, compatible, name_gender, title_gender
from briefing.analysis.roles import PERSON_NOUNS, SPOKESPEOPLE
from briefing.analysis.speech_verbs import is_speech_verb, reports
from briefing.analysis.titles import title_holder

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_RELATIVES = frozenset({"who", "that"})
NamedAt = tuple[int, str]  # (token position, person's name)


class People:
    """The people an article names outside quotation marks, and where, for pronouns."""

    def __init__(
        self,
        doc: Doc,
        index: ActorIndex,
        quoted: Callable[[int], bool],
        speakers: list[NamedAt],
    ) -> None:
        """`speakers` are the people credited by verbs of saying, inverted subjects included."""
        self.doc = doc
        self.index = index
        self.quoted = quoted
        self.named = self._named()
        self.leading = sorted(
            set(index.subjects) | set(speakers) | set(self._according_to()) | self._set_against()
        )
        self.leading_pronouns = [
            t.i
            for t in doc
            if t.lower_ in PRONOUNS
            and t.dep_ in _SUBJECTS  # "He was once threatened with the sack"
            and t.head.dep_ == "ROOT"
            and not quoted(t.idx)
        ]
        self.described_leads = [t.i for t in doc if _leading_description(t) and not quoted(t.idx)]
        self.role_leads = [
            t.i for t in doc if _leading_role(t) and not quoted(t.idx) and _unnamed(t, index)
        ]
        self._resolved: dict[int, str | None] = {}
        self._roles_held: dict[tuple[int, str | None], str | None] = {}
        self.clause_subjects = self._clause_subjects()
        self._sentence_starts = [sentence.start for sentence in doc.sents]
        self._all_quoted = [
            all(quoted(t.idx) for t in sentence if t.is_alpha) for sentence in doc.sents
        ]
        self._genders: dict[str, str | None] = {}

    def _named(self) -> list[NamedAt]:
        found: list[NamedAt] = []
        by_token = self.index.by_token
        for i, name in enumerate(by_token):
            if name is None or self.index.types.get(name) != PERSON or self.quoted(self.doc[i].idx):
                continue
            if i == 0 or by_token[i - 1] != name:
                found.append((i, name))
        return found

    def _according_to(self) -> list[NamedAt]:
        """People a view is credited to, outside quotation marks: "according to X", or "for
        X" opening a sentence ("But for Allen Weiner, a research director, the future …")."""
        found: list[NamedAt] = []
        for token in self.doc:
            according = (
                token.lower_ == "to" and token.i and self.doc[token.i - 1].lower_ == "according"
            )
            opening = token.lower_ == "for" and _opens_sentence(token)
            if not (according or opening):
                continue
            objects = [c for c in token.children if c.dep_ == "pobj"]
            for named in objects + [c for o in objects for c in o.conjuncts]:
                name = self.index.by_token[named.i]
                person = name is not None and self.index.types.get(name) == PERSON
                if person and not self.quoted(named.idx):  # "according to X and even Y"
                    found.append((named.i, str(name)))
        return found

    def _set_against(self) -> set[NamedAt]:
        """People who lead a clause set against what came before with "but" ("Hewitt said …
        but Pollard rejected his comments"), wherever the parse hangs that clause."""
        found: set[NamedAt] = set()
        for token in self.doc:
            if token.dep_ not in _SUBJECTS or token.head.dep_ == "ROOT" or self.quoted(token.idx):
                continue
            before = token.left_edge.i - 1
            if before < 0 or self.doc[before].lower_ != "but":
                continue
            name = self.index.by_token[token.i]
            if name is not None and self.index.types.get(name) == PERSON:
                found.add((token.i, name))
        return found

    def _clause_subjects(self) -> list[NamedAt]:
        found: list[NamedAt] = []
        for token in self.doc:
            if token.dep_ not in _SUBJECTS or self.quoted(token.idx):
                continue
            named = token
            if token.lower_ in _RELATIVES and token.head.dep_ == "relcl":
                named = antecedent(token, self.index)
            if self.index.by_token[named.i] is None:  # "whose chairman, Rep. X, called …"
                named = next(
                    (c for c in named.children if c.dep_ == "appos" and self.index.by_token[c.i]),
                    named,
                )
            name = self.index.by_token[named.i]
            if name is not None and self.index.types.get(name) == PERSON:
                found.append((token.i, name))
        return found

    def gender(self, name: str) -> str | None:
        """The gender a person's name or a title before one of its mentions tells, else None;
        a title ("Ms Gavron") outweighs a first name that is mostly the other's ("Nicky")."""
        if name not in self._genders:
            told = {title_gender(self.doc[i - 1].text) for i, n in self.named if n == name and i}
            told.discard(None)
            by_title = told.pop() if len(told) == 1 else None
            self._genders[name] = by_title or name_gender(name)
        return self._genders[name]

    def last_leading(self, position: int) -> int:
        """Where the person last named as a leading subject before a position is, else -1."""
        at = bisect.bisect_left(self.leading, (position, "")) - 1
        return self.leading[at][0] if at >= 0 else -1

    def meant_by(
        self, position: int, gender: str | None = None, reach: int | None = None
    ) -> str | None:
        """The person a "he"/"she" at a token position means, or None; `gender` for a word
        that is no pronoun ("the actress"); `reach`: how many sentences back it may look."""
        wanted = gender or PRONOUNS.get(self.doc[position].lower_)
        told = self._told_of(self.doc[position])
        for name in self._candidates(position, reach, wanted):
            if compatible(self.gender(name), wanted) and name not in told:
                return name
        earlier = self._named_in_sentence_before(position) - told
        fitting = {name for name in earlier if compatible(self.gender(name), wanted)}
        return fitting.pop() if len(fitting) == 1 else None

    def _named_in_sentence_before(self, position: int) -> set[str]:
        """The people named outside quotation marks in a token's sentence before it, when no
        sentence before names one as a subject ("As pressure mounted on Margaret Thatcher
        to call an election, she said …")."""
        sentence = bisect.bisect_right(self._sentence_starts, position) - 1
        return self._named_since(self._sentence_starts[sentence], position)

    def only_named_before(self, position: int) -> str | None:
        """The one person named outside quotation marks in the sentence before a position
        and in its own before it, whatever their role there ("Norwich have signed Graham
        Stuart. "…," the 34-year-old told …"), else None."""
        sentence = bisect.bisect_right(self._sentence_starts, position) - 1
        start = self._sentence_starts[sentence - 1] if sentence > 0 else 0
        names = self._named_since(start, position)
        return names.pop() if len(names) == 1 else None

    def _named_since(self, start: int, position: int) -> set[str]:
        """The people named outside quotation marks between two token positions, but names
        that only qualify a noun."""
        first = bisect.bisect_left(self.named, (start, ""))
        last = bisect.bisect_left(self.named, (position, ""))
        return {name for i, name in self.named[first:last] if not self._affiliation(i)}

    def _affiliation(self, i: int) -> bool:
        """Whether a one-word name only qualifies a noun ("Charlton midfielder …")."""
        token = self.doc[i]
        alone = i + 1 >= len(self.doc) or self.index.by_token[i + 1] != self.index.by_token[i]
        return alone and token.dep_ == "compound" and token.head.pos_ == "NOUN"

    def _told_of(self, pronoun: Token) -> set[str]:
        """Whom the words a "he" tells are about, who is not he ("Mr Blair has failed, he
        claimed"): people who are subjects in the clause its verb of saying reports."""
        verb = pronoun.head
        if pronoun.dep_ not in _SUBJECTS or not is_speech_verb(verb):
            return set()
        sentence = verb.sent
        told = {
            name
            for found in (self.leading, self.clause_subjects)
            for i, name in found
            if sentence.start <= i < sentence.end
            and reports(verb, self.doc[i].idx)
            and not is_speech_verb(self.doc[i].head)  # "Ms Hutt said …, she said": a voice
        }
        told |= self._sources_of(verb) | self._told_around(verb)
        return told | self._quoted_in(sentence.start, sentence.end)

    def _told_around(self, verb: Token) -> set[str]:
        """Who is named in the subject of the clause a verb of saying set inside it reports
        ("The Peter Hain attack, he says, is the latest example …": not Hain's saying)."""
        clause = verb.head
        if verb.dep_ != "parataxis" or is_speech_verb(clause):
            return set()
        by_token = self.index.by_token
        return {
            name
            for subject in clause.children
            if subject.dep_ in _SUBJECTS and subject.i < verb.i
            for word in subject.subtree
            if (name := by_token[word.i]) is not None
        }

    def _sources_of(self, verb: Token) -> set[str]:
        """Who a verb of saying is told "according to": a source reporting the words, not
        who speaks them ("According to Mr Peston the prime minister said: …")."""
        by_token = self.index.by_token
        return {
            name
            for prep in verb.children
            if prep.lower_ == "according"
            for word in prep.subtree
            if (name := by_token[word.i]) is not None
        }

    def _quoted_in(self, start: int, end: int) -> set[str]:
        """People named inside quotation marks between two token positions: whom quoted words
        speak of, who are not the one speaking them ("…Trump makes the talks uncertain," he
        said)."""
        by_token = self.index.by_token
        return {
            name
            for i in range(start, end)
            if (name := by_token[i]) is not None and self.quoted(self.doc[i].idx)
        }

    def _pronoun_lead(self, start: int, end: int) -> list[str]:
        """Whom the "he"/"she" leading a sentence's main clause means, when it comes after
        any name leading there ("He told the BBC that Mr Clarke …" goes on with whom "he"
        means, not with Mr Clarke)."""
        first = bisect.bisect_left(self.leading_pronouns, start)
        last = bisect.bisect_left(self.leading_pronouns, end)
        if first == last:
            return []
        position = self.leading_pronouns[last - 1]
        if any(start <= i < end and i > position for i, _ in self.leading):
            return []
        if position not in self._resolved:
            self._resolved[position] = None  # no loops through itself
            self._resolved[position] = self.meant_by(position)
        name = self._resolved[position]
        return [name] if name is not None else []

    def _role_holder(self, position: int, gender: str | None) -> str | None:
        """Whom a sentence's subject described by a role means ("The Tory leader had said
        …"): the one person named before with that title, else whom a "he" or "she" of the
        same gender there would mean."""
        key = (position, gender)
        if key not in self._roles_held:
            self._roles_held[key] = None  # no loops through itself
            held_by = title_holder(self.doc[position], self.index)
            self._roles_held[key] = held_by or self.meant_by(position, gender)
        return self._roles_held[key]

    def _candidates(self, position: int, reach: int | None, gender: str | None) -> Iterator[str]:
        """Subjects from the nearest earlier sentence that names one; then the other people
        named since that sentence began; then subjects of the sentences before it."""
        subjects = (self.leading, self.clause_subjects)
        sentence = bisect.bisect_right(self._sentence_starts, position) - 1
        farthest = -1 if reach is None else sentence - reach
        end = position
        while sentence >= 0:
            if self._all_quoted[sentence] and reach is not None:
                farthest -= 1  # a sentence of quotation alone names nobody: look past it
            if sentence < farthest:
                return
            start = self._sentence_starts[sentence]
            if (role := _first_between(self.role_leads, start, end)) is not None:
                if (held_by := self._role_holder(role, gender)) is not None:
                    yield held_by  # "The Tory leader had insisted … But he said": the leader
                return
            found = self._pronoun_lead(start, end) + [
                name for named in subjects for name in _between(named, start, end)
            ]
            if found:
                yield from found
                yield from _between(self.named, start, position)
                break
            if any(start <= i < end for i in self.described_leads):
                return  # "But the 25-year-old Dubliner …. He added": someone unnamed here
            end = start
            sentence -= 1
        for earlier in range(sentence - 1, max(farthest, 0) - 1, -1):
            start, end = self._sentence_starts[earlier], self._sentence_starts[earlier + 1]
            for named in subjects:
                yield from _between(named, start, end)


def _leading_description(subject: Token) -> bool:
    """Whether a main clause's subject describes a person by age and origin without a name
    ("the 25-year-old Dubliner"), as the tagger may take for a name."""
    if subject.dep_ not in _SUBJECTS or subject.head.dep_ != "ROOT":
        return False
    if not any(c.lower_ == "the" for c in subject.lefts) or subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    aged = any(c.lower_ == "old" for c in subject.lefts)  # "the 25-year-old …"
    return aged and (subject.pos_ == "PROPN" or is_demonym(subject.text))


def _leading_role(subject: Token) -> bool:
    """Whether a main clause's subject is a person described by a role, with "the" ("The
    Scottish Conservative leader had insisted …"), who is no spokesperson."""
    return (
        subject.dep_ in _SUBJECTS
        and subject.head.dep_ == "ROOT"
        and subject.tag_ == "NN"
        and subject.lower_ in PERSON_NOUNS - SPOKESPEOPLE
        and any(c.lower_ == "the" for c in subject.lefts)
    )


def _unnamed(subject: Token, index: ActorIndex) -> bool:
    """Whether no person is named in a subject's words ("the Chelsea boss" names none, "the
    Tory leader Michael Howard" does)."""
    return not any(index.types.get(index.by_token[t.i] or "") == PERSON for t in subject.subtree)


def _first_between(found: list[int], start: int, end: int) -> int | None:
    first = bisect.bisect_left(found, start)
    return found[first] if first < len(found) and found[first] < end else None


def _opens_sentence(preposition: Token) -> bool:
    """Whether a preposition opens its sentence ("But for X, …") as a phrase set off by a
    comma."""
    first = preposition.sent.start
    if preposition.i != first and not (
        preposition.i == first + 1 and preposition.doc[first].lower_ in {"but", "and", "yet"}
    ):
        return False
    edge = preposition.right_edge.i
    return "," in {t.text for t in preposition.doc[edge : edge + 2]}


def antecedent(relative: Token, index: ActorIndex) -> Token:
    """Whom "who" stands for: the name just before it, else the noun the clause hangs on."""
    doc = relative.doc
    before = relative.i - 1
    if before >= 0 and doc[before].text == ",":
        before -= 1
    if before >= 0 and index.by_token[before] is not None:
        return doc[before]
    return relative.head.head


def _between(found: list[NamedAt], start: int, end: int) -> list[str]:
    """The names found between two token positions, the nearest the end first."""
    first = bisect.bisect_left(found, (start, ""))
    last = bisect.bisect_left(found, (end, ""))
    return [name for _, name in reversed(found[first:last])]
