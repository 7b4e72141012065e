"""`python -m bot import`: progress on the terminal, one JSON object per item, a summary.

Before importing, the chat's articles that an earlier import stored but did not analyse (it was
killed in between) are analysed, and the summary says how many.
"""

import asyncio
import json
import logging
from collections import Counter
from collections.abc import Callable, Coroutine
from typing import Any, Never, ParamSpec, TextIO, TypeVar

from tqdm import tqdm

from briefing.analysis.archive import error_reason
from briefing.ingest.bulk import (
    ImportResult,
    count_items,
    expand_paths,
    repair_unanalysed,
    run_import,
)
from briefing.ingest.fetch import FetchPolicy
from briefing.ingest.importer import NO_DEFAULTS, ImportDefaults
from storage import Archive

log = logging.getLogger(__name__)

FAILURES_LISTED = 20

P = ParamSpec("P")
T = TypeVar("T")


def progress_bar(total: int, stream: TextIO) -> "tqdm[Never]":
    """A one-line bar with the count and the rate on a terminal; silent when the stream is
    not one (a pipe, a log file)."""
    return tqdm(
        total=total,
        file=stream,
        disable=not stream.isatty(),
        desc="Importing",
        unit=" articles",
    )


def _json(result: ImportResult) -> str:
    return json.dumps(
        {
            "id": result.article_id,
            "status": result.status,
            "origin": result.origin,
            "title": result.title,
            "published_at": result.published_at,
            "source": result.source or None,
            "reason": result.reason,
            "same_story_as": result.story_id,
        },
        ensure_ascii=False,
    )


async def _import_all(
    archive: Archive,
    chat_id: int,
    paths: list[str],
    policy: FetchPolicy,
    workers: int,
    report: Callable[[ImportResult], None],
    defaults: ImportDefaults = NO_DEFAULTS,
) -> str | None:
    """Import every item, reporting each; None, or why the import stopped early."""
    try:
        async for result in run_import(archive, chat_id, paths, policy, workers, defaults):
            report(result)
    except Exception as error:  # every item's own error is a result: this is a fault of ours
        log.debug("import stopped", exc_info=True)
        return error_reason(error)
    return None


def _summary(counts: Counter[str], chat_id: int, repaired: int) -> str:
    line = (
        f"Imported {counts['imported']}, duplicates {counts['duplicate']},"
        f" failed {counts['failed']} (chat {chat_id})"
    )
    if repaired:
        articles = "article" if repaired == 1 else "articles"
        line += f"; analysed {repaired} {articles} left unanalysed by an earlier run"
    return line + "."


async def import_command(
    archive: Archive,
    chat_id: int,
    inputs: list[str],
    policy: FetchPolicy,
    *,
    workers: int,
    as_json: bool,
    out: TextIO,
    err: TextIO,
    defaults: ImportDefaults = NO_DEFAULTS,
) -> bool:
    """Import everything, report as it goes; True when every item was read. `defaults` give
    the source and date of the articles that state none."""
    repaired = await asyncio.to_thread(repair_unanalysed, archive, chat_id)
    paths = expand_paths(inputs)
    progress = progress_bar(count_items(paths), err)
    counts: Counter[str] = Counter()
    failures: list[ImportResult] = []

    def report(result: ImportResult) -> None:
        counts[result.status] += 1
        progress.update()
        if result.status == "failed":
            failures.append(result)
        if as_json:
            out.write(_json(result) + "\n")

    stopped = await _import_all(archive, chat_id, paths, policy, workers, report, defaults)
    progress.close()
    for failure in failures[:FAILURES_LISTED]:
        err.write(f"{failure.origin}: {failure.reason}\n")
    if len(failures) > FAILURES_LISTED:
        err.write(f"... and {len(failures) - FAILURES_LISTED} more failures\n")
    if stopped:
        err.write(f"The import stopped early: {stopped}\n")
    (err if as_json else out).write(_summary(counts, chat_id, repaired) + "\n")
    return not failures and not stopped


def _blocking(command: Callable[P, Coroutine[Any, Any, T]]) -> Callable[P, T]:
    """`command` run to completion on a fresh event loop, with the same parameters (so the
    synchronous entry point cannot drift from the asynchronous one)."""

    def call(*args: P.args, **kwargs: P.kwargs) -> T:
        return asyncio.run(command(*args, **kwargs))

    return call


run = _blocking(import_command)
"""Synchronous entry point for the command line: `import_command` on its own event loop."""
