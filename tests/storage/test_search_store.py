"""The search store: every read names its chat; the global vocabulary is confirmed per chat."""

from datetime import UTC, datetime

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from storage import Archive, Filters
from storage.questions import QUESTIONS_KEPT
from storage.search import SearchStore
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def test_vocabulary_is_every_chats_but_words_are_confirmed_in_one(archive: Archive) -> None:
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    import_article(archive, 2, parse_pasted(OTHER_ARTICLE))
    store = SearchStore(archive.database)
    terms = set(store.terms().terms)
    assert {"dunn", "glacier"} <= terms  # porter stems, all chats
    assert store.surface_words(1, "dunn") == ["dunn"]
    assert store.surface_words(1, "glacier") == []  # chat 2's word
    assert "glaciers" in store.surface_words(2, "glacier")


def test_vocabulary_is_reread_after_a_change(archive: Archive) -> None:
    store = SearchStore(archive.database)
    assert store.terms().terms == []
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    assert store.terms().terms


def test_counts_and_candidates_stay_in_their_chat(archive: Archive) -> None:
    own = import_article(archive, 1, parse_pasted(OWN_ARTICLE)).article
    import_article(archive, 2, parse_pasted(OWN_ARTICLE.replace("Dunn", "Dunn Dunn")))
    store = SearchStore(archive.database)
    assert store.count_matching(1, '"dunn"') == 1
    assert store.count_matching(3, '"dunn"') == 0
    assert [h.article_id for h in store.text_hits(1, '"dunn"', Filters(), 10)] == [own.id]
    assert set(store.articles(1, [own.id, own.id + 1])) == {own.id}
    assert store.stories(2, [own.id]) == {}


def test_filters_on_days_and_sources(archive: Archive) -> None:
    own = import_article(archive, 1, parse_pasted(OWN_ARTICLE)).article  # 2024-03-03
    store = SearchStore(archive.database)

    def hits(filters: Filters) -> list[int]:
        return [h.article_id for h in store.text_hits(1, '"dunn"', filters, 10)]

    assert hits(Filters("2024-03-03", "2024-03-04")) == [own.id]
    assert hits(Filters(until="2024-03-03")) == []
    assert hits(Filters(sources=("The Coastal Courier",))) == [own.id]
    assert hits(Filters(sources=("Elsewhere",))) == []
    assert [row[0] for row in store.recent(1, Filters(since="2024-01-01"), 5)] == [own.id]


def test_questions_are_kept_per_chat(archive: Archive) -> None:
    store = SearchStore(archive.database)
    asked = datetime(2024, 3, 5, 9, 30, tzinfo=UTC)
    first = store.save_question(7, "Dunn strike", asked)
    assert store.question(7, first) == ("Dunn strike", asked)
    assert store.question(8, first) is None  # another chat cannot read it
    for n in range(QUESTIONS_KEPT):
        store.save_question(7, f"q{n}", asked)
    store.save_question(8, "elsewhere", asked)
    assert store.question(7, first) is None  # only the latest are kept
    rows = archive.database.query("SELECT COUNT(*) FROM questions WHERE chat_id = 7")
    assert rows[0][0] == QUESTIONS_KEPT
