"""Feeds: documents read into items, a site's feed discovered, OPML in and out, and polling a
local site (conditional requests, back-off, failures told once, items archived through the
durable ingest with their full text, duplicates not stored twice)."""

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.feeds.discovery import discover_feeds
from briefing.feeds.opml import OpmlError, OpmlFeed, read_opml, write_opml
from briefing.feeds.parsing import FeedFormatError, parse_feed
from briefing.feeds.schedule import MAX_BACKOFF, PAUSE_AFTER, POLL_INTERVAL, next_poll
from briefing.feeds.service import FeedService
from briefing.feeds.subscriptions import FeedError
from briefing.ingest.durable import BackgroundTasks, DurableIngest
from briefing.ingest.fetch import FetchPolicy
from briefing.ingest.workflow import Ingestor, ReadLimits, ingest_text
from storage import Archive
from storage.actors import ActorStore
from tests.conftest import article_page
from tests.feed_site import FeedSite, feed_site, rss

LOCAL = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))

TOWNS = ["Varno", "Ostrel", "Dravik", "Kelmar", "Saltby", "Brenna", "Lomez", "Tarrin",
         "Quell", "Fenmoor"]  # fmt: skip
SUBJECTS = ["a new bridge", "the harbour dredging", "a school reopening", "the flood barrier",
            "a tram line", "the wind farm", "a hospital wing", "the market hall",
            "a ferry route", "the library fire"]  # fmt: skip


def story(n: int) -> tuple[str, list[str]]:
    """The title and paragraphs of invented article `n` (0-9)."""
    town, subject = TOWNS[n], SUBJECTS[n]
    title = f"{town} Council Votes on {subject.title()}"
    paragraphs = [
        f"The council of {town} voted on {subject} on Tuesday after {n + 3} hours of debate,"
        f" with {12 + n} members in favour and {n + 1} against the plan.",
        f"Mayor Elin {town}son said the decision on {subject} would cost {40 + 7 * n} million"
        f" crowns and that work would start before the end of the year in {town}.",
        f"Residents of {town} who opposed {subject} said they would ask the regional court to"
        f" review the vote, citing the noise and the {n + 2} years of building work.",
    ]
    return title, paragraphs


@dataclass
class Setup:
    archive: Archive
    feeds: FeedService
    ingestor: Ingestor


@pytest.fixture
async def setup(archive: Archive) -> AsyncIterator[Setup]:
    actors = ActorStore(archive.database)
    ingestor = Ingestor(archive, actors, LOCAL)
    ingest = DurableIngest(archive, actors, ingestor, BackgroundTasks())
    yield Setup(archive, FeedService.build(archive, ingest, LOCAL), ingestor)
    ingestor.close()


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with feed_site() as server:
        yield server


def serve_ten(site: FeedSite) -> None:
    items = []
    for n in range(10):
        title, paragraphs = story(n)
        site.routes[f"/news/{n}"] = (
            200,
            "text/html; charset=utf-8",
            article_page(title, paragraphs),
        )
        items.append((title, site.url(f"/news/{n}"), paragraphs[0][:80]))
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Valley Gazette", items))


# --- reading documents -----------------------------------------------------------------------

RSS_10 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="http://s.example/"><title>RDF Wire</title><link>http://s.example/</link></channel>
<item rdf:about="http://s.example/a"><title>Dam Opens</title><link>http://s.example/a</link>
<description>The dam opened.</description><dc:date>2024-09-02T06:00:00Z</dc:date></item>
</rdf:RDF>"""
RSS_091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<link>http://s.example/</link><item><title>Mill Closes</title><link>http://s.example/m</link>
<description>The mill closed.</description></item></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Wire</title><link href="http://s.example/"/><id>urn:x</id><updated>2024-09-02T06:00:00Z</updated>
<entry><title>Port Reopens</title><link href="/port"/><id>urn:port</id>
<published>2024-09-02T06:00:00Z</published><updated>2024-09-02T06:00:00Z</updated>
<content type="html">&lt;p&gt;The port reopened.&lt;/p&gt;&lt;p&gt;Ships came in.&lt;/p&gt;
</content></entry></feed>"""
JSON_FEED = json.dumps({
    "version": "https://jsonfeed.org/version/1.1", "title": "JSON Wire",
    "home_page_url": "http://s.example/",
    "items": [{"id": "j1", "url": "http://s.example/j", "title": "Road Built",
               "content_html": "<p>A road <b>was</b> built.</p>",
               "date_published": "2024-09-02T08:00:00+02:00"},
              {"id": "bad", "url": "javascript:alert(1)", "title": "No link kept"}],
}).encode()  # fmt: skip


@pytest.mark.parametrize(
    ("document", "title", "item_title", "text", "link"),
    [
        (RSS_10, "RDF Wire", "Dam Opens", "The dam opened.", "http://s.example/a"),
        (RSS_091, "Old Wire", "Mill Closes", "The mill closed.", "http://s.example/m"),
        (ATOM, "Atom Wire", "Port Reopens", "The port reopened.\n\nShips came in.",
         "http://s.example/port"),
        (JSON_FEED, "JSON Wire", "Road Built", "A road was built.", "http://s.example/j"),
    ],
)  # fmt: skip
def test_every_kind_of_feed_is_read(
    document: bytes, title: str, item_title: str, text: str, link: str
) -> None:
    feed = parse_feed(document, "http://s.example/feed")
    assert feed.title == title
    first = feed.items[0]
    assert (first.title, first.text, first.link) == (item_title, text, link)
    assert first.guid


def test_dates_are_utc_and_bad_links_are_dropped() -> None:
    json_feed = parse_feed(JSON_FEED, "http://s.example/feed")
    assert json_feed.items[0].published_at == "2024-09-02T06:00+00:00"
    assert json_feed.items[1].link is None and json_feed.items[1].title == "No link kept"
    assert parse_feed(ATOM, "http://s.example/f").items[0].published_at == "2024-09-02T06:00+00:00"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
         b"<rss version='2.0'><channel><title>&b;</title></channel></rss>", "entities"),
        (b"<!doctype html><html><body><p>Just a page</p></body></html>", "not an RSS"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": [', "not valid JSON"),
        (b'{"title": "x"}', "not a JSON Feed"),
    ],
)  # fmt: skip
def test_what_is_no_feed_is_refused_with_a_reason(document: bytes, reason: str) -> None:
    with pytest.raises(FeedFormatError, match=reason):
        parse_feed(document, "http://s.example/feed")


def test_entities_are_found_in_any_encoding() -> None:
    document = RSS_091.replace(b"<rss", b'<!DOCTYPE r [<!ENTITY x "y">]><rss', 1)
    for data in (document.decode().encode("utf-16"), document):
        with pytest.raises(FeedFormatError, match="entities"):
            parse_feed(data, "http://s.example/feed")
    assert parse_feed(RSS_091.decode().encode("utf-16"), "http://s.example/f").title == "Old Wire"


def test_a_page_names_its_feeds() -> None:
    page = """<html><head><link rel="stylesheet" href="/s.css">
    <link rel="alternate" type="application/feed+json" href="/feed.json">
    <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
    <link rel="alternate" type="application/atom+xml" href="javascript:x"></head></html>"""
    assert discover_feeds(page, "http://s.example/news/") == [
        "http://s.example/rss.xml",
        "http://s.example/feed.json",
    ]


def test_opml_round_trip_and_hostile_lists() -> None:
    feeds = [OpmlFeed("http://a.example/rss", "A & B <news>"), OpmlFeed("https://b.example/f")]
    document = write_opml("Mine", feeds)
    assert read_opml(document.encode()) == [
        OpmlFeed("http://a.example/rss", "A & B <news>"),
        OpmlFeed("https://b.example/f", ""),
    ]
    with pytest.raises(OpmlError, match="entities"):
        read_opml(b'<!DOCTYPE o [<!ENTITY x "y">]><opml><body/></opml>')
    with pytest.raises(OpmlError, match="not an OPML"):
        read_opml(b"just words")
    hidden = '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE o [<!ENTITY x "y">]><opml/>'
    with pytest.raises(OpmlError, match="entities"):
        read_opml(hidden.encode("utf-16"))
    wide = write_opml("Mine", feeds).replace("utf-8", "utf-16").encode("utf-16")
    assert [f.url for f in read_opml(wide)] == ["http://a.example/rss", "https://b.example/f"]


@given(st.integers(min_value=0, max_value=60), st.floats(min_value=0, max_value=0.999))
def test_back_off_grows_with_failures_and_stays_bounded(failures: int, rand: float) -> None:
    now = datetime(2024, 9, 2, tzinfo=UTC)
    wait = next_poll(now, failures, rand=lambda: rand) - now
    assert POLL_INTERVAL <= wait <= MAX_BACKOFF + POLL_INTERVAL * 0.1
    if failures >= 1:
        later = next_poll(now, failures + 1, rand=lambda: rand) - now
        assert later >= wait


# --- polling a local site --------------------------------------------------------------------


async def test_first_poll_archives_ten_full_articles_second_sends_validators(
    setup: Setup, site: FeedSite
) -> None:
    serve_ten(site)
    subscribed = await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    assert subscribed.created and subscribed.items == 10
    assert subscribed.feed.title == "Valley Gazette"

    (first,) = await setup.feeds.poller.poll_due(7)
    assert (first.status, first.new) == ("ok", 10)
    articles = [setup.archive.get(7, i) for i in first.article_ids]
    bodies = {a.title: a for a in articles if a is not None}
    for n in range(10):
        title, paragraphs = story(n)
        article = bodies[title]
        assert article.status == "ready" and article.source == "Valley Gazette"
        assert paragraphs[2] in article.body  # the full text, not the feed's summary
        assert "Front page" not in article.body and article.url == site.url(f"/news/{n}")

    (second,) = await setup.feeds.poller.poll_all(7)
    assert (second.status, second.new) == ("not_modified", 0)
    last = site.headers_of("/feed.xml")[-1]
    assert last["if-none-match"] and last["if-modified-since"] == "Mon, 02 Sep 2024 06:00:00 GMT"
    assert setup.archive.stats(7).total == 10
    assert setup.archive.stats(8).total == 0  # another chat's archive is untouched


async def test_changed_feed_archives_only_its_new_item(setup: Setup, site: FeedSite) -> None:
    serve_ten(site)
    await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    await setup.feeds.poller.poll_due(7)
    title, paragraphs = story(0)
    site.routes["/late"] = (200, "text/html", article_page("Late " + title, paragraphs[::-1]))
    items = [("Late " + title, site.url("/late"), "late")] + [
        (story(n)[0], site.url(f"/news/{n}"), "x") for n in range(10)
    ]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Valley Gazette", items))
    (again,) = await setup.feeds.poller.poll_all(7)
    assert (again.status, again.new) == ("ok", 1)
    assert setup.archive.stats(7).total == 11


async def test_an_item_already_archived_is_not_stored_twice(setup: Setup, site: FeedSite) -> None:
    title, paragraphs = story(3)
    ingest_text(setup.archive, 7, f"# {title}\n\n" + "\n\n".join(paragraphs))
    # The same article at another address (a mirror), and an item whose page is gone but
    # whose URL the chat already archived.
    site.routes["/mirror/3"] = (200, "text/html", article_page(title, paragraphs))
    items = [(title, site.url("/mirror/3"), "summary")]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Mirror", items))
    await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    (result,) = await setup.feeds.poller.poll_due(7)
    assert (result.status, result.new) == ("ok", 0)
    assert setup.archive.stats(7).total == 1


async def test_unreadable_page_keeps_the_feed_text(setup: Setup, site: FeedSite) -> None:
    summary = " ".join(story(5)[1])
    items = [("Brenna Wind Farm", site.url("/paywalled"), summary)]
    site.routes["/paywalled"] = (403, "text/html", b"subscribe")
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Coast News", items))
    await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    (result,) = await setup.feeds.poller.poll_due(7)
    article = setup.archive.get(7, result.article_ids[0])
    assert article is not None and article.title == "Brenna Wind Farm"
    assert "hospital wing" not in article.body and "wind farm" in article.body
    assert article.url == site.url("/paywalled") and article.source == "Coast News"


async def test_a_short_item_of_an_unreadable_page_keeps_its_title(
    setup: Setup, site: FeedSite
) -> None:
    items = [("Quell Ferry Route Cut", site.url("/gone"), "The ferry stops in May.")]
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Coast News", items))
    await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    (result,) = await setup.feeds.poller.poll_due(7)
    article = setup.archive.get(7, result.article_ids[0])
    assert article is not None and article.title == "Quell Ferry Route Cut"
    assert article.body == "The ferry stops in May." and article.url == site.url("/gone")


async def test_site_page_names_its_feed(setup: Setup, site: FeedSite) -> None:
    serve_ten(site)
    site.routes["/"] = (
        200,
        "text/html",
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
        b"</head><body>Front</body></html>",
    )
    subscribed = await setup.feeds.subscriptions.subscribe(7, site.url("/"))
    assert subscribed.feed.url == site.url("/feed.xml")
    site.routes["/plain"] = (200, "text/html", b"<html><body>no feed here</body></html>")
    with pytest.raises(FeedError, match="names no feed"):
        await setup.feeds.subscriptions.subscribe(7, site.url("/plain"))


async def test_private_and_broken_addresses_are_refused(setup: Setup) -> None:
    strict = FeedService.build(setup.archive, setup.feeds.poller.ingest, FetchPolicy())
    with pytest.raises(FeedError, match="private network"):
        await strict.subscriptions.subscribe(7, "http://127.0.0.1:9/feed")
    with pytest.raises(FeedError, match="not a web address"):
        await strict.subscriptions.subscribe(7, "ftp://files.example/feed")
    with pytest.raises(FeedError, match="not a web address"):
        await strict.subscriptions.subscribe(7, "nonsense")  # "/feed nonsense": no lookup
    assert strict.subscriptions.feeds(7) == []


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 9, 2, 6, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


async def test_failures_back_off_are_told_once_and_pause_after_a_week(
    setup: Setup, site: FeedSite
) -> None:
    clock = Clock()
    poller = setup.feeds.poller
    poller.clock, poller.rand = clock, lambda: 0.0
    setup.feeds.subscriptions.clock = clock
    serve_ten(site)
    await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    site.routes["/feed.xml"] = (503, "text/plain", b"busy")
    site.extra_headers["/feed.xml"] = {"Retry-After": "7200"}
    start = clock.now
    results: list[Any] = []
    for _ in range(3):
        results += await poller.poll_due(7)
        feed = poller.store.feeds(7)[0]
        clock.now = datetime.fromisoformat(feed.next_poll_at)
    assert [r.status for r in results] == ["failed"] * 3
    assert [r.tell_failure for r in results] == [True, False, False]
    assert "503" in (results[0].reason or "")
    assert poller.store.feeds(7)[0].failures == 3
    assert clock.now - start == timedelta(hours=6)  # Retry-After's 2 h beat 30 min, 1 h, 2 h
    assert await poller.poll_due(7) != []  # due again at its next time, not before
    assert await poller.poll_due(7) == []
    clock.now += PAUSE_AFTER
    (last,) = await poller.poll_due(7)
    assert last.paused and poller.store.feeds(7)[0].paused
    clock.now += timedelta(days=30)
    assert await poller.poll_due(7) == []  # a paused feed is not polled
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss("Valley Gazette", []))
    resumed = await setup.feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
    assert resumed.added_as == "resumed" and not resumed.feed.paused
    (back,) = await poller.poll_due(7)
    assert back.status == "ok" and poller.store.feeds(7)[0].failures == 0


async def test_a_feed_is_read_in_a_worker_within_its_time_limit(
    archive: Archive, site: FeedSite
) -> None:
    """Feeds are untrusted like pages: read in a reading worker, whose time limit stops one
    that takes too long (here any: the limit is a millisecond), with a clear reason."""
    serve_ten(site)
    actors = ActorStore(archive.database)
    ingestor = Ingestor(archive, actors, LOCAL, limits=ReadLimits(seconds=0.001))
    try:
        ingest = DurableIngest(archive, actors, ingestor, BackgroundTasks())
        feeds = FeedService.build(archive, ingest, LOCAL)
        with pytest.raises(FeedError, match="the feed took too long to read"):
            await feeds.subscriptions.subscribe(7, site.url("/feed.xml"))
        assert feeds.subscriptions.feeds(7) == []
    finally:
        ingestor.close()
