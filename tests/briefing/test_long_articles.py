"""Texts longer than a piece are parsed in pieces and read exactly as if parsed in one go."""

from hypothesis import given
from hypothesis import strategies as st

from briefing.analysis.nlp import (
    article_text,
    body_start,
    parse_article,
    parse_articles,
    split_pieces,
)
from briefing.analysis.pipeline import analyse_doc, analyse_many
from tests.briefing.test_analysis import analysis_to_json

TITLE = "Harbour Talks Resume in Valdoria"
PEOPLE = ["Mirela Dunn", "Tomas Berg", "Nora Vidal", "Anna Petrova"]
PLACES = ["Valdoria", "Chile", "Peru", "Estonia", "Norway"]


def harbour_body(paragraphs: int = 0, chars: int = 0) -> str:
    """`paragraphs` paragraphs (or as many as make `chars` characters) of named people,
    places, quotes and dated events, and a last one naming a mediator only there."""
    found: list[str] = []
    size = 0
    while len(found) < paragraphs or size < chars:
        n = len(found)
        person, place = PEOPLE[n % len(PEOPLE)], PLACES[n % len(PLACES)]
        found.append(
            f"On March {n % 27 + 1}, 2024, {person} met the port authority in {place}."
            f' "We will not load a single ship until the port authority talks to us,"'
            f" {person.split()[-1]} told reporters. The union said {n + 3} ships were waiting."
        )
        size += len(found[-1]) + 2
    found.append("At the end, the mediator Oskar Lindqvist said the talks would resume in Norway.")
    return "\n\n".join(found)


@given(
    st.text(alphabet=st.sampled_from("ab .!\n\t\"'"), max_size=400),
    st.integers(min_value=1, max_value=60),
)
def test_pieces_join_back_into_the_text_and_none_is_too_long(text: str, size: int) -> None:
    pieces = split_pieces(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)
    assert all(pieces[:-1])  # no empty piece, so the cutting always moves on


def test_a_text_is_cut_at_a_paragraph_else_a_sentence_else_a_space() -> None:
    paragraphs = "First paragraph is here.\n\nSecond paragraph, a longer one. It has two sentences."
    assert split_pieces(paragraphs, 40) == [
        "First paragraph is here.\n\n",
        "Second paragraph, a longer one. ",
        "It has two sentences.",
    ]
    assert split_pieces("one two three four", 10) == ["one two ", "three four"]
    assert split_pieces("abcdefghij", 4) == ["abcd", "efgh", "ij"]


def test_analysis_in_pieces_equals_the_analysis_in_one_go() -> None:
    body = harbour_body(30)
    text, start = article_text(TITLE, body)
    assert len(split_pieces(text, 1_500)) > 4
    whole = parse_article(TITLE, body)
    pieces = parse_article(TITLE, body, piece_chars=1_500)
    assert pieces.text == text and body_start(pieces) == start
    assert [s.start_char for s in pieces.sents] == [s.start_char for s in whole.sents]
    one_go = analysis_to_json(analyse_doc(whole, "2024-03-31"))
    in_pieces = analysis_to_json(analyse_doc(pieces, "2024-03-31"))
    assert in_pieces == one_go
    actors = {a["name"]: a["mentions"] for a in in_pieces["actors"]}
    assert actors["Mirela Dunn"] == 16 and actors["Oskar Lindqvist"] == 1  # the last piece's
    assert {q["speaker"] for q in in_pieces["quotes"]} >= set(PEOPLE)
    last = in_pieces["events"][-1]  # from the last paragraph with a date
    assert last["date"] == "2024-03-03" and last["sentence"].startswith("On March 3, 2024, Tomas")


def test_batches_keep_their_order_around_a_long_article() -> None:
    items = [
        ("Short One", "Mirela Dunn spoke in Chile."),
        (TITLE, harbour_body(12)),
        ("Short Two", "Tomas Berg spoke in Peru."),
    ]
    docs = list(parse_articles(items, batch_size=2, piece_chars=1_000))
    assert [doc.text for doc in docs] == [article_text(t, b)[0] for t, b in items]
    analyses = list(analyse_many([(t, b, None) for t, b in items], batch_size=2))
    assert [a.actors[0].name for a in analyses] == ["Mirela Dunn", "Mirela Dunn", "Tomas Berg"]
