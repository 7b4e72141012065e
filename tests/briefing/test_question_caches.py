"""The question caches (a chat's actor names, the vocabulary, the sources) follow the archive
across writes: unrelated writes keep them, new articles and actors are added to them, merges,
splits and deleted articles rebuild them, and writes by another connection count too."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.analysis.actors import Actor
from briefing.analysis.archive import store_analysis
from briefing.analysis.events import Event
from briefing.analysis.pipeline import Analysis
from briefing.questions.actor_names import ActorNames
from briefing.questions.answer import ask
from briefing.questions.profiles import merge, split
from briefing.questions.ranking import Searcher
from storage import Archive, Database, Incoming, NewArticle
from storage.actors import ActorStore
from storage.inbox import Inbox
from storage.search import SearchStore
from storage.search_caches import Vocabulary

CHAT, OTHER = 1, 2
NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)


def add(
    archive: Archive,
    title: str,
    body: str,
    actors: list[Actor],
    chat: int = CHAT,
    day: str = "2024-05-06",
    events: list[Event] | None = None,
) -> int:
    """Archive one article and store the analysis given (no spaCy needed)."""
    article_id = archive.add(chat, NewArticle(title, body, "Ledger", published_at=day))
    store = ActorStore(archive.database)
    store_analysis(store, chat, article_id, Analysis(actors, [], events or []))
    return article_id


def person(name: str, *aliases: str, mentions: int = 1) -> Actor:
    return Actor(name, "person", [name, *aliases], mentions)


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    opened = Archive.open(tmp_path / "archive.db")
    add(opened, "Varga opens the bridge", "Tomas Varga opened the bridge.", [person("Tomas Varga")])
    yield opened
    opened.close()


def same_index(left: ActorNames, right: ActorNames) -> None:
    """Two name indexes hold the same names, words and counts."""
    assert left.exact == right.exact
    assert left.surnames == right.surnames
    assert left.words == right.words
    assert {i: (a.name, a.articles, a.mentions, a.forms) for i, a in left.actors.items()} == {
        i: (a.name, a.articles, a.mentions, a.forms) for i, a in right.actors.items()
    }


def rebuilt(archive: Archive, chat: int = CHAT) -> ActorNames:
    """The chat's names read afresh, as a new bot would."""
    return Searcher(archive).names(chat)


def test_writes_that_touch_no_cache_keep_them(archive: Archive, tmp_path: Path) -> None:
    searcher = Searcher(archive)
    names = searcher.names(CHAT)
    terms = searcher.store.terms()
    searcher.store.save_question(CHAT, "Varga", NOW)
    inbox = Inbox(Database.open(tmp_path / "archive.db"), bot_id=1)  # the inbox's connection
    inbox.receive(1, '{"update_id": 1}')
    inbox.done(1)
    inbox.database.close()
    assert searcher.names(CHAT) is names
    assert searcher.store.terms() is terms
    assert ask(searcher, CHAT, "Varga", NOW).plan.actors[0].label == "Tomas Varga"


def test_new_actors_and_words_are_added_without_a_rebuild(archive: Archive) -> None:
    searcher = Searcher(archive)
    names = searcher.names(CHAT)
    assert ask(searcher, CHAT, "Marten", NOW).plan.actors == ()
    add(archive, "Marten objects", "Ilse Marten objected to the zeppelin.", [person("Ilse Marten")])
    add(archive, "Varga again", "Tomas Varga spoke.", [person("Tomas Varga", "Varga")])
    answer = ask(searcher, CHAT, "Ilse Marten", NOW)
    assert [g.label for g in answer.plan.actors] == ["Ilse Marten"]
    assert searcher.names(CHAT) is names  # updated in place
    same_index(names, rebuilt(archive))
    assert names.actors[answer.plan.actors[0].actor_ids[0]].articles == 1
    typo = ask(searcher, CHAT, "zepelin", NOW)  # a word of the new article, misspelt
    assert typo.plan.corrected_query == "zeppelin"


def test_the_vocabulary_updated_equals_the_vocabulary_read_afresh(archive: Archive) -> None:
    store = SearchStore(archive.database)
    store.terms()
    add(archive, "Glaciers retreat", "Twelve glaciers retreated; glaciers melt.", [], chat=OTHER)
    link = archive.save_pending(Incoming(CHAT, "https://x.example/a", "link"))
    archive.complete(CHAT, link, NewArticle("Harbour strike", "Dock workers walked out."))
    assert "glacier" in store.terms().terms and "dock" in store.terms().terms
    failed = archive.save_pending(Incoming(CHAT, "https://x.example/b", "link"))
    archive.fail(CHAT, failed, "paywall", title="Ferry timetable")
    assert "ferri" in store.terms().terms
    archive.complete(CHAT, failed, NewArticle("Ferry timetable changes", "Boats sail later."))
    fresh = SearchStore(archive.database).terms()
    updated = store.terms()
    assert (updated.terms, updated.counts) == (fresh.terms, fresh.counts)


def test_other_connections_writes_are_seen(archive: Archive, tmp_path: Path) -> None:
    searcher = Searcher(archive)
    searcher.names(CHAT)
    searcher.store.terms()
    importer = Archive.open(tmp_path / "archive.db")  # the command line, importing meanwhile
    add(importer, "Okafor visits", "Chidi Okafor visited the harbour.", [person("Chidi Okafor")])
    importer.close()
    assert [g.label for g in ask(searcher, CHAT, "Okafor", NOW).plan.actors] == ["Chidi Okafor"]
    assert "harbour" in searcher.store.terms().terms
    same_index(searcher.names(CHAT), rebuilt(archive))


def test_merges_splits_and_deletions_rebuild(archive: Archive) -> None:
    store = ActorStore(archive.database)
    searcher = Searcher(archive)
    add(archive, "Minister speaks", "Minister Varga spoke.", [person("Minister Varga")])
    before = searcher.names(CHAT)
    assert not isinstance(merge(store, CHAT, "Tomas Varga", "Minister Varga"), str)
    after = searcher.names(CHAT)
    assert after is not before
    same_index(after, rebuilt(archive))
    assert len(after.exact["minister varga"]) == 1
    assert not isinstance(split(store, CHAT, "Minister Varga"), str)
    same_index(searcher.names(CHAT), rebuilt(archive))
    gone = add(archive, "Zeppelins", "A zeppelin flew over.", [person("Ilse Marten")])
    assert "zeppelin" in searcher.store.terms().terms
    archive.delete(CHAT, gone)
    assert "zeppelin" not in searcher.store.terms().terms
    same_index(searcher.names(CHAT), rebuilt(archive))


def test_a_rowid_freed_in_another_chat_and_reused_is_not_missed(archive: Archive) -> None:
    searcher = Searcher(archive)
    add(archive, "Elsewhere", "Tomas Berg spoke.", [person("Tomas Berg")], chat=OTHER)
    searcher.names(CHAT)
    with archive.database.write() as conn:  # the other chat's newest rows go (a merge there)
        for table in ("actor_aliases", "mentions"):
            conn.execute(f"DELETE FROM {table} WHERE rowid = (SELECT MAX(rowid) FROM {table})")
    add(archive, "Marten", "Ilse Marten spoke.", [person("Ilse Marten")])  # takes those rowids
    assert "ilse marten" in searcher.names(CHAT).exact
    same_index(searcher.names(CHAT), rebuilt(archive))


def test_events_of_merged_actors_follow_the_merge(archive: Archive) -> None:
    store = ActorStore(archive.database)
    add(
        archive,
        "Marten meets Varga",
        "Ilse Marten met Minister Varga on Monday.",
        [person("Ilse Marten"), person("Minister Varga")],
        events=[Event("Ilse Marten", "meet", ["Minister Varga"], "2024-05-06", "She met him.")],
    )
    assert not isinstance(merge(store, CHAT, "Tomas Varga", "Minister Varga"), str)
    (varga,) = [a for a in store.candidates(CHAT, ["tomas varga"], []) if a.name == "Tomas Varga"]
    assert [e.action for e in store.events_of(CHAT, varga.id)] == ["meet"]
    answer = ask(Searcher(archive), CHAT, "what happened with Tomas Varga", NOW)
    assert [e.event.action for e in answer.events] == ["meet"]


def test_vocabulary_of_adds_counts() -> None:
    vocabulary = Vocabulary.of({"bridg": 2, "42": 5, "is": 9, "daro": 1})
    assert vocabulary.terms == ["bridg", "daro"]
    more = vocabulary.plus({"bridg": 1, "zeppelin": 1})
    assert (more.terms, more.counts) == (["bridg", "daro", "zeppelin"], [3, 1, 1])
    assert vocabulary.counts == [2, 1]  # the old one is left as it was
    many = vocabulary.plus({f"term{n:03d}": 1 for n in range(300)} | {"daro": 2})
    assert many.terms == ["bridg", "daro", *(f"term{n:03d}" for n in range(300))]
    assert many.counts[:3] == [2, 3, 1]
