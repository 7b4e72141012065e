"""Bulk ingest speed on the Reuters-21578 stories, against a bare insert of the same rows.

Run: .venv/bin/python bench/ingest.py [--limit N]
Reads ../shared/data/reuters21578/*.jsonl at run time. Prints articles per second for our
import path (parse, canonical URL, content hash, near-duplicate signature and story search,
FTS indexing) and for a bare sqlite-utils insert into an FTS-indexed table in the same run,
their ratio, and the peak memory of the process.
"""

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import sqlite_utils

from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"


def load(limit: int) -> list[dict[str, object]]:
    """Reuters stories that have a body, as import records."""
    records: list[dict[str, object]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("body"):
                    records.append(
                        {
                            "title": row.get("title") or "",
                            "body": row["body"],
                            "date": row.get("date"),
                            "source": "Reuters",
                        }
                    )
                if len(records) >= limit:
                    return records
    return records


def bare_insert(records: list[dict[str, object]], folder: Path) -> float:
    """Seconds to insert the rows into a plain FTS-indexed table (the baseline)."""
    db = sqlite_utils.Database(folder / "bare.db")
    db.enable_wal()
    table = db.table("articles")
    table.create({"id": int, "title": str, "body": str, "date": str, "source": str}, pk="id")
    table.enable_fts(["title", "body"], create_triggers=True)
    start = time.perf_counter()
    for record in records:
        table.insert(record)
    return time.perf_counter() - start


def our_import(records: list[dict[str, object]], folder: Path) -> tuple[float, dict[str, int]]:
    """Seconds for the project's import path, and its outcome counts."""
    archive = Archive.open(folder / "ours.db")
    counts: dict[str, int] = {}
    start = time.perf_counter()
    for record in records:
        outcome = import_article(archive, 0, parse_record(record))
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    elapsed = time.perf_counter() - start
    archive.close()
    return elapsed, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=5000, help="stories to import")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    records = load(args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        baseline = bare_insert(records, Path(tmp))
        ours, counts = our_import(records, Path(tmp))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"stories: {len(records)}  outcomes: {counts}")
    print(f"ours:     {len(records) / ours:8.0f} articles/s ({ours:.2f} s)")
    print(f"baseline: {len(records) / baseline:8.0f} articles/s ({baseline:.2f} s, bare insert)")
    print(f"ratio (ours / baseline time): {ours / baseline:.1f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
