"""The digest's Watchlist section: what the chat's daily watches matched in the window.

A daily watch sends no alerts; its matches (recorded like any alert, when the article was
analysed) are read here for the window by when they were recorded, so an article imported
today that a daily watch matches is in today's digest, whenever it was published.
"""

from datetime import UTC, datetime
from itertools import groupby

from briefing.digests.model import WatchedArticle, WatchlistEntry
from storage.database import Database
from storage.watches import WatchStore

PER_WATCH = 5  # articles shown of one watch; the rest are counted


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def watchlist(
    database: Database, chat_id: int, since: datetime, until: datetime, shown: int = PER_WATCH
) -> tuple[WatchlistEntry, ...]:
    """The matches of the chat's daily watches recorded in `[since, until)`, by watch."""
    matches = WatchStore(database).daily_matches(chat_id, _iso(since), _iso(until))
    entries = []
    for watch_id, group in groupby(matches, key=lambda m: m.watch_id):
        alerts = list(group)
        first = alerts[0]
        articles = tuple(
            WatchedArticle(a.article_id, a.title, a.url, a.source, a.sentence)
            for a in alerts[:shown]
        )
        more = max(0, len(alerts) - shown)
        entries.append(WatchlistEntry(watch_id, first.watch, first.kind, articles, more))
    return tuple(entries)
