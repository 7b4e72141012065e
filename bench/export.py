"""Export speed and memory on the Reuters archive: JSON lines, CSV and Markdown against a bare
SELECT of the same rows, in the same run.

Run: .venv/bin/python bench/export.py [--json] [--small N]

The archive holds every Reuters-21578 story with a body (19,779 stories; those the archive
recognises as duplicates are left out), read from ../shared/data/reuters21578 at run time. The
first 2,000 stories are the analysed originals of `bench/scaled_archive.py` (spaCy: actors,
quotes and events, as `python -m bot import` stores them), so the export reads their actors
and quotes; the other stories are stored as `import` stores them but not analysed (spaCy over
18,000 more stories would take most of an hour on two cores). Two archives are built once and
kept in bench/.cache/ (git-ignored): the first N stories (`--small`, default 5,000) and all.

Each format is exported to a file in a temporary folder as `python -m bot export --out` does
(`export_to_file`), timed, then exported again under `tracemalloc` for its peak of Python
memory. The baseline is a bare `SELECT` of the same articles' columns (texts included) iterated
row by row; for memory, the same SELECT read whole with `fetchall` shows what an export that
read the archive at once would hold. The export's peak should be the same at both sizes; the
fetchall's grows with the archive. Target: each format under 10 s on the whole archive.
"""

import argparse
import json
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.reuters_archive import CHAT, DATA, stories
from bench.scaled_archive import CACHE, originals_db
from briefing.export.exporting import export_to_file
from briefing.export.request import FORMATS, ExportRequest
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive

ORIGINALS = 2000  # analysed stories, the first of the archive
ALL_STORIES = 1_000_000  # more than the collection holds
TARGET_S = 10.0
BATCH = 500  # stories stored a transaction


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of a database with SQLite's backup."""
    source_conn = sqlite3.connect(str(source))
    target_conn = sqlite3.connect(str(target))
    try:
        source_conn.backup(target_conn)
    finally:
        source_conn.close()
        target_conn.close()


def _add_stories(path: Path, skip: int, upto: int) -> None:
    """Store stories number `skip` to `upto` (collection order) unanalysed, as import does."""
    archive = Archive.open(path)
    try:
        items = list(stories(upto))[skip:]
        for start in range(0, len(items), BATCH):
            with archive.database.batch():
                for story in items[start : start + BATCH]:
                    import_article(archive, CHAT, parse_record(story.record), imported=True)
            print(f"  stored {skip + start + len(items[start : start + BATCH])}", file=sys.stderr)
    finally:
        archive.close()


def archive_db(stories_wanted: int, after: Path | None = None, done: int = ORIGINALS) -> Path:
    """The archive of the first `stories_wanted` stories (built once): a copy of `after` (by
    default the analysed originals), which holds the first `done`, plus the rest unanalysed."""
    label = "all" if stories_wanted >= ALL_STORIES else str(stories_wanted)
    path = CACHE / f"export-reuters-{label}-of-{ORIGINALS}.db"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    start = time.perf_counter()
    _copy(after or originals_db(ORIGINALS), partial)
    _add_stories(partial, done, stories_wanted)
    partial.replace(path)
    print(f"built {path.name} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return path


def bare_select(path: Path, whole: bool) -> int:
    """The baseline: the export's articles and columns, read row by row (or all at once)."""
    conn = sqlite3.connect(str(path))
    try:
        cursor = conn.execute(
            "SELECT id, title, published_at, added_at, source, url, body FROM articles"
            " WHERE chat_id = ? AND status = 'ready' ORDER BY id",
            (CHAT,),
        )
        if whole:
            return len(cursor.fetchall())
        return sum(1 for _ in cursor)
    finally:
        conn.close()


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def peak_kib(call: Callable[[], object]) -> int:
    """The peak of Python memory (KiB) allocated during one call, as tracemalloc sees it."""
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1] // 1024
    finally:
        tracemalloc.stop()


def measure(path: Path, folder: Path) -> dict[str, float]:
    """Every figure for one archive: counts, seconds, peak memory and file sizes."""
    archive = Archive.open(path)
    figures: dict[str, float] = {}
    try:
        counts = archive.database.query(
            "SELECT (SELECT COUNT(*) FROM articles WHERE chat_id = ? AND status = 'ready'),"
            " (SELECT COUNT(DISTINCT article_id) FROM mentions WHERE chat_id = ?),"
            " (SELECT COUNT(*) FROM quotes WHERE chat_id = ?)",
            (CHAT, CHAT, CHAT),
        )[0]
        figures.update(articles=counts[0], with_actors=counts[1], quotes=counts[2])
        figures["bare_select_s"] = round(timed(lambda: bare_select(path, whole=False)), 3)
        figures["bare_fetchall_peak_kib"] = peak_kib(lambda: bare_select(path, whole=True))
        for name in FORMATS:
            out = folder / f"export.{name}"
            export = partial(export_to_file, archive, CHAT, ExportRequest(name), out)
            seconds = timed(export)
            figures[f"{name}_s"] = round(seconds, 3)
            figures[f"{name}_vs_bare_select"] = round(seconds / figures["bare_select_s"], 1)
            figures[f"{name}_mb"] = round(out.stat().st_size / 1e6, 1)
            figures[f"{name}_peak_kib"] = peak_kib(export)
    finally:
        archive.close()
    return figures


def main() -> int:
    """Build the archives (once), measure both, print the figures; 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--small", type=int, default=5000, help="stories of the small archive")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no Reuters corpus at {DATA}", file=sys.stderr)
        return 2
    small = archive_db(args.small)
    whole = archive_db(ALL_STORIES, after=small, done=args.small)
    with tempfile.TemporaryDirectory() as tmp:
        result = {"small": measure(small, Path(tmp)), "all": measure(whole, Path(tmp))}
    growth = {
        f"{name}_peak_growth": round(
            result["all"][f"{name}_peak_kib"] / max(1, result["small"][f"{name}_peak_kib"]), 2
        )
        for name in [*FORMATS, "bare_fetchall"]
    }
    report = {**result, **growth}
    if args.json:
        print(json.dumps(report))
    else:
        for size in ("small", "all"):
            print(f"{size}: " + ", ".join(f"{k} {v}" for k, v in result[size].items()))
        print(", ".join(f"{k} {v}" for k, v in growth.items()))
    slow = any(result["all"][f"{name}_s"] > TARGET_S for name in FORMATS)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
