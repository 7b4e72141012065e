"""Extractive summaries of articles this project wrote, and their properties on any text."""

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.digests.summaries import (
    Weights,
    analyse,
    prose_sentences,
    select,
    summarize,
    summarize_many,
)
from briefing.sentences import split_sentences
from tests.conftest import SHARED_DATA

BBC = SHARED_DATA / "bbc-news-summary"

BRIDGE_TITLE = "Flood Closes Old Bridge in Marrowdale as River Reaches Record Level"
BRIDGE = """The river Tessel rose to a record level on Thursday, forcing engineers to close the old
stone bridge in Marrowdale for the first time in its 200-year history.

Engineers said water was pressing against the bridge's arches and that debris carried by the
flood could damage them. The council said the bridge would stay closed until the river level
falls and divers have inspected the arches.

Traffic was sent over the ring road, adding about 40 minutes to journeys into the town centre.
Shops near the bridge said trade had dropped sharply. "Nobody can reach us," said baker Ines
Halloran, whose shop stands at the north end of the bridge.

The river level at the Marrowdale gauge reached 4.2 metres, beating the record set in 1968.
Forecasters expect more rain on Saturday. Volunteers filled sandbags at the town hall.

The council repeated that the old bridge would stay closed until the river level falls and
divers have inspected its arches."""

BUDGET_TITLE = "Valdoria Cuts Fuel Tax in Budget"
BUDGET = """Valdoria's finance minister Petra Lund cut the fuel tax by 8% in the annual budget on
Tuesday, saying households needed relief after a winter of high prices.

The cut will cost the treasury about 1.2bn crowns a year. Ms. Lund said it would be paid for by
a new levy on bank profits and by delaying two road projects.

Opposition leader Karl Emsworth called the budget "a gift before the election". Economists said
the fuel tax cut would lower inflation by about half a point.

The budget also raises pensions by 3% and funds 2,000 new nursery places."""


def test_summary_is_three_sentences_of_the_article_in_order() -> None:
    summary = summarize(BRIDGE_TITLE, BRIDGE)
    sentences = split_sentences(BRIDGE)
    assert len(summary) == 3
    positions = [sentences.index(s) for s in summary]
    assert positions == sorted(positions)


def test_summary_leads_with_the_news_and_skips_colour() -> None:
    summary = summarize(BUDGET_TITLE, BUDGET, sentences=2)
    assert summary[0].startswith("Valdoria's finance minister Petra Lund cut the fuel tax")
    assert not any("Emsworth" in s for s in summary)


def test_near_duplicate_sentences_are_not_both_chosen() -> None:
    summary = summarize(BRIDGE_TITLE, BRIDGE, sentences=3)
    closures = [s for s in summary if "stay closed until the river level falls" in s]
    assert len(closures) <= 1


def test_without_redundancy_penalty_the_duplicate_can_return() -> None:
    """The MMR penalty is what keeps the repeated closure sentence out."""
    eager = Weights(redundancy=0.0, position=0.0)
    summary = summarize(BRIDGE_TITLE, BRIDGE, sentences=6, weights=eager)
    assert sum("stay closed until the river level falls" in s for s in summary) == 2
    summary = summarize(BRIDGE_TITLE, BRIDGE, sentences=6, weights=Weights(redundancy=3.0))
    assert sum("stay closed until the river level falls" in s for s in summary) == 1


def test_a_body_that_repeats_the_title_does_not_spend_a_sentence_on_it() -> None:
    summary = summarize(BUDGET_TITLE, f"{BUDGET_TITLE}\n\n{BUDGET}", sentences=1)
    assert summary != [BUDGET_TITLE]
    assert summary[0].startswith("Valdoria's finance minister")


def test_short_and_empty_texts() -> None:
    assert summarize("Title", "") == []
    assert summarize("Title", "One sentence only.") == ["One sentence only."]
    assert summarize("Title", "First. Second one here.", sentences=0) == []
    assert summarize("", "No title here. Still works.", sentences=5) == [
        "No title here.",
        "Still works.",
    ]


def test_summarize_many_matches_one_by_one() -> None:
    items = [(BRIDGE_TITLE, BRIDGE), (BUDGET_TITLE, BUDGET), ("Empty", "")]
    assert summarize_many(items, sentences=2) == [summarize(t, b, 2) for t, b in items]
    assert summarize_many(iter(items)) == [summarize(t, b) for t, b in items]


def test_analysis_scores_are_bounded() -> None:
    analysis = analyse(BRIDGE_TITLE, BRIDGE)
    assert len(analysis.sentences) == len(analysis.centrality) == len(analysis.title_overlap)
    assert max(analysis.centrality) == pytest.approx(1.0)
    assert all(0.0 <= x <= 1.0 for x in analysis.centrality + analysis.title_overlap)


_SENTENCE = st.lists(
    st.sampled_from(
        "river council bridge minister fuel tax said the of a closed rose Mr. U.S. 3.5 "
        '"We won," he said budget flood Valdoria ... Lund crowns'.split(" ")
    ),
    min_size=1,
    max_size=25,
).map(lambda words: " ".join(words) + _ending(len(words)))


def _ending(n: int) -> str:
    """A deterministic sentence ending, so generated texts mix the terminators."""
    return (".", "?", "!", '."', "")[n % 5]


_ARTICLE = st.lists(_SENTENCE, max_size=30).map(
    lambda sentences: "".join(s + ("\n\n" if i % 4 == 3 else " ") for i, s in enumerate(sentences))
)


@given(st.text(max_size=40), _ARTICLE, st.integers(min_value=0, max_value=6))
def test_summary_is_a_subsequence_of_the_sentences(title: str, text: str, count: int) -> None:
    summary = summarize(title, text, count)
    sentences = split_sentences(text)
    assert len(summary) <= count
    position = -1
    for sentence in summary:  # as written, but for the marks that close a cut quotation
        written = re.sub(r'^[“"]…|…[”"]$', "", sentence)
        position = sentences.index(written, position + 1)


@given(st.text(max_size=300), st.integers(min_value=1, max_value=4))
def test_any_text_gives_a_summary(text: str, count: int) -> None:
    summary = summarize("", text, count)
    # datelines, captions and bylines ("1900-01-01" alone is a dateline) are never summary
    assert len(summary) == min(count, len(prose_sentences(text)))
    assert len(prose_sentences(text)) <= len(split_sentences(text))
    assert select(analyse("", text), count) == sorted(set(select(analyse("", text), count)))


def test_bbc_picks_more_reference_sentences_than_lead_3() -> None:
    """On real articles our 3 sentences hit the reference extract more often than Lead-3."""
    files = sorted(BBC.glob("*.jsonl"))
    if not files:
        pytest.skip(f"BBC News Summary corpus not found at {BBC}")
    ours = lead = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines()[:40]:
            row = json.loads(line)
            reference = row["summary_raw"]
            ours += sum(s in reference for s in summarize(row["title"], row["article"]))
            lead += sum(s in reference for s in split_sentences(row["article"])[:3])
    assert ours > lead


def test_a_summary_never_opens_with_a_dangling_pronoun_or_connective() -> None:
    from briefing.digests.summaries import dangling, summarize

    text = (
        "The mayor of Valdoria opened the new bridge over the river on Monday morning. "
        "He also says the bridge cost half of what the council had planned to spend on it. "
        "However, the harbour tunnel planned for next year will cost twice as much again. "
        "Critics of the council called the tunnel a waste of money for the taxpayers."
    )
    for count in (1, 2, 3):
        picked = summarize("Tunnel costs double", text, count)
        sentences = text.split(". ")
        first = picked[0]
        assert not dangling(first), picked
        for sentence in picked[1:]:
            if dangling(sentence):  # only right after the sentence before it
                index = next(i for i, s in enumerate(sentences) if sentence.startswith(s[:30]))
                assert any(p.startswith(sentences[index - 1][:30]) for p in picked)
    assert dangling('"He also says so.') and dangling("But then it rained.")
    assert not dangling("This year the harvest failed.") and not dangling("Hello there.")


def test_datelines_captions_and_bylines_are_left_out() -> None:
    from briefing.digests.summaries import prose_sentences

    text = (
        "Workers repair the roof of the old mill in Valdoria.\n\n"
        "VALDORIA, April 3 (Reuters) - The old mill reopened on Friday after a repair that took "
        "three years and cost the town four million crowns.\n\n"
        "Photo: Getty Images\n\nReporting by Ana Ruiz; Editing by Tom Berg"
    )
    assert prose_sentences(text) == [
        "The old mill reopened on Friday after a repair that took three years and cost the town "
        "four million crowns."
    ]


def test_a_quote_cut_by_the_summary_is_closed_and_marked() -> None:
    text = (
        "The harbour board raised fees for ferries on Monday, its chairman Emil Strand said. "
        '"The port must pay for its new quay. Every ferry line will share the cost of it." '
        "Fishermen were spared the rise for another year. "
        "The island ferry said it would pass the fees on to passengers from June. "
        "A ferry ticket to the island costs twelve crowns today."
    )
    for count in (1, 2, 3, 4):
        for sentence in summarize("Harbour fees rise for ferries", text, count):
            assert sentence.count('"') % 2 == 0, sentence
    summary = summarize("Harbour fees rise for ferries", text, 6)  # both halves: as written
    assert summary[1] == '"The port must pay for its new quay.'
    assert summary[2] == 'Every ferry line will share the cost of it."'
