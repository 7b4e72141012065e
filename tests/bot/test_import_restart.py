"""Bulk import of folders and URLs, and an import killed part-way then run again."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.bot.test_console import run_bot
from tests.conftest import (
    OTHER_ARTICLE,
    OWN_ARTICLE,
    ROOT,
    StaticHandler,
    StaticSite,
    article_page,
)

TOTAL = 200
SERVED_BEFORE_KILL = 50


def _page(n: int) -> bytes:
    paragraphs = [
        f"Council bulletin {n}: the works department repaired {n + 3} street lamps"
        f" in district {n % 9}.",
        f"Inspector Nora Vidal number {n} said crews would return on day {n % 28 + 1}.",
    ]
    return article_page(f"Street Lamp Bulletin Number {n}", paragraphs, site_name="Town Desk")


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # tables not created yet
    finally:
        conn.close()


def test_folder_and_urls(tmp_path: Path, site: StaticSite) -> None:
    folder = tmp_path / "inbox" / "nested"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text(OWN_ARTICLE)
    (folder / "b.txt").write_text(OTHER_ARTICLE)
    (folder / "ignored.pdf").write_bytes(b"%PDF")
    site.routes["/p1"] = (200, "text/html", _page(1))
    site.routes["/gone"] = (404, "text/html", b"missing")
    db = tmp_path / "bulk.db"
    result = run_bot(
        "import", "--db", str(db), "--json", "--workers", "2",
        str(tmp_path / "inbox"), site.url("/p1"), site.url("/gone"),
        db=db, extra_env={"FETCH_ALLOW_HOSTS": "127.0.0.1"},
    )  # fmt: skip
    assert result.returncode == 2  # one URL could not be read
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [i["status"] for i in items] == ["imported", "imported", "imported", "failed"]
    assert items[2]["title"] == "Street Lamp Bulletin Number 1"
    assert "404" in items[3]["reason"]
    assert "Imported 3, duplicates 0, failed 1" in result.stderr
    assert f"{site.url('/gone')}: " in result.stderr


class _HeldHandler(StaticHandler):
    """Holds every page from number SERVED_BEFORE_KILL on until the site is released."""

    server: "HeldSite"

    def do_GET(self) -> None:
        number = int(self.path.lstrip("/a") or 0)
        if number >= SERVED_BEFORE_KILL:
            self.server.release.wait(timeout=60)
        super().do_GET()


class HeldSite(StaticSite):
    """Serves the first pages at once and holds the rest until released."""

    def __init__(self) -> None:
        super().__init__()
        self.RequestHandlerClass = _HeldHandler
        self.release = threading.Event()


def test_killed_import_resumes_and_archives_each_article_once(tmp_path: Path) -> None:
    site = HeldSite()
    for n in range(TOTAL):
        site.routes[f"/a{n}"] = (200, "text/html", _page(n))
    threading.Thread(target=site.serve_forever, daemon=True).start()
    db = tmp_path / "killed.db"
    env = {**os.environ, "BRIEFING_DB": str(db), "TELEGRAM_BOT_TOKEN": "",
           "FETCH_ALLOW_HOSTS": "127.0.0.1"}  # fmt: skip
    args = [sys.executable, "-m", "bot", "import", "--db", str(db), "--workers", "4"]
    args += [site.url(f"/a{n}") for n in range(TOTAL)]
    try:
        first = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)  # fmt: skip
        deadline = time.monotonic() + 60
        while _count(db) < SERVED_BEFORE_KILL - 10 and time.monotonic() < deadline:
            assert first.poll() is None, "the import ended before it could be interrupted"
            time.sleep(0.02)
        before_kill = _count(db)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        assert 0 < before_kill < TOTAL
        site.release.set()
        second = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=120)  # fmt: skip
        assert second.returncode == 0, second.stderr
    finally:
        site.release.set()
        site.shutdown()
        site.server_close()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT status, canonical_url FROM articles").fetchall()
    assert len(rows) == TOTAL
    assert {status for status, _ in rows} == {"ready"}
    assert len({url for _, url in rows}) == TOTAL
