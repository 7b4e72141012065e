"""Safe link fetching: refused addresses never get a connection, and real pages come back clean.

Two kinds of test. Address checks run with a fake resolver and a transport that fails the test
if it is ever asked to connect. Everything that needs a real server talks to one this file
starts on 127.0.0.1 (allowed by the policy); no test connects anywhere else.
"""

import asyncio
import contextlib
import functools
import gzip
import ipaddress
import socket
import ssl
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import AsyncIterator, Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.ingest.extract import extract_article, extract_text_page
from briefing.ingest.fetch import (
    FetchError,
    FetchPolicy,
    Resolver,
    decode_body,
    fetch_page,
    is_public_address,
)

LOCAL = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))
HUGE = 50_000_000
CHUNK = b"<p>" + b"filler " * 9_000 + b"</p>\n"

ARTICLE_HTML = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Night Trains Return to the Varno Valley | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<meta property="article:published_time" content="2024-09-02T06:00:00Z">
<link rel="canonical" href="https://gazette.example.org/2024/09/02/night-trains">
<script>var counter = "tracking-snippet";</script></head>
<body><nav><a href="/">Front page</a> <a href="/sport">Sport</a></nav>
<article><h1>Night Trains Return to the Varno Valley</h1>
<p>The overnight service between Varno and the coast restarted on Monday, eleven years after
the last sleeper carriage was withdrawn from the valley line.</p>
<p>Rail operator spokeswoman Adela Ruiz said the first train left almost full and that bookings
for the autumn holidays had already passed the company's forecast for the whole year.</p>
<p>Local hoteliers welcomed the return, saying visitors from the coast had dwindled since the
bus became the only way to reach the valley after dark.</p>
</article><footer>Valley Gazette, all rights reserved</footer></body></html>"""

EMPTY_HTML = """<!doctype html><html><head><title>Valley Gazette</title></head>
<body><nav><a href="/">Front page</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav>
<footer>Valley Gazette, all rights reserved</footer></body></html>"""

PLAIN_TEXT = """# Ferry Timetable Extended for Summer

June 3, 2024

The island ferry will run two extra crossings each evening from July, the port said.
"""


MIB = 1 << 20
BOMB_SIZE = 128 * MIB  # what each bomb decodes to: 25 times the 5 MB cap
EMPTY_STORED_BLOCK = b"\x00\x00\x00\xff\xff"  # a raw deflate block holding nothing


def raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def gzip_frame(deflated: bytes, crc: int = 0, size: int = 0) -> bytes:
    """A gzip member around a raw deflate stream (RFC 1952)."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + deflated + struct.pack("<II", crc, size & 0xFFFFFFFF)


@functools.cache
def gzip_of_zeros(size: int) -> bytes:
    """A valid gzip of `size` zero bytes (whole MiB), quick to make: after a full flush the
    compressor forgets its history, so every MiB of zeros compresses to the same block."""
    zeros = bytes(MIB)
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size // MIB):
        crc = zlib.crc32(zeros, crc)
    return gzip_frame(block * (size // MIB) + packer.flush(), crc, size)


def compressed_routes(reply: Callable[..., None]) -> dict[str, Callable[[], None]]:
    """Pages sent with a content coding: real ones, bombs and broken ones."""
    page = ARTICLE_HTML.encode()
    html = "text/html; charset=utf-8"
    return {
        "/gzip": lambda: reply(200, gzip.compress(page), html, Content_Encoding="gzip"),
        "/x-gzip": lambda: reply(200, gzip.compress(page), html, Content_Encoding="x-gzip"),
        "/deflate": lambda: reply(200, zlib.compress(page), html, Content_Encoding="deflate"),
        "/raw-deflate": lambda: reply(200, raw_deflate(page), html, Content_Encoding="deflate"),
        "/gzip-gzip": lambda: reply(
            200, gzip.compress(gzip.compress(page)), html, Content_Encoding="gzip, gzip"
        ),
        "/bomb": lambda: reply(200, gzip_of_zeros(BOMB_SIZE), Content_Encoding="gzip"),
        "/nested-bomb": lambda: reply(
            200, gzip.compress(gzip_of_zeros(BOMB_SIZE)), Content_Encoding="gzip, gzip"
        ),
        "/brotli": lambda: reply(200, b"\x1b\x03\x00\xf8", Content_Encoding="br"),
        "/zstd": lambda: reply(200, b"\x28\xb5\x2f\xfd", Content_Encoding="zstd"),
        "/gzip-x4": lambda: reply(200, page, Content_Encoding="gzip, gzip, gzip, gzip"),
        "/corrupt-gzip": lambda: reply(200, b"\x1f\x8b" + bytes(64), Content_Encoding="gzip"),
    }


class LocalSite(ThreadingHTTPServer):
    """A test web server on 127.0.0.1 serving pages this project wrote."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Pages)
        self.release = threading.Event()  # set at teardown: slow responses stop waiting
        self.stream_done = threading.Event()
        self.streamed = 0
        self.accept_encodings: list[str] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-response is what several tests do on purpose."""


class _Pages(BaseHTTPRequestHandler):
    server: LocalSite

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""

    def _reply(
        self, status: int, body: bytes = b"", content_type: str | None = "text/html", **headers: str
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._reply(302, content_type=None, Location=location)

    def _stream(self, declared: bool) -> None:
        """Send a 50 MB page chunk by chunk, counting what actually went out."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        if declared:
            self.send_header("Content-Length", str(HUGE))
        self.end_headers()
        try:
            while self.server.streamed < HUGE:
                self.wfile.write(CHUNK)
                self.server.streamed += len(CHUNK)
        except OSError:
            pass
        finally:
            self.server.stream_done.set()

    def _trickle(self) -> None:
        """Headers at once, then one byte every 50 ms until the test ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            while not self.server.release.wait(0.05):
                self.wfile.write(b" ")
        except OSError:
            pass

    def _stream_nothing(self) -> None:
        """A gzip body of 6 MB that decodes to nothing, sent without a declared length."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(gzip_frame(EMPTY_STORED_BLOCK * (6_000_000 // 5)))

    def _trickle_gzip(self) -> None:
        """A gzip body flushed one decodable piece every 50 ms until the test ends."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        try:
            self.wfile.write(packer.compress(b"<html>") + packer.flush(zlib.Z_SYNC_FLUSH))
            while not self.server.release.wait(0.05):
                self.wfile.write(packer.compress(b"<p>more</p>") + packer.flush(zlib.Z_SYNC_FLUSH))
        except OSError:
            pass

    def do_GET(self) -> None:
        self.server.accept_encodings.append(self.headers.get("Accept-Encoding", ""))
        port = self.server.server_address[1]
        path = self.path
        routes: dict[str, Callable[[], None]] = {
            "/article": lambda: self._reply(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8"),
            "/empty": lambda: self._reply(200, EMPTY_HTML.encode()),
            "/plain": lambda: self._reply(200, PLAIN_TEXT.encode(), "text/plain; charset=utf-8"),
            "/untyped": lambda: self._reply(200, ARTICLE_HTML.encode(), None),
            "/untyped-binary": lambda: self._reply(200, b"\x89PNG\r\n\x1a\n" + bytes(64), None),
            "/report.pdf": lambda: self._reply(200, b"%PDF-1.7\n", "application/pdf"),
            "/forbidden": lambda: self._reply(403, b"no", "text/plain"),
            "/cp1252": lambda: self._reply(
                200, "<p>Café crème</p>".encode("cp1252"), "text/html; charset=windows-1252"
            ),
            "/meta-charset": lambda: self._reply(
                200,
                '<html><head><meta charset="koi8-r"></head><p>Москва</p>'.encode("koi8_r"),
                "text/html",
            ),
            "/loop": lambda: self._redirect("/loop"),
            "/to-localhost": lambda: self._redirect(f"http://localhost:{port}/article"),
            "/to-metadata": lambda: self._redirect("http://169.254.169.254/latest/meta-data/"),
            "/huge": lambda: self._stream(declared=True),
            "/huge-undeclared": lambda: self._stream(declared=False),
            "/slow": lambda: self.server.release.wait(10) or self._reply(200, b"<html>late"),
            "/trickle": self._trickle,
            "/gzip-trickle": self._trickle_gzip,
            "/gzip-of-nothing": self._stream_nothing,
            **compressed_routes(self._reply),
        }
        if path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hops/{left - 1}" if left > 1 else "/article")
        elif path in routes:
            routes[path]()
        else:
            self._reply(404, b"not here")


@pytest.fixture
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield server
    server.release.set()
    server.shutdown()
    server.server_close()


def refusing_transport(attempts: list[httpx.Request]) -> httpx.MockTransport:
    """A transport for tests where any connection attempt is the bug."""

    def handler(request: httpx.Request) -> httpx.Response:
        attempts.append(request)
        pytest.fail(f"a connection was attempted to {request.url}")

    return httpx.MockTransport(handler)


def fake_resolver(answers: dict[str, list[str]], asked: list[str] | None = None) -> Resolver:
    """DNS from a dict; records the names asked for."""

    async def resolve(host: str, port: int) -> list[str]:
        if asked is not None:
            asked.append(host)
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "unknown name")
        return answers[host]

    return resolve


NOT_PUBLIC = [
    "127.0.0.1",  # loopback
    "127.255.0.9",
    "10.1.2.3",  # private
    "172.16.5.4",
    "192.168.1.1",
    "169.254.169.254",  # link-local: cloud metadata
    "100.64.0.1",  # shared (carrier-grade NAT)
    "0.0.0.0",  # unspecified
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "192.0.2.1",  # documentation
    "198.51.100.7",
    "203.0.113.9",
    "198.18.0.1",  # benchmarking
    "::1",
    "::",
    "fe80::1",  # link-local
    "fc00::1",  # unique-local
    "fd12:3456::1",
    "fec0::1",  # site-local
    "ff02::1",  # multicast
    "2001:db8::1",  # documentation
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
    "2002:a00:1::1",  # 6to4 of 10.0.0.1
]
PUBLIC = ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_non_public_addresses_are_recognised(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@given(st.ip_addresses(v=4))
def test_ipv6_forms_of_an_ipv4_address_are_judged_by_it(ip: ipaddress.IPv4Address) -> None:
    mapped = ipaddress.IPv6Address(f"::ffff:{ip}")
    nat64 = ipaddress.IPv6Address(f"64:ff9b::{ip}")
    assert is_public_address(mapped) == is_public_address(nat64) == is_public_address(ip)


@pytest.mark.parametrize("address", NOT_PUBLIC)
async def test_a_name_resolving_to_a_non_public_address_is_never_connected(address: str) -> None:
    attempts: list[httpx.Request] = []
    resolver = fake_resolver({"news.example": [address]})
    with pytest.raises(FetchError) as caught:
        await fetch_page(
            "https://news.example/story",
            FetchPolicy(),
            resolver=resolver,
            transport=refusing_transport(attempts),
        )
    assert caught.value.kind == "blocked"
    assert caught.value.reason == "the address is on a private network"
    assert attempts == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080/",
        "http://[::ffff:7f00:1]/",
        "http://2130706433/",  # 127.0.0.1 as one decimal number, read by the system resolver
    ],
)
async def test_literal_non_public_addresses_are_never_connected(url: str) -> None:
    attempts: list[httpx.Request] = []
    with pytest.raises(FetchError) as caught:
        await fetch_page(url, FetchPolicy(), transport=refusing_transport(attempts))
    assert caught.value.kind == "blocked"
    assert attempts == []


async def test_one_private_address_among_public_ones_blocks_the_host() -> None:
    attempts: list[httpx.Request] = []
    resolver = fake_resolver({"news.example": ["93.184.215.14", "10.0.0.7"]})
    with pytest.raises(FetchError) as caught:
        await fetch_page(
            "http://news.example/",
            FetchPolicy(),
            resolver=resolver,
            transport=refusing_transport(attempts),
        )
    assert caught.value.kind == "blocked"


def recording_transport(
    seen: list[httpx.Request], respond: Callable[[httpx.Request], httpx.Response]
) -> httpx.MockTransport:
    """A fake network (nothing leaves the process) that records every request."""

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return respond(request)

    return httpx.MockTransport(handler)


def html_response(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, html=ARTICLE_HTML)


async def test_connects_to_the_checked_address_with_the_name_for_http_and_tls() -> None:
    """The name is resolved once per hop; a second DNS answer (rebinding) cannot be used."""
    seen: list[httpx.Request] = []
    asked: list[str] = []
    answers = iter([["93.184.215.14"], ["127.0.0.1"]])

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return next(answers)

    page = await fetch_page(
        "https://News.Example/story?id=7",
        FetchPolicy(),
        resolver=rebinding,
        transport=recording_transport(seen, html_response),
    )
    [request] = seen
    assert asked == ["news.example"]
    assert request.url.host == "93.184.215.14"
    assert request.url.raw_path == b"/story?id=7"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"
    assert page.final_url == "https://news.example/story?id=7"
    assert page.url == "https://News.Example/story?id=7"


async def test_a_redirect_to_a_private_host_is_checked_and_refused() -> None:
    seen: list[httpx.Request] = []
    resolver = fake_resolver({"news.example": ["93.184.215.14"], "intranet.example": ["10.2.3.4"]})

    def redirect(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://intranet.example/admin"})

    with pytest.raises(FetchError) as caught:
        await fetch_page(
            "http://news.example/",
            FetchPolicy(),
            resolver=resolver,
            transport=recording_transport(seen, redirect),
        )
    assert caught.value.kind == "blocked"
    assert [str(request.url) for request in seen] == ["http://93.184.215.14/"]


@pytest.mark.parametrize(
    "url", ["ftp://news.example/file", "file:///etc/passwd", "javascript:alert(1)", "news.example"]
)
async def test_only_http_and_https(url: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(url, FetchPolicy(), transport=refusing_transport([]))
    assert caught.value.kind == "scheme"
    assert caught.value.reason == "only http and https links can be archived"


async def test_invalid_url() -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page("http://", FetchPolicy(), transport=refusing_transport([]))
    assert caught.value.kind == "invalid_url"


@pytest.mark.parametrize("answers", [{}, {"news.example": []}, {"news.example": ["not an ip"]}])
async def test_unresolvable_host(answers: dict[str, list[str]]) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(
            "http://news.example/",
            FetchPolicy(),
            resolver=fake_resolver(answers),
            transport=refusing_transport([]),
        )
    assert caught.value.kind == "dns"
    assert caught.value.reason == "the host name could not be resolved"


def _tls_failure() -> httpx.ConnectError:
    try:
        raise ssl.SSLCertVerificationError("certificate verify failed")
    except ssl.SSLError as cause:
        error = httpx.ConnectError("tls")
        error.__cause__ = cause
        return error


@pytest.mark.parametrize(
    ("error", "kind", "reason"),
    [
        (
            httpx.ConnectTimeout("slow"),
            "timeout",
            "the site did not accept a connection within 5 s",
        ),
        (httpx.ReadTimeout("slow"), "timeout", "timed out after 15 s"),
        (httpx.ConnectError("refused"), "network", "the site could not be reached"),
        (_tls_failure(), "network", "the site's secure connection could not be verified"),
        (httpx.RemoteProtocolError("bad"), "network", "the connection to the site failed"),
    ],
)
async def test_network_failures_become_fetch_errors(
    error: Exception, kind: str, reason: str
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise error

    with pytest.raises(FetchError) as caught:
        await fetch_page(
            "https://news.example/",
            FetchPolicy(),
            resolver=fake_resolver({"news.example": ["93.184.215.14"]}),
            transport=httpx.MockTransport(fail),
        )
    assert (caught.value.kind, caught.value.reason) == (kind, reason)


async def test_next_address_is_tried_when_the_first_refuses() -> None:
    seen: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        if request.url.host == "93.184.215.14":
            raise httpx.ConnectError("refused")
        return html_response(request)

    page = await fetch_page(
        "http://news.example/",
        FetchPolicy(),
        resolver=fake_resolver({"news.example": ["93.184.215.14", "2606:2800:21f:cb07::1"]}),
        transport=recording_transport(seen, respond),
    )
    assert [request.url.host for request in seen] == ["93.184.215.14", "2606:2800:21f:cb07::1"]
    assert page.status == 200


# --- against the local server -------------------------------------------------------------


async def test_article_page(site: LocalSite) -> None:
    page = await fetch_page(f"{site.base}/article", LOCAL)
    assert (page.status, page.content_type) == (200, "text/html")
    assert page.final_url == page.url == f"{site.base}/article"
    extracted = extract_article(page.text, page.final_url)
    assert extracted is not None
    assert extracted.parsed.title == "Night Trains Return to the Varno Valley"
    assert "bookings for the autumn holidays" in extracted.parsed.body


async def test_page_without_an_article(site: LocalSite) -> None:
    page = await fetch_page(f"{site.base}/empty", LOCAL)
    assert extract_article(page.text, page.final_url) is None


async def test_plain_text_page(site: LocalSite) -> None:
    page = await fetch_page(f"{site.base}/plain", LOCAL)
    assert page.content_type == "text/plain"
    extracted = extract_text_page(page.text, page.final_url)
    assert extracted is not None
    assert extracted.parsed.title == "Ferry Timetable Extended for Summer"


async def test_redirect_chain_up_to_the_limit_is_followed(site: LocalSite) -> None:
    assert LOCAL.max_redirects == 5
    page = await fetch_page(f"{site.base}/hops/5", LOCAL)
    assert page.final_url == f"{site.base}/article"
    assert page.url == f"{site.base}/hops/5"


@pytest.mark.parametrize("path", ["/hops/6", "/loop"])
async def test_too_many_redirects(site: LocalSite, path: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}{path}", LOCAL)
    assert (caught.value.kind, caught.value.reason) == ("redirects", "too many redirects")


async def test_redirect_to_a_loopback_name_is_refused(site: LocalSite) -> None:
    asked: list[str] = []
    resolver = fake_resolver({"localhost": ["127.0.0.1", "::1"]}, asked)
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/to-localhost", LOCAL, resolver=resolver)
    assert caught.value.kind == "blocked"
    assert asked == ["localhost"]


async def test_redirect_to_cloud_metadata_is_refused(site: LocalSite) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/to-metadata", LOCAL)
    assert caught.value.kind == "blocked"


@pytest.mark.parametrize("path", ["/huge", "/huge-undeclared"])
async def test_a_50_mb_page_is_refused_without_reading_it(site: LocalSite, path: str) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}{path}", LOCAL)
    assert (caught.value.kind, caught.value.reason) == ("too_large", "the page is larger than 5 MB")
    assert await asyncio.to_thread(site.stream_done.wait, 5)
    assert site.streamed < HUGE // 2


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
async def test_total_deadline(site: LocalSite, path: str) -> None:
    policy = FetchPolicy(allow_hosts=LOCAL.allow_hosts, total_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}{path}", policy)
    assert (caught.value.kind, caught.value.reason) == ("timeout", "timed out after 0.3 s")
    assert time.monotonic() - started < 2


async def test_pdf_is_not_a_web_page(site: LocalSite) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/report.pdf", LOCAL)
    assert (caught.value.kind, caught.value.reason) == (
        "content_type",
        "not a web page (application/pdf)",
    )


async def test_http_error_status(site: LocalSite) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/forbidden", LOCAL)
    assert (caught.value.kind, caught.value.reason) == (
        "http_status",
        "the site answered 403 Forbidden",
    )


async def test_missing_content_type_is_sniffed(site: LocalSite) -> None:
    page = await fetch_page(f"{site.base}/untyped", LOCAL)
    assert page.content_type == "text/html"
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/untyped-binary", LOCAL)
    assert caught.value.kind == "content_type"


async def test_charset_from_header_then_meta(site: LocalSite) -> None:
    assert "Café crème" in (await fetch_page(f"{site.base}/cp1252", LOCAL)).text
    assert "Москва" in (await fetch_page(f"{site.base}/meta-charset", LOCAL)).text


async def test_refused_connection_on_loopback() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"http://127.0.0.1:{port}/", LOCAL)
    assert caught.value.kind == "network"


def test_decoding_falls_back_to_utf8_with_replacement() -> None:
    assert decode_body("naïve".encode(), None) == "naïve"
    assert decode_body(b"caf\xe9", None) == "caf\ufffd"
    assert decode_body(b"caf\xe9", "iso-8859-1") == "café"
    assert decode_body(b"caf\xe9", "no-such-charset") == "caf\ufffd"
    assert decode_body("hello".encode("utf-16"), "utf-8") == "hello"


# --- compressed pages -----------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/gzip", "/x-gzip", "/deflate", "/raw-deflate", "/gzip-gzip"])
async def test_compressed_pages_are_decoded(site: LocalSite, path: str) -> None:
    page = await fetch_page(f"{site.base}{path}", LOCAL)
    assert page.text == ARTICLE_HTML
    extracted = extract_article(page.text, page.final_url)
    assert extracted is not None
    assert extracted.parsed.title == "Night Trains Return to the Varno Valley"


async def test_only_the_codings_we_decode_are_asked_for(site: LocalSite) -> None:
    await fetch_page(f"{site.base}/article", LOCAL)
    assert site.accept_encodings == ["gzip, deflate"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/brotli", "the page uses an unsupported compression (br)"),
        ("/zstd", "the page uses an unsupported compression (zstd)"),
        ("/gzip-x4", "the page uses an unsupported compression (gzip, gzip, gzip, gzip)"),
        ("/corrupt-gzip", "the site sent a response that could not be decoded"),
    ],
)
async def test_compression_we_cannot_decode_is_refused(
    site: LocalSite, path: str, reason: str
) -> None:
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}{path}", LOCAL)
    assert (caught.value.kind, caught.value.reason) == ("encoding", reason)


@pytest.mark.parametrize("path", ["/bomb", "/nested-bomb", "/gzip-of-nothing"])
async def test_a_decompression_bomb_is_refused_quickly_in_little_memory(
    site: LocalSite, path: str
) -> None:
    """128 MiB of zeros in 130 kB (one gzip layer) or 1 kB (two layers); 6 MB of gzip that
    decodes to nothing. Each stops at the 5 MB cap, decoded or received."""
    gzip_of_zeros(BOMB_SIZE)  # made before measuring
    started = time.monotonic()
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            await fetch_page(f"{site.base}{path}", LOCAL)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (caught.value.kind, caught.value.reason) == ("too_large", "the page is larger than 5 MB")
    assert peak < 30 * MIB
    assert time.monotonic() - started < 5


class OneRead(httpx.AsyncByteStream):
    """A body that arrives in a single read, so the fetch never waits for the network."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield self._data


async def test_the_event_loop_runs_between_decompression_steps() -> None:
    """Decoding a bomb that came in one read still lets another task run once per 64 kB."""
    bomb = gzip.compress(gzip_of_zeros(BOMB_SIZE))

    def respond(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Encoding": "gzip, gzip"}
        return httpx.Response(200, headers=headers, stream=OneRead(bomb))

    turns = 0

    async def other_task() -> None:
        nonlocal turns
        while True:
            await asyncio.sleep(0)
            turns += 1

    ticker = asyncio.create_task(other_task())
    try:
        with pytest.raises(FetchError) as caught:
            await fetch_page(
                "http://news.example/",
                FetchPolicy(),
                resolver=fake_resolver({"news.example": ["93.184.215.14"]}),
                transport=httpx.MockTransport(respond),
            )
    finally:
        ticker.cancel()
    assert caught.value.kind == "too_large"
    assert turns >= FetchPolicy().max_bytes // (64 * 1024)


async def test_a_compressed_trickle_is_cut_at_the_deadline(site: LocalSite) -> None:
    policy = FetchPolicy(allow_hosts=LOCAL.allow_hosts, total_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        await fetch_page(f"{site.base}/gzip-trickle", policy)
    assert (caught.value.kind, caught.value.reason) == ("timeout", "timed out after 0.3 s")
    assert time.monotonic() - started < 2
