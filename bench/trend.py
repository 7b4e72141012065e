"""Trend chart speed: five actors over a year of a Reuters archive, against the bare SQL count.

Run: .venv/bin/python bench/trend.py [--articles N] [--db PATH] [--repeat N] [--json]

The archive is `bench/scaled_archive.py`'s: the first 2,000 Reuters-21578 stories with a body,
imported and analysed with spaCy as `python -m bot import` does it, and copies of them made in
SQL with their actors, a week later each round, up to N articles (default 106,000: 53 weeks,
2,000 stories a week, so a year of archive). It is built once and kept in bench/.cache/ (it
takes minutes); this script copies it to bench/.cache/trend-reuters-N.db, which it may migrate,
and reads only that copy. Delete the copy after a schema change.

The chart is what `/trend` does for five actors over `1y`: names found as a question finds them,
the day counts of the year and the year before, the series by week and the caption
(`series_ms`), and the PNG drawn with matplotlib (`chart_ms`, both together). The five are the
archive's most named actors (the most rows to count). The baseline, timed in the same process
right after each chart, is the bare SQL count of those actors' mentions in the year (one
COUNT(*) over `mentions`). Each figure is the median of `--repeat` warm runs (caches loaded,
matplotlib imported, as in a running bot); the first chart of the process, which imports
matplotlib, is reported on its own (`first_chart_ms`). The target: a chart under 300 ms of
wall time. The CPU time of the chart (`chart_cpu_ms`) and the load average are printed too: on
a machine busy with other work the wall time grows with the load, the CPU time does not.
"""

import argparse
import json
import os
import sqlite3
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.reuters_archive import CHAT, DATA
from bench.scaled_archive import CACHE, scaled_db
from briefing.questions.ranking import Searcher
from briefing.trends.charting import chart_trend
from storage import Archive

TARGET_MS = 300.0
ACTORS = 5
YEAR = 365


def trend_db(articles: int) -> Path:
    """This benchmark's own copy of the scaled archive (the shared one is never written)."""
    path = CACHE / f"trend-reuters-{articles}.db"
    if not path.exists():
        source = scaled_db(articles)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        writing = sqlite3.connect(str(partial))
        try:
            reading.backup(writing)
        finally:
            reading.close()
            writing.close()
        partial.replace(path)
    return path


def most_named(archive: Archive) -> list[tuple[int, str]]:
    """The chat's `ACTORS` most named actors (id, name), most first."""
    rows = archive.database.query(
        "SELECT x.id, x.name FROM actors x JOIN (SELECT actor_id, COUNT(*) AS n FROM mentions"
        " WHERE chat_id = ? GROUP BY actor_id ORDER BY n DESC LIMIT ?) m ON m.actor_id = x.id"
        " ORDER BY m.n DESC",
        (CHAT, ACTORS),
    )
    return [(int(r[0]), str(r[1])) for r in rows]


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def measure(archive: Archive, repeat: int) -> dict[str, Any]:
    """Time the chart, its series alone and the baseline; the figures as one object."""
    searcher = Searcher(archive)
    actors = most_named(archive)
    names = [name for _, name in actors]
    start = time.perf_counter()
    first = chart_trend(searcher, CHAT, names, YEAR)
    first.png()
    first_ms = _ms(start)
    assert first.span is not None and len(first.series) == ACTORS, first.problem
    since = (first.span.since - timedelta(days=YEAR)).isoformat()
    marks = ", ".join("?" for _ in actors)
    bare = (
        f"SELECT COUNT(*) FROM mentions WHERE chat_id = ? AND actor_id IN ({marks})"
        " AND day >= ? AND day < ?"
    )
    params = (CHAT, *(i for i, _ in actors), since, first.span.until.isoformat())
    charts, cpu, series, baseline, sizes = [], [], [], [], []
    for _ in range(repeat):
        start, busy = time.perf_counter(), time.process_time()
        trend = chart_trend(searcher, CHAT, names, YEAR)
        series.append(_ms(start))
        sizes.append(len(trend.png()))
        charts.append(_ms(start))
        cpu.append((time.process_time() - busy) * 1000)
        start = time.perf_counter()
        archive.database.query(bare, params)
        baseline.append(_ms(start))
    chart_ms, bare_ms = statistics.median(charts), statistics.median(baseline)
    return {
        "articles": archive.database.query(
            "SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,)
        )[0][0],
        "actors": names,
        "span": [first.span.since.isoformat(), first.span.last.isoformat()],
        "bucket": first.span.bucket,
        "articles_charted": sum(s.total for s in first.series),
        "first_chart_ms": round(first_ms, 1),
        "chart_ms": round(chart_ms, 1),
        "chart_max_ms": round(max(charts), 1),
        "chart_cpu_ms": round(statistics.median(cpu), 1),
        "series_ms": round(statistics.median(series), 1),
        "png_bytes": int(statistics.median(sizes)),
        "baseline_sql_ms": round(bare_ms, 2),
        "ratio": round(chart_ms / bare_ms, 1) if bare_ms else None,
        "target_ms": TARGET_MS,
        "ok": chart_ms < TARGET_MS,
        "load_average": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
    }


def report(f: dict[str, Any]) -> str:
    """The figures as lines for people."""
    return (
        f"Trend chart of {', '.join(f['actors'])} over {f['span'][0]} to {f['span'][1]}"
        f" ({f['bucket']}s), {f['articles']} articles in the archive\n"
        f"  chart (series + PNG): {f['chart_ms']} ms median, max {f['chart_max_ms']} ms,"
        f" CPU {f['chart_cpu_ms']} ms; series alone {f['series_ms']} ms; first chart of the"
        f" process {f['first_chart_ms']} ms\n"
        f"  baseline, bare SQL count of their mentions: {f['baseline_sql_ms']} ms;"
        f" ratio {f['ratio']}x\n"
        f"  target < {TARGET_MS:.0f} ms: {'met' if f['ok'] else 'MISSED'} (load average"
        f" {f['load_average']} on {f['cpus']} CPUs)"
    )


def main(argv: list[str] | None = None) -> int:
    """Measure and print; exit 1 if the target is missed, 2 without data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=106_000, help="archive size (a year)")
    parser.add_argument("--db", type=Path, help="an archive to chart instead (chat 0)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs (median)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if (
        args.db is None
        and not any(DATA.glob("*.jsonl"))
        and not (CACHE / f"trend-reuters-{args.articles}.db").exists()
    ):
        print(f"No Reuters data at {DATA}; nothing to measure.", file=sys.stderr)
        return 2
    archive = Archive.open(args.db or trend_db(args.articles))
    try:
        figures = measure(archive, max(args.repeat, 1))
    finally:
        archive.close()
    print(json.dumps(figures) if args.json else report(figures))
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
