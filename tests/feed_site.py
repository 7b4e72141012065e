"""A local feed site for tests and benchmarks: feeds and article pages on 127.0.0.1, answering
conditional requests with 304, recording the headers of every request and how many requests it
served at once."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape


class FeedSite(ThreadingHTTPServer):
    """Serves `routes` (path -> (status, content type, body)); a route's ETag is fixed per body,
    and a request whose If-None-Match names it gets "304 Not Modified"."""

    daemon_threads = True
    request_queue_size = 1024

    def __init__(self, delay: float = 0.0) -> None:
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.extra_headers: dict[str, dict[str, str]] = {}  # path -> headers sent with it
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.delay = delay
        self.in_flight = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self.server_address[1]}{path}"

    def headers_of(self, path: str) -> list[dict[str, str]]:
        """The headers of each request for `path`, in order."""
        return [headers for asked, headers in self.requests if asked == path]

    def enter(self) -> None:
        with self._lock:
            self.in_flight += 1
            self.most_at_once = max(self.most_at_once, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


class FeedHandler(BaseHTTPRequestHandler):
    server: FeedSite
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:
        self.server.enter()
        try:
            self._answer()
        finally:
            self.server.leave()

    def _answer(self) -> None:
        path = self.path.split("?", 1)[0]
        with self.server._lock:
            self.server.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
        if self.server.delay:
            threading.Event().wait(self.server.delay)
        status, content_type, body = self.server.routes.get(path, (404, "text/plain", b"none"))
        etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
        if status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if status == 200:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", "Mon, 02 Sep 2024 06:00:00 GMT")
        for name, value in self.server.extra_headers.get(path, {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep output quiet."""


@contextmanager
def feed_site(delay: float = 0.0) -> Iterator[FeedSite]:
    """A running feed site, shut down after use."""
    server = FeedSite(delay)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def rss(title: str, items: list[tuple[str, str, str]], site: str = "") -> bytes:
    """An RSS 2.0 document: items are (title, link, summary)."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<description>{escape(summary)}</description>"
        f"<pubDate>Mon, 02 Sep 2024 0{n % 10}:00:00 GMT</pubDate></item>"
        for n, (t, link, summary) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(site)}</link>{entries}</channel></rss>"
    ).encode()
