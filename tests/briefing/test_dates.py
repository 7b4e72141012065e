"""Date lines and stored-date display."""

import pytest

from briefing.dates import display_date, normalise_date, parse_date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sept. 3, 2019", "2019-09-03"),
        ("3rd March 2021", "2021-03-03"),
        ("March 3 2021, 5:30 pm", "2021-03-03T17:30"),
        ("2021/03/03", "2021-03-03"),
        ("Updated: Mar 3, 2021 14:05 GMT", "2021-03-03T14:05"),
    ],
)
def test_forms(line: str, expected: str) -> None:
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line", ["February 30, 2021", "The talks began on April 22, 2015 in Geneva", "", "2015"]
)
def test_not_a_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def test_normalise_iso_and_words() -> None:
    assert normalise_date("1987-02-26T15:01:01") == "1987-02-26T15:01"
    assert normalise_date("1987-02-26") == "1987-02-26"
    assert normalise_date("26 Feb 1987") == "1987-02-26"
    assert normalise_date("soon") is None
    assert normalise_date(None) is None


def test_display() -> None:
    assert display_date("2015-04-22") == "22 Apr 2015"
    assert display_date("2015-04-22T10:00") == "22 Apr 2015 10:00"
    assert display_date(None) == "undated"
