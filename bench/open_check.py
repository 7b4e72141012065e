"""Benchmark of the check `Database.open` makes, to choose how much of it every start can afford.

Run from the project root (needs no data; writes a temporary archive of about --mb MB):

    .venv/bin/python bench/open_check.py [--mb 150] [--repeat 3]

The archive is built through `Archive.add` from seeded random words. The baseline, measured in
the same run on the same file, is an open without any check (connect, WAL, migrations: what
`Database.open` did before it checked). Against it: `Database.open` as the bot and the command
line call it (above `QUICK_CHECK_MAX_BYTES` only the schema and each table's first page),
`PRAGMA quick_check` and `PRAGMA integrity_check` on the whole file, and a verified `backup`.
Times are the best of --repeat runs with the file in the page cache ("warm") and one run after
the file's pages were dropped from it ("cold", `posix_fadvise`).
"""

import argparse
import os
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from storage import Archive, Database, NewArticle
from storage.database import QUICK_CHECK_MAX_BYTES
from storage.schema import apply_migrations

WORDS = [f"w{n}" for n in range(5000)]


def build(path: Path, megabytes: int) -> int:
    """An archive of about `megabytes` MB; returns how many articles it holds."""
    archive = Archive.open(path)
    words = random.Random(1)
    count = 0
    while path.stat().st_size < megabytes * 2**20:
        for _ in range(1000):
            body = " ".join(words.choice(WORDS) for _ in range(500))
            archive.add(count % 7, NewArticle(title=f"Report {count}", body=body))
            count += 1
        archive.database.query("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.close()
    return count


def unchecked_open(path: Path) -> None:
    """The open before the check: connect, WAL, migrations."""
    conn = sqlite3.connect(str(path))
    db = sqlite_utils.Database(conn)
    db.enable_wal()
    apply_migrations(db)
    conn.close()


def pragma(name: str) -> Callable[[Path], None]:
    def run(path: Path) -> None:
        conn = sqlite3.connect(str(path))
        conn.execute(f"PRAGMA {name}").fetchall()
        conn.close()

    return run


def drop_cache(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(descriptor, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(descriptor)


def timed(step: Callable[[Path], None], path: Path, repeat: int) -> tuple[float, float]:
    """(best warm seconds, cold seconds)."""
    drop_cache(path)
    start = time.perf_counter()
    step(path)
    cold = time.perf_counter() - start
    warm = []
    for _ in range(repeat):
        start = time.perf_counter()
        step(path)
        warm.append(time.perf_counter() - start)
    return min(warm), cold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=int, default=150, help="archive size in MB")
    parser.add_argument("--repeat", type=int, default=3, help="warm runs, best taken")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.db"
        count = build(path, args.mb)
        size = path.stat().st_size / 2**20
        print(f"archive: {count} articles, {size:.1f} MB; quick_check on open up to "
              f"{QUICK_CHECK_MAX_BYTES / 2**20:.0f} MB")  # fmt: skip
        steps: list[tuple[str, Callable[[Path], None]]] = [
            ("open without a check (baseline)", unchecked_open),
            ("Database.open (as the bot does)", lambda p: Database.open(p).close()),
            ("PRAGMA quick_check", pragma("quick_check")),
            ("PRAGMA integrity_check", pragma("integrity_check")),
            ("verified backup", lambda p: _backup(p, Path(folder) / "copy.db")),
        ]
        base = None
        for name, step in steps:
            warm, cold = timed(step, path, args.repeat)
            base = base or warm
            print(f"{name:34s} warm {warm * 1000:8.1f} ms  cold {cold * 1000:8.1f} ms  "
                  f"x{warm / base:7.1f} of baseline")  # fmt: skip


def _backup(source: Path, target: Path) -> None:
    database = Database.open(source)
    try:
        database.backup(target)
    finally:
        database.close()


if __name__ == "__main__":
    main()
