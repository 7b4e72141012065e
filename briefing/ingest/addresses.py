"""Where a fetch may connect: only public internet addresses, checked for every hop.

A link may point at the bot's own machine, the local network or a cloud metadata service,
directly, through a name that resolves there, or through an IPv6 form embedding such an IPv4
address. `checked_addresses` resolves a hop's host and refuses it if any of its addresses is
not public; the fetch then connects to an address checked here (`briefing.ingest.fetch`).
"""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from briefing.ingest.fetch_limits import FetchError, FetchPolicy

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]

_DEFAULT_PORTS = {"http": 80, "https": 443}

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
class Target:
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


def hop_target(url: str | httpx.URL) -> Target:
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
    return Target(parsed, host, parsed.port or _DEFAULT_PORTS[parsed.scheme])


def _ip_literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _blocked() -> FetchError:
    return FetchError("blocked", "the address is on a private network")


async def _resolve(target: Target, resolver: Resolver) -> list[IPAddress]:
    """The host's addresses; a failed or empty lookup is a FetchError."""
    try:
        answers = await resolver(target.host, target.port)
        addresses = [ipaddress.ip_address(answer) for answer in answers]
    except (OSError, UnicodeError, ValueError):
        addresses = []
    if not addresses:
        raise FetchError("dns", "the host name could not be resolved")
    return addresses


async def checked_addresses(
    target: Target, policy: FetchPolicy, resolver: Resolver
) -> list[IPAddress]:
    """The addresses to connect to, refusing the hop if any of them is not public."""
    allowed = target.host in policy.allow_hosts
    literal = _ip_literal(target.host)
    addresses = [literal] if literal is not None else await _resolve(target, resolver)
    if not allowed and not all(is_public_address(address) for address in addresses):
        raise _blocked()
    return addresses
