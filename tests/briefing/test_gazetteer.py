"""The gazetteer: canonical names, aliases, demonyms, capitals and the ruler patterns."""

import pytest

from briefing.analysis import gazetteer
from briefing.analysis.gazetteer import ACTOR_TYPES, GROUP, ORGANISATION, PLACE


@pytest.mark.parametrize(
    ("surface", "name", "kind"),
    [
        ("Islamic State", "Islamic State", GROUP),
        ("ISIL", "Islamic State", GROUP),
        ("Daesh", "Islamic State", GROUP),
        ("IS", "Islamic State", GROUP),
        ("al-Shabaab", "al-Shabab", GROUP),
        ("Hizbollah", "Hezbollah", GROUP),
        ("the Taliban", "Taliban", GROUP),
        ("Kurdistan Workers' Party", "PKK", GROUP),
        ("Nato", "NATO", ORGANISATION),
        ("U.N.", "United Nations", ORGANISATION),
        ("IAEA", "International Atomic Energy Agency", ORGANISATION),
        ("the U.S.", "United States", PLACE),
        ("Britain", "United Kingdom", PLACE),
        ("Côte d'Ivoire", "Ivory Coast", PLACE),
        ("Burma", "Myanmar", PLACE),
        ("north caucasus", "North Caucasus", PLACE),
    ],
)
def test_surface_forms_map_to_one_canonical_actor(surface: str, name: str, kind: str) -> None:
    entry = gazetteer.lookup(surface)
    assert entry is not None
    assert (entry.name, entry.type) == (name, kind)


@pytest.mark.parametrize("word", ["is", "us", "who", "Is", "Us", "fed", "it"])
def test_acronyms_match_only_in_capitals(word: str) -> None:
    assert gazetteer.lookup(word) is None


def test_demonyms_and_capitals_name_their_country() -> None:
    russian = gazetteer.lookup("Russian")
    assert russian is not None and russian.name == "Russia"
    assert gazetteer.is_demonym("Iraqis")
    assert not gazetteer.is_demonym("Iraq")
    for capital, country in [("Moscow", "Russia"), ("Kremlin", "Russia"),
                             ("Washington", "United States"), ("White House", "United States"),
                             ("Kyiv", "Ukraine"), ("Kiev", "Ukraine"),
                             ("Downing St", "United Kingdom")]:  # fmt: skip
        entry = gazetteer.lookup(capital)
        assert entry is not None and entry.capital_of == country


def test_every_country_is_known_once_and_every_type_is_an_actor_type() -> None:
    countries = [e.name for e in gazetteer.entries() if e.kind == gazetteer.COUNTRY]
    assert len(countries) == len(set(countries)) > 190
    assert {e.type for e in gazetteer.entries()} <= set(ACTOR_TYPES)
    for entry in gazetteer.entries():
        assert entry.capital_of is None or gazetteer.by_name(entry.capital_of) is not None


def test_no_surface_form_names_two_actors() -> None:
    owners: dict[str, set[str]] = {}
    for entry in gazetteer.entries():
        target = entry.capital_of or entry.name
        for surface in (*entry.names, *entry.demonyms):
            owners.setdefault(surface.casefold(), set()).add(target)
    clashes = {s: names for s, names in owners.items() if len(names) > 1}
    assert clashes == {}


def test_ruler_patterns_carry_the_canonical_name() -> None:
    groups = gazetteer.ruler_patterns([GROUP, ORGANISATION])
    assert {"label": "ORG", "pattern": "Daesh", "id": "Islamic State"} in groups
    assert {"label": "ORG", "pattern": "DAESH", "id": "Islamic State"} in groups
    assert not any(p["pattern"] == "Is" for p in groups)  # acronyms only as written
    assert not any(p["label"] == "NORP" for p in groups)
    places = gazetteer.ruler_patterns([gazetteer.COUNTRY, gazetteer.BLOCKED], demonyms=True)
    assert {"label": "NORP", "pattern": "Iraqi", "id": "Iraq"} in places
    assert any(p["id"] == gazetteer.BLOCKED and p["pattern"] == "Native American" for p in places)
    assert all(gazetteer.by_name(p["id"]) for p in places if p["id"] != gazetteer.BLOCKED)


def test_case_variants() -> None:
    assert gazetteer.case_variants("al-Qaeda") == ("al-Qaeda", "Al-Qaeda", "AL-QAEDA")
    assert gazetteer.case_variants("U.S.") == ("U.S.",)
    assert gazetteer.is_acronym("G7") and not gazetteer.is_acronym("Nato")


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Food and Agriculture Organisation", "Food and Agriculture Organization"),
        ("International Coffee Organisation", "International Coffee Organization"),
        ("Collective Security Treaty Organisation", "Collective Security Treaty Organization"),
        ("Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"),
    ],
)
def test_british_and_american_spellings_name_one_organisation(surface: str, name: str) -> None:
    entry = gazetteer.lookup(surface)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Russian Federation", "Russia"),  # an official name from the ISO list
        ("Republic of Angola", "Angola"),
        ("State of Palestine", "Palestine"),
        ("Bermuda", "Bermuda"),  # a territory only the packages list
        ("Cayman Islands", "Cayman Islands"),
    ],
)
def test_countries_and_territories_come_from_the_iso_list(surface: str, name: str) -> None:
    entry = gazetteer.lookup(surface)
    assert entry is not None and entry.name == name and entry.type == "place"


def test_a_name_that_ends_another_countrys_is_left_to_the_table() -> None:
    assert gazetteer.lookup("Congo") is None  # Republic or Democratic Republic: unsaid
    assert gazetteer.lookup("Guinea").name == "Guinea"  # the table's row, not Papua New Guinea


def test_the_table_keeps_what_the_packages_lack() -> None:
    russia = gazetteer.lookup("Russian")
    assert russia is not None and russia.name == "Russia"  # a demonym
    moscow = gazetteer.lookup("Moscow")
    assert moscow is not None and moscow.capital_of == "Russia"
