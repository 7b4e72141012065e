"""Bulk import of folders and URLs, an import killed part-way then run again, and bad or huge
items that are reported one by one without stopping the import."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest

from bot import importing
from briefing.analysis import pipeline
from briefing.analysis.nlp import load_pipeline
from briefing.ingest.fetch import FetchPolicy
from storage import Archive
from tests.bot.test_console import run_bot
from tests.briefing.test_analysis_failures import FailingAnalysis
from tests.briefing.test_long_articles import harbour_body
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
        # what was read is stored while later pages are still being read, not held back
        assert SERVED_BEFORE_KILL - 10 <= before_kill < TOTAL
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


def _actors_of(db: Path, article_id: int) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT x.name FROM mentions m JOIN actors x ON x.id = m.actor_id"
            " WHERE m.article_id = ?",
            (article_id,),
        ).fetchall()
    finally:
        conn.close()
    return {name for (name,) in rows}


def _analysed(db: Path, article_id: int) -> tuple[str | None, str | None]:
    """(analysed_at, analysis_error) of one article."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "SELECT analysed_at, analysis_error FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
    finally:
        conn.close()
    return row[0], row[1]


def test_a_deep_line_fails_alone_and_a_huge_article_is_analysed_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy's limit (a million characters) scaled down to 50,000, so the test stays fast: an
    # article of 60,000 characters is over it, as one of 1.2 million is over the real one.
    monkeypatch.setattr(load_pipeline(), "max_length", 50_000)
    path = tmp_path / "wire.jsonl"
    huge = harbour_body(chars=60_000)
    with pytest.raises(ValueError):  # over the limit: it cannot be parsed at once
        load_pipeline()(huge)
    lines = [
        json.dumps({"title": "Wire One", "body": "Grain prices rose in Chile, Mirela Dunn said."}),
        "[" * 100_000 + "]" * 100_000,  # deeper than Python's recursion limit
        json.dumps({"title": "The Long Harbour Talks", "body": huge, "date": "2024-03-31"}),
        json.dumps({"title": "Wire Two", "text": "Grain exports fell.", "source": "Wire"}),
    ]
    path.write_text("\n".join(lines) + "\n")
    db = tmp_path / "wire.db"
    archive = Archive.open(db)
    out, err = StringIO(), StringIO()
    try:
        complete = importing.run(
            archive, 0, [str(path)], FetchPolicy(), workers=1, as_json=True, out=out, err=err
        )
    finally:
        archive.close()
    assert not complete  # one item failed: the command exits with status 2
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [i["status"] for i in items] == ["imported", "failed", "imported", "imported"]
    assert items[1]["reason"] == "line 2: not readable: nested too deeply"
    assert items[2]["title"] == "The Long Harbour Talks"
    assert "Traceback" not in err.getvalue()
    assert f"{path}:2: line 2: not readable: nested too deeply" in err.getvalue()
    assert "Imported 3, duplicates 0, failed 1 (chat 0)." in err.getvalue()
    long_id = items[2]["id"]
    assert _analysed(db, long_id)[0] is not None and _analysed(db, long_id)[1] is None
    # every piece was read: the people of the first paragraphs and the one of the last
    assert {"Mirela Dunn", "Tomas Berg", "Oskar Lindqvist"} <= _actors_of(db, long_id)


def test_an_import_killed_before_the_analysis_is_repaired_by_the_next(tmp_path: Path) -> None:
    source = tmp_path / "talks.md"
    source.write_text(f"# Harbour Talks Resume\n\n{harbour_body(60)}\n")
    db = tmp_path / "killed.db"
    env = {**os.environ, "BRIEFING_DB": str(db), "TELEGRAM_BOT_TOKEN": ""}
    args = [sys.executable, "-m", "bot", "import", "--db", str(db), str(source)]
    first = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    try:  # the article is stored first, then the model loads and reads it: kill in between
        deadline = time.monotonic() + 60
        while _count(db) < 1 and time.monotonic() < deadline:
            assert first.poll() is None, "the import ended before it could be interrupted"
            time.sleep(0.01)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    assert _analysed(db, 1) == (None, None)  # stored, not analysed

    second = run_bot("import", "--db", str(db), str(source), db=db)
    assert second.returncode == 0, second.stderr
    assert (
        "Imported 0, duplicates 1, failed 0 (chat 0);"
        " analysed 1 article left unanalysed by an earlier run." in second.stdout
    )
    assert {"Mirela Dunn", "Oskar Lindqvist"} <= _actors_of(db, 1)
    third = run_bot("import", "--db", str(db), str(source), db=db)
    assert third.stdout.strip() == "Imported 0, duplicates 1, failed 0 (chat 0)."


def test_an_article_the_analysis_fails_on_is_one_failed_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(tmp_path / name) for name in ("a.md", "b.txt")]
    Path(paths[0]).write_text(OWN_ARTICLE)
    Path(paths[1]).write_text(OTHER_ARTICLE)
    fake = FailingAnalysis(MemoryError("too much"), title="Harbour workers")
    monkeypatch.setattr(pipeline, "analyse_doc", fake)
    archive = Archive.open(tmp_path / "fail.db")
    out, err = StringIO(), StringIO()
    try:
        complete = importing.run(
            archive, 0, paths, FetchPolicy(), workers=1, as_json=True, out=out, err=err
        )
        tried = fake.calls
        again = importing.run(
            archive, 0, paths, FetchPolicy(), workers=1, as_json=False, out=StringIO(),
            err=StringIO(),
        )  # fmt: skip
    finally:
        archive.close()
    assert not complete and again
    items = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [(i["status"], i["id"]) for i in items] == [("failed", 1), ("imported", 2)]
    assert items[0]["reason"] == "archived as #1, but not analysed: MemoryError: too much"
    assert "Imported 1, duplicates 0, failed 1 (chat 0)." in err.getvalue()
    assert tried >= 1 and fake.calls == tried  # recorded: the next import does not try again
