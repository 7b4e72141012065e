"""A Reuters archive of any size for the scale benchmarks: analysed originals and cheap copies.

The first `originals` Reuters-21578 stories with a body are imported and analysed as
`python -m bot import` does it (spaCy; about 0.1 s a story). The archive is then filled up to
the size asked for with copies of them made in SQL, without spaCy: each copy gets a new id,
the title of another Reuters story (so titles keep adding words, as new stories do), dates
moved on by a week per round of copies (the originals span a week, so the archive grows
over time as a real one does), and its original's actors, quotes and events. The FTS index,
actor tables and caches' change marks are filled by the same triggers as for any article.

Both databases are kept under `bench/.cache/` (git-ignored), by size, and reused.
"""

import json
import sqlite3
import sys
import time
from pathlib import Path

from bench.reuters_archive import CHAT, DATA, build
from storage import Archive

CACHE = Path(__file__).resolve().parent / ".cache"
SHIFTED_TIMES = ("published_at", "added_at", "posted_at", "analysed_at", "shown_at")


def reuters_titles() -> list[str]:
    """The titles of every Reuters story with a body and a title, in collection order."""
    titles: list[str] = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row.get("body") and (row.get("title") or "").strip():
                    titles.append(row["title"].strip())
    return titles


def originals_db(originals: int) -> Path:
    """The database of the first `originals` stories, imported and analysed (built once)."""
    path = CACHE / f"reuters-originals-{originals}.db"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        build(partial, originals)
        partial.replace(path)
    return path


def scaled_db(articles: int, originals: int = 2000) -> Path:
    """A database of `articles` articles (originals and copies), built once and then reused."""
    base = originals_db(originals)
    path = CACHE / f"reuters-{articles}-of-{originals}.db"
    if path.exists() and _holds(path, articles):
        return path
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    start = time.perf_counter()
    source = sqlite3.connect(str(base))
    target = sqlite3.connect(str(partial))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    archive = Archive.open(partial)  # applies migrations added since the originals were built
    try:
        made = add_copies(archive.database.utils.conn, articles, reuters_titles())
    finally:
        archive.close()
    partial.replace(path)
    seconds = time.perf_counter() - start
    print(f"built {path.name}: {made} copies in {seconds:.0f} s", file=sys.stderr)
    return path


def _holds(path: Path, articles: int) -> bool:
    """Whether the database at `path` holds an archive of that many articles."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (count,) = conn.execute(
            "SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,)
        ).fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return bool(count == articles)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _shift_time(column: str, days: int) -> str:
    """An ISO date or time `days` later, keeping whatever follows the day."""
    return (
        f"CASE WHEN length({column}) >= 10 THEN date(substr({column}, 1, 10), '+{days} days')"
        f" || substr({column}, 11) ELSE {column} END"
    )


def _shift_day(column: str, days: int) -> str:
    """An event's day or month `days` later (a year stays as it is)."""
    return (
        f"CASE length({column}) WHEN 10 THEN date({column}, '+{days} days')"
        f" WHEN 7 THEN substr(date({column} || '-01', '+{days} days'), 1, 7) ELSE {column} END"
    )


def _article_values(columns: list[str], round_: int, offset: int) -> list[str]:
    """What each column of a copy holds, as SQL over the original `a` and the map `m`."""
    days = 7 * round_
    values = []
    for column in columns:
        if column == "id":
            values.append("m.new_id")
        elif column == "title":
            values.append("m.title")
        elif column in ("url", "canonical_url", "content_hash"):
            values.append(f"a.{column} || '#copy{round_}'")
        elif column == "story_id":
            values.append(f"a.story_id + {offset}")
        elif column in ("message_id", "ack_message_id"):
            values.append("NULL")
        elif column in SHIFTED_TIMES:
            values.append(_shift_time(f"a.{column}", days))
        else:
            values.append(f"a.{column}")
    return values


def _copy_round(
    conn: sqlite3.Connection, ids: list[int], round_: int, offset: int, titles: list[str]
) -> None:
    """Copy the articles `ids` (originals) once, with their actors, quotes and events."""
    conn.execute("DELETE FROM temp.copy_map")
    conn.executemany(
        "INSERT INTO temp.copy_map (old_id, new_id, title) VALUES (?, ?, ?)",
        [
            (old, old + offset, titles[(round_ * len(ids) + i) % len(titles)])
            for i, old in enumerate(ids)
        ],
    )
    columns = _columns(conn, "articles")
    conn.execute(
        f"INSERT INTO articles ({', '.join(columns)}) SELECT"
        f" {', '.join(_article_values(columns, round_, offset))}"
        " FROM temp.copy_map m JOIN articles a ON a.id = m.old_id"
    )
    for table in ("mentions", "quotes", "events"):
        columns = [c for c in _columns(conn, table) if c != "id"]
        values = []
        for column in columns:
            if column == "article_id":
                values.append("m.new_id")
            elif column == "day" or (table == "events" and column == "date"):
                values.append(_shift_day(f"t.{column}", 7 * round_))
            else:
                values.append(f"t.{column}")
        conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(values)}"
            f" FROM temp.copy_map m JOIN {table} t ON t.article_id = m.old_id"
        )


def add_copies(conn: sqlite3.Connection, articles: int, titles: list[str]) -> int:
    """Fill the chat's archive up to `articles` with copies of its articles; returns how many
    were made."""
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM articles WHERE chat_id = ? AND status = 'ready' ORDER BY id", (CHAT,)
        )
    ]
    (count,) = conn.execute("SELECT COUNT(*) FROM articles WHERE chat_id = ?", (CHAT,)).fetchone()
    (highest,) = conn.execute("SELECT MAX(id) FROM articles").fetchone()
    conn.execute(
        "CREATE TEMP TABLE IF NOT EXISTS copy_map (old_id INTEGER PRIMARY KEY,"
        " new_id INTEGER NOT NULL, title TEXT NOT NULL)"
    )
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: the indexes of a big archive
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark's copy: rebuilt if a crash cuts it
    made = 0
    round_ = 1
    while count + made < articles and ids:
        batch = ids[: articles - count - made]
        with conn:
            _copy_round(conn, batch, round_, round_ * highest, titles)
        made += len(batch)
        if round_ % 10 == 0:
            print(f"  copies: {count + made}/{articles}", file=sys.stderr)
        round_ += 1
    return made
