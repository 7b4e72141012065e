"""The request adapter: an HTTP proxy between the bot and the telegram-test-api emulator.

The bot runs unchanged as `python -m bot` with `TELEGRAM_API_BASE_URL` pointing here. Every Bot
API call is passed on to the emulator, and the emulator's gaps are bridged on the way:

- `getMe` lacks `is_bot`: added.
- Message dates are in milliseconds: turned into seconds (in results and in updates).
- `editMessageText` and `editMessageReplyMarkup` answer `null`: answered with the edited
  message; an edit of a message the bot never sent is a 400, as on Telegram.
- `answerCallbackQuery` answers `null`: answered `true`.
- Callback queries come without `chat_instance`, and their message without id or date: filled.
- Methods it lacks answer HTTP 500: `setMyCommands`, `getMyCommands`, `deleteMyCommands`,
  `sendChatAction` and `getFile` are answered here; any other is a 404, as on Telegram, and
  is listed in `unsupported`.
- `getUpdates` answers at once, marks everything read and ignores `offset` and `timeout`: here
  it long-polls, and updates stay until a later call confirms them with a higher `offset`, as
  on Telegram, so the updates a killed bot fetched but never confirmed are delivered again.
- File downloads (`/file/bot<token>/<path>`) are served from files the test registered.
- It accepts any text: here a message Telegram would refuse (HTML it cannot parse, an empty
  text, more than 4,096 characters) gets Telegram's 400 and is listed in `refused`; an edit
  that changes neither text nor buttons gets Telegram's "message is not modified" and is
  listed in `unchanged`. An edit without buttons removes them, as on Telegram.

Faults the tests inject: an error for the next calls of a method (`fail_next`, for example a
429 with `retry_after`), and the API going away (every connection dropped without an answer)
and coming back (`go_away`, `come_back`).
"""

import contextlib
import json
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

import httpx

from tests.e2e.telegram_html import LIMIT, markup_problems, plain, utf16_len

T = TypeVar("T")

BOT_USER: dict[str, Any] = {
    "id": 666,
    "is_bot": True,
    "first_name": "Test First name",
    "username": "TestNameBot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
MAX_WAKE_INTERVAL = 0.25  # a long poll re-reads the emulator at least this often


class DroppedError(Exception):
    """The API is away: the connection is closed without an answer."""


@dataclass
class Call:
    """One Bot API call the bot made, with what it was answered."""

    token: str
    method: str
    params: dict[str, str]
    at: float
    status: int = 0
    result: Any = None


@dataclass
class Failure:
    """An error answer prepared for the next calls of one method."""

    method: str
    status: int
    description: str
    retry_after: int | None
    times: int


@dataclass
class BotState:
    """What the adapter keeps per bot token (it outlives the bot's restarts)."""

    updates: list[dict[str, Any]] = field(default_factory=list)  # fetched, not yet confirmed
    # (chat, id) -> the message's text and its buttons (JSON, "" for none)
    messages: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    commands: list[Any] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)  # file_id -> content
    polls: int = 0  # getUpdates calls received


def seconds(value: Any) -> Any:
    """A Unix time in seconds (the emulator gives milliseconds)."""
    if isinstance(value, int | float) and value > 10**11:
        return int(value // 1000)
    return value


NO_BUTTONS: dict[str, Any] = {"inline_keyboard": []}


def _buttons(message: dict[str, Any]) -> str:
    """A message's (or a request's) inline buttons as canonical JSON, "" when it has none."""
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    keyboard = markup.get("inline_keyboard") or []
    return json.dumps(keyboard, sort_keys=True) if any(keyboard) else ""


def _chat(chat_id: int) -> dict[str, Any]:
    return {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "chat"}


class TelegramAdapter(ThreadingHTTPServer):
    """The proxy. `start()` listens on 127.0.0.1 at a free port; `url` is the bot's base URL."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, emulator_url: str) -> None:
        super().__init__(("127.0.0.1", 0), _Handler, bind_and_activate=True)
        self.emulator_url = emulator_url.rstrip("/")
        self.client = httpx.Client(timeout=30, limits=httpx.Limits(max_connections=64))
        self.states: dict[str, BotState] = {}
        self.calls: list[Call] = []
        self.failures: list[Failure] = []
        self.unsupported: list[str] = []
        self.refused: list[str] = []  # messages Telegram would not have accepted, and why
        self.unchanged: list[str] = []  # edits Telegram answered "message is not modified"
        self.errors: list[str] = []  # the adapter's own failures
        self.dropped = 0  # connections dropped while away
        self.away = False
        self.lock = threading.RLock()
        self.activity = threading.Condition(self.lock)
        self._thread: threading.Thread | None = None

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A bot killed mid-request leaves a broken connection behind: not worth a mention.
        Anything else is the adapter's own failure, kept in `errors` for the tests to see."""
        error = sys.exc_info()[1]
        if not isinstance(error, ConnectionError):
            with self.lock:
                self.errors.append(traceback.format_exc())

    # --- life cycle and faults -----------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL the bot is given (TELEGRAM_API_BASE_URL)."""
        return f"http://127.0.0.1:{self.server_address[1]}"

    def start(self) -> "TelegramAdapter":
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.serve_forever, daemon=True, name="adapter")
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the emulator client."""
        self.come_back()
        self.shutdown()
        self.server_close()
        self.client.close()

    def go_away(self) -> None:
        """From now on every request is dropped without an answer (long polls end at once)."""
        with self.lock:
            self.away = True
            self.activity.notify_all()

    def come_back(self) -> None:
        """Answer requests again."""
        with self.lock:
            self.away = False
            self.activity.notify_all()

    def fail_next(
        self,
        method: str,
        status: int = 429,
        description: str = "",
        retry_after: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls of `method` with an error instead of passing them on."""
        if not description:
            description = (
                f"Too Many Requests: retry after {retry_after}" if status == 429 else "Bad Request"
            )
        with self.lock:
            self.failures.append(Failure(method, status, description, retry_after, times))

    def add_file(self, token: str, file_id: str, data: bytes) -> None:
        """A file the bot can fetch with getFile and download."""
        with self.lock:
            self.state(token).files[file_id] = data

    # --- what tests read -------------------------------------------------------------------------

    def state(self, token: str) -> BotState:
        """The adapter's state for one bot token."""
        with self.lock:
            return self.states.setdefault(token, BotState())

    def polls(self, token: str) -> int:
        """How many getUpdates calls this bot has made."""
        with self.lock:
            return self.state(token).polls

    def calls_of(self, token: str, method: str) -> list[Call]:
        """The bot's calls of one method, in order."""
        with self.lock:
            return [c for c in self.calls if c.token == token and c.method == method]

    def notify(self) -> None:
        """Wake long polls and waiting tests (a user sent something)."""
        with self.lock:
            self.activity.notify_all()

    def wait_until(self, check: Callable[[], T | None], timeout: float, what: str) -> T:
        """Poll `check` whenever the bot or a user does something, until it returns a true
        value (which is returned), or fail after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
            with self.lock:
                self.activity.wait(min(remaining, MAX_WAKE_INTERVAL))

    # --- the Bot API ----------------------------------------------------------------------------

    def answer(self, token: str, method: str, params: dict[str, str]) -> tuple[int, Any]:
        """The (HTTP status, JSON body) for one Bot API call."""
        call = Call(token, method, params, time.monotonic())
        failure = self._take_failure(method)
        if failure is not None:
            status, body = self._error(failure)
        else:
            status, body = self._dispatch(token, method, params)
        call.status = status
        call.result = body.get("result") if isinstance(body, dict) else None
        with self.lock:
            self.calls.append(call)
            self.activity.notify_all()
        return status, body

    def _take_failure(self, method: str) -> Failure | None:
        with self.lock:
            for failure in self.failures:
                if failure.method == method and failure.times > 0:
                    failure.times -= 1
                    return failure
        return None

    @staticmethod
    def _error(failure: Failure) -> tuple[int, dict[str, Any]]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": failure.status,
            "description": failure.description,
        }
        if failure.retry_after is not None:
            body["parameters"] = {"retry_after": failure.retry_after}
        return failure.status, body

    def _dispatch(self, token: str, method: str, params: dict[str, str]) -> tuple[int, Any]:
        state = self.state(token)
        if method == "getUpdates":
            return 200, {"ok": True, "result": self._get_updates(token, state, params)}
        if method == "getMe":
            status, body = self._forward(token, method, params)
            if status == 200 and isinstance(body.get("result"), dict):
                body["result"] = {**BOT_USER, **body["result"], "is_bot": True}
            return status, body
        if method == "sendMessage":
            return self._send_message(token, state, params)
        if method in {"editMessageText", "editMessageReplyMarkup"}:
            return self._edit(token, state, method, params)
        if method == "answerCallbackQuery":
            status, body = self._forward(token, method, params)
            return 200, {"ok": True, "result": True}
        if method == "setMyCommands":
            with self.lock:
                state.commands = json.loads(params.get("commands", "[]"))
            return 200, {"ok": True, "result": True}
        if method == "getMyCommands":
            with self.lock:
                return 200, {"ok": True, "result": list(state.commands)}
        if method in {"deleteMyCommands", "sendChatAction"}:
            return 200, {"ok": True, "result": True}
        if method == "getFile":
            return self._get_file(state, params)
        status, body = self._forward(token, method, params)
        if status >= 500:
            with self.lock:
                self.unsupported.append(method)
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        return status, body

    def _forward(self, token: str, method: str, params: dict[str, str]) -> tuple[int, Any]:
        response = self.client.post(f"{self.emulator_url}/bot{token}/{method}", data=params)
        try:
            return response.status_code, response.json()
        except ValueError:
            return response.status_code, {"ok": False, "description": response.text}

    def _get_updates(
        self, token: str, state: BotState, params: dict[str, str]
    ) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = max(1, min(100, int(params.get("limit") or 100)))
        timeout = max(0.0, float(params.get("timeout") or 0))
        deadline = time.monotonic() + timeout
        with self.lock:
            state.polls += 1
        while True:
            if self.away:
                raise DroppedError
            status, body = self._forward(token, "getUpdates", {})
            fresh = [normalize_update(u) for u in body.get("result", [])] if status == 200 else []
            with self.lock:
                if offset > 0:
                    state.updates = [u for u in state.updates if u["update_id"] >= offset]
                state.updates.extend(fresh)
                batch = state.updates[:limit]
                remaining = deadline - time.monotonic()
                if batch or remaining <= 0:
                    return batch
                self.activity.wait(min(remaining, MAX_WAKE_INTERVAL))

    def _remember(self, state: BotState, message: dict[str, Any]) -> None:
        with self.lock:
            key = (int(message["chat"]["id"]), int(message["message_id"]))
            state.messages[key] = (str(message.get("text", "")), _buttons(message))

    def _refusal(
        self, params: dict[str, str], current: tuple[str, str] | None = None
    ) -> tuple[int, Any] | None:
        """Telegram's 400 for a text it would not accept, or None."""
        text = params.get("text", "")
        html = params.get("parse_mode", "").upper() == "HTML"
        shown = plain(text) if html else text
        problem = None
        if html and (problems := markup_problems(text)):
            problem = f"can't parse entities: {problems[0]}"
        elif not shown.strip():
            problem = "message text is empty"
        elif utf16_len(shown) > LIMIT:
            problem = "message is too long"
        elif current is not None and current == (text, _buttons(params)):
            problem = "message is not modified"
        if problem is None:
            return None
        with self.lock:  # an edit that changes nothing is an answer bots handle, not a fault
            listed = self.unchanged if problem == "message is not modified" else self.refused
            listed.append(f"{problem}: {text[:200]!r}")
        return 400, {"ok": False, "error_code": 400, "description": f"Bad Request: {problem}"}

    def _send_message(self, token: str, state: BotState, params: dict[str, str]) -> tuple[int, Any]:
        if refusal := self._refusal(params):
            return refusal
        status, body = self._forward(token, "sendMessage", params)
        if status != 200 or not body.get("ok"):
            return status, body
        sent = body["result"]
        message: dict[str, Any] = {
            "message_id": int(sent["message_id"]),
            "date": seconds(sent.get("date")) or int(time.time()),
            "chat": _chat(int(params["chat_id"])),
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        markup = sent.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        self._remember(state, message)
        return 200, {"ok": True, "result": message}

    def _edit(
        self, token: str, state: BotState, method: str, params: dict[str, str]
    ) -> tuple[int, Any]:
        """An edit; one without buttons removes the message's buttons, as on Telegram (the
        emulator would keep them)."""
        params = {"reply_markup": json.dumps(NO_BUTTONS), **params}
        if "inline_message_id" in params:
            self._forward(token, method, params)
            return 200, {"ok": True, "result": True}
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        with self.lock:
            known = key in state.messages
            old_text, old_buttons = state.messages.get(key, ("", ""))
        if not known:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message to edit not found",
            }
        current = (old_text, old_buttons)
        if method == "editMessageText" and (refusal := self._refusal(params, current)):
            return refusal
        status, body = self._forward(token, method, params)
        if status != 200:
            return status, body
        text = params.get("text", old_text)
        message: dict[str, Any] = {
            "message_id": key[1],
            "date": int(time.time()),
            "edit_date": int(time.time()),
            "chat": _chat(key[0]),
            "from": BOT_USER,
            "text": text,
        }
        message["reply_markup"] = json.loads(params["reply_markup"])
        self._remember(state, message)
        return 200, {"ok": True, "result": message}

    def _get_file(self, state: BotState, params: dict[str, str]) -> tuple[int, Any]:
        file_id = params.get("file_id", "")
        with self.lock:
            data = state.files.get(file_id)
        if data is None:
            return 400, {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: invalid file_id",
            }
        result = {
            "file_id": file_id,
            "file_unique_id": file_id,
            "file_size": len(data),
            "file_path": f"documents/{file_id}",
        }
        return 200, {"ok": True, "result": result}

    def download(self, token: str, path: str) -> bytes | None:
        """A registered file's content, by its file path."""
        file_id = path.rsplit("/", 1)[-1]
        with self.lock:
            return self.state(token).files.get(file_id)


def normalize_update(update: dict[str, Any]) -> dict[str, Any]:
    """An emulator update as Telegram would send it."""
    fixed = dict(update)
    for key in ("message", "edited_message", "channel_post"):
        if isinstance(fixed.get(key), dict):
            fixed[key] = _normalize_message(fixed[key])
    query = fixed.get("callback_query")
    if isinstance(query, dict):
        query = dict(query)
        message = dict(query.get("message") or {})
        chat = message.get("chat") or {"id": query.get("from", {}).get("id", 0), "type": "private"}
        message.setdefault("message_id", 1)
        message.setdefault("date", int(time.time()))
        message["chat"] = chat
        query["message"] = _normalize_message(message)
        query.setdefault("chat_instance", f"instance-{chat.get('id', 0)}")
        fixed["callback_query"] = query
    return fixed


def _normalize_message(message: dict[str, Any]) -> dict[str, Any]:
    fixed = {k: v for k, v in message.items() if k not in {"botToken", "chat_id"}}
    fixed["date"] = seconds(fixed.get("date")) or int(time.time())
    if isinstance(fixed.get("forward_origin"), dict):
        origin = dict(fixed["forward_origin"])
        origin["date"] = seconds(origin.get("date"))
        fixed["forward_origin"] = origin
    return fixed


class _Handler(BaseHTTPRequestHandler):
    server: TelegramAdapter
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _params(self) -> dict[str, str]:
        url = urlsplit(self.path)
        params = dict(parse_qsl(url.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        kind = self.headers.get("Content-Type", "")
        if body and kind.startswith("application/json"):
            data = json.loads(body)
            params.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()})
        elif body:
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        return params

    def _handle(self) -> None:
        try:
            params = self._params()
            if self.server.away:
                raise DroppedError
            path = unquote(urlsplit(self.path).path)
            if path.startswith("/file/bot"):
                token, _, file_path = path.removeprefix("/file/bot").partition("/")
                data = self.server.download(token, file_path)
                if data is None:
                    self._reply(404, b"not found", "text/plain")
                else:
                    self._reply(200, data, "application/octet-stream")
                return
            if not path.startswith("/bot") or path.count("/") != 2:
                self._reply(404, b'{"ok":false,"error_code":404,"description":"Not Found"}')
                return
            token, _, method = path.removeprefix("/bot").partition("/")
            status, body = self.server.answer(token, method, params)
            self._reply(status, json.dumps(body).encode("utf-8"))
        except DroppedError:
            with self.server.lock:
                self.server.dropped += 1
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)

    def _reply(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""
