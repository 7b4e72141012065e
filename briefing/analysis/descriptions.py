"""Whom a description that speaks means when it names nobody ("…," said the Sale player, or
the 20-year-old; the Australian-born actress joked: "…"; the reform group's general secretary
told the BBC …): the person a "he" or "she" there would mean (`briefing.analysis.pronouns`),
of the gender the noun tells, unless the article named that person with a different title of
the same kind ("Shadow foreign secretary Mira Dale" is not "the Foreign Secretary"). Unnamed
voices ("the spokesman", "the official") are left to whom they were first named with.
"""

from spacy.tokens import Token

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.gazetteer import PERSON, is_demonym, lookup
from briefing.analysis.genders import FEMALE, MALE
from briefing.analysis.pronouns import People
from briefing.analysis.roles import PERSON_NOUNS, ROLE_MODIFIERS, ROLE_NOUNS, SPOKESPEOPLE
from briefing.analysis.titles import phrase_words, title_holder, titles_of

# Voices that are not the person named before them: they stay with whom they were named with.
_UNNAMED_VOICES = frozenset(
    """spokesman spokeswoman spokesperson official source analyst economist strategist
    representative lawyer attorney adviser advisor aide banker dealer trader broker
    diplomat expert witness resident""".split()
)
_INDEFINITE = frozenset({"a", "an", "one", "another"})
POSSESSIVES = {"his": MALE, "her": FEMALE}  # whose gender "his" or "her" tells
_TELLS_APART = ROLE_MODIFIERS | {"shadow"}  # not "sacked" of "Sacked MP Howard Flight"
_PARTIES = frozenset("tory labour republican democrat conservative liberal socialist".split())
_OWNERS = frozenset({"prep", "compound", "poss", "appos", "nmod", "amod"})
_FEMALE = frozenset(
    """actress businesswoman chairwoman congresswoman spokeswoman queen princess mother
    daughter wife""".split()
)
_MALE = frozenset("businessman chairman congressman king prince father son husband".split())
_REACH = 2  # sentences back: a description further from the name is too loose to credit
_DEFINITE = frozenset({"the", "this", "that"})
# Sentences back "a spokesman" may speak for the nearest subject: only "it" or "they" came
# between ("The Conservatives insisted …. They said …. "…," a spokesman said").
_BODY_REACH = 3


def describes_someone_named(role: Token) -> bool:
    """Whether a role word with "the" or a possessive describes someone the article names
    ("the former Chelsea chairman") rather than an unnamed voice ("the spokesman"); a
    party's or a body's voice with "the" ("the Tory spokesman", "the Chase economist") is
    someone named before unless the article brought one in unnamed ("a Tory spokesman
    said")."""
    definite = any(c.lower_ in _DEFINITE or c.dep_ == "poss" for c in role.lefts)
    if role.lower_ in _UNNAMED_VOICES and any(_affiliated(c) for c in role.lefts):
        return definite and not _brought_in_unnamed(role)
    return definite and role.lower_ not in _UNNAMED_VOICES


def _affiliated(word: Token) -> bool:
    """Whether a word before a role says whose it is: a party ("the Tory spokesman") or a
    capitalised body ("the Chase economist")."""
    return word.lower_ in _PARTIES or (
        word.dep_ in {"compound", "nmod", "amod"} and word.is_title and not word.is_sent_start
    )


# Prepositions that tie a role to the body it belongs to ("the chairman of the Bar Council"),
# not to what the person made ("the director behind JFK").
_MEMBER_OF = frozenset({"of", "at", "for", "from", "with", "in"})
_PEOPLE_FROM = frozenset({"man", "woman"})  # "the Waterford man", "the Dublin woman"


def is_described_person(subject: Token, index: ActorIndex) -> bool:
    """Whether a subject is a definite description of a person ("the Sale player", "the Man
    Utd boss") with no name of its own ("the Shadow Secretary, Theresa May" is named, even
    when the name is not recognised) nor a body it belongs to ("the chairman of the Bar
    Council"); a capitalised word before the noun names a person only when it is one."""
    word = subject.lower_
    if word in _PEOPLE_FROM:  # "the Waterford man" describes someone; a bare "the man" not
        if not any(c.dep_ == "compound" for c in subject.children):
            return False
    elif (word not in PERSON_NOUNS and not _of_age(subject)) or word in _UNNAMED_VOICES:
        return False
    for child in subject.children:
        if child.dep_ == "appos" and (child.pos_ == "PROPN" or index.by_token[child.i]):
            return False  # not "the researcher, who created games": a misread clause
        if (
            child.dep_ == "prep"
            and child.lower_ in _MEMBER_OF
            and any(index.by_token[o.i] for o in child.children)
        ):
            return False  # "the chairman of the Bar Council": one of that body, named there
        if child.dep_ == "compound" and child.pos_ == "PROPN" and not _affiliation(child):
            name = index.by_token[child.i]
            if name is not None and index.types.get(name) == PERSON:
                return False
    return any(c.lower_ in _DEFINITE or c.dep_ == "poss" for c in subject.lefts)


def _affiliation(word: Token) -> bool:
    """Whether a capitalised word before a role is a party or a nationality ("the Tory
    leader", "the Irish striker"), not part of a name."""
    return word.lower_ in _PARTIES or is_demonym(word.text)


def _of_age(subject: Token) -> bool:
    """Whether a subject is an age that stands for a person ("said the 20-year-old")."""
    return subject.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in subject.children)


def _brought_in_unnamed(subject: Token) -> bool:
    """Whether the article brought this description in earlier as someone unnamed ("a
    foreign banker said …" before "the foreign banker said")."""
    for earlier in subject.doc[: subject.i]:
        if earlier.lower_ != subject.lower_ or earlier.dep_ in {"appos", "attr"}:
            continue  # "Lena Varga, an economist at …": said of someone named, no one new
        if any(c.lower_ in _INDEFINITE for c in earlier.lefts):
            return True
    return False


def described_person(subject: Token, people: People, index: ActorIndex) -> str | None:
    """The person a description as subject of a verb of saying means, or None."""
    if not is_described_person(subject, index) or _brought_in_unnamed(subject):
        return None
    gender = FEMALE if subject.lower_ in _FEMALE else MALE if subject.lower_ in _MALE else None
    name = people.meant_by(subject.i, gender, _REACH) or people.only_named_before(subject.i)
    if name is None:
        return None
    title = phrase_words(subject)
    if not title:
        return name
    for other in titles_of(name, index, subject.doc):
        other = tuple(w for w in other[:-1] if w in _TELLS_APART) + other[-1:]
        if other[-1] == title[-1] and other != title[-len(other) :]:
            return None  # "Shadow foreign secretary Mira Dale" is not "the Foreign Secretary"
    return name


def speaks_for_subject_before(subject: Token, before: tuple[int, str | None] | None) -> str | None:
    """Whom "a spokesman said" speaks for when it says for no one: the organisation that was
    the main subject of its sentence or of one of the few before, no other subject but "it"
    or "they" between ("Greenpeace urged …. But a spokesman stressed …"). `before` is the
    nearest main-clause subject before it but "it" and "they", with the organisation it
    names."""
    if subject.lower_ not in SPOKESPEOPLE or not any(
        c.lower_ in _INDEFINITE for c in subject.lefts
    ):
        return None
    if any(c.dep_ in _OWNERS for c in subject.children):
        return None  # "a spokesman for the ministry", "an REM spokesman": named there
    if before is None:
        return None
    position, name = before
    earliest = subject.sent.start
    for _ in range(_BODY_REACH):
        earliest = subject.doc[earliest - 1].sent.start if earliest > 0 else 0
    return name if position >= earliest else None


def voice_of(subject: Token, index: ActorIndex) -> str | None:
    """The organisation "a spokesman at First Chicago Corp" or "a Conservative spokeswoman"
    speaks for, named with it: a party by its adjective when the article names the party
    ("the Tory spokesman" is someone the article names)."""
    if subject.lower_ not in SPOKESPEOPLE:
        return None
    found = index.speaker(subject)
    if found is not None or not any(word.lower_ in _INDEFINITE for word in subject.lefts):
        return found
    for word in subject.lefts:
        party = lookup(f"{word.text} Party") if word.dep_ in {"amod", "compound"} else None
        if word.is_title and party is not None and party.name in index.types:
            return party.name
    return None


def spoken_for(voice: Token, people: People, index: ActorIndex) -> str | None:
    """Whom "his spokesman" or "her lawyer" speaks for: the person "his"/"her" means, or
    the one a description of a person means ("the rapper's spokesman", "a spokesman for
    the author"); an office only by its holder's title ("the prime minister's spokesman")."""
    for child in voice.children:
        if child.dep_ == "poss" and child.lower_ in POSSESSIVES:
            return people.meant_by(child.i, POSSESSIVES[child.lower_])
    if voice.lower_ not in SPOKESPEOPLE:
        return None
    owners = [c for c in voice.children if c.dep_ == "poss"] + [
        o for c in voice.children if c.lower_ == "for" for o in c.children if o.dep_ == "pobj"
    ]
    for owner in owners:
        if index.by_token[owner.i] is not None:
            continue
        if owner.lower_ in ROLE_NOUNS:
            return title_holder(owner, index)
        if is_described_person(owner, index):
            return described_person(owner, people, index)
    return None
