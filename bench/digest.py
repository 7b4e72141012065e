"""Benchmark of the daily digest: a day of 500 articles and a week of the Reuters archive.

Run from the project root (the shared data must be at ../shared/data/reuters21578):

    .venv/bin/python bench/digest.py [--repeat N]

Each scenario imports its articles into a fresh SQLite file through the bulk-import path
(`briefing.ingest.workflow.import_article`, so near-duplicates become one story as in the bot),
then times what a scheduled digest does short of sending: read the window, group and rank the
stories, summarise the first ones, render the HTML and split it into messages. The baseline,
measured in the same run on the same file, is the bare read of the window's rows
(`DigestStore.window`), so the ratio says what the digest costs on top of fetching its articles.
Times are the best of `--repeat` runs; peak memory is the tracemalloc peak of one digest (Python
allocations). Targets: under 2 s for the day and under 10 s for the week. Exit status 1 if one
is missed.
"""

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from briefing.digests.build import compose_digest
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from handlers.digest import digest_html
from handlers.split import split_message
from storage import Archive
from storage.digests import DigestStore

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"
CHAT = 1
DAY_ARTICLES = 500
DAY_TARGET = 2.0
WEEK_TARGET = 10.0


@dataclass(frozen=True)
class Result:
    """One scenario's figures."""

    name: str
    articles: int
    stories: int
    parts: int
    select_s: float
    digest_s: float
    peak_mb: float
    target_s: float


def read_reuters(folder: Path) -> list[dict[str, Any]]:
    """Every Reuters record with a body, in file order."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("body") and record.get("date"):
                    records.append(record)
    return records


def busiest_week(records: list[dict[str, Any]]) -> tuple[date, list[dict[str, Any]]]:
    """The seven consecutive days with the most articles, and those articles."""
    per_day = Counter(date.fromisoformat(r["date"][:10]) for r in records)
    start = max(per_day, key=lambda d: sum(per_day[d + timedelta(days=i)] for i in range(7)))
    end = start + timedelta(days=7)
    return start, [r for r in records if start <= date.fromisoformat(r["date"][:10]) < end]


def busiest_day(records: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` articles of the day with the most."""
    per_day = Counter(r["date"][:10] for r in records)
    day = max(per_day, key=lambda d: per_day[d])
    return [r for r in records if r["date"][:10] == day][:count]


def load(path: Path, records: list[dict[str, Any]]) -> tuple[datetime, datetime]:
    """Import the records into a fresh archive; the window is the time the import took."""
    since = datetime.now(UTC).replace(microsecond=0)
    archive = Archive.open(path)
    try:
        for record in records:
            import_article(archive, CHAT, parse_record({**record, "source": "Reuters"}))
    finally:
        archive.close()
    until = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
    return since, until


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def run(name: str, records: list[dict[str, Any]], target: float, repeat: int) -> Result:
    """Time the bare window read and the whole digest on one scenario."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        since, until = load(path, records)
        took = time.perf_counter() - started
        print(f"  {name}: imported {len(records)} articles in {took:.1f} s", file=sys.stderr)
        archive = Archive.open(path)
        store = DigestStore(archive.database)
        try:

            def digest() -> list[str]:
                built = compose_digest(store, CHAT, since, until)
                return split_message(digest_html(built, "UTC"))

            select_s = best_of(repeat, lambda: store.window(CHAT, since, until))
            digest_s = best_of(repeat, digest)
            tracemalloc.start()
            parts = digest()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            built = compose_digest(store, CHAT, since, until)
        finally:
            archive.close()
    return Result(name, built.articles, built.story_count, len(parts), select_s, digest_s,
                  peak / 2**20, target)  # fmt: skip


def report(results: list[Result]) -> Iterator[str]:
    """The table of figures."""
    yield (
        f"{'scenario':<26}{'articles':>9}{'stories':>9}{'parts':>7}{'SELECT':>10}"
        f"{'digest':>10}{'ratio':>8}{'peak MB':>9}{'target':>8}  ok"
    )
    for r in results:
        ratio = r.digest_s / r.select_s if r.select_s else float("inf")
        yield (
            f"{r.name:<26}{r.articles:>9}{r.stories:>9}{r.parts:>7}{r.select_s * 1000:>8.1f}ms"
            f"{r.digest_s * 1000:>8.1f}ms{ratio:>7.1f}x{r.peak_mb:>9.1f}{r.target_s:>7.0f}s"
            f"  {'yes' if r.digest_s < r.target_s else 'NO'}"
        )


def main(argv: list[str] | None = None) -> int:
    """Run both scenarios and print the table; exit 1 if a target is missed, 2 without data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per figure (best)")
    parser.add_argument("--data", type=Path, default=DATA, help="the reuters21578 folder")
    args = parser.parse_args(argv)
    if not any(args.data.glob("*.jsonl")):
        print(f"No Reuters data at {args.data} (reuters21578_*.jsonl); nothing to measure.",
              file=sys.stderr)  # fmt: skip
        return 2
    records = read_reuters(args.data)
    week_start, week = busiest_week(records)
    day = busiest_day(records, DAY_ARTICLES)
    results = [
        run(f"day ({len(day)} articles)", day, DAY_TARGET, max(1, args.repeat)),
        run(f"week from {week_start}", week, WEEK_TARGET, max(1, args.repeat)),
    ]
    print("Digest benchmark: read window, group, rank, summarise, render HTML, split")
    print("baseline: the bare SELECT of the window's rows (DigestStore.window), same run")
    for line in report(results):
        print(line)
    return 0 if all(r.digest_s < r.target_s for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
