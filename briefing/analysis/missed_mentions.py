"""Mentions of actors the entity tagger missed, found from those it did find: firms it cut
in two at "and Co" (`briefing.analysis.firm_names`), acronyms in brackets and the names they
spell, acronyms that spell an organisation named elsewhere, names found again word for word,
one-word names an apposition describes ("Icstis, the premium rate watchdog"), acronyms that
speak ("the RSPCA said"), people named by a first name and a surname ("Lindsay Davenport has
put …"), and one-word names and surnames repeated bare ("Lind said …")."""

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from briefing.analysis.acronyms import ends_in_legal_form, is_acronym, spells
from briefing.analysis.cities import CLUB_WORDS
from briefing.analysis.firm_names import joined_firms
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.analysis.genders import MISTERS, is_first_name
from briefing.analysis.mention_model import UNSURE, NameMention
from briefing.analysis.name_checks import TITLE_WORDS
from briefing.analysis.nlp import dictionary_words
from briefing.analysis.person_evidence import described_as_organisation, described_as_person
from briefing.analysis.roles import PERSON_NOUNS, ROLE_NOUNS, SPOKESPEOPLE
from briefing.analysis.speech_verbs import is_speech_verb
from briefing.names import normalise_name


def add_missed_mentions(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """The tagger's mentions with those it missed added, in text order."""
    found = _bracketed_acronyms(doc, joined_firms(doc, found))
    found = _speaking_bodies(doc, _speaking_acronyms(doc, found))
    found = _repeated_full_names(doc, _spelled_acronyms(doc, found))
    found = _described_names(doc, _bodies_of_spokespeople(doc, found))
    return _repeated_names(doc, _first_named_people(doc, found))


def _covered(found: list[NameMention]) -> set[int]:
    """The token positions the mentions found so far cover."""
    return {i for m in found for i in range(m.start, m.end)}


def _merged(found: list[NameMention], added: list[NameMention]) -> list[NameMention]:
    """The mentions found with those added, in text order."""
    return sorted(found + added, key=lambda m: m.start) if added else found


_STRAY_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW", "LANGUAGE"})


def _stray_entity(token: Token) -> bool:
    """Whether a token alone is an entity of a type no actor has ("Cueto" tagged a work of
    art), which a name found elsewhere in the article may overrule."""
    if token.ent_type_ not in _STRAY_TYPES or token.ent_iob_ != "B":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"


_MISREAD = frozenset({"NOUN", "VERB"})  # a capitalised surname the tagger read as a word


def _repeated_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the places where a name already found occurs again but the model missed it
    ("Lind said ..." after "Erik Lind"): one-word names and surnames, written the same way,
    also where the tagger took them for common nouns or verbs ("Margoshes said", "Groening
    heaped praise") unless the article uses the word in lower case too."""
    forms: dict[str, str] = {}
    for m in found:
        words = m.surface.split()
        if m.canonical is None and m.type == PERSON and len(words) > 1:
            forms.setdefault(words[-1], PERSON)
        elif m.canonical is None and m.type in (PERSON, ORGANISATION) and len(words) == 1:
            forms.setdefault(m.surface, m.type)
    if not forms:
        return found
    taken = {m.start for m in found}
    lower = {t.text for t in doc if t.is_lower}
    extra = [
        NameMention(t.i, t.i + 1, t.text, forms[t.text], normalise_name(t.text), None)
        for t in doc
        if (t.ent_iob_ == "O" or _stray_entity(t))
        and t.text in forms
        and t.i not in taken
        and (t.pos_ == "PROPN" or (t.pos_ in _MISREAD and t.text.lower() not in lower))
    ]
    return _merged(found, extra)


_EXPANDS = (ORGANISATION, GROUP, PLACE)


def _bracketed_acronyms(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the acronyms in brackets the model missed ("Halvard Mining Corporation (HMC)"), and
    the names they spell when it missed those too ("Transport for London (TfL)")."""
    ending = {m.end: m for m in found}
    alone = {m.start for m in found if m.end == m.start + 1}
    covered = _covered(found)
    added: list[NameMention] = []
    for token in doc[2:-1]:
        i = token.i
        if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not is_acronym(token.text):
            continue
        if i in covered and i not in alone:
            continue
        before = ending.get(i - 1)
        if before is None or before.type not in _EXPANDS or not spells(token.text, before.surface):
            before = _spelled_name(doc, i - 1, token.text)
            if before is None:
                continue
            found = [m for m in found if not before.start <= m.start < before.end]
            added.append(before)
        if i not in alone:
            key = normalise_name(token.text)
            added.append(NameMention(i, i + 1, token.text, before.type, key, None))
    return _merged(found, added)


def _spelled_name(doc: Doc, bracket: int, acronym: str) -> NameMention | None:
    """The capitalised words right before a bracket that the acronym in it spells, shortest
    first, as an organisation's mention; None when no run of them does."""
    longest = 2 * len(acronym) + 2
    for start in range(bracket - 2, max(bracket - longest, 0) - 1, -1):
        span = doc[start:bracket]
        first = span[0]
        if first.is_stop or not (first.is_title or first.is_upper):
            continue  # a name starts with a capitalised word of its own, not "The"
        if not all(t.is_title or t.is_upper or t.is_stop or t.text in ("&", "-") for t in span):
            return None
        if any(t.ent_type_ == "PERSON" for t in span):
            return None  # a person's name is not spelled out by an acronym
        if spells(acronym, span.text):
            key = normalise_name(span.text)
            return NameMention(start, bracket, span.text, ORGANISATION, key, None)
    return None


def _spelled_acronyms(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the acronyms the model missed that spell one organisation the article names
    ("said an FA statement" after "the Football Association")."""
    bodies = {m.surface: m.type for m in found if m.type in _EXPANDS and m.type != PLACE}
    covered = _covered(found)
    added: list[NameMention] = []
    for token in doc:
        if token.i in covered or token.ent_iob_ != "O" or not is_acronym(token.text):
            continue
        if token.lower_ in STOP_WORDS:
            continue  # "IT", "US", "AM": words in capitals, not names
        spelled = [kind for surface, kind in bodies.items() if spells(token.text, surface)]
        if len(spelled) == 1:
            key = normalise_name(token.text)
            added.append(NameMention(token.i, token.i + 1, token.text, spelled[0], key, None))
    return _merged(found, added)


def _speaking_acronyms(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the acronyms the model missed that are the subject of a verb of saying ("the
    RSPCA said it had …"): a body that speaks, named so wherever the article writes it."""
    covered = _covered(found)
    speaking = {
        t.text
        for t in doc
        if t.i not in covered
        and t.ent_iob_ == "O"
        and t.dep_ in {"nsubj", "nsubjpass"}
        and is_speech_verb(t.head)
        and is_acronym(t.text)
        and t.lower_ not in STOP_WORDS  # "IT", "US": words in capitals, not names
        and t.lower_.rstrip("s") not in PERSON_NOUNS  # "the MPs said", "a DJ said": people
        and (t.i == 0 or doc[t.i - 1].text != "<")  # a stock ticker after its company's name
    }
    added = [
        NameMention(t.i, t.i + 1, t.text, ORGANISATION, normalise_name(t.text), None)
        for t in doc
        if t.text in speaking and t.i not in covered and t.ent_iob_ == "O"
    ]
    return _merged(found, added)


# The last word of a body's name that speaks in its own right: "the Making Decisions Alliance".
_BODY_WORDS = frozenset(
    """alliance association council society trust foundation institute federation league
    union coalition committee commission campaign network forum partnership""".split()
)


def _speaking_bodies(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the bodies the model missed whose capitalised name ends with a body's word and
    is the subject of a verb of saying ("The Making Decisions Alliance … said …")."""
    covered = _covered(found)
    added: list[NameMention] = []
    for body in doc:
        if body.lower_ not in _BODY_WORDS or not body.is_title or body.i in covered:
            continue
        if body.dep_ not in {"nsubj", "nsubjpass"} or not is_speech_verb(body.head):
            continue
        words = [c for c in body.lefts if c.dep_ in {"compound", "amod"}]
        if not words or not all(w.is_title and w.i not in covered for w in words):
            continue
        start = min(w.left_edge.i for w in words)  # "Clement" of "Clement Hayes Trust"
        if any(not doc[i].is_title or i in covered for i in range(start, body.i)):
            continue
        surface = doc[start : body.i + 1].text
        added.append(
            NameMention(start, body.i + 1, surface, ORGANISATION, normalise_name(surface), None)
        )
    return _merged(found, added)


def _repeated_full_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the places where a name of several words already found occurs again, word for
    word or without its company form, but the model missed it ("G Money, a presenter …"
    after "1Xtra's G Money says", "a San Miguel spokesman" after "San Miguel Corp")."""
    forms = {
        tuple(m.surface.split()): m
        for m in found
        if m.canonical is None and m.type in (PERSON, ORGANISATION) and " " in m.surface
    }
    for words, mention in list(forms.items()):
        shorter = forms.get(words[:-1])
        firm = mention.type == ORGANISATION and ends_in_legal_form(mention.surface)
        if firm and (shorter is None or shorter.type == PERSON):  # "Holly Sugar's", a person
            forms[words[:-1]] = mention  # "San Miguel spokesman", "San Miguel Corp"
    for m in found:  # "San Miguel" read as a people's name, after "San Miguel Corp"
        full = forms.get(tuple(m.surface.split()))
        firm = full is not None and full.type == ORGANISATION and m.canonical is None
        if full is not None and (m.type == UNSURE or firm):
            m.type, m.key = full.type, full.key
    covered = _covered(found)
    added: list[NameMention] = []
    for words, mention in forms.items():
        size = len(words)
        for token in doc:
            i = token.i
            if token.text != words[0] or i + size > len(doc) or i in covered:
                continue
            span = doc[i : i + size]
            if tuple(t.text for t in span) != words or any(_tagged(t) for t in span):
                continue
            if any(j in covered for j in range(i, i + size)):
                continue
            covered.update(range(i, i + size))
            added.append(NameMention(i, i + size, span.text, mention.type, mention.key, None))
    return _merged(found, added)


def _tagged(token: Token) -> bool:
    """Whether the tagger took a token for part of an entity other than a people's name
    (NORP, which "San Miguel" of a San Miguel Corp spokesman may be read as)."""
    return token.ent_iob_ != "O" and token.ent_type_ != "NORP"


def _described_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the one-word names the tagger missed that the words next to them describe as an
    organisation's ("Icstis, the UK's premium rate services watchdog") or a person's
    ("blogger Morquendi", "Dr Vancheshwar")."""
    unsure = [m for m in found if m.type == UNSURE and m.end == m.start + 1]  # read as NORP
    bodies = {m.surface for m in unsure if described_as_organisation(doc, m.start, m.end)}
    for m in unsure:
        if m.surface in bodies:
            m.type = ORGANISATION
    covered = _covered(found)
    added: list[NameMention] = []
    for token in doc:
        i = token.i
        if i in covered or token.ent_iob_ != "O" or token.pos_ != "PROPN":
            continue
        if not (token.is_title or is_acronym(token.text)) or token.is_stop or len(token) < 3:
            continue
        if token.lower_.rstrip(".") in TITLE_WORDS | ROLE_NOUNS:
            continue  # "Lord", "Colonel", "Secretary": what a name follows
        beside = [doc[j] for j in (i - 1, i + 1) if 0 <= j < len(doc)]
        if _after_honorific(token) and not any(t.i in covered for t in beside):
            kind = PERSON  # "Dr Vancheshwar", "Mr Ostrowski": no one else takes an honorific
        elif any(t.i in covered or t.pos_ == "PROPN" for t in beside):
            continue  # part of a longer name ("Minister Beatriz Lobo", "Eswar Prasad")
        elif described_as_organisation(doc, i, i + 1):
            kind = ORGANISATION
        elif described_as_person(doc, i, i + 1):
            kind = PERSON
        else:
            continue
        added.append(NameMention(i, i + 1, token.text, kind, normalise_name(token.text), None))
    return _merged(found, added)


def _first_named_people(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the people the tagger missed who are named by a first name and a surname that is
    no common word, or that the article names alone too ("Lindsay Davenport has put …",
    then "said Davenport", which the tagger read as a town)."""
    covered = _covered(found)
    alone = {m.surface for m in found if m.canonical is None and " " not in m.surface}
    # a first name the tagger took alone for a name of its own ("Lucie" an organisation)
    first_alone = {m.start for m in found if m.canonical is None and m.end == m.start + 1}
    lower = {t.text for t in doc if t.is_lower}  # "man", "save": no first name here
    added: list[NameMention] = []
    replaced: set[int] = set()
    for first in doc[:-1]:
        i = first.i
        last = doc[i + 1]
        pair_free = i not in covered and i + 1 not in covered
        if pair_free and _stray_pair(first) and last.text in alone and is_first_name(first.text):
            name = doc[i : i + 2].text  # "Will Davies" read as a title, "Davies" named alone
            added.append(NameMention(i, i + 2, name, PERSON, normalise_name(name), None))
            continue
        if i + 1 in covered or first.lower_ in lower:
            continue
        if i in covered and i not in first_alone:
            continue
        if not (last.ent_iob_ == "O" or _stray_entity(last) or _unknown_place(last)):
            continue
        if not (_a_first_name(first) and _a_surname(last)) or _in_longer_name(doc, i):
            continue
        if is_first_name(last.text) and i not in first_alone:
            continue  # "San Diego", "San Andreas": two first names, and no name found there
        if last.text in alone or last.lower_ not in dictionary_words():
            covered.update((i, i + 1))
            replaced.add(i)
            name = doc[i : i + 2].text
            added.append(NameMention(i, i + 2, name, PERSON, normalise_name(name), None))
    kept = [m for m in found if m.start not in replaced]
    return _merged(kept, added)


def _stray_pair(token: Token) -> bool:
    """Whether a token starts a two-word entity of a type no actor has."""
    doc = token.doc
    if token.ent_type_ not in _STRAY_TYPES or token.ent_iob_ != "B" or token.i + 2 > len(doc):
        return False
    after = doc[token.i + 2] if token.i + 2 < len(doc) else None
    return doc[token.i + 1].ent_iob_ == "I" and (after is None or after.ent_iob_ != "I")


def _a_first_name(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.is_stop
        and token.lower_ not in TITLE_WORDS
        and is_first_name(token.text)
    )


def _a_surname(token: Token) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.is_alpha
        and len(token) > 2
        and token.lower_ not in CLUB_WORDS  # "Man Utd"
    )


def _unknown_place(token: Token) -> bool:
    """Whether a word alone is a place the tagger found but no gazetteer holds."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    alone = token.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")
    return alone and token.ent_type_ in {"GPE", "LOC"} and not token.ent_id_


def _in_longer_name(doc: Doc, i: int) -> bool:
    """Whether two words are part of a longer run of capitalised words."""
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 2] if i + 2 < len(doc) else None
    return any(t is not None and t.pos_ == "PROPN" and t.is_title for t in (before, after))


_HONORIFICS = MISTERS | {"dr"}


def _after_honorific(token: Token) -> bool:
    """Whether a capitalised word alone follows "Mr", "Mrs", "Ms", "Miss" or "Dr"."""
    doc, i = token.doc, token.i
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (
        i > 0
        and doc[i - 1].lower_.rstrip(".") in _HONORIFICS
        and (after is None or after.pos_ != "PROPN")
    )


_NAME_JOINS = frozenset({"for", "and", "of", "&", ","})


def _bodies_of_spokespeople(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the bodies the tagger missed that a spokesperson is named for, between "a" and
    the noun ("A Department for Work and Pensions spokeswoman confirmed …")."""
    covered = _covered(found)
    added: list[NameMention] = []
    for voice in doc:
        if voice.lower_ not in SPOKESPEOPLE:
            continue
        start = voice.i
        while start > voice.sent.start and doc[start - 1].lower_ not in {"a", "an"}:
            start -= 1
        words = doc[start : voice.i]
        if start == voice.sent.start or len(words) < 2 or any(t.i in covered for t in words):
            continue
        if not all(t.is_title or t.lower_ in _NAME_JOINS for t in words) or words[-1].is_stop:
            continue
        key = normalise_name(words.text)
        added.append(NameMention(start, voice.i, words.text, ORGANISATION, key, None))
    return _merged(found, added)
