"""Bulk import for the command line: files, folders and URLs, in input order.

Files are read one after another; URLs are fetched `workers` at a time. Results come back in
the order of the inputs, and each article is stored as soon as its turn comes, so an import
that is stopped part-way keeps everything before that point and can simply be run again
(what is already archived is recognised as a duplicate). An item that cannot be read, stored
or analysed becomes a `failed` result with a short reason, and the import goes on. Articles an
earlier import stored but was stopped before analysing are analysed by `repair_unanalysed`.
"""

import asyncio
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.analysis.archive import analyse_or_record, analyse_unanalysed, error_reason
from briefing.ingest.extract import extract_page
from briefing.ingest.fetch import FetchError, FetchPolicy, fetch_page
from briefing.ingest.importer import JSONL_SUFFIXES, SUPPORTED_SUFFIXES, ImportItem, read_inputs
from briefing.ingest.isolation import IsolatedRunner, MemoryLimitError, TimeLimitError
from briefing.ingest.workflow import PAGE_TOO_COMPLEX, PAGE_TOO_SLOW, ReadLimits, import_article
from storage import Archive
from storage.actors import ActorStore


@dataclass(frozen=True)
class ImportResult:
    """What became of one input item."""

    origin: str
    status: str  # imported, duplicate, failed
    article_id: int | None = None
    title: str | None = None
    reason: str | None = None
    story_id: int | None = None


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


def _items(inputs: list[str]) -> Iterator[ImportItem | str]:
    """Parsed file items, with URLs passed through as plain strings to fetch."""
    for name in inputs:
        if is_url(name):
            yield name
        else:
            yield from read_inputs([name])


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


def _store(archive: Archive, actors: ActorStore, chat_id: int, item: ImportItem) -> ImportResult:
    """Store one item and analyse it (actors, quotes, events) if it is new; whatever goes
    wrong with this item becomes its `failed` result, so the import goes on."""
    if item.parsed is None:
        return ImportResult(item.origin, "failed", reason=item.error)
    try:
        outcome = import_article(archive, chat_id, item.parsed)
    except Exception as error:
        return ImportResult(item.origin, "failed", reason=f"not archived: {error_reason(error)}")
    result = ImportResult(
        item.origin,
        "duplicate" if outcome.duplicate else "imported",
        article_id=outcome.article.id,
        title=outcome.article.title,
        story_id=outcome.article.story_id if outcome.status == "same_story" else None,
    )
    if outcome.duplicate:
        return result
    try:
        problem = analyse_or_record(archive, actors, chat_id, outcome.article.id).error
    except Exception as error:  # left unanalysed: the next import tries it again
        problem = error_reason(error)
    if problem is None:
        return result
    reason = f"archived as #{outcome.article.id}, but not analysed: {problem}"
    return replace(result, status="failed", reason=reason)


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
) -> AsyncIterator[ImportResult]:
    """Import every item of `inputs` (already expanded), yielding results in input order."""
    actors = ActorStore(archive.database)
    window = max(1, workers) * 2
    limit = asyncio.Semaphore(max(1, workers))

    reader = IsolatedRunner(workers=max(1, min(workers, os.cpu_count() or 1)))
    time_limit = ReadLimits().seconds

    async def fetch(url: str) -> ImportItem:
        async with limit:
            try:
                return await _read_url(url, policy, reader, time_limit)
            except Exception as error:  # one page must not end the import
                return ImportItem(url, error=f"cannot read: {error_reason(error)}")

    pending: list[asyncio.Task[ImportItem] | ImportItem] = []
    try:
        for entry in _items(inputs):
            pending.append(asyncio.create_task(fetch(entry)) if isinstance(entry, str) else entry)
            if len(pending) >= window:
                head = pending.pop(0)
                item = await head if isinstance(head, asyncio.Task) else head
                yield await asyncio.to_thread(_store, archive, actors, chat_id, item)
        for head in pending:
            item = await head if isinstance(head, asyncio.Task) else head
            yield await asyncio.to_thread(_store, archive, actors, chat_id, item)
    finally:
        reader.close()  # pages are untrusted: read in worker processes, ended here
