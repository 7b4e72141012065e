"""Benchmark the digest summarizer against Lead-k on the BBC News Summary corpus.

Usage: python bench/summarize.py [--split] [--ratio R] [--tune]

Reads ../shared/data/bbc-news-summary/*.jsonl at run time (`title`, `article`, and
`summary_raw`, the reference extract). Scores are ROUGE-1, ROUGE-2 and ROUGE-L F1 in percent,
computed here: lower-cased alphanumeric word tokens with no stemming (no Porter), ROUGE-N with
clipped n-gram counts, ROUGE-L at summary level (each reference sentence takes the union of its
longest common subsequences with the candidate sentences, as ROUGE-Lsum does). Published Lead-3
on this set: 44.6 / 36.0 / 43.5.

Two lengths are compared: a fixed 3 sentences (the digest's setting) and a fixed fraction of
each article's sentences (`--ratio`, about the references' share). `--split` reports the tune
and held-out halves (a fixed hash of each id); `--tune` grid-searches the weights on the tune
half and reports them on both halves.
"""

import argparse
import hashlib
import itertools
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing.digests.summaries import (
    DEFAULT_WEIGHTS,
    Analysis,
    Weights,
    analyse,
    select,
    summarize_many,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc-news-summary"
PUBLISHED_LEAD3 = (44.6, 36.0, 43.5)

_TOKEN_RE = re.compile(r"[a-z0-9]+")
# The reference extracts are sentences glued without a space ("...$10.9bn.For the year").
_GLUED_RE = re.compile(r"(?<=[a-z0-9%)][.!?])(?=[A-Z\"“‘'])|(?<=[.!?][\"”’'])(?=[A-Z\"“‘])")

Tokens = list[str]
Scores = tuple[float, float, float]


@dataclass(frozen=True)
class Item:
    """One corpus article, measured once: its analysis and the tokenised reference."""

    id: str
    title: str
    article: str
    analysis: Analysis
    reference: list[Tokens]


def tokens(text: str) -> Tokens:
    """Lower-cased alphanumeric words, no stemming."""
    return _TOKEN_RE.findall(text.lower())


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: Tokens, reference: Tokens, n: int) -> float:
    """ROUGE-N F1 with clipped n-gram counts."""
    cand = Counter(zip(*(candidate[i:] for i in range(n)), strict=False))
    ref = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    return _f1(sum((cand & ref).values()), sum(cand.values()), sum(ref.values()))


def _lcs_hits(reference: Tokens, candidate: Tokens) -> set[int]:
    """Positions in `reference` of one longest common subsequence with `candidate`.

    Bit-parallel LCS (Allison-Dix, Hyyro): row i of the table is one integer whose zero bits
    below j count LCS(reference[:i], candidate[:j]); walking back through the rows finds a path.
    """
    masks: dict[str, int] = {}
    for j, word in enumerate(candidate):
        masks[word] = masks.get(word, 0) | 1 << j
    full = (1 << len(candidate)) - 1
    rows = [full]
    for word in reference:
        row = rows[-1]
        matched = row & masks.get(word, 0)
        rows.append(((row + matched) | (row - matched)) & full)

    def length(i: int, j: int) -> int:
        return j - (rows[i] & ((1 << j) - 1)).bit_count()

    hits: set[int] = set()
    i, j = len(reference), len(candidate)
    while i and j:
        if reference[i - 1] == candidate[j - 1]:
            hits.add(i - 1)
            i, j = i - 1, j - 1
        elif length(i - 1, j) >= length(i, j - 1):
            i -= 1
        else:
            j -= 1
    return hits


def rouge_l(candidate: list[Tokens], reference: list[Tokens]) -> float:
    """Summary-level ROUGE-L F1: union LCS per reference sentence, counts clipped per word."""
    left_ref = Counter(w for sentence in reference for w in sentence)
    left_cand = Counter(w for sentence in candidate for w in sentence)
    overlap = 0
    for sentence in reference:
        union: set[int] = set()
        words = set(sentence)
        for other in candidate:
            if other == sentence:
                union = set(range(len(sentence)))  # the same sentence: every word is a hit
                break
            if words.intersection(other):
                union |= _lcs_hits(sentence, other)
        for word in (sentence[i] for i in sorted(union)):
            if left_ref[word] and left_cand[word]:
                overlap += 1
                left_ref[word] -= 1
                left_cand[word] -= 1
    return _f1(overlap, sum(map(len, candidate)), sum(map(len, reference)))


def rouge(candidate: Sequence[str], reference: list[Tokens]) -> Scores:
    """ROUGE-1, -2 and -L F1 (fractions) of candidate sentences against reference sentences."""
    cand = [tokens(s) for s in candidate]
    flat_cand = [w for s in cand for w in s]
    flat_ref = [w for s in reference for w in s]
    return (
        rouge_n(flat_cand, flat_ref, 1),
        rouge_n(flat_cand, flat_ref, 2),
        rouge_l(cand, reference),
    )


def load(directory: Path) -> list[Item]:
    """Every article of the corpus, analysed once; the title is passed apart from the body."""
    files = sorted(directory.glob("*.jsonl"))
    if not files:
        sys.exit(f"bench/summarize.py: no corpus at {directory} (expected *.jsonl files there)")
    items = []
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                row = json.loads(line)
                reference = [tokens(s) for s in _GLUED_RE.split(row["summary_raw"])]
                analysis = analyse(row["title"], row["article"])
                items.append(
                    Item(
                        row["id"],
                        row["title"],
                        row["article"],
                        analysis,
                        [r for r in reference if r],
                    )
                )
    return items


def half(item: Item) -> str:
    """A fixed split by a hash of the id: 'tune' or 'held-out'."""
    return "tune" if hashlib.sha1(item.id.encode()).digest()[0] % 2 == 0 else "held-out"


Picker = Callable[[Item], list[str]]


def lead(count: Callable[[Item], int]) -> Picker:
    """Lead-k: the first k sentences (a leading copy of the title already dropped)."""
    return lambda item: item.analysis.sentences[: count(item)]


def ours(count: Callable[[Item], int], weights: Weights = DEFAULT_WEIGHTS) -> Picker:
    """Our summarizer with k sentences."""

    def pick(item: Item) -> list[str]:
        return [item.analysis.sentences[i] for i in select(item.analysis, count(item), weights)]

    return pick


def evaluate(items: Iterable[Item], picker: Picker) -> Scores:
    """Mean ROUGE-1/2/L F1 in percent."""
    totals, n = [0.0, 0.0, 0.0], 0
    for item in items:
        for k, value in enumerate(rouge(picker(item), item.reference)):
            totals[k] += value
        n += 1
    return (100 * totals[0] / n, 100 * totals[1] / n, 100 * totals[2] / n) if n else (0, 0, 0)


def fixed(k: int) -> Callable[[Item], int]:
    """k sentences for every article."""
    return lambda item: k


def proportional(ratio: float) -> Callable[[Item], int]:
    """A fixed share of each article's sentences (at least one), the same for Lead and ours."""
    return lambda item: max(1, round(ratio * len(item.analysis.sentences)))


def _row(name: str, scores: Scores, baseline: Scores | None = None) -> str:
    cells = " ".join(f"{s:6.1f}" for s in scores)
    if baseline is None:
        return f"  {name:<28}{cells}"
    delta = " ".join(f"{s - b:+6.1f}" for s, b in zip(scores, baseline, strict=True))
    return f"  {name:<28}{cells}   vs Lead: {delta}"


def report(groups: dict[str, list[Item]], ratio: float, weights: Weights) -> None:
    """Print Lead-k and ours, at 3 sentences and at the given ratio, for each group."""
    print(f"{'':30}{'R-1':>6} {'R-2':>6} {'R-L':>6}")
    for name, items in groups.items():
        print(f"{name} ({len(items)} articles)")
        for label, count in (
            ("3 sentences", fixed(3)),
            (f"{ratio:.0%} of sentences", proportional(ratio)),
        ):
            base = evaluate(items, lead(count))
            print(_row(f"Lead, {label}", base))
            print(_row(f"ours, {label}", evaluate(items, ours(count, weights)), base))


def tune(items: list[Item], count: Callable[[Item], int]) -> Weights:
    """Grid-search a few weights on `items` for the best mean of ROUGE-1/2/L."""
    grid: dict[str, tuple[Any, ...]] = {
        "position": (0.0, 0.15, 0.3),
        "position_decay": (0.5, 1.0),
        "title": (0.15, 0.3, 0.45),
        "short_words": (8, 10),
        "redundancy": (0.5, 1.0),
    }
    best, best_score = DEFAULT_WEIGHTS, -1.0
    for values in itertools.product(*grid.values()):
        weights = replace(DEFAULT_WEIGHTS, **dict(zip(grid, values, strict=True)))
        score = sum(evaluate(items, ours(count, weights))) / 3
        if score > best_score:
            best, best_score = weights, score
    return best


def speed(items: list[Item], repeat: int = 1) -> float:
    """Articles per second for summarize_many at 3 sentences (splitting included)."""
    start = time.perf_counter()
    for _ in range(repeat):
        summarize_many(((item.title, item.article) for item in items), 3)
    return repeat * len(items) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--split", action="store_true", help="report tune and held-out halves")
    parser.add_argument(
        "--ratio", type=float, default=0.4, help="share of sentences for the second comparison"
    )
    parser.add_argument("--tune", action="store_true", help="grid-search weights on the tune half")
    args = parser.parse_args(argv)
    items = load(DATA)
    groups = {"all": items}
    if args.split or args.tune:
        groups["tune"] = [i for i in items if half(i) == "tune"]
        groups["held-out"] = [i for i in items if half(i) == "held-out"]
    weights = DEFAULT_WEIGHTS
    if args.tune:
        weights = tune(groups["tune"], fixed(3))
        print(f"tuned on the tune half (3 sentences): {weights}")
    print(
        f"BBC News Summary, ROUGE F1 %, plain tokens (no stemming); published Lead-3 "
        f"{'/'.join(map(str, PUBLISHED_LEAD3))}"
    )
    report(groups, args.ratio, weights)
    rate = speed(items)
    print(f"speed: {rate:.0f} articles/s with summarize_many at 3 sentences, splitting included")
    print(f"       ({500 / rate:.2f} s for a day of 500 articles)")


if __name__ == "__main__":
    main()
