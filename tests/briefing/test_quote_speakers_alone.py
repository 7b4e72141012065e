"""Speakers of quotes that stand alone, and of names the tagger reads badly, on texts this
project wrote in the shapes real news uses."""

from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import parse_article
from tests.briefing.speaker_reading import speakers


def test_a_quoted_sentence_standing_alone_goes_on_with_the_person_just_spoken_of() -> None:
    body = (
        "Karen Walsh, the lab's chief engineer, told reporters that the closure was a blow. "
        "The lab had worked with several carmakers on battery research. "
        '"We had some of the best chemists in the country working here, and they will be '
        'hired elsewhere within weeks."'
    )
    assert speakers("Lab Closes", body) == ["Karen Walsh"]


def test_a_quote_standing_alone_is_left_empty_when_its_paragraph_names_someone_else() -> None:
    body = (
        "Karen Walsh, the lab's chief engineer, told reporters that the closure was a blow. "
        "The lab had worked with several carmakers on battery research. "
        '"We had some of the best chemists in the country working here and now they are gone." '
        "That is the view of Olav Brekke, who ran the lab's test track."
    )
    assert speakers("Lab Closes", body) == [None]


def test_a_quote_standing_alone_far_from_any_person_stays_empty() -> None:
    body = (
        "Karen Walsh, the lab's chief engineer, spoke to reporters on Monday.\n\n"
        "The lab opened in 1998. It cost 40 million crowns. Its site is now for sale. "
        "The land is worth far more than the buildings.\n\n"
        '"It was the best place in the country to work on batteries, and now it is gone."'
    )
    assert speakers("Lab Closes", body) == [None]


def test_a_peer_speaks_although_the_article_also_writes_lord_in_lower_case() -> None:
    body = (
        "The ruling was read by a senior law lord on Thursday.\n\n"
        'Lord Nicholls of Birkenhead, in his ruling, said: "Detention without trial has no '
        'place in a country that keeps the rule of law."'
    )
    assert speakers("Detention Ruling", body) == ["Lord Nicholls"]


def test_a_surname_with_a_particle_speaks() -> None:
    body = (
        "Foreign creditors may convert loans into shares.\n\n"
        'Finance Minister Barend du Plessis said the central bank was "looking into what such '
        'conversions would mean for the currency."\n\n'
        "Du Plessis in disclosing the agreement last night said the rise in the rand showed "
        'that "some foreign investors are again taking a more realistic view of the country."'
    )
    assert speakers("Debt Deal", body) == ["Du Plessis", "Du Plessis"]


def test_a_title_picks_which_of_two_people_with_one_surname_speaks() -> None:
    body = (
        "Senate Republican Leader Robert Dole said he believed the veto would hold after he "
        "and his wife, Transportation Secretary Elizabeth Dole, had met the President.\n\n"
        'Elizabeth Dole said, "We are going to be working on that and I am optimistic."\n\n'
        '"He needs to show that he is in charge and that he is effective," Sen. Dole said.\n\n'
        '"It will be a hard fight in the House," Mrs Dole said.'
    )
    assert speakers("Veto Fight", body) == ["Elizabeth Dole", "Robert Dole", "Elizabeth Dole"]


def test_a_second_phrase_in_the_clause_a_verb_reports_keeps_its_speaker() -> None:
    body = (
        "Stock exchange president Tony Norton, speaking yesterday before the debt agreement, "
        'said the economy was "in bad shape" and there was "an awful lot of talk but little '
        'action" to cure serious problems.'
    )
    assert speakers("Debt Deal", body) == ["Tony Norton", "Tony Norton"]


def test_princes_named_by_first_name_are_not_someone_with_a_like_surname() -> None:
    body = (
        "The Archbishop of Canterbury, Dr Rowan Williams, will lead the service.\n\n"
        'Princes William and Harry said they wish the couple "all the luck in the world for '
        'the years to come".'
    )
    assert "Rowan Williams" not in speakers("Royal Wedding", body)


def test_whom_a_speaker_tells_is_never_the_speaker() -> None:
    body = (
        '"The story this year remains all about digital and how that is completely transforming '
        'products and the way people interact with them," Jeff Joseph, from the Consumer '
        "Electronics Association (CEA) told the BBC News website."
    )
    assert speakers("Gadget Show", body) == ["Jeff Joseph"]


def test_a_hyphenated_surname_is_one_person() -> None:
    body = (
        "Ex-chat show host Robert Kilroy-Silk is to contest the Derbyshire seat of Erewash at "
        "the next general election.\n\n"
        "Labour's Elizabeth Blackman won the seat in 1997. Mr Kilroy-Silk announced his plans "
        "a day after launching his new party, Veritas. The East Midlands MEP, who quit the UK "
        "Independence Party, wants his new group to change politics.\n\n"
        "Ms Blackman said she was proud of the government's record. She declined to give her "
        "view of Mr Kilroy-Silk at this point.\n\n"
        "On Thursday, he told a news conference that Veritas would avoid the old parties' "
        '"lies and spin that have let voters down".'
    )
    doc = parse_article("Kilroy-Silk to stand", body)
    actors = {a.name: a.type for a in extract_actors(doc)}
    assert actors.get("Robert Kilroy-Silk") == "person"
    assert not any("Kilroy" in name for name in actors if name != "Robert Kilroy-Silk")
    assert speakers("Kilroy-Silk to stand", body) == ["Robert Kilroy-Silk"]


def test_an_age_that_speaks_means_the_person_just_named() -> None:
    body = (
        "Tom Jenkins, ranked 158th in the world, was forced to pull out of the Australian Open "
        "qualifying draw to play in his first ATP final. "
        '"For me, this was a big success," said the 20-year-old.'
    )
    assert speakers("First Final", body) == ["Tom Jenkins"]


def test_a_spokesman_speaks_for_the_organisation_that_was_just_the_subject() -> None:
    body = (
        "Greenpeace urged voters to question their candidates. But a spokesman stressed the "
        'meeting was "not in any way against one party".\n\n'
        'Oxfam said the plan was late. A spokesman for the Treasury said: "The plan is on '
        'time and on budget for this year."'
    )
    assert speakers("Election Meeting", body) == ["Greenpeace", "Treasury"]


def test_he_is_the_teller_when_a_time_phrase_also_reads_as_a_subject() -> None:
    body = (
        "Chancellor Gordon Brown has announced a freeze on fuel duty in his speech to the "
        "Commons on Thursday.\n\n"
        "Mr Brown told the House that policy is to raise fuel duty at least in line with "
        'inflation each year. But this financial year, because of "volatility in the oil '
        'market", he said the duty would be frozen.'
    )
    assert speakers("Fuel Duty", body) == ["Gordon Brown"]


def test_a_quote_standing_alone_is_not_given_to_someone_named_before_another_voice() -> None:
    body = (
        "Tony Blair has told Labour supporters he is still hungry for the job.\n\n"
        '"The voters like the government more than some members do," is the view of Graham '
        "Lane, a Labour councillor. The problem, according to Mr Lane, is not Iraq but Mr "
        'Blair himself. "I have a new slogan for the doorstep and it is not about him."'
    )
    assert "Tony Blair" not in speakers("Labour Mood", body)


def test_a_title_alone_is_no_name_and_means_whom_it_was_given_to() -> None:
    body = (
        "The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as a great "
        "thriller but lousy history. Despite enjoying the plot, the Bishop said there was a "
        "lack of evidence to back up its claims.\n\n"
        'Writing his Christmas message in the Northern Echo, the Bishop said: "Conspiracy '
        'theories are always fun to invent, fun to read and fun to fantasise about."'
    )
    doc = parse_article("Novel Laughable", body)
    names = [actor.name for actor in extract_actors(doc)]
    assert "Bishop" not in names and "Rt Rev Dr" not in names
    assert speakers("Novel Laughable", body) == ["Tom Wright"]


def test_a_name_in_apposition_to_a_title_speaks_although_it_is_also_a_word() -> None:
    body = (
        "Fathers may be allowed to take some of their partner's leave, ministers said.\n\n"
        'The Shadow Secretary of State for the Family, Theresa May, said: "These plans were '
        'announced in December and are now being recycled to win back women voters."'
    )
    assert speakers("Maternity Pay", body) == ["Theresa May"]


def test_whoever_owns_a_persons_name_is_an_affiliation_not_a_person() -> None:
    body = (
        "Labour's Elizabeth Blackman won the seat in 1997 and has a large majority. She says "
        'she will fight on her record "as a hard-working constituency MP".'
    )
    doc = parse_article("Erewash", body)
    types = {actor.name: actor.type for actor in extract_actors(doc)}
    assert types.get("Labour") != "person"
    assert speakers("Erewash", body) == ["Elizabeth Blackman"]


def test_a_description_looks_past_sentences_that_are_only_quotation() -> None:
    body = (
        '"My wife and I went through every parent\'s worst nightmare," James Harding said. '
        '"The little soul we expected took a shortcut."\n\n'
        '"You never know why these things happen, that is what I tell my kids," said the actor.'
    )
    assert speakers("Sad News", body)[-1] == "James Harding"


def test_a_person_keeps_the_full_name_when_a_surname_of_many_words_is_used_more() -> None:
    body = (
        "The proposal was put forward by Frits van Horick, president of the trade association.\n\n"
        'The plan is a basis for talks, van Horick said. "Our formula builds flexibility into '
        'the system," van Horick said. "It will benefit almost everyone," van Horick added.'
    )
    doc = parse_article("Coffee Quotas", body)
    names = [actor.name for actor in extract_actors(doc)]
    assert "Frits van Horick" in names and "van Horick" not in names
    assert set(speakers("Coffee Quotas", body)) == {"Frits van Horick"}


def test_a_state_body_named_by_its_country_speaks_and_the_country_stays() -> None:
    body = (
        "Key Security Council powers distanced themselves from the move.\n\n"
        "Russia's foreign ministry said it viewed the decision as \"another measure "
        'contradicting the legal footing for a peace deal".\n\n'
        'The French foreign ministry said it "regrets any decision likely to encourage '
        'settlement building".'
    )
    doc = parse_article("Settlements", body)
    names = {actor.name: actor.type for actor in extract_actors(doc)}
    assert names.get("Russia") == "place"
    assert names.get("Russia's foreign ministry") == "organisation"
    assert speakers("Settlements", body) == [
        "Russia's foreign ministry",
        "French foreign ministry",
    ]


def test_it_after_a_document_that_spoke_means_whom_the_document_was_named_with() -> None:
    body = (
        "Indonesia is nearing a crossroads over deregulation, the U.S. Embassy says in a new "
        'report.\n\n"The country appears to be nearing a crossroads with regard to '
        'deregulation," the report says.\n\n'
        'It says that while many officials favour relaxation, "there are equally strong '
        'pressures being exerted to halt all such moves."'
    )
    assert speakers("Deregulation", body) == ["U.S. Embassy", "U.S. Embassy"]


def test_he_who_tells_is_not_the_one_his_words_are_about() -> None:
    body = (
        "Conservative leader Michael Howard said the government had wasted people's money.\n\n"
        'Mr Blair has failed to tackle these problems, he claimed, saying he has the "wrong '
        'solution to every one of them".'
    )
    assert speakers("New Year Message", body) == ["Michael Howard"]


def test_a_quote_standing_alone_is_kept_when_the_next_sentence_turns_to_someone_else() -> None:
    # the next sentence's subject is whom the story turns to, and a name owning a thing
    # there ("Duff's role") is no one the quote may be credited to
    body = (
        "The Republic kept a clean sheet for the eighth time in 11 matches and are unbeaten "
        "at home since Brian Kerr took over. Kerr applauded the decisive move which earned "
        'the victory. "It was a brilliant goal, fantastic skill by Damien Duff. Robbie might '
        'have scuffed it a little but it was a good goal." Matchwinner Keane was another full '
        "of praise for Duff's role in the goal."
    )
    assert speakers("Kerr hails Irish win", body) == ["Brian Kerr"]
