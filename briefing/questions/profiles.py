"""Looking actors up by name and describing them: profiles and top lists (their quotes and
timelines are `briefing.questions.sayings`).

Names are matched the way users type them: case, diacritics and "al-" are folded
(`normalise_name`), then typos are tolerated with rapidfuzz over every alias of the chat.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from briefing.names import alias_norm, normalise_name
from storage import ActorRecord, ActorStats, Archive, StoredArticle, StoredQuote
from storage.actors import ActorStore

MATCH_THRESHOLD = 80.0
EXACT = 100.0
SURNAME = 95.0
CLEAR_WIN = 8.0  # a best match this far ahead of the next actor is taken without asking


PROFILE_QUOTES_READ = 20  # latest quotes read, of which the profile shows 3


@dataclass(frozen=True)
class ActorMatch:
    """An actor found for a typed name, and how well it matched (0-100)."""

    actor: ActorRecord
    score: float


@dataclass(frozen=True)
class ActorProfile:
    """Everything `/actor` shows."""

    actor: ActorRecord
    stats: ActorStats
    co_mentioned: list[tuple[str, int]]
    quotes: list[StoredQuote]
    articles: list[StoredArticle]


def find_actors(store: ActorStore, chat_id: int, name: str, limit: int = 5) -> list[ActorMatch]:
    """Actors whose name or alias matches `name`, best first; exact matches alone if any
    (looked up in the index; only a name with a typo is compared with every alias)."""
    key = normalise_name(name) or name.casefold().strip()
    if not key:
        return []
    single = " " not in key
    scores: dict[int, float] = {}
    for actor_id, _, norm in store.aliases_named(chat_id, key, key if single else None):
        if norm == key:
            scores[actor_id] = EXACT
        elif single and norm.split()[-1:] == [key]:
            scores.setdefault(actor_id, SURNAME)  # "Dunn" may mean any known Dunn
    if scores:
        ranked_ids = sorted(scores, key=lambda i: -scores[i])[:limit]
        records = [(store.get(chat_id, i), scores[i]) for i in ranked_ids]
        return [ActorMatch(r, score) for r, score in records if r is not None]
    best: dict[int, float] = {}
    aliases = store.all_aliases(chat_id)  # a typo: every name of the chat is compared
    choices = [norm for _, _, norm in aliases]
    for _, score, index in process.extract(
        key, choices, scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=MATCH_THRESHOLD
    ):
        actor_id = aliases[index][0]
        best[actor_id] = max(best.get(actor_id, 0.0), float(score))
    ranked = sorted(best.items(), key=lambda pair: -pair[1])[:limit]
    matches = []
    for actor_id, score in ranked:
        record = store.get(chat_id, actor_id)
        if record is not None:
            matches.append(ActorMatch(record, score))
    return matches


def clear_choice(matches: Sequence[ActorMatch]) -> ActorMatch | None:
    """The one match to take without asking, if there is one."""
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1 and matches[0].score - matches[1].score >= CLEAR_WIN:
        return matches[0]
    return None


def profile(
    archive: Archive, store: ActorStore, chat_id: int, actor_id: int
) -> ActorProfile | None:
    """The profile of one actor of this chat."""
    actor = store.get(chat_id, actor_id)
    if actor is None:
        return None
    articles = [archive.get(chat_id, i) for i in store.articles_of(chat_id, actor_id, 5)]
    return ActorProfile(
        actor=actor,
        stats=store.stats(chat_id, actor_id),
        co_mentioned=store.co_mentioned(chat_id, actor_id, 5),
        quotes=_quotes_shown(store.quotes_by(chat_id, actor_id, PROFILE_QUOTES_READ)),
        articles=[a for a in articles if a is not None],
    )


def _quotes_shown(latest: list[StoredQuote], shown: int = 3) -> list[StoredQuote]:
    """The profile's quotes: the actor's own words (direct quotes) before reported speech,
    newest first within each, so a day of "X said that ..." does not hide what X said."""
    return sorted(latest, key=lambda quote: not quote.direct)[:shown]


def merge(
    store: ActorStore, chat_id: int, keep: str, other: str
) -> tuple[ActorRecord, ActorRecord] | str:
    """Merge the actor named `other` into the one named `keep`; an error message on failure."""
    first, second = find_actors(store, chat_id, keep), find_actors(store, chat_id, other)
    a, b = clear_choice(first), clear_choice(second)
    if a is None or b is None:
        missing = keep if a is None else other
        return f"no single actor matches {missing!r}"
    if a.actor.id == b.actor.id:
        return f"{a.actor.name!r} and {other!r} are already the same actor"
    store.merge(chat_id, a.actor.id, b.actor.id)
    return a.actor, b.actor


def split(store: ActorStore, chat_id: int, alias: str) -> ActorRecord | str:
    """Split an alias off the actor it was joined to; an error message on failure."""
    norm = alias_norm(alias)
    owners = [m for m in find_actors(store, chat_id, alias) if m.score == EXACT]
    if len(owners) != 1:
        return f"no single actor has the alias {alias!r}"
    owner = owners[0].actor
    if normalise_name(owner.name) == norm:
        return f"{alias!r} is the actor's own name; split off one of its other aliases"
    new_id = store.split(chat_id, owner.id, norm, alias, owner.type)
    created = store.get(chat_id, new_id) if new_id is not None else None
    return created if created is not None else f"no single actor has the alias {alias!r}"
