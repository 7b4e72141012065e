"""Actors of an article: the people, organisations, places and armed groups it names, one each.

`extract_actors` reads the entities of a parsed article, drops junk, maps gazetteer names to
their canonical actor ("ISIL" → Islamic State, "Russian" → Russia, "Moscow said" → Russia)
and joins the other names within the article ("Lavrov" → "Sergei Lavrov", "IWF" →
"International Widget Federation"). `ActorIndex` tells quotes and events which actor a token
belongs to and whom "he" or "she" refers to. `match_known_actor` and `normalise_name` join an
article's actors to those already in an archive.
"""

import bisect
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from briefing.analysis import gazetteer
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.analysis.nlp import parse_article

MENTIONS = "briefing.mentions"  # Doc.user_data key: [(start token, end token, name, type)]

_TYPE_OF_LABEL = {"PERSON": PERSON, "ORG": ORGANISATION, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
_UNSURE = ""  # a NORP the gazetteer does not know: kept only if it repeats a person's name
_TYPE_ORDER = {PERSON: 0, ORGANISATION: 1, GROUP: 2, PLACE: 3}
# Words of a title before a name ("Foreign Minister Sergei Lavrov"), not part of the name.
_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady king queen prince princess sheikh emir crown
    president vice prime minister secretary state chancellor premier general gen brig
    brigadier col colonel lt lieutenant capt captain maj major admiral sen senator rep
    representative gov governor mayor judge justice ayatollah pope rev reverend father
    cardinal archbishop bishop chairman chairwoman chief executive ceo commander spokesman
    spokeswoman ambassador envoy deputy leader director head former late opposition
    commissioner foreign defence defense interior finance economy trade health labour labor
    energy""".split()
)
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
# One word that alone only repeats a longer name: "the Commission", "the Bank".
_GENERIC = frozenset(
    """group company firm bank party council committee ministry government state agency
    association union federation court corporation corp inc ltd plc co holdings board
    commission authority department office institute university college school centre center
    foundation fund trust club league team army navy police alliance coalition front movement
    organisation organization""".split()
)
_TIME_ZONES = frozenset({"gmt", "bst", "utc", "est", "edt", "pst", "pdt", "cet", "cest"})
_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "agent"})
_RELATIONAL = frozenset({"between", "with", "against", "by", "toward", "towards", "on"})
_LOCATIVE = frozenset({"in", "near", "outside", "inside", "across", "throughout", "around"})
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_TRAILING = frozenset({"'s", "’s", "'", "’", "of", "and", "the", "in", "for", "at"})
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "du", "on", "in", "&"})
_ARTICLE = re.compile(r"^(?:al|el|ul)$")
# The last word of a contest or an award, not of an actor: "European Indoor Championships".
_EVENT_WORDS = frozenset(
    """championship championships prix award awards prize prizes olympics indoors trophy
    tournament cup games marathon""".split()
)
# The last word of a piece of software named like a company: "the Bankash-A Trojan".
_MALWARE_WORDS = frozenset({"virus", "worm", "trojan"})
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
_AMOUNT = re.compile(r"[\W\d_]*\d[\W\d_]*(?:bn|tn|m|k|s|st|nd|rd|th)?", re.IGNORECASE)
_FEMININE_ENDING = "a"  # Slavic surnames: Ivanov / Ivanova are two people


@dataclass
class Actor:
    """One actor of an article: canonical name, type, the surface forms found, where it occurs.

    `type` is "person", "organisation", "place" or "group"; `sentences` are indexes into the
    parsed article's sentences (the title's first).
    """

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    sentences: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class KnownActor:
    """An actor already in the archive, as storage hands it to `match_known_actor`."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    id: int | None = None


@dataclass
class _Mention:
    start: int
    end: int
    surface: str
    type: str
    key: str
    canonical: str | None  # the gazetteer actor, when it is one
    target: str = ""


# --- names --------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A comparison key for a name: case, diacritics, apostrophes, hyphens, dots and the
    Arabic article "al-" folded, so "Bashar al-Assad", "Bashar Al Assad" and "BASHAR ASSAD"
    agree. A leading "the" and a possessive "'s" are dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = re.sub(r"[’‘`ʼ´]", "'", text)
    text = re.sub(r"'s$", "", text.strip())
    text = text.replace("'", "")
    text = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", text)  # u.s.a. -> usa.
    text = re.sub(r"[\W_]+", " ", text)
    words = text.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    stripped = [w for w in words if not _ARTICLE.match(w)]
    return " ".join(stripped or words)


def _person_key(key: str) -> str:
    """A person's key without initials: "vladimir v putin" -> "vladimir putin"."""
    words = [w for w in key.split() if len(w) > 1]
    return " ".join(words) if words else key


def _initials(name: str) -> str:
    words = re.findall(r"[^\W\d_]+", name)
    return "".join(w[0] for w in words if w.lower() not in _MINOR_WORDS).upper()


# --- finding mentions ---------------------------------------------------------------------


def _trim(ent: Span, person: bool) -> tuple[int, int]:
    """Token bounds of an entity without determiners, titles, possessives or edge punctuation."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"}
        or doc[start].is_punct
        or (person and end - start > 1 and doc[start].lower_.rstrip(".") in _TITLES)
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _TRAILING or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
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


def _is_junk(span: Span, surface: str, common: Callable[[str], bool]) -> bool:
    if len(surface) < 2 or len(span) > 6 or not any(c.isalpha() for c in surface):
        return True
    if _AMOUNT.fullmatch(surface) or span[-1].lower_ in _EVENT_WORDS | _MALWARE_WORDS:
        return True  # "280bn", "7:39.89"; "the Birmingham Grand Prix"
    if not (surface[0].isupper() or surface[0].isdigit()) or any(t.is_space for t in span):
        return True
    if surface.count("(") != surface.count(")"):
        return True  # cut off inside a parenthesis
    if re.search(r"[A-Za-z0-9]:\s", surface):
        return True  # a headline's label: "Bulletin 083: Pellow Oakum", "Live: Kyiv"
    if len(span) == 1:
        lower = span[0].lower_.rstrip(".")
        if lower in STOP_WORDS or lower in _CALENDAR or lower in _TIME_ZONES:
            return True
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if lower in _TITLES and after is not None and after.is_title:
            return True  # "Defence" of "Defence Secretary Amina Wekesa"
        if span[0].is_sent_start and common(lower):
            return True
        if span[0].pos_ == "ADJ" and span[0].dep_ == "amod" and span[0].ent_type_ != "ORG":
            return True  # "the Olympic heptathlon champion", not "Labour campaign chiefs"
    return False


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


def _without_things(found: list[_Mention], works: set[str], things: Counter[str]) -> list[_Mention]:
    """Drop every mention of a work, and of a name used mostly for a product or contest."""
    counts = Counter(m.key for m in found if m.canonical is None)
    dropped = works | {key for key, n in things.items() if 2 * n >= counts[key]}
    if not dropped:
        return found
    return [m for m in found if m.canonical is not None or m.key not in dropped]


def _mentions(doc: Doc) -> list[_Mention]:
    lowered: set[str] | None = None

    def common(word: str) -> bool:
        nonlocal lowered
        if lowered is None:
            lowered = {t.lower_ for t in doc if t.is_lower}
        return word in lowered

    found: list[_Mention] = []
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
            found.append(_Mention(start, end, surface, entry.type, normalise_name(name), name))
            continue
        kind = _UNSURE if ent.label_ == "NORP" else _TYPE_OF_LABEL.get(ent.label_)
        if kind == _UNSURE and len(span) > 1:
            kind, start = _norp_name(span)
            span = doc[start:end]
            surface = span.text
        if kind is None or _is_junk(span, surface, common):
            continue
        if kind == PERSON and _is_location(span):
            kind = PLACE
        key = normalise_name(surface)
        if _names_a_work(ent, start):
            works.add(key)
        elif _names_a_thing(span):
            things[key] += 1
        found.append(_Mention(start, end, surface, kind, key, None))
    return _repeated_names(doc, _without_things(found, works, things))


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
    return _UNSURE, span.start


def _repeated_names(doc: Doc, found: list[_Mention]) -> list[_Mention]:
    """Add the places where a name already found occurs again but the model missed it
    ("Lind said ..." after "Erik Lind"): one-word names and surnames, written the same way."""
    forms: dict[str, str] = {}
    for m in found:
        words = m.surface.split()
        if m.canonical is None and m.type == PERSON and len(words) > 1:
            forms.setdefault(words[-1], PERSON)
        elif m.canonical is None and m.type in (PERSON, ORGANISATION) and len(words) == 1:
            forms.setdefault(m.surface, m.type)
    if not forms:
        return found
    extra = [
        _Mention(t.i, t.i + 1, t.text, forms[t.text], normalise_name(t.text), None)
        for t in doc
        if t.ent_iob_ == "O" and t.pos_ == "PROPN" and t.text in forms
    ]
    return sorted(found + extra, key=lambda m: m.start) if extra else found


# --- joining mentions into actors ---------------------------------------------------------


_DEFINES_ACRONYM = re.compile(r"^\s*(?:\(|,?\s*(?:known as|or|also called)\s)\s*$")


@dataclass
class _Names:
    """The article's longer names, which shorter mentions of the same actor join."""

    people: dict[str, int] = field(default_factory=dict)  # person key -> first position
    longer: dict[str, str] = field(default_factory=dict)  # "christian andersen" -> fuller
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    by_first_name: dict[str, set[str]] = field(default_factory=dict)
    by_word: dict[str, str] = field(default_factory=dict)
    by_initials: dict[str, str] = field(default_factory=dict)  # "IWF" -> target
    by_first_word: dict[str, set[str]] = field(default_factory=dict)  # "tarsen" -> targets
    by_last_word: dict[str, set[str]] = field(default_factory=dict)  # "commission" -> targets
    by_final_word: dict[str, set[str]] = field(default_factory=dict)  # "kluft" -> targets
    by_content: dict[str, str] = field(default_factory=dict)  # key without minor words -> key
    organisations: set[str] = field(default_factory=set)  # keys of many-word names

    @classmethod
    def of(cls, mentions: list[_Mention]) -> "_Names":
        names = cls()
        for m in mentions:
            key = _person_key(m.key)
            if m.canonical is None and m.type == PERSON and " " in key:
                names.people.setdefault(key, m.start)
            elif m.type not in (PERSON, _UNSURE) and " " in m.key:
                target = f"g:{m.canonical}" if m.canonical else f"n:{m.key}"
                words = m.key.split()
                names.by_first_word.setdefault(words[0], set()).add(target)
                names.by_final_word.setdefault(words[-1], set()).add(target)
                if m.canonical is None:
                    names.by_content.setdefault(_content(m.key), m.key)
                if m.type in (ORGANISATION, GROUP):
                    names.by_initials.setdefault(_initials(m.surface), target)
                    names.by_last_word.setdefault(words[-1], set()).add(target)
                    if m.canonical is None:
                        names.organisations.add(m.key)
        names._join_people()
        return names

    def _join_people(self) -> None:
        """A name inside a fuller one with the same surname is that person."""
        keys = sorted(self.people, key=lambda k: -len(k.split()))
        for key in keys:
            words = key.split()
            fuller = {
                self.longer.get(other, other)
                for other in keys
                if len(other.split()) > len(words)
                and other.split()[-1] == words[-1]
                and _is_subsequence(words, other.split())
            }
            if len(fuller) == 1:
                self.longer[key] = fuller.pop()
                self.people[self.longer[key]] = min(self.people[key], self.people[self.longer[key]])
        for person in sorted(set(self.people) - set(self.longer), key=self.people.__getitem__):
            words = person.split()
            self.by_surname.setdefault(words[-1], []).append(person)
            self.by_first_name.setdefault(words[0], set()).add(person)
            for word in words:
                self.by_word.setdefault(word, person)

    def person(self, key: str) -> str:
        """The fullest name of the person with this key."""
        return self.longer.get(key, key)


def _content(key: str) -> str:
    """A name's key without its minor words: "economic and social research council" and
    "economic social research council" agree."""
    return " ".join(w for w in key.split() if w not in _MINOR_WORDS)


def _similar_surname(word: str, names: _Names) -> str | None:
    """The one person whose surname is a spelling variant of this word ("Anderson" of
    "Hans Christian Andersen"), when only one is."""
    if len(word) < 5:
        return None
    alike = [s for s in names.by_surname if _word_similarity(word, s) >= WORD_SIMILARITY]
    people = names.by_surname[alike[0]] if len(alike) == 1 else []
    return people[0] if len(people) == 1 else None


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _defines(previous: _Mention, gap: str) -> bool:
    """Whether an acronym right after `previous` spells it out: "... Federation (FIDE)"."""
    return (
        previous.type in (ORGANISATION, GROUP)
        and " " in previous.key
        and _DEFINES_ACRONYM.match(gap) is not None
    )


def _target(m: _Mention, names: _Names, previous: _Mention | None, gap: str) -> str:
    """The actor a mention names within the article, as a key shared by its mentions."""
    words = m.key.split()
    if m.canonical is not None:
        own = normalise_name(m.surface)
        if m.type == PLACE and " " not in own and own in names.by_word:
            m.type = PERSON  # "Jordan" after "Michael Jordan"
            return f"p:{names.by_word[own]}"
        return f"g:{m.canonical}"
    if m.type == PERSON and len(_person_key(m.key).split()) > 1:
        return f"p:{names.person(_person_key(m.key))}"
    if len(words) != 1:
        if m.type == _UNSURE:
            return ""
        longer = {k for k in names.organisations if k.startswith(f"{m.key} ")}
        if m.type == ORGANISATION and len(longer) == 1:
            return f"n:{longer.pop()}"  # "US Customs" after "US Customs Service"
        return f"n:{names.by_content.get(_content(m.key), m.key)}"
    word = words[0]
    if word in names.by_surname:
        candidates = names.by_surname[word]
        earlier = [p for p in candidates if names.people[p] <= m.start] or candidates
        m.type = PERSON
        return f"p:{earlier[-1]}"
    if m.type == _UNSURE:
        return ""
    if m.type == PERSON and len(names.by_first_name.get(word, ())) == 1:
        return f"p:{next(iter(names.by_first_name[word]))}"  # "Michael" of "Michael Howard"
    if m.type == PERSON and (similar := _similar_surname(word, names)) is not None:
        return f"p:{similar}"
    if m.surface.isupper():
        if previous is not None and _defines(previous, gap):
            return previous.target  # "International Chess Federation (FIDE)"
        acronym = m.surface.replace(".", "")
        if acronym in names.by_initials:
            return names.by_initials[acronym]
    owners = names.by_first_word.get(word, set()) if m.type != PLACE else set()
    if len(owners) == 1:
        return next(iter(owners))  # "Tarsen" after "Tarsen Motors"
    owners = names.by_final_word.get(word, set()) if word not in _GENERIC else set()
    if len(owners) == 1:
        return next(iter(owners))  # "Kluft" after "Carolina Kluft", whatever their labels
    if word in _GENERIC:
        owners = names.by_last_word.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else ""  # "the Commission"
    return f"n:{m.key}"


def _resolve(doc: Doc, mentions: list[_Mention]) -> None:
    """Set each mention's target: the actor it names within this article."""
    names = _Names.of(mentions)
    text = doc.text  # built anew on every access: once, not once per mention
    previous: _Mention | None = None
    for m in mentions:
        gap = ""
        if previous is not None:
            last = doc[previous.end - 1]
            gap = text[last.idx + len(last) : doc[m.start].idx]
        m.target = _target(m, names, previous, gap)
        previous = m
    # One word names one actor in an article: "Pernod" read once as a company of its own
    # joins the "Pernod" that elsewhere joined "Pernod Ricard".
    joined: dict[str, set[str]] = {}
    for m in mentions:
        if m.canonical is None and " " not in m.key and m.target not in ("", f"n:{m.key}"):
            joined.setdefault(m.surface, set()).add(m.target)
    for m in mentions:
        if m.target == f"n:{m.key}" and len(joined.get(m.surface, ())) == 1:
            m.target = next(iter(joined[m.surface]))


def _canonical(group: list[_Mention]) -> str:
    if group[0].target.startswith("g:"):
        return group[0].target[2:]
    counts = Counter(m.surface for m in group)
    order = {surface: i for i, surface in reversed(list(enumerate(m.surface for m in group)))}

    def rank(surface: str) -> tuple[int, int, int, int]:
        return (not surface.isupper(), len(surface.split()), counts[surface], -order[surface])

    multi = [s for s in counts if len(s.split()) > 1]
    if group[0].target.startswith("p:") and multi:
        return max(multi, key=lambda s: (counts[s], len(s.split()), -order[s]))
    return max(counts, key=rank)


def _actor_type(group: list[_Mention]) -> str:
    if group[0].target.startswith("p:"):
        return PERSON
    surnames = {m.surface for m in group if m.type == PERSON and " " not in m.surface}
    if any(" " in m.surface and m.surface.split()[-1] in surnames for m in group):
        return PERSON  # "Ingrid Velde" read as a company, "Velde" as a person
    votes = Counter(m.type for m in group)
    return min(votes, key=lambda kind: (-votes[kind], _TYPE_ORDER[kind]))


def extract_actors(doc_or_text: Doc | str) -> list[Actor]:
    """The actors of a parsed article (or of a text, parsed here), most mentioned first.

    The mentions behind each actor are kept on the Doc for `ActorIndex`.
    """
    doc = parse_article("", doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
    mentions = _mentions(doc)
    _resolve(doc, mentions)
    mentions = [m for m in mentions if m.target]
    groups: dict[str, list[_Mention]] = {}
    for m in mentions:
        groups.setdefault(m.target, []).append(m)
    # Two targets can reach one canonical name (a gazetteer name also found as plain text).
    by_name: dict[str, list[_Mention]] = {}
    types: dict[str, str] = {}
    for group in groups.values():
        name = _canonical(group)
        types.setdefault(name, _actor_type(group))
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
    return [actor for _, actor in actors]


# --- which actor a token names, and whom a pronoun means -----------------------------------

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_MODIFIERS = ("appos", "compound", "nmod", "amod", "poss")  # most telling first
_PERSONAL = frozenset({"he", "she", "him", "her"})


@dataclass
class ActorIndex:
    """Which actor each token belongs to, and the people named as main-clause subjects."""

    by_token: list[str | None]
    types: dict[str, str]
    subjects: list[tuple[int, str]]

    def actor_at(self, token: Token) -> str | None:
        """The actor a token names, itself or through a name modifying it ("Iraqi forces")."""
        name = self.by_token[token.i]
        if name is not None:
            return name
        children = [c for c in token.children if c.dep_ in _MODIFIERS]
        for child in sorted(children, key=lambda c: _MODIFIERS.index(c.dep_)):
            if self.by_token[child.i] is not None:
                return self.by_token[child.i]
        return None

    def person_before(self, position: int) -> str | None:
        """The person last named as the subject of a main clause before a token position."""
        at = bisect.bisect_left(self.subjects, (position, "")) - 1
        return self.subjects[at][1] if at >= 0 else None

    def without_subjects(self, hidden: Callable[[int], bool]) -> "ActorIndex":
        """A copy whose pronouns ignore subjects at token positions `hidden` rejects."""
        kept = [(i, name) for i, name in self.subjects if not hidden(i)]
        return ActorIndex(self.by_token, self.types, kept)

    def speaker(self, token: Token) -> str | None:
        """The actor a subject token stands for; "he"/"she" mean the last person subject."""
        if token.lower_ in _PERSONAL:
            return self.person_before(token.i)
        name = self.actor_at(token)
        if name is None:  # "a spokesman for the ministry"
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of", "at"}:
                    objects = [c for c in prep.children if c.dep_ == "pobj"]
                    name = next((n for c in objects if (n := self.actor_at(c))), None)
        return name


def _is_main_verb(verb: Token) -> bool:
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def index_actors(doc: Doc) -> ActorIndex:
    """An `ActorIndex` for a parsed article, extracting its actors first if not done yet."""
    if MENTIONS not in doc.user_data:
        extract_actors(doc)
    mentions: list[tuple[int, int, str, str]] = doc.user_data[MENTIONS]
    types: dict[str, str] = {}
    by_token: list[str | None] = [None] * len(doc)
    subjects: list[tuple[int, str]] = []
    for start, end, name, kind in mentions:
        types[name] = kind
        for i in range(start, end):
            by_token[i] = name
        root = doc[start:end].root
        subject = root if root.dep_ in _SUBJECTS else root.head
        if (
            kind == PERSON
            and subject.dep_ in _SUBJECTS
            and (subject is root or root.dep_ in _MODIFIERS)
            and _is_main_verb(subject.head)
        ):
            subjects.append((subject.i, name))
    subjects.sort()
    return ActorIndex(by_token, types, subjects)


# --- joining an article's actors to the archive's ------------------------------------------

# Two spellings of one name word are taken as the same at or above this similarity (0-100),
# after transliteration folding; tuned on the name pairs in tests/briefing/test_actors.py.
WORD_SIMILARITY = 85.0
# Organisation and place names are compared whole.
NAME_SIMILARITY = 90.0

_FOLDS = (
    ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ks", "x"), ("dh", "d"), ("q", "k"), ("w", "v"),
    ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"),
)  # fmt: skip


def _fold(word: str) -> str:
    for old, new in _FOLDS:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


def _word_similarity(a: str, b: str) -> float:
    if a == b:
        return 100.0
    if a + _FEMININE_ENDING == b or b + _FEMININE_ENDING == a:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.ratio(_fold(a), _fold(b)))


def _compatible(a: str, b: str) -> bool:
    groups = {PERSON: 0, ORGANISATION: 1, GROUP: 1, PLACE: 2}
    return groups.get(a, 3) == groups.get(b, 3)


def _keys(actor: KnownActor) -> list[str]:
    return [k for k in dict.fromkeys(normalise_name(n) for n in (actor.name, *actor.aliases)) if k]


def _person_score(name: list[str], known: list[str]) -> float:
    """How alike two person names are (0-100); one may be a surname alone."""
    surname = _word_similarity(name[-1], known[-1])
    if surname < WORD_SIMILARITY:
        return 0.0
    if len(name) == 1 or len(known) == 1:
        return surname
    first, other = name[0], known[0]
    if len(first) == 1 or len(other) == 1:
        given = 100.0 if first[0] == other[0] else 0.0
    else:
        given = _word_similarity(first, other)
    return min(surname, given) if given >= WORD_SIMILARITY else 0.0


def _unique_best(scored: list[tuple[float, KnownActor]], threshold: float) -> KnownActor | None:
    hits = [(score, actor) for score, actor in scored if score >= threshold]
    if not hits:
        return None
    best = max(score for score, _ in hits)
    top = {actor.name: actor for score, actor in hits if score == best}
    return next(iter(top.values())) if len(top) == 1 else None


def match_known_actor(name: str, type: str, known: Sequence[KnownActor]) -> KnownActor | None:
    """The archive actor this name joins, or None for a new actor.

    Same type family only (organisations and groups together). A name or alias equal after
    `normalise_name` joins; a gazetteer alias joins its canonical name; a surname alone joins
    the one known person with that surname (never when two share it); other spellings join
    above the tuned similarity, and only when one known actor is the best match.
    """
    key = normalise_name(name)
    if not key:
        return None
    candidates = [k for k in known if _compatible(type, k.type)]
    keyed = [(k, _keys(k)) for k in candidates]
    entry = gazetteer.lookup(name)
    wanted = {key, normalise_name(entry.name)} if entry is not None else {key}
    exact = [k for k, keys in keyed if wanted & set(keys)]
    if exact:
        named = [k for k in exact if normalise_name(k.name) in wanted]
        chosen = named or exact
        return chosen[0] if len({k.name for k in chosen}) == 1 else None
    if type == PERSON:
        words = _person_key(key).split()
        scored: list[tuple[float, KnownActor]] = []
        for actor, keys in keyed:
            split_keys = [_person_key(k).split() for k in keys]
            if len(words) > 1 and any(len(k) > 1 for k in split_keys):
                # A full name is compared with full names only: "Arno Dunn" must not join
                # "Mirela Dunn" through her bare-surname alias "Dunn".
                split_keys = [k for k in split_keys if len(k) > 1]
            score = max(_person_score(words, k) for k in split_keys)
            scored.append((score, actor))
        return _unique_best(scored, WORD_SIMILARITY)
    scored = [(max(fuzz.ratio(key, k) for k in keys), actor) for actor, keys in keyed]
    return _unique_best(scored, NAME_SIMILARITY)
