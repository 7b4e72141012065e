"""Actors across a chat's archive: resolving an article's actors to known ones, and storing
its analysis (actors, quotes, events) under those actors.

Resolution follows `briefing.analysis.known_actors.match_known_actor`; aliases a user split off with
`/alias -NAME` only ever match exactly. An article the analysis fails on is logged in one line
and recorded with the reason (`ActorStore.mark_unanalysable`), so that it is not tried again,
and logged again, at every start.
"""

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from briefing.analysis.actors import Actor
from briefing.analysis.known_actors import KnownActor, match_known_actor
from briefing.analysis.nlp import ModelNotInstalledError
from briefing.analysis.pipeline import Analysis, analyse
from briefing.digests.build import DigestQuote
from briefing.ingest.article import shorten
from briefing.names import alias_norm
from storage import ActorRecord, AliasForm, Archive, FoundActor, FoundEvent, FoundQuote
from storage.actors import ActorStore

log = logging.getLogger(__name__)

CARD_ACTORS = 5


def alias_form(alias: str) -> AliasForm:
    """The stored form of one alias with its lookup keys."""
    norm = alias_norm(alias)
    return AliasForm(alias, norm, norm.split()[-1] if norm.split() else norm)


def _known(record: ActorRecord) -> KnownActor:
    return KnownActor(record.name, record.type, record.aliases, record.id)


def resolve(store: ActorStore, chat_id: int, actors: Sequence[Actor]) -> list[FoundActor]:
    """Each actor of an article, matched to the chat's known actor or marked new."""
    splits = store.split_norms(chat_id)
    found: list[FoundActor] = []
    for actor in actors:
        forms = [alias_form(a) for a in dict.fromkeys([actor.name, *actor.aliases])]
        norms = [f.norm for f in forms]
        exact_only = bool(splits & set(norms))
        last_words = [] if exact_only else [f.last_word for f in forms]
        records = store.candidates(chat_id, norms, last_words)
        if exact_only:
            records = [r for r in records if {alias_form(a).norm for a in r.aliases} & set(norms)]
        known = [_known(r) for r in records]
        match = match_known_actor(actor.name, actor.type, known) if known else None
        found.append(
            FoundActor(
                actor_id=match.id if match else None,
                name=match.name if match else actor.name,
                type=match.type if match else actor.type,
                aliases=tuple(forms),
                mentions=actor.mentions,
            )
        )
    return found


def store_analysis(
    store: ActorStore, chat_id: int, article_id: int, analysis: Analysis
) -> list[str]:
    """Save an article's analysis under resolved actors; returns its main actors' names."""
    found = resolve(store, chat_id, analysis.actors)
    renamed = {a.name: f.name for a, f in zip(analysis.actors, found, strict=True)}
    quotes = [
        FoundQuote(renamed.get(q.speaker or "", q.speaker), q.text, q.sentence, q.direct)
        for q in analysis.quotes
    ]
    events = [
        FoundEvent(
            renamed.get(e.subject, e.subject),
            e.action,
            tuple(renamed.get(o, o) for o in e.objects),
            e.date,
            e.sentence,
        )
        for e in analysis.events
    ]
    merged: dict[str, FoundActor] = {}
    for actor in found:  # two surface actors may resolve to the same archive actor
        if actor.name in merged:
            first = merged[actor.name]
            merged[actor.name] = FoundActor(
                first.actor_id,
                first.name,
                first.type,
                first.aliases + actor.aliases,
                first.mentions + actor.mentions,
            )
        else:
            merged[actor.name] = actor
    store.save_analysis(chat_id, article_id, list(merged.values()), quotes, events)
    return [a.name for a in list(merged.values())[:CARD_ACTORS]]


@dataclass(frozen=True)
class ArticleAnalysis:
    """What analysing one stored article came to: its main actors, or why it failed."""

    actors: list[str] = field(default_factory=list)
    error: str | None = None


def error_reason(error: BaseException, limit: int = 160) -> str:
    """A short line for an error: its kind and the first line of its message."""
    lines = str(error).strip().splitlines()
    message = lines[0] if lines else ""
    return shorten(f"{type(error).__name__}: {message}" if message else type(error).__name__, limit)


def analyse_or_record(
    archive: Archive, store: ActorStore, chat_id: int, article_id: int
) -> ArticleAnalysis:
    """Analyse one stored article and save the result; if the analysis fails, log one line
    and record the reason instead, so the article is not tried again at every start.

    A missing model is not the article's fault: `ModelNotInstalledError` is raised. Errors of
    storing the result are raised too (the article stays unanalysed and is tried again).
    """
    article = archive.get(chat_id, article_id)
    if article is None or article.status != "ready":
        return ArticleAnalysis()
    try:
        analysis = analyse(article.title, article.body, article.published_at)
    except ModelNotInstalledError:
        raise
    except Exception as error:  # whatever this text does to the analysis, it is this one's
        reason = error_reason(error)
        log.warning("could not analyse article #%s of chat %s: %s", article_id, chat_id, reason)
        log.debug("analysis of article #%s failed", article_id, exc_info=True)
        store.mark_unanalysable(chat_id, article_id, reason)
        return ArticleAnalysis(error=reason)
    return ArticleAnalysis(store_analysis(store, chat_id, article_id, analysis))


def analyse_article(
    archive: Archive, store: ActorStore, chat_id: int, article_id: int
) -> list[str]:
    """Analyse one stored article and save the result; returns its main actors' names
    (none when the analysis failed: that is logged and recorded by `analyse_or_record`)."""
    return analyse_or_record(archive, store, chat_id, article_id).actors


def analyse_unanalysed(archive: Archive, store: ActorStore, chat_id: int | None = None) -> int:
    """Analyse ready articles a stop left without analysis (of one chat, or of all); returns
    how many were analysed. Each is tried once: one that fails is recorded, not retried."""
    done = 0
    tried: set[int] = set()
    while batch := [row for row in store.unanalysed(chat_id=chat_id) if row[1] not in tried]:
        for article_chat, article_id in batch:
            tried.add(article_id)
            try:
                if analyse_or_record(archive, store, article_chat, article_id).error is None:
                    done += 1
            except ModelNotInstalledError as error:  # every other article would fail alike
                log.error("articles left unanalysed stay so: %s", error)
                return done
            except Exception:  # storing failed: one article must not stop the rest
                log.exception("could not store the analysis of article #%s", article_id)
    return done


class ActorDigestExtras:
    """The digest's view of actors and quotes, read from the actor store."""

    def __init__(self, store: ActorStore) -> None:
        self.store = store

    def actor_mentions(self, chat_id: int, since: datetime, until: datetime) -> Mapping[str, int]:
        """Articles added in the window mentioning each actor."""
        rows = self.store.top_actors(chat_id, _iso(since), _iso(until), limit=50)
        return {name: count for _, name, _, count in rows}

    def article_actors(
        self, chat_id: int, article_ids: Sequence[int]
    ) -> Mapping[int, Sequence[str]]:
        """Each article's actors, most prominent first."""
        return self.store.article_actor_names(chat_id, article_ids)

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
