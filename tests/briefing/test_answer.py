"""Answers to questions over a small analysed archive the project wrote: actors despite
typos, quotes, events, dates, sources, retold stories, corrections, suggestions, paging."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.analysis.archive import analyse_article
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.answer import Answer, answer_json, ask
from briefing.questions.profiles import find_actors
from briefing.questions.ranking import Searcher
from briefing.questions.sayings import actor_quotes, actor_timeline
from briefing.questions.snippets import plain_snippet, snippet_parts
from storage import ActorRecord, Archive
from storage.actors import ActorStore

BRIDGE = """# Kelmar Will Fund a New Bridge Over the Daro, Minister Tomas Varga Says

May 6, 2024

**Northern Ledger**

Kelmar's transport minister Tomas Varga said on Monday that the government would pay for a \
new bridge over the Daro river.

"The bridge will open in two years and it will carry trains as well as cars," Varga told \
reporters in Ostrava Nova.

Opposition leader Ilse Marten criticised the plan as too expensive for a small country.

Original url:

<https://ledger.example.net/2024/05/06/daro-bridge>
"""

BRIDGE_RETOLD = """# Kelmar to Fund New Daro Bridge, Says Transport Minister Varga

May 6, 2024

**Valley Gazette**

Kelmar's transport minister Tomas Varga said on Monday that the government would pay for a \
new bridge across the Daro river.

"The bridge will open in two years and it will carry trains as well as cars," Varga told \
reporters in Ostrava Nova on Monday.

Opposition leader Ilse Marten criticised the plan as far too expensive for a small country.
"""

FLOODS = """# Floods Close the Daro Valley Railway

April 12, 2024

**Northern Ledger**

Heavy rain flooded the Daro valley on Thursday and closed the railway between Ostrava Nova \
and Pell for three days.

"We have never seen the river this high," said Ilse Marten, who leads the opposition in Kelmar.

Engineers from the national railway inspected the damaged tracks on Friday.
"""

HARVEST = """# Grain Harvest in Pellmark Beats Forecasts

March 2, 2024

**Farm Weekly**

Farmers in Pellmark gathered a record grain harvest, the agriculture ministry said.

Exports of barley rose by a fifth as buyers in Kelmar ordered more feed.
"""

AIRSHIP = """# Airship Service Starts Between Two Islands

June 1, 2024

**Island Courier**

A zeppelin began carrying passengers between the two islands on Saturday.
"""

NOW = datetime(2024, 5, 20, 12, tzinfo=UTC)
CHAT, OTHER = 1, 2


def build(path: Path) -> Archive:
    """An archive with the articles above in chat 1 (analysed) and an airship story in chat 2."""
    archive = Archive.open(path)
    store = ActorStore(archive.database)
    for chat, texts in ((CHAT, (BRIDGE, BRIDGE_RETOLD, FLOODS, HARVEST)), (OTHER, (AIRSHIP,))):
        for text in texts:
            outcome = import_article(archive, chat, parse_pasted(text))
            assert outcome.status in {"new", "same_story"}
            analyse_article(archive, store, chat, outcome.article.id)
    return archive


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    """A searcher over the analysed archive, built once for the module."""
    archive = build(tmp_path_factory.mktemp("answers") / "archive.db")
    yield Searcher(archive)
    archive.close()


def question(searcher: Searcher, text: str, chat: int = CHAT, **options: object) -> Answer:
    return ask(searcher, chat, text, NOW, **options)  # type: ignore[arg-type]


def titles(answer: Answer) -> list[str]:
    return [item.article.title for item in answer.articles]


def bold(text: str) -> list[str]:
    return [part for part, matched in snippet_parts(text) if matched]


def test_an_actor_alone_gets_a_header_above_its_articles(searcher: Searcher) -> None:
    answer = question(searcher, "Varga")
    assert answer.header is not None
    assert (answer.header.name, answer.header.type) == ("Tomas Varga", "person")
    assert answer.header.articles == 2
    assert answer.header.first_seen == answer.header.last_seen == "2024-05-06"
    assert len(answer.articles) == 1  # the retold story is shown once
    assert "Varga" in bold(answer.articles[0].sentence)


@pytest.mark.parametrize(
    "typed",
    ["Varga", "varga", "VARGA", "Vrga", "Vagra", "Tomas Varga", "Tomáš Varga", "Tomas Vargha"],
)
def test_names_are_found_despite_case_accents_and_typos(searcher: Searcher, typed: str) -> None:
    answer = question(searcher, typed)
    assert [g.label for g in answer.plan.actors] == ["Tomas Varga"]
    assert "Kelmar" in titles(answer)[0]


def test_a_corrected_name_is_said(searcher: Searcher) -> None:
    plan = question(searcher, "what did Vagra say").plan
    assert plan.corrected_query == "what did Varga say"
    assert question(searcher, "Varga").plan.corrected_query is None


def test_quote_questions_answer_with_the_quotes_about_the_topic(searcher: Searcher) -> None:
    answer = question(searcher, "what did Varga say about trains")
    assert answer.kind == "quotes"
    first = answer.quotes[0]
    assert first.quote.speaker == "Tomas Varga"
    assert first.quote.text.startswith("The bridge will open in two years")
    assert "trains" in bold(first.text)
    assert [g.label for g in answer.plan.speakers] == ["Tomas Varga"]


def test_quotes_by_someone_and_who_said_it(searcher: Searcher) -> None:
    answer = question(searcher, "quotes by Marten")
    assert answer.kind == "quotes"
    assert {q.quote.speaker for q in answer.quotes} == {"Ilse Marten"}
    assert "never seen the river this high" in answer.quotes[0].quote.text
    answer = question(searcher, "who said the river was high")
    assert answer.quotes and "river this high" in answer.quotes[0].quote.text


def test_a_quote_question_with_no_quote_falls_back_to_articles(searcher: Searcher) -> None:
    answer = question(searcher, "what did Varga say about barley")
    assert answer.kind == "articles" and answer.note == "No quotes found"


def test_event_questions_answer_with_dated_events(searcher: Searcher) -> None:
    answer = question(searcher, "what happened with Ilse Marten")
    assert answer.kind == "events"
    event = answer.events[0].event
    assert (event.subject, event.date) == ("Ilse Marten", "2024-05-06")
    assert "Marten" in bold(answer.events[0].sentence)


def test_the_sentence_that_answers_has_the_words_in_bold(searcher: Searcher) -> None:
    answer = question(searcher, "trains and cars")
    sentence = answer.articles[0].sentence
    assert "The bridge will open in two years" in plain_snippet(sentence)
    assert {"trains", "cars"} <= set(bold(sentence))


def test_inflected_words_match_and_are_marked(searcher: Searcher) -> None:
    answer = question(searcher, "flooding railways")
    assert titles(answer) == ["Floods Close the Daro Valley Railway"]
    assert {"flooded", "railway"} <= set(bold(answer.articles[0].sentence))


def test_a_story_from_two_outlets_is_shown_once_with_the_other(searcher: Searcher) -> None:
    (item,) = question(searcher, "bridge").articles
    both = {item.article.source, *item.other_sources}
    assert both == {"Northern Ledger", "Valley Gazette"}


def test_dates_are_relative_to_now(searcher: Searcher) -> None:
    assert titles(question(searcher, "Daro last month")) == ["Floods Close the Daro Valley Railway"]
    assert all("Bridge" in t for t in titles(question(searcher, "Daro since May")))
    assert titles(question(searcher, "Kelmar in March 2024")) == [
        "Grain Harvest in Pellmark Beats Forecasts"
    ]
    assert titles(question(searcher, "Kelmar between 1 and 15 April")) == [
        "Floods Close the Daro Valley Railway"
    ]
    assert question(searcher, "Kelmar yesterday").articles == ()


def test_sources_narrow_the_answer(searcher: Searcher) -> None:
    answer = question(searcher, "bridge from Valley Gazette")
    assert [a.article.source for a in answer.articles] == ["Valley Gazette"]
    assert answer.plan.source_names == ("Valley Gazette",)
    answer = question(searcher, "Kelmar source:ledger")
    assert {a.article.source for a in answer.articles} == {"Northern Ledger"}
    assert question(searcher, "Kelmar source:tass").articles == ()


def test_dates_or_sources_alone_list_the_latest_articles(searcher: Searcher) -> None:
    answer = question(searcher, "last month")
    assert titles(answer) == ["Floods Close the Daro Valley Railway"]


def test_a_misspelt_word_is_corrected_from_the_chats_own_words(searcher: Searcher) -> None:
    answer = question(searcher, "barly exports")
    assert [(c.typed, c.searched) for c in answer.plan.corrections] == [("barly", "barley")]
    assert answer.plan.corrected_query == "barley exports"
    assert titles(answer) == ["Grain Harvest in Pellmark Beats Forecasts"]


def test_corrections_never_come_from_another_chat(searcher: Searcher) -> None:
    mine = question(searcher, "zepelin")
    assert not mine.found and mine.plan.corrections == ()
    assert all("zeppelin" not in s.label for s in mine.suggestions)
    theirs = question(searcher, "zepelin", chat=OTHER)
    assert theirs.plan.corrected_query == "zeppelin"
    assert titles(theirs) == ["Airship Service Starts Between Two Islands"]


def test_nothing_found_offers_near_names_and_spellings(searcher: Searcher) -> None:
    answer = question(searcher, "Vrgqa")
    assert not answer.found and answer.plan.unmatched == ("Vrgqa",)
    labels = [s.label for s in answer.suggestions]
    assert "Tomas Varga" in labels and "varga" in labels
    assert [s.actor_id is not None for s in answer.suggestions] == [True, False]


def test_a_question_of_filler_only_searches_nothing(searcher: Searcher) -> None:
    answer = question(searcher, "what is it about?")
    assert answer.plan.groups == () and not answer.found


def test_pages(searcher: Searcher) -> None:
    first = question(searcher, "Kelmar", limit=1)
    second = question(searcher, "Kelmar", limit=1, page=1)
    assert first.pages == 2 and second.page == 1
    assert titles(first) != titles(second)


def test_json_shape(searcher: Searcher) -> None:
    data = answer_json(question(searcher, "what did Vagra say about trains"))
    assert data["intent"] == "quotes"
    assert data["corrected_query"] == "what did Varga say about trains"
    assert data["matched_actors"] == ["Tomas Varga"]
    assert data["quotes"][0]["speaker"] == "Tomas Varga"
    assert data["results"][0]["matched_actors"] == ["Tomas Varga"]
    assert set(data["results"][0]) == {
        "id", "title", "source", "url", "published_at", "snippet", "score", "matched_actors"
    }  # fmt: skip
    events = answer_json(question(searcher, "what happened with Marten"))
    assert events["events"][0]["date"] == "2024-05-06"
    assert "quotes" not in events and "corrected_query" not in events


# --- /quotes and /timeline take the questions' path ----------------------------------------


def _record(searcher: Searcher, name: str) -> ActorRecord:
    (match, *_) = find_actors(searcher.actors, CHAT, name)
    return match.actor


def test_the_quotes_command_finds_what_the_question_finds(searcher: Searcher) -> None:
    varga = _record(searcher, "Tomas Varga")
    asked = question(searcher, "what did Varga say about trains")
    commanded = actor_quotes(searcher, CHAT, varga, "trains", NOW)
    shown = len(asked.quotes)
    assert [i.quote.id for i in commanded][:shown] == [i.quote.id for i in asked.quotes]
    assert commanded and commanded[0].quote.text.startswith("The bridge will open")
    # An inflection or a typo of the topic matches as in a question; a word found nowhere
    # matches nothing (the question says so and shows the speaker's quotes).
    assert [i.quote.id for i in actor_quotes(searcher, CHAT, varga, "train", NOW)][:1] == [
        commanded[0].quote.id
    ]
    assert actor_quotes(searcher, CHAT, varga, "zzyzzq", NOW) == []
    assert actor_quotes(searcher, OTHER, varga, "", NOW) == []


def test_the_timeline_is_the_event_questions_events_newest_first(searcher: Searcher) -> None:
    marten = _record(searcher, "Ilse Marten")
    asked = question(searcher, "what happened with Ilse Marten", limit=50)
    events, more = actor_timeline(searcher, CHAT, marten, 0, size=50)
    assert not more and events
    assert {e.id for e in events} == {i.event.id for i in asked.events}
    assert [e.day for e in events] == sorted((e.day for e in events), reverse=True)
    first, more = actor_timeline(searcher, CHAT, marten, 0, size=1)
    assert first == events[:1] and more == (len(events) > 1)


def test_a_real_word_the_archive_lacks_is_left_unmatched_with_near_words(
    searcher: Searcher,
) -> None:
    answer = question(searcher, "Kelmar bride")
    assert answer.plan.corrections == () and answer.plan.unmatched == ("bride",)
    assert answer.found  # Kelmar is still answered, and the missing word said
    offered = {s.label: s.question for s in answer.suggestions}
    assert offered["bridge"] == "Kelmar bridge"
