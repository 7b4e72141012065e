"""Benchmark of link fetching against decompression bombs: refused, quickly, in little memory.

Run from the project root:

    .venv/bin/python bench/fetch_bomb.py            # 2 GiB bombs, figures as text
    .venv/bin/python bench/fetch_bomb.py --json     # the same figures as one JSON object

A local server on 127.0.0.1 serves three pages, each fetched with `briefing.ingest.fetch.fetch_page`
(the path a link sent to the bot takes) under the default limits (5 MB, 15 s):

- baseline: an ordinary article page, gzip-compressed, fetched first (after one warm-up);
- nested bomb: `Content-Encoding: gzip, gzip`, a few kilobytes that decode to 2 GiB of zeros;
- single bomb: `Content-Encoding: gzip`, about 2 MB that decode to 2 GiB of zeros.

For each it prints the outcome, the elapsed seconds, the process's peak RSS (`ru_maxrss`, which
only grows) after the fetch, and the longest time the event loop was kept from running another
task. Targets: both bombs refused, peak RSS under 600 MB, within the 15 s limit; exits 1 if not.
"""

import argparse
import asyncio
import contextlib
import gzip
import itertools
import json
import resource
import struct
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from briefing.ingest.fetch import FetchError, FetchPolicy, fetch_page  # noqa: E402

MIB = 1 << 20
MEMORY_TARGET_MB = 600
POLICY = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))

ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Harbour Bridge Reopens</title>"
    "</head><body><article><h1>Harbour Bridge Reopens</h1>"
    + "<p>The harbour bridge reopened to traffic on Friday after eight months of repairs, the "
    "city council said, with buses returning to the route from Monday.</p>"
    * 40
    + "</article></body></html>"
).encode()


def gzip_of_zeros(size: int) -> bytes:
    """A valid gzip of `size` zero bytes (whole MiB), made in a second or two: after a full
    flush the compressor forgets its history, so every MiB compresses to the same block."""
    zeros = bytes(MIB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(zeros, crc)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
    return header + block * (size // MIB) + packer.flush() + trailer


class _Handler(BaseHTTPRequestHandler):
    """Serves the server's `pages`: path -> (Content-Encoding, body)."""

    server: "_Site"

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the output to the figures."""

    def do_GET(self) -> None:
        coding, body = self.server.pages.get(self.path, ("identity", b"not here"))
        self.send_response(200 if self.path in self.server.pages else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):  # the fetch hangs up once it has refused the page
            self.wfile.write(body)


class _Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, pages: dict[str, tuple[str, bytes]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.pages = pages

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A fetch hanging up mid-response is expected here."""


@contextmanager
def serving(pages: dict[str, tuple[str, bytes]]) -> Iterator[str]:
    """The pages on a local server for the duration; yields its base URL."""
    site = _Site(pages)
    thread = threading.Thread(target=site.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{site.server_address[1]}"
    finally:
        site.shutdown()
        site.server_close()


def peak_rss_mb() -> float:
    """The process's peak resident memory so far, in MB (ru_maxrss is kB on Linux)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


@dataclass
class Outcome:
    """One fetch: what came of it, how long it took and what it cost."""

    name: str
    sent_bytes: int
    outcome: str
    seconds: float
    peak_rss_mb: float
    longest_stall_ms: float


async def _measured_fetch(url: str) -> tuple[str, float, float]:
    """Fetch `url`; the outcome, elapsed seconds and the longest event-loop stall (ms): the
    longest gap, beyond its 1 ms sleep, between wake-ups of a task that ticks alongside."""
    wakes = [time.perf_counter()]

    async def ticker() -> None:
        while True:
            await asyncio.sleep(0.001)
            wakes.append(time.perf_counter())

    watch = asyncio.create_task(ticker())
    started = time.perf_counter()
    try:
        page = await fetch_page(url, POLICY)
        outcome = f"read {len(page.text):,} characters"
    except FetchError as error:
        outcome = f"refused: {error.reason}"
    elapsed = time.perf_counter() - started
    watch.cancel()
    wakes.append(time.perf_counter())  # a stall at the very end never let the ticker wake
    longest = max(later - earlier for earlier, later in itertools.pairwise(wakes)) - 0.001
    return outcome, elapsed, max(longest, 0.0) * 1000


def run(size: int) -> list[Outcome]:
    """Serve the baseline page and both bombs, fetch each in turn and measure it."""
    inner = gzip_of_zeros(size)
    pages = {
        "/baseline": ("gzip", gzip.compress(ARTICLE)),
        "/nested-bomb": ("gzip, gzip", gzip.compress(inner)),
        "/single-bomb": ("gzip", inner),
    }
    results = []
    with serving(pages) as base:
        asyncio.run(_measured_fetch(base + "/baseline"))  # warm-up: imports, first client
        for path, (_, body) in pages.items():
            outcome, seconds, stall = asyncio.run(_measured_fetch(base + path))
            name = path.strip("/")
            results.append(Outcome(name, len(body), outcome, seconds, peak_rss_mb(), stall))
    return results


def verdict(results: list[Outcome]) -> bool:
    """True when the baseline page was read and every bomb refused within the time limit with
    memory under target."""
    baseline, *bombs = results
    return baseline.outcome.startswith("read") and all(
        result.outcome.startswith("refused")
        and result.seconds < POLICY.total_timeout
        and result.peak_rss_mb < MEMORY_TARGET_MB
        for result in bombs
    )


def report(results: list[Outcome], size: int) -> str:
    """The figures as lines of text, each bomb against the baseline."""
    baseline = results[0]
    lines = [f"bombs decode to {size / 1e9:.2f} GB; limits: 5 MB, 15 s; memory target 600 MB"]
    for result in results:
        lines.append(
            f"{result.name:12} {result.sent_bytes:>11,} bytes sent  {result.outcome}\n"
            f"{'':12} {result.seconds:7.3f} s ({result.seconds / baseline.seconds:5.1f}x baseline)"
            f"  peak RSS {result.peak_rss_mb:6.1f} MB"
            f" ({result.peak_rss_mb / baseline.peak_rss_mb:4.2f}x baseline)"
            f"  longest loop stall {result.longest_stall_ms:5.1f} ms"
        )
    lines.append("PASS" if verdict(results) else "FAIL")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mib", type=int, default=2048, help="what each bomb decodes to")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    size = args.size_mib * MIB
    results = run(size)
    if args.json:
        figures = {
            "decoded_size_bytes": size,
            "memory_target_mb": MEMORY_TARGET_MB,
            "passed": verdict(results),
            **{result.name: asdict(result) for result in results},
        }
        print(json.dumps(figures))
    else:
        print(report(results, size))
    return 0 if verdict(results) else 1


if __name__ == "__main__":
    sys.exit(main())
