"""Speakers named with a role around their name, or by a pronoun after someone set against
another, and quotes whose closing mark was lost: texts this project wrote in the shapes of
BBC and wire news."""

from tests.briefing.speaker_reading import actor_types, speakers


def test_a_title_tells_her_gender_over_a_first_name_mostly_mens() -> None:
    body = (
        "Deputy mayor Nicky Hale said the remarks were unwise but she did not think the "
        "mayor meant any harm. Ms Hale spoke to reporters on Sunday.\n\n"
        'She said: "I see him every week and I know how he thinks."'
    )
    assert speakers("Mayor row", body) == ["Nicky Hale"]


def test_he_after_someone_set_against_the_speaker_with_but_is_that_one() -> None:
    body = (
        "Walsh said he was tired of asking for quicker courts but the federation's Peter "
        "Dunn rejected his comments.\n\n"
        '"We asked for a quicker surface this year," he said.'
    )
    assert speakers("Courts", body) == ["Peter Dunn"]


def test_the_club_boss_who_continues_is_the_manager_named_before() -> None:
    body = (
        "Sir Alex Ferguson said Walter Smith would be the outstanding candidate for the "
        "job.\n\n"
        'The Man Utd boss continued: "He knows the players and he would shake things up from '
        'top to bottom."'
    )
    assert speakers("Scotland job", body) == ["Alex Ferguson"]


def test_a_quote_left_open_ends_before_the_sentence_that_brings_in_the_next() -> None:
    body = (
        "Arsenal face Southampton without three of their strikers.\n\n"
        'Ashley Cole added: "I have been there myself and nobody held it against me. "He '
        "will learn from it, we all do. Freddie Ljungberg should lead the line on Sunday. "
        'Arsenal boss Arsene Wenger said: "Freddie can play there but we are short of a '
        'partner for him."'
    )
    assert speakers("Arsenal", body) == ["Ashley Cole", "Arsene Wenger"]


def test_the_director_of_a_field_is_the_name_after_it() -> None:
    body = (
        "James Simpson-Daniel will miss the cup tie with Bristol.\n\n"
        '"Under the player agreement, England wanted another opinion, which they are '
        'allowed," '
        "director of rugby Nigel Melville told the Gloucester Citizen."
    )
    assert speakers("Simpson-Daniel out", body) == ["Nigel Melville"]


def test_the_company_after_its_named_spokesman_is_his_company() -> None:
    body = (
        "American Motors Corp said it would build its new Jeep elsewhere after talks with "
        "the union failed.\n\n"
        "AMC spokesman Lloyd Northard told Reuters that the company would not make the "
        "vehicle at its Kenosha plant.\n\n"
        '"We are sorry it came to this, and the blame lies with the local union," the '
        "company said in a statement."
    )
    assert speakers("AMC", body) == ["American Motors Corp"]


def test_officials_in_between_are_not_whom_he_means() -> None:
    body = (
        'Japanese car sales in the Community rose 30 pct this year. "Some of those cars '
        'were meant for other markets," said Willy de Clercq.\n\n'
        "Japanese officials say the rise for the whole year will be about 10 pct.\n\n"
        '"Even 10 pct is a great many cars, far more than we sell to Japan," he said.'
    )
    assert speakers("Car trade", body) == ["Willy de Clercq", "Willy de Clercq"]


def test_a_name_set_off_by_commas_before_a_bare_said_is_the_one_who_says() -> None:
    body = (
        "The singer has been sued by a make-up artist.\n\n"
        "She held off suing for two years while she sought a deal with the studios, her "
        'lawyer, Perry Wander, said. The studios "did nothing to keep my '
        'client safe at work," he said.'
    )
    assert speakers("Lawsuit", body) == ["Perry Wander"]


def test_a_party_spokeswoman_speaks_for_the_party_the_article_names() -> None:
    body = (
        "The Conservatives and Labour both ring voters who asked not to be called.\n\n"
        "A Conservative spokeswoman said the party kept to the rules. She said: "
        '"We do apply the register but in line with the law."'
    )
    assert speakers("Calls", body) == ["Conservatives"]


def test_a_lone_surname_that_speaks_is_a_person_who_speaks() -> None:
    body = (
        "The triple jumper set a championship record in Sheffield with his final leap.\n\n"
        '"I had no idea it was that far," said Idowu. "This was my first jump indoors."'
    )
    assert speakers("Athletics", body) == ["Idowu"]
    assert actor_types("Athletics", body).get("Idowu") == "person"


def test_an_unnamed_official_of_a_body_the_article_names_speaks_for_it() -> None:
    body = (
        "The Finance Ministry last April shortened the waiting period for the bonds.\n\n"
        "A ministry official said it had checked that the flow back was small.\n\n"
        '"We believe the bonds should stay mainly in their own market," he said.'
    )
    assert speakers("Bonds", body) == ["Finance Ministry"]


def test_an_age_that_speaks_is_the_one_person_just_named_whatever_their_role() -> None:
    body = (
        "Norwich have signed Charlton midfielder Graham Stuart on a short deal.\n\n"
        '"I made up my mind in five minutes," the 34-year-old told the club\'s website.'
    )
    assert speakers("Stuart joins Norwich", body) == ["Graham Stuart"]


def test_the_official_of_a_body_is_the_one_person_named_as_one_of_it() -> None:
    body = (
        "The Soviet Union is attending the bank's meeting as an observer for the first "
        "time.\n\n"
        "Yurij Ponomarev, international managing director of the State Bank, told Reuters "
        "the country had no plans to join.\n\n"
        '"The region is growing faster than almost any other," the State Bank official '
        "said.\n\n"
        'A State Bank spokesman later confirmed the visit. "We will observe," the State Bank '
        "spokesman said."
    )
    assert speakers("Observer", body) == ["Yurij Ponomarev", "State Bank"]


def test_words_named_as_someones_assessment_are_theirs() -> None:
    body = (
        "The prime minister told the party conference he was still hungry for the job.\n\n"
        '"Voters like the government more than some of our own members do," is the dry '
        "assessment of Graham Lane, leader of the Labour group on the council."
    )
    assert speakers("Conference", body) == ["Graham Lane"]


def test_a_mister_the_tagger_ran_into_an_organisation_is_a_person_who_speaks() -> None:
    body = (
        "Foreign Secretary Jack Straw has attacked the Tory leader's judgement.\n\n"
        'In a speech to the Foreign Policy Centre Mr Straw said of the Tory leader: "He is '
        'quick and sharp, but he lacks judgement."'
    )
    assert speakers("Straw attack", body) == ["Jack Straw"]
    assert actor_types("Straw attack", body)["Foreign Policy Centre"] == "organisation"


def test_a_name_that_takes_mr_is_a_person_whatever_the_tagger_read() -> None:
    body = (
        "A bill to end male precedence in the succession to the throne goes to the Lords.\n\n"
        "The Fabian Society's Sundar Katwala said the change was long overdue.\n\n"
        'Mr Katwala added: "Sooner or later Parliament must act, and we hope every party '
        'backs it."'
    )
    assert actor_types("Succession", body)["Sundar Katwala"] == "person"
    assert speakers("Succession", body) == ["Sundar Katwala"]


def test_an_unnamed_spokeswoman_speaks_for_the_body_that_spoke_just_before() -> None:
    body = (
        "The Saturday night quiz show will not return to screens, the BBC has said.\n\n"
        "The two presenters were recruited to host the family show last July. "
        '"No new series is planned," a spokeswoman said. She added the pair "gave the show '
        'a lot of heart, but we felt the format had run its course".'
    )
    assert speakers("Show axed", body) == ["BBC", "BBC"]


def test_a_quote_that_lost_its_close_before_its_own_attribution_is_that_speakers() -> None:
    body = (
        "Analysts kept their forecasts for the two banks.\n\n"
        "Robert Gordon of Lehman said the exposure was small. He noted that the bank had set "
        "up a unit to trade the loans.\n\n"
        '"I see no need to cut our forecasts for the year, said Frederick '
        "Meinke, analyst at E.F. Hutton Co. He thinks the dispute could end like the one of "
        "1984."
    )
    assert speakers("Banks", body) == ["Frederick Meinke"]


def test_a_report_never_named_before_is_the_body_that_spoke_just_before() -> None:
    body = (
        "The International Monetary Fund (IMF) said the tsunami would slow growth.\n\n"
        '"The wider damage to the economy will be large," the IMF said. Growth and the '
        'balance of payments are expected to show the effects. "Fishing has been hit '
        'hardest and hotels will lose guests," the report said.\n\n'
        'Ms Hale filed a lawsuit against the games firm last year. "It misled buyers," the '
        "lawsuit said."
    )
    # a lawsuit is not the body that spoke before it, but whoever filed it
    assert speakers("Tsunami", body) == [
        "International Monetary Fund",
        "International Monetary Fund",
        "Hale",
    ]


def test_a_surname_the_tagger_reads_as_a_word_still_names_the_speaker() -> None:
    body = (
        "The electronics group has dropped its bid.\n\n"
        '"It was a way in, a port for chips and a sales channel for other goods," said '
        "Barclays de Zoete Wedd analyst Rick May.\n\n"
        "Several analysts said the deal would not have opened up any military know-how.\n\n"
        "\"(The maker) simply doesn't have rare skills -- that's history now,\" May said."
    )
    assert speakers("Chips", body) == ["Rick May", "Rick May"]


def test_the_union_after_its_named_president_is_his_union() -> None:
    body = (
        "The United Auto Workers (UAW) welcomed the carmaker's sale.\n\n"
        '"Our members can do well in the new group," UAW president Owen Bieber said in a '
        "statement.\n\n"
        '"We think the deal makes sense for everyone involved," the union said.'
    )
    assert speakers("Union", body) == ["Owen Bieber", "United Auto Workers"]


def test_lib_dem_before_a_title_is_the_party_not_a_person() -> None:
    body = (
        "Home Secretary Charles Clarke will press on with ID cards.\n\n"
        "The Lib Dem leader said the resignation was a chance to think again."
    )
    assert actor_types("ID cards", body) == {
        "Charles Clarke": "person",
        "Liberal Democrats": "organisation",
    }
