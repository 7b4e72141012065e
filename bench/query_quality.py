"""Question quality on held-out news: entity-name queries over archived Reuters stories,
half of them with a typo, for our question path against a bare FTS5 query in the same run.

Run: .venv/bin/python bench/query_quality.py [--limit N] [--db PATH] [--seed S]

The archive holds the first N Reuters-21578 stories that have a body, imported and analysed
as `python -m bot import` does it (../shared/data is read at run time, never copied). The
queries are the collection's own people, organisation and place tags written as names
("james-baker" -> "James Baker", "opec" -> "OPEC"), kept when the name occurs in the text of
the stories tagged with it. The relevant articles of a query are the archived stories carrying
its tag whose text names it. Every name with a word of four letters or more is asked twice:
as written, and with one typo (a letter dropped, doubled, replaced or swapped with its
neighbour, never the first) in its longest word.

Recall@10 is the share of relevant articles in the top ten (out of at most ten), MRR the mean
reciprocal rank of the first relevant article (0 when none is in the top ten). A retold story
counts as found when any of its outlets is listed.
"""

import argparse
import random
import re
import string
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.reuters_archive import CHAT, DATA, Story, build, stories
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import match_all
from storage import Archive

TOP = 10
UPPER_ORGS = True  # organisation tags are acronyms ("imf" -> "IMF")


@dataclass(frozen=True)
class Query:
    """One evaluation query: the text asked, whether it has a typo, the relevant article ids."""

    text: str
    typo: bool
    relevant: frozenset[int]


def tag_name(field: str, tag: str) -> str:
    """How a tag's entity is written in news text."""
    if field == "orgs" and UPPER_ORGS and "-" not in tag:
        return tag.upper()
    return " ".join(part.capitalize() for part in tag.split("-"))


def _names_it(text: str, name: str) -> bool:
    pattern = r"\b" + r"[\s-]+".join(re.escape(w) for w in name.split()) + r"\b"
    return re.search(pattern, text, re.IGNORECASE) is not None


def typo(name: str, rng: random.Random) -> str | None:
    """The name with one typo in its longest word (four letters or more), or None."""
    words = name.split()
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    if len(word) < 4 or not word.isalpha():
        return None
    position = rng.randrange(1, len(word))
    kind = rng.choice(["drop", "double", "replace", "swap"])
    letters = string.ascii_lowercase
    if kind == "drop":
        changed = word[:position] + word[position + 1 :]
    elif kind == "double":
        changed = word[:position] + word[position] + word[position:]
    elif kind == "replace":
        other = rng.choice([c for c in letters if c != word[position].lower()])
        other = other.upper() if word[position].isupper() else other
        changed = word[:position] + other + word[position + 1 :]
    else:
        position = min(position, len(word) - 2)
        if word[position] == word[position + 1]:
            position = 0 if position > 1 else len(word) - 2
        changed = word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if changed.casefold() == word.casefold():
        return None
    words[index] = changed
    return " ".join(words)


def make_queries(items: list[Story], ids: dict[int, int], seed: int) -> list[Query]:
    """Entity-name queries, each exact and with a typo, with their relevant articles."""
    tagged: dict[tuple[str, str], set[int]] = {}
    texts = {s.newid: f"{s.record['title']}\n{s.record['body']}" for s in items}
    for story in items:
        for field, tags in story.tags.items():
            for tag in tags:
                tagged.setdefault((field, tag), set()).add(story.newid)
    rng = random.Random(seed)
    queries: list[Query] = []
    for (field, tag), newids in sorted(tagged.items()):
        name = tag_name(field, tag)
        relevant = frozenset(ids[n] for n in newids if n in ids and _names_it(texts[n], name))
        if not relevant:
            continue
        misspelt = typo(name, rng)
        if misspelt is None:
            continue
        queries.append(Query(name, False, relevant))
        queries.append(Query(misspelt, True, relevant))
    return queries


def ours(searcher: Searcher, text: str, now: datetime) -> list[set[int]]:
    """Our ranking: each listed story as the set of its outlets' article ids."""
    plan = searcher.understand(CHAT, text, now)
    ranked = searcher.rank(CHAT, plan.groups, plan.filters, TOP)
    return [{r.article_id, *r.retold_by} for r in ranked]


def bare(
    archive: Archive,
    text: str,
    *,
    chat: int = CHAT,
    top: int = TOP,
    join: Callable[[Sequence[str]], str] = match_all,
) -> list[set[int]]:
    """A bare FTS5 query of the words (quoted; all of them, or as `join` combines them), best
    bm25 first, title weighted as ours."""
    words = re.findall(r"[^\W_]+", text)
    if not words:
        return []
    rows = archive.database.query(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND a.chat_id = ? ORDER BY bm25(articles_fts, 5.0, 1.0)"
        " LIMIT ?",
        (join(words), chat, top),
    )
    return [{r[0]} for r in rows]


def score(listed: list[set[int]], relevant: frozenset[int]) -> tuple[float, float]:
    """(recall@10, reciprocal rank) of one ranked list."""
    found: set[int] = set()
    first = 0.0
    for rank, ids in enumerate(listed[:TOP], start=1):
        hit = ids & relevant
        if hit and not first:
            first = 1.0 / rank
        found |= hit
    return len(found) / min(TOP, len(relevant)), first


def report(name: str, results: list[tuple[Query, float, float]]) -> None:
    """Print recall@10 overall / exact / typo and MRR."""

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    exact = [r for q, r, _ in results if not q.typo]
    typos = [r for q, r, _ in results if q.typo]
    print(
        f"{name:10} recall@10 {mean([r for _, r, _ in results]):6.1%}"
        f"  no typo {mean(exact):6.1%}  typo {mean(typos):6.1%}"
        f"  MRR {mean([m for _, _, m in results]):.3f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=3000, help="stories archived")
    parser.add_argument("--db", type=Path, help="keep (and reuse) the archive here")
    parser.add_argument("--seed", type=int, default=21578, help="seed of the typos")
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "quality.db"
        ids = build(path, args.limit)
        items = list(stories(args.limit))
        queries = make_queries(items, ids, args.seed)
        archive = Archive.open(path)
        searcher = Searcher(archive)
        now = datetime.now(UTC)
        started = time.perf_counter()
        ours_results = []
        bare_results = []
        misses = []
        for query in queries:
            recall, rr = score(ours(searcher, query.text, now), query.relevant)
            ours_results.append((query, recall, rr))
            bare_results.append((query, *score(bare(archive, query.text), query.relevant)))
            if recall < 1.0:
                misses.append((recall, query))
        seconds = time.perf_counter() - started
        archive.close()
    typo_count = sum(q.typo for q in queries)
    print(
        f"archive: {len(ids)} stories; queries: {len(queries)}"
        f" ({len(queries) - typo_count} exact, {typo_count} with a typo)"
        f"; {seconds:.1f} s for both paths"
    )
    report("ours", ours_results)
    report("bare FTS5", bare_results)
    for recall, query in sorted(misses, key=lambda m: m[0])[: args.show]:
        print(f"  miss {recall:.2f} {query.text!r} ({len(query.relevant)} relevant)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
