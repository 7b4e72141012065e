"""The console chat: the real Application and handlers, driven from standard input.

A line starting with "/" is a message of its own; other lines gather into one message until a
line holding only "." or the end of input. What the bot sends is printed with its HTML rendered.
"""

import asyncio
import html
import re
import time
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from typing import Any, TextIO

from telegram import Update

from handlers import BriefingApp, wait_for_background

CONSOLE_CHAT_ID = 0
CONSOLE_USER_ID = 0
CONSOLE_TOKEN = "0:console-chat-no-token"
END_OF_MESSAGE = "."


class _Renderer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self._hrefs: list[tuple[str | None, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._hrefs.append((dict(attrs).get("href"), len(self.out)))
        elif tag == "br":
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._hrefs:
            href, start = self._hrefs.pop()
            text = "".join(self.out[start:])
            if href and href != text:
                self.out.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)


def render_html(text: str) -> str:
    """Telegram HTML as readable plain text: tags dropped, links shown as <url>."""
    renderer = _Renderer()
    renderer.feed(text)
    renderer.close()
    return html.unescape("".join(renderer.out))


class MessageGatherer:
    """Turns input lines into messages as they arrive (see the module docstring)."""

    def __init__(self) -> None:
        self._gathered: list[str] = []

    def _flush(self) -> list[str]:
        text = "\n".join(self._gathered).strip()
        self._gathered = []
        return [text] if text else []

    def feed(self, raw: str) -> list[str]:
        """The messages completed by this line."""
        line = raw.rstrip("\r\n")
        if line.startswith("/"):
            return [*self._flush(), line]
        if line.strip() == END_OF_MESSAGE:
            return self._flush()
        self._gathered.append(line)
        return []

    def finish(self) -> list[str]:
        """The message still open at the end of input, if any."""
        return self._flush()


def read_messages(lines: Iterable[str]) -> Iterator[str]:
    """Group input lines into messages."""
    gatherer = MessageGatherer()
    for line in lines:
        yield from gatherer.feed(line)
    yield from gatherer.finish()


def message_update(update_id: int, message_id: int, text: str) -> dict[str, Any]:
    """A Bot API update for a text message typed by the console user."""
    entities = []
    command = re.match(r"/[A-Za-z0-9_]+(?:@\w+)?", text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": len(command.group(0))})
    return {
        "update_id": update_id,
        "message": {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": CONSOLE_CHAT_ID, "type": "private", "first_name": "Console"},
            "from": {"id": CONSOLE_USER_ID, "is_bot": False, "first_name": "Console"},
            "text": text,
            "entities": entities,
        },
    }


class OutgoingPrinter:
    """Prints sent and edited messages, rendered, each under a "bot>" marker."""

    def __init__(self, out: TextIO) -> None:
        self._out = out

    def __call__(self, api_method: str, params: dict[str, Any]) -> None:
        if api_method not in {"sendMessage", "editMessageText"} or "text" not in params:
            return
        text = str(params["text"])
        rendered = render_html(text) if params.get("parse_mode") == "HTML" else text
        marker = "bot (edited)>" if api_method == "editMessageText" else "bot>"
        self._out.write(f"{marker} " + rendered.replace("\n", "\n    ") + "\n\n")
        self._out.flush()


async def run_console(app: BriefingApp, stream: TextIO, out: TextIO) -> int:
    """Feed each message from `stream` through the application; returns how many were sent."""
    if stream.isatty():
        out.write(
            "Console chat (no TELEGRAM_BOT_TOKEN set). Type a message; end a multi-line"
            f" message with a line holding only '{END_OF_MESSAGE}'. Ctrl-D quits.\n\n"
        )
        out.flush()
    gatherer = MessageGatherer()
    count = 0
    while True:
        line = await asyncio.to_thread(stream.readline)
        messages = gatherer.feed(line) if line else gatherer.finish()
        for text in messages:
            count += 1
            update = Update.de_json(message_update(count, count, text), app.bot)
            await app.process_update(update)
            await wait_for_background(app)
        if not line:
            return count
