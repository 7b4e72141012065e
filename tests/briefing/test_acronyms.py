"""Acronyms join the names they spell within an article; the companies and bodies are made up."""

import pytest

from briefing.analysis.acronyms import is_acronym, spells
from briefing.analysis.actors import Actor, extract_actors
from briefing.analysis.nlp import parse_article


def _actors(text: str) -> dict[str, Actor]:
    return {actor.name: actor for actor in extract_actors(parse_article("", text))}


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("AMD", "Advanced Micro Devices"),
        ("KDS", "Kellmark Data Systems Inc."),  # a company suffix may be left out
        ("NATO", "North Atlantic Treaty Organisation"),
        ("DTI", "Department of Trade and Industry"),  # "of" and "and" left out
        ("MoD", "Ministry of Defence"),  # ... or kept as one small letter
        ("TfL", "Transport for London"),
        ("PG&E", "Pacific Gas and Electric"),  # "&" for "and"
        ("OECD", "Organisation for Economic Co-operation and Development"),  # hyphenated word
        ("Comex", "Commodity Exchange"),  # pieces of several letters
        ("U.N.", "United Nations"),
    ],
)
def test_an_acronym_spells_its_name(acronym: str, name: str) -> None:
    assert spells(acronym, name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("NUT", "Velmont Union of Teachers"),  # initials VUT
        ("BA", "Barclays Bank"),  # "Ba" would be two letters of one word, "Bank" gives none
        ("XRQ", "Tarsen Trade Council"),
        ("AM", "Advanced Micro Devices"),  # "Devices" gives nothing
        ("KDS", "Kellmark Systems"),  # no word gives the D
        ("FeX", "Federal Express"),  # "Express" does not start with X
    ],
)
def test_an_acronym_does_not_spell_another_name(acronym: str, name: str) -> None:
    assert not spells(acronym, name)


def test_what_is_written_like_an_acronym() -> None:
    assert all(is_acronym(w) for w in ("AMD", "U.N.", "BoE", "PG&E", "TfL"))
    assert not any(is_acronym(w) for w in ("Nato", "Intel", "McDonald", "A", "Tarsen Motors"))


def test_a_bracketed_acronym_joins_the_name_before_it() -> None:
    actors = _actors(
        "Kellmark Data Systems (KDS) said on Monday it would cut 300 jobs. KDS shares fell 4%."
    )
    kds = actors["Kellmark Data Systems"]
    assert set(kds.aliases) == {"Kellmark Data Systems", "KDS"}
    assert kds.type == "organisation" and "KDS" not in actors


def test_an_acronym_later_in_the_article_joins_the_name_it_spells() -> None:
    actors = _actors(
        "Halvard Mining Corporation said on Friday output rose in March. Analysts said HMC"
        " had beaten its own forecast."
    )
    assert set(actors["Halvard Mining Corporation"].aliases) == {
        "Halvard Mining Corporation",
        "HMC",
    }
    assert "HMC" not in actors


def test_an_acronym_before_its_name_in_brackets_takes_the_long_name() -> None:
    actors = _actors("KDS (Kellmark Data Systems) said on Monday it would cut 300 jobs.")
    assert set(actors["Kellmark Data Systems"].aliases) == {"KDS", "Kellmark Data Systems"}
    assert "KDS" not in actors


def test_small_words_and_mixed_case_acronyms_join() -> None:
    actors = _actors(
        "The Ministry of Transport of Pellow (MoTP) said the bridge would reopen. An MoTP"
        " engineer said the repairs cost 2m."
    )
    ministry = actors["Ministry of Transport of Pellow"]
    assert "MoTP" in ministry.aliases and "MoTP" not in actors


def test_an_acronym_with_other_initials_does_not_join() -> None:
    actors = _actors(
        "The Velmont Union of Teachers said on Monday the strike would go on. Leaders of the"
        " NUT said talks had failed. The Tarsen Trade Council (XRQ) said exports fell."
    )
    assert "NUT" not in actors["Velmont Union of Teachers"].aliases
    assert "XRQ" not in actors["Tarsen Trade Council"].aliases


def test_a_name_called_by_its_acronym_joins_whatever_the_letters() -> None:
    actors = _actors(
        "The International Fencing Union, known as FIU, said it would review the bout."
        " FIU officials met on Sunday."
    )
    assert "FIU" in actors["International Fencing Union"].aliases
