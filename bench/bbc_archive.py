"""A chat archive of BBC News articles for the question benchmarks, built as `import` builds it.

Articles are read from ../shared/data/bbc-news-summary at run time (never copied): a fixed
sample of `SIZE` of the 2,225 (seeded, so every run and every benchmark gets the same ones),
stored with `import_article` and analysed for actors, quotes and events with the code
`python -m bot import` runs. The database is kept in bench/.cache/ (gitignored) and reused.
"""

import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.analysis.archive import store_analysis
from briefing.analysis.pipeline import analyse_many
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive
from storage.actors import ActorStore

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc-news-summary"
CACHE = Path(__file__).resolve().parent / ".cache"
CHAT = 0
SIZE = 1000
SAMPLE_SEED = 2225


@dataclass(frozen=True)
class BbcArticle:
    """One BBC article: its corpus id ("politics/001"), title, text and summary sentences."""

    key: str
    title: str
    text: str
    summary: tuple[str, ...]


def corpus() -> list[BbcArticle]:
    """Every article of the corpus, in id order."""
    found: list[BbcArticle] = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                summary = tuple(s.strip() for s in row.get("summary_sentences") or () if s)
                found.append(BbcArticle(row["id"], row["title"], row["article"], summary))
    return sorted(found, key=lambda a: a.key)


def sample(size: int = SIZE) -> list[BbcArticle]:
    """The archived articles: `size` of the corpus drawn with a fixed seed, in id order."""
    items = corpus()
    chosen = random.Random(SAMPLE_SEED).sample(range(len(items)), min(size, len(items)))
    return [items[i] for i in sorted(chosen)]


def _record(article: BbcArticle) -> dict[str, object]:
    return {
        "title": article.title,
        "body": article.text,
        "source": "BBC News",
        "url": f"https://bbc-news-summary.example/{article.key}",
    }


def build(path: Path | None = None, size: int = SIZE) -> tuple[Path, dict[str, int]]:
    """The archive of the sample (built once, then reused) and corpus id -> article id."""
    path = path or CACHE / f"bbc-{size}-seed{SAMPLE_SEED}.db"
    items = sample(size)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        ids = _fill(partial, items)
        _ids_path(path).write_text(json.dumps(ids), encoding="utf-8")
        partial.rename(path)
    # A duplicate of an archived article maps to the article kept.
    ids: dict[str, int] = json.loads(_ids_path(path).read_text(encoding="utf-8"))
    return path, ids


def _ids_path(path: Path) -> Path:
    return path.with_name(path.name + ".ids.json")


def _fill(path: Path, items: list[BbcArticle]) -> dict[str, int]:
    """Import and analyse the articles into a new database at `path`; key -> article id."""
    start = time.perf_counter()
    archive = Archive.open(path)
    ids: dict[str, int] = {}
    try:
        new = []
        for item in items:
            outcome = import_article(archive, CHAT, parse_record(_record(item)))
            ids[item.key] = outcome.article.id
            if not outcome.duplicate:
                new.append(outcome.article.id)
        store = ActorStore(archive.database)
        ready = [a for a in (archive.get(CHAT, i) for i in new) if a is not None]
        batch = ((a.title, a.body, a.published_at) for a in ready)
        for done, (article, analysis) in enumerate(zip(ready, analyse_many(batch), strict=True)):
            store_analysis(store, CHAT, article.id, analysis)
            if (done + 1) % 200 == 0:
                print(f"  analysed {done + 1}/{len(ready)}", file=sys.stderr)
    finally:
        archive.close()
    print(f"built {path} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return ids


if __name__ == "__main__":
    built, keys = build()
    print(f"{built}: {len(keys)} articles")
