"""Where an article names an actor: its entities, trimmed of titles and junk, mapped to
gazetteer actors where they are one, with the mentions the tagger missed
(`briefing.analysis.missed_mentions`: bare repeats such as "Lind said ...", acronyms).

`find_mentions` is the first step of `briefing.analysis.actors.extract_actors`; the joining of
these mentions into actors is `briefing.analysis.article_names`.
"""

import re
from collections import Counter

from spacy.tokens import Doc, Span

from briefing.analysis import gazetteer
from briefing.analysis.acronyms import ends_in_legal_form
from briefing.analysis.cities import is_large_city
from briefing.analysis.gazetteer import ORGANISATION, PERSON, PLACE
from briefing.analysis.genders import is_first_name
from briefing.analysis.mention_model import UNSURE, NameMention
from briefing.analysis.missed_mentions import add_missed_mentions
from briefing.analysis.name_checks import TITLE_WORDS as _TITLES
from briefing.analysis.name_checks import cut_before_name, described, is_junk
from briefing.analysis.nlp import dictionary_words
from briefing.analysis.person_evidence import names_an_office_holder
from briefing.analysis.roles import PERSON_NOUNS
from briefing.names import normalise_name

_TYPE_OF_LABEL = {
    "PERSON": PERSON,
    "ORG": ORGANISATION,
    "GPE": PLACE,
    "LOC": PLACE,
    "FAC": PLACE,
    "NORP": UNSURE,
}
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
_INNER_WORDS = frozenset({"Without", "Against"})  # inside a body's name, never its start
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
        or (person and end - start > 2 and doc[start].lower_ in PERSON_NOUNS)  # "Striker X Y"
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


def _first_word_left_out(doc: Doc, start: int) -> bool:
    """Whether the tagger began a name after its first word, at a capitalised "Without" or
    "Against" ("Reporters Without Borders" read as a person "Without Borders"): a body."""
    before = doc[start - 1] if start > 0 else None
    return (
        doc[start].text in _INNER_WORDS
        and before is not None
        and before.is_alpha
        and before.is_title
        and not before.is_sent_start
    )


def _kind_of(label: str, span: Span, truncated: bool) -> str | None:
    """The type the tagger's label gives a name, but a body's when its first word was left
    out ("Without Borders") or it ends in a firm's legal form ("James Hardie Ltd")."""
    kind = _TYPE_OF_LABEL.get(label)
    legal = kind == PERSON and ends_in_legal_form(span.text)
    return ORGANISATION if truncated or legal else kind


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
        truncated = _first_word_left_out(doc, start)
        if truncated:
            start -= 1
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
        kind = _kind_of(ent.label_, span, truncated)
        if kind == UNSURE and len(span) > 1:
            kind, start = _norp_name(span)
            span = doc[start:end]
            surface = span.text
        if kind is None or is_junk(span, surface, common):
            continue
        if kind == PERSON and cut_before_name(span):
            continue
        if kind == PERSON and _is_location(span) and not _a_persons_name(span):
            kind = PLACE  # "in Davenport", not "in Jose Mourinho, Chelsea have …"
        elif kind == PERSON and len(span) == 1 and described(span[0]):
            continue  # "the 25-year-old Dubliner": a description, no name
        elif kind == ORGANISATION and names_an_office_holder(span):
            kind = PERSON
        elif ent.label_ in {"GPE", "LOC"} and _a_persons_name(span):
            kind = PERSON  # "Jose Mourinho" tagged a place
        key = normalise_name(surface)
        if _names_a_work(ent, start):
            works.add(key)
        elif _names_a_thing(span):
            things[key] += 1
        found.append(NameMention(start, end, surface, kind, key, None))
    return add_missed_mentions(doc, _without_things(found, works, things))


def _a_persons_name(span: Span) -> bool:
    """Whether two words no gazetteer holds read as a person's name, wherever they stand: a
    first name, then a word that is neither a first name nor a common word ("Jose Mourinho",
    not "Forest Hill" or "Santa Maria")."""
    if len(span) != 2 or not all(t.is_title and t.is_alpha for t in span):
        return False
    first, last = span
    return (
        is_first_name(first.text)
        and not is_first_name(last.text)
        and last.lower_ not in dictionary_words()
        and not is_large_city(span.text)
    )


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
