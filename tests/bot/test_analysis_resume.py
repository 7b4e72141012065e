"""An article the analysis fails on is reported in one line once, not at every start."""

import logging
from pathlib import Path
from typing import Any

import pytest

from briefing.analysis import pipeline
from briefing.ingest.article import parse_pasted
from briefing.ingest.workflow import import_article
from handlers import wait_for_background
from storage import Archive
from tests.briefing.test_analysis_failures import FailingAnalysis
from tests.conftest import OWN_ARTICLE


async def test_a_failing_article_is_tried_at_one_start_only(
    tmp_path: Path, make_bot: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    archive = Archive.open(tmp_path / "briefing.db")  # the file the bots below use
    article_id = import_article(archive, 501, parse_pasted(OWN_ARTICLE)).article.id
    archive.close()  # stored, never analysed: what a stop in between leaves
    fake = FailingAnalysis(MemoryError("too much"))
    monkeypatch.setattr(pipeline, "analyse_doc", fake)
    caplog.set_level(logging.INFO)

    for _ in range(3):
        bot = await make_bot()
        await wait_for_background(bot.app)
        await bot.app.shutdown()

    assert fake.calls == 1
    problems = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [r.getMessage() for r in problems] == [
        f"could not analyse article #{article_id} of chat 501: MemoryError: too much"
    ]
    assert not any(r.exc_info for r in caplog.records)
