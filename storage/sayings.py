"""The one read of quotes and the one read of events, with their articles' provenance; actor
profiles, digests and questions all read through these two functions.

Only quotes and events of ready articles are read (an article is analysed once it is ready).
"""

import json
from typing import Any

from storage.database import Database
from storage.filters import Filters
from storage.rows import StoredEvent, StoredQuote

_QUOTE_COLUMNS = (
    "q.id, q.actor_id, q.speaker, q.text, q.sentence, q.direct, a.id, a.title, a.source, a.url,"
    " a.published_at, q.day"
)
_EVENT_COLUMNS = (
    "e.id, e.subject_id, e.subject, e.action, e.objects, e.object_ids, e.date, e.sentence,"
    " a.id, a.title, a.source, a.url, a.published_at, e.day"
)
NO_FILTERS = Filters()


def _json_tuple(text: str) -> tuple[Any, ...]:
    """A JSON list as a tuple (most events name no object: no parsing for those)."""
    return () if text == "[]" else tuple(json.loads(text))


def read_quotes(
    database: Database,
    chat_id: int,
    scope: str = "1",
    params: tuple[Any, ...] = (),
    filters: Filters = NO_FILTERS,
    *,
    limit: int = -1,
    offset: int = 0,
    order: str = "q.day DESC, q.id",
    chat: str = "",
) -> list[StoredQuote]:
    """Quotes `q` of the chat within a scope (SQL over `q` and their article `a`, with its
    `params`) and the filters, newest article first unless `order` says otherwise.

    `chat` "+" keeps SQLite from reading the chat's quotes in order when the scope has an
    index of its own.
    """
    where, more = filters.sql("q.day")
    rows = database.query(
        f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id"
        f" WHERE {chat}q.chat_id = ? AND {scope} AND a.status = 'ready'{where}"
        f" ORDER BY {order} LIMIT ? OFFSET ?",
        (chat_id, *params, *more, limit, offset),
    )
    return [StoredQuote(r[0], r[1], r[2], r[3], r[4], bool(r[5]), *r[6:]) for r in rows]


def read_events(
    database: Database,
    chat_id: int,
    scope: str = "e.chat_id = ?",
    params: tuple[Any, ...] | None = None,
    filters: Filters = NO_FILTERS,
    *,
    limit: int = -1,
    offset: int = 0,
    by_actor: bool = False,
) -> list[StoredEvent]:
    """Events `e` of the chat within a scope and the filters, newest first (`params` default
    to the chat id, for the default scope).

    With `by_actor` the events are read through the index of their actors `x` (the scope then
    names `x`), whose order is by day: an actor's events never need sorting. The date filter
    applies to the event's own date when it has one.
    """
    by = "x" if by_actor else "e"
    source = "event_actors x JOIN events e ON e.id = x.event_id" if by_actor else "events e"
    event_id = "x.event_id" if by_actor else "e.id"
    where, more = filters.sql(f"{by}.day")
    rows = database.query(
        f"SELECT {_EVENT_COLUMNS} FROM {source} JOIN articles a ON a.id = e.article_id"
        f" WHERE a.chat_id = ? AND a.status = 'ready' AND {scope}{where}"
        f" ORDER BY {by}.day DESC, {event_id} DESC LIMIT ? OFFSET ?",
        (chat_id, *((chat_id,) if params is None else params), *more, limit, offset),
    )
    return [
        StoredEvent(r[0], r[1], r[2], r[3], _json_tuple(r[4]), _json_tuple(r[5]), *r[6:])
        for r in rows
    ]
