"""Small archives for the export tests: articles this project wrote, in two chats, some with
actors and quotes stored as the analysis stores them (no spaCy needed)."""

from storage import AliasForm, Archive, FoundActor, FoundQuote, NewArticle
from storage.actors import ActorStore

CHAT = 41
OTHER_CHAT = 42

# Titles and texts with what CSV, JSON and Markdown must carry through untouched.
ARTICLES = (
    NewArticle(
        'Harbour strike, day two: "no ships" says union',
        "Dock workers in Valdoria stayed out on Monday.\nThe port said talks would resume.",
        "The Coastal Courier",
        "https://courier.example.org/2024/03/04/strike",
        published_at="2024-03-04",
    ),
    NewArticle(
        "# *Breaking* <b>news</b> [1](http://x.example) _under_ `code` | pipes ~~gone~~ &amp;",
        "1. Not a list item.\n# Not a heading\n    Indented wire paragraph.\n- nor a bullet\n---",
        "Wire & Co <Agency>",
        "https://wire.example.com/a?b=1&c=2",
        published_at="2024-03-10T08:15",
    ),
    NewArticle(
        '=HYPERLINK("http://evil.example") formula title',
        "LONDON, March 12 (Reuters) - A body that starts like a dateline stays as it is.",
        "",
        None,
        published_at=None,
    ),
    NewArticle(
        "Glacier survey finds faster melting",
        "A survey team led by Tomas Berg measured twelve glaciers.\n\nThe range lost ice fast.",
        "Alpine Science Daily",
        "https://alpine.example/glaciers",
        published_at="2023-05-12",
    ),
)
OTHER_CHAT_TITLE = "A secret of another chat"


def _actor(name: str, kind: str, mentions: int) -> FoundActor:
    alias = AliasForm(name, name.lower(), name.lower().split()[-1])
    return FoundActor(None, name, kind, (alias,), mentions)


def fill(archive: Archive) -> list[int]:
    """Store `ARTICLES` in `CHAT` (the first with actors and quotes) and one article in
    `OTHER_CHAT`; returns the ids of `CHAT`'s articles in order."""
    ids = [archive.add(CHAT, article) for article in ARTICLES]
    archive.add(OTHER_CHAT, NewArticle(OTHER_CHAT_TITLE, "Only chat 42 may read this.", "Nobody"))
    actors = ActorStore(archive.database)
    union = _actor("Mirela Dunn", "person", 3)
    port = _actor("Valdoria Port Authority", "organisation", 1)
    quotes = [
        FoundQuote("Mirela Dunn", "We will not load a single ship", "…", True),
        FoundQuote(None, "talks would resume", "…", False),
    ]
    actors.save_analysis(CHAT, ids[0], [union, port], quotes, [])
    actors.save_analysis(CHAT, ids[3], [_actor("Tomas Berg", "person", 1)], [], [])
    return ids
