"""Joining an article's actors to those already in a chat's archive (`match_known_actor`):
one name rule for every article, shared with questions through `briefing.names`.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from briefing.analysis import gazetteer
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.names import WORD_SIMILARITY, normalise_name, person_key, word_similarity

# Organisation and place names are compared whole.
NAME_SIMILARITY = 90.0


@dataclass(frozen=True)
class KnownActor:
    """An actor already in the archive, as storage hands it to `match_known_actor`."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    id: int | None = None


def _compatible(a: str, b: str) -> bool:
    groups = {PERSON: 0, ORGANISATION: 1, GROUP: 1, PLACE: 2}
    return groups.get(a, 3) == groups.get(b, 3)


def _keys(actor: KnownActor) -> list[str]:
    return [k for k in dict.fromkeys(normalise_name(n) for n in (actor.name, *actor.aliases)) if k]


def _person_score(name: list[str], known: list[str]) -> float:
    """How alike two person names are (0-100); one may be a surname alone."""
    surname = word_similarity(name[-1], known[-1])
    if surname < WORD_SIMILARITY:
        return 0.0
    if len(name) == 1 or len(known) == 1:
        return surname
    first, other = name[0], known[0]
    if len(first) == 1 or len(other) == 1:
        given = 100.0 if first[0] == other[0] else 0.0
    else:
        given = word_similarity(first, other)
    return min(surname, given) if given >= WORD_SIMILARITY else 0.0


def _unique_best(scored: list[tuple[float, KnownActor]], threshold: float) -> KnownActor | None:
    hits = [(score, actor) for score, actor in scored if score >= threshold]
    if not hits:
        return None
    best = max(score for score, _ in hits)
    top = {actor.name: actor for score, actor in hits if score == best}
    return next(iter(top.values())) if len(top) == 1 else None


def match_known_actor(name: str, type: str, known: Sequence[KnownActor]) -> KnownActor | None:
    """The archive actor this name joins, or None for a new actor.

    Same type family only (organisations and groups together). A name or alias equal after
    `normalise_name` joins; a gazetteer alias joins its canonical name; a surname alone joins
    the one known person with that surname (never when two share it); other spellings join
    above the tuned similarity, and only when one known actor is the best match.
    """
    key = normalise_name(name)
    if not key:
        return None
    candidates = [k for k in known if _compatible(type, k.type)]
    keyed = [(k, _keys(k)) for k in candidates]
    entry = gazetteer.lookup(name)
    wanted = {key, normalise_name(entry.name)} if entry is not None else {key}
    exact = [k for k, keys in keyed if wanted & set(keys)]
    if exact:
        named = [k for k in exact if normalise_name(k.name) in wanted]
        chosen = named or exact
        return chosen[0] if len({k.name for k in chosen}) == 1 else None
    if type == PERSON:
        words = person_key(key).split()
        scored: list[tuple[float, KnownActor]] = []
        for actor, keys in keyed:
            split_keys = [person_key(k).split() for k in keys]
            if len(words) > 1 and any(len(k) > 1 for k in split_keys):
                # A full name is compared with full names only: "Arno Dunn" must not join
                # "Mirela Dunn" through her bare-surname alias "Dunn".
                split_keys = [k for k in split_keys if len(k) > 1]
            score = max(_person_score(words, k) for k in split_keys)
            scored.append((score, actor))
        return _unique_best(scored, WORD_SIMILARITY)
    scored = [(max(fuzz.ratio(key, k) for k in keys), actor) for actor, keys in keyed]
    return _unique_best(scored, NAME_SIMILARITY)
