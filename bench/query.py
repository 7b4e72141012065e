"""Question speed on an archive of Reuters stories: `ask` against a bare FTS5 query, same run.

Run: .venv/bin/python bench/query.py [--limit N] [--db PATH] [--queries N]

The archive holds the first N Reuters-21578 stories with a body (0: all of them), imported
and analysed as `python -m bot import` does it; `--db` keeps it for later runs. Three sets of
questions are timed through the whole answer (understanding, ranking, best sentences, quotes
and events; not the Telegram formatting):
  exact    - one or two words from the stories' titles, and actor names as written
  typo     - the same actor names and title words with one typo
  natural  - questions in sentences: "what did X say about Y", "what happened in X last
             month", "news about X from Reuters", "X since March 1987", ...
The baseline is a bare FTS5 query of the exact words (quoted, bm25 with the title weighted,
scoped to the chat, top five ids) on the same database, timed right after ours on each question;
for context the same query with FTS5's snippet() (the keyword search this bot had before) is
timed too. Each question is asked once before the
timed runs, so caches are warm, as in a running bot; the first question after a start (which
loads the chat's actor names) is reported on its own.
"""

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.query_quality import typo
from bench.reuters_archive import CHAT, DATA, build
from briefing.answer import ask
from briefing.query import STOPWORDS, match_all
from briefing.ranking import Searcher
from storage import Archive

NOW = datetime(1987, 10, 20, 12, tzinfo=UTC)
TEMPLATES = (
    "what did {person} say about {word}",
    "what happened in {place} last month",
    "news about {org} from Reuters",
    "{person} {word} since March 1987",
    "tell me about {place} and {word}",
    "when did {place} {word}",
    "quotes by {person}",
    "{word} between 1 and 15 March 1987",
)


def title_words(archive: Archive, rng: random.Random, count: int) -> list[str]:
    """Words of four letters or more from the archive's titles, in lower case."""
    rows = archive.database.query(
        "SELECT title FROM articles WHERE chat_id = ? ORDER BY random() LIMIT 2000", (CHAT,)
    )
    words = sorted(
        {
            w.casefold()
            for (title,) in rows
            for w in re.findall(r"[A-Za-z]{4,}", title)
            if w.casefold() not in STOPWORDS
        }
    )
    return rng.sample(words, min(count, len(words)))


def actor_names(archive: Archive, kind: str, count: int) -> list[str]:
    """The most mentioned actors of one type."""
    rows = archive.database.query(
        "SELECT x.name FROM actors x JOIN mentions m ON m.actor_id = x.id WHERE x.chat_id = ?"
        " AND x.type = ? GROUP BY x.id ORDER BY COUNT(*) DESC LIMIT ?",
        (CHAT, kind, count),
    )
    return [r[0] for r in rows]


def question_sets(archive: Archive, size: int, seed: int) -> dict[str, list[str]]:
    """The exact, typo and natural-language questions."""
    rng = random.Random(seed)
    words = title_words(archive, rng, size)
    people = actor_names(archive, "person", 40)
    places = actor_names(archive, "place", 40)
    orgs = actor_names(archive, "organisation", 40)
    names = people + places + orgs
    exact = [rng.choice(names) for _ in range(size // 3)]
    exact += [" ".join(rng.sample(words, rng.choice((1, 2)))) for _ in range(size - len(exact))]
    misspelt = [t for t in (typo(q, rng) for q in exact) if t]
    natural = []
    for _ in range(size):
        template = rng.choice(TEMPLATES)
        natural.append(
            template.format(
                person=rng.choice(people).split()[-1],
                place=rng.choice(places),
                org=rng.choice(orgs),
                word=rng.choice(words),
            )
        )
    return {"exact": exact, "typo": misspelt, "natural": natural}


def bare(archive: Archive, text: str) -> list[int]:
    """The baseline: a bare FTS5 query of the words, top five by bm25."""
    words = re.findall(r"[^\W_]+", text)
    rows = archive.database.query(
        "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        " WHERE articles_fts MATCH ? AND a.chat_id = ? ORDER BY bm25(articles_fts, 5.0, 1.0)"
        " LIMIT 5",
        (match_all(words), CHAT),
    )
    return [r[0] for r in rows]


def timings(
    run: Callable[[str], object],
    questions: list[str],
    repeat: int,
    *others: Callable[[str], object],
) -> list[list[float]]:
    """Milliseconds of each timed run of `run` (and of `others`, each timed right after it on
    the same question, so that both see the same machine); every question is warmed first."""
    runs = (run, *others)
    for question in questions:
        for each in runs:
            each(question)
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for question in questions:
            for index, each in enumerate(runs):
                start = time.perf_counter()
                each(question)
                times[index].append((time.perf_counter() - start) * 1000)
    return times


def p95(values: list[float]) -> float:
    """The 95th percentile."""
    return statistics.quantiles(values, n=20)[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=5000, help="stories archived (0: all)")
    parser.add_argument("--db", type=Path, help="keep (and reuse) the archive here")
    parser.add_argument("--queries", type=int, default=150, help="questions per set")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each question")
    parser.add_argument("--seed", type=int, default=1987)
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    limit = args.limit or 10**6
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "speed.db"
        stored = len(build(path, limit))
        archive = Archive.open(path)
        searcher = Searcher(archive)
        start = time.perf_counter()
        ask(searcher, CHAT, "Reagan", NOW)
        first = (time.perf_counter() - start) * 1000
        sets = question_sets(archive, args.queries, args.seed)

        def ours(question: str) -> object:
            return ask(searcher, CHAT, question, NOW)

        print(f"archive: {stored} stories; first question after opening: {first:.0f} ms")
        print(f"{'set':10} {'questions':>9} {'median ms':>10} {'p95 ms':>8}")

        def line(name: str, count: int, times: list[float]) -> None:
            print(f"{name:10} {count:9} {statistics.median(times):10.2f} {p95(times):8.2f}")

        exact, base, snippet = timings(
            ours,
            sets["exact"],
            args.repeat,
            lambda q: bare(archive, q),
            lambda q: archive.search(CHAT, match_all(re.findall(r"[^\W_]+", q)), 5),
        )
        line("exact", len(sets["exact"]), exact)
        for name in ("typo", "natural"):
            line(name, len(sets[name]), timings(ours, sets[name], args.repeat)[0])
        line("bare FTS5", len(sets["exact"]), base)
        line("+snippet", len(sets["exact"]), snippet)
        for name, times in (("bare FTS5", base), ("bare FTS5 + snippet", snippet)):
            ratio = statistics.median(exact) / statistics.median(times)
            ratio95 = p95(exact) / p95(times)
            print(f"exact / {name}: {ratio:.1f}x median, {ratio95:.1f}x p95")
        archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
