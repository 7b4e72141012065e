"""Dated events quality: are the dates events carry right, and who carries them?

    .venv/bin/python bench/events_quality.py [--errors] [--json]

Reads the Reuters-21578 stories named in `bench/events_labels.py` from
../shared/data/reuters21578 at run time (nothing of them is stored in the project), analyses
each with `analyse_many` (the story's date as publication date) and scores the events whose
sentence is a labelled one, development and held-out sets apart:

- a *dated* event is one whose date was read from its sentence (the date of some date
  expression of the sentence), not the publication date an undated clause falls back to;
- precision: of the distinct (subject, date) pairs of dated events in labelled sentences, how
  many a label confirms (same subject, same date). A pair whose subject is labelled "" (its
  clause carries no date) or not labelled at all counts as wrong;
- found: of the labelled (subject, date) pairs with a date, how many a dated event gives.

A subject matches a label when the words of one are among the words of the other, after case
folding ("Reagan" matches "Ronald Reagan"). `--errors` lists the misses and the wrong pairs.
"""

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from events_labels import DEVELOPMENT, HELD_OUT, Label

from briefing.analysis.events import Event
from briefing.analysis.pipeline import analyse_many
from briefing.questions.relative_dates import find_dates
from briefing.sentences import sentence_spans

REUTERS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"


@dataclass
class Score:
    """Counts of one labelled set, and the errors behind them."""

    pairs: int = 0
    right: int = 0
    labelled: int = 0
    found: int = 0
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        """The counts and their ratios."""
        return {
            "dated_pairs": self.pairs,
            "right": self.right,
            "precision": round(self.right / self.pairs, 3) if self.pairs else 0.0,
            "labelled": self.labelled,
            "found": self.found,
            "found_share": round(self.found / self.labelled, 3) if self.labelled else 0.0,
        }


def stories(labels: Iterable[Label]) -> dict[tuple[str, int], dict[str, str]]:
    """The labelled stories by (file, newid), the newswire sign-off removed from the body."""
    wanted = {(file, newid) for file, newid, *_ in labels}
    found: dict[tuple[str, int], dict[str, str]] = {}
    for file in sorted({file for file, _ in wanted}):
        with (REUTERS / file).open(encoding="utf-8") as handle:
            for line in handle:
                story = json.loads(line)
                if (file, story["newid"]) in wanted:
                    story["body"] = re.sub(r"\s*\bREUTER\b\s*$", "", story["body"])
                    found[(file, story["newid"])] = story
    return found


def _words(name: str) -> set[str]:
    return set(re.findall(r"[\w'-]+", name.casefold()))


def same_subject(found: str, labelled: str) -> bool:
    """Whether a found subject is one of the label's alternative names (see the docstring)."""
    got = _words(found)
    return any(
        bool(got) and (got <= _words(name) or _words(name) <= got) for name in labelled.split("|")
    )


def _sentence_range(normal: str, text: str) -> tuple[int, int] | None:
    at = normal.find(text)
    return (at, at + len(text)) if at >= 0 else None


def _stated(sentence: str, value: str, published: date) -> bool:
    """Whether a date is one a date expression of the sentence gives (past or future)."""
    mentions = find_dates(sentence, published) + find_dates(sentence, published, True)
    return any(m.value == value for m in mentions)


def dated_pairs(story: dict[str, str], events: list[Event], sentence: int) -> set[tuple[str, str]]:
    """(subject, date) of the dated events of a story whose sentence overlaps the labelled one."""
    body, published = story["body"], date.fromisoformat(story["date"][:10])
    normal = " ".join(body.split())
    start, end = sentence_spans(body)[sentence]
    wanted = _sentence_range(normal, " ".join(body[start:end].split()))
    if wanted is None:
        return set()
    pairs: set[tuple[str, str]] = set()
    for event in events:
        span = _sentence_range(normal, event.sentence)
        overlaps = span is not None and span[0] < wanted[1] and wanted[0] < span[1]
        if overlaps and event.date and _stated(event.sentence, event.date, published):
            pairs.add((event.subject, event.date))
    return pairs


Analysed = dict[tuple[str, int], tuple[dict[str, str], list[Event]]]


def score(labels: list[Label], analysed: Analysed) -> Score:
    """Precision and found share of one labelled set (see the module docstring)."""
    by_sentence: dict[tuple[str, int, int], list[tuple[str, str]]] = defaultdict(list)
    for file, newid, sentence, subject, day in labels:
        by_sentence[(file, newid, sentence)].append((subject, day))
    result = Score()
    for (file, newid, sentence), wanted in by_sentence.items():
        story, events = analysed[(file, newid)]
        pairs = dated_pairs(story, events, sentence)
        where = f"{newid}[{sentence}]"
        for subject, day in sorted(pairs):
            result.pairs += 1
            if any(same_subject(subject, s) and day == d and d for s, d in wanted):
                result.right += 1
            else:
                result.errors.append(f"wrong  {where}: {subject} {day}")
        for subject, day in wanted:
            if not day:
                continue
            result.labelled += 1
            if any(same_subject(s, subject) and d == day for s, d in pairs):
                result.found += 1
            else:
                result.errors.append(f"missed {where}: {subject} {day}")
    return result


def run() -> dict[str, Score]:
    """Analyse the labelled stories and score both sets."""
    found = stories(DEVELOPMENT + HELD_OUT)
    keys = sorted(found)
    items = [(found[k]["title"] or "", found[k]["body"], found[k]["date"]) for k in keys]
    analysed = {
        k: (found[k], analysis.events)
        for k, analysis in zip(keys, analyse_many(items), strict=True)
    }
    return {"development": score(DEVELOPMENT, analysed), "held_out": score(HELD_OUT, analysed)}


def main() -> None:
    """Print the figures of both sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list misses and wrong pairs")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not REUTERS.is_dir():
        sys.exit(f"Reuters data not found at {REUTERS}; nothing to measure.")
    scores = run()
    if args.json:
        print(json.dumps({name: s.figures() for name, s in scores.items()}))
        return
    for name, result in scores.items():
        f = result.figures()
        print(
            f"{name:12} precision {f['right']}/{f['dated_pairs']} = {f['precision']:.2f};"
            f" found {f['found']}/{f['labelled']} = {f['found_share']:.2f}"
        )
        if args.errors:
            for error in result.errors:
                print("   ", error)


if __name__ == "__main__":
    main()
