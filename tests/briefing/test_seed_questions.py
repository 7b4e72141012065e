"""Questions about the seed article (../shared/data/seed): the answers the design promises."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.analysis.archive import analyse_article
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from briefing.questions.snippets import plain_snippet, snippet_parts
from storage import Archive
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
