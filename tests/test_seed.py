"""The reference article from ../shared/data/seed: exact fields, and the done-criteria journeys."""

import json
from pathlib import Path

import pytest

from briefing.ingest.article import parse_pasted
from tests.bot.test_console import run_bot
from tests.conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/data/seed is not present")

SEED_URL = (
    "https://www.themoscowtimes.com/2015/04/22/"
    "russia-arming-iraq-and-syria-to-fight-islamic-state-lavrov-says-a46002"
)
SEED_TITLE = "Russia Arming Iraq and Syria to Fight Islamic State, Lavrov Says"


def test_seed_fields() -> None:
    article = parse_pasted(SEED.read_text(encoding="utf-8"))
    assert article.title == SEED_TITLE
    assert article.published_at == "2015-04-22"
    assert article.source == "The Moscow Times"
    assert article.url == SEED_URL
    assert article.body.startswith("Iraqi security forces demonstrate")
    assert "by providing weapons to their armies" in article.body  # broken paragraph joined
    for leftover in ("**", "April 22, 2015", "Original url", "themoscowtimes.com"):
        assert leftover not in article.body


def test_piped_seed_then_ask(tmp_path: Path) -> None:
    # As `cat seed; echo .` makes it: the file has no final newline, so "." ends its last line.
    conversation = SEED.read_text(encoding="utf-8") + ".\n/ask Lavrov\n"
    result = run_bot(stdin=conversation, db=tmp_path / "seed.db")
    out = result.stdout
    card = out.index("bot> Saved #1")
    answer = out.index("bot> Results for lavrov")
    assert card < answer
    assert SEED_TITLE in out[card:answer]
    assert "22 Apr 2015 · The Moscow Times" in out[card:answer]
    assert SEED_TITLE in out[answer:]


def test_import_then_ask_json(tmp_path: Path) -> None:
    db = tmp_path / "seed.db"
    assert run_bot("import", "--db", str(db), str(SEED), db=db).returncode == 0
    result = run_bot("ask", "--db", str(db), "--json", "Lavrov", db=db)
    (hit,) = json.loads(result.stdout)["results"]
    assert hit["title"] == SEED_TITLE
    assert hit["source"] == "The Moscow Times"
    assert hit["url"] == SEED_URL
    assert hit["published_at"] == "2015-04-22"
    assert "Lavrov" in hit["snippet"]
