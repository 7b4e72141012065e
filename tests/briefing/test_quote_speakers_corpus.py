"""Quote speakers on hand-labelled BBC and Reuters articles (`bench/quote_labels.json`), read
from ../shared/data at run time: the held-out figure against issue 11's target."""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import quote_speakers  # noqa: E402

pytestmark = pytest.mark.skipif(
    not quote_speakers.data_present(), reason="../shared/data corpora are not present"
)
TARGET = 0.9  # issue 11: at least 14 of 15 speakers right on held-out articles
FLOOR = 0.7  # what the code reached when the heldout3 labels were made; it must not fall below


@pytest.fixture(scope="module")
def scores() -> dict[str, quote_speakers.Score]:
    return quote_speakers.run()


def test_the_labelled_set_has_a_dev_and_a_held_out_part(
    scores: dict[str, quote_speakers.Score],
) -> None:
    assert scores["dev"].labelled >= 30 and scores["heldout5"].labelled >= 30


def test_held_out_speakers_do_not_fall_below_the_floor(
    scores: dict[str, quote_speakers.Score],
) -> None:
    assert scores["heldout5"].accuracy >= FLOOR
    assert scores["dev"].accuracy >= FLOOR


@pytest.mark.xfail(
    reason="issue 11 target not reached yet: 95/131 heldout3 (72.5%) before this round", strict=True
)
def test_held_out_speakers_reach_the_target(scores: dict[str, quote_speakers.Score]) -> None:
    assert scores["heldout5"].accuracy >= TARGET
