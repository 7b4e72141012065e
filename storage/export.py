"""Reading a chat's whole archive for export: its ready articles in id order, a page at a time,
each with its actors and quotes.

The articles are read with a keyset cursor (`id > last id of the page`), so a page costs the same
wherever it is in the archive and memory holds one page, never the archive. A page's actors and
quotes are read in one query each, by the page's ids. Every query names the chat.

Dates: an article is within `since`..`until` (ISO days, both included) by its publication day,
or by the day it was archived when it states no date.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storage.database import Database

PAGE_ROWS = 256  # articles a page; a page of long texts (50 kB each) stays near 13 MB
_DAY = "substr(COALESCE(published_at, added_at), 1, 10)"


@dataclass(frozen=True)
class ExportActor:
    """An actor an article names: its name, type and how often the article names it."""

    name: str
    type: str
    mentions: int


@dataclass(frozen=True)
class ExportQuote:
    """A quote of an article: its speaker (None when unknown), words, and whether direct."""

    speaker: str | None
    text: str
    direct: bool


@dataclass(frozen=True)
class ExportArticle:
    """One article as an export writes it (`body` empty when the texts were not read)."""

    id: int
    title: str
    published_at: str | None
    added_at: str
    source: str
    url: str | None
    body: str
    actors: tuple[ExportActor, ...] = ()
    quotes: tuple[ExportQuote, ...] = ()


@dataclass(frozen=True)
class ExportScope:
    """Which articles of a chat to export: days `since` and `until` (ISO, both included; None
    for no bound), and whether to read their texts."""

    chat_id: int
    since: str | None = None
    until: str | None = None
    texts: bool = True

    def where(self) -> tuple[str, tuple[Any, ...]]:
        """The condition on the chat's ready articles and its parameters."""
        sql = "chat_id = ? AND status = 'ready'"
        params: list[Any] = [self.chat_id]
        if self.since is not None:
            sql += f" AND {_DAY} >= ?"
            params.append(self.since)
        if self.until is not None:
            sql += f" AND {_DAY} <= ?"
            params.append(self.until)
        return sql, tuple(params)


class ExportStore:
    """Streams a chat's archive for export, on the shared database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def articles(self, scope: ExportScope, page_rows: int = PAGE_ROWS) -> Iterator[ExportArticle]:
        """The scope's articles in id order with their actors and quotes, read a page at a
        time (the database is free between pages for the bot's other work)."""
        after = 0
        while True:
            page = self._page(scope, after, page_rows)
            if not page:
                return
            ids = [row[0] for row in page]
            actors = self._actors(scope.chat_id, ids)
            quotes = self._quotes(scope.chat_id, ids)
            for id_, title, published, added, source, url, body in page:
                found = (actors.get(id_, ()), quotes.get(id_, ()))
                yield ExportArticle(
                    id_, title or "", published, added, source or "", url, body or "", *found
                )
            after = ids[-1]

    def _page(self, scope: ExportScope, after: int, rows: int) -> list[tuple[Any, ...]]:
        """Up to `rows` articles with ids above `after`: id, title, published_at, added_at,
        source, url and body (empty when the scope reads no texts)."""
        where, params = scope.where()
        body = "body" if scope.texts else "''"
        return self.database.query(
            f"SELECT id, title, published_at, added_at, source, url, {body} FROM articles"
            f" WHERE {where} AND id > ? ORDER BY id LIMIT ?",
            (*params, after, rows),
        )

    def _actors(self, chat_id: int, ids: list[int]) -> dict[int, tuple[ExportActor, ...]]:
        """Each article's actors, the most prominent first."""
        marks = ", ".join("?" for _ in ids)
        rows = self.database.query(
            "SELECT m.article_id, a.name, a.type, m.count FROM mentions m"
            " JOIN actors a ON a.id = m.actor_id AND a.chat_id = m.chat_id"
            f" WHERE m.chat_id = ? AND m.article_id IN ({marks})"
            " ORDER BY m.article_id, m.rank, a.name",
            (chat_id, *ids),
        )
        found: dict[int, list[ExportActor]] = {}
        for article_id, name, kind, count in rows:
            found.setdefault(article_id, []).append(ExportActor(name, kind, count))
        return {article_id: tuple(actors) for article_id, actors in found.items()}

    def _quotes(self, chat_id: int, ids: list[int]) -> dict[int, tuple[ExportQuote, ...]]:
        """Each article's quotes, in the order they were found in it."""
        marks = ", ".join("?" for _ in ids)
        rows = self.database.query(
            "SELECT article_id, speaker, text, direct FROM quotes"
            f" WHERE chat_id = ? AND article_id IN ({marks}) ORDER BY article_id, id",
            (chat_id, *ids),
        )
        found: dict[int, list[ExportQuote]] = {}
        for article_id, speaker, text, direct in rows:
            found.setdefault(article_id, []).append(ExportQuote(speaker, text, bool(direct)))
        return {article_id: tuple(quotes) for article_id, quotes in found.items()}
