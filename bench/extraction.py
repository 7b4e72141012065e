"""Benchmark of link ingestion: how much of each real article's text comes out of its page.

Run from the project root (the shared data must be at ../shared/data/article-pages):

    .venv/bin/python bench/extraction.py              # the project's extraction vs baseline
    .venv/bin/python bench/extraction.py --variants   # also other trafilatura option sets

Each saved page (`html/<id>.html`) is served from a local HTTP server on 127.0.0.1, fetched with
`briefing.ingest.fetch.fetch_page` and extracted with `briefing.ingest.extract.extract_article`,
exactly the path a link sent to the bot takes. The score is token F1 against the page's true
article body (`ground-truth.jsonl`, `articleBody`): lower-case word tokens compared as
multisets. The baseline, measured in the same run on the same fetched pages, is the page's whole
visible text.
"""

import argparse
import asyncio
import json
import logging
import re
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import lxml.html
from trafilatura import bare_extraction
from trafilatura.settings import Document

from briefing.ingest.extract import extract_article
from briefing.ingest.fetch import FetchPolicy, fetch_page

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "article-pages"
_INVISIBLE = ("script", "style", "noscript", "template")

# Option sets compared by --variants (passed straight to trafilatura.bare_extraction).
VARIANTS: dict[str, dict[str, Any]] = {
    "trafilatura defaults": {},
    "no comments": {"include_comments": False},
    "no comments, no tables": {"include_comments": False, "include_tables": False},
    "favor precision": {"include_comments": False, "favor_precision": True},
    "favor recall": {"include_comments": False, "favor_recall": True},
    "fast": {"include_comments": False, "fast": True},
    "fast, no tables": {"include_comments": False, "fast": True, "include_tables": False},
    "fast, recall": {"include_comments": False, "fast": True, "favor_recall": True},
}


def tokens(text: str) -> Counter[str]:
    """Lower-case word tokens of a text, counted."""
    return Counter(re.findall(r"\w+", text.lower()))


def token_f1(predicted: str, truth: str) -> float:
    """F1 of the multiset overlap of word tokens (1.0 when both texts are empty)."""
    got, want = tokens(predicted), tokens(truth)
    if not got and not want:
        return 1.0
    overlap = sum((got & want).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def whole_page_text(html: str) -> str:
    """All text a browser would show: the body without scripts, styles and templates."""
    root = lxml.html.document_fromstring(
        html.encode("utf-8"), lxml.html.HTMLParser(encoding="utf-8")
    )
    for element in root.iter(*_INVISIBLE):
        element.drop_tree()
    body = root.find("body")
    return str((body if body is not None else root).text_content())


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep the benchmark's output to its results."""


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a folder on 127.0.0.1; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Fetched:
    """One benchmark page after fetching: its truth and the page text the bot received."""

    page_id: str
    truth: str
    html: str


def load_truth(data: Path) -> list[dict[str, str]]:
    with (data / "ground-truth.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


async def fetch_all(records: list[dict[str, str]], base: str) -> tuple[list[Fetched], float]:
    """Fetch every page through the bot's fetcher; returns the pages and seconds spent."""
    policy = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))
    started = time.perf_counter()
    pages = []
    for record in records:
        page = await fetch_page(f"{base}/{record['id']}.html", policy)
        pages.append(Fetched(record["id"], record["articleBody"], page.text))
    return pages, time.perf_counter() - started


def score(pages: list[Fetched], extract: Callable[[str], str]) -> tuple[float, float]:
    """Mean token F1 of `extract` over the pages, and the seconds it took."""
    started = time.perf_counter()
    scores = [token_f1(extract(page.html), page.truth) for page in pages]
    return statistics.mean(scores), time.perf_counter() - started


def project_text(html: str) -> str:
    extracted = extract_article(html)
    return extracted.parsed.body if extracted else ""


def variant_text(options: dict[str, Any]) -> Callable[[str], str]:
    def run(html: str) -> str:
        document = bare_extraction(html, with_metadata=True, **options)
        return (document.text or "") if isinstance(document, Document) else ""

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", action="store_true", help="also score other option sets")
    parser.add_argument("--data", type=Path, default=DATA, help="the article-pages folder")
    args = parser.parse_args()
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    if not (args.data / "ground-truth.jsonl").is_file():
        print(f"no benchmark data at {args.data}", file=sys.stderr)
        return 2
    records = load_truth(args.data)
    with serve(args.data / "html") as base:
        pages, fetch_seconds = asyncio.run(fetch_all(records, base))
    f1, extract_seconds = score(pages, project_text)
    baseline, _ = score(pages, whole_page_text)
    print(f"pages                      {len(pages)}")
    print(f"extracted body token F1    {f1:.4f}")
    print(f"whole-page text token F1   {baseline:.4f}  (baseline, same run)")
    print(f"ratio                      {f1 / baseline:.3f}")
    print(
        f"fetch + extract            {len(pages) / (fetch_seconds + extract_seconds):.1f} pages/s"
    )
    print(f"extract alone              {len(pages) / extract_seconds:.1f} pages/s")
    if args.variants:
        print("\ntrafilatura option sets (token F1 of its raw text, title line included):")
        for name, options in VARIANTS.items():
            print(f"  {name:28} {score(pages, variant_text(options))[0]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
