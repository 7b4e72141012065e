"""Sentence splitting on news text this project wrote: abbreviations, quotes, paragraphs."""

import itertools
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.sentences import sentence_spans, split_sentences
from tests.conftest import SHARED_DATA

BBC = SHARED_DATA / "bbc-news-summary"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Okafor met Gen. Halvorsen in St. Albans on Feb. 3. Talks went well.",
            ["Mr. Okafor met Gen. Halvorsen in St. Albans on Feb. 3.", "Talks went well."],
        ),
        (
            "The U.S. envoy arrived late. Officials in the U.K. said nothing.",
            ["The U.S. envoy arrived late.", "Officials in the U.K. said nothing."],
        ),
        (
            "The deal was signed in the U.S. The ministry welcomed it.",
            ["The deal was signed in the U.S.", "The ministry welcomed it."],
        ),
        (
            "The novel by J. R. Tolliver sold 3.5 million copies. It won a prize.",
            ["The novel by J. R. Tolliver sold 3.5 million copies.", "It won a prize."],
        ),
        (
            "The ferry ranked No. 5 in the survey. Its rival was No. 2.",
            ["The ferry ranked No. 5 in the survey.", "Its rival was No. 2."],
        ),
        (
            "She hesitated... and then signed. The room went quiet.",
            ["She hesitated... and then signed.", "The room went quiet."],
        ),
        (
            'He said: "The strike is over." Workers returned on Monday.',
            ['He said: "The strike is over."', "Workers returned on Monday."],
        ),
        (
            "She called it “a turning point.” Markets rose.",
            ["She called it “a turning point.”", "Markets rose."],
        ),
        (
            '"We will rebuild the bridge," he said. "Is it safe?" she asked. Nobody answered.',
            [
                '"We will rebuild the bridge," he said.',
                '"Is it safe?" she asked.',
                "Nobody answered.",
            ],
        ),
        (
            "Shares in Brightwater Ltd. rose. Shares in Harlow Inc. fell sharply.",
            ["Shares in Brightwater Ltd. rose.", "Shares in Harlow Inc. fell sharply."],
        ),
        (
            "Prices rose (see the table.) Analysts were surprised! Why? Nobody knows.",
            ["Prices rose (see the table.)", "Analysts were surprised!", "Why?", "Nobody knows."],
        ),
        (
            "Measures:\n- a tax cut for farmers\n- two new bridges\n\nThe vote is on Friday",
            [
                "Measures:",
                "- a tax cut for farmers",
                "- two new bridges",
                "The vote is on Friday",
            ],
        ),
    ],
)
def test_news_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_paragraph_breaks_end_sentences_and_single_newlines_are_spaces() -> None:
    text = (
        "Rain closed the mountain pass on Tuesday\nand stranded two buses\n\n"
        "Rescuers reached them by noon\r\n\r\nNo one was hurt."
    )
    assert split_sentences(text) == [
        "Rain closed the mountain pass on Tuesday and stranded two buses",
        "Rescuers reached them by noon",
        "No one was hurt.",
    ]


def test_spans_point_into_the_original_text() -> None:
    text = '  The council met.  "It was\nlong," Ms. Varga said.\n\nA vote follows.  '
    spans = sentence_spans(text)
    assert [text[start:end] for start, end in spans] == [
        "The council met.",
        '"It was\nlong," Ms. Varga said.',
        "A vote follows.",
    ]


def test_empty_and_blank_text() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []
    assert sentence_spans("") == []


_WORDS = st.sampled_from(
    [
        "the", "minister", "said", "Mr.", "U.S.", "Feb.", "No.", "5", "3.5", "J.", "K.",
        "Rowling", "...", "…", "talks", "Inc.", "etc.", '"We', 'won."', "“Yes.”", "(see", "it.)",
        "he", "Why?", "Stop!", "-", "e.g.", "The", "rose.", "\n", "\n\n", "\r\n", " ", "\t",
    ]
)  # fmt: skip


@given(st.lists(_WORDS, max_size=60).map(" ".join))
def test_news_like_text_loses_nothing(text: str) -> None:
    _assert_lossless(text)


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200))
def test_any_text_loses_nothing(text: str) -> None:
    _assert_lossless(text)


def _assert_lossless(text: str) -> None:
    """Sentences cover every non-space character once, in order, as one-line strings."""
    sentences = split_sentences(text)
    assert "".join("".join(s.split()) for s in sentences) == "".join(text.split())
    assert all(s and s == " ".join(s.split()) for s in sentences)
    spans = sentence_spans(text)
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))
    assert [" ".join(text[a:b].split()) for a, b in spans] == sentences


def test_bbc_reference_sentences_are_found() -> None:
    """Almost every sentence of the corpus's reference extracts is one of our sentences."""
    files = sorted(BBC.glob("*.jsonl"))
    if not files:
        pytest.skip(f"BBC News Summary corpus not found at {BBC}")
    found = total = 0
    for line in files[0].read_text(encoding="utf-8").splitlines()[:200]:
        row = json.loads(line)
        ours = set(split_sentences(row["article"]))
        for sentence in row["summary_sentences"]:
            total += 1
            found += " ".join(sentence.split()) in ours
    assert found / total > 0.98
