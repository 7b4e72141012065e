"""A quote closed by "said" and a name: the name is the speaker however the parser hangs it,
and neither the firm after "of" nor a show's title before the role takes the quote. Texts this
project wrote in the shapes of wire and BBC news, and parses the parser makes of such lines."""

from spacy.tokens import Doc

from briefing.analysis.gazetteer import ORGANISATION, PERSON, PLACE
from tests.briefing.speaker_reading import (
    Actors,
    actor_types,
    attributor,
    indexed,
    parsed,
    speakers,
)


def test_each_wire_economist_keeps_his_own_quote_after_a_firm_with_a_legal_form() -> None:
    body = (
        "Factory orders rose 0.6 pct in May, pointing to steady growth, economists said.\n"
        '    "The figures fit an economy that grows slowly," said Paul Brennan of Hartley '
        'Securities Inc. "Nobody should expect a boom."\n'
        '    "Orders are up, but stocks are doing most of the work," said Dana Whitfield '
        'of Corbett Lowe Government and Co Inc. "Demand itself has not moved."\n'
    )
    assert speakers("Orders rise", body) == ["Paul Brennan", "Dana Whitfield"]


def test_a_fan_speaking_for_a_supporters_group_named_after_the_club_is_the_fan() -> None:
    body = (
        "Leeds Rovers have confirmed that the American investor is back with a new offer. "
        "Leeds Rovers said the board would study it.\n\n"
        '"We will fight this bid in every way we can," said Ann Booth of the Independent '
        'Leeds Rovers Supporters\' Trust. "The club is not a toy."'
    )
    assert speakers("Bid returns", body)[-1] == "Ann Booth"


def test_a_show_named_after_its_hosts_before_a_role_is_not_the_speaker() -> None:
    body = (
        "Presenters Richard Madden and Judy Fenwick picked ten novels for the book club.\n\n"
        '"The list is the best we have had," said Madden. "It was hard to choose ten books '
        'from three hundred," said Richard and Judy executive producer Amanda Rowe.'
    )
    assert speakers("Book club", body) == ["Richard Madden", "Amanda Rowe"]


def test_the_economist_after_her_firm_of_canada_ltd_is_the_speaker() -> None:
    body = (
        "Canada's trade surplus doubled in February, the government reported today.\n"
        '    "Let us hope this is the start of a trend," said Reynolds Maitland of Canada '
        "Ltd economist Susan Clarke in Toronto.\n"
    )
    assert speakers("Trade surplus", body) == ["Susan Clarke"]


def _speaker(doc: Doc, said: int, actors: Actors) -> str | None:
    """Whom `Attributor` credits for the verb at token `said`, the quote before it."""
    verb = doc[said]
    return attributor(doc, actors, quoted=lambda at: at < verb.idx).speaker_of(verb)


def test_a_name_the_parser_hung_under_the_firm_after_said_is_still_the_speaker() -> None:
    # "…," said Ward McCarthy of Merrill Lynch and Co Inc. — parsed with "Inc." as the verb's
    # punctuation and the name as its modifier, so "said" has no subject of its own.
    words = ['"', "Growth", "stays", "slow", ",", '"', "said", "Ward", "McCarthy", "of"]
    words += ["Merrill", "Lynch", "and", "Co", "Inc.", "."]
    heads = [2, 2, 6, 2, 6, 6, 6, 8, 14, 8, 11, 9, 11, 14, 6, 6]
    deps = ["punct", "nsubj", "ccomp", "acomp", "punct", "punct", "ROOT", "compound", "nmod"]
    deps += ["prep", "compound", "pobj", "cc", "compound", "punct", "punct"]
    pos = ["PUNCT", "NOUN", "VERB", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "ADP"]
    pos += ["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    actors = {(7, 9): ("Ward McCarthy", PERSON), (10, 12): ("Merrill Lynch", ORGANISATION)}
    assert _speaker(doc, 6, actors) == "Ward McCarthy"


def test_a_club_in_the_name_of_the_speakers_group_does_not_take_the_quote() -> None:
    # "…," said Mark Longden of the Manchester United Supporters' Association — with the
    # club wrongly taken for a person, as the tagger may.
    words = ['"', "We", "will", "fight", ",", '"', "said", "Mark", "Longden", "of", "the"]
    words += ["Manchester", "United", "Supporters", "Association", "."]
    heads = [3, 3, 3, 6, 6, 6, 6, 8, 6, 8, 14, 12, 14, 14, 9, 6]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj"]
    deps += ["prep", "det", "compound", "compound", "compound", "pobj", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "ADP"]
    pos += ["DET", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    actors = {(7, 9): ("Mark Longden", PERSON), (11, 13): ("Manchester United", PERSON)}
    assert _speaker(doc, 6, actors) == "Mark Longden"


def test_a_firm_taken_for_a_person_before_the_economists_role_does_not_take_the_quote() -> None:
    # "…," said Richardson Greenshields of Canada Ltd economist Susan Clark.
    words = ['"', "It", "may", "last", ",", '"', "said", "Richardson", "Greenshields", "of"]
    words += ["Canada", "Ltd", "economist", "Susan", "Clark", "."]
    heads = [3, 3, 3, 6, 6, 6, 6, 8, 6, 8, 11, 12, 14, 14, 8, 6]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj"]
    deps += ["prep", "compound", "compound", "compound", "compound", "appos", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "ADP"]
    pos += ["PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    actors = {(7, 9): ("Richardson Greenshields", PERSON), (13, 15): ("Susan Clark", PERSON)}
    assert _speaker(doc, 6, actors) == "Susan Clark"


def test_the_dutchman_and_the_irishman_are_the_people_last_named_not_names() -> None:
    body = (
        "Rovers manager Piet van Dam praised his side after the 2-0 cup win over City.\n\n"
        '"We kept the ball and waited for our chance," the Dutchman said.\n\n'
        "Striker Sean Kelly, who scored the second goal, agreed with his manager. "
        '"The pitch was heavy and it was never going to be pretty," the Irishman said.'
    )
    assert speakers("Cup win", body) == ["Piet van Dam", "Sean Kelly"]
    assert "Dutchman" not in actor_types("Cup win", body)


def test_a_person_whose_role_is_at_a_charity_named_after_a_man_keeps_her_quote() -> None:
    body = (
        "The minister said the plan would protect the health service.\n\n"
        "Maria Holt, head of research at Aids charity the Clement Hayes Trust said the plan "
        'rested on fear rather than facts. "It would push sick people to hide their '
        'illness," she said.'
    )
    types = actor_types("Health checks", body)
    assert (types["Maria Holt"], types["Clement Hayes Trust"]) == ("person", "organisation")
    assert speakers("Health checks", body) == ["Maria Holt"]


def test_a_capitalised_role_after_the_name_is_no_one_and_he_is_the_named_trader() -> None:
    body = (
        "Gilt dealers want trading before the auction, market sources said.\n"
        '    "We need some way to test the stock before we bid for it," said Tom Reilly, '
        "Head Trader at primary dealer Barton Gilts Ltd.\n"
        '    "The market in New York works very well that way," he said.\n'
    )
    assert "Trader" not in actor_types("Gilt auctions", body)
    assert speakers("Gilt auctions", body) == ["Tom Reilly", "Tom Reilly"]


def test_the_ex_international_is_a_description_not_a_name() -> None:
    body = (
        "Former winger Dan Morrow said England lacked leaders. "
        'And the ex-Wallaby added: "If they lose that game, they will be in real trouble."'
    )
    assert "Wallaby" not in actor_types("Rugby", body)
    assert "Wallaby" not in speakers("Rugby", body)


def test_a_name_opening_the_sentence_before_whose_is_the_one_who_said() -> None:
    body = (
        "Singer Beverley Kent and drum 'n' bass star Rob Sayle have released a song against "
        "gun crime. She said she was shocked by the deaths of two girls. Sayle, whose Open "
        "Roads album won the 1998 Mercury Music Prize, said carrying a gun was "
        '"nothing to be proud of at all".'
    )
    assert speakers("Song against guns", body)[-1] == "Rob Sayle"


def test_a_spokesman_named_with_an_honorific_after_his_firm_speaks_as_himself() -> None:
    body = (
        "The government's decision has cheered the building trade.\n\n"
        "A spokesman for RLK Builders, Dr Ramaswamy, told the BBC this will mean "
        '"better homes" for buyers. He said the firm would gain from '
        '"new partnerships, design skills and technology, while buyers will have more '
        'choice."'
    )
    assert "Ramaswamy" in actor_types("Building", body)
    assert speakers("Building", body)[-1] == "Ramaswamy"


def test_according_to_a_named_lawyer_after_the_quote_outweighs_the_firms_motion() -> None:
    body = (
        "Westland Oil Corp asked the court to review the judgment.\n"
        "    In support of its case, Westland's motion stressed a recent ruling in Chicago as\n"
        '"clear proof that the state court\'s opinion is wrong," according to Ray Dunmore,\n'
        "a Westland attorney with a Houston law firm.\n"
    )
    assert speakers("Court review", body) == ["Ray Dunmore"]


def test_according_to_a_paper_after_a_persons_quote_leaves_the_person_speaking() -> None:
    body = (
        'Party leader Jim Banner said the plan was "a disaster for every family in the land," '
        "according to the Evening Courier."
    )
    assert speakers("Plan", body) == ["Jim Banner"]


def test_a_company_form_the_parser_split_from_the_name_still_names_the_firm() -> None:
    # "Pennzoil Co said …" parsed with "Pennzoil" as a root of its own and "Co" the subject
    words = ["Pennzoil", "Co", "said", "it", "had", "no", '"', "meaningful", "offer", '"']
    heads = [0, 2, 2, 4, 2, 8, 8, 8, 4, 8]
    deps = ["ROOT", "nsubj", "ROOT", "nsubj", "ccomp", "det", "punct", "amod", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "VERB", "PRON", "VERB", "DET", "PUNCT", "ADJ", "NOUN", "PUNCT"]
    doc = parsed(words, heads, deps, pos)
    index = indexed(doc, {(0, 1): ("Pennzoil", ORGANISATION)})
    assert index.actor_at(doc[1]) == "Pennzoil"


def test_the_person_whose_apposition_ends_before_the_verb_is_its_subject() -> None:
    # "In …criticisms, chairman John Tower, a supporter and senator from Texas, told
    # reporters, "…"" parsed with the name joined to "criticisms" and "told" given no subject
    words = ["In", "criticisms", ",", "chairman", "John", "Tower", ",", "a", "supporter"]
    words += ["and", "senator", "from", "Texas", ",", "told", "reporters", ",", '"', "He"]
    words += ["failed", '"']
    heads = [14, 0, 14, 5, 5, 1, 5, 8, 5, 8, 8, 10, 11, 14, 14, 14, 14, 19, 19, 14, 19]
    deps = ["prep", "pobj", "punct", "compound", "compound", "conj", "punct", "det", "appos"]
    deps += ["cc", "conj", "prep", "pobj", "punct", "ROOT", "dobj", "punct", "punct", "nsubj"]
    deps += ["ccomp", "punct"]
    pos = ["ADP", "NOUN", "PUNCT", "NOUN", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "CCONJ"]
    pos += ["NOUN", "ADP", "PROPN", "PUNCT", "VERB", "NOUN", "PUNCT", "PUNCT", "PRON", "VERB"]
    pos += ["PUNCT"]
    doc = parsed(words, heads, deps, pos)
    actors = {(4, 6): ("John Tower", PERSON), (12, 13): ("Texas", PLACE)}
    opening = doc[17].idx
    reader = attributor(doc, actors, quoted=lambda at: at >= opening)
    assert reader.speaker_of(doc[14]) == "John Tower"
