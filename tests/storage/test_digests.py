"""Digest state and window reads on fresh databases: marks, pauses, half-open windows, scoping."""

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlite_utils

import storage.clock
from storage import Archive, Incoming, NewArticle
from storage.digests import DigestStore, iso
from storage.schema import MIGRATIONS

T0 = datetime(2024, 3, 4, 8, 0, tzinfo=UTC)


class Clock:
    """A settable clock, also used as the archive's `added_at`."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, moment: datetime) -> "Clock":
        self.now = moment
        return self


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(T0)
    monkeypatch.setattr(storage.clock, "now", lambda: iso(clock()))
    return clock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DigestStore]:
    archive = Archive.open(tmp_path / "d.db")
    yield DigestStore(archive.database)
    archive.close()


def _archive(store: DigestStore) -> Archive:
    return Archive(store.database)


def test_subscribe_is_stored_and_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    archive = Archive.open(path)
    DigestStore(archive.database).subscribe(5, "07:30", "Europe/Berlin", T0)
    archive.close()
    archive = Archive.open(path)
    sub = DigestStore(archive.database).get(5)
    archive.close()
    assert sub is not None
    assert (sub.at, sub.zone, sub.active, sub.paused, sub.subscribed_at) == (
        "07:30", "Europe/Berlin", True, False, T0,
    )  # fmt: skip
    assert sub.delivered_until is None and sub.last_sent_at is None


def test_resubscribe_unpauses_and_keeps_the_marks(store: DigestStore) -> None:
    store.subscribe(5, "08:00", "UTC", T0)
    store.mark_delivered(5, T0 + timedelta(hours=1), T0 + timedelta(hours=1))
    store.pause(5, "forbidden: bot was blocked by the user")
    paused = store.get(5)
    assert paused is not None and paused.paused and not paused.scheduled
    assert "blocked" in (paused.paused_reason or "")
    assert store.scheduled() == []
    again = store.subscribe(5, "06:15", "Asia/Tokyo", T0 + timedelta(days=1))
    assert again.scheduled and again.paused_reason is None
    assert (again.at, again.zone) == ("06:15", "Asia/Tokyo")
    assert again.delivered_until == T0 + timedelta(hours=1)


def test_unsubscribe_keeps_the_row_and_its_mark(store: DigestStore) -> None:
    assert not store.unsubscribe(5)
    store.subscribe(5, "08:00", "UTC", T0)
    store.mark_delivered(5, T0, T0)
    assert store.unsubscribe(5)
    assert not store.unsubscribe(5)
    sub = store.get(5)
    assert sub is not None and not sub.active and sub.delivered_until == T0
    assert store.scheduled() == []


def test_marks_only_move_forward_and_need_no_subscription(store: DigestStore) -> None:
    later, earlier = T0 + timedelta(days=1), T0
    store.mark_delivered(9, later, later, default_zone="Europe/Paris")
    store.mark_delivered(9, earlier, earlier)
    sub = store.get(9)
    assert sub is not None
    assert sub.delivered_until == later and sub.last_sent_at == later
    assert not sub.active and sub.zone == "Europe/Paris"


def test_scheduled_lists_active_unpaused_chats_in_order(store: DigestStore) -> None:
    for chat in (3, 1, 2, 4):
        store.subscribe(chat, "08:00", "UTC", T0)
    store.pause(2, "chat not found")
    store.unsubscribe(4)
    assert [s.chat_id for s in store.scheduled()] == [1, 3]


def test_window_is_half_open_ready_only_and_per_chat(store: DigestStore, clock: Clock) -> None:
    archive = _archive(store)
    ids = []
    for minutes in (0, 30, 60):
        clock.at(T0 + timedelta(minutes=minutes))
        ids.append(archive.add(1, NewArticle(title=f"A{minutes}", body="Text.", source="Wire")))
    archive.add(2, NewArticle(title="Other chat", body="Text."))
    clock.at(T0 + timedelta(minutes=45))
    archive.save_pending(Incoming(1, "raw"))
    window = store.window(1, T0, T0 + timedelta(minutes=60))
    assert [a.id for a in window] == ids[:2]  # the end is excluded, pending rows are not read
    assert [a.title for a in store.window(1, T0 + timedelta(minutes=60), T0 + timedelta(days=1))]\
        == ["A60"]  # fmt: skip
    assert store.window(3, T0, T0 + timedelta(days=1)) == []
    assert window[0].source == "Wire" and window[0].added_at == iso(T0)


def test_oldest_pending_in_window(store: DigestStore, clock: Clock) -> None:
    archive = _archive(store)
    assert store.oldest_pending(1, T0, T0 + timedelta(hours=1)) is None
    clock.at(T0 + timedelta(minutes=20))
    first = archive.save_pending(Incoming(1, "a link", kind="link", url="https://x.example/1"))
    clock.at(T0 + timedelta(minutes=40))
    archive.save_pending(Incoming(1, "another"))
    archive.save_pending(Incoming(2, "not this chat"))
    assert store.oldest_pending(1, T0, T0 + timedelta(hours=1)) == T0 + timedelta(minutes=20)
    archive.complete(1, first, NewArticle(title="Read", body="Body."))
    assert store.oldest_pending(1, T0, T0 + timedelta(hours=1)) == T0 + timedelta(minutes=40)


def test_times_must_be_aware() -> None:
    with pytest.raises(ValueError):
        iso(datetime(2024, 1, 1))
    assert iso(datetime(2024, 1, 1, 9, 30, 15, 999, tzinfo=UTC)) == "2024-01-01T09:30:15+00:00"


# --- bulk imports in a window ---------------------------------------------------------------


def _import(archive: Archive, chat_id: int, title: str, published: str | None) -> int:
    article = NewArticle(title=title, body=f"{title} text.", published_at=published, imported=True)
    return archive.add(chat_id, article)


def test_old_imports_are_counted_not_listed(store: DigestStore, clock: Clock) -> None:
    archive = _archive(store)
    clock.at(T0 + timedelta(hours=1))
    own = archive.add(1, NewArticle(title="Own", body="Pasted.", published_at="1987-04-07"))
    old = [
        _import(archive, 1, "Old", "1987-04-07"),
        _import(archive, 1, "Undated", None),
        _import(archive, 1, "Day before", "2024-03-03T23:59"),
    ]
    recent = [
        _import(archive, 1, "Same day", "2024-03-04"),  # the window starts at 08:00 that day
        _import(archive, 1, "Within", "2024-03-04T10:00"),
        _import(archive, 1, "Ahead", "2024-03-09"),
    ]
    _import(archive, 2, "Other chat", "1987-04-07")
    since, until = T0, T0 + timedelta(days=1)
    window = store.window(1, since, until)
    assert sorted(a.id for a in window) == sorted([own, *recent])
    assert store.older_imported(1, since, until) == len(old)
    assert store.older_imported(2, since, until) == 1
    assert store.older_imported(1, until, until + timedelta(days=1)) == 0  # counted once
    # The window day moves with the window: a day later "Day before" is two days old.
    later = T0 + timedelta(days=1)
    clock.at(later + timedelta(hours=1))
    _import(archive, 1, "Yesterday", "2024-03-04T09:00")
    assert store.window(1, later, later + timedelta(days=1)) == []
    assert store.older_imported(1, later, later + timedelta(days=1)) == 1


def test_the_window_is_read_without_texts(store: DigestStore, clock: Clock) -> None:
    archive = _archive(store)
    first = archive.add(1, NewArticle(title="A", body="Ünïcode text."))
    second = archive.add(1, NewArticle(title="B", body=""))
    other = archive.add(2, NewArticle(title="C", body="Not yours."))
    window = store.window(1, T0, T0 + timedelta(hours=1))
    assert [(a.body, a.length, a.text_length) for a in window] == [("", 13, 13), ("", 0, 0)]
    assert store.bodies(1, [first, second, other]) == {first: "Ünïcode text.", second: ""}
    assert store.bodies(1, []) == {}


def test_the_migration_marks_what_an_earlier_import_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = sqlite_utils.Database(conn)
    db.table("migrations").create({"name": str, "applied_at": str}, pk="name")
    for name, migrate in [m for m in MIGRATIONS if m[0] < "0010_imported"]:  # the schema before
        migrate(db)
        db.table("migrations").insert({"name": name, "applied_at": iso(T0)})
    now = datetime.now(UTC).replace(microsecond=0)
    rows = [("pasted text", now), (None, now), (None, now - timedelta(days=30))]
    for raw, added in rows:  # the chat's message, a bulk import's article, an old one
        conn.execute(
            "INSERT INTO articles (chat_id, title, body, raw, status, added_at)"
            " VALUES (1, 'T', 'B', ?, 'ready', ?)",
            (raw, iso(added)),
        )
    conn.commit()
    conn.close()
    archive = Archive.open(path)
    store = DigestStore(archive.database)
    since, until = now - timedelta(hours=1), now + timedelta(hours=1)
    assert [a.id for a in store.window(1, since, until)] == [1]
    assert store.older_imported(1, since, until) == 1
    month = now - timedelta(days=31)  # too old for any digest's window: left as it was
    assert [a.id for a in store.window(1, month, month + timedelta(days=2))] == [3]
    archive.close()
