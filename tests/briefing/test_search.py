"""Keyword search: safe FTS expressions, AND before OR, bm25 order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.snippets import match_all, plain_snippet, query_terms, search, snippet_parts
from storage import Archive
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def test_terms_drop_question_words() -> None:
    assert query_terms("What did Dunn say about the port?") == ["dunn", "port"]
    assert query_terms("the") == ["the"]


def test_operators_are_quoted() -> None:
    assert match_all(["a", 'b"c', "NEAR"]) == '"a" "b""c" "NEAR"'


def test_all_words_rank_before_some(archive: Archive) -> None:
    own = import_article(archive, 1, parse_pasted(OWN_ARTICLE)).article.id
    other = import_article(archive, 1, parse_pasted(OTHER_ARTICLE)).article.id
    result = search(archive, 1, "Dunn glaciers")
    assert {hit.article.id for hit in result.hits} == {own, other}
    result = search(archive, 1, "union Dunn strike")
    assert [hit.article.id for hit in result.hits] == [own]
    assert "Dunn" in plain_snippet(result.hits[0].snippet)
    assert any(matched for _, matched in snippet_parts(result.hits[0].snippet))


def test_other_chats_are_not_searched(archive: Archive) -> None:
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    assert search(archive, 2, "Dunn").hits == ()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_query_is_safe(query: str) -> None:
    archive = Archive.open(":memory:")
    try:
        import_article(archive, 1, parse_pasted(OWN_ARTICLE))
        result = search(archive, 1, query)
        assert len(result.hits) <= 5
    finally:
        archive.close()


def test_fts_syntax_in_queries_is_plain_text(archive: Archive) -> None:
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    for query in ['Dunn"', "Dunn AND", "NOT Dunn", "Dunn*", "(Dunn", "NEAR(Dunn port)", "^Dunn"]:
        assert len(search(archive, 1, query).hits) == 1, query
