"""Actors of an article: the people, organisations, places and armed groups it names, one each.

`extract_actors` reads the entities of a parsed article (`briefing.analysis.mentions`: junk
dropped, gazetteer names mapped to their canonical actor: "ISIL" -> Islamic State, "Moscow
said" -> Russia) and joins the other names within the article (`briefing.analysis.
article_names`: "Lavrov" -> "Sergei Lavrov"). Which actor a token belongs to is
`briefing.analysis.actor_index`; joining to the archive's actors is
`briefing.analysis.known_actors`.
"""

import bisect
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc

from briefing.analysis.acronyms import COMPANY_FORMS, ends_in_legal_form
from briefing.analysis.article_names import resolve_mentions
from briefing.analysis.cities import is_city_club, is_large_city
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.analysis.genders import MISTERS, first_name_gender
from briefing.analysis.institutions import institution_names
from briefing.analysis.mention_model import NameMention
from briefing.analysis.mentions import find_mentions
from briefing.analysis.nlp import parse_article
from briefing.analysis.person_evidence import (
    described_as_organisation,
    described_as_person,
    says_he_or_she,
    says_it,
    speaks_by_first_name,
)
from briefing.analysis.roles import Role, find_roles
from briefing.analysis.speaking_names import speaking_names
from briefing.names import PARTICLES, normalise_name, person_key

MENTIONS = "briefing.mentions"  # Doc.user_data key: [(start token, end token, name, type)]
_TYPE_ORDER = {PERSON: 0, ORGANISATION: 1, GROUP: 2, PLACE: 3}


@dataclass
class Actor:
    """One actor of an article: canonical name, type, the surface forms found, where it occurs.

    `type` is "person", "organisation", "place" or "group"; `sentences` are indexes into the
    parsed article's sentences (the title's first); `roles` are a person's titles in it
    ("foreign minister" of Russia).
    """

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    sentences: list[int] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)


def _canonical(group: list[NameMention]) -> str:
    if group[0].target.startswith("g:"):
        return group[0].target[2:]
    counts = Counter(m.surface for m in group)
    order = {surface: i for i, surface in reversed(list(enumerate(m.surface for m in group)))}

    def rank(surface: str) -> tuple[int, int, int, int]:
        return (not surface.isupper(), len(surface.split()), counts[surface], -order[surface])

    multi = [s for s in counts if len(s.split()) > 1]
    if group[0].target.startswith("p:") and multi:
        full = [
            s
            for s in multi
            if person_key(normalise_name(s)) == group[0].target[2:] and _a_full_name(s)
        ]
        return max(full or multi, key=lambda s: (counts[s], len(s.split()), -order[s]))
    return max(counts, key=rank)


def _a_full_name(surface: str) -> bool:
    """Whether a name reads as a person's full one: opened by a known first name, or with a
    particle of a surname ("Frits van Horick", not "Rapper Kanye West")."""
    words = surface.split()
    return first_name_gender(words[0]) is not None or any(w.lower() in PARTICLES for w in words)


def _actor_type(doc: Doc, group: list[NameMention]) -> str:
    if any(ends_in_legal_form(m.surface) for m in group):
        return ORGANISATION  # "John Labatt Ltd" is a brewer, whatever its first name
    if any(described_as_organisation(doc, m.start, m.end) for m in group):
        return ORGANISATION  # "environmental group Transport 2000" read as a person
    if all(m.type == PERSON for m in group) and _named_after_a_city(group):
        return ORGANISATION  # "Norwich have signed …", "Manchester United": a club
    if all(" " not in m.surface for m in group) and any(_takes_plural(doc, m) for m in group):
        return ORGANISATION  # "Boro are confident": a team or a firm, as no one person is
    if group[0].target.startswith("p:") or any(_after_mister(doc, m) for m in group):
        return PERSON  # "Mr Katwala added" though "Sundar Katwala" read as a place
    if not group[0].target.startswith("g:") and any(
        described_as_person(doc, m.start, m.end)
        or speaks_by_first_name(doc, m.start, m.end)
        or says_he_or_she(doc, m.start, m.end)
        for m in group
    ):
        return PERSON  # "Eswar Prasad, a trade professor at Cornell" read as a company
    if any(says_it(doc, m.start, m.end) for m in group) and not any(
        _first_name_and_surname(m.surface) for m in group
    ):
        return ORGANISATION  # "Novartis said it would merge …" read as a person
    if any(" " in m.surface and m.surface.split()[-1].lower() in COMPANY_FORMS for m in group):
        return ORGANISATION  # "Multiplex Group", however often "Multiplex" reads as a person
    surnames = {m.surface for m in group if m.type == PERSON and " " not in m.surface}
    if any(" " in m.surface and m.surface.split()[-1] in surnames for m in group):
        return PERSON  # "Ingrid Velde" read as a company, "Velde" as a person
    votes = Counter(m.type for m in group)
    if any(_peer(m.surface) for m in group):
        return PERSON  # "Lord Browne" read as an organisation
    if PERSON in votes and any(_first_name_and_surname(m.surface) for m in group):
        return PERSON  # "Keanu Reeves" tagged a company twice and a person once
    return min(votes, key=lambda kind: (-votes[kind], _TYPE_ORDER[kind]))


_PEERS = frozenset({"lord", "lady", "baroness", "baron", "sir", "dame"})


def _after_mister(doc: Doc, mention: NameMention) -> bool:
    """Whether a mention opens with or follows "Mr", "Mrs", "Ms" or "Miss"."""
    first = doc[mention.start].lower_.rstrip(".")
    before = doc[mention.start - 1].lower_.rstrip(".") if mention.start else ""
    return first in MISTERS or before in MISTERS


def _named_after_a_city(group: list[NameMention]) -> bool:
    """Whether every mention is a large city's name that is no first name, alone or with a
    club's word after it ("Manchester United")."""
    names = {m.surface for m in group}
    return all(
        is_city_club(name)
        or (" " not in name and is_large_city(name) and first_name_gender(name) is None)
        for name in names
    )


def _takes_plural(doc: Doc, mention: NameMention) -> bool:
    """Whether a one-word name alone is the subject of a verb in the plural ("Boro are",
    "Lazio have"), as a team or a company may be in British use and one person never is."""
    token = doc[mention.start]
    verb = token.head
    return (
        token.dep_ == "nsubj"
        and verb.tag_ == "VBP"
        and not any(c.dep_ in {"conj", "cc"} for c in token.children)
        and not any(c.lower_ in {"i", "you", "we", "they"} for c in verb.children)
    )


def _peer(surface: str) -> bool:
    words = surface.split()
    return len(words) in (2, 3) and words[0].lower() in _PEERS and words[1][:1].isupper()


def _first_name_and_surname(surface: str) -> bool:
    """Whether a name reads as a person's: two or three capitalised words, the first a first
    name known as only a man's or only a woman's, or a peer's title ("Lord Browne")."""
    words = surface.split()
    return (
        len(words) in (2, 3)
        and all(w[:1].isupper() for w in words)
        and (first_name_gender(words[0]) is not None or words[0].lower() in _PEERS)
    )


def _owners_of_people(doc: Doc, mentions: list[NameMention]) -> set[int]:
    """Where mentions start that own a person's full name ("Labour's Elizabeth Blackman"): an
    affiliation, which no person is."""
    starts = {m.start: m for m in mentions}
    owners: set[int] = set()
    for m in mentions:
        owned = starts.get(m.end + 1)
        if owned is None or owned.type != PERSON or " " not in owned.surface:
            continue
        if m.end < len(doc) and doc[m.end].lower_ == "'s":
            owners.add(m.start)
    return owners


def extract_actors(doc_or_text: Doc | str) -> list[Actor]:
    """The actors of a parsed article (or of a text, parsed here), most mentioned first.

    The mentions behind each actor are kept on the Doc for `ActorIndex`.
    """
    doc = parse_article("", doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
    mentions = institution_names(doc, speaking_names(doc, find_mentions(doc)))
    resolve_mentions(doc, mentions)
    mentions = [m for m in mentions if m.target]
    groups: dict[str, list[NameMention]] = {}
    for m in mentions:
        groups.setdefault(m.target, []).append(m)
    # Two targets can reach one canonical name (a gazetteer name also found as plain text).
    by_name: dict[str, list[NameMention]] = {}
    types: dict[str, str] = {}
    owners = _owners_of_people(doc, mentions)
    for group in groups.values():
        name = _canonical(group)
        kind = _actor_type(doc, group)
        if kind == PERSON and " " not in name and any(m.start in owners for m in group):
            kind = ORGANISATION  # "Labour's Elizabeth Blackman": a party, not a person
        if name not in types or (kind == PERSON and _first_name_and_surname(name)):
            types[name] = kind  # one reading a person's, another a company's: "Keanu Reeves"
        by_name.setdefault(name, []).extend(group)
    sentence_starts = [sent.start for sent in doc.sents]
    actors: list[tuple[int, Actor]] = []
    for name, group in by_name.items():
        group.sort(key=lambda m: m.start)
        sentences = sorted({bisect.bisect_right(sentence_starts, m.start) - 1 for m in group})
        aliases = list(dict.fromkeys(m.surface for m in group))
        actors.append((group[0].start, Actor(name, types[name], aliases, len(group), sentences)))
        for m in group:
            m.target = name
    actors.sort(key=lambda item: (-item[1].mentions, item[0]))
    doc.user_data[MENTIONS] = [(m.start, m.end, m.target, types[m.target]) for m in mentions]
    roles = find_roles(doc, doc.user_data[MENTIONS])
    for _, actor in actors:
        actor.roles = roles.get(actor.name, [])
    return [actor for _, actor in actors]
