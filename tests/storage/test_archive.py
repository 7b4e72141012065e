"""The archive on fresh databases: schema, chat scoping, FTS sync, durability."""

import sqlite3
from pathlib import Path

from storage import Archive, Filters, Incoming, NewArticle
from storage.schema import MIGRATIONS
from storage.search import SearchStore


def _article(title: str, body: str, **extra: str) -> NewArticle:
    return NewArticle(title=title, body=body, **extra)


def _found(archive: Archive, chat_id: int, match: str) -> list[int]:
    """Ids of the chat's articles matching a full-text expression, best bm25 first."""
    hits = SearchStore(archive.database).text_hits(chat_id, match, Filters(), 10)
    return [hit.article_id for hit in hits]


def test_migrations_apply_once_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    Archive.open(path).close()
    Archive.open(path).close()
    conn = sqlite3.connect(path)
    names = [row[0] for row in conn.execute("SELECT name FROM migrations")]
    assert names == [name for name, _ in MIGRATIONS]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reads_and_writes_are_scoped_to_one_chat(archive: Archive) -> None:
    mine = archive.add(1, _article("Harbour strike", "Dock workers walked out."))
    archive.add(2, _article("Harbour strike elsewhere", "Dock workers walked out too."))
    assert archive.get(1, mine) is not None
    assert archive.get(2, mine) is None
    assert not archive.delete(2, mine)
    assert archive.get(1, mine) is not None
    assert _found(archive, 1, '"dock"') == [mine]
    assert [a.id for a in archive.recent(1)] == [mine]
    assert archive.stats(1).ready == 1
    assert archive.find_by_url(2, "https://x.example/a") is None


def test_fts_follows_updates_and_deletes(archive: Archive) -> None:
    pending = archive.save_pending(Incoming(7, "raw text about glaciers", message_id=42))
    assert _found(archive, 7, '"glaciers"') == []  # pending rows are not answers yet
    archive.complete(7, pending, _article("Glacier survey", "Glaciers retreat faster."))
    assert _found(archive, 7, '"glacier"') == [pending]  # porter stemming: glacier ~ glaciers
    assert archive.get(7, pending).message_id == 42  # type: ignore[union-attr]
    assert archive.delete(7, pending)
    assert _found(archive, 7, '"glacier"') == []


def test_title_outweighs_body(archive: Archive) -> None:
    in_body = archive.add(1, _article("Port news", "The ferry and the ferry schedule and more."))
    in_title = archive.add(1, _article("Ferry returns", "Service resumes on the island route."))
    assert _found(archive, 1, '"ferry"') == [in_title, in_body]


def test_pending_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    first = Archive.open(path)
    sent = Incoming(3, "look", kind="link", url="https://x.example/a", message_id=9)
    article_id = first.save_pending(sent)
    first.set_ack(3, article_id, 77)
    first.close()
    second = Archive.open(path)
    (pending,) = second.pending()
    assert (pending.article_id, pending.incoming, pending.ack_message_id) == (article_id, sent, 77)
    second.fail(3, article_id, "the site answered 403 Forbidden", canonical_url="https://x/a")
    assert second.pending() == []
    stored = second.get(3, article_id)
    assert stored is not None and stored.status == "failed"
    assert stored.reason == "the site answered 403 Forbidden"
    assert stored.url == "https://x.example/a"
    assert second.requeue(4, article_id) is None  # another chat cannot touch it
    again = second.requeue(3, article_id)
    assert again is not None and again.incoming == sent and again.attempts == 1
    second.close()


def test_duplicates_by_hash_or_canonical_url(archive: Archive) -> None:
    first = archive.add(1, _article("A", "b", content_hash="h1", canonical_url="https://x/a"))
    later = archive.add(1, _article("B", "c", content_hash="h2"))
    assert archive.find_by_hash(1, "h1").id == first  # type: ignore[union-attr]
    assert archive.find_by_hash(1, "h1", exclude_id=first) is None  # only earlier rows count
    assert archive.find_by_url(1, "https://x/a", exclude_id=later).id == first  # type: ignore[union-attr]
    assert archive.find_by_url(1, "https://x/b") is None
    assert archive.find_by_hash(2, "h1") is None


def test_story_candidates_share_keys_and_are_near_in_time(archive: Archive) -> None:
    keys = ("t:varno", "t:ruiz", "h:1")
    near = archive.add(
        1, NewArticle("A", "x", published_at="2024-03-02", signature="{}", story_keys=keys)
    )
    archive.add(1, NewArticle("B", "y", published_at="2024-02-01", signature="{}", story_keys=keys))
    archive.add(
        1, NewArticle("C", "z", published_at="2024-03-03", signature="{}", story_keys=keys[:1])
    )
    found = archive.story_candidates(
        1, ("t:varno", "h:1", "t:other"), "2024-03-04", 3, min_shared=2
    )
    assert [c.id for c in found] == [near]
    assert archive.story_candidates(2, keys, "2024-03-04", 3) == []
    assert archive.delete(1, near)
    assert archive.story_candidates(1, keys, "2024-03-04", 3, min_shared=2) == []


def test_stats_counts(archive: Archive) -> None:
    archive.add(1, _article("A", "x", source="Courier"))
    archive.add(1, _article("B", "y", source="Courier"))
    archive.add(1, _article("C", "z", source="Gazette"))
    archive.save_pending(Incoming(1, "raw"))
    stats = archive.stats(1)
    assert (stats.total, stats.ready, stats.pending, stats.sources) == (4, 3, 1, 2)
    assert archive.stats(99).total == 0
