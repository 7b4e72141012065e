"""The watch store: watches per chat, their index keys, alerts recorded once and sent once, and
the reads of matching going through indexes, never a scan of a chat's watches or alerts."""

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Archive, NewArticle
from storage.watches import NewAlert, NewWatch, WatchStore

CHAT, OTHER = 1, 2


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = Archive.open(tmp_path / "watches.db")
    yield opened
    opened.close()


def actor_watch(actor_id: int, daily: bool = False) -> NewWatch:
    return NewWatch("actor", "Dunn", "Mirela Dunn", f"actor:{actor_id}", (f"a:{actor_id}",),
                    actor_id=actor_id, daily=daily)  # fmt: skip


def article(archive: Archive, chat: int = CHAT, title: str = "Strike at the port") -> int:
    return archive.add(chat, NewArticle(title, "Dock workers walked out.", "Ledger"))


def test_a_watch_is_stored_once_per_chat_and_set_daily_again(archive: Archive) -> None:
    store = WatchStore(archive.database)
    first, new = store.add(CHAT, actor_watch(7))
    assert new and first.target == "Mirela Dunn" and not first.daily
    again, new = store.add(CHAT, actor_watch(7, daily=True))
    assert not new and again.id == first.id and again.daily
    other, new = store.add(OTHER, actor_watch(7))
    assert new and other.id != first.id
    assert [w.id for w in store.all(CHAT)] == [first.id]
    assert store.get(OTHER, first.id) is None


def test_candidates_are_found_by_key_and_only_in_their_chat(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7))
    words, _ = store.add(CHAT, NewWatch("words", "harbour", "harbour", "words:h", ("w:harbur",)))
    assert [w.id for w in store.candidates(CHAT, ["a:7", "w:other"])] == [watch.id]
    assert [w.id for w in store.candidates(CHAT, ["w:harbur", "a:7"])] == [watch.id, words.id]
    assert store.candidates(OTHER, ["a:7", "w:harbur"]) == []
    assert store.has_words_watches(CHAT) and not store.has_words_watches(OTHER)


def test_an_alert_is_recorded_once_and_sent_once(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7))
    article_id = article(archive)
    assert store.record(CHAT, article_id, [NewAlert(watch.id, "Dunn spoke.", False)]) == 1
    assert store.record(CHAT, article_id, [NewAlert(watch.id, "Dunn spoke.", False)]) == 0
    (pending,) = store.unsent(CHAT)
    assert (pending.title, pending.watch, pending.sentence) == (
        "Strike at the port", "Mirela Dunn", "Dunn spoke.",
    )  # fmt: skip
    assert [chat for chat, _, _ in store.unsent_chats()] == [CHAT]
    assert store.unsent(OTHER) == []
    assert store.unsent_by_watch(CHAT) == ({"Mirela Dunn": 1}, pending.id)
    store.mark_sent(CHAT, pending.id)
    assert store.unsent(CHAT) == [] and store.unsent_chats() == []
    (kept,) = store.alerts(CHAT)
    assert kept.sent_at is not None
    assert store.alerts(OTHER) == []


def test_daily_alerts_are_never_sent_but_read_for_the_digest(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7, daily=True))
    article_id = article(archive)
    store.record(CHAT, article_id, [NewAlert(watch.id, "", True)])
    assert store.unsent(CHAT) == []
    (match,) = store.daily_matches(CHAT, "2000-01-01", "9999-01-01")
    assert match.article_id == article_id
    assert store.daily_matches(OTHER, "2000-01-01", "9999-01-01") == []


def test_removing_a_watch_removes_its_keys_and_alerts(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7))
    store.record(CHAT, article(archive), [NewAlert(watch.id, "", False)])
    assert store.remove(OTHER, watch.id) is None  # another chat cannot remove it
    assert store.remove(CHAT, watch.id) is not None
    assert store.candidates(CHAT, ["a:7"]) == [] and store.unsent(CHAT) == []
    assert store.remove(CHAT, watch.id) is None


def test_a_watched_name_is_joined_to_the_actor_that_appears(archive: Archive) -> None:
    store = WatchStore(archive.database)
    pending = NewWatch("actor", "Omar Haddad", "Omar Haddad", "name:omar hadad",
                       ("n:omar hadad",), name_key="omar hadad")  # fmt: skip
    watch, _ = store.add(CHAT, pending)
    store.record(CHAT, article(archive), [NewAlert(watch.id, "", False)], joined=[(watch.id, 42)])
    joined = store.get(CHAT, watch.id)
    assert joined is not None and joined.actor_id == 42 and joined.name_key is None
    assert [w.id for w in store.candidates(CHAT, ["a:42"])] == [watch.id]
    assert store.candidates(CHAT, ["n:omar hadad"]) == []


def test_alerts_of_a_forgotten_article_are_not_sent(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7))
    article_id = article(archive)
    store.record(CHAT, article_id, [NewAlert(watch.id, "", False)])
    archive.delete(CHAT, article_id)
    assert store.unsent(CHAT) == [] and store.unsent_chats() == []


def test_matching_reads_use_indexes_and_name_their_chat(archive: Archive) -> None:
    store = WatchStore(archive.database)
    for n in range(300):
        store.add(CHAT, actor_watch(n))
        store.add(OTHER, NewWatch("words", f"w{n}", f"w{n}", f"words:{n}", (f"w:w{n}",)))
    statements: list[str] = []
    conn = archive.database.utils.conn
    conn.set_trace_callback(statements.append)
    try:
        store.has_words_watches(CHAT)
        store.candidates(CHAT, ["a:5", "w:w5", "n:x"])
        store.matched_since(CHAT, "2000-01-01")
        store.unsent(CHAT)
        store.daily_matches(CHAT, "2000-01-01", "9999-01-01")
    finally:
        conn.set_trace_callback(None)
    reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "UPDATE"))]
    assert reads
    for sql in reads:
        assert "chat_id" in sql, sql
        assert scans(conn, sql) == [], sql


def scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    """Full scans of the watch tables in a statement's plan (its values as parameters)."""
    template = re.sub(r"'[^']*'|\b\d+\b", "?", sql)
    params = (None,) * template.count("?")
    plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + template, params)]
    return [s for s in plan if re.match(r"SCAN (watches|watch_keys|alerts)\b", s)]


def test_marking_sent_leaves_alerts_recorded_meanwhile(archive: Archive) -> None:
    store = WatchStore(archive.database)
    watch, _ = store.add(CHAT, actor_watch(7))
    store.record(CHAT, article(archive), [NewAlert(watch.id, "", False)])
    _, last = store.unsent_by_watch(CHAT)
    later = article(archive, title="Talks resume")
    store.record(CHAT, later, [NewAlert(watch.id, "", False)])  # while the message is sent
    store.mark_sent(CHAT, last)
    assert [a.article_id for a in store.unsent(CHAT)] == [later]
