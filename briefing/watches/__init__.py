"""Watchlists: a chat watches actors (whatever name an outlet uses) or words, and is alerted
when a new article matches; a daily watch's matches open the next digest instead.

`watchlist` holds the use cases (add, list, remove), `query` reads what `/watch` is given,
`matching` checks a newly analysed article against a chat's watches, `alerts` puts the
recorded alerts into messages, and `text` is how watches compare words.
"""

from briefing.watches.alerts import Alert, AlertBatch, alert_json, due_chats, mark_sent, next_batch
from briefing.watches.query import WatchQueryError
from briefing.watches.watchlist import (
    ActorChoice,
    Watch,
    WatchAdded,
    WatchChoices,
    add_watch,
    list_watches,
    remove_watch,
    split_daily,
    watch_actor,
    watch_store,
)

__all__ = [
    "ActorChoice",
    "Alert",
    "AlertBatch",
    "Watch",
    "WatchAdded",
    "WatchChoices",
    "WatchQueryError",
    "add_watch",
    "alert_json",
    "due_chats",
    "list_watches",
    "mark_sent",
    "next_batch",
    "remove_watch",
    "split_daily",
    "watch_actor",
    "watch_store",
]
