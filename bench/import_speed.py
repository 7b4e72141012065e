"""Import speed: `python -m bot import` of Reuters stories against bare spaCy plus a bare insert.

Run from the project root (the shared data must be at ../shared/data/reuters21578):

    .venv/bin/python bench/import_speed.py [--stories 300] [--base 2000] [--json]

Three figures, in one process, with the language model loaded once before any timing:

- baseline: the same stories parsed by bare spaCy (`nlp.pipe` of the same pipeline, one
  process) plus a bare sqlite-utils insert into an FTS5-indexed table;
- empty: the project's import path (`briefing.ingest.bulk.run_import`, what the command line
  runs: read the JSON lines, deduplicate, store, FTS, analyse, resolve and store actors, quotes
  and events) into an empty archive;
- grown: the same stories imported into an archive that already holds `--base` other analysed
  stories (built once and kept in bench/.cache/; each run works on a copy).

Targets (issue 17): empty at most 1.5x the baseline; grown at most 1.3x empty. Exit status 1
if one is missed.
"""

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest import bare_insert
from reuters_archive import DATA, build, stories

from briefing.analysis.nlp import article_text, load_pipeline
from briefing.ingest.bulk import run_import
from briefing.ingest.fetch import FetchPolicy
from storage import Archive

CACHE = Path(__file__).resolve().parent / ".cache"
CHAT = 0


def bare_spacy(records: list[dict[str, object]]) -> float:
    """Seconds for bare spaCy over the stories' text, as the import parses it."""
    nlp = load_pipeline()
    texts = [article_text(str(r["title"]), str(r["body"]))[0] for r in records]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def timed_import(database: Path, source: Path) -> tuple[float, dict[str, int]]:
    """Seconds for the command line's import of `source` into `database`, and its outcomes."""
    archive = Archive.open(database)
    counts: dict[str, int] = {}

    async def drain() -> None:
        async for result in run_import(archive, CHAT, [str(source)], FetchPolicy()):
            counts[result.status] = counts.get(result.status, 0) + 1

    start = time.perf_counter()
    try:
        asyncio.run(drain())
    finally:
        archive.close()
    return time.perf_counter() - start, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=300, help="stories to import")
    parser.add_argument("--base", type=int, default=2000, help="stories already archived")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    every = list(stories(args.base + args.stories))
    records = [s.record for s in every[args.base :]]
    CACHE.mkdir(exist_ok=True)
    base_db = CACHE / f"import-base-{args.base}.db"
    build(base_db, args.base)
    load_pipeline()  # the model's load is not part of any figure
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "stories.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        parse = bare_spacy(records)
        columns = ("title", "body", "date", "source")
        insert = bare_insert([{k: r[k] for k in columns} for r in records], folder)
        empty, counts = timed_import(folder / "empty.db", source)
        shutil.copy(base_db, folder / "grown.db")
        grown, grown_counts = timed_import(folder / "grown.db", source)
    baseline = parse + insert
    result = {
        "stories": len(records),
        "base_articles": args.base,
        "baseline_s": round(baseline, 2),
        "bare_spacy_s": round(parse, 2),
        "bare_insert_s": round(insert, 2),
        "empty_s": round(empty, 2),
        "grown_s": round(grown, 2),
        "empty_vs_baseline": round(empty / baseline, 2),
        "grown_vs_empty": round(grown / empty, 2),
        "stories_per_s": round(len(records) / empty, 1),
        "outcomes": counts,
        "outcomes_grown": grown_counts,
    }
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    missed = result["empty_vs_baseline"] > 1.5 or result["grown_vs_empty"] > 1.3
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
