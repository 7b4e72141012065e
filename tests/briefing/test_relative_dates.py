"""Date expressions resolved against the publication date: examples and properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.questions.relative_dates import find_dates

WEDNESDAY = date(2024, 3, 6)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]  # fmt: skip
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


def resolve_date(expression: str, published: date | None, future: bool = False) -> str | None:
    """The value of the first date expression found, or None."""
    found = find_dates(expression, published, future)
    return found[0].value if found else None


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("Wednesday", "2024-03-06"),  # the publication day itself
        ("on Monday", "2024-03-04"),
        ("Thursday", "2024-02-29"),
        ("last Wednesday", "2024-02-28"),
        ("next Monday", "2024-03-11"),
        ("Monday night", "2024-03-04"),
        ("Feb. 3", "2024-02-03"),
        ("February 3", "2024-02-03"),
        ("3 February", "2024-02-03"),
        ("Dec. 24", "2023-12-24"),  # the latest 24 December on or before
        ("March 6", "2024-03-06"),
        ("March 7", "2023-03-07"),
        ("on April 20, 2019", "2019-04-20"),
        ("20 April 2019", "2019-04-20"),
        ("2019-04-20", "2019-04-20"),
        ("yesterday", "2024-03-05"),
        ("last night", "2024-03-05"),
        ("today", "2024-03-06"),
        ("this morning", "2024-03-06"),
        ("tomorrow", "2024-03-07"),
        ("the day before yesterday", "2024-03-04"),
        ("three days ago", "2024-03-03"),
        ("2 weeks ago", "2024-02-21"),
        ("last week", "2024-02-26"),  # a week is given by its Monday
        ("this week", "2024-03-04"),
        ("last weekend", "2024-03-02"),
        ("last month", "2024-02"),
        ("earlier this month", "2024-03"),
        ("next month", "2024-04"),
        ("two months ago", "2024-01"),
        ("in February", "2024-02"),
        ("in May", "2023-05"),
        ("last March", "2023-03"),
        ("mid-January", "2024-01"),
        ("March 2019", "2019-03"),
        ("last year", "2023"),
        ("in 2019", "2019"),
        ("a year ago", "2023"),
    ],
)
def test_expressions_resolve_against_the_publication_date(expression: str, expected: str) -> None:
    assert resolve_date(expression, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [("Monday", "2024-03-11"), ("Wednesday", "2024-03-06"), ("Feb. 3", "2025-02-03"),
     ("in May", "2024-05"), ("last Monday", "2024-03-04")],
)  # fmt: skip
def test_the_future_looks_ahead(expression: str, expected: str) -> None:
    assert resolve_date(expression, WEDNESDAY, future=True) == expected


@pytest.mark.parametrize(
    "text",
    ["It may rain", "may", "The 1987 budget", "a March through the city", "Feb. 30",
     "500 days", "in 300 cases", "May Day"],
)  # fmt: skip
def test_words_that_are_not_dates(text: str) -> None:
    assert resolve_date(text, WEDNESDAY) is None


def test_without_a_publication_date_only_full_dates_resolve() -> None:
    assert resolve_date("Wednesday", None) is None
    assert resolve_date("last month", None) is None
    assert resolve_date("June 5, 2021", None) == "2021-06-05"
    assert resolve_date("June 2021", None) == "2021-06"


def test_a_29_february_goes_back_to_a_leap_year() -> None:
    assert resolve_date("Feb. 29", date(2023, 3, 1)) == "2020-02-29"
    assert resolve_date("Feb. 29", date(2024, 3, 1)) == "2024-02-29"


def test_find_dates_reports_spans_in_order() -> None:
    text = "A deal reached on Feb. 12 ended the fighting, the minister said Wednesday."
    found = find_dates(text, date(2015, 4, 22))
    assert [(m.text, m.value) for m in found] == [
        ("Feb. 12", "2015-02-12"),
        ("Wednesday", "2015-04-22"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_the_longest_expression_wins() -> None:
    (found,) = find_dates("It happened on March 3, 2021 in the north.", WEDNESDAY)
    assert (found.text, found.value) == ("March 3, 2021", "2021-03-03")


@given(days, st.sampled_from(WEEKDAYS))
def test_a_weekday_is_within_the_week_before(published: date, weekday: str) -> None:
    value = date.fromisoformat(resolve_date(weekday, published) or "")
    assert published - timedelta(days=6) <= value <= published
    assert value.strftime("%A") == weekday


@given(days, st.sampled_from(WEEKDAYS))
def test_next_weekday_is_within_the_week_after(published: date, weekday: str) -> None:
    value = date.fromisoformat(resolve_date(f"next {weekday}", published) or "")
    assert published < value <= published + timedelta(days=7)
    assert value.strftime("%A") == weekday


@given(days, st.integers(1, 12), st.integers(1, 28))
def test_a_day_of_a_month_is_within_the_year_before(published: date, month: int, day: int) -> None:
    value = date.fromisoformat(resolve_date(f"{MONTH_NAMES[month - 1]} {day}", published) or "")
    assert (value.month, value.day) == (month, day)
    assert published - timedelta(days=366) < value <= published


@given(days, st.integers(0, 400))
def test_days_ago_count_back(published: date, count: int) -> None:
    assert (
        resolve_date(f"{count} days ago", published)
        == (published - timedelta(days=count)).isoformat()
    )


@given(days)
def test_last_month_is_the_month_before(published: date) -> None:
    value = resolve_date("last month", published) or ""
    year, month = map(int, value.split("-"))
    assert (year * 12 + month) == published.year * 12 + published.month - 1
