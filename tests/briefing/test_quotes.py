"""Direct and reported quotes with their speakers, on articles this project wrote."""

import pytest

from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import parse_article
from briefing.analysis.quotes import Quote, extract_quotes, quoted_segments
from briefing.ingest.article import parse_pasted

HARBOUR = """
# Harbour Pilots Reject Pay Offer, Union Chief Tamsin Oyelaran Says

June 14, 2023

The pilots' union of the port of Kessmark rejected a new pay offer on Tuesday, its leader \
Tamsin Oyelaran said.

"This offer does not cover the rise in prices. It is an insult to people who bring every ship \
in safely," she said at a meeting in Kessmark. "We will keep working to rule until the owners \
talk to us."

Port director Henrik Lauesen told reporters that the offer was final.

“We have gone as far as we can,” Lauesen said, “and the rest is up to the pilots.”

Critics called the offer "a joke" and the union's tactics "reckless".

Oyelaran said the union would meet again on Friday. "We are ready to talk, but we will not be \
ignored by anyone," she added.

Transport Minister Dario Velasquez said: "The government will not step into a dispute between \
a company and its workers.

"Both sides must find an agreement themselves, and they must find it soon."
"""


def quotes_of(title: str, body: str) -> list[Quote]:
    doc = parse_article(title, body)
    return extract_quotes(doc, extract_actors(doc))


@pytest.fixture(scope="module")
def harbour() -> list[Quote]:
    article = parse_pasted(HARBOUR)
    return quotes_of(article.title, article.body)


def direct(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.direct]


def test_a_quote_over_several_sentences_and_its_attribution(harbour: list[Quote]) -> None:
    first = direct(harbour)[0]
    assert first.speaker == "Tamsin Oyelaran"  # "she said", after "... Tamsin Oyelaran said."
    assert first.text == (
        "This offer does not cover the rise in prices. It is an insult to people who bring "
        "every ship in safely. We will keep working to rule until the owners talk to us."
    )
    assert first.sentence.startswith('"This offer does not cover')
    assert "she said at a meeting in Kessmark" in first.sentence


def test_curly_quotes_interrupted_mid_sentence(harbour: list[Quote]) -> None:
    second = direct(harbour)[1]
    assert second.speaker == "Henrik Lauesen"
    assert second.text == "We have gone as far as we can and the rest is up to the pilots."


def test_scare_quotes_are_not_quotes(harbour: list[Quote]) -> None:
    assert not any("joke" in q.text or q.text == "reckless" for q in harbour)


def test_a_quote_continued_in_the_next_paragraph(harbour: list[Quote]) -> None:
    last = direct(harbour)[-1]
    assert last.speaker == "Dario Velasquez"
    assert last.text == (
        "The government will not step into a dispute between a company and its workers. "
        "Both sides must find an agreement themselves, and they must find it soon."
    )


def test_reported_speech_is_kept_as_indirect_quotes(harbour: list[Quote]) -> None:
    indirect = [(q.speaker, q.text) for q in harbour if not q.direct]
    assert ("Henrik Lauesen", "the offer was final") in indirect
    assert ("Tamsin Oyelaran", "the union would meet again on Friday") in indirect
    told = next(q for q in harbour if q.text == "the offer was final")
    assert told.sentence == "Port director Henrik Lauesen told reporters that the offer was final."


def test_quotes_are_in_text_order(harbour: list[Quote]) -> None:
    assert [q.speaker for q in harbour] == [
        "Tamsin Oyelaran",
        "Tamsin Oyelaran",
        "Henrik Lauesen",
        "Henrik Lauesen",
        "Tamsin Oyelaran",
        "Tamsin Oyelaran",
        "Dario Velasquez",
    ]


def test_a_paragraph_broken_inside_a_quote_is_joined() -> None:
    body = (
        '"We are supporting farmers in the north, more than any other government, by opening\n\n'
        'markets to their produce," Agriculture Minister Petra Holm said on Monday.'
    )
    (quote,) = direct(quotes_of("Farm Support", body))
    assert quote.speaker == "Petra Holm"
    assert quote.text == (
        "We are supporting farmers in the north, more than any other government, "
        "by opening markets to their produce"
    )


def test_he_means_the_last_main_subject_outside_quotes() -> None:
    body = (
        "Mayor Lena Torvik said engineer Jonas Berg could not be blamed for the closure.\n\n"
        '"Yesterday Paul Anker told me the bridge was safe. We all trusted him," she said.\n\n'
        '"The bridge will reopen in May," said Jonas Berg, the chief engineer.\n\n'
        '"We regret the delay and we will pay for the repairs," a spokesman for Kessmark Rail '
        "said."
    )
    quotes = direct(quotes_of("Bridge Closed", body))
    assert [q.speaker for q in quotes] == ["Lena Torvik", "Jonas Berg", "Kessmark Rail"]


def test_an_unresolvable_pronoun_leaves_the_speaker_unknown() -> None:
    (quote,) = direct(quotes_of("Rain", '"It will rain every day this week," he said.'))
    assert quote.speaker is None
    assert quote.text == "It will rain every day this week"


def test_guillemets_and_a_colon() -> None:
    body = "Minister Petra Holm had a short answer: «Nobody will lose a single job over this plan.»"
    (quote,) = direct(quotes_of("Jobs", body))
    assert (quote.speaker, quote.text) == (
        "Petra Holm",
        "Nobody will lose a single job over this plan.",
    )


def test_quoted_segments_cover_the_marks() -> None:
    doc = parse_article("Title Here", 'He said "one two three" and left.')
    ((start, end),) = quoted_segments(doc)
    assert doc.text[start:end] == '"one two three"'


def test_the_title_gives_no_quotes() -> None:
    quotes = quotes_of('Holm: "We Will Win This Vote"', "Minister Petra Holm spoke on Monday.")
    assert quotes == []
