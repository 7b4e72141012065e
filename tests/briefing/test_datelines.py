"""Wire datelines and agency markers, in the shapes wires and papers use (invented stories)."""

from datetime import date

import pytest

from briefing.ingest.datelines import (
    agency_name,
    read_dateline,
    resolve_date,
    signature_agency,
)

PASTED = date(2021, 5, 10)


@pytest.mark.parametrize(
    ("line", "place", "published_at", "source", "rest"),
    [
        ("PORT MIREL, April 23 (Reuters) - Dockers struck.", "PORT MIREL", "2021-04-23",
         "Reuters", "Dockers struck."),
        ("SELVA, May 2 - Barges waited.", "SELVA", "2021-05-02", "", "Barges waited."),
        ("VALDORIA 2019-08-30", "VALDORIA", "2019-08-30", "", ""),
        ("Valdoria, 23 April 2015", "Valdoria", "2015-04-23", "", ""),
        ("NORTH HARBOUR (AP) — The mayor spoke.", "NORTH HARBOUR", None, "AP",
         "The mayor spoke."),
        ("ST. ARNO, Md., Feb. 3 (AFP) – Talks began.", "ST. ARNO, Md.", "2021-02-03", "AFP",
         "Talks began."),
        ("Mirel City, Selva, March 9, 2020 (Associated Press) -- Rain fell.",
         "Mirel City, Selva", "2020-03-09", "AP", "Rain fell."),
        ("GRANVIK, March 12, Reuter - Prices rose.", "GRANVIK", "2021-03-12", "Reuters",
         "Prices rose."),
        ("(Reuters) - Prices rose.", "", None, "Reuters", "Prices rose."),
        ("MONDSEE, Feb 26- Output fell.", "MONDSEE", "2021-02-26", "", "Output fell."),
        ("March 3, 2024", "", "2024-03-03", "", ""),
    ],
)  # fmt: skip
def test_shapes(line: str, place: str, published_at: str | None, source: str, rest: str) -> None:
    found = read_dateline(line, PASTED)
    assert found is not None
    assert (found.place, found.published_at, found.source, found.rest) == (
        place, published_at, source, rest,
    )  # fmt: skip


@pytest.mark.parametrize(
    "line",
    [
        "The talks began on April 22, 2015 in Valdoria.",
        "Dunn said on April 23 - and again later - that the strike goes on.",
        "PORT MIREL - Dockers struck.",  # a place alone says neither when nor who
        "NATO — the alliance met.",
        "Valdoria (Selva) — Dockers struck.",  # not an agency
        "Lavrov said: fine.",
        "",
    ],
)
def test_not_a_dateline(line: str) -> None:
    assert read_dateline(line, PASTED) is None


def test_year_is_the_latest_not_after_the_reference() -> None:
    assert resolve_date("Dec 30", False, date(2022, 1, 3)) == date(2021, 12, 30)
    assert resolve_date("Jan 2", False, date(2022, 1, 3)) == date(2022, 1, 2)
    # a day ahead is the wire's time zone, not a story a year old
    assert resolve_date("Jan 4", False, date(2022, 1, 3)) == date(2022, 1, 4)
    assert resolve_date("Jan 9", False, date(2022, 1, 3)) == date(2021, 1, 9)
    assert resolve_date("Feb 29", False, date(2023, 3, 1)) == date(2020, 2, 29)
    assert resolve_date("23 April 2015", True, date(2022, 1, 3)) == date(2015, 4, 23)


def test_a_stated_year_is_kept_and_an_impossible_day_is_no_dateline() -> None:
    found = read_dateline("VALDORIA, April 23, 2009 (AP) - X.", PASTED)
    assert found is not None and found.published_at == "2009-04-23"
    assert read_dateline("VALDORIA, Feb 30, 2009 - X.", PASTED) is None


def test_agency_names_and_signatures() -> None:
    assert agency_name("The Associated Press") == "AP"
    assert agency_name("REUTER") == "Reuters"
    assert agency_name("Agence France-Presse") == "AFP"
    assert agency_name("Valdoria Courier") == ""
    assert signature_agency(" Reuter") == "Reuters"
    assert signature_agency("REUTER") == "Reuters"
    assert signature_agency("- AP -") == "AP"
    assert signature_agency("Reuters said prices rose.") == ""
