"""Mentions the entity tagger missed or misread, found from the words around them."""

from spacy.tokens import Doc, Span

from briefing.analysis.article_names import resolve_mentions
from briefing.analysis.mention_model import UNSURE, NameMention
from briefing.analysis.missed_mentions import add_missed_mentions
from briefing.analysis.nlp import parse_article
from briefing.names import normalise_name
from tests.briefing.speaker_reading import actor_types, speakers


def _mention(doc: Doc, word: str, kind: str, nth: int = 0) -> NameMention:
    at = [t.i for t in doc if t.text == word][nth]
    return NameMention(at, at + 1, word, kind, normalise_name(word), None)


def test_a_name_read_as_a_nationality_that_an_apposition_calls_a_watchdog_is_one() -> None:
    doc = parse_article(
        "Checks",
        "Telvox, the country's premium rate services watchdog, said it welcomed the checks. "
        '"The checks are very welcome," a spokesperson from Telvox told the BBC.',
    )
    found = [_mention(doc, "Telvox", UNSURE, 0), _mention(doc, "Telvox", UNSURE, 1)]
    kinds = {m.type for m in add_missed_mentions(doc, found) if m.surface == "Telvox"}
    assert kinds == {"organisation"}


def test_a_name_read_as_a_nationality_with_no_description_stays_unsure() -> None:
    doc = parse_article("Checks", "Telvox said it welcomed the checks on premium numbers.")
    found = [_mention(doc, "Telvox", UNSURE)]
    assert [m.type for m in add_missed_mentions(doc, found)] == [UNSURE]


def test_an_acronym_the_tagger_missed_that_speaks_is_an_organisation() -> None:
    body = (
        "Hunters may soon shoot deer by remote control over the internet. In a statement "
        "the RSPB said it had grave concerns about the idea.\n\n"
        '"We think it would be very hard to aim a gun well in this way, so many birds '
        'would be hurt and not killed," it said.'
    )
    assert speakers("Remote hunting", body) == ["RSPB"]
    assert actor_types("Remote hunting", body).get("RSPB") == "organisation"


def test_a_role_written_in_capitals_that_speaks_is_no_organisation() -> None:
    body = (
        "Ann Cole, a presenter on a late-night station, thinks the band needs a rest.\n\n"
        '"They have toured for three years without a break and it shows in the songs," '
        "the MP said."
    )
    assert "MP" not in actor_types("Band", body)


def test_a_name_read_once_as_a_nationality_is_the_company_it_is_elsewhere() -> None:
    doc = parse_article(
        "Bans",
        "Valve shut the accounts on Monday. In its statement Valve said the rumours were false.",
    )
    found = [_mention(doc, "Valve", "organisation", 0), _mention(doc, "Valve", UNSURE, 1)]
    resolve_mentions(doc, found)
    assert [(m.type, m.target) for m in found] == [("organisation", "n:valve")] * 2


def test_a_capitalised_body_that_speaks_is_found_when_the_model_missed_it() -> None:
    doc = parse_article(
        "Care bill",
        "The Making Choices Alliance, which includes several charities, said the fears had "
        "to be cleared up. The Commission said nothing.",
    )
    added = [(m.surface, m.type) for m in add_missed_mentions(doc, [])]
    assert ("Making Choices Alliance", "organisation") in added
    assert not any(surface.endswith("Commission") for surface, _ in added)  # no name of its own


def test_a_first_name_and_an_unknown_surname_read_as_a_place_are_a_person() -> None:
    tagged_a_place = "Rivals in Madrid were stunned. In Ramiro Estevanez, Argentina have a star."
    after_in = "Rivals were stunned. In Tomas Ferlini, Chelsea have a manager who hates to lose."
    assert actor_types("Tennis", tagged_a_place)["Ramiro Estevanez"] == "person"
    assert actor_types("Football", after_in)["Tomas Ferlini"] == "person"
    # a first name before a common word, or a place's name after "in", stays a place
    assert actor_types("Walk", "Fans walked to Forest Hill.")["Forest Hill"] == "place"
    assert actor_types("Fans", "Fans in Perth were stunned.")["Perth"] == "place"


def test_a_first_name_and_a_surname_the_tagger_missed_name_a_person() -> None:
    body = (
        "Lindsay Davenport has put any talk of retirement on hold after an injury-free "
        "season.\n\nThe 28-year-old world number one had said that she would quit at the end "
        'of last year, but she has had a change of heart. "Finally I felt I could win big '
        'titles again," said Davenport. "It would be tough to walk away now."'
    )
    assert speakers("Davenport puts retirement on hold", body) == ["Lindsay Davenport"]
    club = "Man Utd fans cheered as Man Utd beat Wigan. Kenny Slade was sacked."
    assert actor_types("Derby", club).get("Man Utd") != "person"


def test_a_first_name_the_tagger_took_for_a_name_of_its_own_joins_the_surname_after_it() -> None:
    doc = parse_article(
        "Music lessons",
        "The scheme is backed by singers Feargal Doyle, Lucie Marvas and David Arne. "
        "Marvas said it mattered. Tourists crowded San Diego.",
    )
    # the tagger's reading of the article the words come from: "Lucie" an organisation of
    # its own, "Marvas" and "San Diego" no names at all
    doc.ents = [Span(doc, _at(doc, "Lucie"), _at(doc, "Lucie") + 1, label="ORG")]
    found = [_mention(doc, "Lucie", "organisation")]
    named = [(m.surface, m.type) for m in add_missed_mentions(doc, found)]
    assert ("Lucie Marvas", "person") in named
    assert ("Lucie", "organisation") not in named
    assert ("San Diego", "person") not in named  # two first names, and a town's


def _at(doc: Doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)
