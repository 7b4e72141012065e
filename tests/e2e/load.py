"""The load run shared by `bench/load.py` and `tests/e2e/test_load.py`.

Simulated users, each in a private chat of their own, send a mix of pasted articles, links to a
local site and questions, paced evenly over a time budget, through the emulator to the real
`python -m bot` process. Reply times are measured from a user's message entering the emulator
to the bot's first message answering it passing the adapter on its way to the emulator; the
baseline is the same round trip for /start on the idle bot, measured in the same run.
"""

import random
import re
import statistics
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storage import Archive
from tests.conftest import StaticSite, article_page
from tests.e2e.harness import Emulator, Session, User

PLACES = """Arlen Borova Caskley Dunmore Elsby Fenwick Gorse Halden Iverly Jessup Kettleby Lorn
Marrow Norwick Oakum Pellow Quarry Rilston Sable Tarn Umber Vale Wexley Yarrow""".split()
TOPICS = """bridge harbour school library market railway reservoir clinic museum ferry orchard
stadium theatre airport tunnel canal""".split()
QUESTION_OPENINGS = ("Results for", "Nothing in", "Nothing about")
OPENINGS = ("Saved", "Already archived", "Added the text", "Send a few words", *QUESTION_OPENINGS)


@dataclass
class Sent:
    """One message a simulated user sent."""

    user: int
    kind: str  # "article", "link" or "question"
    text: str
    title: str = ""
    at: float = 0.0  # monotonic time it entered the emulator
    replied: float | None = None
    reply: str = ""


@dataclass
class LoadReport:
    """What one load run measured and checked."""

    users: int
    messages: int
    send_seconds: float
    drain_seconds: float
    kinds: Counter[str]
    reply_ms: list[float]
    baseline_ms: list[float]
    peak_rss_mb: float
    archived: int
    expected_articles: int
    duplicates: int
    missing: list[str]
    unanswered: list[str]
    unfinished_acks: int
    unexpected: list[str] = field(default_factory=list)
    question_ms: list[float] = field(default_factory=list)  # replies to questions only

    @staticmethod
    def _pct(values: list[float], q: int) -> float:
        if not values:
            return float("nan")
        if len(values) == 1:
            return values[0]
        return statistics.quantiles(values, n=100, method="inclusive")[q - 1]

    @property
    def p50(self) -> float:
        return self._pct(self.reply_ms, 50)

    @property
    def p95(self) -> float:
        return self._pct(self.reply_ms, 95)

    @property
    def baseline_p50(self) -> float:
        return self._pct(self.baseline_ms, 50)

    def figures(self) -> dict[str, float | int]:
        """The figures as one flat object (seconds, counts), for `bench/load.py --json`."""
        question_p95 = self._pct(self.question_ms, 95)
        return {
            "question_p50_s": round(self._pct(self.question_ms, 50) / 1000, 4),
            "question_p95_s": round(question_p95 / 1000, 4),
            "idle_p50_s": round(self.baseline_p50 / 1000, 4),
            "question_p95_over_idle": round(question_p95 / self.baseline_p50, 2),
            "reply_p50_s": round(self.p50 / 1000, 4),
            "reply_p95_s": round(self.p95 / 1000, 4),
            "articles": self.expected_articles,
            "archived_once": self.archived,
            "duplicates": self.duplicates,
            "missing": len(self.missing),
            "questions_unanswered": len(self.unanswered),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "messages": self.messages,
            "drain_s": round(self.drain_seconds, 2),
        }

    def summary(self) -> str:
        """The figures, one per line."""
        kinds = ", ".join(f"{n} {k}s" for k, n in sorted(self.kinds.items()))
        return "\n".join(
            [
                f"load: {self.users} users sent {self.messages} messages ({kinds})"
                f" in {self.send_seconds:.1f} s; all answered {self.drain_seconds:.1f} s"
                " after the first",
                f"reply time p50 {self.p50:.0f} ms, p95 {self.p95:.0f} ms"
                f" (baseline: /start round trip on the idle bot p50 {self.baseline_p50:.0f} ms;"
                f" ratio p50/baseline {self.p50 / self.baseline_p50:.1f},"
                f" p95/baseline {self.p95 / self.baseline_p50:.1f})",
                f"question reply time p50 {self._pct(self.question_ms, 50):.0f} ms,"
                f" p95 {self._pct(self.question_ms, 95):.0f} ms"
                f" (p95/baseline {self._pct(self.question_ms, 95) / self.baseline_p50:.1f})",
                f"bot peak memory (VmHWM) {self.peak_rss_mb:.0f} MB (target < 600 MB)",
                f"articles archived {self.archived} of {self.expected_articles}, duplicates"
                f" {self.duplicates}, missing {len(self.missing)}, questions unanswered"
                f" {len(self.unanswered)}, acknowledgements left reading {self.unfinished_acks}",
            ]
        )


def _paragraphs(rng: random.Random, place: str, topic: str, n: int) -> list[str]:
    templates = [
        f"The {place} council met on Monday to discuss the future of the {topic}.",
        f"Residents of {place} said the {topic} had been closed for {{a}} days.",
        f"Engineers estimated the repairs to the {topic} at {{a}} thousand crowns.",
        f"A spokesperson for the {topic} operator said {{a}} staff would return in {{b}} weeks.",
        f"Shops near the {topic} in {place} reported {{a}} fewer customers than last year.",
        f"The regional governor promised {{a}} new jobs at the {place} {topic} (item {n}).",
    ]
    return [t.format(a=rng.randint(2, 999), b=rng.randint(2, 52)) for t in templates]


def plan(users: int, messages: int, site: StaticSite, seed: int = 7) -> list[Sent]:
    """The messages to send, in order: 40% pasted articles, 30% links, 30% questions."""
    rng = random.Random(seed)
    planned: list[Sent] = []
    for n in range(messages):
        user = n % users
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        kind = rng.choices(["article", "link", "question"], weights=[4, 3, 3])[0]
        title = f"{place} {topic} item {n}: {rng.choice(['reopens', 'closes', 'waits'])}"
        paragraphs = _paragraphs(rng, place, topic, n)
        if kind == "article":
            text = f"# {title}\n\nMarch {1 + n % 28}, 2024\n\n**The {place} Post**\n\n"
            planned.append(Sent(user, kind, text + "\n\n".join(paragraphs), title))
        elif kind == "link":
            site.routes[f"/n/{n}"] = (200, "text/html", article_page(title, paragraphs))
            planned.append(Sent(user, kind, site.url(f"/n/{n}"), title))
        else:
            planned.append(Sent(user, kind, f"{place} {topic}"))
    return planned


def _first_replies(session: Session, chat_id: int) -> list[tuple[float, str]]:
    """(time, text) of each message the bot sent the chat that opens a reply, in order."""
    found = []
    for call in session.adapter.calls_of(session.token, "sendMessage"):
        if call.status == 200 and int(call.params.get("chat_id", 0)) == chat_id:
            found.append((call.at, call.params.get("text", "")))
    return found


def _baseline(session: Session, rounds: int) -> list[float]:
    user = session.user(9_999_001)
    times = []
    for _ in range(rounds):
        started = time.monotonic()
        user.say("/start")
        reply_at = _first_replies(session, user.chat_id)[-1][0]
        times.append((reply_at - started) * 1000)
    return times


def run_load(
    emulator: Emulator,
    workdir: Path,
    users: int = 20,
    messages: int = 500,
    seconds: float = 30.0,
    baseline_rounds: int = 30,
    drain_timeout: float = 300.0,
) -> LoadReport:
    """Start a bot, measure the baseline, run the load, check what was archived."""
    site = StaticSite()
    server = threading.Thread(target=site.serve_forever, daemon=True)
    server.start()
    session = Session(emulator, workdir)
    try:
        bot = session.bot(fetch_allow_hosts="127.0.0.1")
        baseline = _baseline(session, baseline_rounds)
        people = [session.user(10_000 + u, name=f"Analyst {u}") for u in range(users)]
        planned = plan(users, messages, site)
        _send(people, planned, seconds)
        sent_seconds = planned[-1].at - planned[0].at
        deadline = time.monotonic() + drain_timeout
        sampler = _RssSampler(bot.rss_kb)
        sampler.start()
        try:
            _drain(session, people, planned, deadline)
        finally:
            sampler.stop()
        drain_seconds = max((s.replied or 0) for s in planned) - planned[0].at
        unfinished = sum(r.reading for person in people for r in person.replies())
        _, peak_kb = bot.rss_kb()
        bot.stop()
        return _report(session, people, planned, baseline, peak_kb, sent_seconds,
                       drain_seconds, unfinished)  # fmt: skip
    finally:
        session.close()
        site.shutdown()
        site.server_close()


def _send(people: list[User], planned: list[Sent], seconds: float) -> None:
    """Send every message at its slot of an even schedule ending a second before `seconds`."""
    interval = max(0.0, seconds - 1) / max(1, len(planned))
    start = time.monotonic()
    pace = threading.Event()
    for number, item in enumerate(planned):
        delay = start + number * interval - time.monotonic()
        if delay > 0:
            pace.wait(delay)  # the load's schedule, not a wait for a result
        item.at = time.monotonic()
        people[item.user].send(item.text)


def _drain(session: Session, people: list[User], planned: list[Sent], deadline: float) -> None:
    """Wait until every message has its reply (and every link its card), matching replies to
    messages in order per chat; fails at the deadline."""
    by_user: dict[int, list[Sent]] = {}
    for item in planned:
        by_user.setdefault(item.user, []).append(item)

    def matched() -> bool:
        complete = True
        for user, items in by_user.items():
            replies = [
                r
                for r in _first_replies(session, people[user].chat_id)
                if r[1].startswith(OPENINGS)
            ]
            for item, (at, text) in zip(items, replies, strict=False):
                if item.replied is None:
                    item.replied, item.reply = at, text
            complete = complete and len(replies) >= len(items)
        if not complete:
            return False
        return all(not r.reading for person in people for r in person.replies())

    remaining = deadline - time.monotonic()
    session.adapter.wait_until(matched, remaining, "every message of the load to be answered")


def _report(
    session: Session,
    people: list[User],
    planned: list[Sent],
    baseline: list[float],
    peak_kb: int,
    sent_seconds: float,
    drain_seconds: float,
    unfinished: int,
) -> LoadReport:
    archive = Archive.open(session.db)
    try:
        stored: Counter[str] = Counter()
        for person in people:
            for article in archive.recent(person.chat_id, 10_000):
                stored[article.title] += 1
    finally:
        archive.close()
    titles = [s.title for s in planned if s.kind != "question"]
    unanswered = [
        s.text
        for s in planned
        if s.kind == "question" and not s.reply.startswith(QUESTION_OPENINGS)
    ]
    unexpected = [
        f"{s.kind}: {s.reply[:80]}"
        for s in planned
        if s.kind != "question" and not re.match(r"(Saved|Already archived|Added)", s.reply)
    ]
    return LoadReport(
        users=len(people),
        messages=len(planned),
        send_seconds=sent_seconds,
        drain_seconds=drain_seconds,
        kinds=Counter(s.kind for s in planned),
        reply_ms=[((s.replied or s.at) - s.at) * 1000 for s in planned],
        question_ms=[((s.replied or s.at) - s.at) * 1000 for s in planned if s.kind == "question"],
        baseline_ms=baseline,
        peak_rss_mb=peak_kb / 1024,
        archived=sum(1 for t in titles if stored[t] == 1),
        expected_articles=len(titles),
        duplicates=sum(n - 1 for n in stored.values() if n > 1),
        missing=[t for t in titles if stored[t] == 0],
        unanswered=unanswered,
        unfinished_acks=unfinished,
        unexpected=unexpected,
    )


class _RssSampler(threading.Thread):
    """Reads the bot's memory from /proc while the load drains (VmHWM keeps the peak anyway;
    sampling only makes sure it is read before the process ends)."""

    def __init__(self, read: Callable[[], object]) -> None:
        super().__init__(daemon=True)
        self.read = read
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.5):
            self.read()

    def stop(self) -> None:
        self.done.set()
        self.join()
