"""Fetching feeds through the project's safe fetcher (the same address checks, size and time
caps as a linked page), with a feed's media types accepted and conditional requests sent."""

from dataclasses import dataclass, replace

from briefing.ingest.fetch import FetchedPage, FetchPolicy, fetch_page

FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/html",  # a site's page, which names its feed (`briefing.feeds.discovery`)
        "application/xhtml+xml",
        "text/plain",
        "application/octet-stream",  # what some servers call any file
    }
)
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json,"
    " application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)


@dataclass(frozen=True)
class Validators:
    """What a feed's last answer said about its version, for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """The request headers that ask "only if changed"."""
        headers = {"Accept": FEED_ACCEPT}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


def feed_policy(policy: FetchPolicy) -> FetchPolicy:
    """The page policy with feed documents accepted besides web pages."""
    return replace(policy, accepted_types=policy.accepted_types | FEED_MEDIA_TYPES)


async def fetch_feed(
    url: str, policy: FetchPolicy, validators: Validators = Validators()
) -> FetchedPage:
    """Fetch a feed (or a page naming one); status 304 when it has not changed since the
    validators were given. Raises FetchError like any fetch."""
    return await fetch_page(url, feed_policy(policy), headers=validators.headers())
