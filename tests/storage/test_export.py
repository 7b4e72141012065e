"""The export's reads: a chat's ready articles in id order, a page at a time, with their
actors and quotes, never another chat's, selected by publication day."""

from collections.abc import Iterator

import pytest

from storage import Archive, Incoming
from storage.export import ExportScope, ExportStore
from tests.export_samples import ARTICLES, CHAT, OTHER_CHAT, OTHER_CHAT_TITLE, fill


@pytest.fixture
def store(archive: Archive) -> Iterator[ExportStore]:
    fill(archive)
    yield ExportStore(archive.database)


def test_articles_come_in_order_with_their_actors_and_quotes(store: ExportStore) -> None:
    articles = list(store.articles(ExportScope(CHAT)))
    assert [a.title for a in articles] == [a.title for a in ARTICLES]
    assert [a.body for a in articles] == [a.body for a in ARTICLES]
    first = articles[0]
    assert [(a.name, a.type, a.mentions) for a in first.actors] == [
        ("Mirela Dunn", "person", 3),
        ("Valdoria Port Authority", "organisation", 1),
    ]
    assert [(q.speaker, q.text, q.direct) for q in first.quotes] == [
        ("Mirela Dunn", "We will not load a single ship", True),
        (None, "talks would resume", False),
    ]
    assert articles[1].actors == () and articles[1].quotes == ()
    assert [a.name for a in articles[3].actors] == ["Tomas Berg"]


def test_another_chat_never_sees_them(store: ExportStore) -> None:
    assert [a.title for a in store.articles(ExportScope(OTHER_CHAT))] == [OTHER_CHAT_TITLE]
    assert list(store.articles(ExportScope(999))) == []


@pytest.mark.parametrize("page_rows", [1, 2, 3, 100])
def test_pages_of_any_size_give_every_article_once(store: ExportStore, page_rows: int) -> None:
    titles = [a.title for a in store.articles(ExportScope(CHAT), page_rows=page_rows)]
    assert titles == [a.title for a in ARTICLES]


def test_every_query_names_the_chat_and_reads_one_page(archive: Archive) -> None:
    fill(archive)
    statements: list[str] = []
    with archive.database.utils.tracer(lambda sql, params: statements.append(sql)):
        found = list(ExportStore(archive.database).articles(ExportScope(CHAT), page_rows=2))
    assert len(found) == len(ARTICLES)
    assert statements and all("chat_id = ?" in sql for sql in statements)
    pages = [sql for sql in statements if "FROM articles" in sql]
    assert len(pages) == 3  # two full pages, then the empty one that ends the reading
    assert all("LIMIT" in sql and "id > ?" in sql for sql in pages)


def test_days_select_by_publication_then_by_archive_day(archive: Archive) -> None:
    fill(archive)
    store = ExportStore(archive.database)
    march = [a.title for a in store.articles(ExportScope(CHAT, "2024-03-04", "2024-03-10"))]
    assert march == [ARTICLES[0].title, ARTICLES[1].title]
    older = [a.title for a in store.articles(ExportScope(CHAT, until="2023-12-31"))]
    assert older == [ARTICLES[3].title]
    # The undated article counts by the day it was archived: today.
    (added,) = archive.database.query("SELECT added_at FROM articles WHERE id = 3")[0]
    today = [a.title for a in store.articles(ExportScope(CHAT, added[:10], added[:10]))]
    assert today == [ARTICLES[2].title]


def test_csv_reads_no_texts_and_waiting_articles_are_left_out(archive: Archive) -> None:
    fill(archive)
    archive.save_pending(Incoming(chat_id=CHAT, raw="https://example.org/x", kind="link"))
    articles = list(ExportStore(archive.database).articles(ExportScope(CHAT, texts=False)))
    assert len(articles) == len(ARTICLES)
    assert {a.body for a in articles} == {""}
