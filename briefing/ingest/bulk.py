"""Bulk import for the command line: files, folders and URLs, in input order.

Files are read one after another; URLs are fetched `workers` at a time. Results come back in
the order of the inputs and are stored in batches of `STORE_BATCH`, whose new articles are then
analysed together (one `nlp.pipe` batch: a third faster than one at a time). An import that is
stopped part-way keeps everything stored before that point and can simply be run again (what
is already archived is recognised as a duplicate). An item that cannot be read, stored
or analysed becomes a `failed` result with a short reason, and the import goes on. Articles an
earlier import stored but was stopped before analysing are analysed by `repair_unanalysed`.
"""

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.analysis.archive import (
    ArticleAnalysis,
    analyse_batch_or_record,
    analyse_unanalysed,
    error_reason,
)
from briefing.ingest.extract import extract_page
from briefing.ingest.fetch import FetchError, FetchPolicy, fetch_page
from briefing.ingest.importer import (
    JSONL_SUFFIXES,
    NO_DEFAULTS,
    SUPPORTED_SUFFIXES,
    ImportDefaults,
    ImportItem,
    read_inputs,
)
from briefing.ingest.isolation import IsolatedRunner, MemoryLimitError, TimeLimitError
from briefing.ingest.workflow import PAGE_TOO_COMPLEX, PAGE_TOO_SLOW, ReadLimits, import_article
from storage import Archive
from storage.actors import ActorStore

STORE_BATCH = 32  # items stored, then parsed together by spaCy's `pipe`


@dataclass(frozen=True)
class ImportResult:
    """What became of one input item."""

    origin: str
    status: str  # imported, duplicate, failed
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None
    story_id: int | None = None
    published_at: str | None = None
    source: str = ""


def is_url(text: str) -> bool:
    """True for an http(s) URL given on the command line."""
    return text.lower().startswith(("http://", "https://"))


def expand_paths(inputs: list[str]) -> list[str]:
    """Folders become the supported files inside them (sorted, recursively); the rest stays."""
    expanded: list[str] = []
    for name in inputs:
        path = Path(name)
        try:
            if not is_url(name) and path.is_dir():
                found = (p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES)
                expanded.extend(str(p) for p in sorted(found) if p.is_file())
                continue
        except OSError:
            pass  # kept as it is: reading it reports why it cannot be read
        expanded.append(name)
    return expanded


def count_items(inputs: list[str]) -> int:
    """How many items the inputs hold (a JSON-lines file counts its non-empty lines)."""
    total = 0
    for name in inputs:
        path = Path(name)
        try:
            if not is_url(name) and path.suffix.lower() in JSONL_SUFFIXES and path.is_file():
                with path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
                continue
        except OSError:
            pass  # one item: the error reading it
        total += 1
    return total


def _items(inputs: list[str], defaults: ImportDefaults) -> Iterator[ImportItem | str]:
    """Parsed file items, with URLs passed through as plain strings to fetch."""
    for name in inputs:
        if is_url(name):
            yield name
        else:
            yield from read_inputs([name], defaults)


async def _read_url(
    url: str, policy: FetchPolicy, reader: IsolatedRunner, time_limit: float
) -> ImportItem:
    """Fetch a URL and extract its article in an isolated worker, within `time_limit` s."""
    try:
        page = await fetch_page(url, policy)
        extracted = await reader.run(
            extract_page, page.text, page.final_url, page.content_type, time_limit=time_limit
        )
    except FetchError as error:
        return ImportItem(url, error=error.reason)
    except TimeLimitError:
        return ImportItem(url, error=PAGE_TOO_SLOW)
    except MemoryLimitError:
        return ImportItem(url, error=PAGE_TOO_COMPLEX)
    if extracted is None:
        return ImportItem(url, error="no article text was found on the page")
    return ImportItem(url, parsed=replace(extracted.parsed, url=extracted.parsed.url or url))


def _archive_item(archive: Archive, chat_id: int, item: ImportItem) -> ImportResult:
    """Store one item, marked as imported; whatever goes wrong with it becomes its `failed`
    result, so the import goes on."""
    if item.parsed is None:
        return ImportResult(item.origin, "failed", reason=item.error)
    try:
        outcome = import_article(archive, chat_id, item.parsed, imported=True)
    except Exception as error:
        return ImportResult(item.origin, "failed", reason=f"not archived: {error_reason(error)}")
    return ImportResult(
        item.origin,
        "duplicate" if outcome.duplicate else "imported",
        article_id=outcome.article.id,
        title=outcome.article.title,
        story_id=outcome.article.story_id if outcome.status == "same_story" else None,
        published_at=outcome.article.published_at,
        source=outcome.article.source,
    )


def _store_batch(
    archive: Archive, actors: ActorStore, chat_id: int, items: list[ImportItem]
) -> list[ImportResult]:
    """Store a batch of items, then analyse the new ones together (actors, quotes, events);
    results in the order of the items."""
    with archive.database.batch():  # one commit: readers elsewhere see one change a batch
        stored = [_archive_item(archive, chat_id, item) for item in items]
    fresh = [r.article_id for r in stored if r.status == "imported" and r.article_id is not None]
    analysed = analyse_batch_or_record(archive, actors, chat_id, fresh) if fresh else {}
    results: list[ImportResult] = []
    for result in stored:
        problem = analysed.get(result.article_id or 0, ArticleAnalysis()).error
        if result.status == "imported" and problem is not None:
            reason = f"archived as #{result.article_id}, but not analysed: {problem}"
            result = replace(result, status="failed", reason=reason)
        results.append(result)
    return results


def repair_unanalysed(archive: Archive, chat_id: int) -> int:
    """Analyse the chat's articles that an earlier import stored but was stopped before
    analysing (or could not analyse for a passing reason); returns how many were analysed."""
    return analyse_unanalysed(archive, ActorStore(archive.database), chat_id)


async def run_import(
    archive: Archive,
    chat_id: int,
    inputs: list[str],
    policy: FetchPolicy,
    workers: int = 4,
    defaults: ImportDefaults = NO_DEFAULTS,
) -> AsyncIterator[ImportResult]:
    """Import every item of `inputs` (already expanded), yielding results in input order;
    `defaults` give the source and date of the articles that state none."""
    actors = ActorStore(archive.database)
    window = max(1, workers) * 2
    limit = asyncio.Semaphore(max(1, workers))

    reader = IsolatedRunner(workers=max(1, min(workers, os.cpu_count() or 1)))
    time_limit = ReadLimits().seconds

    async def fetch(url: str) -> ImportItem:
        async with limit:
            try:
                return defaults.item(await _read_url(url, policy, reader, time_limit))
            except Exception as error:  # one page must not end the import
                return ImportItem(url, error=f"cannot read: {error_reason(error)}")

    pending: list[asyncio.Task[ImportItem] | ImportItem] = []
    batch: list[ImportItem] = []

    async def flush() -> list[ImportResult]:
        results = await asyncio.to_thread(_store_batch, archive, actors, chat_id, list(batch))
        batch.clear()
        return results

    async def take(head: asyncio.Task[ImportItem] | ImportItem, full: int) -> list[ImportResult]:
        """Add the next item to the batch; store the batch when it holds `full` items, or
        before waiting for a page still being read (what was read is not held back)."""
        stored: list[ImportResult] = []
        if batch and isinstance(head, asyncio.Task) and not head.done():
            stored = await flush()
        batch.append(await head if isinstance(head, asyncio.Task) else head)
        return stored + (await flush() if len(batch) >= full else [])

    try:
        for entry in _items(inputs, defaults):
            pending.append(asyncio.create_task(fetch(entry)) if isinstance(entry, str) else entry)
            if len(pending) >= window:
                for result in await take(pending.pop(0), STORE_BATCH):
                    yield result
        for head in pending:
            for result in await take(head, STORE_BATCH):
                yield result
        for result in await flush() if batch else []:
            yield result
    finally:
        reader.close()  # pages are untrusted: read in worker processes, ended here
