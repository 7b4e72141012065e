"""Dated events (who did what to whom, when) on an article this project wrote."""

from datetime import date

import pytest

from briefing.analysis.actors import extract_actors
from briefing.analysis.events import Event, extract_events
from briefing.analysis.nlp import parse_article

PUBLISHED = date(2024, 3, 6)  # a Wednesday
TITLE = "Chile Sends Navy Ships as Fishing Row With Peru Grows"
BODY = """Chile sent two navy ships to the disputed fishing grounds on Monday, Defence Minister \
Ana Ruiz said.

Bolivian forces detained three fishermen near the border yesterday, according to local officials.

Argentina and Uruguay condemned the deployment last month.

"We will defend our waters and we will not be frightened by Peru," Ruiz said.

Peru's president, Luis Carranza, was not invited to the talks in Lima.

Lima accused Santiago of breaking a treaty signed on Feb. 3 and recalled its ambassador.

Carranza will step down in May, officials said.

The talks were held in a hotel."""


@pytest.fixture(scope="module")
def events() -> list[Event]:
    doc = parse_article(TITLE, BODY)
    return extract_events(doc, extract_actors(doc), PUBLISHED)


def event(events: list[Event], subject: str, action: str) -> Event:
    return next(e for e in events if (e.subject, e.action) == (subject, action))


def test_subject_action_and_a_weekday_resolved(events: list[Event]) -> None:
    sent = event(events, "Chile", "send ships")
    assert sent.objects == []
    assert sent.date == "2024-03-04"
    assert sent.sentence.startswith("Chile sent two navy ships")


def test_a_demonym_on_state_forces_is_the_subject(events: list[Event]) -> None:
    assert event(events, "Bolivia", "detain fishermen").date == "2024-03-05"


def test_each_of_two_subjects_gets_the_event(events: list[Event]) -> None:
    assert event(events, "Argentina", "condemn deployment").date == "2024-02"
    assert event(events, "Uruguay", "condemn deployment").date == "2024-02"


def test_passive_and_negation(events: list[Event]) -> None:
    snub = event(events, "Luis Carranza", "not be invited")
    assert snub.date == "2024-03-06"  # no date in the sentence: the publication date


def test_capitals_standing_for_governments_and_a_dated_treaty(events: list[Event]) -> None:
    accused = event(events, "Peru", "accuse")
    assert accused.objects == ["Chile"]
    assert accused.date == "2024-02-03"


def test_the_future_is_dated_ahead(events: list[Event]) -> None:
    assert event(events, "Luis Carranza", "step down").date == "2024-05"


def test_quotes_and_sentences_without_actors_give_no_events(events: list[Event]) -> None:
    assert not any("defend our waters" in e.sentence for e in events)
    assert not any("hotel" in e.sentence for e in events)
    assert not any(e.sentence.startswith("Chile Sends") for e in events)  # the title
    assert not any(e.action == "say" for e in events)


def test_without_a_publication_date_only_full_dates_are_given() -> None:
    doc = parse_article("", "Chile sent two ships on Monday. Peru signed the deal on May 5, 2021.")
    found = {e.subject: e.date for e in extract_events(doc, extract_actors(doc), None)}
    assert found == {"Chile": "", "Peru": "2021-05-05"}


def test_objects_are_actors_acted_on() -> None:
    doc = parse_article("", "Estonia is arming Latvia and Lithuania to help them fight smugglers.")
    (arming,) = extract_events(doc, extract_actors(doc), PUBLISHED)
    assert (arming.subject, arming.action, arming.objects) == (
        "Estonia",
        "arm",
        ["Latvia", "Lithuania"],
    )
