"""The console chat: `python -m bot` without a token, fed a conversation on standard input."""

import os
import subprocess
import sys
from pathlib import Path

from bot.console import read_messages, render_html
from tests.conftest import OWN_ARTICLE, ROOT


def run_bot(*args: str, stdin: str = "", db: Path, extra_env: dict[str, str] | None = None):
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN"}}
    env.update({"BRIEFING_DB": str(db), "TELEGRAM_BOT_TOKEN": ""}, **(extra_env or {}))
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_messages_are_gathered_until_a_dot_or_a_command() -> None:
    lines = ["# Title", "", "Body line.", ".", "/ask x", "one", "two", "/stats", "tail"]
    assert list(read_messages(lines)) == [
        "# Title\n\nBody line.",
        "/ask x",
        "one\ntwo",
        "/stats",
        "tail",
    ]


def test_render_html_reads_like_a_chat() -> None:
    text = '<b>Saved #1</b>\n<a href="https://x.example/a">x.example</a> &amp; more'
    assert render_html(text) == "Saved #1\nx.example <https://x.example/a> & more"


def test_piped_conversation_shows_card_then_answer(tmp_path: Path) -> None:
    conversation = f"{OWN_ARTICLE}\n.\n/ask Dunn\n/article 1\n/nonsense\n"
    result = run_bot(stdin=conversation, db=tmp_path / "c.db")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "bot> Saved #1" in out
    assert "3 Mar 2024 · The Coastal Courier" in out
    answer = out.index("bot> Results for dunn")
    assert out.index("Harbour Workers in Valdoria", answer) > answer
    assert "walked out on Sunday" in out
    assert "I don't know /nonsense" in out
    assert "<b>" not in out and "Traceback" not in result.stderr


def test_console_archive_is_the_command_line_archive(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    assert run_bot(stdin=OWN_ARTICLE, db=db).returncode == 0
    shown = run_bot("show", "--json", "1", db=db)
    assert shown.returncode == 0
    assert '"title": "Harbour Workers in Valdoria' in shown.stdout
