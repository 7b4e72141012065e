"""Alerts as they go out: which chats have alerts due, one message's worth of a chat's alerts,
and the alerts as the command line prints them.

Alerts are recorded when an article is analysed (`briefing.watches.matching`); a chat's alerts
wait until none has come for `QUIET` (a paste of several articles, an import, a feed's new
items come as one message), but never longer than `LONGEST` after the first. A message shows
at most `SHOWN` alerts and counts the rest by watch; all of them are marked sent with it.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from briefing.questions.snippets import plain_snippet
from storage.watches import AlertRow, WatchStore

QUIET = timedelta(seconds=5)
LONGEST = timedelta(seconds=60)
SHOWN = 6

Alert = AlertRow


@dataclass(frozen=True)
class AlertBatch:
    """One message's alerts: those shown, the others counted by watch, how many in all, and
    the newest one's id (all up to it are sent with the message)."""

    chat_id: int
    alerts: tuple[Alert, ...]
    more: tuple[tuple[str, int], ...]  # watch, further alerts of it
    total: int
    last_id: int


def _moment(stored: str) -> datetime:
    return datetime.fromisoformat(stored)


def due_chats(store: WatchStore, now: datetime) -> list[int]:
    """Chats whose alerts are due: quiet for `QUIET`, or the first waiting `LONGEST`."""
    return [
        chat_id
        for chat_id, oldest, newest in store.unsent_chats()
        if now - _moment(newest) >= QUIET or now - _moment(oldest) >= LONGEST
    ]


def next_batch(store: WatchStore, chat_id: int, shown: int = SHOWN) -> AlertBatch | None:
    """The chat's next message: its first unsent alerts, and the rest counted by watch (an
    import of thousands of matching articles is one message, not thousands)."""
    alerts = store.unsent(chat_id, shown)
    counts, last_id = store.unsent_by_watch(chat_id)
    if not alerts:
        return None
    rest = Counter(counts)
    rest.subtract(Counter(a.watch for a in alerts))
    more = tuple((watch, n) for watch, n in rest.most_common() if n > 0)
    return AlertBatch(chat_id, tuple(alerts), more, sum(counts.values()), last_id)


def mark_sent(store: WatchStore, batch: AlertBatch, outcome: str = "sent") -> None:
    """Record the batch's alerts as sent (or given up, the reason as `outcome`): never again."""
    store.mark_sent(batch.chat_id, batch.last_id, outcome)


def alert_json(alert: Alert) -> dict[str, object]:
    """An alert as `python -m bot alerts --json` prints it."""
    return {
        "watch_id": alert.watch_id,
        "watch": alert.watch,
        "article_id": alert.article_id,
        "title": alert.title,
        "sentence": plain_snippet(alert.sentence),
        "created_at": alert.created_at,
        "sent": alert.sent_at is not None,
    }


def alerts_since(store: WatchStore, chat_id: int, since: str | None = None) -> list[Alert]:
    """The chat's alerts recorded since `since` (ISO, UTC), oldest first."""
    return store.alerts(chat_id, since)
