"""A chat archive of Reuters-21578 stories for the query benchmarks, built as `import` builds it.

Stories are read from ../shared/data/reuters21578 at run time (never copied), stored with
`import_article` (parse, canonical URL, hash, story search, FTS) and analysed for actors,
quotes and events with the same code `python -m bot import` runs (batched through spaCy's
`pipe`, which gives the same analysis as one article at a time). A built database can be
kept with `--db` and reused by later runs.
"""

import json
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from briefing.analysis.archive import store_analysis
from briefing.analysis.pipeline import analyse_many
from briefing.ingest.importer import parse_record
from briefing.ingest.workflow import import_article
from storage import Archive
from storage.actors import ActorStore

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "reuters21578"
CHAT = 0
TAG_FIELDS = ("people", "orgs", "places")


@dataclass(frozen=True)
class Story:
    """One Reuters story with a body, and its collection tags."""

    newid: int
    record: dict[str, object]
    tags: dict[str, tuple[str, ...]]


def stories(limit: int) -> Iterator[Story]:
    """The first `limit` stories that have a body, in collection order."""
    count = 0
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if not row.get("body"):
                    continue
                record = {
                    "title": (row.get("title") or "").strip(),
                    "body": row["body"],
                    "date": row.get("date"),
                    "source": "Reuters",
                    "url": f"https://reuters21578.example/{row['newid']}",
                }
                tags = {name: tuple(row.get(name) or ()) for name in TAG_FIELDS}
                yield Story(int(row["newid"]), record, tags)
                count += 1
                if count >= limit:
                    return


def build(path: Path, limit: int, analyse: bool = True) -> dict[int, int]:
    """Import (and analyse) the first `limit` stories into `path`; newid -> article id.

    An existing database that already holds the stories is reused as it is.
    """
    fresh = not path.exists()
    archive = Archive.open(path)
    try:
        items = list(stories(limit))
        ids: dict[int, int] = {}
        if not fresh:
            for story in items:
                url = str(story.record["url"])
                row = archive.database.query(
                    "SELECT id FROM articles WHERE chat_id = ? AND url = ?", (CHAT, url)
                )
                if row:
                    ids[story.newid] = row[0][0]
            if len(ids) == len(items):
                return ids
        start = time.perf_counter()
        new: list[int] = []
        for story in items:
            if story.newid in ids:
                continue
            outcome = import_article(archive, CHAT, parse_record(story.record))
            ids[story.newid] = outcome.article.id
            if not outcome.duplicate:
                new.append(outcome.article.id)
        if analyse:
            store = ActorStore(archive.database)
            articles = [archive.get(CHAT, i) for i in new]
            ready = [a for a in articles if a is not None]
            batch = ((a.title, a.body, a.published_at) for a in ready)
            for done, (article, analysis) in enumerate(
                zip(ready, analyse_many(batch), strict=True), 1
            ):
                store_analysis(store, CHAT, article.id, analysis)
                if done % 500 == 0:
                    print(f"  analysed {done}/{len(ready)}", file=sys.stderr)
        seconds = time.perf_counter() - start
        print(f"built {path} with {len(new)} stories in {seconds:.0f} s", file=sys.stderr)
        return ids
    finally:
        archive.close()
