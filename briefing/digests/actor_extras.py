"""The digest's actors and quotes (`DigestExtras`) read from the actor store.

Apart from the analysis that writes those tables, so that building a digest, on the command
line too, does not import the language model (spaCy).
"""

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from briefing.digests.salience import DigestQuote, MentionRow
from storage.actors import ActorStore
from storage.digests import DigestStore


class ActorDigestExtras:
    """The digest's view of actors and quotes, read from the actor store."""

    def __init__(self, store: ActorStore) -> None:
        self.store = store
        self.windows = DigestStore(store.database)

    def actor_mentions(self, chat_id: int, since: datetime, until: datetime) -> Mapping[str, int]:
        """Articles added in the window mentioning each actor."""
        rows = self.store.top_actors(chat_id, _iso(since), _iso(until), limit=50)
        return {name: count for _, name, _, count in rows}

    def article_actors(
        self, chat_id: int, article_ids: Sequence[int]
    ) -> Mapping[int, Sequence[str]]:
        """Each article's actors, most prominent first."""
        return self.store.article_actor_names(chat_id, article_ids)

    def window_mentions(
        self, chat_id: int, since: datetime, until: datetime
    ) -> Sequence[MentionRow]:
        """Every actor of the window's articles, with its type, mentions and rank in each."""
        return self.windows.window_mentions(chat_id, since, until)

    def quotes(self, chat_id: int, since: datetime, until: datetime) -> Sequence[DigestQuote]:
        """Quotes with a known speaker from the window's articles, direct quotes first."""
        found = [
            q for q in self.store.window_quotes(chat_id, _iso(since), _iso(until)) if q.speaker
        ]
        found.sort(key=lambda q: not q.direct)
        return [DigestQuote(q.speaker or "", q.text, q.article_id) for q in found]


def _iso(moment: datetime) -> str:
    """The archive's form of a time: UTC, whole seconds, like `added_at`."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")
