"""`python -m bot import`: progress on the terminal, one JSON object per item, a summary."""

import asyncio
import json
from collections import Counter
from typing import TextIO

from briefing.bulk import ImportResult, count_items, expand_paths, run_import
from briefing.fetch import FetchPolicy
from storage import Archive

FAILURES_LISTED = 20


class ProgressBar:
    """A one-line bar on a terminal; silent when the stream is not one."""

    def __init__(self, total: int, stream: TextIO, width: int = 30) -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.width = width
        self.done = 0
        self.enabled = stream.isatty()

    def advance(self) -> None:
        """Count one item and redraw."""
        self.done += 1
        if self.enabled:
            filled = self.width * min(self.done, self.total) // self.total
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\rImporting [{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled:
            self.stream.write("\n")


def _json(result: ImportResult) -> str:
    return json.dumps(
        {
            "id": result.article_id,
            "status": result.status,
            "origin": result.origin,
            "title": result.title,
            "reason": result.reason,
            "same_story_as": result.story_id,
        },
        ensure_ascii=False,
    )


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
) -> bool:
    """Import everything, report as it goes; True when every item was read."""
    paths = expand_paths(inputs)
    progress = ProgressBar(count_items(paths), err)
    counts: Counter[str] = Counter()
    failures: list[ImportResult] = []
    async for result in run_import(archive, chat_id, paths, policy, workers):
        counts[result.status] += 1
        progress.advance()
        if result.status == "failed":
            failures.append(result)
        if as_json:
            out.write(_json(result) + "\n")
    progress.close()
    for failure in failures[:FAILURES_LISTED]:
        err.write(f"{failure.origin}: {failure.reason}\n")
    if len(failures) > FAILURES_LISTED:
        err.write(f"... and {len(failures) - FAILURES_LISTED} more failures\n")
    summary = (
        f"Imported {counts['imported']}, duplicates {counts['duplicate']},"
        f" failed {counts['failed']} (chat {chat_id})."
    )
    (err if as_json else out).write(summary + "\n")
    return not failures


def run(
    archive: Archive,
    chat_id: int,
    inputs: list[str],
    policy: FetchPolicy,
    *,
    workers: int,
    as_json: bool,
    out: TextIO,
    err: TextIO,
) -> bool:
    """Synchronous entry point for the command line."""
    return asyncio.run(
        import_command(
            archive, chat_id, inputs, policy, workers=workers, as_json=as_json, out=out, err=err
        )
    )
