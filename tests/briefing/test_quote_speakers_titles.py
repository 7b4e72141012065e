"""Speakers named by a title or a role ("the minister said") or inside someone else's
reported clause, on texts this project wrote in the shapes real news uses."""

from spacy.tokens import Span

from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import parse_article
from tests.briefing.speaker_reading import speakers


def test_the_minister_is_the_one_person_named_with_a_minister_title() -> None:
    body = (
        "Brazil will ask its creditors for a four-year plan, Finance Minister Dilson Funaro "
        "said on Monday.\n\n"
        "The minister said the plan would include a rescheduling of the debt.\n\n"
        '"We cannot go on negotiating every year with our creditors," the minister said.'
    )
    assert speakers("Debt", body) == ["Dilson Funaro"]


def test_the_minister_stays_unknown_when_only_a_shadow_minister_was_named() -> None:
    body = (
        "Shadow health minister Andrew Lansley attacked the plan on Monday.\n\n"
        '"Every hospital will have to find the money from its own budget," the minister '
        "said."
    )
    assert speakers("Hospitals", body) == [None]


def test_a_phrase_in_a_clause_that_reports_someone_else_is_the_tellers() -> None:
    body = (
        "Finance Minister Sue Essex said most households would see little change in their "
        "council tax.\n\n"
        "Conservative spokesman Glyn Davies said that for the minister to claim most "
        'households would see little change "is taking spin to the very verge of '
        'deception".'
    )
    assert speakers("Council tax", body) == ["Glyn Davies"]


def test_words_someone_is_said_to_have_told_another_are_the_speakers() -> None:
    body = (
        "Mr Peston's book claimed that Mr Brown told Mr Blair: \"There is nothing you could "
        'ever say to me now that I could ever believe."'
    )
    assert speakers("Book", body) == ["Brown"]


def test_a_name_read_as_a_firm_that_goes_on_with_he_is_a_person() -> None:
    doc = parse_article(
        "Open", "Federer admitted he was under pressure after extending his winning streak."
    )
    federer = next(t for t in doc if t.text == "Federer")
    doc.ents = [Span(doc, federer.i, federer.i + 1, label="ORG")]
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Federer", "person")]


def test_a_name_written_with_a_capital_particle_is_the_same_person() -> None:
    body = (
        "Finance Minister Barend du Plessis said the banks had agreed.\n\n"
        "Du Plessis said the banks were showing more confidence in the country.\n\n"
        'He said foreign investors were again "taking a more realistic view" of the '
        "country."
    )
    doc = parse_article("Debt", body)
    assert len(extract_actors(doc)) == 1
    assert speakers("Debt", body) == ["du Plessis"]


def test_a_job_and_a_name_joined_by_and_are_one_speaker() -> None:
    body = (
        "Grain analyst and meteorologist Gail Martell, author of a weekly crop letter, said "
        "in her latest report that the Soviets may import more wheat.\n\n"
        '"Compared with last year, the outlook is far more pessimistic," she said.'
    )
    assert speakers("Grain", body) == ["Gail Martell"]


def test_quoted_as_saying_is_the_one_quoted_however_the_parser_hung_it() -> None:
    body = (
        "IRNA said today a group of its reporters visited newly captured areas on the "
        "southern front.\n\n"
        "They quoted an Iranian soldier, Hamid Dehqani, as saying heavy rainfall during the "
        'past few days "had paralysed the Iraqi enemy from embarking on any action" against '
        "the attacking Iranians."
    )
    assert speakers("War", body) == ["Hamid Dehqani"]


def test_a_phrase_framed_by_anothers_verb_of_judging_is_theirs() -> None:
    body = (
        'Film chiefs were pleased. "It is just a fun, good holiday movie," said Dan Fellman, '
        "president of distribution at Warner Bros. However, critics were less complimentary, "
        'with the Los Angeles Times labelling it a "dispiriting vanity project".'
    )
    assert speakers("Sequel", body) == ["Dan Fellman", "Los Angeles Times"]
