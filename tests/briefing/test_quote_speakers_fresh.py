"""Speakers the parser hides or a newspaper stands for: an inverted subject the tagger read as
a verb, "the paper" or "the newspaper" after a named title, and an editor before a site's
address ("Arena.Fans.Org"). Texts this project wrote in the shapes of BBC and wire news."""

from tests.briefing.speaker_reading import actor_types, speakers


def test_a_title_the_tagger_reads_as_a_verb_still_names_the_speaker() -> None:
    body = (
        "The carmaker said it would shut two of its plants in the north.\n\n"
        '"This is a dark day for the town," said Danish trades union official Ingrid Holm. '
        '"Where will our children work?"'
    )
    assert speakers("Plants to shut", body) == ["Ingrid Holm"]


def test_the_paper_after_a_named_daily_is_that_daily() -> None:
    body = (
        "The Italian press was harsh on the visitors after the match.\n\n"
        "Roman daily Il Tempo blames the coach for the defeat. "
        '"He picked a side for the past and not for this season," the paper says.'
    )
    assert speakers("Press review", body) == ["Il Tempo"]


def test_the_newspaper_said_after_it_reported_is_the_newspaper() -> None:
    body = (
        "The Gulf Times reported on Monday that the minister had apologised to staff. "
        "The newspaper said the apology came "
        '"far too late for the people who lost their jobs".'
    )
    assert speakers("Apology", body) == ["Gulf Times"]


def test_words_a_passive_verb_of_judging_gives_by_someone_are_theirs() -> None:
    body = (
        "Chief executive Lena Ortiz showed the new handset at the trade fair on Monday.\n\n"
        "The phone was described by Ortiz as "
        '"the most useful thing we have built in ten years".'
    )
    assert speakers("New handset", body) == ["Lena Ortiz"]


def test_words_only_reported_in_the_passive_have_no_speaker_from_the_by() -> None:
    body = (
        "The phone was reported by the Daily Courier to be "
        '"the most useful thing the firm has built in ten years".'
    )
    assert speakers("New handset", body) != ["Daily Courier"]


def test_an_acronym_the_tagger_missed_stands_for_the_body_it_spells() -> None:
    body = (
        "The Football Association will not bring charges over the brawl at the end of the "
        "match.\n\n"
        '"The referee dealt with the matter on the day and we consider it closed," said an '
        "FA statement."
    )
    assert speakers("No charges", body) == ["Football Association"]


def test_names_in_apposition_to_airlines_are_organisations() -> None:
    body = "Two airlines, Sabena and Nordflyg, are now in merger talks."
    assert actor_types("Open skies", body) == {
        "Sabena": "organisation",
        "Nordflyg": "organisation",
    }


def test_he_never_means_a_side_that_takes_a_plural_verb() -> None:
    body = (
        '"We were sharp from the first whistle," said Dirk Mertens after the win.\n\n'
        "The Belgian international said Rovers are sure of a place in the last eight. "
        '"We have a strong squad and everyone works hard for each other," he added.'
    )
    assert speakers("Cup run", body) == ["Dirk Mertens", "Dirk Mertens"]


def test_a_stage_name_speaks_as_the_real_name_a_clause_gives() -> None:
    body = (
        "The two rappers ended their feud at a charity event in Atlanta.\n\n"
        "The Sermon, whose real name is Marcus Obi, told reporters: "
        '"I am sorry for the things I said on the radio last month."'
    )
    assert speakers("Feud over", body) == ["Marcus Obi"]


def test_a_name_the_tagger_missed_once_is_still_the_described_person() -> None:
    body = (
        "The duo's year of awards leaves them a hard act to follow.\n\n"
        "K Dollar, a presenter on a late-night music station, thinks a break is coming. "
        '"They could spend a year producing other acts," he says.\n\n'
        "K Dollar says the band will be back within two years."
    )
    found = actor_types("Duo", body)
    assert found.get("K Dollar") == "person"


def test_a_name_that_owns_kin_is_a_person() -> None:
    body = (
        "Carvalhinho's father flew in from Recife to meet the club on Monday. "
        "Carvalhinho wants a new contract before the summer."
    )
    assert actor_types("Contract talks", body).get("Carvalhinho") == "person"


def test_he_after_the_party_spokesman_means_the_politician_named_before() -> None:
    body = (
        "Shadow health secretary Ruth Danby told MPs the new plan would not cut waiting "
        "lists.\n\n"
        'Mrs Danby attacked the cost of the scheme. "Where is the money coming from?" she '
        "asked. The Tory spokeswoman also criticised the timing of the launch. "
        '"They have rushed this out before the election," she said.'
    )
    assert speakers("Waiting lists", body) == ["Ruth Danby", "Ruth Danby"]


def test_she_after_a_party_spokeswoman_brought_in_unnamed_is_not_the_politician() -> None:
    body = (
        "Shadow health secretary Ruth Danby told MPs the new plan would not cut waiting "
        "lists.\n\n"
        "A Tory spokeswoman said the party would publish its own plan. "
        "The Tory spokeswoman also criticised the timing of the launch. "
        '"They have rushed this out before the election," she said.'
    )
    assert speakers("Waiting lists", body) != ["Ruth Danby"]


def test_said_the_lock_is_the_forward_named_before() -> None:
    body = (
        "Wales captain Rhys Morgan expects a hard game against Ireland on Sunday.\n\n"
        "Morgan thinks the match will be decided up front. "
        '"Whoever wins the scrum will win the game," said the lock.'
    )
    assert speakers("Wales", body) == ["Rhys Morgan"]


def test_a_body_the_tagger_missed_before_spokeswoman_is_who_speaks() -> None:
    body = (
        "Touring bands say they wait months for the papers they need to play abroad.\n\n"
        "A Department for Media, Culture and Sport spokeswoman said: "
        '"We know people are having problems and we are working to fix them."'
    )
    assert speakers("Visas", body) == ["Department for Media, Culture and Sport"]


def test_a_quote_left_open_into_the_next_is_the_next_ones_speaker() -> None:
    body = (
        "The striker was sent off in the last minute of the derby.\n\n"
        '"He was shown a red card for violent conduct after the final whistle. '
        '"We are waiting for the referee\'s report before we decide what to do," said '
        "league spokesman Alan Reid."
    )
    assert speakers("Derby", body) == ["Alan Reid"]


def test_a_ministry_official_speaks_for_the_ministry_of_the_field_named_before() -> None:
    body = (
        "The Ministry of Fisheries will cut the cod quota by a fifth next year.\n\n"
        "Boat owners reacted angrily to the news on Monday. "
        '"The stocks have to recover or there will be nothing left to catch," a ministry '
        "official said."
    )
    assert speakers("Quotas", body) == ["Ministry of Fisheries"]


def test_he_after_the_banks_economist_is_the_economist_named_before() -> None:
    body = (
        "Exports may recover next year, said Lena Varga, an economist at Halden Bank.\n\n"
        "The Halden economist also said farm prices were weak. "
        'But she added: "Their exporters are tough and they know their markets."'
    )
    assert speakers("Exports", body) == ["Lena Varga"]


def test_the_title_after_a_word_that_opened_its_sentence_is_still_its_holders() -> None:
    body = (
        "Earlier Trade Secretary Maria Oduya said the tariff deal was fair. "
        "Shadow trade secretary Tom Ketley said it was a climbdown.\n\n"
        '"We gave away far too much," Mr Ketley said. The trade secretary meanwhile '
        'told MPs: "Every exporter in the country gains from this deal."'
    )
    assert speakers("Tariffs", body) == ["Tom Ketley", "Maria Oduya"]


def test_mps_are_members_of_a_body_and_no_actor_of_their_own() -> None:
    body = (
        "Parents are let down by the family courts, MPs have said.\n\n"
        "The Justice Select Committee said delays were too long. "
        '"Children wait months to see a parent they love," the MPs said.'
    )
    assert "MPs" not in actor_types("Family courts", body)
    assert speakers("Family courts", body) != ["MPs"]


def test_said_a_party_shadow_secretary_names_the_person_after_the_title() -> None:
    body = (
        "The Liberal Democrats want to cut stamp duty for first-time buyers.\n\n"
        '"This is the same tax rise dressed up as a gift," said Tory shadow local '
        "government secretary Carla Spellin."
    )
    assert speakers("Stamp duty", body) == ["Carla Spellin"]


def test_the_company_is_the_one_firm_named_as_a_subject_just_before() -> None:
    body = (
        "Kestrel Resources Ltd said its goals for the year included a new field in the "
        "north sea.\n\n"
        "The average sales price of its crude also declined, to 18 dlrs a barrel. "
        '"Output from the new platform should begin late in the year," the company said.'
    )
    assert speakers("Outlook", body) == ["Kestrel Resources Ltd"]


def test_the_company_is_nobody_when_two_firms_were_just_named() -> None:
    body = (
        "Kestrel Resources Ltd said it would bid for Danby Gas Ltd, and Danby Gas Ltd said "
        "it would fight.\n\n"
        "The average sales price of crude also declined, to 18 dlrs a barrel. "
        '"Output from the new platform should begin late in the year," the company said.'
    )
    assert speakers("Outlook", body) == [None]


def test_he_after_a_chief_named_right_before_said_is_that_chief() -> None:
    body = (
        "Kestrel Resources Ltd said its net profit fell to 45 mln dlrs in 1986.\n\n"
        "Revenue fell to 4.5 billion dlrs in a hard and crowded market, chairman and chief "
        "executive Alan Morrow said in a statement. A dividend would be paid to the parent. "
        '"A return of two pct on funds employed is a very poor return," he said.'
    )
    assert speakers("Results", body) == ["Alan Morrow"]


def test_for_a_party_its_named_spokesman_said_then_he_said_is_that_spokesman() -> None:
    body = (
        "Labour candidate Tom Reed said the Tory plans would cut investment. He added: "
        '"We will keep to the plans we have set out."\n\n'
        'For the Greens Owen Kerr said: "The chancellor will tell us all is well," he said. '
        '"But it is built on debt."'
    )
    assert speakers("Budget", body)[1:] == ["Owen Kerr"]


def test_a_name_before_a_bracket_and_ltd_is_a_firm_not_its_economist() -> None:
    body = (
        "Japan posted another huge monthly trade surplus on Tuesday.\n\n"
        '"The world has every reason to be angry with Tokyo," Morton Blake (Securities) '
        "Ltd economist Jonas Berg said."
    )
    assert actor_types("Surplus", body).get("Morton Blake") == "organisation"
    assert speakers("Surplus", body) == ["Jonas Berg"]


def test_the_editor_of_a_site_named_by_its_address_speaks_not_the_address() -> None:
    body = (
        "Fans have waited three years for the sequel to the game. Maria Okafor, editor of "
        'fansite Arena.Fans.Org, said: "The studio got everything right. Nothing distracts '
        'you when you are playing."'
    )
    assert speakers("Fans hope for sequel", body) == ["Maria Okafor"]
    assert "Org" not in actor_types("Fans hope for sequel", body)


def test_a_surname_the_tagger_reads_as_a_verb_is_still_the_person_named_before() -> None:
    body = (
        "Ricky Stone will write an episode of the cartoon after an invitation from its "
        "creator Matt Groening.\n\n"
        '"This is the hardest job of my career," Stone said. Groening recently heaped praise '
        'on The Office, saying: "Everybody here is a fan of the show and we watch it every '
        'week."'
    )
    assert speakers("Cartoon", body) == ["Stone", "Matt Groening"]


def test_a_first_name_and_surname_read_as_a_title_is_the_person_named_by_the_surname() -> None:
    body = (
        "The institute wants an online commons for public debate.\n\n"
        '"What we are proposing is a civic commons," Will Davies, senior research fellow at '
        "the IPPR told the BBC News website.\n\nMr Davies said the idea was not new."
    )
    assert speakers("Commons", body) == ["Will Davies"]
