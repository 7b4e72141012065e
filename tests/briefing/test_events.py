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
    # "a treaty signed on Feb. 3" dates the treaty, not the accusation: the accusation is
    # undated in its sentence, so it takes the publication date like any undated clause.
    assert accused.date == "2024-03-06"
    assert not any(e.date == "2024-02-03" for e in events)


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


# --- reporting clauses and which clause a date belongs to ---------------------------------


def events_of(body: str, published: date | None = PUBLISHED) -> list[Event]:
    doc = parse_article("", body)
    return extract_events(doc, extract_actors(doc), published)


def test_a_dated_reporting_clause_is_an_event_of_its_speaker() -> None:
    found = events_of(
        "Chile is sending ships to the border, Defence Minister Ana Ruiz said Monday."
    )
    said = [e for e in found if e.action == "said"]
    assert [(e.subject, e.date) for e in said] == [("Ana Ruiz", "2024-03-04")]
    # The clause she reports carries her date.
    assert event(found, "Chile", "send ships").date == "2024-03-04"


def test_told_with_its_listener_and_a_pronoun_speaker() -> None:
    found = events_of(
        "Defence Minister Ana Ruiz arrived in Lima on Friday. She told Peru on Tuesday that the"
        " fleet would stay."
    )
    told = event(found, "Ana Ruiz", "told")
    assert (told.objects, told.date) == (["Peru"], "2024-03-05")


def test_an_undated_reporting_clause_is_no_event() -> None:
    found = events_of("Defence Minister Ana Ruiz said Chile would not withdraw its ships.")
    assert not any(e.subject == "Ana Ruiz" for e in found)


def test_what_may_be_does_not_take_the_date_it_was_said() -> None:
    found = events_of("Defence Minister Ana Ruiz said on Monday that Chile would not withdraw.")
    assert event(found, "Ana Ruiz", "said").date == "2024-03-04"
    assert event(found, "Chile", "not withdraw").date == "2024-03-06"


def test_dates_of_a_relative_clause_or_a_noun_stay_with_it() -> None:
    found = events_of(
        "Peru, which signed the accord in January, rejected the plan last month. "
        "Bolivia welcomed last week's vote in the assembly."
    )
    assert event(found, "Peru", "reject plan").date == "2024-02"
    assert not any(e.date == "2024-01" for e in found)
    assert event(found, "Bolivia", "welcome vote").date == "2024-03-06"  # undated: published


def test_dates_resolve_against_the_publication_date() -> None:
    found = events_of(
        "Peru recalled its ambassador on Dec. 12. Chile sent a note on Wednesday. "
        "Argentina protested in March."
    )
    assert event(found, "Peru", "recall ambassador").date == "2023-12-12"  # nearest before
    assert event(found, "Chile", "send note").date == "2024-03-06"  # the day itself
    assert event(found, "Argentina", "protest").date == "2024-03"


def test_a_clause_speaking_ahead_is_dated_ahead() -> None:
    found = events_of(
        "Defence Minister Ana Ruiz is expected in Lima on Friday. Chile would sign on June 3."
    )
    assert event(found, "Ana Ruiz", "be expected").date == "2024-03-08"
    assert event(found, "Chile", "sign").date == "2024-06-03"


def test_coordinated_verbs_share_the_date_of_their_subject_clause() -> None:
    found = events_of("Peru met Chile on Monday and signed the accord.")
    assert event(found, "Peru", "meet").date == "2024-03-04"
    assert event(found, "Peru", "sign accord").date == "2024-03-04"


def test_one_event_per_clause_however_many_dates() -> None:
    found = events_of("Chile sent two ships on Monday, March 4, to the border.")
    assert [(e.subject, e.action, e.date) for e in found] == [("Chile", "send ships", "2024-03-04")]
