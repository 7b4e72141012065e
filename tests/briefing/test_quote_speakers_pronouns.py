"""Whom "he" and "it" mean, and whose words a nested verb of saying carries: "he" never a
woman named by her first name alone ("his wife, Nancy") nor a man named in the clause a "he
says" is set in; "it" after a sentence about a statement the firm that issued it; an amount
that was "agreed" says nothing. Texts this project wrote in the shapes of wire and BBC news,
and parses the parser makes of such lines."""

from briefing.analysis.gazetteer import PERSON
from briefing.analysis.genders import name_gender
from tests.briefing.speaker_reading import attributor, parsed, speakers


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


def test_an_amount_that_was_agreed_says_nothing_the_man_who_said_it_does() -> None:
    # Rossi said the 500 dlrs agreed would be paid "on time": "agreed" has an amount for
    # subject, so the words are what Rossi said
    words = ["Rossi", "said", "the", "500", "dlrs", "agreed", "would", "be", "paid", '"']
    words += ["on", "time", '"']
    heads = [1, 1, 4, 4, 5, 1, 8, 8, 5, 8, 8, 10, 8]
    deps = ["nsubj", "ROOT", "det", "nummod", "nsubj", "ccomp", "aux", "auxpass", "ccomp"]
    deps += ["punct", "prep", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NUM", "NOUN", "VERB", "AUX", "AUX", "VERB", "PUNCT"]
    pos += ["ADP", "NOUN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    opening = doc[9].idx
    reader = attributor(doc, {(0, 1): ("Paolo Rossi", PERSON)}, quoted=lambda at: at >= opening)
    verb = reader.teller_before([doc[1], doc[5]], opening)
    assert verb is not None and reader.speaker_of(verb) == "Paolo Rossi"


def test_a_quote_standing_alone_goes_on_with_the_subject_though_another_reports_next() -> None:
    body = (
        'Mr Hale added: "They, the Greens have learned nothing." By contrast, he said, his '
        "party had listened to its voters and changed.\n\n"
        "Mr Hale went on to list his government's record and to issue a rallying call to "
        'the party. "So now we have a choice, we can defend this record and build on it or '
        'give up and go back. And I say we have to fight." In response, Dan Ross said the '
        "Greens would make cuts, such as scrapping regional boards, but would match Labour's "
        "spending on health and schools."
    )
    assert speakers("Conference", body) == ["Hale", "Hale"]


def test_she_is_the_one_woman_named_before_her_in_her_own_sentence() -> None:
    body = (
        "As pressure mounted on British Prime Minister Helen Darby to call a June election, "
        "she said today that the decision on when to go to the country was hers and hers "
        "alone.\n\n"
        "Asked by a back-bencher for an assurance that the decision was hers alone, she "
        'replied: "The date of the next election will be decided by this government, not by '
        'the newspapers."\n\n'
        "Tom Fennel, a senior backbencher, said the party would win."
    )
    assert speakers("Darby firm", body) == ["Helen Darby"]


def test_he_is_the_manager_the_parser_hung_on_the_ground_before_his_verb() -> None:
    body = (
        "Harbour Town manager Alan Pryce says his new forward Dean Colley is finding his "
        "form.\n\n"
        "Colley's late double helped Harbour come back from two goals down to snatch a "
        "famous win at Millbrook Park and Pryce sympathised with Millbrook boss Terry Vane "
        'afterwards. "I feel sorry for Terry Vane," he said. "His players worked hard for '
        'the whole ninety minutes."'
    )
    assert speakers("Pryce praises Colley", body) == ["Alan Pryce"]


def test_he_is_the_one_a_view_is_credited_to_among_others() -> None:
    body = (
        "Lleyton Hewitt and Andy Roddick will both chase the top ranking next season. Both "
        "will find it hard going.\n\n"
        "According to all of those rivals and even Roger Federer himself, the Swiss player "
        'is in a league of his own. "I do feel that a little at the moment," he told '
        "reporters."
    )
    assert speakers("Federer", body) == ["Roger Federer"]


def test_someone_told_to_say_sorry_has_said_nothing_for_he_to_go_on_with() -> None:
    body = (
        "London mayor Tom Reddy has said he will not apologise for his remarks to a "
        "reporter, even if the prime minister asks.\n\n"
        "Mr Hale, who helped Mr Reddy win back his party seat, insisted on Wednesday it was "
        "time for the London mayor to say sorry.\n\n"
        '"A lot of us in politics get cross with reporters from time to time, but in these '
        'circumstances he should apologise," he said.'
    )
    assert speakers("Hale says mayor should apologise", body) == ["Hale"]


def test_he_after_a_man_who_phoned_another_pointing_something_out_is_the_caller() -> None:
    # The parser reads "Mr Hale pointing out" as a clause with its own subject; the pointing
    # out is Mr Grant's, and so is the "he" that follows.
    body = (
        "Peter Grant, the party's press chief, sent a rude message about the campaign on "
        "Tuesday. The message was sent by mistake to radio reporter Tom Hale. Realising his "
        "mistake, Mr Grant then phoned Mr Hale pointing out the error, but suggesting editor "
        'Anna Fox would see the funny side. He said: "I am not very good with this new phone. '
        'The message was meant for my colleagues."'
    )
    assert speakers("Press chief sorry for message", body) == ["Peter Grant"]


def test_he_after_a_sentence_led_by_a_role_is_whom_the_role_means_not_a_name_inside_it() -> None:
    # The parser takes the firm inside the leader's sentence for a subject; "he" goes on with
    # the leader, the man the article opened with.
    body = (
        "Mark Dunlop has resigned from his post as a partner in a law firm following criticism "
        "over his dual role.\n\nThe Scottish Liberal leader had insisted that his legal work "
        "with Tods Murray did not influence the causes he supports. But on Friday he said: "
        '"I have tendered my resignation as a partner with immediate effect."'
    )
    assert speakers("Party leader quits legal post", body) == ["Mark Dunlop"]
    # a role of the pronoun's gender: not the woman who led the sentence before
    body = (
        "Jack Bell has been attacked over a remark about drinking made at a school on Monday."
        "\n\nThe Scottish National Party's leader Nicola Grey wrote to Mr Bell on Tuesday "
        "accusing him of an error of judgement and calling for him to apologise. In a furious "
        "response, the first minister said his comments had been taken out of context. He told "
        'Ms Grey: "It is disappointing that you have added to this distortion of what I said."'
    )
    assert speakers("Drink remark row", body) == ["Jack Bell"]


def test_he_after_a_sentence_the_parser_would_have_cut_in_two_is_its_subject() -> None:
    # Read as two sentences ("… Today programme" / "Mr Blair had …"), "he" would be Blair.
    body = (
        "Tory leader Michael Hale has attacked the government over its plans for householders "
        "who tackle burglars.\n\nOn Thursday, Mr Hale told BBC Radio 4's Today programme Mr "
        "Blair had initially refused the law change, then had come round to the idea and was "
        "now backtracking again. He said: \"We've had three policy positions in three months "
        'and two U-turns."'
    )
    assert speakers("Tories attack burglar U-turns", body) == ["Michael Hale"]


def test_she_after_a_woman_whose_first_name_is_a_mans_elsewhere_is_that_woman() -> None:
    body = (
        "The union said the plans went too far.\n\n"
        'Jan Whitfield said: "It is a public service, not a game for politicians. '
        '"These plans could put people with extreme views in charge," she warned.'
    )
    assert speakers("Plans", body) == ["Jan Whitfield", "Jan Whitfield"]


def test_he_is_the_one_who_reported_not_the_one_whose_arguing_he_reported() -> None:
    body = (
        "Home Secretary Peter Grant has vowed to go on with the plans for identity cards.\n\n"
        "But Mr Grant said he had backed the plans when Mr Hollis argued for them in Cabinet "
        'and he backed them now. "Identity cards are a way to a safer country," he said.'
    )
    assert speakers("Cards", body) == ["Peter Grant"]
