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

The address checks are `briefing.ingest.addresses`; the body is read raw and decoded in bounded
steps by `briefing.ingest.decoding`, not by httpx (which inflates each chunk whole).
"""

import asyncio
import functools
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus

import httpx

from briefing.ingest.addresses import (
    IPAddress,
    Resolver,
    Target,
    checked_addresses,
    hop_target,
    is_public_address,
    resolve_host,
)
from briefing.ingest.decoding import (
    ACCEPT_ENCODING,
    check_declared,
    decode_body,
    media_type,
    read_body,
)
from briefing.ingest.fetch_limits import FetchError, FetchPolicy

__all__ = [
    "FetchError",
    "FetchPolicy",
    "FetchedPage",
    "Resolver",
    "decode_body",
    "fetch_page",
    "is_public_address",
]

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchedPage:
    """A fetched page: the URL asked for, where redirects ended, and the decoded text."""

    url: str
    final_url: str
    status: int
    content_type: str
    text: str
    etag: str | None = None  # validators for a conditional request next time (feeds)
    last_modified: str | None = None


def _request(
    target: Target, address: IPAddress, policy: FetchPolicy, extra: Mapping[str, str]
) -> httpx.Request:
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
        **extra,
    }
    extensions = {"sni_hostname": target.host} if target.url.scheme == "https" else {}
    return httpx.Request("GET", url, headers=headers, extensions=extensions)


async def _send(
    client: httpx.AsyncClient,
    target: Target,
    addresses: list[IPAddress],
    policy: FetchPolicy,
    extra: Mapping[str, str],
) -> httpx.Response:
    """Send the hop's request to each checked address in turn until one accepts a connection."""
    for address in addresses[:-1]:
        try:
            return await client.send(_request(target, address, policy, extra), stream=True)
        except httpx.ConnectError:
            continue
    return await client.send(_request(target, addresses[-1], policy, extra), stream=True)


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
    reason = f"the site answered {status} {phrase}".rstrip()
    return FetchError("http_status", reason, response.headers.get("retry-after"))


async def _read_page(
    url: str, target: Target, response: httpx.Response, policy: FetchPolicy, conditional: bool
) -> FetchedPage:
    """Check a final (non-redirect) response and read it into a page (an empty one for "304
    Not Modified" to a conditional request)."""
    if conditional and response.status_code == HTTPStatus.NOT_MODIFIED:
        return FetchedPage(url, str(target.url), 304, "", "")
    if not 200 <= response.status_code < 300:
        raise _status_error(response)
    check_declared(response, policy)
    declared = media_type(response)
    body = await read_body(response, policy, sniff=not declared)
    return FetchedPage(
        url=url,
        final_url=str(target.url),
        status=response.status_code,
        content_type=declared or "text/html",
        text=decode_body(body, response.charset_encoding),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


async def _follow(
    url: str,
    policy: FetchPolicy,
    resolver: Resolver,
    client: httpx.AsyncClient,
    extra: Mapping[str, str],
) -> FetchedPage:
    """Fetch `url`, checking and following redirects one hop at a time."""
    target = hop_target(url)
    for _ in range(policy.max_redirects + 1):
        addresses = await checked_addresses(target, policy, resolver)
        response = await _send(client, target, addresses, policy, extra)
        try:
            location = _redirect_location(response)
            if location is None:
                conditional = "If-None-Match" in extra or "If-Modified-Since" in extra
                return await _read_page(url, target, response, policy, conditional)
        finally:
            await response.aclose()
        target = hop_target(_join(target.url, location))
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
    headers: Mapping[str, str] | None = None,
) -> FetchedPage:
    """Fetch a web page a user linked to, refusing anything but public http(s) web pages.

    Raises FetchError (and nothing else) for every network, HTTP, size, type or address
    problem, within `policy.total_timeout` seconds in all. `resolver` and `transport` replace
    DNS and the network, for tests. `headers` are added to each request (a feed's
    `If-None-Match`); with a conditional header, "304 Not Modified" is a page with status 304.
    """
    try:
        async with asyncio.timeout(policy.total_timeout), _client(policy, transport) as client:
            return await _follow(url, policy, resolver or resolve_host, client, headers or {})
    except TimeoutError:
        raise FetchError("timeout", f"timed out after {policy.total_timeout:g} s") from None
    except httpx.InvalidURL:
        raise FetchError("invalid_url", "the link is not a valid web address") from None
    except (httpx.HTTPError, httpx.StreamError, OSError) as error:
        raise _transport_error(error, policy) from error
