"""Reads behind trend charts: how many of a chat's articles name each actor, day by day.

An article's day is its publication date, else the day it was archived (`ARTICLE_DAY`, kept on
each mention as `mentions.day`). Each read names its chat and is a range of an index
(tests/storage/test_trends.py checks the plans): the asked actors' mentions in
`idx_mentions_day`, the articles of a span of days in `idx_articles_day`.
"""

from collections.abc import Sequence

from storage.database import Database
from storage.filters import ARTICLE_DAY

MAX_ACTORS = 50  # actors in one read of counts


class TrendStore:
    """Day counts of a chat's actors on the shared database; every call names its chat."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def newest_day(self, chat_id: int) -> str | None:
        """The day (ISO) of the chat's newest ready article, or None for an empty archive."""
        rows = self.database.query(
            f"SELECT {ARTICLE_DAY} AS day FROM articles a WHERE a.chat_id = ?"
            " AND a.status = 'ready' ORDER BY day DESC LIMIT 1",
            (chat_id,),
        )
        return str(rows[0][0]) if rows and rows[0][0] else None

    def daily_counts(
        self, chat_id: int, actor_ids: Sequence[int], since: str, until: str
    ) -> dict[int, dict[str, int]]:
        """Articles naming each actor per day, for days in [since, until) (ISO days);
        actor id -> day -> articles (days without any are left out)."""
        ids = list(dict.fromkeys(actor_ids))[:MAX_ACTORS]
        if not ids:
            return {}
        marks = ", ".join("?" for _ in ids)
        rows = self.database.query(
            "SELECT actor_id, day, COUNT(*) FROM mentions WHERE chat_id = ?"
            f" AND actor_id IN ({marks}) AND day >= ? AND day < ? GROUP BY actor_id, day",
            (chat_id, *ids, since, until),
        )
        counts: dict[int, dict[str, int]] = {actor_id: {} for actor_id in ids}
        for actor_id, day, articles in rows:
            counts[int(actor_id)][str(day)] = int(articles)
        return counts

    def actor_counts(self, chat_id: int, since: str, until: str) -> dict[int, int]:
        """Articles naming each actor of the chat among those of days [since, until)."""
        rows = self.database.query(
            "SELECT m.actor_id, COUNT(*) FROM articles a CROSS JOIN mentions m"
            f" WHERE a.chat_id = ? AND a.status = 'ready' AND {ARTICLE_DAY} >= ?"
            f" AND {ARTICLE_DAY} < ? AND m.article_id = a.id GROUP BY m.actor_id",
            (chat_id, since, until),
        )
        return {int(actor_id): int(articles) for actor_id, articles in rows}

    def actor_names(self, chat_id: int, actor_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """actor id -> (name, type) of the chat's actors among `actor_ids`."""
        ids = list(dict.fromkeys(actor_ids))
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" for _ in part)
            rows = self.database.query(
                f"SELECT id, name, type FROM actors WHERE chat_id = ? AND id IN ({marks})",
                (chat_id, *part),
            )
            found.update({int(r[0]): (str(r[1]), str(r[2])) for r in rows})
        return found
