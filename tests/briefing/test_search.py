"""Keyword search: safe FTS expressions, AND before OR, bm25 order."""

from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.answer import Answer, ask
from briefing.questions.ranking import Searcher
from briefing.questions.snippets import plain_snippet, snippet_parts
from briefing.questions.understanding import match_all
from storage import Archive
from storage.filters import Filters
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE

NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def search(archive: Archive, chat_id: int, query: str) -> Answer:
    """The articles answering a question, as a chat asks it."""
    return ask(Searcher(archive), chat_id, query, NOW, intent="articles")


def test_operators_are_quoted() -> None:
    assert match_all(["a", 'b"c', "NEAR"]) == '"a" "b""c" "NEAR"'


def test_all_words_rank_before_some(archive: Archive) -> None:
    own = import_article(archive, 1, parse_pasted(OWN_ARTICLE)).article.id
    other = import_article(archive, 1, parse_pasted(OTHER_ARTICLE)).article.id
    result = search(archive, 1, "Dunn glaciers")
    assert {hit.article.id for hit in result.articles} == {own, other}
    result = search(archive, 1, "union Dunn strike")
    assert [hit.article.id for hit in result.articles] == [own]
    assert "Dunn" in plain_snippet(result.articles[0].sentence)
    assert any(matched for _, matched in snippet_parts(result.articles[0].sentence))


def test_other_chats_are_not_searched(archive: Archive) -> None:
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    assert search(archive, 2, "Dunn").articles == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_query_is_safe(query: str) -> None:
    archive = Archive.open(":memory:")
    try:
        import_article(archive, 1, parse_pasted(OWN_ARTICLE))
        result = search(archive, 1, query)
        assert len(result.articles) <= 5
    finally:
        archive.close()


def test_fts_syntax_in_queries_is_plain_text(archive: Archive) -> None:
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    for query in ['Dunn"', "Dunn AND", "NOT Dunn", "Dunn*", "(Dunn", "NEAR(Dunn port)", "^Dunn"]:
        assert len(search(archive, 1, query).articles) == 1, query


def test_a_nul_character_in_a_term_ends_no_fts_string(archive: Archive) -> None:
    # found by the hostile e2e fuzzing: a NUL inside a quoted FTS5 term made SQLite raise
    # "unterminated string"; the index's tokenizer reads it as a break between words
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    store = Searcher(archive).store
    assert len(store.text_hits(1, match_all(["Dunn\x00port"]), Filters(), 5)) <= 1
    assert match_all(["a\x00b"]) == '"a b"'
