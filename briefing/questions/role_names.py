"""Roles named in a question ("Russia's foreign minister", "the foreign minister of Russia",
"the Academy president") resolved to the actors the archive gives them (`actor_roles`), as if
the person had been named.

A role is looked up by its words as the analysis stores them (`alias_norm` of the title); the
actor it is held in is the actor named just before it ("Russia's …", "Academy …") or after
"of"/"in"/"at". Held somewhere, it resolves to the actors given the role there, or, when no
article says where, to those given it in articles that mention that place. A role of one word
("president") resolves only with where it is held; a role right beside a person's name
("prime minister Tony Blair") is left as words: the name already says who.
"""

from collections.abc import Sequence

from briefing.names import normalise_name
from briefing.questions.actor_names import ActorNames
from briefing.questions.plans import Group
from briefing.questions.understanding import STOPWORDS, Word, match_any
from storage.search import RoleHolder, SearchStore

MAX_ROLE_WORDS = 3
MAX_HOLDERS = 3
_HELD_AFTER = frozenset({"of", "in", "at", "for"})

Placed = tuple[int, Group]  # a group with the index of its first word


def _spans(words: Sequence[Word], used: set[int]) -> dict[tuple[int, int], str]:
    """Candidate role spans (start, end) of content words ending in a word no actor took,
    with their lookup keys."""
    spans: dict[tuple[int, int], str] = {}
    for end in range(1, len(words) + 1):
        if end - 1 in used or words[end - 1].stop:
            continue
        for size in range(1, MAX_ROLE_WORDS + 1):
            start = end - size
            if start < 0 or any(words[i].stop for i in range(start, end)):
                break
            key = normalise_name(" ".join(words[i].text for i in range(start, end)))
            if key:
                spans[start, end] = key
    return spans


def _group_spans(groups: Sequence[Placed], used: set[int]) -> dict[int, tuple[int, Group]]:
    """Each actor group's first word -> (end of its words, group)."""
    found: dict[int, tuple[int, Group]] = {}
    starts = {first for first, _ in groups}
    for first, group in groups:
        end = first + 1
        while end in used and end not in starts:
            end += 1
        found[first] = (end, group)
    return found


def _held_in(
    words: Sequence[Word], spans: dict[int, tuple[int, Group]], start: int, end: int
) -> tuple[int, Group] | None:
    """The actor group a role at start:end is held in: right before it, or after "of"."""
    for first, (stop, group) in spans.items():
        if stop == start and first < start:
            return first, group
    at = end
    if at < len(words) and words[at].text.casefold() in _HELD_AFTER:
        at += 1
        if at < len(words) and words[at].text.casefold() == "the":
            at += 1
        if at in spans:
            return at, spans[at][1]
    return None


def _holders(rows: Sequence[RoleHolder], norm: str, held: Group | None) -> tuple[int, ...]:
    """The actors holding a role (most written about with it first)."""
    counts: dict[int, int] = {}
    for row in rows:
        if row.norm != norm:
            continue
        if held is None:
            counts[row.actor_id] = counts.get(row.actor_id, 0) + row.articles
        elif row.held_in_id in held.actor_ids:
            counts[row.actor_id] = counts.get(row.actor_id, 0) + row.articles * 1000
        elif row.held_in_id is None and row.beside and " " in norm:
            counts[row.actor_id] = counts.get(row.actor_id, 0) + row.beside
    top = max(counts.values(), default=0)
    counts = {i: c for i, c in counts.items() if c * 2 >= top}  # said where, first; the
    return tuple(sorted(counts, key=lambda i: (-counts[i], i))[:MAX_HOLDERS])  # usual holder


def _holder_group(names: ActorNames, ids: tuple[int, ...], typed: str) -> Group:
    """The group of the actors holding a role, searched and marked by their names."""
    forms: dict[str, str] = {}
    for actor_id in ids:
        for norm, alias in names.forms(actor_id).items():
            forms.setdefault(norm, alias)
    searched = [
        names.actors[i].name
        for i in ids
        if len(normalise_name(names.actors[i].name)) > 1
        and normalise_name(names.actors[i].name) not in STOPWORDS
    ]
    return Group(names.actors[ids[0]].name, match_any(searched), tuple(forms.values()), ids, typed)


def role_groups(
    store: SearchStore,
    names: ActorNames,
    chat_id: int,
    words: Sequence[Word],
    used: set[int],
    groups: list[Placed],
) -> list[Placed]:
    """The groups with each role the words name replaced by the actors holding it (its words
    and the actor it is held in marked `used`); unchanged when no role resolves."""
    spans = _spans(words, used)
    if not spans:
        return groups
    placed = _group_spans(groups, used)
    held_ids = sorted({i for _, g in groups for i in g.actor_ids})
    rows = store.role_holders(chat_id, sorted(set(spans.values())), held_ids)
    if not rows:
        return groups
    known = {row.norm for row in rows}
    result = list(groups)
    taken: set[int] = set()
    for (start, end), norm in sorted(spans.items(), key=lambda s: (s[0][0] - s[0][1], s[0][0])):
        if norm not in known or taken.intersection(range(start, end)):
            continue
        if _more_words(words, used, start, end):
            continue  # "foreign minister" asked: "minister" alone is another role
        held = _held_in(words, placed, start, end)
        inside = [f for f in placed if start <= f < end]
        if held is None and (end - start == 1 or _beside_person(names, placed, start, end)):
            continue
        ids = tuple(i for i in _holders(rows, norm, held[1] if held else None) if i in names.actors)
        if not ids:
            continue
        gone = {*inside, *([held[0]] if held else [])}
        first = min(start, *gone) if gone else start
        last = max(end, *(placed[f][0] for f in gone)) if gone else end
        typed = " ".join(w.text for w in words[first:last])
        result = [(f, g) for f, g in result if f not in gone]
        result.append((first, _holder_group(names, ids, typed)))
        taken.update(range(first, last))
        used.update(range(start, end), *(range(f, placed[f][0]) for f in gone))
    return result


def _more_words(words: Sequence[Word], used: set[int], start: int, end: int) -> bool:
    """Whether a content word no actor took comes right before or after start:end."""
    return any(
        0 <= i < len(words) and i not in used and not words[i].stop for i in (start - 1, end)
    )


def _beside_person(
    names: ActorNames, placed: dict[int, tuple[int, Group]], start: int, end: int
) -> bool:
    """Whether a person's name comes right before or after the words start:end."""
    return any(
        (first == end or stop == start)
        and any(names.actors[i].type == "person" for i in group.actor_ids if i in names.actors)
        for first, (stop, group) in placed.items()
    )
