"""Where an article names an actor: its entities, trimmed of titles and junk, mapped to
gazetteer actors where they are one, with their later bare repeats ("Lind said ...").

`find_mentions` is the first step of `briefing.analysis.actors.extract_actors`; the joining of
these mentions into actors is `briefing.analysis.article_names`.
"""

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from briefing.analysis import gazetteer
from briefing.analysis.acronyms import is_acronym, spells
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.analysis.name_checks import TITLE_WORDS as _TITLES
from briefing.analysis.name_checks import described, is_junk
from briefing.analysis.person_evidence import names_an_office_holder
from briefing.names import normalise_name

_TYPE_OF_LABEL = {"PERSON": PERSON, "ORG": ORGANISATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
UNSURE = ""  # a NORP the gazetteer does not know: kept only if it repeats a person's name
_STATE_NOUNS = frozenset(
    """government administration regime state authority force troop army military navy
    police officer official minister ministry president leader leadership premier king emir
    diplomat embassy ambassador envoy delegation negotiator mediator spokesman spokeswoman
    soldier warplane jet aircraft warship fighter bomber commander general court prosecutor
    judge intelligence agency service parliament lawmaker legislator guard counterpart
    authorities side""".split()
)
_QUALIFIER = frozenset({"amod", "compound", "nmod"})
# What a government has: "Moscow's position" is Russia's, "London's media" is the city's.
_POLICY_NOUNS = frozenset(
    """position policy support decision response stance ally allies demand request offer plan
    strategy relation relations move refusal approach involvement role intervention backing
    opposition objection proposal pressure""".split()
)
_CUTS = frozenset({"(", "<", ">"})  # where a name ends: a bracket, a wire's ticker mark
_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})
_RELATIONAL = frozenset({"between", "with", "against", "by", "toward", "towards", "on"})
_LOCATIVE = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around"})
_TRAILING = frozenset({"'s", "’s", "'", "’", "of", "and", "the", "in", "for", "at"})
# A name right after one of these is the title of a work: "the film Ray", "comedy Meet ...".
_WORK_NOUNS = frozenset(
    """film films movie movies novel book books album albums single song songs show series
    sitcom soap play musical comedy drama thriller documentary opera autobiography biography
    memoir game""".split()
)
# A name qualifying one of these names a product, brand or contest, not an actor: "Malibu
# rum", "the Zafi virus", "Workplace software", "the Commonwealth champion".
_THING_HEADS = frozenset(
    """software program programme version virus worm trojan browser rum vodka whisky whiskey
    brandy wine beer lager gin cognac champagne cigarette champion medal medallist
    medalist""".split()
)
_THING_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
# A plural a political party's members go by: "the Liberal Democrats" names the party.
_PARTY_MEMBERS = frozenset(
    """democrats republicans conservatives liberals socialists nationalists unionists
    greens""".split()
)


@dataclass
class NameMention:
    """One place an article names an actor: token bounds, text, type, comparison key, the
    gazetteer actor when it is one, and (once resolved) the actor it joins."""

    start: int
    end: int
    surface: str
    type: str
    key: str
    canonical: str | None  # the gazetteer actor, when it is one
    target: str = ""


# Names whose "of" belongs to them ("Duke of Edinburgh", "Archbishop of Canterbury"); in
# other person names a tagger's "of" starts the employer ("Anne Mills of Shearson").
_TITLED_OF = frozenset(
    {"duke", "duchess", "prince", "princess", "earl", "countess", "count", "archbishop",
     "bishop", "king", "queen", "lord", "lady", "baron", "baroness", "marquess", "viscount",
     "mayor", "sultan", "emir", "sheikh", "pope", "cardinal", "governor", "president"}
)  # fmt: skip


def _trim(ent: Span, person: bool) -> tuple[int, int]:
    """Token bounds of an entity without determiners, titles, possessives or edge punctuation,
    ending before an opening bracket ("The Federal Bureau of Investigation (FBI") or a
    wire's ticker mark ("UAW> union" of "United Auto Workers <UAW> union")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    end = next((t.i for t in ent[1:] if t.text in _CUTS), end)
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_punct
        or doc[start].text in _CUTS
        or (person and end - start > 1 and doc[start].lower_.rstrip(".") in _TITLES)
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if person and doc[start].lower_ not in _TITLED_OF:  # "McGroarty of Discount Corp"
        end = next((t.i for t in doc[start + 1 : end] if t.lower_ == "of"), end)
    return start, end


def _is_location(span: Span) -> bool:
    """Used as a location ("in Moscow") rather than as an actor ("Moscow said")."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


def _stands_for_government(span: Span, entry: gazetteer.Entry) -> bool:
    """A capital names its government as an actor ("Moscow said", "talks between Moscow and
    Kyiv", "Washington's position"), not as a place ("in Moscow", "London traders").
    A seat of government ("the Kremlin") names it unless it is a location."""
    if entry.label == "ORG":
        return not _is_location(span)
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "pobj":
        return root.head.lower_ in _RELATIONAL
    if root.dep_ == "poss":
        return root.head.lemma_.lower() in _POLICY_NOUNS | _STATE_NOUNS
    return root.dep_ in _ACTING


def _stands_for_state(span: Span) -> bool:
    """A demonym names its country when it qualifies the state's people or bodies:
    "Russian forces", "the Iraqi government", "Syrian President ..."; not "Russian citizens"."""
    root = span.root
    return root.dep_ in _QUALIFIER and root.head.lemma_.lower() in _STATE_NOUNS


def _gazetteer_entry(ent: Span, surface: str) -> gazetteer.Entry | None:
    if ent.ent_id_:
        return gazetteer.by_name(ent.ent_id_)
    entry = gazetteer.lookup(surface)
    if entry is None and ent.label_ == "NORP":
        entry = gazetteer.lookup(re.sub(r"^(?:pro|anti|non)-", "", surface, flags=re.I))
    return entry


def _before_possessive(doc: Doc, start: int, end: int) -> int:
    """A person's name ends at a possessive inside the entity: "Joseph O'Connor's Star"."""
    for i in range(start + 2, end - 1):
        if doc[i].tag_ == "POS":
            return i
    return end


def _names_a_work(ent: Span, start: int) -> bool:
    """Right after a noun for a work ("the film Ray", "quirky movie Thumbsucker"), or a
    title with its own capital "The" after an author's possessive ("Hale's The Long Road")."""
    doc = ent.doc
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in _WORK_NOUNS:
        return True
    first = ent[0]
    return first.text == "The" and first.i > 0 and doc[first.i - 1].tag_ == "POS"


def _names_a_thing(span: Span) -> bool:
    """Qualifies a product or contest noun: "Malibu rum", "the Commonwealth champion"."""
    root = span.root
    return root.dep_ in _THING_DEPS and root.head.lemma_.lower() in _THING_HEADS


def _without_things(
    found: list[NameMention], works: set[str], things: Counter[str]
) -> list[NameMention]:
    """Drop every mention of a work, and of a name used mostly for a product or contest."""
    counts = Counter(m.key for m in found if m.canonical is None)
    dropped = works | {key for key, n in things.items() if 2 * n >= counts[key]}
    if not dropped:
        return found
    return [m for m in found if m.canonical is not None or m.key not in dropped]


def find_mentions(doc: Doc) -> list[NameMention]:
    """The actor mentions of a parsed article, in text order."""
    lowered: set[str] | None = None

    def common(word: str) -> bool:
        nonlocal lowered
        if lowered is None:
            lowered = {t.lower_ for t in doc if t.is_lower}
        return word in lowered

    found: list[NameMention] = []
    works: set[str] = set()
    things: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.ent_id_ == gazetteer.BLOCKED:
            continue
        start, end = _trim(ent, ent.label_ == "PERSON")
        if start >= end:
            continue
        if ent.label_ == "PERSON":
            start, end = _trim(doc[start : _before_possessive(doc, start, end)], True)
        span = doc[start:end]
        surface = span.text
        entry = _gazetteer_entry(ent, surface)
        if entry is not None:
            if ent.label_ == "NORP" and not _stands_for_state(span):
                continue
            name = entry.name
            if entry.capital_of is not None and _stands_for_government(span, entry):
                name = entry.capital_of
            found.append(NameMention(start, end, surface, entry.type, normalise_name(name), name))
            continue
        kind = UNSURE if ent.label_ == "NORP" else _TYPE_OF_LABEL.get(ent.label_)
        if kind == UNSURE and len(span) > 1:
            kind, start = _norp_name(span)
            span = doc[start:end]
            surface = span.text
        if kind is None or is_junk(span, surface, common):
            continue
        if kind == PERSON and _is_location(span):
            kind = PLACE
        elif kind == PERSON and len(span) == 1 and described(span[0]):
            continue  # "the 25-year-old Dubliner": a description, no name
        elif kind == ORGANISATION and names_an_office_holder(span):
            kind = PERSON
        key = normalise_name(surface)
        if _names_a_work(ent, start):
            works.add(key)
        elif _names_a_thing(span):
            things[key] += 1
        found.append(NameMention(start, end, surface, kind, key, None))
    found = _bracketed_acronyms(doc, _without_things(found, works, things))
    found = _repeated_full_names(doc, _spelled_acronyms(doc, found))
    return _repeated_names(doc, found)


def _norp_name(span: Span) -> tuple[str, int]:
    """The type and start of a name inside a many-word NORP the gazetteer does not know:
    "the Liberal Democrats" is a party, "Russian Irina Shevchenko" a person; else unsure."""
    if span[-1].lower_ in _PARTY_MEMBERS:
        return ORGANISATION, span.start
    rest = span[1:]
    if (
        len(rest) > 1
        and gazetteer.is_demonym(span[0].text)
        and all(t.pos_ == "PROPN" and t.is_title for t in rest)
    ):
        return PERSON, rest.start
    return UNSURE, span.start


_STRAY_TYPES = frozenset({"WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW", "LANGUAGE"})


def _stray_entity(token: Token) -> bool:
    """Whether a token alone is an entity of a type no actor has ("Cueto" tagged a work of
    art), which a name found elsewhere in the article may overrule."""
    if token.ent_type_ not in _STRAY_TYPES or token.ent_iob_ != "B":
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return following is None or following.ent_iob_ != "I"


def _repeated_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the places where a name already found occurs again but the model missed it
    ("Lind said ..." after "Erik Lind"): one-word names and surnames, written the same way,
    also where the tagger took them for common nouns ("Margoshes said") unless the article
    uses the word in lower case too."""
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
        and (t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.text.lower() not in lower))
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


_EXPANDS = (ORGANISATION, GROUP, PLACE)


def _bracketed_acronyms(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the acronyms in brackets the model missed ("Halvard Mining Corporation (HMC)"), and
    the names they spell when it missed those too ("Transport for London (TfL)")."""
    ending = {m.end: m for m in found}
    alone = {m.start for m in found if m.end == m.start + 1}
    covered = {i for m in found for i in range(m.start, m.end)}
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
    if not added:
        return found
    return sorted(found + added, key=lambda m: m.start)


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
    covered = {i for m in found for i in range(m.start, m.end)}
    added: list[NameMention] = []
    for token in doc:
        if token.i in covered or token.ent_iob_ != "O" or not is_acronym(token.text):
            continue
        spelled = [kind for surface, kind in bodies.items() if spells(token.text, surface)]
        if len(spelled) == 1:
            key = normalise_name(token.text)
            added.append(NameMention(token.i, token.i + 1, token.text, spelled[0], key, None))
    return sorted(found + added, key=lambda m: m.start) if added else found


def _repeated_full_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """Add the places where a name of several words already found occurs again, word for
    word, but the model missed it ("G Money, a presenter …" after "1Xtra's G Money says")."""
    forms = {
        tuple(m.surface.split()): m
        for m in found
        if m.canonical is None and m.type in (PERSON, ORGANISATION) and " " in m.surface
    }
    covered = {i for m in found for i in range(m.start, m.end)}
    added: list[NameMention] = []
    for words, mention in forms.items():
        size = len(words)
        for token in doc:
            i = token.i
            if token.text != words[0] or i + size > len(doc) or i in covered:
                continue
            span = doc[i : i + size]
            if tuple(t.text for t in span) != words or any(t.ent_iob_ != "O" for t in span):
                continue
            if any(j in covered for j in range(i, i + size)):
                continue
            covered.update(range(i, i + size))
            added.append(NameMention(i, i + size, span.text, mention.type, mention.key, None))
    return sorted(found + added, key=lambda m: m.start) if added else found
