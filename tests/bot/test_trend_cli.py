"""`python -m bot trend`: series as JSON, the chart as a PNG file, and clear failures."""

import json
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from storage import Archive
from tests.bot.test_console import run_bot
from tests.briefing.trend_data import CHAT, seed
from tests.conftest import ROOT


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database file holding March 2024 of the trend data."""
    path = tmp_path / "trends.db"
    archive = Archive.open(path)
    seed(archive)
    archive.close()
    return path


def _trend(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["trend", "--db", str(db), "--chat", str(CHAT), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_points_of_the_30_days_ending_with_the_newest_article(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = _trend(db, capsys, "--json", "Mirela Dunn", "berg")
    assert status == 0
    found = json.loads(out)
    assert [s["actor"] for s in found["series"]] == ["Mirela Dunn", "Tomas Berg"]
    dunn = found["series"][0]["points"]
    assert dunn[0] == ["2024-03-01", 1] and dunn[-1] == ["2024-03-30", 3] and len(dunn) == 30
    assert ["2024-03-25", 5] in dunn
    assert (found["since"], found["until"], found["bucket"]) == ("2024-03-01", "2024-03-30", "day")


def test_dates_and_periods(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _trend(db, capsys, "--json", "--since", "2024-03-24", "--until",
                            "2024-03-26", "Dunn")  # fmt: skip
    assert status == 0
    assert json.loads(out)["series"][0]["points"] == [
        ["2024-03-24", 3], ["2024-03-25", 5], ["2024-03-26", 3]
    ]  # fmt: skip
    status, out, _ = _trend(db, capsys, "--json", "Dunn", "1y")
    weeks = json.loads(out)
    assert weeks["bucket"] == "week" and weeks["series"][0]["points"][-1] == ["2024-03-24", 23]


def test_png_and_text(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chart = tmp_path / "chart.png"
    status, out, _ = _trend(db, capsys, "--png", str(chart), "Dunn", "Berg")
    assert status == 0
    assert out.startswith("1–30 Mar 2024, articles naming each")
    assert f"Chart written to {chart}." in out
    png = chart.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (1200, 700)


def test_failures_say_why(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _trend(db, capsys, "--json", "Zzyzx")
    assert (status, out) == (1, "")
    assert "No actor of this chat's archive is named Zzyzx." in err
    status, _, err = _trend(db, capsys, "--since", "2024-03-20", "--until", "2024-03-10", "Dunn")
    assert status == 2 and "comes after" in err
    status, _, err = _trend(db, capsys, "Dunn", "20y")
    assert status == 2 and "5 years" in err
    chart = tmp_path / "none.png"
    status, _, err = _trend(db, capsys, "--png", str(chart), "--since", "2023-01-01",
                            "--until", "2023-01-31", "Dunn")  # fmt: skip
    assert status == 1 and "No chart written" in err and not chart.exists()
    status, _, err = _trend(db, capsys, "--chat", "99", "Dunn")
    assert status == 1 and "archive is empty" in err


def test_rising_actors_from_the_real_command(db: Path) -> None:
    result = run_bot("trend", "--db", str(db), "--chat", str(CHAT), "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert [s["actor"] for s in json.loads(result.stdout)["series"]] == ["Tomas Berg"]


def test_json_starts_without_spacy_telegram_or_matplotlib(db: Path) -> None:
    script = (
        "import sys\nfrom bot.cli import main\n"
        f"status = main(['trend', '--db', {str(db)!r}, '--chat', '{CHAT}', '--json', 'Dunn'])\n"
        "heavy = [m for m in ('spacy', 'telegram', 'matplotlib') if m in sys.modules]\n"
        "print(status, heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.stderr.strip().endswith("0 []"), result.stderr
    assert json.loads(result.stdout)["series"][0]["total"] == 54
