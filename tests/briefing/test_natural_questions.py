"""Questions in plain words: word forms, abbreviations, long questions and their dates."""

from datetime import UTC, date, datetime

import pytest

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import parse_question
from briefing.questions.word_forms import _tables, abbreviation_of, spelled_out_at, word_forms
from storage import Archive

NOW = datetime(2024, 6, 1, 12, tzinfo=UTC)
CHAT = 1

VICTORY = """# Mayor Okonjo congratulates Harlow on victory

1 May 2024

Mayor Adaeze Okonjo congratulated Tom Harlow, who wins the Riverton council vote by a wide
margin. Harlow thanked the volunteers of his campaign.
"""
CARDS = """# Council backs identity cards for library users

2 May 2024

The Riverton council voted to issue identity cards to every library user from September.
Councillor Mira Patel said the cards would replace paper tickets.
"""
FERRY = """# Ferry timetable changes on the northern route

3 May 2024

The harbour company changed the ferry timetable on the northern route after the storm season.
Passengers were told that the first crossing now leaves an hour later.
"""
MINISTER = """# Prime minister opens the new harbour bridge

4 May 2024

The prime minister opened the harbour bridge at Riverton on Friday, praising the engineers.
"""

needs_model_tables = pytest.mark.skipif(
    not _tables(), reason="no spaCy English model installed (its lemma tables)"
)


def _archive(archive: Archive, *texts: str) -> list[int]:
    return [import_article(archive, CHAT, parse_pasted(t)).article.id for t in texts]


def _ids(archive: Archive, question: str) -> list[int]:
    answer = ask(Searcher(archive), CHAT, question, NOW, intent="articles")
    return [item.article.id for item in answer.articles]


@needs_model_tables
def test_irregular_forms_both_ways() -> None:
    assert {"won", "win"} <= set(word_forms("won"))
    assert "won" in word_forms("win")
    assert "said" in word_forms("says")
    assert word_forms("men")[:2] == ("men", "man")
    assert word_forms("harbour") == ("harbour",)


@needs_model_tables
def test_a_regular_ending_is_not_taken_off_another_word() -> None:
    assert "rat" not in word_forms("rates")  # "rates" is "rate" + s, not "rat" + es
    assert "rat" not in word_forms("rated")  # the -ed form of "rat" is "ratted"
    assert {"plan", "planned"} <= set(word_forms("plans"))
    assert "go" in word_forms("goes")


def test_abbreviations_both_ways() -> None:
    assert abbreviation_of("ID") == ("identity",)
    assert abbreviation_of("identity") == ("id",)
    assert "united nations" in abbreviation_of("U.N.")
    assert abbreviation_of("prime minister") == ("pm",)
    assert abbreviation_of("harbour") == ()
    assert spelled_out_at(["the", "prime", "minister"], 1) == 2
    assert spelled_out_at(["prime", "time"], 0) == 0


@needs_model_tables
def test_who_won_finds_the_article_about_winning(archive: Archive) -> None:
    victory, _, _ = _archive(archive, VICTORY, CARDS, FERRY)
    assert _ids(archive, "who won")[:1] == [victory]  # "won" is in no article: "wins" is
    assert _ids(archive, "who won the council vote")[0] == victory


def test_abbreviation_finds_the_spelled_out_words(archive: Archive) -> None:
    _, cards, _, minister = _archive(archive, VICTORY, CARDS, FERRY, MINISTER)
    assert _ids(archive, "ID")[:1] == [cards]  # "ID" is in no article: "identity" is
    assert _ids(archive, "ID cards")[0] == cards
    assert _ids(archive, "what did the PM open")[0] == minister
    assert _ids(archive, "prime minister")[0] == minister


def test_long_question_finds_the_article_answering_most_of_it(archive: Archive) -> None:
    _, _, ferry = _archive(archive, VICTORY, CARDS, FERRY)
    question = (
        "why does the first ferry crossing on the northern route leave later than the old"
        " timetable said in 2023, and was the lighthouse keeper consulted"
    )
    assert _ids(archive, question)[0] == ferry


def test_an_article_answering_more_of_the_question_ranks_higher(archive: Archive) -> None:
    most = _archive(
        archive,
        "# Port board meeting\n\nThe port board met on Tuesday. Members discussed the budget,"
        " the new offices, staff pay and the summer timetable at length. They agreed that"
        " harbour fees for ferries will go up next year.",
        "# Lighthouse keeper retires\n\nThe lighthouse keeper retired after the lighthouse"
        " was automated; the old lighthouse becomes a museum.",
        "# Harbour walk\n\nA new walk runs along the harbour wall.",
        "# Ferries return\n\nFerries return to the island in May.",
        "# School fees\n\nSchool fees are frozen this year.",
    )[0]
    # No article has every word; the one with three of the four parts comes first, above
    # the one where the rarest word stands in the title three times.
    assert _ids(archive, "harbour fees ferries lighthouse")[0] == most


def test_a_long_sentence_takes_its_date_as_words() -> None:
    long = parse_question(
        "Harlow had knee surgery in 2004 and was told to rest before the council vote",
        date(2024, 6, 1),
    )
    assert long.since is None and long.period == ""
    assert "2004" in [w.text for w in long.words]
    short = parse_question("Harlow council vote in 2004", date(2024, 6, 1))
    assert short.since == "2004-01-01"
