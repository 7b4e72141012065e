"""Descriptions that speak for someone named a little before them ("the Salford MP told",
"the Uruguayan-born researcher added", "a spokesman said" after the party and "they"), never
for a source ("according to"); documents that speak for whom they are by or belong to ("a
statement on her website"); "went on:" as a verb of saying. Texts this project wrote in
the shapes of BBC news, and parses the parser makes of such lines."""

from spacy.tokens import Token

from briefing.analysis.descriptions import is_described_person
from briefing.analysis.nlp import parse_article
from briefing.analysis.speech_verbs import is_speech_verb
from tests.briefing.speaker_reading import indexed, parsed, speakers


def test_a_description_two_sentences_after_the_name_is_that_person() -> None:
    body = (
        "Home Office minister Joan Parry said new checks would fall hardest on young men. "
        "Her words have been called reckless by the Muslim Council of Britain.\n\n"
        '"The risk comes mostly from a small group who twist the faith," the Bolton MP '
        "told the home affairs committee."
    )
    assert speakers("Checks", body) == ["Joan Parry"]


def test_a_description_with_a_clause_after_it_still_means_the_person_before() -> None:
    body = (
        '"When I began to study these games I thought they would take decades to arrive," '
        "said Pablo Ferrer, a games designer at a university in Madrid. "
        '"I was the first to be surprised by how fast they came," added the Chilean-born '
        "researcher, who has so far made games for three political campaigns."
    )
    assert speakers("Political games", body) == ["Pablo Ferrer", "Pablo Ferrer"]


def _went(text: str) -> Token:
    return next(t for t in parse_article("", text) if t.lower_ == "went")


def test_went_on_with_a_colon_is_a_verb_of_saying() -> None:
    assert is_speech_verb(_went('The Tory leader went on: "He does not stop there."'))


def test_went_on_to_do_something_or_somewhere_is_no_saying() -> None:
    assert not is_speech_verb(_went("Mr Hurst went on to list the party's plans for schools."))
    assert not is_speech_verb(_went("Mr Hurst went on holiday to Spain in August."))


def test_a_clause_the_parser_hung_as_an_apposition_does_not_name_the_description() -> None:
    # '"…," added the researcher, who made games …' with "games" read as an apposition
    words = ['"', "Yes", ",", '"', "added", "the", "researcher", ",", "who", "made", "games"]
    heads = [4, 4, 4, 4, 4, 6, 4, 6, 9, 10, 6]
    deps = ["punct", "intj", "punct", "punct", "ROOT", "det", "dobj", "punct", "nsubj"]
    deps += ["amod", "appos"]
    pos = ["PUNCT", "INTJ", "PUNCT", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "PRON", "VERB"]
    pos += ["NOUN"]
    doc = parsed(words, heads, deps, pos)
    assert is_described_person(doc[6], indexed(doc, {}))


def test_a_description_never_means_the_source_the_words_are_told_according_to() -> None:
    body = (
        "A new book by journalist Ann Weller says Tom Garrow and his deputy "
        "loathe each other. It claims Mr Garrow had decided by last winter that he would go. "
        'According to Ms Weller the prime minister said: "Help me through this year and '
        'then I will stand down."'
    )
    assert "Ann Weller" not in speakers("Book claims", body)


def test_a_spokesman_speaks_for_the_party_when_only_they_came_between() -> None:
    body = (
        "The Liberal Party insisted it would hold ministers to account over the scheme. "
        "They said they would press the government on its cost. And they pledged to ask "
        "whether privacy would be protected.\n\n"
        '"This bill will take ten years to come into force," a spokesman said.'
    )
    assert speakers("ID scheme", body) == ["Liberal Party"]


def test_a_spokesman_does_not_speak_for_a_party_another_subject_came_after() -> None:
    body = (
        "The Liberal Party insisted it would hold ministers to account over the scheme. "
        "The minister said the cards would be cheap. The cost was put at five billion "
        'pounds.\n\n"This bill will take ten years to come into force," a spokesman said.'
    )
    assert speakers("ID scheme", body) != ["Liberal Party"]


def test_a_spokesman_for_the_company_speaks_for_the_firm_last_named() -> None:
    body = (
        "Cable firm Vantel said it had not ruled out a recorder box but was putting its "
        "money into films on demand.\n\n"
        '"A recorder only stores what you tape, whereas what we offer is truly on demand," '
        "said a spokesman for the company."
    )
    assert speakers("On demand", body) == ["Vantel"]


def test_a_spokesman_named_with_the_firm_without_its_legal_form_speaks_for_it() -> None:
    body = (
        "San Miguel Corp said on Monday it would fight the suit filed by a former director.\n"
        "    A San Miguel spokesman said he had no comment on the petition, adding: "
        '"Any statement coming from us might be read as hostile."\n'
    )
    assert speakers("Brewer sued", body) == ["San Miguel Corp"]


def test_a_statement_on_her_website_speaks_for_her() -> None:
    body = (
        "Tennis star Kim Claes will return from her wrist injury at the Antwerp event in "
        'February.\n\n"Kim had thought of returning in Paris," a statement on her website '
        'said. "She has decided against it so as not to risk her recovery."'
    )
    assert speakers("Claes returns", body) == ["Kim Claes"]


def test_a_book_by_a_named_author_speaks_for_the_author() -> None:
    body = (
        "The prime minister said he had dealt with the claims months ago. The book, by "
        "journalist Rob Preston and serialised in a Sunday paper, said the two men had "
        '"a deep mutual dislike and contempt" for each other.'
    )
    assert speakers("Book", body) == ["Rob Preston"]


def test_a_statement_with_no_owner_named_has_no_speaker_from_it() -> None:
    body = '"The plan will be ready in May," a statement said.'
    assert speakers("Plan", body) == [None]


def test_the_party_member_is_the_chairman_named_in_apposition_just_before() -> None:
    body = (
        "The country's largest airline was accused today of shutting black pilots out of top "
        "jobs, but the company said it had made real progress.\n\n"
        "The issue was raised at a hearing of a House subcommittee whose chairman, Rep. Alma "
        'Pruitt, called the airline\'s record "very poor indeed."\n\n'
        '"It strikes me as odd," said the Ohio Democrat, "that the number of women pilots '
        'is more than double the number of black pilots."'
    )
    assert speakers("Pilots", body) == ["Alma Pruitt"]


def test_the_man_from_a_named_county_is_the_person_the_story_is_about() -> None:
    body = (
        "Sean Tully should have been on the start line in Athens.\n\n"
        "He talks calmly about the crash that ended his summer. "
        '"I was in a lot of pain and I knew my ankle was gone," says the Waterford man. '
        '"But I still hoped to race."'
    )
    assert speakers("Crash", body) == ["Sean Tully"]


def test_the_director_behind_a_film_is_the_director_not_the_film() -> None:
    body = (
        "The film opened to poor reviews in America.\n\n"
        "In Berlin last week, to collect an award, Martin Hale said he hoped Europe would "
        'like it more. "Europeans tend to see me a little differently than Americans do," '
        "said the director behind JFK, Heat and Platoon."
    )
    assert speakers("Film", body) == ["Martin Hale"]
