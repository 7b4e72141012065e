"""The console chat: `python -m bot` without a token, fed a conversation on standard input."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.console import ButtonBoard, OutgoingPrinter, read_messages, render_html
from bot.offline import OfflineRequest
from tests.conftest import OWN_ARTICLE, ROOT, SEED


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


def test_a_dot_glued_to_a_last_url_line_ends_the_message() -> None:
    """`(cat article.txt; echo .)` of a file without a final newline glues the dot on."""
    lines = ["# Title", "Body.", "Original url:", "<https://x.example/a>.", "Lavrov", "."]
    assert list(read_messages(lines)) == [
        "# Title\nBody.\nOriginal url:\n<https://x.example/a>",
        "Lavrov",
    ]
    assert list(read_messages(["https://x.example/a.", "more"])) == [
        "https://x.example/a.\nmore"  # a first line ends nothing: it is not after an article
    ]
    assert list(read_messages(["He said so.", "Then left."])) == ["He said so.\nThen left."]


def test_buttons_are_numbered_and_a_number_presses_one() -> None:
    request = OfflineRequest()
    out = io.StringIO()
    printer = OutgoingPrinter(out)
    markup = {"inline_keyboard": [[{"text": "More ›", "callback_data": "q:7:1"}],
                                  [{"text": "Iraq", "callback_data": "q:8:0"}]]}  # fmt: skip
    for method, params in [
        ("sendMessage", {"chat_id": 0, "text": "first"}),
        ("sendMessage", {"chat_id": 0, "text": "answer", "reply_markup": markup}),
    ]:
        request.calls.append((method, params))
        printer(method, params)
    assert "bot> answer\n    [1] More ›  [2] Iraq" in out.getvalue()
    board = ButtonBoard(request)
    assert board.press("2\n") == "q:8:0" and board.message_id == 2
    assert board.press("3") is None and board.press("1987") is None and board.press("x") is None
    request.calls.append(("editMessageText", {"chat_id": 0, "message_id": 2, "text": "done"}))
    assert board.press("1") is None  # the edited message has no buttons any more


def test_console_buttons_can_be_pressed(tmp_path: Path) -> None:
    article = OWN_ARTICLE.rstrip("\n")  # no final newline: the dot is glued to the URL line
    conversation = f"{article}\n.\nMireyo\n.\n1\nhi\n"
    result = run_bot(stdin=conversation, db=tmp_path / "b.db")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Saved #2" not in out  # the question was not added to the article
    offered = out.index("bot> Nothing about Mireyo in this chat's archive.")
    assert out.index("[1] Mirela Dunn  [2] mirela", offered) > offered
    pressed = out.index("bot (edited)> ", offered)
    assert out.index("Harbour Workers in Valdoria", pressed) > pressed
    assert "/help lists every command." in out[pressed:]  # "hi": a hint, not a search


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed article is not here")
def test_the_readme_pattern_with_the_seed(tmp_path: Path) -> None:
    """The seed file has no final newline; its question must not join the article."""
    conversation = SEED.read_text() + "\n.\nwhat happened in April 2015\n"
    assert not SEED.read_text().endswith("\n")
    result = run_bot(stdin=conversation, db=tmp_path / "s.db")
    assert result.returncode == 0, result.stderr
    assert "Saved #2" not in result.stdout
    assert "bot> Events, in April 2015:" in result.stdout


def test_a_watch_alert_and_a_chart_reach_the_console(tmp_path: Path) -> None:
    files = tmp_path / "tmp"
    files.mkdir()
    conversation = f"/watch Dunn\n{OWN_ARTICLE}\n.\n/trend Dunn\n"
    result = run_bot(stdin=conversation, db=tmp_path / "w.db", extra_env={"TMPDIR": str(files)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    alert = out.index("bot> 🔔 Dunn (watch #1)")  # sent when input ends, not lost
    assert "Harbour Workers in Valdoria" in out[alert:]
    chart = files / "briefing-console" / "trend.png"
    assert f"[file: {chart}]" in out and chart.read_bytes().startswith(b"\x89PNG")
