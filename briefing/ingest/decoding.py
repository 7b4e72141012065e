"""Reading a fetched page's body within bounds: its declared type and size checked, gzip and
deflate (stacked up to `_MAX_CODINGS` layers) decoded in steps of at most `_DECODE_STEP`
bytes with every output capped at `max_bytes`, and the bytes turned into text by a byte-order
mark, the declared charset, a `<meta>` charset, else UTF-8.

httpx would inflate each network chunk whole, so a few kilobytes of stacked gzip would grow to
gigabytes before any size check; here the event loop (and with it the deadline) runs between
steps.
"""

import asyncio
import codecs
import re
import zlib
from collections.abc import AsyncIterator, Iterator, Sequence

import httpx

from briefing.ingest.fetch_limits import FetchError, FetchPolicy, too_large

_SNIFF_BYTES = 1024
_CHARSET_SCAN_BYTES = 4096
_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

ACCEPT_ENCODING = "gzip, deflate"  # exactly the codings decoded below
_CODINGS = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}
_MAX_CODINGS = 3  # stacked content codings decoded at most; more is refused
_DECODE_STEP = 64 * 1024  # the most bytes one decompression step takes in or gives out
_CODING_NAME_RE = re.compile(r"[a-z0-9._+, -]{1,40}")


def media_type(response: httpx.Response) -> str:
    """The response's media type ("text/html"), lower case; "" when it names none."""
    header: str = response.headers.get("content-type", "")
    return header.split(";", 1)[0].strip().lower()


def check_declared(response: httpx.Response, policy: FetchPolicy) -> None:
    """Refuse by the response headers alone: wrong content type or a declared size too large."""
    declared = media_type(response)
    if declared and declared not in policy.accepted_types:
        raise FetchError("content_type", f"not a web page ({declared})")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > policy.max_bytes:
        raise too_large(policy)


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
                raise too_large(self._policy)
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


async def read_body(response: httpx.Response, policy: FetchPolicy, sniff: bool) -> bytes:
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
            raise too_large(policy)
        for start in range(0, len(chunk), _DECODE_STEP):
            for piece in _decode_steps(layers, chunk[start : start + _DECODE_STEP]):
                body += piece
                if len(body) > policy.max_bytes:
                    raise too_large(policy)
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
