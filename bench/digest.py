"""Benchmark of the daily digest: a day of 1,500 Reuters articles, alone, after a bulk import of
about 20,000 old ones and amid them, and a week of the Reuters archive.

Run from the project root (the shared data must be at ../shared/data/reuters21578, read at run
time, never copied):

    .venv/bin/python bench/digest.py [--repeat N] [--analysis spacy|tags] [--imported N]
                                     [--fresh] [--json]

Scenarios, each on its own SQLite file:

- day: the 1,500 articles of the busiest Reuters days (1987-04-07 and the next), stored as the
  chat's own articles with `import_article` (so near-duplicates become one story as in the
  bot) and analysed for actors, quotes and events (`--analysis spacy`, the default: spaCy as
  `python -m bot import` runs it; `tags`: actors from Reuters' people, orgs and places tags and
  one quote an article, no spaCy, for a quick run);
- day + import: the same file after a bulk import of `--imported` old articles (the rest of
  the corpus, then variants of it up to the number), stored with `import_article(...,
  imported=True)` as `python -m bot import` stores them, with the cheap `tags` analysis (their
  mentions and quotes exist, for the digest not to read). The digest must list the same day
  and say "…and N older articles imported." for every one of them;
- day in an archive: the day's window of the same file, the imported articles outside it
  (their mentions and quotes are in the tables the digest reads, not in its window);
- week: the busiest week, stored as the chat's own articles, not analysed.

A digest is what a scheduled one does short of sending: read the window, the count of old
imports, the actors of the day against their week and the quotes (`ActorDigestExtras`, as the
bot composes it), group and rank the stories, read and summarise the first ones' texts, render
the HTML and split it into messages. Each digest is measured in a fresh process: how far its
first (cold) run raised the resident memory above the level before it (the peak, VmHWM, i.e.
ru_maxrss, reset first; Linux), its best time over `--repeat` runs, and the tracemalloc peak
of one run (Python allocations). The baseline, timed in the same process on the same file, is
the bare read of the rows the digest lists (`DigestStore.window`). Built files are kept in
bench/.cache/ and reused (`--fresh` rebuilds them).

Targets (issue 17): each day scenario under 300 ms and 200 MB (both memory figures), listing
the same day's articles; the week under 10 s. Exit status 1 if one is missed, or if the import
scenario does not count its imports; 2 without data.
"""

import argparse
import contextlib
import json
import multiprocessing
import shutil
import sys
import time
import tracemalloc
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from briefing.digests.actor_extras import ActorDigestExtras
from briefing.digests.build import compose_digest, imported_line
from briefing.ingest.article import content_hash
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from briefing.names import alias_norm
from handlers.digest import digest_html
from handlers.split import split_message
from storage import AliasForm, Archive, ArchiveStats, FoundActor, FoundQuote
from storage.actors import ActorStore
from storage.digests import DigestStore

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"
CACHE = Path(__file__).resolve().parent / ".cache"
VERSION = 2  # of the built files: raise it when what they hold changes
CHAT = 1
DAY_ARTICLES = 1500
IMPORTED = 20000
COPY_SHIFT = timedelta(days=400)  # back in time, for each round of variants of old articles
DAY_TARGET_S = 0.3
MEMORY_TARGET_MB = 200.0
WEEK_TARGET_S = 10.0
TAG_TYPES = {"people": "person", "orgs": "organisation", "places": "place"}


@dataclass(frozen=True)
class Result:
    """One scenario's figures (times in ms, memory in MB)."""

    name: str
    articles: int  # listed
    older_imported: int  # counted, not listed
    stories: int
    parts: int
    window_ms: float
    digest_ms: float
    cold_ms: float
    tracemalloc_mb: float
    rss_mb: float | None  # None where the platform cannot tell
    target_ms: float
    memory_target_mb: float | None
    says: str | None  # the digest's line about old imports
    counted_all: bool  # every ready article of the window is listed or counted

    @property
    def ratio(self) -> float:
        """The digest against the bare read of its rows."""
        return self.digest_ms / self.window_ms if self.window_ms else float("inf")

    @property
    def ok(self) -> bool:
        """Within the targets."""
        memory = [self.tracemalloc_mb, *([self.rss_mb] if self.rss_mb is not None else [])]
        within = self.memory_target_mb is None or max(memory) < self.memory_target_mb
        return self.digest_ms < self.target_ms and within and self.counted_all


# --- the corpus -----------------------------------------------------------------------------


def read_reuters(folder: Path) -> list[dict[str, Any]]:
    """Every Reuters record with a body, in file order, as `import` reads a JSON line."""
    records = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("body"):
                    row["source"] = "Reuters"
                    row["url"] = f"https://reuters21578.example/{row['newid']}"
                    records.append(row)
    return records


def _day(record: dict[str, Any]) -> str:
    return str(record.get("date") or "")[:10]


def busiest_days(records: list[dict[str, Any]], count: int) -> list[dict[str, Any]]:
    """`count` articles of the busiest days, the busiest day first, none the same text as
    another (`import` would take it for a duplicate)."""
    per_day = Counter(_day(r) for r in records if _day(r))
    order = {day: rank for rank, (day, _) in enumerate(per_day.most_common())}
    dated = sorted((r for r in records if _day(r)), key=lambda r: order[_day(r)])
    hashes: set[str] = set()
    chosen = []
    for record in dated:
        parsed = parse_record(record)
        text = content_hash(parsed.title, parsed.body)
        if text not in hashes and len(chosen) < count:
            hashes.add(text)
            chosen.append(record)
    return chosen


def busiest_week(records: list[dict[str, Any]]) -> tuple[date, list[dict[str, Any]]]:
    """The seven consecutive days with the most articles, and those articles."""
    dated = [r for r in records if _day(r)]
    per_day = Counter(date.fromisoformat(_day(r)) for r in dated)
    start = max(per_day, key=lambda d: sum(per_day[d + timedelta(days=i)] for i in range(7)))
    end = start + timedelta(days=7)
    return start, [r for r in dated if start <= date.fromisoformat(_day(r)) < end]


def old_corpus(
    records: list[dict[str, Any]], day: list[dict[str, Any]], count: int
) -> Iterator[dict[str, Any]]:
    """`count` records not of the day: the rest of the corpus, then numbered variants of it,
    each round dated `COPY_SHIFT` further back (so that the story search of a variant meets
    only its own round, as the originals meet only each other)."""
    taken = {r["newid"] for r in day}
    rest = [r for r in records if r["newid"] not in taken]
    for n in range(count):
        record, copy = rest[n % len(rest)], n // len(rest)
        if copy == 0:
            yield record
            continue
        title = f"{record.get('title') or ''} ({copy})"
        body, url = f"{record['body']}\n[{copy}]", f"{record['url']}/{copy}"
        moved = datetime.fromisoformat(record["date"]) - copy * COPY_SHIFT if _day(record) else None
        date_ = moved.isoformat() if moved else None
        yield {**record, "title": title, "body": body, "url": url, "date": date_}


# --- building the files ---------------------------------------------------------------------


def store_articles(
    archive: Archive, records: Iterator[dict[str, Any]] | list[dict[str, Any]], imported: bool
) -> list[tuple[int, dict[str, Any]]]:
    """Store the records as `import` does; (article id, record) of those that were new."""
    new = []
    for record in records:
        outcome = import_article(archive, CHAT, parse_record(record), imported=imported)
        if not outcome.duplicate:
            new.append((outcome.article.id, record))
    return new


def analyse_spacy(archive: Archive, ids: list[int]) -> None:
    """The articles' actors, quotes and events as `python -m bot import` finds them."""
    from briefing.analysis.archive import store_analysis
    from briefing.analysis.pipeline import analyse_many

    store = ActorStore(archive.database)
    articles = [a for a in (archive.get(CHAT, i) for i in ids) if a is not None]
    batch = ((a.title, a.body, a.published_at) for a in articles)
    for done, (article, analysis) in enumerate(zip(articles, analyse_many(batch), strict=True)):
        store_analysis(store, CHAT, article.id, analysis)
        if done % 250 == 249:
            print(f"    analysed {done + 1}/{len(articles)}", file=sys.stderr)


def analyse_tags(archive: Archive, new: list[tuple[int, dict[str, Any]]]) -> None:
    """Cheap analysis: actors from the Reuters tags, one quote an article, no spaCy."""
    store = ActorStore(archive.database)
    known: dict[str, int] = {}
    for article_id, record in new:
        actors = []
        for field, type_ in TAG_TYPES.items():
            for tag in record.get(field) or ():
                name = str(tag).replace("-", " ").title()
                norm = alias_norm(name)
                form = AliasForm(name, norm, norm.split()[-1] if norm.split() else norm)
                actors.append(FoundActor(known.get(name), name, type_, (form,), 1))
        sentence = record["body"].split(".")[0].strip()[:200] + "."
        speaker = actors[0].name if actors else None
        quotes = [FoundQuote(speaker, sentence, sentence, False)] if speaker else []
        known.update(store.save_analysis(CHAT, article_id, actors, quotes, []))


def cached(name: str, fresh: bool, build: Callable[[Path], None]) -> Path:
    """The built file `name` in the cache, built now if missing (or `fresh`)."""
    path = CACHE / f"{name}-v{VERSION}.db"
    if path.exists() and not fresh:
        return path
    CACHE.mkdir(exist_ok=True)
    partial = path.with_suffix(".partial")
    for stale in (path, partial):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    build(partial)
    Archive.open(partial).close()  # checkpoint the write-ahead log into the file
    partial.replace(path)
    print(f"  built {path.name} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def build_day(day: list[dict[str, Any]], analysis: str) -> Callable[[Path], None]:
    """The day as the chat's own articles, analysed."""

    def build(path: Path) -> None:
        archive = Archive.open(path)
        try:
            new = store_articles(archive, day, imported=False)
            if analysis == "spacy":
                analyse_spacy(archive, [i for i, _ in new])
            else:
                analyse_tags(archive, new)
        finally:
            archive.close()

    return build


def build_import(day_file: Path, old: Iterator[dict[str, Any]]) -> Callable[[Path], None]:
    """The analysed day, then a bulk import of old articles (cheap analysis)."""

    def build(path: Path) -> None:
        shutil.copyfile(day_file, path)
        archive = Archive.open(path)
        try:
            analyse_tags(archive, store_articles(archive, old, imported=True))
        finally:
            archive.close()

    return build


def build_week(week: list[dict[str, Any]]) -> Callable[[Path], None]:
    """The week as the chat's own articles, not analysed."""

    def build(path: Path) -> None:
        archive = Archive.open(path)
        try:
            store_articles(archive, week, imported=False)
        finally:
            archive.close()

    return build


# --- measuring ------------------------------------------------------------------------------


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def _status_mb(field: str) -> float | None:
    """A memory figure of this process from /proc/self/status (Linux), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError):
        return None
    return None


def reset_peak() -> None:
    """Start the peak resident memory (VmHWM) afresh, where Linux allows (clear_refs 5).

    Without it the peak of a process started by fork carries its parent's: ru_maxrss does too.
    """
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def memory_growth(work: Callable[[], object]) -> float | None:
    """How far the resident memory of this process rose above its level before `work` (MB)."""
    reset_peak()
    before = _status_mb("VmRSS")
    work()
    peak = _status_mb("VmHWM")
    if before is None or peak is None:
        return None
    return max(0.0, peak - before)


def window_of(path: str) -> ArchiveStats:
    """The counts of a built file: its window spans the times its articles were added."""
    archive = Archive.open(path)
    try:
        return archive.stats(CHAT)
    finally:
        archive.close()


def measure(path: str, repeat: int, window_file: str | None = None) -> dict[str, Any]:
    """One scenario's digest figures, in a process of its own (for its memory); the window is
    the one of `window_file` (by default the file's own)."""
    stats = window_of(window_file or path)
    archive = Archive.open(path)
    store = DigestStore(archive.database)
    extras = ActorDigestExtras(ActorStore(archive.database))
    try:
        since = datetime.fromisoformat(str(stats.first_added))
        until = datetime.fromisoformat(str(stats.last_added)) + timedelta(seconds=1)

        def digest() -> tuple[Any, list[str]]:
            built = compose_digest(store, CHAT, since, until, extras)
            return built, split_message(digest_html(built, "UTC"))

        first: list[tuple[Any, list[str]]] = []
        start = time.perf_counter()
        grown = memory_growth(lambda: first.append(digest()))
        cold = time.perf_counter() - start
        built, parts = first[0]
        window = best_of(repeat, lambda: store.window(CHAT, since, until))
        warm = best_of(repeat, digest)
        tracemalloc.start()
        digest()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    finally:
        archive.close()
    return {
        "articles": built.articles, "older_imported": built.older_imported,
        "stories": built.story_count, "parts": len(parts), "window_ms": window * 1000,
        "digest_ms": warm * 1000, "cold_ms": cold * 1000, "tracemalloc_mb": peak / 2**20,
        "rss_mb": grown, "says": imported_line(built),
        "counted_all": built.articles + built.older_imported == stats.ready,
    }  # fmt: skip


def run(
    name: str, path: Path, repeat: int, target_s: float, memory: float | None,
    window_file: Path | None = None,
) -> Result:  # fmt: skip
    """Measure one scenario in a fresh process."""
    context = multiprocessing.get_context("spawn")
    window = str(window_file) if window_file else None
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        figures = pool.submit(measure, str(path), repeat, window).result()
    return Result(name=name, target_ms=target_s * 1000, memory_target_mb=memory, **figures)


def report(results: list[Result]) -> Iterator[str]:
    """The table of figures."""
    yield (
        f"{'scenario':<22}{'listed':>7}{'older':>7}{'stories':>8}{'parts':>6}{'window':>9}"
        f"{'digest':>9}{'ratio':>7}{'cold':>9}{'py MB':>7}{'rss MB':>7}{'target':>8}  ok"
    )
    for r in results:
        rss = f"{r.rss_mb:>7.1f}" if r.rss_mb is not None else f"{'-':>7}"
        yield (
            f"{r.name:<22}{r.articles:>7}{r.older_imported:>7}{r.stories:>8}{r.parts:>6}"
            f"{r.window_ms:>7.1f}ms{r.digest_ms:>7.1f}ms{r.ratio:>6.1f}x{r.cold_ms:>7.1f}ms"
            f"{r.tracemalloc_mb:>7.1f}{rss}{r.target_ms:>6.0f}ms  {'yes' if r.ok else 'NO'}"
        )
    for r in results:
        if r.says:
            yield f"{r.name} says: {r.says}"


def scenarios(args: argparse.Namespace) -> list[Result]:
    """Build (or reuse) the files and measure each scenario."""
    records = read_reuters(args.data)
    day = busiest_days(records, DAY_ARTICLES)
    week_start, week = busiest_week(records)
    repeat, fresh = max(1, args.repeat), args.fresh
    day_file = cached(f"digest-day{len(day)}-{args.analysis}", fresh, build_day(day, args.analysis))
    old = old_corpus(records, day, args.imported)
    import_file = cached(f"digest-day{len(day)}-{args.analysis}-import{args.imported}", fresh,
                         build_import(day_file, old))  # fmt: skip
    week_file = cached(f"digest-week{week_start}", fresh, build_week(week))
    return [
        run(f"day ({len(day)})", day_file, repeat, DAY_TARGET_S, MEMORY_TARGET_MB),
        run(f"day + {args.imported} old", import_file, repeat, DAY_TARGET_S, MEMORY_TARGET_MB),
        run(
            f"day, archive +{args.imported}",
            import_file,
            repeat,
            DAY_TARGET_S,
            MEMORY_TARGET_MB,
            window_file=day_file,
        ),
        run(f"week from {week_start}", week_file, repeat, WEEK_TARGET_S, None),
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the scenarios and print the figures; exit 1 if a target is missed, 2 without data."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per figure (best)")
    parser.add_argument("--data", type=Path, default=DATA, help="the reuters21578 folder")
    parser.add_argument("--analysis", choices=("spacy", "tags"), default="spacy",
                        help="how the day's articles are analysed")  # fmt: skip
    parser.add_argument("--imported", type=int, default=IMPORTED, help="old articles imported")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached files")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    if not any(args.data.glob("*.jsonl")):
        print(f"No Reuters data at {args.data} (reuters21578_*.jsonl); nothing to measure.",
              file=sys.stderr)  # fmt: skip
        return 2
    results = scenarios(args)
    same_day = results[1].articles == results[2].articles == results[0].articles
    ok = all(r.ok for r in results) and results[1].older_imported > 0 and same_day
    if args.json:
        figures = [{**asdict(r), "ratio": r.ratio, "ok": r.ok} for r in results]
        print(json.dumps({"analysis": args.analysis, "scenarios": figures, "ok": ok}))
    else:
        print("Digest benchmark: window, old imports, actors and quotes, rank, summarise, HTML,")
        print(f"split (day analysed with {args.analysis}, old imports with tags); baseline: the")
        print("bare read of the listed rows (DigestStore.window), same process")
        for line in report(results):
            print(line)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
