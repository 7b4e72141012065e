"""Every read on the hot paths (questions, name lookups while importing, profiles) uses an
index: `EXPLAIN QUERY PLAN` of each statement they run shows no scan of a big table, and a read
of a whole chat only as an ordered walk that a LIMIT stops."""

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage import AliasForm, Archive, Filters, FoundActor, FoundEvent, FoundQuote, NewArticle
from storage.actors import ActorStore
from storage.digests import DigestStore, iso
from storage.search import SearchStore

BIG = {"articles", "actor_aliases", "mentions", "quotes", "events", "event_actors"}
CHAT = 1
_TABLES = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?", re.I)
_STEP = re.compile(r"^(SCAN|SEARCH) (\w+)(.*)$")
# All of a chat's rows, or all of an actor's (read from the table, not from an index alone).
_CHAT_WIDE = re.compile(r"\(chat_id=\?(?: AND status=\?)?\)$")
_ACTOR_WIDE = re.compile(r"^(?!.*COVERING).*\(chat_id=\? AND actor_id=\?\)$")
_SORTED = ("USE TEMP B-TREE FOR ORDER BY", "USE TEMP B-TREE FOR GROUP BY")
_NOT_NAMES = {"WHERE", "ON", "JOIN", "INDEXED", "LEFT", "ORDER", "GROUP", "LIMIT", "USING"}


def problems(conn: sqlite3.Connection, sql: str) -> list[str]:
    """What is wrong with a statement's plan: a scan of a big table, or all of a chat's (or an
    actor's) rows read without an index order and a LIMIT to stop early."""
    names: dict[str, str] = {}
    for table, alias in _TABLES.findall(sql):
        names[table] = table
        if alias and alias.upper() not in _NOT_NAMES:
            names[alias] = table
    plan = [str(row[3]) for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    sorted_ = any(step.startswith(_SORTED) for step in plan)
    found = []
    for step in plan:
        match = _STEP.match(step)
        if not match or "VIRTUAL TABLE" in step or names.get(match[2]) not in BIG:
            continue
        wide = bool(_CHAT_WIDE.search(step) or _ACTOR_WIDE.search(step))
        unbounded = sorted_ or " LIMIT " not in sql.upper()
        if match[1] == "SCAN" or (wide and unbounded):
            found.append(step)
    return found


def analysed(
    archive: Archive, title: str, body: str, day: str, names: list[str], imported: bool = False
) -> int:
    """Archive an article with the given actors (persons), one quote and one event."""
    article = NewArticle(title, body, "Ledger", published_at=day, imported=imported)
    article_id = archive.add(CHAT, article)
    store = ActorStore(archive.database)
    actors = []
    for name in names:
        known = store.candidates(CHAT, [name.casefold()], [])
        forms = (AliasForm(name, name.casefold(), name.split()[-1].casefold()),)
        actor_id = known[0].id if known else None
        actors.append(FoundActor(actor_id, name, "person", forms, 2))
    quotes = [FoundQuote(names[0], "We will build it", f"{names[0]} said so.", True)]
    events = [FoundEvent(names[0], "open", tuple(names[1:]), day, f"{names[0]} opened it.")]
    store.save_analysis(CHAT, article_id, actors, quotes, events)
    return article_id


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """An archive of a few analysed articles in two chats."""
    opened = Archive.open(tmp_path / "archive.db")
    for n in range(6):
        day = f"2024-05-{n + 1:02d}"
        analysed(opened, f"Bridge {n}", "Tomas Varga opened the bridge.", day, ["Tomas Varga"])
        analysed(opened, f"Ferry {n}", "Ilse Marten met Varga.", day, ["Ilse Marten", "Varga"])
        opened.add(2, NewArticle(f"Glacier {n}", "The glacier melted.", "Alpine"))
    yield opened
    opened.close()


def traced(archive: Archive, run: Callable[[], object]) -> list[str]:
    """The SELECT statements `run` makes, with their values in place."""
    statements: list[str] = []
    conn = archive.database.utils.conn
    conn.set_trace_callback(statements.append)
    try:
        run()
    finally:
        conn.set_trace_callback(None)
    return [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def test_the_checker_catches_scans_and_unordered_chat_reads(archive: Archive) -> None:
    conn = archive.database.utils.conn
    assert problems(conn, "SELECT * FROM mentions m WHERE m.count > 1")
    assert problems(conn, "SELECT q.id FROM quotes q WHERE q.chat_id = 1 ORDER BY q.text LIMIT 5")
    assert problems(conn, "SELECT id FROM quotes WHERE chat_id = 1")
    assert problems(conn, "SELECT q.text FROM quotes q WHERE q.chat_id = 1 AND q.actor_id = 2")
    assert not problems(
        conn, "SELECT q.id FROM quotes q WHERE q.chat_id = 1 AND q.actor_id = 2 AND q.day > ''"
    )
    assert not problems(conn, "SELECT COUNT(*) FROM quotes WHERE chat_id = 1 AND actor_id = 2")


def question_reads(archive: Archive) -> None:
    """The reads of every kind of question, with and without dates and sources, with as many
    ids as the ranking passes (SQLite weighs an index by the length of IN lists)."""
    store = SearchStore(archive.database)
    varga = ActorStore(archive.database).candidates(CHAT, ["tomas varga"], [])[0].id
    actors, candidates, sources = [varga, varga + 1, varga + 2], list(range(1, 51)), list(range(30))
    for filters in (Filters(), Filters("2024-05-02", "2024-05-04"), Filters(sources=("Ledger",))):
        store.text_hits(CHAT, '"bridge"', filters, 50)
        store.text_hits(CHAT, '("bridge") OR ("ferry")', filters, 50)
        store.actor_articles(CHAT, actors, filters, 50)
        store.recent(CHAT, filters, 10)
        for scope in ({"actor_ids": actors}, {"article_ids": sources}, {}):
            store.quotes(CHAT, filters, **scope)  # type: ignore[arg-type]
            store.events(CHAT, filters, **scope)  # type: ignore[arg-type]
    store.mentions_in(CHAT, candidates, actors)
    store.stories(CHAT, candidates[:15])
    store.articles(CHAT, candidates[:5])
    store.count_matching(CHAT, '"bridge"')
    store.surface_words(CHAT, "bridg")
    store.question(CHAT, store.save_question(CHAT, "Varga", datetime.now(UTC)))


def test_question_reads_use_indexes(archive: Archive) -> None:
    statements = traced(archive, lambda: question_reads(archive))
    assert len(statements) > 40
    conn = archive.database.utils.conn
    assert {s: problems(conn, s) for s in statements if problems(conn, s)} == {}


def test_cache_updates_read_only_what_is_new(archive: Archive) -> None:
    store = SearchStore(archive.database)
    mark = store.name_changes(CHAT, None)
    store.terms()
    store.sources(CHAT)
    analysed(archive, "Marten", "Ilse Marten spoke.", "2024-05-09", ["Ilse Marten"])
    assert mark is not None

    def updates() -> None:
        changes = store.name_changes(CHAT, mark.mark)
        assert changes is not None and not changes.full
        store.terms()
        store.sources(CHAT)

    statements = traced(archive, updates)
    conn = archive.database.utils.conn
    assert {s: problems(conn, s) for s in statements if problems(conn, s)} == {}


def test_import_and_profile_reads_use_indexes(archive: Archive) -> None:
    actors = ActorStore(archive.database)

    def reads() -> None:
        varga = actors.candidates(CHAT, ["tomas varga", "varga"], ["varga"])[0]
        actors.split_norms(CHAT)
        actors.aliases_named(CHAT, "varga", "varga")
        actors.stats(CHAT, varga.id)
        actors.articles_of(CHAT, varga.id)
        marten = actors.candidates(CHAT, ["ilse marten"], [])[0]
        assert actors.co_mentioned(CHAT, marten.id) == [("Varga", 6)]
        assert actors.co_mentioned(CHAT, marten.id, within=2) == [("Varga", 2)]
        actors.quotes_by(CHAT, varga.id)
        actors.quotes_by(CHAT, None)
        actors.events_of(CHAT, varga.id)
        actors.article_actor_names(CHAT, [1, 2])

    statements = traced(archive, reads)
    conn = archive.database.utils.conn
    assert {s: problems(conn, s) for s in statements if problems(conn, s)} == {}


def test_digest_window_reads_use_indexes(archive: Archive) -> None:
    """A digest's reads (the rows it lists, the count of old imports, the summarised texts,
    the actors of the day against their week, quotes) and the weekly top actors seek the window
    by index: none scans the articles, mentions or quotes, and none reads a whole chat."""
    for n in range(20):  # a bulk import of old articles, analysed
        analysed(archive, f"Old {n}", "Varga spoke.", "1987-04-07", ["Varga"], imported=True)
    digests, actors = DigestStore(archive.database), ActorStore(archive.database)
    until = datetime.now(UTC) + timedelta(seconds=1)
    since = until - timedelta(days=1)
    week = (iso(since - timedelta(days=7)), iso(since))

    def reads() -> None:
        shown = digests.window(CHAT, since, until)
        assert len(shown) == 12 and digests.older_imported(CHAT, since, until) == 20
        digests.bodies(CHAT, [a.id for a in shown[:10]])
        digests.oldest_pending(CHAT, since, until)
        top = actors.top_actors(CHAT, iso(since), iso(until), limit=50)
        assert [t[1:] for t in top if t[1] == "Varga"] == [("Varga", "person", 6)]
        actors.top_actors(CHAT, *week, limit=50)
        digests.window_mentions(CHAT, since - timedelta(days=7), since)  # /actors' week before
        actors.article_actor_names(CHAT, [a.id for a in shown])
        quotes = actors.window_quotes(CHAT, iso(since), iso(until))
        assert len(quotes) == 12 and {q.article_id for q in quotes} == {a.id for a in shown}

    statements = traced(archive, reads)
    assert len(statements) == 9
    conn = archive.database.utils.conn
    assert {s: problems(conn, s) for s in statements if problems(conn, s)} == {}
    assert all("chat_id" in s for s in statements)
    plans = [str(r[3]) for s in statements for r in conn.execute("EXPLAIN QUERY PLAN " + s)]
    assert sum("idx_articles_window" in step for step in plans) >= 6
    assert sum("idx_articles_imports" in step for step in plans) >= 5
