"""Matching one newly analysed article against its chat's watches, where its analysis is stored
(`briefing.analysis.archive.store_analysis`), so every way an article arrives alerts alike.

The article's index keys (its actors' ids, their names folded, its words when the chat watches
words) are looked up in the watches' index (`storage.watches`): only the watches that can match
are read and checked, however many the chat has. A watch of a name not yet in the archive is
joined to the actor that appears under that name, and watches it from then on.
"""

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from briefing.names import fold
from briefing.watches.query import WordsQuery, name_key
from briefing.watches.text import ArticleWords, Phrase, Tokens, phrase_of
from storage import FoundActor
from storage.watches import ArticleText, NewAlert, WatchRow, WatchStore


@dataclass(frozen=True)
class _Article:
    """What an article offers the watches: its actors by id and by name key, its words."""

    actors: dict[int, FoundActor]
    names: dict[str, int]  # name key -> actor id
    tokens: Tokens | None


def _names(actors: Sequence[FoundActor], ids: Mapping[str, int]) -> dict[str, int]:
    """Name key -> actor id for every alias of the article's actors (and a person's surname)."""
    names: dict[str, int] = {}
    for actor in actors:
        actor_id = ids.get(actor.name)
        if actor_id is None:
            continue
        for form in (actor.name, *(a.alias for a in actor.aliases)):
            key = name_key(form)
            if key:
                names.setdefault(key, actor_id)
                if actor.type == "person" and " " in key:
                    names.setdefault(fold(key.split()[-1]), actor_id)
    return names


def _phrases(actor: FoundActor) -> list[Phrase]:
    """How the article writes an actor, to find the sentence that names it."""
    return [phrase_of(form) for form in (actor.name, *(a.alias for a in actor.aliases))]


@functools.lru_cache(maxsize=4096)
def _query(spec: str) -> WordsQuery:
    """A stored words watch, read once: each article checks many of them."""
    return WordsQuery.from_json(spec)


def _match(watch: WatchRow, article: _Article) -> tuple[list[Phrase], int | None] | None:
    """The phrases to mark for a watch that matches (and the actor a watched name joins), or
    None when the watch does not match."""
    if watch.kind == "words":
        if watch.spec is None or article.tokens is None:
            return None
        query = _query(watch.spec)
        return (query.found(article.tokens), None) if query.matches(article.tokens) else None
    actor_id = watch.actor_id
    joined = None
    if actor_id is None and watch.name_key is not None:
        actor_id = joined = article.names.get(watch.name_key)
    actor = article.actors.get(actor_id) if actor_id is not None else None
    return (_phrases(actor), joined) if actor is not None else None


def match_article(
    store: WatchStore,
    chat_id: int,
    article_id: int,
    actors: Sequence[FoundActor],
    ids: Mapping[str, int],
) -> int:
    """Record the alerts of the chat's watches that a just analysed article matches (call it
    in the transaction storing the analysis: `WatchStore.together`); returns how many are new.

    `actors` are the article's resolved actors and `ids` their archive ids by name.
    """
    names = _names(actors, ids)
    by_id = {ids[a.name]: a for a in actors if a.name in ids}
    keys = [f"a:{i}" for i in by_id] + [f"n:{k}" for k in names]
    words: ArticleWords | None = None
    if store.has_words_watches(chat_id):
        text = store.article_text(chat_id, article_id)
        if text is not None:
            words = ArticleWords(text.title, text.body)
            keys += [f"w:{k}" for k in words.content_keys]
    watches = store.candidates(chat_id, keys)
    if not watches:
        return 0
    article = _Article(by_id, names, words.tokens if words else None)
    alerts: list[NewAlert] = []
    joined: list[tuple[int, int]] = []
    for watch in watches:
        found = _match(watch, article)
        if found is None:
            continue
        phrases, join = found
        if join is not None:
            joined.append((watch.id, join))
        if words is None:  # an actor watch matched: the text is read for its sentence
            shown = store.article_text(chat_id, article_id) or ArticleText("", "")
            words = ArticleWords(shown.title, shown.body)
        alerts.append(NewAlert(watch.id, words.marked(phrases), watch.daily))
    return store.record(chat_id, article_id, alerts, joined)
