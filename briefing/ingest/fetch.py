"""Fetching a linked web page for the archive without letting a link reach a private network.

A link sent to the bot is untrusted: it may point at the bot's own machine, the local network or
a cloud metadata service, directly or through a redirect. So every hop (the first request and
each redirect, followed here by hand) resolves the host, refuses it if any of its addresses is
not public, and then connects to the address it checked: the request goes to that IP, with the
real name in the `Host` header and as the TLS server name, so certificates are still verified
for the name and a second DNS answer (rebinding) can never change where the connection goes.
Connections are not kept alive, so a TLS session opened for one name never carries a request for
another name on the same address.

Proxy settings from the environment and `.netrc` are ignored: a proxy would resolve names itself
and undo the address check.

The body is read raw and decompressed here, not by httpx: httpx inflates each network chunk whole,
so a few kilobytes of stacked gzip grow to gigabytes before any size check. Here every
decompression step yields at most `_DECODE_STEP` bytes, the compressed bytes, each layer's output
and the decoded page are all capped at `max_bytes`, and the event loop (and with it the deadline)
runs between steps. Only gzip and deflate are asked for and decoded; stacked codings ("gzip,
gzip") are decoded layer by layer under the same caps, up to `_MAX_CODINGS` layers.
"""

import asyncio
import codecs
import functools
import ipaddress
import re
import socket
import ssl
import zlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_SNIFF_BYTES = 1024
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

ACCEPT_ENCODING = "gzip, deflate"  # exactly the codings decoded below
_CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}
_MAX_CODINGS = 3  # stacked content codings decoded at most; more is refused
_DECODE_STEP = 64 * 1024  # the most bytes one decompression step takes in or gives out
_CODING_NAME_RE = re.compile(r"[a-z0-9._+, -]{1,40}")

# Ranges that are not reachable public hosts, beyond what the `ipaddress` flags cover in every
# Python version (the standard library's lists changed between patch releases).
_BLOCKED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",
        "100.64.0.0/10",  # carrier-grade NAT (shared address space)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, including cloud metadata at 169.254.169.254
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # retired 6to4 relay anycast
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, including the broadcast address
        "::/96",  # unspecified, loopback and the retired IPv4-compatible form
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard-only
        "2001::/23",  # IETF protocol assignments (Teredo, benchmarking, ...)
        "2001:db8::/32",  # documentation
        "3fff::/20",  # documentation
        "fc00::/7",  # unique-local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local
        "ff00::/8",  # multicast
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


@dataclass(frozen=True)
class FetchPolicy:
    """Limits for one page fetch; `allow_hosts` names hosts (or IP literals) exempt from the
    address check, such as a test server on 127.0.0.1."""

    allow_hosts: frozenset[str] = frozenset()
    max_bytes: int = 5_000_000
    connect_timeout: float = 5.0
    total_timeout: float = 15.0
    max_redirects: int = 5
    user_agent: str = "BriefingBot/0.1 (+archive)"


class FetchError(Exception):
    """A page could not be fetched: `reason` is a short sentence for the user, `kind` is for
    code ("blocked", "timeout", "http_status", "too_large", "content_type", "encoding",
    "redirects", "scheme", "invalid_url", "dns", "network")."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: the URL asked for, where redirects ended, and the decoded text."""

    url: str
    final_url: str
    status: int
    content_type: str
    text: str


@dataclass(frozen=True)
class _Target:
    """One hop's destination: the URL as named and the ASCII host and port to resolve."""

    url: httpx.URL
    host: str
    port: int


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, NAT64 or 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def is_public_address(ip: IPAddress) -> bool:
    """True only for addresses of ordinary hosts on the public internet.

    Loopback, private, link-local, shared (CGNAT), multicast, reserved, unspecified,
    documentation, site-local and unique-local addresses are not public; an IPv6 address that
    embeds an IPv4 address (mapped, NAT64, 6to4) is judged by the embedded one.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_public_address(embedded)
        if ip.is_site_local:
            return False
    flagged = (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )
    return not flagged and not any(ip in network for network in _BLOCKED_NETWORKS)


async def resolve_host(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for `host`, in its order, without repeats."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _target(url: str | httpx.URL) -> _Target:
    """Parse and vet a hop's URL: only http and https with a host."""
    try:
        parsed = httpx.URL(url)
        host = parsed.raw_host.decode("ascii").lower()
    except (httpx.InvalidURL, UnicodeError, ValueError, TypeError):
        raise FetchError("invalid_url", "the link is not a valid web address") from None
    if parsed.scheme not in _DEFAULT_PORTS:
        raise FetchError("scheme", "only http and https links can be archived")
    if not host:
        raise FetchError("invalid_url", "the link is not a valid web address")
    return _Target(parsed, host, parsed.port or _DEFAULT_PORTS[parsed.scheme])


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _blocked() -> FetchError:
    return FetchError("blocked", "the address is on a private network")


async def _resolve(target: _Target, resolver: Resolver) -> list[IPAddress]:
    """The host's addresses; a failed or empty lookup is a FetchError."""
    try:
        answers = await resolver(target.host, target.port)
        addresses = [ipaddress.ip_address(answer) for answer in answers]
    except (OSError, UnicodeError, ValueError):
        addresses = []
    if not addresses:
        raise FetchError("dns", "the host name could not be resolved")
    return addresses


async def _checked_addresses(
    target: _Target, policy: FetchPolicy, resolver: Resolver
) -> list[IPAddress]:
    """The addresses to connect to, refusing the hop if any of them is not public."""
    allowed = target.host in policy.allow_hosts
    literal = _ip_literal(target.host)
    addresses = [literal] if literal is not None else await _resolve(target, resolver)
    if not allowed and not all(is_public_address(address) for address in addresses):
        raise _blocked()
    return addresses


def _request(target: _Target, address: IPAddress, policy: FetchPolicy) -> httpx.Request:
    """A GET for the target sent to the checked address, naming the host for HTTP and TLS."""
    url = httpx.URL(
        scheme=target.url.scheme,
        host=str(address),
        port=target.url.port,
        raw_path=target.url.raw_path,
    )
    headers = {
        "Host": target.url.netloc.decode("ascii"),
        "User-Agent": policy.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
    return httpx.Request("GET", url, headers=headers, extensions=extensions)


async def _send(
    client: httpx.AsyncClient, target: _Target, addresses: list[IPAddress], policy: FetchPolicy
) -> httpx.Response:
    """Send the hop's request to each checked address in turn until one accepts a connection."""
    for address in addresses[:-1]:
        try:
            return await client.send(_request(target, address, policy), stream=True)
        except httpx.ConnectError:
            continue
    return await client.send(_request(target, addresses[-1], policy), stream=True)


def _redirect_location(response: httpx.Response) -> str | None:
    if response.status_code in _REDIRECT_STATUSES:
        return response.headers.get("location") or None
    return None


def _status_error(response: httpx.Response) -> FetchError:
    status = response.status_code
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = response.reason_phrase
    return FetchError("http_status", f"the site answered {status} {phrase}".rstrip())


def _size_label(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1_000:
        return f"{size / 1_000:g} kB"
    return f"{size} bytes"


def _too_large(policy: FetchPolicy) -> FetchError:
    return FetchError("too_large", f"the page is larger than {_size_label(policy.max_bytes)}")


def _media_type(response: httpx.Response) -> str:
    header: str = response.headers.get("content-type", "")
    return header.split(";", 1)[0].strip().lower()


def _check_declared(response: httpx.Response, policy: FetchPolicy) -> None:
    """Refuse by the response headers alone: wrong content type or a declared size too large."""
    media_type = _media_type(response)
    if media_type and media_type not in ACCEPTED_TYPES:
        raise FetchError("content_type", f"not a web page ({media_type})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise _too_large(policy)


def _require_html(head: bytes) -> None:
    """For a response without a content type: accept it only if it starts like HTML."""
    sample = head[:_SNIFF_BYTES].lower()
    if b"<html" not in sample and b"<!doctype html" not in sample:
        raise FetchError("content_type", "not a web page (no content type)")


def _unsupported_coding(codings: Sequence[str]) -> FetchError:
    named = ", ".join(codings)
    detail = f" ({named})" if _CODING_NAME_RE.fullmatch(named) else ""
    return FetchError("encoding", f"the page uses an unsupported compression{detail}")


def _undecodable() -> FetchError:
    return FetchError("encoding", "the site sent a response that could not be decoded")


def _is_zlib_header(head: bytes) -> bool:
    """True when two bytes open a zlib-wrapped deflate stream (RFC 1950), not raw deflate."""
    return head[0] & 0x0F == 8 and head[0] >> 4 <= 7 and (head[0] << 8 | head[1]) % 31 == 0


class _Inflater:
    """One gzip or deflate layer of a body, decoded in bounded steps.

    Each step gives out at most `_DECODE_STEP` bytes, and the layer's whole output is capped at
    `max_bytes`, so a tiny body that would inflate to gigabytes costs at most that much work.
    "deflate" is zlib-wrapped or raw as sites send it, told apart by its first two bytes. Bytes
    after the end of the compressed stream are ignored, as browsers do.
    """

    def __init__(self, coding: str, policy: FetchPolicy) -> None:
        self._inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if coding == "gzip" else None
        self._head = b""  # deflate: the first bytes, until the stream's kind is known
        self._policy = policy
        self._produced = 0

    def _started(self, data: bytes) -> bytes:
        """The input to decode now: for deflate, nothing until its first two bytes are here."""
        if self._inflate is None:
            self._head += data
            if len(self._head) < 2:
                return b""
            data, self._head = self._head, b""
            wbits = zlib.MAX_WBITS if _is_zlib_header(data) else -zlib.MAX_WBITS
            self._inflate = zlib.decompressobj(wbits)
        return data

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decode `data`, yielding each step's output (possibly empty) as soon as it is made."""
        pending = self._started(data)
        full = False  # the last step filled its output: zlib may hold more without new input
        while (pending or full) and self._inflate is not None and not self._inflate.eof:
            try:
                out = self._inflate.decompress(pending, _DECODE_STEP)
            except zlib.error:
                raise _undecodable() from None
            pending = self._inflate.unconsumed_tail
            full = len(out) == _DECODE_STEP
            self._produced += len(out)
            if self._produced > self._policy.max_bytes:
                raise _too_large(self._policy)
            yield out


def _layers(response: httpx.Response, policy: FetchPolicy) -> list[_Inflater]:
    """Decoders for the response's content codings, the last applied (outermost) first;
    unknown codings (br, zstd, ...) and too many layers are refused."""
    listed = response.headers.get_list("content-encoding", split_commas=True)
    codings = [name.strip().lower() for name in listed]
    codings = [name for name in codings if name and name != "identity"]
    unknown = [name for name in codings if name not in _CODINGS]
    if unknown or len(codings) > _MAX_CODINGS:
        raise _unsupported_coding(unknown or codings)
    return [_Inflater(_CODINGS[name], policy) for name in reversed(codings)]


def _decode_steps(layers: Sequence[_Inflater], data: bytes) -> Iterator[bytes]:
    """`data` decoded through every layer in bounded steps: yields the decoded page in pieces,
    and at least once per step of any layer (empty pieces too), so the caller can let the event
    loop run after each step."""
    if not layers:
        yield data
        return
    for piece in layers[0].feed(data):
        yield b""
        if piece:
            yield from _decode_steps(layers[1:], piece)


async def _once(content: bytes) -> AsyncIterator[bytes]:
    """A body that was read (and decoded) before it reached us, as one chunk."""
    yield content


async def _read_body(response: httpx.Response, policy: FetchPolicy, sniff: bool) -> bytes:
    """The decoded body, stopping as soon as the bytes received or the bytes decoded pass
    `max_bytes`; the event loop runs after every bounded decompression step."""
    pre_read = response.is_stream_consumed  # a test's transport built it read and decoded
    layers = [] if pre_read else _layers(response, policy)
    chunks = _once(response.content) if pre_read else response.aiter_raw()
    body = bytearray()
    received = 0
    async for chunk in chunks:
        received += len(chunk)
        if received > policy.max_bytes:
            raise _too_large(policy)
        for start in range(0, len(chunk), _DECODE_STEP):
            for piece in _decode_steps(layers, chunk[start : start + _DECODE_STEP]):
                body += piece
                if len(body) > policy.max_bytes:
                    raise _too_large(policy)
                await asyncio.sleep(0)
        if sniff and len(body) >= _SNIFF_BYTES:
            _require_html(bytes(body[:_SNIFF_BYTES]))
            sniff = False
    if sniff:
        _require_html(bytes(body))
    return bytes(body)


def _codec(name: str | None) -> str | None:
    """A Python codec for a declared charset; Latin-1 and ASCII labels mean windows-1252 on
    the web."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET_RE.search(body[:_CHARSET_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def decode_body(body: bytes, header_charset: str | None) -> str:
    """Text from page bytes: a byte-order mark, else the header's charset, else a `<meta>`
    charset, else UTF-8; undecodable bytes become replacement characters."""
    for mark, bom_codec in _BOMS:
        if body.startswith(mark):
            return body.decode(bom_codec, errors="replace")
    for declared in (header_charset, _meta_charset(body)):
        codec = _codec(declared)
        if codec:
            return body.decode(codec, errors="replace")
    return body.decode("utf-8", errors="replace")


async def _read_page(
    url: str, target: _Target, response: httpx.Response, policy: FetchPolicy
) -> FetchedPage:
    """Check a final (non-redirect) response and read it into a page."""
    if not 200 <= response.status_code < 300:
        raise _status_error(response)
    _check_declared(response, policy)
    media_type = _media_type(response)
    body = await _read_body(response, policy, sniff=not media_type)
    return FetchedPage(
        url=url,
        final_url=str(target.url),
        status=response.status_code,
        content_type=media_type or "text/html",
        text=decode_body(body, response.charset_encoding),
    )


async def _follow(
    url: str, policy: FetchPolicy, resolver: Resolver, client: httpx.AsyncClient
) -> FetchedPage:
    """Fetch `url`, checking and following redirects one hop at a time."""
    target = _target(url)
    for _ in range(policy.max_redirects + 1):
        addresses = await _checked_addresses(target, policy, resolver)
        response = await _send(client, target, addresses, policy)
        try:
            location = _redirect_location(response)
            if location is None:
                return await _read_page(url, target, response, policy)
        finally:
            await response.aclose()
        target = _target(_join(target.url, location))
    raise FetchError("redirects", "too many redirects")


def _join(base: httpx.URL, location: str) -> httpx.URL:
    try:
        return base.join(location)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        raise FetchError("invalid_url", "the site redirected to an invalid address") from None


def _caused_by_tls(error: BaseException) -> bool:
    """True when a TLS failure (such as an invalid certificate) is in the error's chain."""
    cause: BaseException | None = error
    for _ in range(10):
        if cause is None:
            break
        if isinstance(cause, ssl.SSLError):
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _transport_error(error: Exception, policy: FetchPolicy) -> FetchError:
    """A user-facing FetchError for an httpx or socket failure."""
    if isinstance(error, httpx.ConnectTimeout):
        seconds = f"{policy.connect_timeout:g} s"
        return FetchError("timeout", f"the site did not accept a connection within {seconds}")
    if isinstance(error, httpx.TimeoutException):
        return FetchError("timeout", f"timed out after {policy.total_timeout:g} s")
    if _caused_by_tls(error):
        return FetchError("network", "the site's secure connection could not be verified")
    if isinstance(error, httpx.ConnectError):
        return FetchError("network", "the site could not be reached")
    if isinstance(error, httpx.DecodingError):
        return FetchError("network", "the site sent a response that could not be decoded")
    return FetchError("network", "the connection to the site failed")


class _Borrowed(httpx.AsyncBaseTransport):
    """A caller's transport, used without closing it when our client closes."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self._inner = inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(request)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context for all fetches: building it loads the CA bundle (~40 ms)."""
    return httpx.create_ssl_context()


def _client(policy: FetchPolicy, transport: httpx.AsyncBaseTransport | None) -> httpx.AsyncClient:
    """A client that never follows redirects itself, ignores proxy settings and keeps no idle
    connections."""
    chosen = (
        _Borrowed(transport)
        if transport is not None
        else httpx.AsyncHTTPTransport(
            verify=_tls_context(), limits=httpx.Limits(max_keepalive_connections=0)
        )
    )
    return httpx.AsyncClient(
        transport=chosen,
        timeout=httpx.Timeout(policy.total_timeout, connect=policy.connect_timeout),
        follow_redirects=False,
        trust_env=False,
    )


async def fetch_page(
    url: str,
    policy: FetchPolicy,
    *,
    resolver: Resolver | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> FetchedPage:
    """Fetch a web page a user linked to, refusing anything but public http(s) web pages.

    Raises FetchError (and nothing else) for every network, HTTP, size, type or address
    problem, within `policy.total_timeout` seconds in all. `resolver` and `transport` replace
    DNS and the network, for tests.
    """
    try:
        async with asyncio.timeout(policy.total_timeout), _client(policy, transport) as client:
            return await _follow(url, policy, resolver or resolve_host, client)
    except TimeoutError:
        raise FetchError("timeout", f"timed out after {policy.total_timeout:g} s") from None
    except httpx.InvalidURL:
        raise FetchError("invalid_url", "the link is not a valid web address") from None
    except (httpx.HTTPError, httpx.StreamError, OSError) as error:
        raise _transport_error(error, policy) from error
