"""Questions that name a role ("Valdoria's foreign minister"), ask "who …", or ask what a
speaker said "about" a topic the quote itself does not name. The countries, people and firms
are made up."""

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.names import normalise_name
from briefing.questions.answer import answer_json, ask
from briefing.questions.ranking import Searcher
from storage import AliasForm, Archive, FoundActor, FoundEvent, FoundQuote, NewArticle
from storage.actors import ActorStore
from storage.rows import FoundRole

CHAT = 5
NOW = datetime(2024, 6, 1, tzinfo=UTC)
TYPES = {"Valdoria": "place", "Marsland": "place", "Tarsen Motors": "organisation"}


def _actor(name: str, roles: tuple[FoundRole, ...] = ()) -> FoundActor:
    words = name.split()
    forms = [AliasForm(name, normalise_name(name), normalise_name(words[-1]))]
    if len(words) > 1:
        forms.append(AliasForm(words[-1], normalise_name(words[-1]), normalise_name(words[-1])))
    return FoundActor(None, name, TYPES.get(name, "person"), tuple(forms), 2, roles)


def _role(title: str, held_in: str | None) -> FoundRole:
    return FoundRole(title, normalise_name(title), held_in)


ARTICLES = [
    (
        "Valdoria dam project stalls",
        "The dam on the Orva river is late. Foreign Minister Olek Brandt of Valdoria met the "
        "builders. The dam was meant to open in May, and the dam's cost has doubled. Brandt "
        'said: "We will not give up on it." The dam project is Valdoria\'s largest.',
        [_actor("Olek Brandt", (_role("foreign minister", "Valdoria"),)), _actor("Valdoria")],
        [FoundQuote("Olek Brandt", "We will not give up on it.", 'Brandt said: "We…"', True)],
        [],
    ),
    (
        "Brandt defends dam",
        "Olek Brandt defended the dam in parliament. \"The dam will power the north,\" he said.",
        [_actor("Olek Brandt")],
        [FoundQuote("Olek Brandt", "The dam will power the north,", "The dam…", True)],
        [],
    ),
    (
        "Fishing quotas agreed",
        "Olek Brandt agreed fishing quotas with Marsland. \"A fair deal,\" Brandt said.",
        [_actor("Olek Brandt"), _actor("Marsland")],
        [FoundQuote("Olek Brandt", "A fair deal,", '"A fair deal," Brandt said.', True)],
        [],
    ),
    (
        "Marsland envoy visits",
        "Ivo Dunn, the foreign minister of Marsland, visited the port on Friday.",
        [_actor("Ivo Dunn", (_role("foreign minister", "Marsland"),)), _actor("Marsland")],
        [],
        [],
    ),
    (
        "Tarsen Motors wins rail tender",
        "Tarsen Motors won the rail tender on Tuesday. Mira Kell criticised the strikes at the "
        "depot, which Olek Brandt welcomed.",
        [_actor("Tarsen Motors"), _actor("Mira Kell"), _actor("Olek Brandt")],
        [],
        [
            FoundEvent("Tarsen Motors", "win", ("tender",), "2024-05-20", "Tarsen Motors won"
                       " the rail tender on Tuesday."),
            FoundEvent("Mira Kell", "criticise", ("strikes",), "2024-05-20", "Mira Kell "
                       "criticised the strikes at the depot, which Olek Brandt welcomed."),
        ],
    ),
]  # fmt: skip


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    archive = Archive.open(Path(tmp_path_factory.mktemp("roles")) / "roles.db")
    store = ActorStore(archive.database)
    ids: dict[str, int] = {}  # one actor however many articles name it
    for title, body, actors, quotes, events in ARTICLES:
        article_id = archive.add(CHAT, NewArticle(title, body, "Ledger"))
        known = [replace(a, actor_id=ids.get(a.name)) for a in actors]
        ids.update(store.save_analysis(CHAT, article_id, known, quotes, events))
    yield Searcher(archive)
    archive.close()


def _actors(searcher: Searcher, text: str) -> list[str]:
    return [g.label for g in searcher.understand(CHAT, text, NOW).actors]


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Valdoria's foreign minister", "Olek Brandt"),
        ("the foreign minister of Valdoria", "Olek Brandt"),
        ("Marsland's foreign minister", "Ivo Dunn"),
        ("the foreign minister of Marsland", "Ivo Dunn"),
    ],
)
def test_a_role_held_somewhere_is_its_holder(
    searcher: Searcher, question: str, person: str
) -> None:
    assert _actors(searcher, question) == [person]


def test_a_role_answers_as_the_named_person_would(searcher: Searcher) -> None:
    answer = ask(searcher, CHAT, "what did Valdoria's foreign minister say about the dam", NOW)
    assert [g.label for g in answer.plan.speakers] == ["Olek Brandt"]
    assert answer.quotes and answer.quotes[0].quote.speaker == "Olek Brandt"


def test_names_and_typos_still_resolve_beside_roles(searcher: Searcher) -> None:
    assert _actors(searcher, "Olek Brandt") == ["Olek Brandt"]
    assert _actors(searcher, "Olek Brnadt") == ["Olek Brandt"]
    # A role beside the person's own name says nothing more: it stays words.
    plan = searcher.understand(CHAT, "foreign minister Ivo Dunn", NOW)
    assert [g.label for g in plan.actors] == ["Ivo Dunn"]


def test_a_role_held_elsewhere_or_one_word_alone_is_no_one(searcher: Searcher) -> None:
    assert _actors(searcher, "Tarsen Motors foreign minister") == ["Tarsen Motors"]
    assert _actors(searcher, "minister") == []


def test_about_takes_the_speakers_quotes_in_articles_about_the_topic(searcher: Searcher) -> None:
    answer = ask(searcher, CHAT, "what did Brandt say about the dam", NOW)
    texts = [q.quote.text for q in answer.quotes]
    # The quote naming the dam first; then his quote in the article on the dam; never the
    # quote of the article on fishing.
    assert texts == ["The dam will power the north,", "We will not give up on it."]
    assert answer.quotes[0].score > answer.quotes[1].score


def test_who_answers_with_the_actors_that_fit(searcher: Searcher) -> None:
    answer = ask(searcher, CHAT, "who won the tender", NOW)
    assert answer.who[0].name == "Tarsen Motors"
    assert answer.who[0].saying.title == "Tarsen Motors wins rail tender"
    answer = ask(searcher, CHAT, "who criticised the strikes", NOW)
    assert answer.who[0].name == "Mira Kell"
    assert answer_json(answer)["who"][0]["actor"] == "Mira Kell"


def test_who_never_answers_with_the_asked_actor(searcher: Searcher) -> None:
    answer = ask(searcher, CHAT, "who won against Tarsen Motors", NOW)
    assert "Tarsen Motors" not in [w.name for w in answer.who]
    assert not ask(searcher, CHAT, "what did Tarsen Motors win", NOW).who
