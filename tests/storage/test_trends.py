"""The trend reads: articles naming actors per day, scoped by chat, each through an index."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Archive
from storage.actors import ActorStore
from storage.trends import TrendStore
from tests.briefing.trend_data import CHAT, OTHER_CHAT, seed
from tests.storage.test_query_plans import problems, traced


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """March 2024 of the trend data, in two chats."""
    opened = Archive.open(tmp_path / "trends.db")
    seed(opened)
    yield opened
    opened.close()


def _actor(archive: Archive, chat_id: int, name: str) -> int:
    return ActorStore(archive.database).candidates(chat_id, [name.casefold()], [])[0].id


def test_daily_counts_are_articles_per_day_within_the_days_asked(archive: Archive) -> None:
    store = TrendStore(archive.database)
    dunn, berg = _actor(archive, CHAT, "Mirela Dunn"), _actor(archive, CHAT, "Tomas Berg")
    counts = store.daily_counts(CHAT, [dunn, berg], "2024-03-19", "2024-03-26")
    assert counts[dunn] == {
        "2024-03-19": 1, "2024-03-20": 3, "2024-03-21": 3, "2024-03-22": 3,
        "2024-03-23": 3, "2024-03-24": 3, "2024-03-25": 5,
    }  # fmt: skip
    assert counts[berg] == {"2024-03-24": 2, "2024-03-25": 2}  # the 26th is after the range


def test_every_read_keeps_to_its_chat(archive: Archive) -> None:
    store = TrendStore(archive.database)
    other_dunn = _actor(archive, OTHER_CHAT, "Mirela Dunn")
    assert store.daily_counts(CHAT, [other_dunn], "2024-01-01", "2025-01-01") == {other_dunn: {}}
    assert store.actor_names(CHAT, [other_dunn]) == {}
    assert store.newest_day(CHAT) == "2024-03-30"
    assert store.newest_day(OTHER_CHAT) == "2024-04-02"
    assert store.newest_day(99) is None
    assert set(store.actor_counts(OTHER_CHAT, "2024-03-01", "2024-05-01")) == {other_dunn}


def test_actor_counts_count_each_article_once(archive: Archive) -> None:
    store = TrendStore(archive.database)
    dunn = _actor(archive, CHAT, "Mirela Dunn")
    port = _actor(archive, CHAT, "Valdoria Port Authority")
    counts = store.actor_counts(CHAT, "2024-03-24", "2024-03-31")
    assert counts[dunn] == 7 * 3 + 2
    assert counts[port] == 4  # one article on each even day: the 24th, 26th, 28th and 30th
    assert store.actor_names(CHAT, [dunn]) == {dunn: ("Mirela Dunn", "person")}


def test_reads_go_through_indexes(archive: Archive) -> None:
    store = TrendStore(archive.database)
    ids = [_actor(archive, CHAT, n) for n in ("Mirela Dunn", "Tomas Berg")]

    def reads() -> None:
        store.newest_day(CHAT)
        store.daily_counts(CHAT, ids, "2024-03-01", "2024-04-01")
        store.actor_counts(CHAT, "2024-03-24", "2024-03-31")
        store.actor_names(CHAT, ids)

    statements = traced(archive, reads)
    assert len(statements) == 4
    conn = archive.database.utils.conn
    for sql in statements:
        assert "chat_id" in sql
        assert problems(conn, sql) == [], sql
