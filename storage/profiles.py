"""What an actor's profile and a digest read about actors: counts, first and last seen,
company, latest articles, quotes and events, and the most mentioned actors of a window.

Reads of a window go from the articles it shows (`storage.windows`: the chat's own and recent
imports, never an old bulk import) to their mentions and quotes by article, so they cost what
the window holds, not what the chat's archive holds."""

from collections.abc import Sequence

from storage.database import Database
from storage.rows import ActorStats, StoredEvent, StoredQuote
from storage.sayings import read_events, read_quotes
from storage.windows import shown_articles

IDS_AT_ONCE = 500  # ids in one IN list (SQLite allows 32,766 parameters)
CO_MENTION_WINDOW = 1000  # latest articles of an actor read for who appears with it


class ProfileStore:
    """Reads of actors' profiles on the shared database; every call names its chat."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def stats(self, chat_id: int, actor_id: int) -> ActorStats:
        """Articles and mentions of an actor, first and last seen (article dates)."""
        row = self.database.query(  # from the index alone
            "SELECT COUNT(*), SUM(count) FROM mentions INDEXED BY idx_mentions_rank"
            " WHERE chat_id = ? AND actor_id = ?",
            (chat_id, actor_id),
        )[0]
        return ActorStats(row[0], row[1] or 0, *self.seen(chat_id, actor_id))

    def seen(self, chat_id: int, actor_id: int) -> tuple[str | None, str | None]:
        """The days of the first and the last article mentioning an actor (two index seeks)."""
        row = self.database.query(
            "SELECT (SELECT MIN(day) FROM mentions WHERE chat_id = ?1 AND actor_id = ?2),"
            " (SELECT MAX(day) FROM mentions WHERE chat_id = ?1 AND actor_id = ?2)",
            (chat_id, actor_id),
        )[0]
        return row[0], row[1]

    def co_mentioned(
        self, chat_id: int, actor_id: int, limit: int = 5, within: int = CO_MENTION_WINDOW
    ) -> list[tuple[str, int]]:
        """Actors appearing in the same articles as this one, with how many they share, among
        its latest `within` articles (bounded: a big actor's every mention took 0.3 s)."""
        rows = self.database.query(
            "SELECT x.name, COUNT(*) AS shared FROM (SELECT article_id FROM mentions"
            " WHERE chat_id = ? AND actor_id = ? ORDER BY day DESC, article_id DESC LIMIT ?) m"
            " JOIN mentions o ON o.article_id = m.article_id AND o.actor_id != ?"
            " JOIN actors x ON x.id = o.actor_id"
            " GROUP BY o.actor_id ORDER BY shared DESC, x.name LIMIT ?",
            (chat_id, actor_id, within, actor_id, limit),
        )
        return [(r[0], r[1]) for r in rows]

    def articles_of(self, chat_id: int, actor_id: int, limit: int = 5) -> list[int]:
        """Ids of the latest articles mentioning an actor."""
        rows = self.database.query(
            "SELECT article_id FROM mentions WHERE chat_id = ? AND actor_id = ?"
            " ORDER BY day DESC, article_id DESC LIMIT ?",
            (chat_id, actor_id, limit),
        )
        return [r[0] for r in rows]

    def article_actor_names(self, chat_id: int, article_ids: Sequence[int]) -> dict[int, list[str]]:
        """The actors of each article, most prominent first."""
        found: dict[int, list[str]] = {}
        for start in range(0, len(article_ids), IDS_AT_ONCE):
            chunk = list(article_ids[start : start + IDS_AT_ONCE])
            marks = ", ".join("?" for _ in chunk)
            rows = self.database.query(
                "SELECT m.article_id, x.name FROM mentions m JOIN actors x ON x.id = m.actor_id"
                f" WHERE +m.chat_id = ? AND m.article_id IN ({marks})"
                " ORDER BY m.article_id, m.rank",
                (chat_id, *chunk),
            )
            for article_id, name in rows:
                found.setdefault(article_id, []).append(name)
        return found

    def quotes_by(
        self, chat_id: int, actor_id: int | None, limit: int = 5, offset: int = 0
    ) -> list[StoredQuote]:
        """Latest quotes of an actor (or of everyone with None), newest article first."""
        if actor_id is None:
            return read_quotes(self.database, chat_id, limit=limit, offset=offset)
        return read_quotes(
            self.database, chat_id, "q.actor_id = ?", (actor_id,), limit=limit, offset=offset
        )

    def events_of(
        self, chat_id: int, actor_id: int, limit: int = 10, offset: int = 0
    ) -> list[StoredEvent]:
        """Events with the actor as subject or object, newest first (by the event's date, else
        its article's day)."""
        scope, params = "x.chat_id = ? AND x.actor_id = ?", (chat_id, actor_id)
        return read_events(
            self.database, chat_id, scope, params, limit=limit, offset=offset, by_actor=True
        )

    def top_actors(
        self, chat_id: int, since: str, until: str, limit: int = 10
    ) -> list[tuple[int, str, str, int]]:
        """(id, name, type, articles) of the actors most mentioned by the articles a window
        shows (`storage.windows`)."""
        window, params = shown_articles("w.id", chat_id, since, until)
        rows = self.database.query(
            f"SELECT x.id, x.name, x.type, COUNT(*) AS n FROM ({window}) s"
            " CROSS JOIN mentions m ON m.article_id = s.id JOIN actors x ON x.id = m.actor_id"
            " WHERE +m.chat_id = ? GROUP BY x.id ORDER BY n DESC, x.name LIMIT ?",
            (*params, chat_id, limit),
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def window_quotes(self, chat_id: int, since: str, until: str) -> list[StoredQuote]:
        """Quotes from the articles a window shows, in the order they were stored."""
        window, params = shown_articles("w.id", chat_id, since, until)
        scope = f"q.article_id IN ({window})"
        return read_quotes(self.database, chat_id, scope, params, order="q.id", chat="+")
