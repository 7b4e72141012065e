"""What a page fetch may do (`FetchPolicy`) and how it fails (`FetchError`): shared by the
address checks, the bounded decoding and the fetch itself."""

from dataclasses import dataclass


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
    # Media types a response may declare; feeds widen it (`briefing.feeds.fetching`).
    accepted_types: frozenset[str] = frozenset({"text/html", "application/xhtml+xml", "text/plain"})


class FetchError(Exception):
    """A page could not be fetched: `reason` is a short sentence for the user, `kind` is for
    code ("blocked", "timeout", "http_status", "too_large", "content_type", "encoding",
    "redirects", "scheme", "invalid_url", "dns", "network")."""

    def __init__(self, kind: str, reason: str, retry_after: str | None = None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.retry_after = retry_after  # the site's Retry-After header, if it sent one


def size_label(size: int) -> str:
    """A byte count as people read it: "5 MB", "20 kB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1_000:
        return f"{size / 1_000:g} kB"
    return f"{size} bytes"


def too_large(policy: FetchPolicy) -> FetchError:
    """The error of a page over the size limit."""
    return FetchError("too_large", f"the page is larger than {size_label(policy.max_bytes)}")
