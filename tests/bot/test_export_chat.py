"""/export in a chat, through the offline bot: the archive arrives as a document, bad words and
an empty archive get a short reply, a file over Telegram's limit is not sent, and no file is
left behind."""

import csv
import io
import json
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from telegram.request import RequestData

from bot.app import build_application, on_startup
from bot.offline import OfflineRequest
from briefing.export.exporting import today_utc
from handlers import BriefingApp
from tests.conftest import Chat, make_settings
from tests.export_samples import ARTICLES, CHAT, OTHER_CHAT_TITLE, fill


class DocumentRequest(OfflineRequest):
    """The offline Bot API, keeping the files of the documents sent: (name, bytes)."""

    def __init__(self) -> None:
        super().__init__()
        self.documents: list[tuple[str, bytes]] = []

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:  # fmt: skip
        if url.endswith("/sendDocument") and request_data is not None:
            name, content, _ = request_data.multipart_data["document"]
            self.documents.append((str(name), bytes(content)))
        return await super().do_request(url, method, request_data, *args, **kwargs)


@pytest.fixture
async def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[BriefingApp]:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    built = build_application(make_settings(tmp_path), request=DocumentRequest())
    await built.initialize()
    await on_startup(built)
    yield built
    await built.shutdown()
    built.bot_data.archive.close()


def _chat(app: BriefingApp, chat_id: int = CHAT) -> tuple[Chat, DocumentRequest]:
    request = app.bot.request
    assert isinstance(request, DocumentRequest)
    return Chat(app, request, chat_id, chat_id), request


async def test_export_sends_the_chats_archive_as_json_lines(
    app: BriefingApp, tmp_path: Path
) -> None:
    fill(app.bot_data.archive)
    chat, request = _chat(app)
    assert await chat.send("/export") == []
    ((name, content),) = request.documents
    assert name == f"briefing-{today_utc()}.jsonl"
    records = [json.loads(line) for line in content.decode("utf-8").splitlines()]
    assert [r["title"] for r in records] == [a.title for a in ARTICLES]
    assert records[0]["actors"][0]["name"] == "Mirela Dunn"
    assert OTHER_CHAT_TITLE not in content.decode("utf-8")
    (sent,) = request.sent("sendDocument")
    assert sent["caption"] == "4 articles (all articles)."
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary file is gone


async def test_export_csv_since_a_date(app: BriefingApp) -> None:
    fill(app.bot_data.archive)
    chat, request = _chat(app)
    await chat.send("/export csv since 4 March 2024")
    ((name, content),) = request.documents
    assert name.endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8"), newline="")))
    assert [r["title"] for r in rows][:2] == [ARTICLES[0].title, ARTICLES[1].title]
    assert "Glacier" not in content.decode("utf-8")  # published in 2023


async def test_export_markdown_is_a_dossier(app: BriefingApp) -> None:
    fill(app.bot_data.archive)
    chat, request = _chat(app)
    await chat.send("/export md")
    ((name, content),) = request.documents
    text = content.decode("utf-8")
    assert name.endswith(".md") and text.startswith("# News archive")
    assert "> “We will not load a single ship” — Mirela Dunn" in text


@pytest.mark.parametrize(
    ("command", "reply"),
    [
        ("/export xml", "Unknown format &#x27;xml&#x27;: use json, csv or md."),
        ("/export json since someday", "Cannot read the date &#x27;someday&#x27;"),
        ("/export csv please", "Usage: /export [json|csv|md] [since DATE]"),
    ],
)
async def test_bad_words_get_a_short_reply(app: BriefingApp, command: str, reply: str) -> None:
    fill(app.bot_data.archive)
    chat, request = _chat(app)
    (answer,) = await chat.send(command)
    assert reply in answer and "Usage: /export" in answer
    assert request.documents == []


async def test_an_empty_archive_or_window_says_so(app: BriefingApp) -> None:
    chat, request = _chat(app, chat_id=77)
    assert await chat.send("/export") == [
        "The archive of this chat is empty. Paste an article to start it."
    ]
    fill(app.bot_data.archive)
    chat = _chat(app)[0]
    assert await chat.send("/export md since 2030-01-01") == [
        "This chat's archive has no articles from 2030-01-01."
    ]
    assert request.documents == []


async def test_an_export_over_the_upload_limit_is_not_sent(
    app: BriefingApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("handlers.export.MAX_UPLOAD_BYTES", 200)
    fill(app.bot_data.archive)
    chat, request = _chat(app)
    (answer,) = await chat.send("/export")
    assert "larger than the 50 MB" in answer
    assert f"python -m bot export --chat {CHAT} --format json" in answer
    assert request.documents == []
    assert list((tmp_path / "tmp").iterdir()) == []
