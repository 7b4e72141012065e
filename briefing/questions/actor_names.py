"""Finding a chat's actors in the words of a question (`ActorNames`), tolerating case,
diacritics, transliteration (`briefing.names.fold`, the fold ingest joins names by) and one
or two typos per word.
"""

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from briefing.names import allowed_edits, distance, fold, normalise_name
from briefing.questions.understanding import STOPWORDS, Word, is_acronym
from storage import AliasRow

# A one-word name is the actor only if the actor is mentioned in at least this share of the
# articles containing the word.
COMMON_WORD_SHARE = 0.3


@dataclass(frozen=True)
class ActorHit:
    """Words `start:end` of a question name these actors (most written about first)."""

    start: int
    end: int
    actor_ids: tuple[int, ...]
    form: str  # the alias matched, as the archive writes it
    edits: int  # 0 when the words are an alias up to case and diacritics


@dataclass
class _Actor:
    name: str
    type: str
    articles: int
    mentions: int = 0  # times the archive names it
    forms: dict[str, str] = field(default_factory=dict)  # norm -> alias as written


def _with(index: dict[Any, set[int]], key: Any, actor_id: int, in_place: bool) -> None:
    """Add an actor under a key (in a new set unless `in_place`: readers may hold the old)."""
    found = index.get(key)
    if found is None:
        index[key] = {actor_id}
    elif actor_id not in found:
        if in_place:
            found.add(actor_id)
        else:
            index[key] = found | {actor_id}


class ActorNames:
    """The names and aliases of a chat's actors, indexed for finding them in questions.

    Built once from every alias, then kept up to date with `add` and `count` as aliases and
    articles arrive. Updates never change a container a reader may be going through (they
    put new ones in place), so questions can be answered while another thread updates.
    """

    MAX_WORDS = 4

    def __init__(self, rows: Iterable[AliasRow] = ()) -> None:
        self.actors: dict[int, _Actor] = {}
        self.exact: dict[str, set[int]] = {}
        self.surnames: dict[str, set[int]] = {}
        self._word_actors: dict[str, set[int]] = {}
        self._wordset: frozenset[str] = frozenset()
        self._lists: tuple[list[str], list[str]] = ([], [])  # name words sorted, and folded
        self._by_position: dict[tuple[str, int, int], list[str]] = {}
        self._unseen: dict[int, tuple[int, int]] = {}  # counts of actors whose aliases are to come
        self._add(rows, in_place=True)

    @property
    def words(self) -> list[str]:
        """Every word of every name, sorted."""
        return self._lists[0]

    def add(self, rows: Iterable[AliasRow]) -> None:
        """Index more aliases (of known or new actors; a new actor starts with the row's
        article count)."""
        self._add(rows, in_place=False)

    def count(self, added: dict[int, tuple[int, int]]) -> None:
        """Add newly archived (articles, mentions) to the actors' counts."""
        for actor_id, (articles, mentions) in added.items():
            actor = self.actors.get(actor_id)
            if actor is None:
                before = self._unseen.get(actor_id, (0, 0))
                self._unseen[actor_id] = (before[0] + articles, before[1] + mentions)
            else:
                actor.articles += articles
                actor.mentions += mentions

    def _add(self, rows: Iterable[AliasRow], in_place: bool) -> None:
        fresh: set[str] = set()
        for row in rows:
            actor = self.actors.get(row.actor_id)
            forms = [(row.alias, row.norm)]
            if actor is None:
                articles, mentions = self._unseen.pop(row.actor_id, (0, 0))
                actor = _Actor(row.name, row.type, row.articles + articles, row.mentions + mentions)
                self.actors[row.actor_id] = actor
                forms.append((row.name, normalise_name(row.name)))
            for alias, norm in forms:
                if norm and norm not in actor.forms:
                    if in_place:
                        actor.forms[norm] = alias
                    else:
                        actor.forms = {**actor.forms, norm: alias}
                    fresh.update(self._index(row.actor_id, row.type, norm, in_place))
        fresh -= self._wordset
        if not fresh:
            return
        if in_place:
            words = sorted(self._wordset | fresh)
            self._lists = (words, [fold(w) for w in words])
        else:
            words, folded = list(self._lists[0]), list(self._lists[1])
            for word in sorted(fresh):
                at = bisect.bisect_left(words, word)
                words.insert(at, word)
                folded.insert(at, fold(word))
            self._lists = (words, folded)
        self._wordset = self._wordset | fresh

    def _index(self, actor_id: int, type_: str, norm: str, in_place: bool) -> list[str]:
        """Index one normalised name of an actor; returns its words."""
        parts = norm.split()
        if norm not in self.exact:
            for position, part in enumerate(parts):
                key = (part, position, len(parts))
                if in_place:
                    self._by_position.setdefault(key, []).append(norm)
                else:
                    self._by_position[key] = [*self._by_position.get(key, []), norm]
        _with(self.exact, norm, actor_id, in_place)
        for part in parts:
            _with(self._word_actors, part, actor_id, in_place)
        if type_ == "person" and len(parts) > 1 and len(parts[-1]) > 2:
            _with(self.surnames, parts[-1], actor_id, in_place)
        return parts

    def forms(self, actor_id: int) -> dict[str, str]:
        """norm -> alias as written, for one actor."""
        return self.actors[actor_id].forms

    def _ranked(self, ids: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted(set(ids), key=lambda i: (-self.actors[i].articles, i))[:3])

    def near_words(self, word: str) -> dict[str, int]:
        """Name words within the typos allowed for `word`, with their edits."""
        words, folded = self._lists
        if not word or not words:
            return {}
        found = {word: 0} if word in self._wordset else {}
        limit = allowed_edits(word)
        short = len(word) == 3  # a four-letter name with a letter dropped ("Cua" for "Cuba")
        if limit == 0 and not short:
            return found
        for choices, key in ((words, word), (folded, fold(word))):
            for _, edits, index in process.extract(
                key, choices, scorer=OSA.distance, score_cutoff=max(limit, 1), limit=50
            ):
                known = words[index]
                if short and (len(known) != 4 or OSA.distance(word, known) != 1):
                    continue
                if OSA.distance(word, known) <= limit + 1:  # folding is no licence for more
                    found[known] = min(found.get(known, max(limit, 1)), int(edits))
        return found

    def find(
        self, words: Sequence[Word], count: Callable[[str], int], known: Callable[[str], bool]
    ) -> list[ActorHit]:
        """Actors named in the words, longest names first, each word used once.

        `count(word)` is how many of the chat's articles contain a word, `known(word)` whether
        any does. A name is taken when
        its words are an alias up to case and diacritics, except a one-word alias that is far
        more common as a word than as the actor ("oil" of "Getty Oil"). Typos are tolerated
        in a word no article contains, and in any word of a longer name with one word exact
        ("Sergey Lavrov").
        """
        norms = [w.norm for w in words]
        near: dict[int, dict[str, int]] = {}

        def near_at(i: int) -> dict[str, int]:
            if i not in near:
                if norms[i] in self._wordset:  # a name word as written: taken as meant
                    near[i] = {norms[i]: 0}
                elif words[i].stop or " " in norms[i]:  # filler inside a name must be exact
                    near[i] = {}
                else:
                    near[i] = self.near_words(norms[i])
            return near[i]

        used: set[int] = set()
        hits: list[ActorHit] = []
        for size in range(min(self.MAX_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                if used.intersection(span) or any(not norms[i] for i in span):
                    continue
                inside = [words[i] for i in span]
                if all(w.stop and not is_acronym(w.text) for w in inside):
                    continue  # filler alone is never a name; within one it must be exact
                hit = self._match(words, norms, span, near_at, count, known)
                if hit is not None:
                    hits.append(hit)
                    used.update(span)
        return sorted(hits, key=lambda h: h.start)

    def _match(
        self,
        words: Sequence[Word],
        norms: Sequence[str],
        span: range,
        near_at: Callable[[int], dict[str, int]],
        count: Callable[[str], int],
        known: Callable[[str], bool],
    ) -> ActorHit | None:
        key = " ".join(norms[i] for i in span)
        if len(span) == 1:
            return self._match_word(words[span.start], key, span.start, near_at, count, known)
        if key in self.exact:
            ids = self._ranked(self.exact[key])
            return ActorHit(span.start, span.stop, ids, self.forms(ids[0])[key], 0)
        typed = [norms[i] for i in span]
        anchors = [j for j, word in enumerate(typed) if word in self._wordset]
        if anchors:  # compare with the names having that word there: no search of all names
            j = anchors[0]
            choices: list[tuple[str, int]] = []
            for norm in self._by_position.get((typed[j], j, len(span)), []):
                edits = self._edits(typed, norm.split(), words, span)
                if edits is not None:
                    choices.append((norm, edits))
        else:  # every word misspelt: only words no article contains
            choices = []
            if any(known(words[i].term) for i in span):
                return None
            options = [near_at(i) for i in span]
            if any(not o for o in options):
                return None
            for first in options[0]:
                for norm in self._by_position.get((first, 0, len(span)), []):
                    parts = norm.split()
                    if all(p in o for p, o in zip(parts, options, strict=True)):
                        edits = sum(o[p] for p, o in zip(parts, options, strict=True))
                        choices.append((norm, edits))
        best: tuple[int, int, str] | None = None  # edits, -articles, norm
        for norm, edits in choices:
            ids = self._ranked(self.exact[norm])
            score = (edits, -self.actors[ids[0]].articles, norm)
            if best is None or score < best:
                best = score
        if best is None:
            return None
        ids = self._ranked(self.exact[best[2]])
        return ActorHit(span.start, span.stop, ids, self.forms(ids[0])[best[2]], best[0])

    def _edits(
        self, typed: list[str], name: list[str], words: Sequence[Word], span: range
    ) -> int | None:
        """Typos between typed words and a name's words, or None when one is too far."""
        total = 0
        for word, part, i in zip(typed, name, span, strict=True):
            if word == part:
                continue
            if words[i].stop:
                return None
            edits = distance(word, part)
            short = len(word) == 3 and len(part) == 4 and edits == 1
            if edits > allowed_edits(word) and not short:
                return None
            if OSA.distance(word, part) > max(allowed_edits(word), 1) + 1:
                return None
            total += edits
        return total

    def _surface(self, actor_id: int, word: str) -> str:
        """How the archive writes a name word of an actor ("volcker" -> "Volcker")."""
        forms = self.forms(actor_id)
        if word in forms:
            return forms[word]
        for norm, alias in forms.items():
            parts, written = norm.split(), alias.split()
            if parts[-1] == word and len(parts) == len(written):
                return written[-1]
        return word

    def _match_word(
        self,
        word: Word,
        norm: str,
        at: int,
        near_at: Callable[[int], dict[str, int]],
        count: Callable[[str], int],
        known: Callable[[str], bool],
    ) -> ActorHit | None:
        exact = self.exact.get(norm, set()) | self.surnames.get(norm, set())
        if exact:
            ids = self._ranked(exact)
            if self.actors[ids[0]].articles < COMMON_WORD_SHARE * count(word.term):
                return None  # a common word that was once a name: searched as a word
            return ActorHit(at, at + 1, ids, self._surface(ids[0], norm), 0)
        if len(norm) < 3 or known(word.term):
            return None
        options = near_at(at)
        scored: list[tuple[int, int, str, tuple[int, ...]]] = []
        for near, edits in options.items():
            ids = self._ranked(self.exact.get(near, set()) | self.surnames.get(near, set()))
            if ids:
                scored.append((edits, -self.actors[ids[0]].articles, near, ids))
        if not scored:
            return None
        best = min(scored)
        # Equally near names are all searched: "Hawe" may be Hawke or Howe.
        tied = [ids[0] for edits, _, _, ids in scored if edits == best[0]]
        ids = self._ranked(tied)
        return ActorHit(at, at + 1, ids, self._surface(best[3][0], best[2]), best[0])

    def nearest(self, text: str, limit: int = 3) -> list[int]:
        """Actors with a name word looking like a word of `text` ("did you mean" buttons)."""
        scored: dict[int, float] = {}
        words, folded = self._lists
        for word in normalise_name(text).split():
            if len(word) < 3 or word in STOPWORDS:
                continue
            for _, score, index in process.extract(
                fold(word), folded, scorer=fuzz.ratio, score_cutoff=65, limit=10
            ):
                for actor_id in self._word_actors[words[index]]:
                    scored[actor_id] = max(scored.get(actor_id, 0.0), float(score))
        ranked = sorted(scored, key=lambda i: (-scored[i], -self.actors[i].articles, i))
        return ranked[:limit]
