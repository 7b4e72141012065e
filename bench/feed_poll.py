"""Benchmark of feed polling: 500 feeds that answer "304 Not Modified".

Run from the project root:

    .venv/bin/python bench/feed_poll.py             # figures as text
    .venv/bin/python bench/feed_poll.py --json      # the same figures as one JSON object

A local server on 127.0.0.1 serves 500 small RSS feeds, each with an ETag, and answers a
request naming that ETag with 304; it waits `--delay` seconds before each answer (a network's
round trip) and counts how many requests it serves at once. The feeds belong to 50 chats; a
first poll stores their ETags, then the clock moves on an hour and every feed is due:

- measured: `FeedPoller.poll_due()`, the bot's polling job, through the safe fetcher (address
  checks, a fresh connection a request) with at most 8 fetches at once, then the feed's state
  written;
- baseline, in the same process: the same 500 conditional GETs with one plain httpx client
  (kept-alive connections, no checks), also 8 at once.

Targets: all 500 "not_modified", under 10 s of wall time, never more than 8 requests at once at
the server; exits 1 if not. The ratio is measured / baseline (the cost of safety and state).
"""

import argparse
import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from briefing.feeds.polling import FeedPoller  # noqa: E402
from briefing.ingest.durable import BackgroundTasks, DurableIngest  # noqa: E402
from briefing.ingest.fetch import FetchPolicy  # noqa: E402
from briefing.ingest.workflow import Ingestor  # noqa: E402
from storage import Archive  # noqa: E402
from storage.actors import ActorStore  # noqa: E402
from storage.feeds import FeedStore  # noqa: E402
from tests.feed_site import FeedSite, feed_site, rss  # noqa: E402

FEEDS = 500
CHATS = 50
AT_ONCE = 8
TARGET_SECONDS = 10.0


class Clock:
    """The poller's clock, moved on by hand."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def _serve(site: FeedSite) -> list[str]:
    urls = []
    for n in range(FEEDS):
        path = f"/feed/{n}.xml"
        items = [(f"Item {n}", site.url(f"/item/{n}"), "summary")]
        site.routes[path] = (200, "application/rss+xml", rss(f"Feed {n}", items))
        urls.append(site.url(path))
    return urls


async def _baseline(site: FeedSite, store: FeedStore) -> float:
    """The same conditional GETs with a plain client, AT_ONCE at a time."""
    rows = [row for chat in range(CHATS) for row in store.feeds(chat)]
    gate = asyncio.Semaphore(AT_ONCE)
    async with httpx.AsyncClient(trust_env=False) as client:

        async def get(url: str, etag: str | None) -> int:
            async with gate:
                response = await client.get(url, headers={"If-None-Match": etag or ""})
                return response.status_code

        started = time.perf_counter()
        statuses = await asyncio.gather(*(get(row.url, row.etag) for row in rows))
        elapsed = time.perf_counter() - started
    assert set(statuses) == {304}, set(statuses)
    return elapsed


async def _measure(site: FeedSite, workdir: Path) -> dict[str, Any]:
    archive = Archive.open(workdir / "bench.db")
    actors = ActorStore(archive.database)
    policy = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))
    ingestor = Ingestor(archive, actors, policy)
    store = FeedStore(archive.database)
    clock = Clock()
    ingest = DurableIngest(archive, actors, ingestor, BackgroundTasks())
    poller = FeedPoller(store, archive, ingest, policy, clock=clock)
    try:
        for n, url in enumerate(_serve(site)):
            store.add(n % CHATS, url, f"Feed {n}", None, clock.now.isoformat(timespec="seconds"))
        for row in (row for chat in range(CHATS) for row in store.feeds(chat)):
            store.remember(row.chat_id, row.id, site.url(f"/item/{row.id - 1}"), None)
        first = await poller.poll_due()  # stores each feed's ETag
        assert {r.status for r in first} == {"ok"}, {r.reason for r in first}
        clock.now += timedelta(hours=1)
        site.most_at_once = 0
        started = time.perf_counter()
        results = await poller.poll_due()
        seconds = time.perf_counter() - started
        most_at_once = site.most_at_once
        baseline = await _baseline(site, store)
    finally:
        ingestor.close()
        archive.close()
    statuses = {s: sum(r.status == s for r in results) for s in {r.status for r in results}}
    return {
        "feeds": len(results),
        "statuses": statuses,
        "seconds": round(seconds, 3),
        "baseline_seconds": round(baseline, 3),
        "ratio": round(seconds / baseline, 2),
        "most_at_once": most_at_once,
        "delay": site.delay,
        "met": statuses == {"not_modified": FEEDS}
        and seconds < TARGET_SECONDS
        and most_at_once <= AT_ONCE,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--delay", type=float, default=0.01, help="seconds the server waits per answer"
    )
    args = parser.parse_args()
    with feed_site(args.delay) as site, tempfile.TemporaryDirectory() as workdir:
        figures = asyncio.run(_measure(site, Path(workdir)))
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['feeds']} feeds polled: {figures['statuses']}")
        print(f"poll_due: {figures['seconds']} s (target under {TARGET_SECONDS:g} s)")
        print(f"plain client, same requests: {figures['baseline_seconds']} s")
        print(f"ratio: {figures['ratio']}x the plain client")
        print(f"most requests at once at the server: {figures['most_at_once']} (at most 8)")
        print("targets met" if figures["met"] else "TARGETS MISSED")
    return 0 if figures["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
