"""`python -m bot import` on a terminal shows a bar with the count and the rate; in a pipe the
output stays clean (nothing but the summary)."""

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from tests.bot.test_console import ROOT, run_bot
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE


def _records(count: int) -> str:
    lines = (
        {"title": f"Grain report {n}", "body": f"Grain exports rose by {n} percent in March."}
        for n in range(count)
    )
    return "".join(json.dumps(line) + "\n" for line in lines)


def test_the_bar_on_a_terminal_shows_count_and_rate(tmp_path: Path) -> None:
    db = tmp_path / "bar.db"
    (tmp_path / "wire.jsonl").write_text(_records(5))
    (tmp_path / "own.md").write_text(OWN_ARTICLE)
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update({"BRIEFING_DB": str(db), "TELEGRAM_BOT_TOKEN": ""})
    terminal, child_side = pty.openpty()
    fcntl.ioctl(child_side, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "import", "--db", str(db), str(tmp_path / "wire.jsonl"),
         str(tmp_path / "own.md")],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=child_side, cwd=ROOT, env=env,
    ) as process:  # fmt: skip
        os.close(child_side)
        shown = b""
        while chunk := _read(terminal):
            shown += chunk
        summary = process.stdout.read().decode() if process.stdout else ""
    os.close(terminal)
    screen = shown.decode(errors="replace")
    assert process.returncode == 0, screen
    assert "Importing" in screen and "6/6" in screen and "articles/s" in screen
    assert summary.strip() == "Imported 6, duplicates 0, failed 0 (chat 0)."


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 4096)
    except OSError:  # the child closed the terminal
        return b""


def test_no_bar_in_a_pipe(tmp_path: Path) -> None:
    db = tmp_path / "pipe.db"
    (tmp_path / "other.txt").write_text(OTHER_ARTICLE)
    result = run_bot("import", "--db", str(db), str(tmp_path / "other.txt"), db=db)
    assert result.returncode == 0
    assert "Importing" not in result.stderr
    assert result.stdout.strip() == "Imported 1, duplicates 0, failed 0 (chat 0)."
