"""Digests end to end on an offline Telegram: commands, jobs run directly with an injected clock,
restarts on the same database, unreachable chats, flood waits and message splitting.

No test sleeps: jobs are run with `job.run(app)` at the clock's time, and the bot is "down"
between stopping one Application and building the next on the same file.
"""

import json
import random
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram.request import RequestData

import storage.clock
from bot import app as bot_app
from bot.app import build_application, on_shutdown, on_startup
from bot.offline import OfflineRequest
from bot.scheduling import JobQueueScheduler, job_name
from briefing.digests.build import Digest, Source, Story
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from handlers import BriefingApp, wait_for_background
from handlers.digest import deliver_digest, digest_html
from handlers.split import TELEGRAM_LIMIT, split_message, utf16_len
from storage import Archive, Incoming, NewArticle
from storage.digests import iso
from tests.bot.test_console import run_bot
from tests.conftest import OWN_ARTICLE, Chat, make_settings
from tests.handlers.test_split import visible

BODY = (
    "Dock workers in the port walked out on Sunday over pay. "
    "The union said the strike would last until the port authority agreed to talks. "
    "Ships queued outside the harbour as cranes stood still for a second day."
)
STORY_RE = re.compile(r"Story (\d+)\b")


class Clock:
    """The one clock of a test: the scheduler's `now` and the archive's `added_at`."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, moment: datetime) -> datetime:
        self.now = moment
        return moment


def _error(status: int, description: str, **parameters: int) -> tuple[int, bytes]:
    payload: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        payload["parameters"] = parameters
    return status, json.dumps(payload).encode()


class Telegram(OfflineRequest):
    """The offline Bot API, except for chats told to refuse messages or to ask for a wait."""

    def __init__(self) -> None:
        super().__init__()
        self.refuse: dict[int, tuple[int, str]] = {}  # chat -> (HTTP status, description)
        self.flood: dict[int, list[int]] = {}  # chat -> "retry after" answers before success
        self.refused: list[int] = []

    async def do_request(
        self, url: str, method: str, request_data: RequestData | None = None, *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:  # fmt: skip
        params = dict(request_data.parameters) if request_data else {}
        if url.endswith("/sendMessage"):
            chat = int(params["chat_id"])
            if chat in self.refuse:
                self.refused.append(chat)
                return _error(*self.refuse[chat])
            if self.flood.get(chat):
                wait = self.flood[chat].pop(0)
                return _error(429, f"Too Many Requests: retry after {wait}", retry_after=wait)
        return await super().do_request(url, method, request_data, *args, **kwargs)


class Running:
    """A started bot on the test's database, with its clock and its offline Telegram."""

    def __init__(self, app: BriefingApp, request: Telegram, clock: Clock) -> None:
        self.app = app
        self.request = request
        self.clock = clock
        self.stopped = False

    def chat(self, chat_id: int) -> Chat:
        return Chat(self.app, self.request, chat_id, chat_id)

    def jobs(self, chat_id: int) -> list[Any]:
        assert self.app.job_queue is not None
        return list(self.app.job_queue.get_jobs_by_name(job_name(chat_id)))

    async def run_job(self, chat_id: int, at: datetime | None = None) -> list[str]:
        """Run the chat's daily job as APScheduler would at `at`; return what it sent."""
        if at is not None:
            self.clock.at(at)
        (job,) = self.jobs(chat_id)
        before = len(self.request.calls)
        await job.run(self.app)
        return self.chat(chat_id).replies_since(before)

    def sent(self, chat_id: int) -> list[str]:
        return [str(p["text"]) for p in self.request.sent() if int(p["chat_id"]) == chat_id]

    def add(self, chat_id: int, title: str, at: datetime, body: str = BODY, **extra: Any) -> int:
        self.clock.at(at)
        return self.app.bot_data.archive.add(chat_id, NewArticle(title=title, body=body, **extra))

    async def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            await self.app.shutdown()
            await on_shutdown(self.app)


Start = Callable[..., Coroutine[Any, Any, Running]]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock(datetime(2024, 3, 4, 6, 0, tzinfo=UTC))
    monkeypatch.setattr(storage.clock, "now", lambda: iso(clock()))
    return clock


@pytest.fixture
async def start(tmp_path: Path, clock: Clock) -> AsyncIterator[Start]:
    """Builds and starts the bot on the same database file at the clock's time; each call is a
    restart. Missed digests sent at start-up are awaited."""
    running: list[Running] = []

    async def factory(
        at: datetime | None = None, request: Telegram | None = None, **overrides: Any
    ) -> Running:
        if at is not None:
            clock.at(at)
        request = request or Telegram()
        app = build_application(make_settings(tmp_path, **overrides), request=request)
        assert isinstance(app.bot_data.digest_scheduler, JobQueueScheduler)
        app.bot_data.digest_scheduler.clock = clock
        await app.initialize()
        await on_startup(app)
        await wait_for_background(app)
        bot = Running(app, request, clock)
        running.append(bot)
        return bot

    yield factory
    for bot in running:
        await bot.stop()


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _stories(texts: list[str]) -> list[int]:
    return [int(n) for text in texts for n in STORY_RE.findall(text)]


# --- commands and jobs ----------------------------------------------------------------------


async def test_subscribe_replaces_the_job_and_settings_show_it(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    chat = bot.chat(501)
    (reply,) = await chat.send("/subscribe 07:30 europe/berlin")
    assert "<b>07:30</b> (Europe/Berlin)" in reply
    assert "Mon 4 Mar 2024 07:30" in reply  # 06:30 UTC is still ahead
    (job,) = bot.jobs(501)
    trigger = job.job.trigger
    assert trigger.timezone == ZoneInfo("Europe/Berlin")
    assert (str(trigger.fields[5]), str(trigger.fields[6])) == ("7", "30")  # hour, minute
    assert job.chat_id == 501

    (reply,) = await chat.send("/subscribe 9:05")  # keeps the chat's zone
    (job,) = bot.jobs(501)
    assert job.job.trigger.timezone == ZoneInfo("Europe/Berlin")
    assert str(job.job.trigger.fields[5]) == "9"
    (shown,) = await chat.send("/settings")
    assert "<b>09:05</b> (Europe/Berlin)" in shown and "next one" in shown

    (bye,) = await chat.send("/unsubscribe")
    assert "stopped" in bye and bot.jobs(501) == []
    (shown,) = await chat.send("/settings")
    assert shown.startswith("No daily digest")
    (again,) = await chat.send("/unsubscribe")
    assert "no daily digest" in again


async def test_subscribe_defaults_and_bad_arguments(start: Start) -> None:
    bot = await start(default_timezone="America/New_York")
    (reply,) = await bot.chat(502).send("/subscribe")
    assert "<b>08:00</b> (America/New_York)" in reply
    for bad in ("/subscribe 25:00", "/subscribe Mars/Olympus", "/subscribe 7:00 UTC more"):
        (reply,) = await bot.chat(503).send(bad)
        assert "Usage: /subscribe" in reply, bad
    assert bot.jobs(503) == []
    (reply,) = await bot.chat(503).send("/digest yesterday")
    assert reply.startswith("Usage: /digest")


async def test_job_sends_the_window_once_and_records_it(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(501).send("/subscribe 08:00 UTC")
    bot.add(501, "Story 1 harbour strike", _utc("2024-03-04T07:10"), source="Courier")
    bot.add(501, "Story 2 glacier survey", _utc("2024-03-04T07:59:59"))
    bot.add(501, "Story 3 after the digest", _utc("2024-03-04T08:00:00"))
    bot.add(777, "Story 9 of another chat", _utc("2024-03-04T07:30"))
    (digest,) = await bot.run_job(501, at=_utc("2024-03-04T08:00"))
    assert digest.startswith("<b>Digest for Mon 4 Mar 2024: 2 articles in 2 stories")
    assert sorted(_stories([digest])) == [1, 2]
    assert "Dock workers" in digest and "Courier" in digest
    (params,) = [p for p in bot.request.sent() if "Digest for" in p["text"]]
    assert params["parse_mode"] == "HTML"
    assert params["link_preview_options"] == {"is_disabled": True}
    sub = bot.app.bot_data.digests.get(501)
    assert sub is not None and sub.delivered_until == _utc("2024-03-04T08:00")
    assert await bot.run_job(501, at=_utc("2024-03-04T08:00:30")) == []  # the slot is done
    (next_day,) = await bot.run_job(501, at=_utc("2024-03-05T08:00:01"))
    assert _stories([next_day]) == [3]


async def test_empty_window_sends_one_short_line(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(501).send("/subscribe 08:00 Europe/Paris")
    (line,) = await bot.run_job(501, at=_utc("2024-03-04T07:00"))
    assert line == "<b>No new articles since Sun 3 Mar 2024 07:00.</b>"


async def test_time_zones_each_chat_at_its_own_morning(start: Start) -> None:
    bot = await start(at=_utc("2024-07-01T13:00"))  # after New York's 08:00, before Tokyo's
    await bot.chat(601).send("/subscribe 08:00 Asia/Tokyo")
    await bot.chat(602).send("/subscribe 08:00 America/New_York")
    for chat in (601, 602):
        bot.add(chat, f"Story {chat}", _utc("2024-07-01T14:00"))
    tokyo_morning = _utc("2024-07-01T23:00")
    assert await bot.run_job(602, at=tokyo_morning) == []
    assert _stories(await bot.run_job(601, at=tokyo_morning)) == [601]
    new_york_morning = _utc("2024-07-02T12:00")
    assert await bot.run_job(601, at=new_york_morning) == []
    assert _stories(await bot.run_job(602, at=new_york_morning)) == [602]


async def test_daylight_saving_change_keeps_the_local_time(start: Start) -> None:
    bot = await start(at=_utc("2024-03-29T12:00"))
    await bot.chat(501).send("/subscribe 08:00 Europe/London")
    (job,) = bot.jobs(501)
    first = job.job.trigger.get_next_fire_time(None, bot.clock())
    second = job.job.trigger.get_next_fire_time(first, first + timedelta(seconds=1))
    assert first.astimezone(UTC) == _utc("2024-03-30T08:00")  # GMT
    assert second.astimezone(UTC) == _utc("2024-03-31T07:00")  # BST, the same 08:00 locally
    bot.add(501, "Story 1", _utc("2024-03-30T07:00"))
    bot.add(501, "Story 2", _utc("2024-03-30T20:00"))
    assert _stories(await bot.run_job(501, at=first)) == [1]
    assert await bot.run_job(501, at=_utc("2024-03-31T06:00")) == []  # 07:00 BST: not yet
    assert _stories(await bot.run_job(501, at=second.astimezone(UTC))) == [2]


# --- restarts -------------------------------------------------------------------------------


async def test_restart_sends_a_missed_digest_once_within_twelve_hours(
    start: Start, tmp_path: Path, clock: Clock
) -> None:
    bot = await start(at=_utc("2024-03-04T07:00"))
    await bot.chat(501).send("/subscribe 08:00 UTC")
    bot.add(501, "Story 1", _utc("2024-03-04T07:10"))
    assert _stories(await bot.run_job(501, at=_utc("2024-03-04T08:00"))) == [1]
    await bot.stop()

    clock.at(_utc("2024-03-04T10:00"))  # down: the command line imports meanwhile
    offline = Archive.open(tmp_path / "briefing.db")
    offline.add(501, NewArticle(title="Story 2", body=BODY))
    offline.close()

    bot = await start(at=_utc("2024-03-05T09:30"))  # 1.5 hours after the missed digest
    assert _stories(bot.sent(501)) == [2]
    await bot.stop()
    bot = await start(at=_utc("2024-03-05T10:00"))  # restarting again repeats nothing
    assert bot.sent(501) == []
    bot.add(501, "Story 3", _utc("2024-03-05T11:00"))
    await bot.stop()

    bot = await start(at=_utc("2024-03-06T20:30"))  # 12.5 hours late: wait for the next one
    assert bot.sent(501) == []
    assert len(bot.jobs(501)) == 1
    assert _stories(await bot.run_job(501, at=_utc("2024-03-07T08:00"))) == [3]


async def test_items_resumed_at_start_up_are_read_before_the_missed_digest(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(501).send("/subscribe 08:00 UTC")
    bot.clock.at(_utc("2024-03-04T07:30"))
    bot.app.bot_data.archive.save_pending(Incoming(501, OWN_ARTICLE))  # then the bot crashed
    await bot.stop()
    bot = await start(at=_utc("2024-03-04T09:00"))
    digests = [text for text in bot.sent(501) if "Digest for" in text]
    assert len(digests) == 1 and "Harbour Workers in Valdoria" in digests[0]


async def test_a_start_just_before_the_slot_leaves_it_to_the_job(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(501).send("/subscribe 08:00 UTC")
    assert len(await bot.run_job(501, at=_utc("2024-03-04T08:00"))) == 1
    await bot.stop()
    bot = await start(at=_utc("2024-03-05T07:59:30"))
    assert bot.sent(501) == []
    assert len(await bot.run_job(501, at=_utc("2024-03-05T08:00"))) == 1


async def test_no_article_skipped_or_repeated_over_many_restarts(
    start: Start, tmp_path: Path, clock: Clock
) -> None:
    rng = random.Random(20240331)
    begin, end = _utc("2024-03-27T00:00"), _utc("2024-04-03T00:00")  # across the DST change
    events: list[tuple[datetime, str]] = []
    moment, up = begin + timedelta(minutes=5), True
    while moment < end:
        events.append((moment, "start" if up else "stop"))
        moment += timedelta(minutes=rng.randint(30, 26 * 60 if up else 20 * 60))
        up = not up
    moment = begin + timedelta(minutes=10)
    while moment < end:
        events.append((moment, "article"))
        moment += timedelta(minutes=rng.randint(10, 300))
    events += [(begin + timedelta(days=d, hours=rng.randint(9, 20)), "ask") for d in (1, 4)]
    day = begin
    while day < end:
        local_eight = datetime.combine(day.date(), datetime.min.time().replace(hour=8),
                                       tzinfo=ZoneInfo("Europe/London"))  # fmt: skip
        events.append((local_eight.astimezone(UTC) + timedelta(seconds=2), "slot"))
        day += timedelta(days=1)
    events.sort()

    bot: Running | None = None
    sent: list[str] = []
    added: list[int] = []
    subscribed = False
    for moment, kind in events:
        clock.at(moment)
        if kind == "start" and bot is None:
            bot = await start()
            if not subscribed:
                await bot.chat(501).send("/subscribe 08:00 Europe/London")
                subscribed = True
        elif kind == "stop" and bot is not None:
            sent += bot.sent(501)
            await bot.stop()
            bot = None
        elif kind == "article" and subscribed:
            number = len(added) + 1
            if bot is not None:
                bot.add(501, f"Story {number}", moment)
            else:
                offline = Archive.open(tmp_path / "briefing.db")
                offline.add(501, NewArticle(title=f"Story {number}", body=BODY))
                offline.close()
            added.append(number)
        elif kind == "slot" and bot is not None:
            await bot.run_job(501)
        elif kind == "ask" and bot is not None:
            await bot.chat(501).send("/digest")
    if bot is not None:
        sent += bot.sent(501)
        await bot.stop()
    bot = await start(at=end)
    await bot.chat(501).send("/digest")
    sent += bot.sent(501)

    counts = Counter(_stories(sent))
    assert sorted(counts) == added, "every article is in some digest"
    assert set(counts.values()) == {1}, "and in only one"
    assert len(added) > 30 and sum("Digest for" in text for text in sent) >= 5


# --- unreachable chats, flood control, failures ---------------------------------------------


async def test_a_blocked_and_a_deleted_chat_are_paused_the_others_delivered(
    start: Start, caplog: pytest.LogCaptureFixture
) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    chats = (601, 602, 603, 604)
    for chat in chats:
        await bot.chat(chat).send("/subscribe 08:00 UTC")
        bot.add(chat, f"Story {chat}", _utc("2024-03-04T07:00"))
    bot.request.refuse[602] = (403, "Forbidden: bot was blocked by the user")
    bot.request.refuse[603] = (400, "Bad Request: chat not found")
    caplog.set_level("WARNING")
    for chat in chats:
        await bot.run_job(chat, at=_utc("2024-03-04T08:00"))
    assert _stories(bot.sent(601)) == [601] and _stories(bot.sent(604)) == [604]
    store = bot.app.bot_data.digests
    for chat, reason in ((602, "blocked"), (603, "chat not found")):
        sub = store.get(chat)
        assert sub is not None and sub.paused and reason in (sub.paused_reason or "")
        assert bot.jobs(chat) == []
        assert f"digest of chat {chat} paused" in caplog.text
    await bot.stop()

    bot = await start(at=_utc("2024-03-05T09:00"))  # a paused chat gets no catch-up either
    assert bot.request.refused == []
    assert [c for c in chats if bot.jobs(c)] == [601, 604]
    (reply,) = await bot.chat(602).send("/settings")
    assert "Paused" in reply and "blocked" in reply
    await bot.chat(602).send("/subscribe")  # the chat is back: resume
    assert len(bot.jobs(602)) == 1
    assert bot.app.bot_data.digests.get(602).paused is False  # type: ignore[union-attr]


async def test_an_unreachable_chat_at_start_up_does_not_stop_the_others(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    for chat in (701, 702, 703):
        await bot.chat(chat).send("/subscribe 08:00 UTC")
        bot.add(chat, f"Story {chat}", _utc("2024-03-04T07:00"))
    await bot.stop()
    telegram = Telegram()
    telegram.refuse[702] = (403, "Forbidden: user is deactivated")
    bot = await start(at=_utc("2024-03-04T09:00"), request=telegram)
    assert _stories(bot.sent(701)) == [701] and _stories(bot.sent(703)) == [703]
    assert telegram.refused == [702]
    assert bot.app.bot_data.digests.get(702).paused  # type: ignore[union-attr]


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own
async def test_retry_after_waits_then_sends(start: Start, monkeypatch: pytest.MonkeyPatch) -> None:
    # Replies are retried by the rate limiter; delivery waits itself when the limiter gives up.
    monkeypatch.setattr(bot_app, "RETRIES_AFTER_429", 0)
    bot = await start(at=_utc("2024-03-04T06:00"))
    bot.add(801, "Story 1", _utc("2024-03-04T07:00"))
    bot.request.flood[801] = [7, 3]
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(seconds)

    clock_now = bot.clock.at(_utc("2024-03-04T08:00"))
    assert await deliver_digest(bot.app, 801, "now", sleep=sleep) == "sent"
    assert waits == [7.0, 3.0]
    assert _stories(bot.sent(801)) == [1]
    sub = bot.app.bot_data.digests.get(801)
    assert sub is not None and sub.delivered_until == clock_now


async def test_a_failed_send_keeps_the_window_and_is_retried(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(802).send("/subscribe 08:00 UTC")
    bot.add(802, "Story 1", _utc("2024-03-04T07:00"))
    bot.request.refuse[802] = (500, "Internal Server Error")
    assert await bot.run_job(802, at=_utc("2024-03-04T08:00")) == []
    sub = bot.app.bot_data.digests.get(802)
    assert sub is not None and not sub.paused and sub.delivered_until is None
    assert bot.app.job_queue is not None
    (retry,) = bot.app.job_queue.get_jobs_by_name(f"{job_name(802)}:retry")
    del bot.request.refuse[802]
    bot.clock.at(_utc("2024-03-04T08:10"))
    await retry.run(bot.app)
    assert _stories(bot.sent(802)) == [1]


# --- /digest and the windows it covers ------------------------------------------------------


async def test_digest_now_moves_the_mark_digest_week_does_not(start: Start) -> None:
    bot = await start(at=_utc("2024-03-01T06:00"))
    chat = bot.chat(901)
    bot.add(901, "Story 1", _utc("2024-03-01T09:00"))
    bot.add(901, "Story 2", _utc("2024-03-04T07:00"))
    bot.clock.at(_utc("2024-03-04T12:00"))
    (first,) = await chat.send("/digest")  # never delivered before: the last day
    assert _stories([first]) == [2]
    (again,) = await chat.send("/digest")
    assert again == "<b>No new articles since Mon 4 Mar 2024 12:00.</b>"
    (week,) = await chat.send("/digest week")
    assert sorted(_stories([week])) == [1, 2]
    sub = bot.app.bot_data.digests.get(901)
    assert sub is not None and sub.delivered_until == _utc("2024-03-04T12:00")
    assert not sub.active  # /digest alone does not subscribe


async def test_a_digest_does_not_close_its_window_past_an_article_being_read(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    await bot.chat(501).send("/subscribe 08:00 UTC")
    bot.add(501, "Story 1", _utc("2024-03-04T07:00"))
    bot.clock.at(_utc("2024-03-04T07:58"))
    archive = bot.app.bot_data.archive
    reading = archive.save_pending(Incoming(501, "a link", kind="link", url="https://x.example/2"))
    assert _stories(await bot.run_job(501, at=_utc("2024-03-04T08:00"))) == [1]
    sub = bot.app.bot_data.digests.get(501)
    assert sub is not None and sub.delivered_until == _utc("2024-03-04T07:58")
    archive.complete(501, reading, NewArticle(title="Story 2", body=BODY))
    assert _stories(await bot.run_job(501, at=_utc("2024-03-05T08:00"))) == [2]


# --- bulk imports ---------------------------------------------------------------------------

TOPICS = ("grain harvest", "copper mine", "rail strike", "bond auction", "coffee crop",
          "steel tariff", "oil tanker")  # fmt: skip


def _record(number: int, date: str | None) -> dict[str, Any]:
    """One article as a JSON-lines import carries it, each on a topic of its own."""
    topic = TOPICS[number % len(TOPICS)]
    body = (f"The {topic} was the subject of report {number}. Officials said the {topic} would"
            f" be reviewed again. Traders watched the {topic} closely all week.")  # fmt: skip
    return {"title": f"Story {number} {topic}", "body": body, "date": date, "source": "Wire"}


async def test_an_import_of_old_articles_is_counted_not_listed(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    chat = bot.chat(501)
    await chat.send("/subscribe 08:00 UTC")  # the first window starts 3 Mar 06:00
    bot.clock.at(_utc("2024-03-04T07:00"))
    await chat.send(OWN_ARTICLE)  # pasted in the chat: listed, whatever its date
    bot.clock.at(_utc("2024-03-04T07:30"))
    archive = bot.app.bot_data.archive
    dates = {11: "1987-04-07", 12: "1987-10-19", 13: None, 14: "2024-03-02", 15: "2024-03-03"}
    for number, date in dates.items():
        import_article(archive, 501, parse_record(_record(number, date)), imported=True)
    parts = await bot.run_job(501, at=_utc("2024-03-04T08:00"))
    digest = "\n".join(parts)
    assert digest.startswith("<b>Digest for Mon 4 Mar 2024: 2 articles in 2 stories")
    assert "Harbour Workers in Valdoria" in digest
    assert _stories(parts) == [15]  # published within the window; the older four are counted
    assert "<i>…and 4 older articles imported.</i>" in digest
    bot.add(501, "Story 16", _utc("2024-03-04T09:00"))
    (next_day,) = await bot.run_job(501, at=_utc("2024-03-05T08:00"))
    assert _stories([next_day]) == [16] and "imported" not in next_day  # counted once
    (nothing,) = await bot.run_job(501, at=_utc("2024-03-06T08:00"))
    assert nothing == "<b>No new articles since Tue 5 Mar 2024 08:00.</b>"


def test_an_empty_window_still_counts_an_import() -> None:
    start = _utc("2024-03-04T08:00")
    digest = Digest(1, start, start + timedelta(days=1), 0, 0, (), older_imported=1)
    assert digest_html(digest, "UTC") == (
        "<b>No new articles since Mon 4 Mar 2024 08:00.</b>\n<i>…and 1 older article imported.</i>"
    )


# --- splitting ------------------------------------------------------------------------------


def _visible(part: str) -> str:
    """The part's text without whitespace, after checking its tags are balanced."""
    return re.sub(r"\s+", "", visible(part))


def _check_parts(html: str) -> list[str]:
    parts = split_message(html)
    for part in parts:
        assert utf16_len(part) <= TELEGRAM_LIMIT
        _visible(part)
    assert "".join(_visible(p) for p in parts) == _visible(html)
    for block in html.split("\n\n"):  # every story that fits a message stays in one
        if utf16_len(block) <= TELEGRAM_LIMIT:
            assert any(block in part for part in parts)
    return parts


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400)
stories = st.builds(
    lambda title, names, sentences, url: Story(
        title=title,
        url=url,
        sources=tuple(Source(n, url, 1) for n in names),
        summary=tuple(sentences),
        actors=(),
        article_ids=(1,),
    ),
    texts,
    st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=4),
    st.lists(texts, min_size=0, max_size=3),
    st.one_of(st.none(), st.just("https://news.example/a?b=1&c=<2>"), st.just("javascript:x")),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(stories, min_size=0, max_size=45), st.integers(0, 30))
def test_digest_parts_fit_are_valid_and_lose_nothing(items: list[Story], hidden: int) -> None:
    start = datetime(2024, 3, 4, tzinfo=UTC)
    digest = Digest(1, start, start + timedelta(days=1), max(len(items), 1) + hidden,
                    len(items) + hidden, tuple(items))  # fmt: skip
    html = digest_html(digest, "Europe/Berlin")
    assert "javascript:" not in html
    _check_parts(html)


async def test_a_long_digest_goes_out_in_parts_split_between_stories(start: Start) -> None:
    bot = await start(at=_utc("2024-03-04T06:00"))
    sentence = "The committee said the long negotiations over the harbour would go on. " * 6
    long_body = " ".join(f"Point {i}: {sentence}" for i in range(8))
    for number in range(1, 31):
        title = f"Story {number} " + "about a very long headline & <tags> " * 8
        bot.add(501, title, _utc("2024-03-04T07:00") + timedelta(seconds=number), body=long_body)
    bot.clock.at(_utc("2024-03-04T08:00"))
    parts = await bot.chat(501).send("/digest")
    assert len(parts) >= 3
    assert sorted(_stories(parts)) == list(range(1, 31))
    for part in parts:
        assert utf16_len(part) <= TELEGRAM_LIMIT
        assert re.match(r"<b>Digest for|\d+\. <b>|<b>Also</b>|• ", part), part[:40]
    for params in bot.request.sent():
        if int(params["chat_id"]) == 501:
            assert params["link_preview_options"] == {"is_disabled": True}
    assert "headline &amp; &lt;tags&gt; about" in parts[1]


# --- the command line -----------------------------------------------------------------------


def test_cli_prints_the_digest_of_a_window_without_sending(tmp_path: Path, clock: Clock) -> None:
    db = tmp_path / "cli.db"
    archive = Archive.open(db)
    clock.at(_utc("2024-03-04T07:00"))
    first = archive.add(0, NewArticle(title="Harbour strike", body=BODY, source="Courier",
                                      url="https://courier.example/strike"))  # fmt: skip
    archive.add(0, NewArticle(title="Strike goes on", body=BODY, source="Gazette",
                              story_id=first))  # fmt: skip
    clock.at(_utc("2024-03-06T07:00"))
    archive.add(0, NewArticle(title="Outside the window", body=BODY))
    archive.close()
    window = ["--since", "2024-03-04T00:00+00:00", "--until", "2024-03-05"]
    result = run_bot("digest", "--db", str(db), "--json", *window, db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    (story,) = data["stories"]
    assert story["title"] in {"Harbour strike", "Strike goes on"}
    assert story["sources"] == ["Courier", "Gazette"]
    assert 1 <= len(story["summary"]) <= 3 and story["actors"] == []
    assert data["actors"] == [] and data["quotes"] == []
    text = run_bot("digest", "--db", str(db), *window, db=db)
    # The window is the 4th, midnight to midnight: its header names that day, not the 5th.
    assert text.stdout.startswith("Digest for Mon 4 Mar 2024: 2 articles in 1 story")
    bad = run_bot("digest", "--db", str(db), "--since", "last week", db=db)
    assert bad.returncode == 2 and "--since" in bad.stderr


def test_cli_digest_after_a_cli_import_of_old_articles(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    today = datetime.now(UTC).date().isoformat()
    lines = [_record(n, "1987-04-07") for n in range(11, 14)] + [_record(14, today)]
    corpus = tmp_path / "old.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    archive = Archive.open(db)
    archive.add(0, NewArticle(title="Story 1 harbour strike", body=BODY, source="Courier"))
    archive.close()
    imported = run_bot("import", "--db", str(db), str(corpus), db=db)
    assert imported.returncode == 0, imported.stderr
    since = (datetime.now(UTC) - timedelta(hours=1)).isoformat(timespec="seconds")
    result = run_bot("digest", "--db", str(db), "--json", "--since", since, db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(_stories([s["title"] for s in data["stories"]])) == [1, 14]
    assert (data["articles"], data["older_imported"]) == (2, 3)
    text = run_bot("digest", "--db", str(db), "--since", since, db=db).stdout
    assert "\n\n…and 3 older articles imported.\n" in text
