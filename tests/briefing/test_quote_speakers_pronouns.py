"""Whom "he" means: never a woman the article names by her first name alone ("his wife,
Nancy"), nor a man named in the clause a "he says" is set in. Texts this project wrote in
the shapes of wire and BBC news."""

from briefing.analysis.genders import name_gender
from tests.briefing.speaker_reading import speakers


def test_he_does_not_mean_the_wife_named_by_her_first_name() -> None:
    body = (
        "President Garner angrily denied press reports that his wife, Nancy, is running "
        "the government.\n"
        '    He said the reports had "hurt him more than any attack on his policies."\n'
        "    The president and Mrs Garner mark their 30th wedding anniversary today."
    )
    assert speakers("Garner denies reports", body) != ["Nancy"]


def test_a_name_of_one_known_first_name_tells_its_gender_a_surname_does_not() -> None:
    assert name_gender("Nancy") == "female"
    assert name_gender("Garner") is None


def test_he_set_inside_a_clause_is_not_the_man_its_subject_names() -> None:
    body = (
        "Alan Reid, one of the men mocked in the party's poster, is puzzled by the "
        'campaign. The Jack Carter "poodle" attack, he says, is just the latest example '
        "of the party getting the tone wrong.\n\n"
        '"I have to say I do not understand what they are doing. The whole machine seems '
        'to be in a state of shock."'
    )
    assert speakers("Campaign", body) == ["Alan Reid"]


def test_it_after_a_sentence_about_the_statement_is_the_firm_that_issued_it() -> None:
    body = (
        "Second National Bancorp of Ohio Inc said it was talking with several parties about its "
        "plans to raise capital.\n"
        "    The statement, issued yesterday, did not say how close the bank was to a deal.\n"
        '    "Several parties have shown an interest in working with Second National," it said.\n'
    )
    assert speakers("Bank talks", body) == ["Second National Bancorp"]
