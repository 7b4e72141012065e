"""Commands that need no language model start without spaCy, and those that do not talk to
Telegram without python-telegram-bot: the real `python -m bot` in a subprocess, which then
reports the packages it loaded (importing spaCy alone took most of a second per question)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from storage import Archive
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, ROOT

HEAVY = ("spacy", "telegram")

# Runs `python -m bot ARGS` in this interpreter, then prints as the last line of stderr its
# exit status and which of HEAVY (and `storage`, which every command loads) it imported.
PROBE = f"""
import json, runpy, sys
sys.argv = ["bot", *sys.argv[1:]]
status = 0
try:
    runpy.run_module("bot", run_name="__main__", alter_sys=True)
except SystemExit as end:
    status = end.code
loaded = {{name.split(".")[0] for name in sys.modules}} & {{*{HEAVY!r}, "storage"}}
print(json.dumps({{"status": status, "loaded": sorted(loaded)}}), file=sys.stderr)
"""


def run_probed(*args: str, db: Path) -> tuple[str, set[str]]:
    """Run the command line with `args`; its output and the packages of HEAVY it loaded."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update({"BRIEFING_DB": str(db), "TELEGRAM_BOT_TOKEN": ""})
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.splitlines()[-1])
    assert report["status"] == 0, result.stderr
    loaded = set(report["loaded"])
    assert "storage" in loaded  # which every command loads: the probe sees the command's imports
    return result.stdout, loaded - {"storage"}


@pytest.fixture
def small_archive(tmp_path: Path) -> Path:
    """Two articles in chat 0, stored without analysis (which would load the model here)."""
    db = tmp_path / "small.db"
    archive = Archive.open(db)
    for text in (OWN_ARTICLE, OTHER_ARTICLE):
        import_article(archive, 0, parse_pasted(text))
    archive.close()
    return db


def test_a_question_starts_without_spacy(small_archive: Path) -> None:
    out, loaded = run_probed("ask", "--db", str(small_archive), "harbour strike", db=small_archive)
    assert "Harbour Workers in Valdoria Strike" in out
    assert "spacy" not in loaded  # python-telegram-bot words the chat's answer: it may load


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ask", "--json", "harbour strike"], '"title": "Harbour Workers in Valdoria'),
        (["show", "2"], "Glacier Survey Finds Faster Melting"),
        (["digest", "--json", "--since", "2000-01-01"], "Glacier Survey Finds Faster Melting"),
        (["export", "--format", "md"], "## Glacier Survey Finds Faster Melting"),
        (["export", "--format", "json"], '"title": "Glacier Survey Finds Faster Melting'),
    ],
)
def test_reading_commands_start_without_spacy_or_telegram(
    small_archive: Path, args: list[str], expected: str
) -> None:
    out, loaded = run_probed(*args, "--db", str(small_archive), db=small_archive)
    assert expected in out
    assert loaded == set()


def test_backup_starts_without_spacy_or_telegram(small_archive: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    out, loaded = run_probed("backup", "--db", str(small_archive), str(copy), db=small_archive)
    assert "integrity check passed" in out and copy.exists()
    assert loaded == set()
