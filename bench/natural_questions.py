"""Natural questions on BBC News: a reference summary's sentence asked as it stands, and
whether the article it summarises is among the first five answers; ours against bare FTS5.

Run: .venv/bin/python bench/natural_questions.py [--json] [--show N]

The archive is `bench/bbc_archive.py`'s 1,000 BBC articles (imported and analysed as
`python -m bot import` does; built once into bench/.cache/). The questions are picked at run
time from ../shared/data (never stored): the development part is one summary sentence each of
150 archived articles drawn with seed 1; the held-out part one each of 150 other articles drawn
with seed 2 (it was not looked at while the ranking was tuned). A question found when the
article it came from (or a retelling of it) is among the first five articles of the answer.

Ours is the articles of the answer (the plan and ranking `briefing.questions.answer.ask`
uses, five articles a page); the baseline
is bare FTS5 over the same archive: every word of the question quoted and OR-ed, best bm25
first with the title weighted as ours.
"""

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bbc_archive import CHAT, DATA, BbcArticle, build, sample
from bench.query_quality import bare as bare_query
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import match_any
from storage import Archive

TOP = 5
PART_SIZE = 150
PARTS = (("development", 1), ("held-out", 2))
NOW = datetime(2005, 12, 31, tzinfo=UTC)


@dataclass(frozen=True)
class Question:
    """A question asked of the archive and the article ids that answer it."""

    text: str
    relevant: frozenset[int]


def pick_questions(items: list[BbcArticle], ids: dict[str, int]) -> dict[str, list[Question]]:
    """Each part's questions: one summary sentence each of articles no other part uses."""
    used: set[str] = set()
    parts: dict[str, list[Question]] = {}
    for name, seed in PARTS:
        rng = random.Random(seed)
        pool = [a for a in items if a.key not in used and a.summary and a.key in ids]
        chosen = rng.sample(pool, PART_SIZE)
        used.update(a.key for a in chosen)
        parts[name] = [Question(rng.choice(a.summary), frozenset({ids[a.key]})) for a in chosen]
    return parts


def bare(archive: Archive, text: str, top: int = TOP) -> list[set[int]]:
    """Bare FTS5: every word quoted and OR-ed, best bm25 first (title weighted as ours)."""
    return bare_query(archive, text, chat=CHAT, top=top, join=match_any)


def ours(searcher: Searcher, text: str, top: int = TOP) -> list[set[int]]:
    """The articles our answer lists first (as `ask` ranks them), each with its retellings."""
    plan = searcher.understand(CHAT, text, NOW)
    if not plan.groups and not plan.has_filters:
        return []  # `ask` lists nothing then
    ranked = searcher.rank(CHAT, plan.groups, plan.filters, top)
    return [{r.article_id, *r.retold_by} for r in ranked]


def recall(listed: list[set[int]], relevant: frozenset[int], top: int = TOP) -> float:
    """Share of the relevant articles (at most `top`) among the first `top` listed."""
    found = set().union(*listed[:top]) & relevant if listed else set()
    return len(found) / min(top, len(relevant))


def precision(listed: list[set[int]], relevant: frozenset[int], top: int = 3) -> float:
    """Share of the first `top` places holding a relevant article (an empty place counts 0)."""
    return sum(bool(ids & relevant) for ids in listed[:top]) / top


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--show", type=int, default=0, help="print this many development misses")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"BBC data not found at {DATA}", file=sys.stderr)
        return 2
    path, ids = build()
    parts = pick_questions(sample(), ids)
    archive = Archive.open(path)
    searcher = Searcher(archive)
    figures: dict[str, dict[str, float]] = {}
    for name, questions in parts.items():
        started = time.perf_counter()
        ours_found = [ours(searcher, q.text) for q in questions]
        seconds = time.perf_counter() - started
        bare_found = [bare(archive, q.text) for q in questions]
        figures[name] = {
            "questions": len(questions),
            "ours_recall_at_5": _mean(
                recall(f, q.relevant) for f, q in zip(ours_found, questions, strict=True)
            ),
            "bare_recall_at_5": _mean(
                recall(f, q.relevant) for f, q in zip(bare_found, questions, strict=True)
            ),
            "ours_ms_mean": 1000 * seconds / len(questions),
        }
        if name == "development" and args.show:
            misses = [
                q for f, q in zip(ours_found, questions, strict=True) if not recall(f, q.relevant)
            ]
            for q in misses[: args.show]:
                print(f"  miss: {q.text}")
    archive.close()
    if args.json:
        print(json.dumps(figures))
        return 0
    for name, row in figures.items():
        print(
            f"{name:12} {row['questions']:.0f} questions  recall@5 ours"
            f" {row['ours_recall_at_5']:.3f}  bare OR-ed bm25 {row['bare_recall_at_5']:.3f}"
            f"  ({row['ours_ms_mean']:.0f} ms a question)"
        )
    return 0


def _mean(values: object) -> float:
    found = list(values)  # type: ignore[call-overload]
    return sum(found) / len(found) if found else 0.0


if __name__ == "__main__":
    sys.exit(main())
