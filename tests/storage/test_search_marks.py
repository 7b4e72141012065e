"""Migration 0008 on an archive made before it, and the change marks its triggers keep: a
write the caches do not read leaves them, an appended row is readable past the last rowid,
anything else moves a generation."""

from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from storage import (
    AliasForm,
    Archive,
    Database,
    Filters,
    FoundActor,
    FoundEvent,
    FoundQuote,
    Incoming,
    NewArticle,
)
from storage.actors import ActorStore
from storage.inbox import Inbox
from storage.schema import MIGRATIONS
from storage.search import SearchStore


def old_archive(path: Path) -> None:
    """An archive as migration 0007 left it, with one analysed article."""
    db = sqlite_utils.Database(path)
    db.table("migrations").create({"name": str, "applied_at": str}, pk="name")
    for name, migrate in MIGRATIONS:
        if name.startswith("0008"):
            break
        migrate(db)
        db.table("migrations").insert({"name": name, "applied_at": "2024-05-01"})
    db.executescript(
        """
        INSERT INTO articles (id, chat_id, title, body, status, added_at, published_at)
            VALUES (1, 1, 'Bridge', 'Varga met Marten.', 'ready', '2024-05-07T08:00:00',
            '2024-05-06T10:00:00');
        INSERT INTO actors (id, chat_id, name, type, created_at)
            VALUES (1, 1, 'Tomas Varga', 'person', ''), (2, 1, 'Ilse Marten', 'person', '');
        INSERT INTO mentions (article_id, actor_id, chat_id, count, rank)
            VALUES (1, 1, 1, 2, 0), (1, 2, 1, 1, 1);
        INSERT INTO quotes (chat_id, article_id, actor_id, speaker, text, sentence, direct)
            VALUES (1, 1, 1, 'Tomas Varga', 'It opens', 'It opens, he said.', 1);
        INSERT INTO events (chat_id, article_id, subject_id, subject, action, objects,
            object_ids, date, sentence) VALUES
            (1, 1, 1, 'Tomas Varga', 'meet', '["Ilse Marten"]', '[2]', NULL, 'He met her.'),
            (1, 1, 2, 'Ilse Marten', 'visit', '[]', '[]', '2024-04-01', 'She visited.');
        """
    )
    db.close()


def test_the_migration_fills_the_new_columns_of_an_existing_archive(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old_archive(path)
    archive = Archive.open(path)
    query = archive.database.query
    assert query("SELECT day FROM events ORDER BY id") == [("2024-05-06",), ("2024-04-01",)]
    assert query("SELECT DISTINCT day FROM mentions") == [("2024-05-06",)]
    assert query("SELECT day FROM quotes") == [("2024-05-06",)]
    assert query("SELECT chat_id, day, first_id, last_id FROM article_days") == [
        (1, "2024-05-06", 1, 1)
    ]
    actors = ActorStore(archive.database)
    assert [e.action for e in actors.events_of(1, 2)] == ["meet", "visit"]  # object, subject
    assert actors.stats(1, 1).first_seen == "2024-05-06"
    events = SearchStore(archive.database).events(1, Filters(until="2024-05-01"), actor_ids=[2])
    assert [e.action for e in events] == ["visit"]
    archive.close()


def marks(database: Database) -> list[tuple[str, int, int]]:
    return [
        (r[0], r[1], r[2])
        for r in database.query("SELECT scope, chat_id, generation FROM search_marks")
    ]


def analyse(archive: Archive, chat: int, article_id: int, name: str) -> None:
    form = AliasForm(name, name.casefold(), name.split()[-1].casefold())
    ActorStore(archive.database).save_analysis(
        chat,
        article_id,
        [FoundActor(None, name, "person", (form,), 1)],
        [FoundQuote(name, "Yes", "Yes, she said.", True)],
        [FoundEvent(name, "speak", (), "2024-05-06", "She spoke.")],
    )


def test_only_changes_the_caches_read_move_the_marks(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "archive.db")
    first = archive.add(1, NewArticle("Bridge", "Varga spoke.", published_at="2024-05-06"))
    analyse(archive, 1, first, "Tomas Varga")
    link = archive.save_pending(Incoming(1, "https://x.example/", "link"))
    SearchStore(archive.database).save_question(1, "Varga", datetime.now(UTC))
    inbox = Inbox(archive.database, bot_id=1)
    inbox.receive(5, "{}")
    inbox.done(5)
    assert marks(archive.database) == []  # appended articles, actors, questions, updates
    archive.complete(1, link, NewArticle("Ferry", "Boats sail."))
    assert marks(archive.database) == []  # a pending link's text arriving is appended too
    archive.complete(1, link, NewArticle("Ferry times", "Boats sail later."))
    assert marks(archive.database) == [("vocabulary", 0, 1)]  # text replaced
    archive.delete(1, first)
    moved = {(scope, chat): generation > 0 for scope, chat, generation in marks(archive.database)}
    # Its mentions went too, and they were the newest: every chat's names are read again.
    assert moved == {("vocabulary", 0): True, ("names", 1): True, ("names", -1): True}
    logged = archive.database.query("SELECT article_id FROM article_log ORDER BY seq")
    assert logged == [(first,), (link,)]
    archive.close()
