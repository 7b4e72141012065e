"""Watches as the use cases see them: what `/watch` understands, which new articles match (by any
name of the actor, by words and phrases with OR and exclusions), alerts recorded with the
analysis and exactly once, names joined when their actor appears, and the digest's Watchlist.
Analyses are given, not computed: no spaCy needed."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.actors import Actor
from briefing.analysis.archive import store_analysis
from briefing.analysis.pipeline import Analysis
from briefing.digests.build import compose_digest, digest_json, digest_text
from briefing.questions.profiles import merge
from briefing.questions.snippets import plain_snippet
from briefing.watches import (
    WatchAdded,
    WatchChoices,
    WatchQueryError,
    add_watch,
    due_chats,
    list_watches,
    next_batch,
    remove_watch,
    split_daily,
    watch_store,
)
from briefing.watches.matching import match_article
from briefing.watches.query import parse_words
from briefing.watches.text import Tokens
from briefing.watches.watchlist import watch_words
from storage import Archive, Database, NewArticle
from storage.actors import ActorStore
from storage.digests import DigestStore
from storage.watches import WatchStore

CHAT, OTHER = 1, 2
DUNN = Actor("Mirela Dunn", "person", ["Mirela Dunn", "Dunn"], 2)


def person(name: str, *aliases: str) -> Actor:
    return Actor(name, "person", [name, *aliases], 1 + len(aliases))


class Chat:
    """One chat's archive, with articles stored as the analysis stores them."""

    def __init__(self, archive: Archive, chat_id: int = CHAT) -> None:
        self.archive = archive
        self.chat_id = chat_id
        self.actors = ActorStore(archive.database)
        self.watches: WatchStore = watch_store(archive)

    def add(self, title: str, body: str, *actors: Actor, url: str | None = None) -> int:
        article = NewArticle(title, body, "Ledger", url=url, published_at="2024-05-06")
        article_id = self.archive.add(self.chat_id, article)
        store_analysis(self.actors, self.chat_id, article_id, Analysis(list(actors), [], []))
        return article_id

    def watch(self, text: str) -> WatchAdded:
        typed, daily = split_daily(text)
        found = add_watch(self.actors, self.watches, self.chat_id, typed, daily)
        assert isinstance(found, WatchAdded), found
        return found

    def alerts(self) -> list[tuple[str, int, str]]:
        """(watch, article id, sentence without marks) of the alerts waiting to be sent."""
        return [
            (a.watch, a.article_id, plain_snippet(a.sentence))
            for a in self.watches.unsent(self.chat_id)
        ]


@pytest.fixture
def chat(tmp_path: Path) -> Iterator[Chat]:
    archive = Archive.open(tmp_path / "archive.db")
    yield Chat(archive)
    archive.close()


def test_an_actor_is_watched_by_a_typo_and_alerts_under_any_of_its_names(chat: Chat) -> None:
    chat.add("Union talks", "Mirela Dunn met the port authority.", DUNN)
    added = chat.watch("Mirela Dun")
    assert added.new and added.watch.kind == "actor" and added.watch.target == "Mirela Dunn"
    assert not added.watch.pending
    body = "Cranes stood still. Union leader Dunn said the walkout goes on."
    article_id = chat.add("Strike enters second day", body, person("Dunn"))
    assert chat.alerts() == [
        ("Mirela Dunn", article_id, "Union leader Dunn said the walkout goes on.")
    ]
    (alert,) = chat.watches.unsent(CHAT)
    assert "\ue000Dunn\ue001" in alert.sentence  # the name is marked for bold
    chat.add("Weather", "Rain is expected on the coast.")  # names no one: no alert
    assert len(chat.alerts()) == 1


def test_an_article_alerts_once_however_often_it_is_analysed(chat: Chat) -> None:
    chat.add("Union talks", "Mirela Dunn met the port authority.", DUNN)
    chat.watch("Dunn")
    article_id = chat.add("Strike", "Mirela Dunn spoke.", DUNN)
    analysis = Analysis([DUNN], [], [])
    store_analysis(chat.actors, CHAT, article_id, analysis)  # analysed again (after a restart)
    assert [a[1] for a in chat.alerts()] == [article_id]


def test_alerts_are_recorded_with_the_analysis_or_not_at_all(
    chat: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat.add("Union talks", "Mirela Dunn met the port authority.", DUNN)
    chat.watch("Mirela Dunn")

    def fail(*args: object, **kwargs: object) -> int:
        raise RuntimeError("disk full")

    monkeypatch.setattr(WatchStore, "record", fail)
    article_id = chat.archive.add(CHAT, NewArticle("Strike", "Mirela Dunn spoke.", "Ledger"))
    with pytest.raises(RuntimeError):
        store_analysis(chat.actors, CHAT, article_id, Analysis([DUNN], [], []))
    assert (CHAT, article_id) in chat.actors.unanalysed()  # tried again at the next start
    monkeypatch.undo()
    store_analysis(chat.actors, CHAT, article_id, Analysis([DUNN], [], []))
    assert [a[1] for a in chat.alerts()] == [article_id]


def test_a_name_not_yet_in_the_archive_is_joined_when_its_actor_appears(chat: Chat) -> None:
    added = chat.watch("Omar Haddad")
    assert added.watch.pending
    first = chat.add("Minister visits", "Minister Omar Haddad arrived.", person("Omar Haddad"))
    second = chat.add("Minister leaves", "Haddad left on Friday.", person("Haddad"))
    assert [(a[1], a[2]) for a in chat.alerts()] == [
        (first, "Minister Omar Haddad arrived."),
        (second, "Haddad left on Friday."),
    ]
    (watch,) = list_watches(chat.watches, CHAT, datetime.now(UTC))
    assert not watch.pending and watch.matched_this_week == 2


def test_a_transliterated_name_is_joined_too(chat: Chat) -> None:
    chat.watch("Sergey Lavrov")
    article_id = chat.add("Talks", "Sergei Lavrov met envoys.", person("Sergei Lavrov"))
    assert [a[1] for a in chat.alerts()] == [article_id]


def test_words_phrases_or_and_exclusions(chat: Chat) -> None:
    added = chat.watch('"harbour strike" OR walkout -football')
    assert added.watch.kind == "words"
    assert added.watch.target == '"harbour strike" OR walkout -football'
    hit = chat.add("Port", "The harbour strikes went on. Dockers joined the walkouts.")
    chat.add("Strike in the harbour", "A strike closed the harbour.")  # not the phrase
    chat.add("Cup final", "A walkout by football fans.")  # excluded
    assert chat.alerts() == [
        (added.watch.target, hit, "The harbour strikes went on."),
    ]


def test_every_clause_must_match(chat: Chat) -> None:
    chat.watch('"pay rise" dockers')
    chat.add("Pay", "A pay rise was offered to nurses.")
    both = chat.add("Dockers", "Dockers were offered a pay rise on Monday.")
    assert [a[1] for a in chat.alerts()] == [both]


def test_a_word_matches_its_other_forms_and_what_it_abbreviates(chat: Chat) -> None:
    chat.watch("UN sanctions")
    spelled = chat.add("Embargo", "The United Nations voted new sanctions on Monday.")
    chat.watch('"won" harbour')  # in quotes: as typed only
    chat.add("Vote", "The harbour union wins the vote.")
    chat.watch("seized trawler")
    seizes = chat.add("Coast", "The navy seizes a trawler off the coast.")
    assert sorted(chat.alerts(), key=lambda alert: alert[1]) == [
        ("UN sanctions", spelled, "The United Nations voted new sanctions on Monday."),
        ("seized trawler", seizes, "The navy seizes a trawler off the coast."),
    ]


def test_other_chats_articles_never_alert(chat: Chat) -> None:
    chat.watch("walkout")
    other = Chat(chat.archive, OTHER)
    other.add("Port", "A walkout at the port.")
    assert chat.alerts() == [] and other.alerts() == []


def test_ambiguous_names_offer_choices(chat: Chat) -> None:
    chat.add("Union", "Mirela Dunn spoke.", DUNN)
    chat.add("Cycling", "Arno Dunn won.", person("Arno Dunn", "Dunn"))
    found = add_watch(chat.actors, chat.watches, CHAT, "Dunn")
    assert isinstance(found, WatchChoices)
    assert {c.name for c in found.choices} == {"Mirela Dunn", "Arno Dunn"}
    assert chat.watches.all(CHAT) == []


def test_lowercase_text_without_actor_is_watched_as_words(chat: Chat) -> None:
    added = chat.watch("wheat prices")
    assert added.watch.kind == "words" and added.watch.target == "wheat prices"


@pytest.mark.parametrize("text", ["-football", "the", '"of the"', "OR"])
def test_watches_of_nothing_are_refused(chat: Chat, text: str) -> None:
    with pytest.raises(WatchQueryError):
        add_watch(chat.actors, chat.watches, CHAT, text)


def test_daily_watch_sends_nothing_and_opens_the_digest(chat: Chat) -> None:
    chat.add("Union talks", "Mirela Dunn met the port authority.", DUNN)
    added = chat.watch("Mirela Dunn daily")
    assert added.watch.daily
    since = datetime.now(UTC) - timedelta(hours=1)
    url = "https://ledger.example/strike"
    article_id = chat.add("Strike goes on", "Mirela Dunn spoke at the gate.", DUNN, url=url)
    assert chat.alerts() == []
    until = datetime.now(UTC) + timedelta(seconds=2)
    digest = compose_digest(DigestStore(chat.archive.database), CHAT, since, until)
    (entry,) = digest.watchlist
    assert entry.watch == "Mirela Dunn" and [a.article_id for a in entry.articles] == [article_id]
    text = digest_text(digest, "UTC")
    assert text.splitlines()[2:4] == ["Watchlist", "   Mirela Dunn"]
    assert "Strike goes on — Ledger" in text
    watch_json = digest_json(digest)["watchlist"]
    assert watch_json == [{
        "watch_id": added.watch.id, "watch": "Mirela Dunn", "kind": "actor", "more": 0,
        "articles": [{"article_id": article_id, "title": "Strike goes on", "url": url,
                      "source": "Ledger", "sentence": "Mirela Dunn spoke at the gate."}],
    }]  # fmt: skip
    later = compose_digest(DigestStore(chat.archive.database), CHAT, until, until + timedelta(1))
    assert later.watchlist == ()


def test_batches_wait_for_quiet_and_count_what_they_do_not_show(chat: Chat) -> None:
    chat.watch("walkout")
    for n in range(9):
        chat.add(f"Walkout {n}", f"Walkout number {n} began.")
    (_, _, newest) = chat.watches.unsent_chats()[0]
    recorded = datetime.fromisoformat(newest)
    assert due_chats(chat.watches, recorded + timedelta(seconds=1)) == []
    assert due_chats(chat.watches, recorded + timedelta(seconds=6)) == [CHAT]
    batch = next_batch(chat.watches, CHAT)
    assert batch is not None and batch.total == 9
    assert len(batch.alerts) == 6 and batch.more == (("walkout", 3),)


def test_removed_watch_stops_matching(chat: Chat) -> None:
    added = chat.watch("walkout")
    assert remove_watch(chat.watches, OTHER, added.watch.id) is None
    assert remove_watch(chat.watches, CHAT, added.watch.id) is not None
    chat.add("Walkout", "A walkout began.")
    assert chat.alerts() == []


WORDS = st.lists(
    st.sampled_from(["harbour", "strike", "pay", "rise", "Dunn", "walkout", "port", "talks"]),
    min_size=1,
    max_size=3,
)


@given(
    clauses=st.lists(WORDS, min_size=1, max_size=3),
    excluded=st.lists(st.sampled_from(["football", "cup"]), max_size=2),
)
def test_a_watch_written_back_is_the_same_watch(
    clauses: list[list[str]], excluded: list[str]
) -> None:
    typed = " ".join(
        " OR ".join(f'"{w}"' if i % 2 else w for i, w in enumerate(clause)) for clause in clauses
    ) + "".join(f" -{w}" for w in excluded)
    query = parse_words(typed)
    assert parse_words(query.text()).signature() == query.signature()
    assert query.matches(Tokens.of(" ".join(clause[0] for clause in clauses)))
    assert not query.matches(Tokens.of("nothing of the kind"))
    if excluded:
        text = " ".join(clause[0] for clause in clauses) + f" {excluded[0]}"
        assert not query.matches(Tokens.of(text))


def test_a_phrase_with_filler_is_found_by_its_other_word(chat: Chat) -> None:
    chat.watch('"about EU"')
    hit = chat.add("Talk", "They spoke about EU rules at length.")
    assert [a[1] for a in chat.alerts()] == [hit]


VOCABULARY = ["claim", "claims", "about", "EU", "state", "stated", "Sergey", "Sergei's",
              "harbour", "harbours", "walk-out", "strike", "the", "of", "pay", "rise"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    typed=st.lists(
        st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=6,
    ),
    texts=st.lists(st.lists(st.sampled_from(VOCABULARY), max_size=12), min_size=1, max_size=4),
)
def test_the_index_finds_every_watch_that_matches(typed: list[str], texts: list[list[str]]) -> None:
    """What the index offers for checking never leaves out a watch that matches."""
    archive = Archive(Database.open(":memory:"))
    store = watch_store(archive)
    queries = {}
    for text in typed:
        for written in (f'"{text}"', text.replace(" ", " OR ")):
            try:
                added = watch_words(store, CHAT, written)
            except WatchQueryError:
                continue
            queries[added.watch.id] = parse_words(written)
    for words in texts:
        body = " ".join(words)
        article_id = archive.add(CHAT, NewArticle("Note", body, "Ledger"))
        with store.together():
            match_article(store, CHAT, article_id, [], {})
        found = {a.watch_id for a in store.alerts(CHAT) if a.article_id == article_id}
        tokens = Tokens.of(f"Note\n{body}")
        assert found == {i for i, query in queries.items() if query.matches(tokens)}
    archive.close()


def test_a_watched_actor_merged_into_another_is_still_watched(chat: Chat) -> None:
    chat.add("Union", "Mirela Dunn spoke.", DUNN)
    chat.add("Cycling", "Arno Dunn won.", person("Arno Dunn"))
    chat.watch("Arno Dunn")
    assert merge(chat.actors, CHAT, "Mirela Dunn", "Arno Dunn") != ""
    later = chat.add("Strike", "Mirela Dunn called a strike.", DUNN)
    assert [a[1] for a in chat.alerts()] == [later]


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=260) | st.from_regex(r'-?"?[A-Za-z ]{0,20}"?( OR -?\w+)*'))
def test_any_text_is_watched_or_refused_with_a_reason(text: str) -> None:
    archive = Archive(Database.open(":memory:"))
    store = watch_store(archive)
    try:
        found = add_watch(ActorStore(archive.database), store, CHAT, text)
    except WatchQueryError as error:
        assert str(error)
    else:
        assert isinstance(found, WatchAdded) and found.watch.target.strip()
        assert len(store.all(CHAT)) == 1
    finally:
        archive.close()
