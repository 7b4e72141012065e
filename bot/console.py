"""The console chat: the real Application and handlers, driven from standard input.

A line starting with "/" is a message of its own; other lines gather into one message until a
line holding only "." or the end of input. A lone URL line with a "." glued to it ends the
message too: `(cat article.txt; echo .)` of a file whose last line, its `<url>`, has no newline.
What the bot sends is printed with its HTML rendered, and its buttons as numbered choices
("[1] More ›  [2] Iraq"); a line holding only a number presses that button of the last message
that had buttons. A photo or document the bot sends (a trend chart, an export) is saved in the
temporary folder's `briefing-console/`, and its path printed with its caption.
"""

import asyncio
import html
import json
import re
import tempfile
import time
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

from telegram import Update

from bot.offline import BOT_USER, OfflineRequest, Uploads
from handlers import BriefingApp, wait_for_background

CONSOLE_CHAT_ID = 0
CONSOLE_USER_ID = 0
CONSOLE_TOKEN = "0:console-chat-no-token"
END_OF_MESSAGE = "."
# A URL alone on its line (bare or in <>), with the end-of-message "." glued to it.
_GLUED_END = re.compile(r"\s*(<?https?://\S+?>?)\.\s*")


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
        if self._gathered and (glued := _GLUED_END.fullmatch(line)):
            self._gathered.append(glued.group(1))
            return self._flush()
        self._gathered.append(line)
        return []

    @property
    def gathering(self) -> bool:
        """Whether a message is open (its lines so far not yet sent)."""
        return bool(self._gathered)

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


def callback_update(update_id: int, message_id: int, data: str) -> dict[str, Any]:
    """A Bot API update for the console user pressing a button under a bot's message."""
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "from": {"id": CONSOLE_USER_ID, "is_bot": False, "first_name": "Console"},
            "chat_instance": str(CONSOLE_CHAT_ID),
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": CONSOLE_CHAT_ID, "type": "private", "first_name": "Console"},
                "from": BOT_USER,
                "text": "",
            },
        },
    }


def _buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    """(text, callback data) of a sent message's inline buttons, in reading order."""
    markup = params.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return [(b["text"], b["callback_data"]) for row in rows for b in row if "callback_data" in b]


class OutgoingPrinter:
    """Prints sent and edited messages, rendered, each under a "bot>" marker, with their
    buttons as numbered choices."""

    def __init__(self, out: TextIO, files: Path | None = None) -> None:
        self._out = out
        self._files = files or Path(tempfile.gettempdir()) / "briefing-console"

    def __call__(
        self, api_method: str, params: dict[str, Any], uploads: Uploads | None = None
    ) -> None:
        if api_method in {"sendPhoto", "sendDocument"}:
            self._print_files(params, uploads or {})
            return
        if api_method not in {"sendMessage", "editMessageText"} or "text" not in params:
            return
        text = str(params["text"])
        rendered = render_html(text) if params.get("parse_mode") == "HTML" else text
        marker = "bot (edited)>" if api_method == "editMessageText" else "bot>"
        if buttons := _buttons(params):
            rendered += "\n" + "  ".join(
                f"[{n}] {label}" for n, (label, _) in enumerate(buttons, 1)
            )
        self._out.write(f"{marker} " + rendered.replace("\n", "\n    ") + "\n\n")
        self._out.flush()

    def _print_files(self, params: dict[str, Any], uploads: Uploads) -> None:
        """A photo or document: saved where the user can open it, its path and caption shown."""
        self._files.mkdir(parents=True, exist_ok=True)
        lines = []
        for name, content in uploads.values():
            path = self._files / Path(name).name
            path.write_bytes(content)
            lines.append(f"[file: {path}]")
        caption = str(params.get("caption") or "")
        if caption:
            lines.append(render_html(caption) if params.get("parse_mode") == "HTML" else caption)
        self._out.write("bot> " + "\n    ".join(lines) + "\n\n")
        self._out.flush()


class ButtonBoard:
    """The buttons of the last message shown with buttons, read from the offline Bot API's
    record of calls (messages numbered as it numbers them), so a typed number can press one."""

    SENT = frozenset({"sendMessage", "sendDocument", "sendPhoto"})

    def __init__(self, request: OfflineRequest) -> None:
        self._request = request
        self._read = 0  # calls read so far
        self._sent = 0  # messages sent so far
        self.data: list[str] = []
        self.message_id = 0

    def _catch_up(self) -> None:
        calls = self._request.calls
        for api_method, params in calls[self._read :]:
            message_id = int(params.get("message_id") or 0)
            if api_method in self.SENT and not message_id:
                self._sent += 1
                message_id = self._sent
            if api_method not in {"sendMessage", "editMessageText"}:
                continue
            if buttons := _buttons(params):
                self.data, self.message_id = [data for _, data in buttons], message_id
            elif api_method == "editMessageText" and message_id == self.message_id:
                self.data = []  # that message has no buttons any more
        self._read = len(calls)

    def press(self, line: str) -> str | None:
        """The callback data of the button a line holding only its number presses, or None."""
        self._catch_up()
        choice = line.strip()
        if choice.isdigit() and 1 <= int(choice) <= len(self.data):
            return self.data[int(choice) - 1]
        return None


async def _process(app: BriefingApp, update: dict[str, Any]) -> None:
    await app.process_update(Update.de_json(update, app.bot))
    await wait_for_background(app)


async def run_console(app: BriefingApp, stream: TextIO, out: TextIO) -> int:
    """Feed each message from `stream` through the application; returns how many were sent.

    On the offline Bot API, a number alone on a line (no message being gathered) presses that
    button of the last message shown with buttons; any other line is part of a message."""
    if stream.isatty():
        out.write(
            "Console chat (no TELEGRAM_BOT_TOKEN set). Type a message; end a multi-line"
            f" message with a line holding only '{END_OF_MESSAGE}'; reply with a button's"
            " number to press it. Ctrl-D quits.\n\n"
        )
        out.flush()
    request = app.bot.request
    board = ButtonBoard(request) if isinstance(request, OfflineRequest) else None
    gatherer = MessageGatherer()
    count = 0
    while True:
        line = await asyncio.to_thread(stream.readline)
        pressed = board.press(line) if board and line and not gatherer.gathering else None
        if board is not None and pressed is not None:
            count += 1
            await _process(app, callback_update(count, board.message_id, pressed))
            continue
        for text in gatherer.feed(line) if line else gatherer.finish():
            count += 1
            await _process(app, message_update(count, count, text))
        if not line:
            return count
