"""Questions while another process imports: the same 150 questions in quiet and during an import.

Run from the project root (the shared data must be at ../shared/data/reuters21578):

    .venv/bin/python bench/query_while_importing.py [--articles 21000] [--questions 150] [--json]

The archive is a copy of the scaled Reuters archive of `bench/query.py --articles N` (built
once, kept in bench/.cache/). The questions are a mix of the exact, typo, natural and event
sets of `bench/query.py`, each asked once beforehand so the caches are warm, as in a running
bot, and `--pace-ms` apart (untimed), so they span several of the import's commits. They are
timed once in quiet, then again while `python -m bot import` runs in another process on the
same database, importing Reuters stories the archive does not hold (new
articles, actors, aliases, quotes and events: every write the caches must follow). The import
has begun storing before the first question and is still running after the last.

Target (issue 17): the questions during the import take at most 2x their time in quiet.
Prints the totals, the p95 of each and the ratio; exit status 1 if the target is missed.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.query import newest_day, p95, question_sets
from bench.reuters_archive import CHAT, DATA, stories
from bench.scaled_archive import scaled_db
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from storage import Archive

ROOT = Path(__file__).resolve().parents[1]
ORIGINALS = 2000  # stories analysed in the scaled archive; the import takes the next ones


def articles_in(archive: Archive) -> int:
    """How many articles the chat holds now (the importer commits as it goes)."""
    return int(
        archive.database.query("SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,))[0][0]
    )


def timed(searcher: Searcher, questions: list[str], now: object, pace: float = 0.0) -> list[float]:
    """Milliseconds of each question; `pace` seconds pass between questions (not timed), so
    that they are spread over the import, as a chat's questions are."""
    times: list[float] = []
    for question in questions:
        time.sleep(pace)
        start = time.perf_counter()
        ask(searcher, CHAT, question, now)  # type: ignore[arg-type]
        times.append((time.perf_counter() - start) * 1000)
    return times


def start_import(database: Path, source: Path) -> subprocess.Popen[bytes]:
    """`python -m bot import` of `source` into `database`, in its own process."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": "", "BRIEFING_DB": str(database)}
    command = [sys.executable, "-m", "bot", "import", "--db", str(database)]
    command += ["--chat", str(CHAT), str(source)]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=21000, help="archive size")
    parser.add_argument("--questions", type=int, default=150, help="questions asked")
    parser.add_argument("--stories", type=int, default=1500, help="stories the import brings")
    parser.add_argument("--seed", type=int, default=1987)
    parser.add_argument("--pace-ms", type=int, default=50, help="pause between questions")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    cached = scaled_db(args.articles, ORIGINALS)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = folder / "archive.db"
        shutil.copy(cached, database)
        source = folder / "new.jsonl"
        fresh = list(stories(ORIGINALS + args.stories))[ORIGINALS:]
        source.write_text("".join(json.dumps(s.record) + "\n" for s in fresh), encoding="utf-8")
        archive = Archive.open(database)
        try:
            return measure(archive, database, source, args)
        finally:
            archive.close()


def measure(archive: Archive, database: Path, source: Path, args: argparse.Namespace) -> int:
    """Time the questions in quiet and during the import; print the figures."""
    searcher = Searcher(archive)
    now = newest_day(archive)
    sets = question_sets(archive, args.questions, args.seed)
    mixed = [q for name in ("exact", "typo", "natural", "events") for q in sets[name]]
    questions = mixed[:: max(1, len(mixed) // args.questions)][: args.questions]
    timed(searcher, questions, now)  # warm, as in a running bot
    pace = args.pace_ms / 1000
    quiet = timed(searcher, questions, now, pace)
    before = articles_in(archive)
    importer = start_import(database, source)
    try:
        while articles_in(archive) == before:  # the model is loaded, the writes have begun
            if importer.poll() is not None:
                print("the import ended before storing anything", file=sys.stderr)
                return 2
            time.sleep(0.05)
        busy = timed(searcher, questions, now, pace)
        still_running = importer.poll() is None
        imported_during = articles_in(archive) - before
    finally:
        importer.terminate()
        importer.wait()
    ratio = sum(busy) / sum(quiet)
    figures = {
        "articles": before,
        "questions": len(questions),
        "quiet_total_s": round(sum(quiet) / 1000, 3),
        "importing_total_s": round(sum(busy) / 1000, 3),
        "ratio": round(ratio, 2),
        "quiet_p95_ms": round(p95(quiet), 2),
        "importing_p95_ms": round(p95(busy), 2),
        "quiet_median_ms": round(statistics.median(quiet), 2),
        "importing_median_ms": round(statistics.median(busy), 2),
        "imported_while_asking": imported_during,
        "import_still_running_at_end": still_running,
    }
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:28} {value}")
    return 0 if ratio <= 2 and still_running else 1


if __name__ == "__main__":
    sys.exit(main())
