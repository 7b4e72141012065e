"""People's roles in an article (titles and appositions), and their storing with the analysis.
The people, firms and the country of Valdoria are made up."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.analysis.actors import Actor, extract_actors
from briefing.analysis.archive import store_analysis
from briefing.analysis.nlp import parse_article
from briefing.analysis.pipeline import Analysis
from briefing.analysis.roles import Role
from storage import Archive, NewArticle
from storage.actors import ActorStore

CHAT = 1


def _roles(text: str) -> dict[str, list[Role]]:
    return {a.name: a.roles for a in extract_actors(parse_article("", text))}


def test_a_title_before_the_name_is_a_role() -> None:
    roles = _roles("Foreign Minister Olek Brandt met the envoy on Monday.")
    assert roles["Olek Brandt"] == [Role("Foreign Minister")]


def test_a_country_before_the_title_is_where_the_role_is_held() -> None:
    roles = _roles("Estonia's foreign minister Olek Brandt said the talks would go on.")
    assert roles["Olek Brandt"] == [Role("foreign minister", "Estonia")]
    roles = _roles("Estonian Defence Minister Olek Brandt said the talks would go on.")
    assert roles["Olek Brandt"] == [Role("Defence Minister", "Estonia")]


def test_an_organisation_before_the_title_is_where_the_role_is_held() -> None:
    roles = _roles("Tarsen Motors chief executive Ivo Dunn said sales fell in May.")
    assert roles["Ivo Dunn"] == [Role("chief executive", "Tarsen Motors")]


def test_an_apposition_is_a_role() -> None:
    roles = _roles("Ivo Dunn, chief executive of Tarsen Motors, said sales fell in May.")
    assert roles["Ivo Dunn"] == [Role("chief executive", "Tarsen Motors")]
    roles = _roles("Olek Brandt, Estonia's foreign minister, said the talks would go on.")
    assert roles["Olek Brandt"] == [Role("foreign minister", "Estonia")]


def test_a_word_that_is_no_role_is_not_one() -> None:
    roles = _roles("Olek Brandt, a keen sailor, met Ivo Dunn in Tallinn on Monday.")
    assert all(not found for found in roles.values()), roles


def test_roles_are_stored_with_the_actor_they_are_held_in(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "archive.db")
    try:
        article_id = archive.add(CHAT, NewArticle("Talks", "Text.", "Ledger"))
        brandt = Actor("Olek Brandt", "person", ["Olek Brandt"], 2)
        brandt.roles = [Role("foreign minister", "Estonia"), Role("Foreign Minister")]
        estonia = Actor("Estonia", "place", ["Estonia"], 1)
        store = ActorStore(archive.database)
        store_analysis(store, CHAT, article_id, Analysis([brandt, estonia], [], []))
        rows = archive.database.query(
            "SELECT a.name, r.title, r.norm, r.held_in, h.name FROM actor_roles r"
            " JOIN actors a ON a.id = r.actor_id LEFT JOIN actors h ON h.id = r.held_in_id"
            " WHERE r.chat_id = ? ORDER BY r.title",
            (CHAT,),
        )
        assert [tuple(r) for r in rows] == [
            ("Olek Brandt", "Foreign Minister", "foreign minister", None, None),
            ("Olek Brandt", "foreign minister", "foreign minister", "Estonia", "Estonia"),
        ]
        store_analysis(store, CHAT, article_id, Analysis([brandt, estonia], [], []))
        again = archive.database.query("SELECT COUNT(*) FROM actor_roles", ())
        assert again[0][0] == 2  # analysed again: replaced, not added
    finally:
        archive.close()


@pytest.fixture
def seed_text() -> Iterator[str]:
    path = Path(__file__).resolve().parents[3] / "shared" / "data" / "seed"
    files = sorted(path.glob("*.txt")) if path.is_dir() else []
    if not files:
        pytest.skip("the shared seed article is not there")
    yield files[0].read_text(encoding="utf-8")


def test_the_seed_gives_lavrov_his_title(seed_text: str) -> None:
    roles = _roles(seed_text)
    assert Role("Foreign Minister") in roles["Sergei Lavrov"]
