"""Questions about the seed article (../shared/data/seed): the answers the design promises."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.analysis.archive import analyse_article
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.answer import ask
from briefing.questions.profiles import find_actors
from briefing.questions.ranking import Searcher
from briefing.questions.sayings import actor_timeline
from briefing.questions.snippets import plain_snippet, snippet_parts
from storage import ActorRecord, Archive
from storage.actors import ActorStore
from tests.conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/data/seed is not present")

NOW = datetime(2015, 4, 25, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    archive = Archive.open(Path(tmp_path_factory.mktemp("seed")) / "seed.db")
    article = import_article(archive, 1, parse_pasted(SEED.read_text(encoding="utf-8"))).article
    analyse_article(archive, ActorStore(archive.database), 1, article.id)
    yield Searcher(archive)
    archive.close()


def test_what_lavrov_said_about_islamic_state_despite_the_typo(searcher: Searcher) -> None:
    answer = ask(searcher, 1, "what did Lavrof say about Islamic State", NOW)
    assert answer.kind == "quotes"
    assert [(c.typed, c.searched) for c in answer.plan.corrections] == [("Lavrof", "Lavrov")]
    first = answer.quotes[0]
    assert first.quote.speaker == "Sergei Lavrov"
    # Matched by its opening words and one later word, not copied from the corpus whole.
    assert first.quote.text.startswith("Islamic State is") and "enemy" in first.quote.text
    assert first.quote.direct
    assert {"Islamic", "State"} <= {t for t, marked in snippet_parts(first.text) if marked}


def test_who_is_arming_iraq(searcher: Searcher) -> None:
    answer = ask(searcher, 1, "who is arming Iraq", NOW)
    (item,) = answer.articles
    assert item.article.title.startswith("Russia Arming Iraq and Syria")
    assert plain_snippet(item.sentence).startswith("Russia is arming Iraq and Syria")
    assert {"arming", "Iraq"} <= {t for t, marked in snippet_parts(item.sentence) if marked}


@pytest.mark.parametrize("typed", ["Lavrov", "lavrov", "Lavrof", "Sergey Lavrov"])
def test_lavrov_however_typed(searcher: Searcher, typed: str) -> None:
    answer = ask(searcher, 1, typed, NOW)
    assert answer.header is not None and answer.header.name == "Sergei Lavrov"
    assert len(answer.articles) == 1


def _lavrov(searcher: Searcher) -> ActorRecord:
    (match,) = find_actors(searcher.actors, 1, "Sergei Lavrov", limit=1)
    return match.actor


def test_lavrovs_timeline_has_his_wednesday(searcher: Searcher) -> None:
    events, more = actor_timeline(searcher, 1, _lavrov(searcher), 0)
    said = [e for e in events if e.subject == "Sergei Lavrov"]
    assert [(e.action, e.date) for e in said] == [("said", "2015-04-22")]
    assert said[0].sentence.startswith("Russia is arming Iraq and Syria")
    assert not more


def test_what_lavrov_did_is_asked_as_the_timeline_finds_it(searcher: Searcher) -> None:
    answer = ask(searcher, 1, "what happened with Lavrov", NOW)
    assert answer.kind == "events"
    assert ("Sergei Lavrov", "2015-04-22") in {
        (i.event.subject, i.event.date) for i in answer.events
    }


def test_an_events_answer_shows_each_sentence_once(searcher: Searcher) -> None:
    answer = ask(searcher, 1, "what happened in April 2015", NOW, limit=50)
    assert answer.kind == "events" and answer.events
    sentences = [(i.event.article_id, i.event.sentence) for i in answer.events]
    assert len(sentences) == len(set(sentences))
    # The seed has sentences with two clauses of one subject ("Russia has criticized ... and
    # encouraged ...") and with two subjects ("Moscow faces ... and Putin has warned ...").
    assert any("; " in i.event.action for i in answer.events)


def test_the_timeline_shows_each_sentence_once(searcher: Searcher) -> None:
    (russia,) = find_actors(searcher.actors, 1, "Russia", limit=1)
    events, _ = actor_timeline(searcher, 1, russia.actor, 0, size=50)
    assert len({e.sentence for e in events}) == len(events) > 1


@pytest.mark.parametrize("typed", ["Russia's foreign minister", "the foreign minister"])
def test_the_foreign_minister_is_lavrov(searcher: Searcher, typed: str) -> None:
    held = searcher.store.role_holders(1, ["foreign minister"])
    if not held:
        pytest.skip("the analysis stored no foreign minister for the seed")
    answer = ask(searcher, 1, typed, NOW)
    assert [g.label for g in answer.plan.actors] == ["Sergei Lavrov"]
    assert answer.header is not None and answer.header.name == "Sergei Lavrov"
