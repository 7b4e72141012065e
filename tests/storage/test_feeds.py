"""The feed store: feeds and seen items kept per chat, due feeds found by index, state saved."""

from dataclasses import replace

from storage import Archive
from storage.feeds import FeedStore

NOW = "2024-09-02T06:00:00+00:00"
LATER = "2024-09-02T07:00:00+00:00"


def test_feeds_belong_to_their_chat(archive: Archive) -> None:
    store = FeedStore(archive.database)
    first, added_as = store.add(1, "https://a.example/rss", "A", None, NOW)
    assert added_as == "added" and (first.chat_id, first.title, first.last_status) == (1, "A", None)
    again, added_as = store.add(1, "https://a.example/rss", "ignored", None, NOW)
    assert added_as == "known" and again.id == first.id and again.title == "A"
    other, added_as = store.add(2, "https://a.example/rss", "A", None, NOW)
    assert added_as == "added" and other.id != first.id
    assert [f.id for f in store.feeds(1)] == [first.id] and store.count(2) == 1
    assert store.get(2, first.id) is None and store.remove(2, first.id) is None
    assert store.remove(1, first.id) == first
    assert store.feeds(1) == [] and store.feeds(2) == [other]


def test_due_feeds_and_saved_state(archive: Archive) -> None:
    store = FeedStore(archive.database)
    soon, _ = store.add(1, "https://a.example/rss", "A", None, NOW)
    late, _ = store.add(2, "https://b.example/rss", "B", None, LATER)
    assert store.due(NOW) == [soon]
    assert [f.id for f in store.due(LATER)] == [soon.id, late.id]
    assert store.due(LATER, chat_id=2) == [late]
    failed = replace(soon, failures=3, last_status="failed", last_error="503", paused=True,
                     failure_told=True, etag='"x"', next_poll_at=NOW)  # fmt: skip
    store.save(failed)
    assert store.get(1, soon.id) == failed
    assert store.due(LATER) == [late]  # a paused feed is never due
    resumed, added_as = store.add(1, "https://a.example/rss", "A", None, LATER)
    assert added_as == "resumed" and not resumed.paused and resumed.failures == 0
    assert resumed.etag == '"x"'  # its validators are kept


def test_items_are_remembered_per_feed(archive: Archive) -> None:
    store = FeedStore(archive.database)
    feed, _ = store.add(1, "https://a.example/rss", "A", None, NOW)
    other, _ = store.add(2, "https://a.example/rss", "A", None, NOW)
    guids = [f"g{n}" for n in range(1200)]  # more than one read's worth
    store.remember(1, feed.id, "g3", 10)
    store.remember(1, feed.id, "g1100", None)
    assert store.unseen(1, feed.id, guids) == [g for g in guids if g not in {"g3", "g1100"}]
    assert store.unseen(2, other.id, ["g3"]) == ["g3"]
    store.remember(1, feed.id, "g3", None)  # seen again: the article is not forgotten
    rows = archive.database.query("SELECT article_id FROM feed_items WHERE guid = 'g3'")
    assert rows == [(10,)]
    store.remove(1, feed.id)
    assert archive.database.query("SELECT count(*) FROM feed_items WHERE chat_id = 1") == [(0,)]


def test_queries_name_the_chat_and_due_uses_its_index(archive: Archive) -> None:
    statements: list[str] = []
    archive.database.utils.conn.set_trace_callback(statements.append)
    store = FeedStore(archive.database)
    feed, _ = store.add(1, "https://a.example/rss", "A", None, NOW)
    store.feeds(1), store.get(1, feed.id), store.unseen(1, feed.id, ["x"])
    store.remember(1, feed.id, "x", None), store.save(feed), store.remove(1, feed.id)
    archive.database.utils.conn.set_trace_callback(None)
    touching = [s for s in statements if "feed" in s and not s.startswith(("BEGIN", "COMMIT"))]
    assert touching and all("chat_id" in s for s in touching)
    plan = archive.database.query(
        "EXPLAIN QUERY PLAN SELECT id FROM feeds WHERE paused = 0 AND next_poll_at <= ?", (NOW,)
    )
    assert "feeds_due" in " ".join(str(row[-1]) for row in plan)
