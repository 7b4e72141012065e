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

At scale: .venv/bin/python bench/query.py --json --articles N [--originals K]
builds (once, kept in bench/.cache/) an archive of N articles: K Reuters stories analysed
with spaCy (default 2,000) and cheap copies of them (`bench/scaled_archive.py`), and prints
one JSON object: the p95 of each set of questions warm (`exact`, `typo`, `natural` and
`events`, questions about what happened), of all of them (`warm_p95_ms`), of each asked right
after a write that touches none of the caches (the inbox, on its own connection, or a saved
question: `after_write_p95_ms`), and the bare FTS5 query of the exact set on the same
database (`bare_fts_p95_ms`). Dates are relative to the day after the newest article.
"""

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.query_quality import typo
from bench.reuters_archive import CHAT, DATA, build
from bench.scaled_archive import scaled_db
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import STOPWORDS, match_all
from storage import Archive, Database
from storage.inbox import Inbox

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
EVENT_TEMPLATES = (
    "what happened in {place} last month",
    "what happened to {org}",
    "when did {person} {word}",
    "what happened in {place}",
    "events of {person} last week",
    "what happened last week",
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
    events = [
        rng.choice(EVENT_TEMPLATES).format(
            person=rng.choice(people).split()[-1],
            place=rng.choice(places),
            org=rng.choice(orgs),
            word=rng.choice(words),
        )
        for _ in range(size)
    ]
    return {"exact": exact, "typo": misspelt, "natural": natural, "events": events}


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


def bare_with_snippets(archive: Archive, text: str) -> list[tuple[int, str]]:
    """The baseline with FTS5's own snippets: the top five by bm25, each with its snippet."""
    words = re.findall(r"[^\W_]+", text)
    rows = archive.database.query(
        "SELECT a.id, snippet(articles_fts, 1, '[', ']', '…', 24) FROM articles_fts"
        " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ?"
        " AND a.chat_id = ? AND a.status = 'ready' ORDER BY bm25(articles_fts, 5.0, 1.0)"
        " LIMIT 5",
        (match_all(words), CHAT),
    )
    return [(r[0], r[1]) for r in rows]


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


def newest_day(archive: Archive) -> datetime:
    """Noon of the day after the chat's newest article: "last month" is the archive's last."""
    (newest,) = archive.database.query(
        "SELECT MAX(published_at) FROM articles WHERE chat_id = ?", (CHAT,)
    )[0]
    day = datetime.fromisoformat(str(newest)[:10]).replace(hour=12, tzinfo=UTC)
    return day + timedelta(days=1)


class Writer:
    """The writes a running bot makes between questions, touching none of the caches: an
    update stored in the inbox (on the inbox's own connection) and marked done, or a saved
    question (on the searcher's)."""

    def __init__(self, path: Path, searcher: Searcher) -> None:
        self.inbox = Inbox(Database.open(path), bot_id=1)
        self.searcher = searcher
        self.writes = 0

    def write(self) -> None:
        """One write, alternating between the inbox and the saved questions."""
        self.writes += 1
        if self.writes % 2:
            update_id = int(time.time() * 1000) * 100 + self.writes % 100
            self.inbox.receive(update_id, json.dumps({"update_id": update_id}))
            self.inbox.done(update_id)
        else:
            self.searcher.store.save_question(CHAT, "bench", datetime.now(UTC))

    def close(self) -> None:
        """Close the inbox's connection."""
        self.inbox.database.close()


def after_writes(
    run: Callable[[str], object], questions: list[str], writer: Writer, repeat: int
) -> list[float]:
    """Milliseconds of each question asked right after a write."""
    times: list[float] = []
    for _ in range(repeat):
        for question in questions:
            writer.write()
            start = time.perf_counter()
            run(question)
            times.append((time.perf_counter() - start) * 1000)
    return times


def at_scale(args: argparse.Namespace) -> dict[str, object]:
    """The figures of `--articles N`: p95 per set warm, after a write, and bare FTS5."""
    path = scaled_db(args.articles, args.originals)
    archive = Archive.open(path)
    try:
        (stored,) = archive.database.query(
            "SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,)
        )[0]
        now = newest_day(archive)
        searcher = Searcher(archive)
        start = time.perf_counter()
        ask(searcher, CHAT, "Reagan", now)
        first = (time.perf_counter() - start) * 1000
        sets = question_sets(archive, args.queries, args.seed)

        def ours(question: str) -> object:
            return ask(searcher, CHAT, question, now)

        figures: dict[str, object] = {"articles": stored}
        every: list[float] = []
        for name in ("exact", "typo", "natural", "events"):
            others = (lambda q: bare(archive, q),) if name == "exact" else ()
            times = timings(ours, sets[name], args.repeat, *others)
            figures[f"{name}_p95_ms"] = round(p95(times[0]), 2)
            every.extend(times[0])
            if others:
                figures["bare_fts_p95_ms"] = round(p95(times[1]), 2)
        writer = Writer(path, searcher)
        try:
            mixed = [q for name in ("exact", "typo", "natural", "events") for q in sets[name]]
            after = after_writes(ours, mixed, writer, 1)
        finally:
            writer.close()
        figures["after_write_p95_ms"] = round(p95(after), 2)
        figures["warm_p95_ms"] = round(p95(every), 2)
        figures["warm_median_ms"] = round(statistics.median(every), 2)
        figures["first_question_ms"] = round(first, 1)
        return figures
    finally:
        archive.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=5000, help="stories archived (0: all)")
    parser.add_argument("--db", type=Path, help="keep (and reuse) the archive here")
    parser.add_argument("--queries", type=int, default=150, help="questions per set")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each question")
    parser.add_argument("--seed", type=int, default=1987)
    parser.add_argument("--articles", type=int, help="archive size (analysed stories + copies)")
    parser.add_argument("--originals", type=int, default=2000, help="stories analysed")
    parser.add_argument("--json", action="store_true", help="one JSON object (with --articles)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"Reuters data not found at {DATA}", file=sys.stderr)
        return 2
    if args.articles:
        figures = at_scale(args)
        if args.json:
            print(json.dumps(figures))
        else:
            for name, value in figures.items():
                print(f"{name:20} {value}")
        return 0
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
            lambda q: bare_with_snippets(archive, q),
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
