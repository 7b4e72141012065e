"""Article extraction from web pages: metadata and clean text, then real pages end to end."""

import json
import re
import statistics
import threading
from collections import Counter
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from briefing.ingest.extract import extract_article, extract_text_page
from briefing.ingest.fetch import FetchPolicy, fetch_page

ARTICLE_PAGES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "article-pages"
MIN_MEAN_F1 = 0.93

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry Service Returns to Lake Orvane | The Lakeside Ledger</title>
<meta property="og:site_name" content="The Lakeside Ledger">
<meta property="og:title" content="Ferry Service Returns to Lake Orvane">
<meta property="article:published_time" content="2024-06-11T07:30:00+02:00">
<meta name="author" content="Ines Halvorsen">
<link rel="canonical" href="https://ledger.example.net/2024/06/11/ferry-returns">
<script>window.analytics = {track: "page-view-counter"};</script>
<style>.masthead { color: teal; }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/region">Region</a>
<a href="/weather">Weather</a></nav></header>
<main><article><h1>Ferry Service Returns to Lake Orvane</h1>
<p>The ferry between Orvane harbour and the island village of Selk resumed sailing on Tuesday
after a winter of repairs to its landing stage.</p>
<p>Harbour master Pavel Ostrowski said the first crossing carried forty passengers and two
delivery vans, and that the timetable would return to eight daily crossings by July.</p>
<p>Residents of Selk had relied on a small water taxi since November, when ice damaged the
wooden pier that the ferry uses on the island side.</p>
<script>document.write("inline-widget-code");</script>
<p>The regional council paid for the new pier, which stands on steel piles and should need
little maintenance for the next thirty years, engineers said.</p>
</article></main>
<footer><p>Copyright 2024 The Lakeside Ledger. All rights reserved. Subscribe to our
newsletter for weekly regional news.</p></footer></body></html>"""

BARE_PAGE = """<html><head><title>Orchard Notes</title></head><body><div class="post">
<h1>Frost Came Early to the Hillside Orchards This Year</h1>
<p>Growers on the eastern slopes lost most of their late apples when the temperature fell
below freezing on three nights in a row at the start of October.</p>
<p>Several farms said they would sell the damaged fruit to a cider press in the valley
rather than leave it on the trees for the winter.</p></div>
<footer>Copyright 2023 Orchard Notes</footer></body></html>"""

NO_ARTICLE = """<!doctype html><html><head><title>Ledger - Menu</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav>
<footer>Copyright 2024</footer></body></html>"""


def test_article_metadata_and_clean_body() -> None:
    extracted = extract_article(PAGE, "https://ledger.example.net/ferry?utm_source=feed")
    assert extracted is not None
    article = extracted.parsed
    assert article.title == "Ferry Service Returns to Lake Orvane"
    assert article.published_at == "2024-06-11"
    assert article.source == "The Lakeside Ledger"
    assert article.url == "https://ledger.example.net/2024/06/11/ferry-returns"
    assert extracted.author == "Ines Halvorsen"
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The ferry between Orvane harbour")
    assert paragraphs[-1].endswith("engineers said.")
    for noise in ("Weather", "analytics", "inline-widget-code", "Copyright", "masthead"):
        assert noise not in article.body


def test_page_without_metadata_falls_back_to_the_fetched_url() -> None:
    extracted = extract_article(BARE_PAGE, "https://www.orchard-notes.example/frost")
    assert extracted is not None
    article = extracted.parsed
    assert article.url == "https://www.orchard-notes.example/frost"
    assert article.source == "orchard-notes.example"
    assert article.published_at is None  # a copyright year is not a publication date
    assert article.title == "Frost Came Early to the Hillside Orchards This Year"
    assert article.body.startswith("Growers on the eastern slopes")
    assert extracted.author is None


def test_article_in_a_script_without_spaces() -> None:
    sentence = "河谷夜间列车周一恢复运行，这是十一年来首次有卧铺车厢驶入该山谷。"
    html = f"<html><body><article><h1>夜间列车</h1><p>{sentence * 3}</p></article></body></html>"
    extracted = extract_article(html, "https://news.example/zh")
    assert extracted is not None
    assert extracted.parsed.body == sentence * 3


@pytest.mark.parametrize("html", [NO_ARTICLE, "", "<html><body><script>x()</script></body>"])
def test_no_article_text_gives_none(html: str) -> None:
    assert extract_article(html, "https://ledger.example.net/") is None


def test_text_page_is_read_like_pasted_text() -> None:
    text = (
        "# Library Opens on Sundays\n\nMay 5, 2024\n\n**Town Crier**\n\n"
        "The town library will open on Sunday afternoons from next month, the council said.\n"
    )
    extracted = extract_text_page(text, "https://crier.example/library.txt")
    assert extracted is not None
    article = extracted.parsed
    assert (article.title, article.published_at, article.source) == (
        "Library Opens on Sundays",
        "2024-05-05",
        "Town Crier",
    )
    assert article.url == "https://crier.example/library.txt"
    assert extract_text_page(" \n\n ", "https://crier.example/empty.txt") is None


def test_text_page_keeps_the_url_it_states() -> None:
    text = (
        "Bridge tolls rise in spring, the authority said.\n\nOriginal url:\nhttps://a.example/x\n"
    )
    extracted = extract_text_page(text, "https://mirror.example/x.txt")
    assert extracted is not None
    assert extracted.parsed.url == "https://a.example/x"
    assert extracted.parsed.source == "a.example"


# --- real pages, through the whole link path ----------------------------------------------


def token_f1(predicted: str, truth: str) -> float:
    """F1 of the multiset overlap of lower-case word tokens."""
    got = Counter(re.findall(r"\w+", predicted.lower()))
    want = Counter(re.findall(r"\w+", truth.lower()))
    overlap = sum((got & want).values())
    if not overlap:
        return float(not got and not want)
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


@pytest.fixture
def page_server() -> Iterator[str]:
    """The saved real pages served from 127.0.0.1; skips when the shared data is absent."""
    if not (ARTICLE_PAGES / "ground-truth.jsonl").is_file():
        pytest.skip(f"shared article pages not found at {ARTICLE_PAGES}")
    handler = partial(_QuietFiles, directory=str(ARTICLE_PAGES / "html"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def test_real_pages_fetched_and_extracted_match_their_true_text(page_server: str) -> None:
    policy = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))
    lines = (ARTICLE_PAGES / "ground-truth.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    scores = []
    for record in records:
        page = await fetch_page(f"{page_server}/{record['id']}.html", policy)
        extracted = extract_article(page.text, page.final_url)
        body = extracted.parsed.body if extracted else ""
        scores.append(token_f1(body, record["articleBody"]))
    assert len(scores) == len(records) > 0
    assert statistics.mean(scores) >= MIN_MEAN_F1
