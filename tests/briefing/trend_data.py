"""A small archive with known counts for the trend tests: invented articles (titles and one
line of text this project writes) analysed by hand, so no spaCy is needed."""

from datetime import date, timedelta

from storage import AliasForm, Archive, FoundActor, NewArticle
from storage.actors import ActorStore

CHAT = 7
OTHER_CHAT = 8
FIRST = date(2024, 3, 1)
NEWEST = date(2024, 3, 30)

# name -> (type, aliases)
ACTORS = {
    "Mirela Dunn": ("person", ("Mirela Dunn", "Dunn")),
    "Valdoria Port Authority": ("organisation", ("Valdoria Port Authority", "port authority")),
    "Tomas Berg": ("person", ("Tomas Berg", "Berg")),
    "Anna Kovac": ("person", ("Anna Kovac",)),
    "Lene Stroud": ("person", ("Lene Stroud",)),
    "Piet Marlow": ("person", ("Piet Marlow",)),
}


def dunn_per_day(day: date) -> int:
    """Articles naming Mirela Dunn on a day: one a day, three from 20 March, five on 25 March."""
    if day == date(2024, 3, 25):
        return 5
    return 3 if day >= date(2024, 3, 20) else 1


def berg_per_day(day: date) -> int:
    """Articles naming Tomas Berg: only from 24 March, two a day (a newcomer of the week)."""
    return 2 if day >= date(2024, 3, 24) else 0


def _found(store: ActorStore, chat_id: int, name: str) -> FoundActor:
    kind, aliases = ACTORS[name]
    known = store.candidates(chat_id, [name.casefold()], [])
    forms = tuple(AliasForm(a, a.casefold(), a.split()[-1].casefold()) for a in aliases)
    return FoundActor(known[0].id if known else None, name, kind, forms, 1)


def add_article(archive: Archive, chat_id: int, day: date, number: int, names: list[str]) -> int:
    """One analysed article of `day` naming `names`."""
    title = f"Harbour report {day.isoformat()} no. {number}"
    body = " and ".join(names) + " were in the harbour news today."
    article_id = archive.add(chat_id, NewArticle(title, body, "Coastal Courier",
                                                 published_at=day.isoformat()))  # fmt: skip
    store = ActorStore(archive.database)
    store.save_analysis(chat_id, article_id, [_found(store, chat_id, n) for n in names], [], [])
    return article_id


def seed(archive: Archive, chat_id: int = CHAT) -> None:
    """March 2024: Dunn every day (more from the 20th), the port authority every other day,
    Berg from the 24th; another chat has Dunn too, on other days, and must never be counted."""
    day = FIRST
    while day <= NEWEST:
        number = 0
        for _ in range(dunn_per_day(day)):
            number += 1
            names = ["Mirela Dunn"]
            if day.day % 2 == 0 and number == 1:
                names.append("Valdoria Port Authority")
            add_article(archive, chat_id, day, number, names)
        for _ in range(berg_per_day(day)):
            number += 1
            add_article(archive, chat_id, day, number, ["Tomas Berg"])
        day += timedelta(days=1)
    for n in range(4):
        add_article(archive, OTHER_CHAT, NEWEST + timedelta(days=n), 1, ["Mirela Dunn"])
