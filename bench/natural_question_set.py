"""A natural-question set on BBC News: questions a reader would ask in their own words, each
with the corpus ids of the articles that answer it; precision@3 and recall@5, ours against bare
FTS5 over the same archive.

Run: .venv/bin/python bench/natural_question_set.py [--json] [--show]

Only our own question texts and the corpus's article ids are kept here, never its text; the
archive is `bench/bbc_archive.py`'s 1,000 BBC articles, and only archived ids count. The ids were
found by searching the archived articles for the question's topic and reading their titles and
leads; an article counts when answering the question is what it is about. Both parts were
written before either was run; the held-out part was then never used to tune the ranking.

Precision@3 is the share of the first three places holding an answering article; recall@5 the
share of the answering articles (at most five) among the first five. Ours is the articles of
our answer (`bench/natural_questions.py`'s `ours`); the baseline bare FTS5 with every word
OR-ed, best bm25 first.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bbc_archive import DATA, build
from bench.natural_questions import Question, bare, ours, precision, recall
from briefing.questions.ranking import Searcher
from storage import Archive

DEVELOPMENT: tuple[tuple[str, str], ...] = (
    ("what do the Conservatives think about ID cards", "politics/299"),
    ("identity cards", "politics/299"),
    ("how is spam being fought", "tech/147 tech/176 tech/214 tech/273 tech/390"),
    ("how much aid is the UK giving after the tsunami", "politics/135"),
    ("when does the hunting ban start", "politics/134 politics/179"),
    ("why did Kilroy-Silk leave UKIP", "politics/281"),
    ("are house prices falling in the UK", "business/415"),
    ("did the US raise interest rates", "business/121 business/383"),
    ("who bought the Yukos oil unit", "business/314 business/318 business/003"),
    ("is WorldCom's former boss Ebbers guilty of fraud", "business/246 business/059"),
    ("which films won at the Baftas", "entertainment/357"),
    (
        "who wants to buy the London Stock Exchange",
        "business/392 business/203 business/279 business/319 business/316 business/454",
    ),
    ("was Mourinho charged by the FA", "sport/231"),
    ("Henman against Rusedski", "sport/421"),
    ("Eminem number one single", "entertainment/144"),
    ("how many iPods has Apple sold", "tech/040"),
    ("will people watch TV on their mobile phones", "tech/378 tech/059"),
    ("Microsoft security patches", "tech/060 tech/007 tech/177"),
    ("when is the budget", "politics/077"),
    ("Tory plans on asylum and immigration", "politics/193 politics/334"),
    (
        "the dollar falls to a record low against the euro",
        "business/374 business/344 business/376 business/097",
    ),
    ("Glazer's bid for Manchester United", "business/242 business/224 business/293 business/209"),
    ("Greek sprinters missed drugs tests", "sport/023 sport/081 sport/050 sport/048"),
    ("Band Aid single", "entertainment/159"),
    ("which film won best picture at the Oscars", "entertainment/035 entertainment/328"),
    ("broadband in Britain", "tech/175 tech/205 tech/150 tech/058"),
    ("Marion Jones doping", "sport/036 sport/049"),
    ("why was Mutu sacked by Chelsea", "sport/199"),
    ("the Little Britain comedy show", "entertainment/212 entertainment/191"),
    ("Turkcell deal in Iran", "business/074 business/092"),
)

HELD_OUT: tuple[tuple[str, str], ...] = (
    ("what is the Tory position on identity cards", "politics/299"),
    ("spammers convicted", "tech/176 tech/390"),
    ("Gurkhas sent to help tsunami victims", "politics/208"),
    ("Kilroy-Silk attacked", "politics/157"),
    ("oil prices above 50 dollars", "business/138 business/152"),
    ("Parmalat sues the banks", "business/312"),
    ("Yukos bankruptcy case in US court", "business/025 business/192 business/391"),
    ("tobacco companies court case", "business/010 business/104 business/291"),
    ("Vera Drake awards", "entertainment/352 entertainment/357 entertainment/323"),
    ("did Elvis get back to the top of the charts", "entertainment/234"),
    ("Sony PSP launch in America", "tech/317"),
    ("Microsoft desktop search", "tech/237 tech/053 tech/108"),
    ("blogger fired by her airline", "tech/102 tech/133"),
    ("Boeing's new plane", "business/069"),
    ("Euronext bid for the LSE", "business/319 business/316"),
    ("what does Kennedy say about taxes", "politics/301"),
    ("Wilkinson injured again", "sport/415"),
    ("Kelly Holmes comeback", "sport/022 sport/057"),
    ("Khodorkovsky gives up his Yukos shares", "business/444"),
    ("Scissor Sisters at the Brit awards", "entertainment/253"),
    ("Jamie Foxx as Ray Charles", "entertainment/069 entertainment/092"),
    ("Sundance film festival winners", "entertainment/336"),
    ("how many MP3 players were sold in the US", "tech/327"),
    ("Rover jobs at risk", "business/034"),
    ("Blunkett profile", "politics/041"),
    ("the British and Irish Lions tour", "sport/387 sport/385 sport/329 sport/386"),
    ("who sells Yukos' main production unit", "business/314 business/332"),
    ("Hewitt's maternity pay plans", "politics/001"),
    ("Wal-Mart gun case", "business/390"),
    ("hacker broke into T-Mobile", "tech/271"),
)


def questions(rows: tuple[tuple[str, str], ...], ids: dict[str, int]) -> list[Question]:
    """The questions with the archived articles that answer them (others are not counted)."""
    found = []
    for text, keys in rows:
        relevant = frozenset(ids[k] for k in keys.split() if k in ids)
        if relevant:
            found.append(Question(text, relevant))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--show", action="store_true", help="print development misses")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"BBC data not found at {DATA}", file=sys.stderr)
        return 2
    path, ids = build()
    archive = Archive.open(path)
    searcher = Searcher(archive)
    figures: dict[str, dict[str, float]] = {}
    for name, rows in (("development", DEVELOPMENT), ("held-out", HELD_OUT)):
        asked = questions(rows, ids)
        row: dict[str, float] = {"questions": len(asked)}
        for who, run in (
            ("ours", lambda t: ours(searcher, t)),
            ("bare", lambda t: bare(archive, t)),
        ):
            found = [run(q.text) for q in asked]
            row[f"{who}_precision_at_3"] = _mean(
                [precision(f, q.relevant) for f, q in zip(found, asked, strict=True)]
            )
            row[f"{who}_recall_at_5"] = _mean(
                [recall(f, q.relevant) for f, q in zip(found, asked, strict=True)]
            )
            if who == "ours" and args.show and name == "development":
                for f, q in zip(found, asked, strict=True):
                    if precision(f, q.relevant) < 1 / 3 + 0.01:
                        print(
                            f"  weak: {q.text!r} -> {[sorted(i) for i in f[:3]]}"
                            f" want {sorted(q.relevant)}"
                        )
        figures[name] = row
    archive.close()
    if args.json:
        print(json.dumps(figures))
        return 0
    for name, row in figures.items():
        print(
            f"{name:12} {row['questions']:.0f} questions  precision@3 ours"
            f" {row['ours_precision_at_3']:.3f} bare {row['bare_precision_at_3']:.3f}"
            f"  recall@5 ours {row['ours_recall_at_5']:.3f} bare {row['bare_recall_at_5']:.3f}"
        )
    return 0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    sys.exit(main())
