"""The load of `bench/load.py` as a test: 20 users, 500 messages within 30 seconds through the
emulator to the real bot; every article archived exactly once, every question answered, the bot
under 600 MB. The figures are printed (run with -s to see them)."""

from pathlib import Path

import pytest

from tests.e2e.harness import Emulator
from tests.e2e.load import run_load


@pytest.mark.slow
def test_twenty_users_send_five_hundred_messages(emulator: Emulator, tmp_path: Path) -> None:
    report = run_load(emulator, tmp_path / "load", users=20, messages=500, seconds=30)
    print("\n" + report.summary())
    assert report.send_seconds <= 30
    assert report.missing == [] and report.duplicates == 0
    assert report.archived == report.expected_articles
    assert report.unanswered == [] and report.unexpected == []
    assert report.unfinished_acks == 0
    assert report.peak_rss_mb < 600
