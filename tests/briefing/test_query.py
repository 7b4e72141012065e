"""Question understanding: intent, filler, dates, sources, actor names with typos, safe FTS."""

from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.names import allowed_edits, fold
from briefing.questions.actor_names import ActorNames
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import (
    Word,
    match_all,
    nearest_terms,
    parse_question,
    quote_term,
)
from storage import AliasRow, Archive
from tests.conftest import OWN_ARTICLE

TODAY = date(2015, 4, 22)  # a Wednesday


def period(text: str) -> tuple[str | None, str | None]:
    question = parse_question(text, TODAY)
    return question.since, question.until


def content(text: str) -> list[str]:
    return [w.text for w in parse_question(text, TODAY).content]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("what did Lavrov say about Syria", "quotes"),
        ("Lavrov said", "quotes"),
        ("quotes by Lavrov", "quotes"),
        ("what happened in Iraq", "events"),
        ("when did Russia arm Iraq", "events"),
        ("who is arming Iraq", "articles"),
        ("tell me about Lavrov", "articles"),
        ("Lavrov Syria", "articles"),
    ],
)
def test_intent(text: str, intent: str) -> None:
    assert parse_question(text, TODAY).intent == intent


def test_question_words_and_filler_are_dropped() -> None:
    assert content("what did Lavrov say about Islamic State?") == ["Lavrov", "Islamic", "State"]
    assert content("tell me about the strike") == ["strike"]
    assert content("who is arming Iraq") == ["arming", "Iraq"]
    assert content("Is IS in Iraq?") == ["IS", "Iraq"]  # an acronym is kept, "is" is not
    assert content("WHAT IS NEW") == []  # all capitals: no acronyms


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("today", "2015-04-22", "2015-04-23"),
        ("yesterday", "2015-04-21", "2015-04-22"),
        ("this week", "2015-04-20", "2015-04-27"),
        ("last week", "2015-04-13", "2015-04-20"),
        ("last month", "2015-03-01", "2015-04-01"),
        ("this year", "2015-01-01", "2016-01-01"),
        ("since March", "2015-03-01", None),
        ("since 2014", "2014-01-01", None),
        ("in April 2015", "2015-04-01", "2015-05-01"),
        ("in May", "2014-05-01", "2014-06-01"),  # the last May before today
        ("on 22 April", "2015-04-22", "2015-04-23"),
        ("April 23", "2014-04-23", "2014-04-24"),
        ("between 1 and 15 March", "2015-03-01", "2015-03-16"),
        ("between 1 March and 15 April 2015", "2015-03-01", "2015-04-16"),
        ("2015-03-02", "2015-03-02", "2015-03-03"),
        ("2015-03", "2015-03-01", "2015-04-01"),
        ("before 2015", None, "2015-01-01"),
        ("after 1 April", "2015-04-02", None),
        ("the last 3 days", "2015-04-20", "2015-04-23"),
        ("on Monday", "2015-04-20", "2015-04-21"),
        ("last spring", "2014-03-01", "2014-06-01"),  # this one has not ended yet
        ("this spring", "2015-03-01", "2015-06-01"),
        ("in the summer of 2014", "2014-06-01", "2014-09-01"),
        ("last winter", "2014-12-01", "2015-03-01"),
        ("since last autumn", "2014-09-01", None),
        ("Lavrov", None, None),
    ],
)
def test_dates_relative_to_today(text: str, since: str | None, until: str | None) -> None:
    assert period(f"Lavrov {text}") == (since, until)


def test_date_words_are_not_searched() -> None:
    question = parse_question("Syria sanctions since March", TODAY)
    assert [w.text for w in question.content] == ["Syria", "sanctions"]
    assert question.period == "since March"
    assert content("may Russia arm Iraq") == ["Russia", "arm", "Iraq"]  # "may" is not May
    assert content("Arab Spring protests") == ["Arab", "Spring", "protests"]
    assert content("did prices fall") == ["prices", "fall"]
    assert content("what did Lavrov say about Iran last spring") == ["Lavrov", "Iran"]


def test_sources() -> None:
    question = parse_question("Syria source:tass", TODAY)
    assert question.sources == ("tass",) and content("Syria source:tass") == ["Syria"]
    assert parse_question('source:"Moscow Times" Syria', TODAY).sources == ("Moscow Times",)
    question = parse_question("Syria from Reuters", TODAY)
    assert question.from_at == (2,) and question.words[2].text == "Reuters"


def test_quote_questions_know_where_the_speaker_is() -> None:
    question = parse_question("what did Lavrov say about Syria", TODAY)
    assert question.verb_at is not None and question.topic_at is not None
    assert question.words[question.verb_at].text == "say"
    assert question.words[question.topic_at].text == "about"


def test_fts_terms_are_always_quoted() -> None:
    assert quote_term('a"b') == '"a""b"'
    assert match_all(["NEAR", "x*", "OR"]) == '"NEAR" "x*" "OR"'


def test_typos_allowed_grow_with_the_word() -> None:
    assert [allowed_edits(w) for w in ("usa", "iraq", "lavrov", "savchenko")] == [0, 1, 1, 2]
    assert fold("Sergey") == fold("sergei") and fold("Lavrof") == fold("Lavrov")


def names(*rows: tuple[int, str, str, str, int]) -> ActorNames:
    """An index of (actor id, alias, name, type, articles)."""
    from briefing.names import normalise_name

    return ActorNames(
        AliasRow(actor, alias, normalise_name(alias), name, kind, articles)
        for actor, alias, name, kind, articles in rows
    )


LAVROV = (1, "Sergei Lavrov", "Sergei Lavrov", "person", 4)
LAVROV_ALONE = (1, "Lavrov", "Sergei Lavrov", "person", 4)
STATE = (2, "Islamic State", "Islamic State", "group", 6)
STATE_SHORT = (2, "IS", "Islamic State", "group", 6)
GETTY = (3, "Oil", "Getty Oil", "organisation", 1)
ZEALAND = (4, "New Zealand", "New Zealand", "place", 3)
CUBA = (5, "Cuba", "Cuba", "place", 2)


def found(index: ActorNames, text: str, counts: dict[str, int] | None = None) -> list[str]:
    words = list(parse_question(text, TODAY).words)
    hits = index.find(
        words, lambda w: (counts or {}).get(w, 0), lambda w: bool((counts or {}).get(w))
    )
    return [index.actors[h.actor_ids[0]].name + f"/{h.edits}" for h in hits]


@pytest.mark.parametrize(
    "typed", ["Lavrov", "lavrov", "LAVROV", "Lávrov", "Lavrof", "Lavorv", "Sergey Lavrov",
              "Sergei Lavrov", "sergej lavrov"],
)  # fmt: skip
def test_lavrov_is_found_however_typed(typed: str) -> None:
    index = names(LAVROV, LAVROV_ALONE, STATE, STATE_SHORT)
    (hit,) = found(index, f"what did {typed} say")
    assert hit.startswith("Sergei Lavrov/")


def test_a_surname_finds_the_person_even_when_only_the_full_name_is_known() -> None:
    assert found(names(LAVROV), "Lavrov") == ["Sergei Lavrov/0"]


def test_longest_names_first_and_acronyms_only_in_capitals() -> None:
    index = names(LAVROV, LAVROV_ALONE, STATE, STATE_SHORT)
    assert found(index, "what did Lavrov say about Islamic State") == [
        "Sergei Lavrov/0",
        "Islamic State/0",
    ]
    assert found(index, "is IS in Iraq") == ["Islamic State/0"]
    assert found(index, "what is it") == []


def test_a_common_word_once_used_as_a_name_stays_a_word() -> None:
    index = names(GETTY)
    assert found(index, "oil prices", {"oil": 40, "prices": 30}) == []
    assert found(index, "oil prices", {"oil": 2}) == ["Getty Oil/0"]


def test_typos_only_in_words_no_article_has() -> None:
    index = names(CUBA, ZEALAND)
    assert found(index, "Cua") == ["Cuba/1"]  # a dropped letter in a short name
    assert found(index, "Cua", {"cua": 3}) == []  # a word of the archive is taken as meant
    assert found(index, "New Zeland") == ["New Zealand/1"]
    assert found(index, "new zealand") == ["New Zealand/0"]


def test_nearest_names_for_suggestions() -> None:
    index = names(LAVROV, STATE, CUBA)
    assert index.nearest("Lavrvo") == [1]
    assert index.nearest("xyzzy") == []


def test_nearest_terms_compare_stems_with_words() -> None:
    vocabulary = ["agricultur", "export", "exposur", "barlei"]
    counts = [5, 9, 1, 2]
    assert nearest_terms("agricultral", vocabulary, counts)[0] == "agricultur"
    assert nearest_terms("exprot", vocabulary, counts)[0] == "export"
    assert nearest_terms("xyz", vocabulary, counts) == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_parsing_never_fails(text: str) -> None:
    question = parse_question(text, TODAY)
    assert all(isinstance(w, Word) and w.text for w in question.words)
    assert question.intent in {"articles", "quotes", "events"}


@pytest.fixture(scope="module")
def small_archive() -> Archive:
    archive = Archive.open(":memory:")
    import_article(archive, 1, parse_pasted(OWN_ARTICLE))
    return archive


QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list("abcdunDUN \"*()^:+-.,?'NEARORANDNOT19-2015 \u00e9\u0301\u200b")),
    max_size=60,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), QUERY_TEXT))
def test_any_question_makes_safe_fts_expressions(small_archive: Archive, text: str) -> None:
    searcher = Searcher(small_archive)
    now = datetime(2024, 3, 10, tzinfo=UTC)
    plan = searcher.understand(1, text, now)
    ranked = searcher.rank(1, plan.groups, plan.filters, 5)  # raises on a bad expression
    assert len(ranked) <= 5
