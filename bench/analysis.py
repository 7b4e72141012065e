"""Speed and memory of the whole analysis (actors, quotes, events) against bare spaCy.

    .venv/bin/python bench/analysis.py [--stories N] [--batch-size B] [--rounds R]

Reads N Reuters-21578 stories from ../shared/data/reuters21578, runs `analyse_many` over them
and then the bare small English pipeline (as shipped, same batch size) over the same texts,
R rounds each, alternating, keeping each side's fastest round. Prints words per second for
both, the ratio of our time to bare spaCy's (target: at most 1.3), and the peak resident
memory of this process after our analysis ran and before the bare model was loaded (target:
under 500 MB), plus the final peak with both models loaded.
"""

import argparse
import json
import re
import resource
import sys
import time
from pathlib import Path

import spacy

from briefing.analysis.nlp import MODEL_PACKAGES, load_pipeline
from briefing.analysis.pipeline import analyse_many

REUTERS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"


def stories(limit: int) -> list[tuple[str, str, str | None]]:
    """(title, body, date) of the first stories with a body, newswire sign-off removed."""
    found: list[tuple[str, str, str | None]] = []
    for path in sorted(REUTERS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                story = json.loads(line)
                if story.get("body"):
                    body = re.sub(r"\s*\bREUTER\b\s*$", "", story["body"])
                    found.append((story.get("title") or "", body, story.get("date")))
                    if len(found) >= limit:
                        return found
    return found


def peak_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def time_ours(items: list[tuple[str, str, str | None]], batch_size: int) -> tuple[float, int]:
    """Seconds for the whole analysis, and the number of events found (so nothing is lazy)."""
    start = time.perf_counter()
    events = sum(len(a.events) for a in analyse_many(items, batch_size=batch_size))
    return time.perf_counter() - start, events


def time_bare(nlp: object, texts: list[str], batch_size: int) -> float:
    """Seconds for the bare pipeline over the same texts."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):  # type: ignore[attr-defined]
        pass
    return time.perf_counter() - start


def bare_model() -> object:
    """The small English model as shipped."""
    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package)
        except OSError:
            continue
    sys.exit(f"No spaCy model installed (tried {', '.join(MODEL_PACKAGES)}).")


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if not REUTERS.is_dir():
        sys.exit(f"Reuters data not found at {REUTERS}; nothing to measure.")
    items = stories(args.stories)
    texts = [f"{title}\n\n{body}" if title else body for title, body, _ in items]
    words = sum(len(text.split()) for text in texts)
    load_pipeline()
    time_ours(items[:20], args.batch_size)  # warm up
    ours_times = [time_ours(items, args.batch_size)[0]]
    our_peak = peak_mb()
    nlp = bare_model()
    time_bare(nlp, texts[:20], args.batch_size)
    bare_times = [time_bare(nlp, texts, args.batch_size)]
    for _ in range(args.rounds - 1):
        ours_times.append(time_ours(items, args.batch_size)[0])
        bare_times.append(time_bare(nlp, texts, args.batch_size))
    ours, bare = min(ours_times), min(bare_times)
    print(f"{len(items)} Reuters stories, {words} words, batch size {args.batch_size}")
    print(f"  bare spaCy pipeline   {words / bare:8.0f} words/s  ({bare:.2f} s)")
    print(f"  whole analysis (ours) {words / ours:8.0f} words/s  ({ours:.2f} s)")
    print(f"  ratio ours/bare time: {ours / bare:.2f} (target <= 1.3)")
    print(f"  peak RSS with our pipeline loaded and run: {our_peak:.0f} MB (target < 500 MB)")
    print(f"  peak RSS at the end, both models loaded:   {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
