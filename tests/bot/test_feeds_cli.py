"""`python -m bot feeds ...`: add, list, poll (one JSON object a feed), import and export OPML,
remove; bad input exits 2 with one line."""

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import Archive
from tests.bot.test_console import run_bot
from tests.briefing.test_feeds import serve_ten
from tests.feed_site import FeedSite, feed_site

LOCAL = {"FETCH_ALLOW_HOSTS": "127.0.0.1"}


@pytest.fixture
def site() -> Iterator[FeedSite]:
    with feed_site() as server:
        yield server


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "feeds.db"
    Archive.open(path).close()
    return path


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def feeds(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_bot("feeds", *args, db=db, extra_env=LOCAL)


def test_add_poll_list_export_remove(db: Path, site: FeedSite) -> None:
    serve_ten(site)
    added = feeds(db, "--chat", "5", "add", site.url("/feed.xml"))
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("Following #1 Valley Gazette (")

    polled = feeds(db, "poll", "--chat", "5", "--json")
    assert polled.returncode == 0, polled.stderr
    assert _lines(polled.stdout) == [
        {"feed_id": 1, "url": site.url("/feed.xml"), "status": "ok", "new": 10, "reason": None}
    ]
    assert _lines(feeds(db, "poll", "--chat", "5", "--json").stdout) == []  # none is due
    again = _lines(feeds(db, "poll", "--chat", "5", "--all", "--json").stdout)
    assert [(r["status"], r["new"]) for r in again] == [("not_modified", 0)]
    assert "if-none-match" in site.headers_of("/feed.xml")[-1]

    shown = run_bot("show", "--db", str(db), "--chat", "5", "--json", "3", db=db)
    assert json.loads(shown.stdout)["source"] == "Valley Gazette"

    (listed,) = _lines(feeds(db, "--chat", "5", "--json", "list").stdout)
    assert (listed["title"], listed["status"], listed["paused"]) == (
        "Valley Gazette",
        "not_modified",
        False,
    )
    assert feeds(db, "list").stdout == "This chat follows no feed.\n"  # chat 0

    exported = feeds(db, "--chat", "5", "export").stdout
    assert f'xmlUrl="{site.url("/feed.xml")}"' in exported and "<opml" in exported
    opml = db.parent / "mine.opml"
    opml.write_text(exported)
    imported = feeds(db, "--chat", "6", "import", str(opml), "--json")
    assert _lines(imported.stdout) == [{"added": 1, "known": 0, "skipped": 0}]

    removed = feeds(db, "--chat", "5", "remove", "1")
    assert removed.returncode == 0 and "Stopped following #1" in removed.stdout
    missing = feeds(db, "--chat", "5", "remove", "1")
    assert missing.returncode == 1 and "No feed #1 in chat 5" in missing.stderr


def test_bad_input_exits_2(db: Path, site: FeedSite, tmp_path: Path) -> None:
    site.routes["/page"] = (200, "text/html", b"<html><body>no feed</body></html>")
    refused = feeds(db, "add", site.url("/page"))
    assert refused.returncode == 2 and "names no feed" in refused.stderr
    private = run_bot("feeds", "add", "http://10.0.0.1/feed", db=db)
    assert private.returncode == 2 and "private network" in private.stderr
    (tmp_path / "bad.opml").write_text("<!DOCTYPE x [<!ENTITY a 'b'>]><opml/>")
    hostile = feeds(db, "import", str(tmp_path / "bad.opml"))
    assert hostile.returncode == 2 and "entities" in hostile.stderr
    absent = feeds(db, "import", str(tmp_path / "none.opml"))
    assert absent.returncode == 2 and "cannot read" in absent.stderr
    assert feeds(db, "list").stdout == "This chat follows no feed.\n"
