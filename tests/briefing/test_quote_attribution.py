"""Each direct quote credited to the attribution nearest it, on press-release and wire texts
this project wrote (issue 11): consecutive speakers kept apart, places and wire agencies never
speakers, unsure means empty."""

from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import parse_article
from briefing.analysis.quotes import Quote, extract_quotes


def direct(title: str, body: str) -> list[Quote]:
    doc = parse_article(title, body)
    return [q for q in extract_quotes(doc, extract_actors(doc)) if q.direct]


def speakers(title: str, body: str) -> list[str | None]:
    return [q.speaker for q in direct(title, body)]


PRESS_RELEASE = (
    "The Halvard Academy named Orla Finch and Bram Keel as producers of this year's gala on "
    "Monday.\n\n"
    "“We are thrilled to bring the gala back to the old harbour theatre,” said Orla Finch and "
    "Bram Keel. “I am so excited to stand on that stage again in March,” said Tova Lind. “I "
    "agreed at once when the producers called me about the evening,” said Celine Marr, Academy "
    "President."
)


def test_consecutive_curly_quotes_each_have_their_own_speaker() -> None:
    assert speakers("Gala Producers Named", PRESS_RELEASE) == [
        "Orla Finch",  # joint speakers: the first named, never a third person
        "Tova Lind",
        "Celine Marr",
    ]


def test_straight_quotes_and_a_speaker_before_the_quote() -> None:
    body = (
        "The Meridian Network will broadcast the gala for the first time.\n\n"
        '"We have waited years for a night like this one," said Ruth Ankerson. '
        '"The whole company is proud of the crew," said Ilse Varga.\n\n'
        'Network chief Jon Pask said, "It is an honor to carry the gala to every home."'
    )
    assert speakers("Network Wins Gala", body) == ["Ruth Ankerson", "Ilse Varga", "Jon Pask"]


def test_a_colon_and_a_speaker_after_the_quote() -> None:
    body = (
        'Harbour master Emil Strand said: "The channel will stay closed until the storm ends."\n\n'
        '"We will pay every fisherman for the lost days," Mayor Lena Torvik said.'
    )
    assert speakers("Channel Closed", body) == ["Emil Strand", "Lena Torvik"]


def test_an_interrupted_quote_is_one_quote_of_its_speaker() -> None:
    body = "“The dam is safe,” engineer Ansel Brook said, “and the valley can sleep tonight.”"
    (quote,) = direct("Dam Safe", body)
    assert quote.speaker == "Ansel Brook"
    assert quote.text == "The dam is safe and the valley can sleep tonight."


def test_guillemets_with_the_speaker_after() -> None:
    body = "«We will stay in the square until the council listens,» said Noor Vale on Sunday."
    assert speakers("Protest Goes On", body) == ["Noor Vale"]


def test_a_place_is_never_a_speaker() -> None:
    body = (
        "Travel insurers raised their prices again this spring.\n\n"
        "London: “holiday resorts, personal accident cover and travel insurance all cost more "
        "this year than last”"
    )
    assert speakers("Insurance Up", body) == [None]


def test_a_wire_agency_is_never_a_speaker() -> None:
    body = (
        '"The copper mine at Velsk will reopen in March after the floods," Reuters reported '
        "on Tuesday."
    )
    assert speakers("Mine To Reopen", body) == [None]


def test_a_quote_never_carries_over_to_an_unnamed_speaker() -> None:
    body = (
        '"We will not sell the ferry line to anyone," said Marta Quell, the owner.\n\n'
        "The board of Kessmark Ferries met on Thursday to discuss the offer.\n\n"
        '"The board will look at every offer that reaches it," a spokesman said.'
    )
    assert speakers("Ferry Sale", body) == ["Marta Quell", None]


def test_a_quote_goes_on_after_its_attribution() -> None:
    body = (
        '"Prices are still falling," said Hanna Brix of Tallow Bank. "We expect the fall to '
        'end in the summer."\n\n'
        '"Exports are doing well," said Omar Selk of Crane Securities.'
    )
    quotes = direct("Prices Falling", body)
    assert [q.speaker for q in quotes] == ["Hanna Brix", "Omar Selk"]
    assert quotes[0].text == "Prices are still falling. We expect the fall to end in the summer."


def test_a_quote_after_reported_speech_belongs_to_its_speaker() -> None:
    body = (
        "Analyst Petra Lund said the harbour would need new cranes within two years. "
        '"Without them the port will lose its biggest customers to the north."'
    )
    assert speakers("Cranes Needed", body) == ["Petra Lund"]


def test_she_after_an_unnamed_spokeswoman_is_not_someone_named_earlier() -> None:
    body = (
        "Manager Ida Korr opened the new Fenwick Mall on Friday.\n\n"
        "A spokeswoman for Fenwick Mall said later that the car parks were already full. "
        '"We expect the busiest week of the year," she added.'
    )
    assert speakers("Mall Opens", body) == ["Fenwick Mall"]


def test_it_means_the_organisation_named_as_subject_before() -> None:
    body = (
        "Brightwater Energy Inc said on Monday that its output rose by a tenth.\n\n"
        '"We expect another record year at every mine we run," it said.'
    )
    assert speakers("Output Up", body) == ["Brightwater Energy Inc"]
