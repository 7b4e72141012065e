"""Dated events on hand-labelled Reuters stories (`bench/events_labels.py`), read from
../shared/data at run time: the figures must not fall below those reached when the labels
were made (development 23/25 right, 23/26 found; held-out 25/30 right, 26/32 found)."""

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import events_quality  # noqa: E402

pytestmark = pytest.mark.skipif(
    not events_quality.REUTERS.is_dir(), reason="../shared/data/reuters21578 is not present"
)
FLOOR = 0.8


@pytest.fixture(scope="module")
def scores() -> dict[str, events_quality.Score]:
    return events_quality.run()


def test_both_parts_are_labelled(scores: dict[str, events_quality.Score]) -> None:
    assert scores["development"].labelled >= 20 and scores["held_out"].labelled >= 20


@pytest.mark.parametrize("part", ["development", "held_out"])
def test_dated_events_are_right_and_found(
    scores: dict[str, events_quality.Score], part: str
) -> None:
    figures = scores[part].figures()
    assert figures["precision"] >= FLOOR, scores[part].errors
    assert figures["found_share"] >= FLOOR, scores[part].errors
