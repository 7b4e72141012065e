"""The watchlist use cases: watching an actor or words, listing and removing watches (the chat
and the command line alike).

A name is looked up as `/actor` looks it up (`briefing.questions.profiles.find_actors`: aliases
and typos); several equally good actors are offered as choices. A name no actor of the archive
has yet is watched by its folded name (`name_key`) and joined when an actor of that name or
alias appears; a text that is not written as a name (no capitals) is watched as words.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from briefing.questions.profiles import clear_choice, find_actors
from briefing.watches.query import (
    MAX_QUERY,
    WatchQueryError,
    is_words,
    looks_like_name,
    name_key,
    parse_words,
)
from storage import Archive
from storage.actors import ActorStore
from storage.watches import NewWatch, WatchRow, WatchStore

WEEK = timedelta(days=7)
DAILY = "daily"
MAX_WATCHES = 1000  # of one chat


@dataclass(frozen=True)
class Watch:
    """A watch as users see it."""

    id: int
    kind: str  # "actor" or "words"
    target: str
    daily: bool
    pending: bool  # a name not yet in the archive
    matched_this_week: int = 0


@dataclass(frozen=True)
class WatchAdded:
    """The watch set (or already there, `new` false: only its `daily` was set again)."""

    watch: Watch
    new: bool


@dataclass(frozen=True)
class ActorChoice:
    """An actor a name may mean."""

    id: int
    name: str
    type: str


@dataclass(frozen=True)
class WatchChoices:
    """Several actors match the name: the user picks one."""

    name: str
    choices: tuple[ActorChoice, ...]


def watch_store(archive: Archive) -> WatchStore:
    """The watches and alerts of the archive's database (for callers that hold the archive)."""
    return WatchStore(archive.database)


def _shown(row: WatchRow, matched: int = 0) -> Watch:
    pending = row.kind == "actor" and row.actor_id is None
    return Watch(row.id, row.kind, row.target, row.daily, pending, matched)


def split_daily(text: str) -> tuple[str, bool]:
    """The watch's text and whether it ends with the word `daily`."""
    words = text.split()
    if words and words[-1].casefold() == DAILY:
        return " ".join(words[:-1]), True
    return text.strip(), False


def _store(watches: WatchStore, chat_id: int, watch: NewWatch) -> WatchAdded:
    if watches.count(chat_id) >= MAX_WATCHES:
        raise WatchQueryError(f"A chat has at most {MAX_WATCHES} watches; /unwatch some first.")
    row, new = watches.add(chat_id, watch)
    return WatchAdded(_shown(row), new)


def watch_actor(
    actors: ActorStore, watches: WatchStore, chat_id: int, actor_id: int, daily: bool = False
) -> WatchAdded | None:
    """Watch one actor of the chat (chosen with a button); None when it is not the chat's."""
    record = actors.get(chat_id, actor_id)
    if record is None:
        return None
    watch = NewWatch("actor", record.name, record.name, f"actor:{record.id}",
                     (f"a:{record.id}",), actor_id=record.id, daily=daily)  # fmt: skip
    return _store(watches, chat_id, watch)


def watch_words(watches: WatchStore, chat_id: int, text: str, daily: bool = False) -> WatchAdded:
    """Watch words; `WatchQueryError` when there is nothing to look for."""
    query = parse_words(text)
    watch = NewWatch("words", text, query.text(), query.signature(), query.index_keys(),
                     spec=query.to_json(), daily=daily)  # fmt: skip
    return _store(watches, chat_id, watch)


def watch_name(watches: WatchStore, chat_id: int, name: str, daily: bool = False) -> WatchAdded:
    """Watch a name no actor of the archive has yet, until one appears."""
    key = name_key(name)
    if not key:
        raise WatchQueryError("Give a name or some words to watch.")
    shown = " ".join(name.split())
    watch = NewWatch("actor", name, shown, f"name:{key}", (f"n:{key}",), name_key=key,
                     daily=daily)  # fmt: skip
    return _store(watches, chat_id, watch)


def add_watch(
    actors: ActorStore, watches: WatchStore, chat_id: int, text: str, daily: bool = False
) -> WatchAdded | WatchChoices:
    """Watch what `text` names: words when written as a search, else the actor it names
    (choices when several match), else a name to come or words.

    Raises `WatchQueryError` for a text that watches nothing.
    """
    text = " ".join(text.split())
    if not text:
        raise WatchQueryError("Give a name or some words to watch.")
    if len(text) > MAX_QUERY:
        raise WatchQueryError(f"A watch is at most {MAX_QUERY} characters.")
    if is_words(text):
        return watch_words(watches, chat_id, text, daily)
    matches = find_actors(actors, chat_id, text)
    chosen = clear_choice(matches)
    if chosen is not None:
        found = watch_actor(actors, watches, chat_id, chosen.actor.id, daily)
        assert found is not None
        return found
    if matches:
        choices = tuple(ActorChoice(m.actor.id, m.actor.name, m.actor.type) for m in matches)
        return WatchChoices(text, choices)
    if looks_like_name(text):
        return watch_name(watches, chat_id, text, daily)
    return watch_words(watches, chat_id, text, daily)


def list_watches(watches: WatchStore, chat_id: int, now: datetime) -> list[Watch]:
    """The chat's watches with how many articles each matched in the last seven days."""
    counts = watches.matched_since(chat_id, utc_iso(now - WEEK))
    return [_shown(row, counts.get(row.id, 0)) for row in watches.all(chat_id)]


def remove_watch(watches: WatchStore, chat_id: int, watch_id: int) -> Watch | None:
    """Stop a watch of the chat; None when the chat has no such watch."""
    removed = watches.remove(chat_id, watch_id)
    return _shown(removed) if removed is not None else None


def utc_iso(moment: datetime) -> str:
    """The stored form of a time (UTC ISO, whole seconds)."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
