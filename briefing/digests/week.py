"""The week's actors for `/actors`: the seven days up to now against the seven before, ranked
as the digest ranks its actors of the day (`salience.actors_of_the_day`): by salience, people
and organisations ahead of places, a place only when it is rising."""

from datetime import UTC, datetime, timedelta

from briefing.digests.salience import ActorTrend, actor_facts, actors_of_the_day
from storage.digests import DigestStore

WEEK = timedelta(days=7)
SHOWN = 10


def week_actors(
    store: DigestStore, chat_id: int, now: datetime | None = None, limit: int = SHOWN
) -> tuple[ActorTrend, ...]:
    """The chat's most salient actors of the last seven days, with their trend."""
    until = (now or datetime.now(UTC)).astimezone(UTC) + timedelta(seconds=1)  # this second too
    since = until - WEEK
    titles = {a.id: a.title for a in store.window(chat_id, since, until)}
    facts = actor_facts(store.window_mentions(chat_id, since, until), titles)
    before = actor_facts(store.window_mentions(chat_id, since - WEEK, since), {})
    previous = {name: fact.articles for name, fact in before.items()}
    return actors_of_the_day(facts, previous, 1.0, limit)
