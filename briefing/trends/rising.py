"""The week's rising actors, for `/trend` alone: the seven days that end with the chat's newest
article against the seven before, judged by the digest's rule (`actors_of_the_day`: at least
twice as many articles and two more; new ones only with `MIN_NEW` articles or more)."""

from dataclasses import dataclass
from datetime import date, timedelta

from briefing.digests.salience import actors_of_the_day, facts_from_counts
from storage.trends import TrendStore

WEEK = 7
MIN_NEW = 3  # a newcomer named in fewer articles is chance, not a rise
RISING = frozenset({"rising", "new"})


@dataclass(frozen=True)
class Rise:
    """An actor's articles in the week against the week before."""

    actor_id: int
    articles: int
    before: int


def rising_actors(store: TrendStore, chat_id: int, last: date, limit: int) -> list[Rise]:
    """The actors rising most in the week ending with `last`, the biggest rise first."""
    until = last + timedelta(days=1)
    since = until - timedelta(days=WEEK)
    week = store.actor_counts(chat_id, since.isoformat(), until.isoformat())
    before = store.actor_counts(
        chat_id, (since - timedelta(days=WEEK)).isoformat(), since.isoformat()
    )
    # The digest's rule compares by key: the actor ids are the keys (no name is shared).
    facts = facts_from_counts({str(actor_id): n for actor_id, n in week.items()})
    previous = {str(actor_id): n for actor_id, n in before.items()}
    trends = actors_of_the_day(facts, previous, 1.0, len(facts))
    rises = [
        Rise(int(t.name), t.articles, previous.get(t.name, 0))
        for t in trends
        if t.trend in RISING and (t.trend == "rising" or t.articles >= MIN_NEW)
    ]
    rises.sort(key=lambda r: (-(r.articles - r.before), -r.articles, r.actor_id))
    return rises[:limit]
