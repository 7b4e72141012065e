"""Draw docs/trend-example.png, the README's example of `/trend`, from invented articles.

Run: .venv/bin/python docs/make_trend_example.py

An archive is built in a temporary folder from articles this script writes (a title and one
sentence each, about invented people and bodies of an invented port), analysed by hand with
the actors each names, so the picture needs neither spaCy nor any news corpus. The chart is
then drawn by the command line, as a user would: `python -m bot trend --png`.
"""

import math
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.cli import main
from storage import AliasForm, Archive, FoundActor, NewArticle
from storage.actors import ActorStore

ROOT = Path(__file__).resolve().parents[1]
CHAT = 1
FIRST = date(2024, 1, 1)
DAYS = 90
STRIKE = 40  # the day the dockers walk out


def _forms(*aliases: str) -> tuple[AliasForm, ...]:
    return tuple(AliasForm(a, a.casefold(), a.split()[-1].casefold()) for a in aliases)


ACTORS = {
    "Mirela Dunn": ("person", _forms("Mirela Dunn", "Dunn")),
    "Valdoria Port Authority": ("organisation", _forms("Valdoria Port Authority")),
    "Coastal Dockers Union": ("organisation", _forms("Coastal Dockers Union")),
}


def expected(name: str, day: int) -> float:
    """Invented articles a day: quiet before the strike, a peak, then a slow fade."""
    after = day - STRIKE
    if name == "Mirela Dunn":
        return 0.4 + (6.0 * math.exp(-after / 9) if after >= 0 else 0.0)
    if name == "Valdoria Port Authority":
        return 1.0 + (3.0 * math.exp(-after / 14) if after >= 0 else 0.0)
    return 0.2 + (4.0 * math.exp(-((after - 6) ** 2) / 40) if after >= -10 else 0.0)


def build(path: Path) -> None:
    """The invented archive: one article per actor mention drawn around `expected`."""
    archive = Archive.open(path)
    store = ActorStore(archive.database)
    ids: dict[str, int] = {}
    chance = random.Random(15)
    try:
        for offset in range(DAYS):
            day = (FIRST + timedelta(days=offset)).isoformat()
            for name, (kind, forms) in ACTORS.items():
                mean = expected(name, offset)
                count = sum(chance.random() < mean / 4 for _ in range(4 + int(mean)))
                for number in range(count):
                    title = f"Valdoria harbour, {day}: item {number + 1} on {name}"
                    body = f"{name} was in the news of the Valdoria harbour on {day}."
                    article = NewArticle(title, body, "Coastal Courier", published_at=day)
                    article_id = archive.add(CHAT, article)
                    actor = FoundActor(ids.get(name), name, kind, forms, 1)
                    ids.update(store.save_analysis(CHAT, article_id, [actor], [], []))
    finally:
        archive.close()


COMMAND = ["trend", "--chat", str(CHAT), "90d", "Dunn", "Valdoria Port Authority",
           "Coastal Dockers Union"]  # fmt: skip

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "example.db"
        build(db)
        target = ROOT / "docs" / "trend-example.png"
        sys.exit(main([*COMMAND, "--db", str(db), "--png", str(target)]))
