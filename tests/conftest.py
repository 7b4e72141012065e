"""Shared fixtures: fresh archives, an offline Application, and a way to send it messages."""

import itertools
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from telegram import Update

from bot.app import build_application, on_startup
from bot.offline import OfflineRequest
from bot.settings import Settings
from handlers import BriefingApp, wait_for_background
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

    async def send(self, text: str, **fields: Any) -> list[str]:
        """Send a text message and return the texts the bot sent or edited in reply.

        Background work (reading links) is awaited first, so edits are included, in order.
        """
        entities = list(fields.pop("entities", []))
        if text.startswith("/"):
            length = len(text.split()[0])
            entities.append({"type": "bot_command", "offset": 0, "length": length})
        return await self.send_message({"text": text, "entities": entities, **fields})

    async def shown(self, text: str, **fields: Any) -> str:
        """Send a message and return what the bot finally shows for it: a pasted article's
        card is sent at once and edited to add its actors once the analysis has run."""
        return (await self.send(text, **fields))[-1]

    async def send_message(self, fields: dict[str, Any]) -> list[str]:
        """Send any message (a document, a forward, a caption) and return the replies."""
        before = len(self.request.calls)
        number = next(self._ids)
        data = {
            "update_id": number,
            "message": {
                "message_id": number,
                "date": int(time.time()),
                "chat": {"id": self.chat_id, "type": "private" if self.chat_id > 0 else "group"},
                "from": {"id": self.user_id, "is_bot": False, "first_name": "Tester"},
                **fields,
            },
        }
        await self.app.process_update(Update.de_json(data, self.app.bot))
        await wait_for_background(self.app)
        return self.replies_since(before)

    def replies_since(self, before: int) -> list[str]:
        """Texts sent or edited into this chat since call number `before`."""
        return [
            str(params["text"])
            for name, params in self.request.calls[before:]
            if name in {"sendMessage", "editMessageText"} and int(params["chat_id"]) == self.chat_id
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


Route = tuple[int, str, bytes]  # status, content type, body


class StaticSite(ThreadingHTTPServer):
    """A web server on 127.0.0.1 serving pages the test sets in `routes` (path -> route)."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), StaticHandler)
        self.routes: dict[str, Route | str] = {}  # a str value is a redirect target
        self.hits: dict[str, int] = {}

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class StaticHandler(BaseHTTPRequestHandler):
    server: StaticSite

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        self.server.hits[path] = self.server.hits.get(path, 0) + 1
        route = self.server.routes.get(path, (404, "text/plain", b"not found"))
        if isinstance(route, str):
            self.send_response(302)
            self.send_header("Location", route)
            self.end_headers()
            return
        status, content_type, body = route
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""


@pytest.fixture
def site() -> Iterator[StaticSite]:
    """A local web server for link tests."""
    server = StaticSite()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def article_page(title: str, paragraphs: list[str], site_name: str = "Valley Gazette") -> bytes:
    """An HTML article page the project writes for tests."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{title} | {site_name}</title>"
        f"<meta property='og:site_name' content='{site_name}'>"
        "<meta property='article:published_time' content='2024-09-02T06:00:00Z'></head>"
        "<body><nav><a href='/'>Front page</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()
