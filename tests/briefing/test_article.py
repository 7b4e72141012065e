"""Pasted-article parsing on articles this project wrote, in the seed's shape and others."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.ingest.article import content_hash, parse_pasted, shorten
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def test_seed_shape_gives_every_field() -> None:
    article = parse_pasted(OWN_ARTICLE)
    assert article.title == (
        "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says"
    )
    assert article.published_at == "2024-03-03"
    assert article.source == "The Coastal Courier"
    assert (
        article.url
        == "https://courier.example.org/2024/03/03/valdoria-harbour-strike?utm_source=feed"
    )
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == (
        "Dock workers in the port of Valdoria walked out on Sunday, union leader Mirela Dunn"
        " said, demanding a pay rise after two years of frozen wages."
    )
    assert len(paragraphs) == 3
    for leftover in ("**", "March 3, 2024", "Original url", "courier.example.org", "# "):
        assert leftover not in article.body


def test_single_bold_source_and_day_month_date() -> None:
    article = parse_pasted(OTHER_ARTICLE)
    assert article.title == "Glacier Survey Finds Faster Melting in Northern Range"
    assert article.published_at == "2023-05-12"
    assert article.source == "Alpine Science Daily"
    assert article.url is None
    assert article.body.startswith("A survey team led by glaciologist Tomas Berg")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("April 22, 2015", "2015-04-22"),
        ("22 April 2015", "2015-04-22"),
        ("Apr. 22, 2015 10:00", "2015-04-22T10:00"),
        ("2015-04-22", "2015-04-22"),
        ("Wednesday, April 22, 2015", "2015-04-22"),
        ("Published: 22.04.2015", "2015-04-22"),
    ],
)
def test_date_line_forms(line: str, expected: str) -> None:
    text = f"# A Title For The Test\n\n{line}\n\nThe body of the article says something useful."
    article = parse_pasted(text)
    assert article.published_at == expected
    assert line not in article.body


@pytest.mark.parametrize(
    "url_block",
    [
        "Source: https://news.example.com/a/1",
        "URL: https://news.example.com/a/1",
        "Original url:\n\n<https://news.example.com/a/1>",
        "https://news.example.com/a/1",
    ],
)
def test_url_forms_at_the_end(url_block: str) -> None:
    text = (
        f"# Ferry Service Resumes\n\nThe ferry to the islands sails again today.\n\n{url_block}\n"
    )
    article = parse_pasted(text)
    assert article.url == "https://news.example.com/a/1"
    assert "example.com" not in article.body
    assert article.body == "The ferry to the islands sails again today."


def test_source_label_with_a_name_is_the_source() -> None:
    text = "# Ferry Service Resumes\n\nThe ferry sails again today.\n\nSource: Island Gazette\n"
    article = parse_pasted(text)
    assert article.source == "Island Gazette"
    assert "Island Gazette" not in article.body


def test_broken_paragraph_is_joined_but_real_paragraphs_stay() -> None:
    text = (
        "# Title Here\n\nThe minister said the plan, which had been delayed by\n\n"
        "months of talks, would start in June.\n\nA second paragraph begins here."
    )
    body = parse_pasted(text).body
    assert body == (
        "The minister said the plan, which had been delayed by months of talks,"
        " would start in June.\n\nA second paragraph begins here."
    )


def test_text_without_structure_is_titled_by_its_first_sentence() -> None:
    text = (
        "officials in the northern province confirmed on tuesday that the bridge will reopen."
        " Traffic had been diverted for three months."
    )
    article = parse_pasted(text)
    assert article.title == (
        "officials in the northern province confirmed on tuesday that the bridge will reopen"
    )
    assert article.body == text
    assert article.published_at is None


def test_long_first_sentence_is_shortened_at_a_word() -> None:
    text = "word " * 80 + "end."
    title = parse_pasted(text).title
    assert len(title) <= 120
    assert title.endswith("…")
    assert not title[:-1].endswith(" ")


def test_plain_headline_line_becomes_the_title() -> None:
    text = "Ferry Service Resumes After Storm\n\nThe ferry to the islands sails again today."
    article = parse_pasted(text)
    assert article.title == "Ferry Service Resumes After Storm"
    assert article.body == "The ferry to the islands sails again today."


def test_markdown_links_and_emphasis_are_removed() -> None:
    text = "# T\n\nThe **council** voted, see [the minutes](https://x.example/m) and *details*."
    assert parse_pasted(text).body == "The council voted, see the minutes and details."


def test_shorten_keeps_short_text() -> None:
    assert shorten("short") == "short"


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash("", "Hello,  World") == content_hash("", "hello world")
    assert content_hash("", "hello world") != content_hash("", "hello there")


@given(st.text(max_size=3000))
def test_any_text_parses_without_error(text: str) -> None:
    article = parse_pasted(text)
    assert isinstance(article.title, str)
    assert len(article.title) <= 300


WIRE_PASTED = date(2021, 5, 10)


@pytest.mark.parametrize(
    ("text", "published_at", "source", "place"),
    [
        ("PORT MIREL, April 23 (Reuters) - Dockers ended their strike on\nThursday, the union"
         " said.\n\nShips loaded again.", "2021-04-23", "Reuters", "PORT MIREL"),
        ("Strike Ends in Port Mirel\n\nPORT MIREL 2019-08-30\n\nDockers ended their strike on"
         " Thursday, the union said.", "2019-08-30", "", "PORT MIREL"),
        ("Port Mirel, 23 April 2015\n\nDockers ended their strike on Thursday, the union said.",
         "2015-04-23", "", "Port Mirel"),
        ("PORT MIREL (AP) — Dockers ended their strike on Thursday, the union said.\n\nShips"
         " loaded again.", None, "AP", "PORT MIREL"),
        ("DOCKERS END STRIKE IN PORT MIREL, U.S. SAYS.\n\n    PORT MIREL, Feb 26 - Dockers ended"
         "\ntheir strike on Thursday, the union said.\n Reuter", "2021-02-26", "Reuters",
         "PORT MIREL"),
    ],
)  # fmt: skip
def test_wire_datelines_give_date_source_and_leave_the_body(
    text: str, published_at: str | None, source: str, place: str
) -> None:
    article = parse_pasted(text, WIRE_PASTED)
    assert (article.published_at, article.source, article.place) == (published_at, source, place)
    assert article.body.startswith("Dockers ended")
    assert article.title.startswith(("Strike Ends", "Dockers", "DOCKERS"))
    for marker in ("PORT MIREL", "Port Mirel,", "Reuter", "(AP)", "—", "2019", "April"):
        assert marker not in article.body


def test_stated_date_and_source_lines_win_over_the_dateline() -> None:
    text = (
        "# Strike Ends in Port Mirel\n\nDecember 30, 2020\n\n**Selva Courier**\n\n"
        "PORT MIREL, Jan 2 (Reuters) - Dockers ended their strike, the union said."
    )
    article = parse_pasted(text, date(2024, 6, 1))
    assert (article.published_at, article.source) == ("2020-12-30", "Selva Courier")
    assert article.body == "Dockers ended their strike, the union said."


def test_a_dateline_without_a_year_is_the_latest_such_day_before_the_paste() -> None:
    text = "# Strike Ends\n\nPORT MIREL, Dec 30 - Dockers ended their strike."
    assert parse_pasted(text, date(2022, 1, 3)).published_at == "2021-12-30"
    assert parse_pasted(text, date(2022, 12, 31)).published_at == "2022-12-30"


def test_agency_lines_in_the_header() -> None:
    text = "# Strike Ends\n\nBy Ilse Varga, Associated Press\n\nDockers ended their strike."
    assert parse_pasted(text).source == "AP"
    text = "# Strike Ends\n\nReuters\n\nDockers ended their strike."
    article = parse_pasted(text)
    assert (article.source, article.body) == ("Reuters", "Dockers ended their strike.")


def test_text_that_only_looks_like_a_dateline_is_kept() -> None:
    text = "Dunn said on April 23 - and again later - that the strike goes on.\n\nMore."
    article = parse_pasted(text, WIRE_PASTED)
    assert article.published_at is None and article.source == ""
    assert article.body.startswith("Dunn said on April 23")
