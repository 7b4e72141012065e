"""Every statement a question makes, of every kind, reads through an index (see
tests/storage/test_query_plans.py for what the check allows)."""

from pathlib import Path

from briefing.analysis.actors import Actor
from briefing.analysis.events import Event
from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from storage import Archive
from tests.briefing.test_question_caches import NOW, add, person
from tests.storage.test_query_plans import problems, traced

QUESTIONS = (
    "Varga",
    "Tomas Varga bridge",
    "Vraga",
    "bridgee",
    "what did Varga say about the bridge",
    "quotes by Marten",
    "what happened in Kelmar last month",
    "what happened last week",
    "when did Marten visit",
    "bridge since May 2024",
    "bridge between 1 and 15 May 2024",
    "news about Varga from the Ledger",
    "zzzz",
)


def test_every_kind_of_question_reads_through_indexes(tmp_path: Path) -> None:
    archive = Archive.open(tmp_path / "archive.db")
    place = Actor("Kelmar", "place", ["Kelmar"], 1)
    for n in range(1, 8):
        add(
            archive,
            f"Varga opens bridge {n}",
            f"Tomas Varga opened bridge {n} in Kelmar. Ilse Marten visited it.",
            [person("Tomas Varga", "Varga"), person("Ilse Marten", "Marten"), place],
            day=f"2024-05-{n:02d}",
            events=[Event("Ilse Marten", "visit", ["Kelmar"], f"2024-05-{n:02d}", "She came.")],
        )
    searcher = Searcher(archive)
    for question in QUESTIONS:  # caches warm, as in a running bot
        ask(searcher, 1, question, NOW)
    add(archive, "Marten again", "Ilse Marten spoke.", [person("Ilse Marten")], day="2024-05-20")

    def questions() -> None:
        for question in QUESTIONS:
            ask(searcher, 1, question, NOW)

    statements = traced(archive, questions)
    conn = archive.database.utils.conn
    assert {s: problems(conn, s) for s in statements if problems(conn, s)} == {}
    archive.close()
