"""The one-call analysis and its command-line JSON shapes."""

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.pipeline import (
    Analysis,
    actors_to_json,
    analyse,
    analyse_many,
    events_to_json,
    publication_date,
    quotes_to_json,
)


def analysis_to_json(analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """All three lists of an analysis, as the command line prints them."""
    return {
        "actors": actors_to_json(analysis.actors),
        "quotes": quotes_to_json(analysis.quotes),
        "events": events_to_json(analysis.events),
    }


TITLE = "Estonia Arms Coast Guard, Minister Says"
BODY = """Estonia is arming its coast guard, Defence Minister Olek Brandt said on Monday.

"We will protect every harbour," Brandt said."""


def test_json_shapes_are_exactly_the_command_line_ones() -> None:
    shaped = analysis_to_json(analyse(TITLE, BODY, "2022-05-04"))
    assert set(shaped) == {"actors", "quotes", "events"}
    assert shaped["actors"] == [
        {"name": "Estonia", "type": "place", "aliases": ["Estonia"], "mentions": 2},
        {
            "name": "Olek Brandt",
            "type": "person",
            "aliases": ["Olek Brandt", "Brandt"],
            "mentions": 2,
        },
    ]
    assert shaped["quotes"] == [
        {
            "speaker": "Olek Brandt",
            "text": "Estonia is arming its coast guard",
            "sentence": "Estonia is arming its coast guard, Defence Minister Olek Brandt said on "
            "Monday.",
        },
        {
            "speaker": "Olek Brandt",
            "text": "We will protect every harbour",
            "sentence": '"We will protect every harbour," Brandt said.',
        },
    ]
    assert shaped["events"] == [
        {
            "subject": "Estonia",
            "action": "arm guard",
            "objects": [],
            "date": "2022-05-02",
            "sentence": "Estonia is arming its coast guard, Defence Minister Olek Brandt said on "
            "Monday.",
        },
        {
            "subject": "Olek Brandt",
            "action": "said",
            "objects": [],
            "date": "2022-05-02",
            "sentence": "Estonia is arming its coast guard, Defence Minister Olek Brandt said on "
            "Monday.",
        },
    ]
    json.dumps(shaped)  # plain JSON values only


def test_analyse_many_keeps_order_and_matches_analyse() -> None:
    items = [
        (TITLE, BODY, "2022-05-04T09:30"),
        ("", "Latvia closed its border on Friday.", None),
        ("Empty", "", "not a date"),
    ]
    many = [analysis_to_json(a) for a in analyse_many(items, batch_size=2)]
    one_by_one = [analysis_to_json(analyse(*item)) for item in items]
    assert many == one_by_one
    assert many[1]["events"][0]["date"] == ""  # Friday, but no publication date
    assert many[2] == {"actors": [], "quotes": [], "events": []}


def test_publication_date() -> None:
    assert str(publication_date("2015-04-22T10:00")) == "2015-04-22"
    assert publication_date("22 April") is None
    assert publication_date(None) is None


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list('Aa Bb."“”«»\n,:Mr.Lind said IS Moscow 12 Feb')), max_size=80
    ),
    st.text(alphabet=st.sampled_from(list("Title Ab\n")), max_size=12),
)
def test_any_text_is_analysed_without_error(body: str, title: str) -> None:
    result = analyse(title, body, "2020-02-29")
    shaped = analysis_to_json(result)
    assert all(a["mentions"] >= 1 for a in shaped["actors"])
    assert all(q["text"] for q in shaped["quotes"])


def test_empty_article() -> None:
    assert analysis_to_json(analyse("", "", None)) == {"actors": [], "quotes": [], "events": []}
