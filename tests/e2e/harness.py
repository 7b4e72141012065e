"""The end-to-end harness: the Bot API emulator, the bot as a real process, and users.

`Emulator` runs the npm package telegram-test-api (started by `emulator.js`) on 127.0.0.1 and
speaks its client API: users send messages into it and read what the bot sent them. `Session`
is one bot token on it with its own request adapter (`adapter.TelegramAdapter`, the proxy the
bot talks to), its `python -m bot` processes and its users. Nothing here sleeps: every wait
polls for what is expected, woken by the adapter whenever the bot or a user does something,
until a deadline.
"""

import ctypes
import itertools
import json
import os
import secrets
import selectors
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from tests.e2e.adapter import TelegramAdapter
from tests.e2e.telegram_html import plain

E2E = Path(__file__).resolve().parent
ROOT = E2E.parents[1]
PACKAGE = E2E / "node_modules" / "telegram-test-api" / "package.json"
LAUNCHER = E2E / "emulator.js"
READING = "reading it…"  # what a link's acknowledgement says until it is edited into the card


def missing() -> str | None:
    """Why the emulator cannot run on this machine, or None when it can."""
    if shutil.which("node") is None:
        return "Node.js is not installed: the end-to-end tests need node and npm"
    if not PACKAGE.is_file():
        return (
            "the npm package telegram-test-api is not installed:"
            " run `npm ci --prefix tests/e2e` (`make install` does)"
        )
    return None


class Emulator:
    """The telegram-test-api emulator in a node process, and its client API."""

    def __init__(self, start_timeout: float = 30) -> None:
        node = shutil.which("node") or "node"
        self.process = subprocess.Popen(
            [node, str(LAUNCHER)],
            cwd=E2E,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.port = self._read_port(start_timeout)
        self.url = f"http://127.0.0.1:{self.port}"
        self.client = httpx.Client(timeout=30, limits=httpx.Limits(max_connections=64))

    def _read_port(self, timeout: float) -> int:
        assert self.process.stdout is not None
        selector = selectors.DefaultSelector()
        selector.register(self.process.stdout, selectors.EVENT_READ)
        ready = selector.select(timeout)
        selector.close()
        line = self.process.stdout.readline() if ready else b""
        if not line:
            self.close()
            error = self.process.stderr.read().decode() if self.process.stderr else ""
            raise RuntimeError(f"the emulator did not start: {error.strip()}")
        return int(json.loads(line)["port"])

    def post(self, route: str, body: dict[str, Any]) -> Any:
        """One call of the emulator's client API."""
        response = self.client.post(f"{self.url}/{route}", json=body)
        response.raise_for_status()
        return response.json()

    def history(self, token: str) -> list[dict[str, Any]]:
        """Every message of this bot, the users' and the bot's (edits applied)."""
        return list(self.post("getUpdatesHistory", {"token": token})["result"])

    def unread(self, token: str, chat_id: int) -> list[dict[str, Any]]:
        """The bot's messages to a chat that this client has not read yet."""
        return list(self.post("getUpdates", {"token": token, "chatId": chat_id})["result"])

    def close(self) -> None:
        """Stop the node process."""
        if self.process.poll() is None:
            if self.process.stdin is not None:
                self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()
        if hasattr(self, "client"):
            self.client.close()


# --- what the user sees --------------------------------------------------------------------------


@dataclass(frozen=True)
class Reply:
    """A message the bot sent to a chat, as it stands now (edits applied)."""

    message_id: int
    text: str  # the HTML the bot sent
    buttons: tuple[tuple[str, str], ...] = ()  # (label, callback data) of its inline buttons

    def button(self, label: str) -> str:
        """The callback data of the button whose label contains `label`."""
        found = [data for text, data in self.buttons if label in text]
        assert found, f"no button {label!r} under {self.plain[:200]!r}: {self.buttons}"
        return found[0]

    @property
    def plain(self) -> str:
        """The text as Telegram shows it: tags dropped, entities decoded."""
        return plain(self.text)

    @property
    def reading(self) -> bool:
        """An acknowledgement still waiting to be edited into the article's card."""
        return READING in self.text


# --- users ---------------------------------------------------------------------------------------


class User:
    """A person in one chat: sends messages through the emulator's client API and reads the
    bot's messages to that chat."""

    def __init__(
        self,
        session: "Session",
        user_id: int,
        chat_id: int | None = None,
        name: str = "Tester",
    ) -> None:
        self.session = session
        self.user_id = user_id
        self.chat_id = user_id if chat_id is None else chat_id
        self.name = name

    def _message(self, fields: dict[str, Any]) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": self.chat_id, "first_name": self.name}
        if self.chat_id > 0:
            chat["type"] = "private"
        else:
            chat.update(type="group", title=f"Team {-self.chat_id}")
        return {
            "botToken": self.session.token,
            "from": {"id": self.user_id, "is_bot": False, "first_name": self.name},
            "chat": chat,
            "date": int(time.time()),
            **fields,
        }

    def send(self, text: str, **fields: Any) -> None:
        """Send a text message (a command when it starts with "/")."""
        if text.startswith("/"):
            length = len(text.split()[0])
            entities = [{"type": "bot_command", "offset": 0, "length": length}]
            fields["entities"] = entities + list(fields.get("entities", []))
            self.post("sendCommand", {"text": text, **fields})
        else:
            self.post("sendMessage", {"text": text, **fields})

    def post(self, route: str, fields: dict[str, Any]) -> None:
        """Send any message (a forward, a document, a photo) through the client API."""
        self.session.emulator.post(route, self._message(fields))
        self.session.adapter.notify()

    def press(self, data: str, message_id: int) -> None:
        """Press an inline button with `data` under the bot's message `message_id`."""
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self._message({})["chat"],
            "text": "",
        }
        self.post("sendCallback", {"data": data, "message": message})

    def replies(self) -> list[Reply]:
        """Every message the bot sent to this chat, oldest first, edits applied."""
        found = []
        for entry in self.session.emulator.history(self.session.token):
            message = entry.get("message", {})
            if "chat_id" in message and str(message["chat_id"]) == str(self.chat_id):
                text = str(message.get("text", ""))
                found.append(Reply(int(entry["messageId"]), text, _buttons(message)))
        return sorted(found, key=lambda r: r.message_id)

    def mark(self) -> int:
        """A bookmark: the newest bot message in this chat so far."""
        return max((r.message_id for r in self.replies()), default=0)

    def wait(
        self,
        check: Callable[[list[Reply]], bool],
        after: int = 0,
        timeout: float = 30,
        what: str = "the bot's reply",
    ) -> list[Reply]:
        """The bot's messages after `after` once `check` holds for them."""

        def ready() -> list[Reply] | None:
            new = [r for r in self.replies() if r.message_id > after]
            return new if check(new) else None

        return self.session.adapter.wait_until(ready, timeout, f"{what} in chat {self.chat_id}")

    def say(
        self,
        text: str,
        count: int = 1,
        timeout: float = 30,
        until: Callable[[list[Reply]], bool] | None = None,
        **fields: Any,
    ) -> list[Reply]:
        """Send `text` and return the bot's replies: at least `count`, none still reading a
        link (or whatever `until` asks for)."""
        mark = self.mark()
        self.send(text, **fields)
        return self.wait(until or settled(count), mark, timeout, f"a reply to {text[:40]!r}")

    def say_message(
        self, fields: dict[str, Any], count: int = 1, timeout: float = 30
    ) -> list[Reply]:
        """Send any message and return the bot's settled replies."""
        mark = self.mark()
        self.post("sendMessage", fields)
        return self.wait(settled(count), mark, timeout, "a reply")


def _buttons(message: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    markup = message.get("reply_markup") or {}
    if isinstance(markup, str):
        markup = json.loads(markup)
    rows = markup.get("inline_keyboard") or []
    return tuple(
        (str(b.get("text", "")), str(b.get("callback_data", ""))) for row in rows for b in row
    )


def settled(count: int) -> Callable[[list[Reply]], bool]:
    """At least `count` replies and no acknowledgement still reading its link."""
    return lambda replies: len(replies) >= count and not any(r.reading for r in replies)


def press(telegram: "Session", user: User, data: str, message_id: int) -> None:
    """Press a button with `data` under the bot's message and wait until it is answered."""
    before = len(telegram.adapter.calls_of(telegram.token, "answerCallbackQuery"))
    user.press(data, message_id=message_id)

    def answered() -> bool:
        return len(telegram.adapter.calls_of(telegram.token, "answerCallbackQuery")) > before

    telegram.adapter.wait_until(answered, 10, f"the answer to the button {data!r}")


def greeting(user: User) -> Reply:
    """The bot's answer to /start, once everything sent before it has been answered."""
    replies = user.say("/start", until=lambda r: any("news archive" in x.plain for x in r))
    return next(r for r in replies if "news archive" in r.plain)


# --- the bot process -----------------------------------------------------------------------------

_BOT_SETTINGS = {
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "BRIEFING_DB",
    "ALLOWED_USER_IDS",
    "ADMIN_USER_IDS",
    "DEFAULT_TIMEZONE",
    "LOG_LEVEL",
    "FETCH_ALLOW_HOSTS",
    "EXTRACT_TIMEOUT",
    "EXTRACT_MEMORY_MB",
}


def bot_env(**settings: str) -> dict[str, str]:
    """The environment of a bot process: ours, without any bot setting from outside."""
    env = {k: v for k, v in os.environ.items() if k.upper() not in _BOT_SETTINGS}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.update({k.upper(): str(v) for k, v in settings.items()})
    return env


def _end_with_parent() -> None:
    """In the child: receive SIGTERM when the test process dies, so no bot outlives a run."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class BotProcess:
    """`python -m bot` as a subprocess, long-polling the adapter."""

    _numbers = itertools.count(1)

    def __init__(self, session: "Session", db: Path, **settings: str) -> None:
        self.session = session
        self.db = db
        self.settings = settings
        self.number = next(self._numbers)
        self.log_path = session.workdir / f"bot-{self.number}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.peak_rss_kb = 0

    def start(self, timeout: float = 90) -> "BotProcess":
        """Start the process and return once it polls for updates."""
        adapter, token = self.session.adapter, self.session.token
        env = bot_env(
            telegram_bot_token=token,
            telegram_api_base_url=adapter.url,
            briefing_db=str(self.db),
            log_level="INFO",
            **self.settings,
        )
        polls = adapter.polls(token)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot"],
                cwd=self.session.workdir,  # no .env of the developer's is read
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                preexec_fn=_end_with_parent,
            )

        def polling() -> bool | None:
            if self.process is not None and self.process.poll() is not None:
                raise AssertionError(f"the bot exited at start-up:\n{self.log()[-3000:]}")
            return adapter.polls(token) > polls or None

        adapter.wait_until(polling, timeout, "the bot to start polling")
        return self

    @property
    def pid(self) -> int:
        """The process id."""
        assert self.process is not None
        return self.process.pid

    @property
    def running(self) -> bool:
        """Whether the process is alive."""
        return self.process is not None and self.process.poll() is None

    def rss_kb(self) -> tuple[int, int]:
        """(current, peak) resident memory in kB, from /proc; remembers the peak."""
        current = peak = 0
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0, self.peak_rss_kb
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1])
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1])
        self.peak_rss_kb = max(self.peak_rss_kb, peak)
        return current, self.peak_rss_kb

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM, as a service manager stops it; returns the exit status."""
        if self.process is None:
            return 0
        if self.running:
            self.rss_kb()
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"the bot did not stop within {timeout:g} s") from None

    def kill(self) -> None:
        """SIGKILL: no clean-up of any kind."""
        if self.process is not None and self.running:
            self.process.kill()
            self.process.wait()

    def log(self) -> str:
        """What the process logged."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def tracebacks(self) -> list[str]:
        """Logged tracebacks, each with the log line before it."""
        lines = self.log().splitlines()
        return [
            "\n".join(lines[max(0, n - 1) : n + 12])
            for n, line in enumerate(lines)
            if line.startswith("Traceback")
        ]


class Session:
    """One bot token on the emulator: its adapter, its bot processes and its users."""

    def __init__(self, emulator: Emulator, workdir: Path) -> None:
        self.emulator = emulator
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.adapter = TelegramAdapter(emulator.url).start()
        self.token = f"{secrets.randbelow(10**9) + 10**9}:e2e-{secrets.token_hex(8)}"
        self.db = workdir / "briefing.db"
        self.bots: list[BotProcess] = []

    def bot(self, db: Path | None = None, **settings: str) -> BotProcess:
        """Start a bot process on the session's database (or `db`)."""
        process = BotProcess(self, db or self.db, **settings)
        self.bots.append(process)
        return process.start()

    def user(self, user_id: int, chat_id: int | None = None, name: str = "Tester") -> User:
        """A user in their private chat, or in the group `chat_id` (negative)."""
        return User(self, user_id, chat_id, name)

    def add_file(self, file_id: str, data: bytes) -> None:
        """A file users can send as a document."""
        self.adapter.add_file(self.token, file_id, data)

    def sent(self, method: str = "sendMessage") -> Iterator[dict[str, str]]:
        """The parameters of the bot's successful calls of one method."""
        for call in self.adapter.calls_of(self.token, method):
            if call.status == 200:
                yield call.params

    def close(self) -> None:
        """Stop every bot process still running, then the adapter."""
        try:
            for process in self.bots:
                if process.running:
                    process.stop()
        finally:
            self.adapter.stop()
