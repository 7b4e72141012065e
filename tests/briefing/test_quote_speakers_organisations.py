"""Speakers of quotes credited to organisations ("it said", "the company added", "the
union said"), on texts this project wrote in the shapes wire news uses."""

from tests.briefing.speaker_reading import actor_types, speakers


def test_it_skips_a_plural_subject_for_the_company_named_before() -> None:
    body = (
        "Australian builder Harbourline Group said on Tuesday it expects to recover its "
        "losses on the bridge.\n\n"
        "To do so, Harbourline will have to win claims against its builders. These claims "
        "could take two years to settle. "
        '"We believe our claims are sound and will be paid in full," it said.'
    )
    assert speakers("Bridge", body) == ["Harbourline Group"]


def test_the_company_then_it_stay_with_the_company_named_first() -> None:
    body = (
        "Westbay Savings Bank said it may write off 200 mln dlrs of loans to farmers.\n\n"
        'The company added that it expects earnings to be "down a little" this year.\n\n'
        '"Further losses on these loans could lead us to set aside more money," it said.'
    )
    assert speakers("Loans", body)[-1] == "Westbay Savings Bank"


def test_a_firm_ending_in_group_is_an_organisation_however_the_parser_reads_it() -> None:
    body = (
        "Shares in Multiplex Group fell on Monday after the Australian builder cut its "
        "profit forecast.\n\n"
        "Multiplex said the stadium would open late. Multiplex believes its claims are sound."
    )
    assert actor_types("Stadium", body)["Multiplex Group"] == "organisation"


def test_a_firm_with_a_legal_form_is_an_organisation_and_its_short_name_joins_it() -> None:
    body = (
        "James Hardie Ltd said its share of the Canadian biscuit market is holding at more "
        "than 30 pct.\n    Hardie earlier reported profits in the quarter rose 12 pct.\n"
        '    "All our bakeries achieved both sales and earnings growth over the year," it said.\n'
    )
    assert actor_types("Biscuit maker holds its share", body) == {
        "James Hardie Ltd": "organisation"
    }
    assert speakers("Biscuit maker holds its share", body) == ["James Hardie Ltd"]


def test_a_firm_named_without_its_legal_form_is_still_the_firm() -> None:
    body = (
        "An investor group said it had offered 30 dlrs a share for Rose Milling Corp on "
        "Monday.\n    The group said it had asked for information about Rose Milling's "
        "finances but had been turned down.\n"
    )
    assert actor_types("Offer", body) == {"Rose Milling Corp": "organisation"}


def test_a_firm_with_a_legal_form_stays_a_firm_when_described_by_a_job() -> None:
    body = (
        "Kestrel Holdings said it submitted the bid on April 8 to Marlow Brothers Inc, the "
        "mill's investment banker.\n    The offer was for 45 dlrs a share in cash.\n"
    )
    assert actor_types("Mill bid", body)["Marlow Brothers Inc"] == "organisation"


def test_a_name_that_said_it_had_asked_is_a_firm_and_it_speaks_for_the_firm() -> None:
    body = (
        "Kestrel said it had asked for more information about the mill's accounts but was "
        'turned down.\n    "Once we have seen the accounts, we would be prepared to discuss '
        'the price," it said in a letter.\n'
    )
    assert actor_types("Mill bid", body) == {"Kestrel": "organisation"}
    assert speakers("Mill bid", body) == ["Kestrel"]


def test_the_ministry_of_finance_and_the_finance_ministry_are_one_body() -> None:
    body = (
        "Shoe importers said the Ministry of Finance had tightened checks on sports shoes.\n"
        "    The Finance Ministry declined to say how many pairs had been stopped.\n"
        '    "Because of various reasons, we cannot say how many pairs have been turned away," '
        "the ministry spokesman said.\n"
    )
    types = actor_types("Shoe checks", body)
    assert types.get("Ministry of Finance") == "organisation"
    assert "Finance Ministry" not in types
    assert speakers("Shoe checks", body) == ["Ministry of Finance"]


def test_a_wire_ticker_mark_is_no_part_of_the_name() -> None:
    body = (
        "The United Auto Workers <UAW> union said it backs the plan of Chrysler Corp <C> "
        "to buy the firm.\n\n"
        '"We believe the purchase is a sound step for all concerned," the union said.'
    )
    assert not any("<" in name or ">" in name for name in actor_types("Union", body))
    assert speakers("Union", body) == ["United Auto Workers"]


def test_the_agency_is_the_organisation_last_named_as_a_subject() -> None:
    body = (
        "Canada posted a trade surplus of 1.2 billion dlrs in February, up from January.\n\n"
        "Statistics Canada reported the surplus was driven by a 20 pct gain in car exports.\n\n"
        '"Recovery in the car sector helped push exports up by six pct," the agency said in '
        "its monthly report."
    )
    assert speakers("Trade", body) == ["Statistics Canada"]


def test_a_name_described_as_a_firm_or_a_group_is_an_organisation() -> None:
    body = (
        "Online gamers are slowing down broadband networks, warns Sandvine, a Canadian "
        "network firm.\n\n"
        "The charity said the cuts would hurt. Environmental group Greenline 2020 said on "
        "Monday the freeze sent the wrong message."
    )
    types = actor_types("Networks", body)
    assert types["Sandvine"] == "organisation"
    assert types["Greenline 2020"] == "organisation"


def test_a_party_named_by_its_nickname_speaks_under_its_one_name() -> None:
    body = (
        "Mr Kennedy will visit seats held by the Conservatives. Labour say a Lib Dem vote "
        'could let the Tories in, while the Tories say the Lib Dems would mean "higher '
        'taxes, soft crime laws and more power to Europe".'
    )
    assert speakers("Tour", body) == ["Conservatives"]


def test_an_ampersand_name_that_ends_a_sentence_is_still_the_name() -> None:
    body = (
        "Stuart Rose, head of M&S, said last year its prices were too high.\n\n"
        '"We are bringing in ranges at new price points to compete with retailers like '
        'Next," said M&S.'
    )
    assert speakers("Prices", body) == ["M&S"]


def test_the_organisation_said_in_its_report_is_the_body_named_before() -> None:
    body = (
        "The National Otter Society published its yearly survey of the county's rivers on "
        "Monday. Otter numbers rose for a third year running.\n\n"
        '"The rivers are cleaner than at any time in the past fifty years, and the otters '
        'have noticed," the organisation said in its report.'
    )
    assert speakers("Otters", body) == ["National Otter Society"]


def test_the_association_said_is_the_body_not_the_person_named_after_it() -> None:
    body = (
        "The Atlantic Fishing Association proposed new limits on trawler catches on "
        "Thursday. Tom Ellery, who sails from Brixham, said boats would land a fifth less "
        "cod.\n\n"
        '"A fair limit must leave enough fish in the sea for our children to catch," the '
        "association said in a statement."
    )
    assert speakers("Cod", body) == ["Atlantic Fishing Association"]


def test_a_nations_executive_speaks_and_its_spokeswoman_speaks_for_it() -> None:
    body = (
        "Prison governors in Scotland have criticised the ruling. The Welsh Executive said "
        "it would study the court's decision.\n\n"
        'An executive spokeswoman said: "We will read this judgement with care before we '
        'decide what to do next."'
    )
    assert actor_types("Ruling", body)["Welsh Executive"] == "organisation"
    assert speakers("Ruling", body) == ["Welsh Executive"]


def test_an_executive_in_lower_case_is_a_person_not_a_body() -> None:
    body = (
        "Judge Anna Marlow said the court would rule next week.\n\n"
        "The American executive said the ruling would cost his firm a great deal. "
        '"We will read this judgement with care before we decide what to do," he said.'
    )
    assert not any("xecutive" in name for name in actor_types("Ruling", body))
    assert speakers("Ruling", body) != ["Anna Marlow"]


def test_she_after_a_departments_spokeswoman_told_of_a_judge_is_the_department() -> None:
    body = (
        "Judge Anna Marlow said the court would rule next week.\n\n"
        "A Department for Rural Transport spokeswoman confirmed Ms Marlow had been asked "
        'to look again. "No date was ever given for the ruling," she said.'
    )
    assert speakers("Ruling", body) == ["Department for Rural Transport"]


def test_the_party_is_the_party_named_just_before_it() -> None:
    body = (
        "The Liberal Democrats said on Monday they would vote against the budget. The "
        "Conservative Party said it would abstain.\n\n"
        '"This budget does nothing for the people who need help the most," the party said.'
    )
    assert speakers("Budget", body) == ["Conservatives"]


def test_a_spokesman_for_the_maker_speaks_for_the_company_his_words_were_about() -> None:
    body = (
        "Engineers in Tokyo found a cracked engine brace on a jumbo jet last week.\n\n"
        "McDonnell Douglas Corp is trying to find out what caused the brace to snap on one "
        "of the jets it built, a spokesman for the airplane manufacturer said.\n\n"
        '"We know about the problem and we have sent an advisory to every operator," said '
        'the spokesman. "We are not advising any inspections at this time."'
    )
    assert speakers("Jets", body) == ["McDonnell Douglas Corp"]


def test_the_singers_spokesman_speaks_for_the_singer() -> None:
    body = (
        "The singer Marla Quist has been accused of breaking a contract with a concert "
        "promoter in Ohio.\n\n"
        "The promoter said the tour had been cancelled without notice. The singer's "
        'spokesman said the claims were "untrue" and the promoter was "misusing the courts '
        'as a way of extracting money".'
    )
    assert speakers("Contract", body)[-1] == "Marla Quist"


def test_the_prime_ministers_spokesman_is_not_whoever_was_named_before() -> None:
    body = (
        "The attorney general, Peter Grayling, said the advice on the war was his own and "
        "had not been changed.\n\n"
        "The prime minister's official spokesman also rejected the claims, saying: "
        '"The attorney general made it clear the words and the judgement were his."'
    )
    assert speakers("Advice", body) == [None]


def test_what_the_statement_read_is_its_issuers_even_when_it_names_it() -> None:
    body = (
        "Games firm Valve has shut down 20,000 accounts of players it says used pirated "
        "copies of its new game.\n\n"
        "In a statement detailing the bans, Valve said its system helped identify who had "
        'got hold of pirated copies. "The method used was extremely easy for Valve to trace '
        'and confirm, so there is no question the accounts were used to cheat," read the '
        "statement."
    )
    assert speakers("Ban hits pirates", body) == ["Valve"]


def test_a_name_in_apposition_to_a_council_is_an_organisation_that_speaks() -> None:
    body = (
        "Browser makers are split over how to show web addresses written in other "
        "alphabets.\n\n"
        "DNRA, the Council of National Domain Registries in Europe, agrees with the critics. "
        '"A rush to switch off these addresses in browsers would harm public confidence in '
        'them," the organisation said in a statement.'
    )
    assert actor_types("Addresses", body)["DNRA"] == "organisation"
    assert speakers("Addresses", body) == ["DNRA"]


def test_a_firm_whose_name_opens_with_a_rank_is_a_firm_not_a_general() -> None:
    body = (
        "General Acquisition Co, a partnership of two Texas investors, said it would raise its "
        'offer for the maker of tyres. "We believe our offer gives shareholders the greatest '
        'value," General Acquisition Co said in a letter to the board.'
    )
    assert actor_types("Bid", body).get("General Acquisition Co") == "organisation"
    assert speakers("Bid", body) == ["General Acquisition Co"]


def test_a_spokesman_after_a_clause_about_a_firm_speaks_for_that_firm() -> None:
    body = (
        "The biggest roaster has launched a premium coffee range in three cities.\n\n"
        'Number two roaster Northwind Coffee has "nothing to announce at this point" in its '
        "premium line, a spokesman said."
    )
    assert speakers("Roasters eye premium coffee", body) == ["Northwind Coffee"]


def test_the_suit_speaks_for_whoever_filed_it() -> None:
    body = (
        "Sprinter Marta Oyelaran has filed a suit against the founder of a sports nutrition "
        "firm, accusing him of defamation. The founder had claimed on television that she used "
        'banned drugs.\n\nHis statements, the suit added, were "false and malicious and made to '
        'sell his products".'
    )
    assert speakers("Sprinter sues over drug claims", body) == ["Marta Oyelaran"]


def test_the_resolution_speaks_for_the_body_named_with_it_before() -> None:
    body = (
        "The Senate voted to condemn a proposed European tax on vegetable oils and said it would "
        "lead to retaliation.\n    The non-binding Senate resolution was approved on a 99 to 0 "
        'vote.\n    "The administration should tell the European Community that the United '
        'States will view such a tax as a breach of its obligations," the resolution stated.'
    )
    assert speakers("Senate hits oils tax", body) == ["Senate"]


def test_a_firm_cut_at_and_co_is_one_firm_and_the_person_before_it_speaks() -> None:
    body = (
        "Oil service shares rose on Tuesday.\n\n"
        '"The company is set to lead the industry for years to come," according to a report '
        "by George Harlan, first vice president at Robert W. Baird and Co Inc.\n\n"
        "Harlan expects earnings to double."
    )
    assert speakers("Oil", body) == ["George Harlan"]
    assert actor_types("Oil", body) == {
        "George Harlan": "person",
        "Robert W. Baird and Co Inc.": "organisation",
    }
    advised = "The bank was advised by Goldman Sachs and Co on the sale."
    assert actor_types("Deal", advised) == {"Goldman Sachs and Co": "organisation"}


def test_a_ministry_named_in_seven_tokens_is_kept_and_its_official_speaks_for_it() -> None:
    body = (
        "Factory output fell in October.\n\n"
        "According to figures from the Ministry of Economy, Trade and Industry (METI), the "
        "fall was led by weaker demand for phone parts.\n\n"
        '"The outlook for November is good, so I do not think conditions have worsened," '
        "said a METI official."
    )
    assert actor_types("Output", body) == {
        "Ministry of Economy, Trade and Industry": "organisation"
    }
    assert speakers("Output", body) == ["Ministry of Economy, Trade and Industry"]
