"""Shared fixtures: fresh archives, an offline Application, and a way to send it messages."""

import itertools
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application, on_startup
from bot.offline import OfflineRequest
from bot.settings import Settings
from handlers.context import BriefingApp
from storage import Archive

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED = SHARED_DATA / "seed" / "moscow-times-2015-04-22.txt"

# An article this project wrote, in the shape users paste (heading, date, bold source, URL).
OWN_ARTICLE = """
# Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says

March 3, 2024

**The**  **Coastal**  **Courier**

Dock workers in the port of Valdoria walked out on Sunday, union leader Mirela Dunn said,

demanding a pay rise after two years of frozen wages.

"We will not load a single ship until the port authority talks to us," Dunn told reporters.

The port authority said it regretted the strike and hoped for an agreement within the week.

Original url:

<https://courier.example.org/2024/03/03/valdoria-harbour-strike?utm_source=feed>
"""

OTHER_ARTICLE = """
# Glacier Survey Finds Faster Melting in Northern Range

12 May 2023

**Alpine Science Daily**

A survey team led by glaciologist Tomas Berg measured the retreat of twelve glaciers.

The northern range lost ice twice as fast as a decade ago, the team reported.
"""


def make_settings(tmp_path: Path, **overrides: Any) -> Settings:
    """Settings for a test: its own database, no token, nothing from the environment files."""
    values: dict[str, Any] = {"briefing_db": tmp_path / "briefing.db", "telegram_bot_token": ""}
    values.update(overrides)
    return Settings(_env_file=None, **values)


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """A fresh archive on disk."""
    opened = Archive.open(tmp_path / "archive.db")
    yield opened
    opened.close()


class Chat:
    """Sends messages to the offline Application as one user in one chat; reads the replies."""

    _ids = itertools.count(1)

    def __init__(self, app: BriefingApp, request: OfflineRequest, chat_id: int, user_id: int):
        self.app = app
        self.request = request
        self.chat_id = chat_id
        self.user_id = user_id

    async def send(self, text: str) -> list[str]:
        """Send a text message and return the texts of the bot's replies to it."""
        before = len(self.request.calls)
        number = next(self._ids)
        entities = []
        if text.startswith("/"):
            length = len(text.split()[0])
            entities.append({"type": "bot_command", "offset": 0, "length": length})
        data = {
            "update_id": number,
            "message": {
                "message_id": number,
                "date": int(time.time()),
                "chat": {"id": self.chat_id, "type": "private" if self.chat_id > 0 else "group"},
                "from": {"id": self.user_id, "is_bot": False, "first_name": "Tester"},
                "text": text,
                "entities": entities,
            },
        }
        await self.app.process_update(Update.de_json(data, self.app.bot))
        return [
            str(params["text"])
            for name, params in self.request.calls[before:]
            if name == "sendMessage" and int(params["chat_id"]) == self.chat_id
        ]


class BotHarness:
    """An initialised Application on an `OfflineRequest`, with chats to talk through."""

    def __init__(self, app: BriefingApp, request: OfflineRequest) -> None:
        self.app = app
        self.request = request

    def chat(self, chat_id: int = 501, user_id: int = 501) -> Chat:
        """A conversation as `user_id` in `chat_id`."""
        return Chat(self.app, self.request, chat_id, user_id)


@pytest.fixture
def make_bot(tmp_path: Path) -> Iterator[Any]:
    """A factory for started bots; each one is shut down after the test."""
    started: list[BriefingApp] = []

    async def factory(**overrides: Any) -> BotHarness:
        request = OfflineRequest()
        app = build_application(make_settings(tmp_path, **overrides), request=request)
        await app.initialize()
        await on_startup(app)
        started.append(app)
        return BotHarness(app, request)

    yield factory
    for app in started:
        app.bot_data.archive.close()


@pytest.fixture
async def bot(make_bot: Any) -> AsyncIterator[BotHarness]:
    """A started bot open to everyone."""
    harness: BotHarness = await make_bot()
    yield harness
    await harness.app.shutdown()
