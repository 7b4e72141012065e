"""Benchmark of "same story": labelled pairs of BBC articles, the earlier rule against the new.

Run from the project root (the corpus must be at ../shared/data/bbc-news-summary, read at run
time, never copied):

    .venv/bin/python bench/story_grouping.py [--part dev|heldout|both] [--show]

The labels (`bench/story_grouping_labels.json`) are pairs of article ids, each "same" (one
event told twice: the same news, even in other words) or "different" (another event, often
about the same actors: the next day of a trial, a takeover's next step). The pairs were drawn
from articles of one category sharing at least two of their main names (most at random, some
among those with very alike names or titles, where same-event pairs are), labelled by reading
their titles and leads, and split in halves by a hash of the ids before either rule was run:
`dev` was used to set the thresholds of `briefing.ingest.dedup.same_event`, `heldout` never.
BBC has few stories told twice, so positives are few: the figures are rough.

Reported for each part: precision and recall of "same story" for the earlier rule
(`near_duplicate`: shared text, or names and titles alike) and for the new `same_story`
(shared text, or `same_event`). Exit status 2 without the data.
"""

import argparse
import json
import sys
from pathlib import Path

from briefing.ingest.dedup import Signature, near_duplicate, same_story, signature

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc-news-summary"
LABELS = Path(__file__).resolve().parent / "story_grouping_labels.json"


def _articles(ids: set[str]) -> dict[str, tuple[str, Signature]]:
    """Title and signature of each labelled article, read from the corpus."""
    found: dict[str, tuple[str, Signature]] = {}
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record["id"] in ids:
                    title = record["title"]
                    found[record["id"]] = (title, signature(title, record["article"]))
    return found


def _scores(predicted: list[bool], truth: list[bool]) -> dict[str, float | int]:
    tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
    fp = sum(p and not t for p, t in zip(predicted, truth, strict=True))
    fn = sum(t and not p for p, t in zip(predicted, truth, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 2),
            "recall": round(recall, 2)}  # fmt: skip


def main() -> int:
    """Print precision and recall of the earlier and the new rule on each part."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "heldout", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="print the pairs judged wrongly")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no corpus at {DATA}", file=sys.stderr)
        return 2
    labels: dict[str, list[list[str]]] = json.loads(LABELS.read_text(encoding="utf-8"))
    parts = ["dev", "heldout"] if args.part == "both" else [args.part]
    articles = _articles({i for part in parts for a, b, _ in labels[part] for i in (a, b)})
    for part in parts:
        pairs = [(a, b, label == "same") for a, b, label in labels[part]]
        truth = [same for _, _, same in pairs]
        for name, rule in (("earlier", near_duplicate), ("new", same_story)):
            predicted = [rule(*articles[a], *articles[b]) for a, b, _ in pairs]
            print(f"{part:8} {name:8} pairs={len(pairs)} same={sum(truth)}",
                  _scores(predicted, truth))  # fmt: skip
            for (a, b, same), said in zip(pairs, predicted, strict=True):
                if args.show and said != same:
                    print(f"    {'missed' if same else 'joined'}: {a} {articles[a][0]!r}"
                          f" | {b} {articles[b][0]!r}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
