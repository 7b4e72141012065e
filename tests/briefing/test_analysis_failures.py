"""An article the analysis fails on is logged once, recorded, and not tried at every start."""

import logging
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from briefing.analysis import pipeline
from briefing.analysis.archive import analyse_article, analyse_unanalysed
from briefing.analysis.nlp import ModelNotInstalledError
from briefing.analysis.pipeline import Analysis, analyse_doc
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from storage import Archive
from storage.actors import ActorStore
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def _stored_unanalysed(archive: Archive, chat_id: int, text: str = OWN_ARTICLE) -> int:
    """An article stored the way an import stores it, its analysis not yet run."""
    return import_article(archive, chat_id, parse_pasted(text)).article.id


class FailingAnalysis:
    """Stands in for `briefing.analysis.pipeline.analyse_doc`, which analyses every parsed
    article (one at a time or in batches): raises `error` for articles whose text starts with
    `title` (or for all) and counts the calls it failed."""

    def __init__(self, error: Exception, title: str = "") -> None:
        self.error = error
        self.title = title
        self.calls = 0

    def __call__(self, doc: Doc, published_at: str | None) -> Analysis:
        if not doc.text.startswith(self.title):
            return analyse_doc(doc, published_at)
        self.calls += 1
        raise self.error


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> Callable[[Exception], FailingAnalysis]:
    def install(error: Exception) -> FailingAnalysis:
        fake = FailingAnalysis(error)
        monkeypatch.setattr(pipeline, "analyse_doc", fake)
        return fake

    return install


def test_a_failed_analysis_is_logged_in_one_line_and_not_retried(
    archive: Archive,
    failing: Callable[[Exception], FailingAnalysis],
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = ActorStore(archive.database)
    article_id = _stored_unanalysed(archive, 7)
    fake = failing(MemoryError("no room for this one\nand more detail"))
    caplog.set_level(logging.WARNING)

    assert analyse_unanalysed(archive, store) == 0  # the first start after the import
    assert analyse_unanalysed(archive, store) == 0  # and the next one

    assert fake.calls == 1
    assert store.unanalysed() == []
    assert store.analysis_error(7, article_id) == "MemoryError: no room for this one"
    (record,) = caplog.records
    assert record.getMessage() == (
        f"could not analyse article #{article_id} of chat 7: MemoryError: no room for this one"
    )
    assert record.exc_info is None  # a line, not a traceback


def test_a_later_analysis_clears_the_recorded_failure(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ActorStore(archive.database)
    article_id = _stored_unanalysed(archive, 7)
    monkeypatch.setattr(pipeline, "analyse_doc", FailingAnalysis(RecursionError("too deep")))
    assert analyse_article(archive, store, 7, article_id) == []
    assert store.analysis_error(7, article_id) == "RecursionError: too deep"

    monkeypatch.setattr(pipeline, "analyse_doc", analyse_doc)
    assert "Mirela Dunn" in analyse_article(archive, store, 7, article_id)
    assert store.analysis_error(7, article_id) is None


def test_a_missing_model_leaves_the_articles_for_later(
    archive: Archive,
    failing: Callable[[Exception], FailingAnalysis],
    caplog: pytest.LogCaptureFixture,
) -> None:
    store = ActorStore(archive.database)
    first = _stored_unanalysed(archive, 7)
    second = _stored_unanalysed(archive, 7, OTHER_ARTICLE)
    fake = failing(ModelNotInstalledError("No English spaCy model found"))
    caplog.set_level(logging.WARNING)
    assert analyse_unanalysed(archive, store) == 0
    assert fake.calls == 1  # the others would fail the same way: not tried
    assert store.unanalysed() == [(7, first), (7, second)]
    assert [r.levelname for r in caplog.records] == ["ERROR"]


def test_one_chats_leftovers_are_analysed_and_no_other_chats(archive: Archive) -> None:
    store = ActorStore(archive.database)
    mine = _stored_unanalysed(archive, 7)
    theirs = _stored_unanalysed(archive, 8)
    assert analyse_unanalysed(archive, store, chat_id=7) == 1
    assert store.unanalysed() == [(8, theirs)]
    assert "Mirela Dunn" in store.article_actor_names(7, [mine])[mine]
