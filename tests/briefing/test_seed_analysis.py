"""What must come out of the seed article (issue 4), read from ../shared/data/seed."""

from pathlib import Path

import pytest

from briefing.analysis.pipeline import Analysis, analyse
from briefing.ingest.article import parse_pasted

SEED = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "seed"
    / "moscow-times-2015-04-22.txt"
)

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/data/seed is not present")


@pytest.fixture(scope="module")
def seed() -> Analysis:
    article = parse_pasted(SEED.read_text(encoding="utf-8"))
    return analyse(article.title, article.body, article.published_at)


def test_seed_actors(seed: Analysis) -> None:
    actors = {actor.name: actor for actor in seed.actors}
    assert actors["Sergei Lavrov"].type == "person"
    assert "Lavrov" in actors["Sergei Lavrov"].aliases
    assert actors["Islamic State"].type == "group"
    assert "IS" in actors["Islamic State"].aliases
    for name in ("Russia", "Iraq", "Syria", "Ukraine", "United States", "North Caucasus"):
        assert actors[name].type == "place", name
    for name in ("Bashar al-Assad", "Vladimir Putin", "Nadezhda Savchenko"):
        assert actors[name].type == "person", name
    assert {"U.S.", "Washington"} <= set(actors["United States"].aliases)
    assert "Moscow" in actors["Russia"].aliases or "Moscow" in actors
    assert not any(name.endswith(" Says") for name in actors)


def test_seed_direct_quotes_by_lavrov(seed: Analysis) -> None:
    direct = [q for q in seed.quotes if q.direct]
    # The quote is matched by its first words and one later word, not copied whole.
    enemy = next(q for q in direct if q.text.startswith("Islamic State is") and "enemy" in q.text)
    assert enemy.speaker == "Sergei Lavrov"  # through "he said"
    helping = next(q for q in direct if q.text.startswith("We are helping both Iraq and Syria"))
    assert helping.speaker == "Sergei Lavrov"
    assert helping.text.endswith("security forces")  # across the paragraph break


def test_seed_events(seed: Analysis) -> None:
    arming = next(e for e in seed.events if (e.subject, e.action) == ("Russia", "arm"))
    assert set(arming.objects) >= {"Iraq", "Syria"}
    assert arming.date == "2015-04-22"
    # "a deal reached on Feb. 12": the date is the deal's, not that of Savchenko's release.
    deal = [e for e in seed.events if "Feb. 12" in e.sentence]
    assert deal
    assert not any(e.date == "2015-02-12" for e in deal)


def test_seed_lavrov_said_wednesday(seed: Analysis) -> None:
    # "..., Foreign Minister Sergei Lavrov said Wednesday": an event of Lavrov, on the
    # Wednesday the article was published; once only, although the sentence has two clauses.
    said = [e for e in seed.events if e.subject == "Sergei Lavrov"]
    assert [(e.action, e.date) for e in said] == [("said", "2015-04-22")]
    assert said[0].sentence.startswith("Russia is arming Iraq and Syria")
