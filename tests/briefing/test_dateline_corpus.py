"""Dates and sources read from Reuters wire stories pasted as text (`bench/datelines.py`).

The stories are read at run time from ../shared/data/reuters21578; the test skips without it.
The held-out half of the set was never used to change the code: at least 9 in 10 of its
stories must get their true date.
"""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "datelines.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("datelines_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    module = _bench()
    if not module.data_present():
        pytest.skip(f"{module.REUTERS} is missing (the shared corpora are not checked out)")
    return module


def test_the_set_names_stories_and_labels_only(bench: ModuleType) -> None:
    labelled = bench.load_set()
    for split in bench.SPLITS:
        assert len(labelled[split]) >= 20
        for label in labelled[split]:
            assert set(label) == {"file", "newid", "date", "source"}


def test_held_out_wire_stories_get_their_date(bench: ModuleType) -> None:
    score = bench.score("held_out")
    assert score.total >= 20
    assert score.dates >= 0.9 * score.total, f"dates {score.dates}/{score.total}"
    assert score.sources >= 0.85 * score.total, f"sources {score.sources}/{score.total}"
