"""Actors across a chat's archive: resolving an article's actors to known ones, and storing
its analysis (actors, quotes, events) under those actors, with the alerts of the chat's watches
it matches (`briefing.watches.matching`), in one transaction.

Resolution follows `briefing.analysis.known_actors.match_known_actor`; aliases a user split off with
`/alias -NAME` only ever match exactly. An article the analysis fails on is logged in one line
and recorded with the reason (`ActorStore.mark_unanalysable`), so that it is not tried again,
and logged again, at every start.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from briefing.analysis.actors import Actor
from briefing.analysis.known_actors import KnownActor, match_known_actor
from briefing.analysis.nlp import ModelNotInstalledError
from briefing.analysis.pipeline import Analysis, analyse, analyse_many
from briefing.ingest.article import shorten
from briefing.names import alias_norm
from briefing.watches.matching import match_article
from storage import ActorRecord, AliasForm, Archive, FoundActor, FoundEvent, FoundQuote
from storage.actors import ActorStore
from storage.rows import FoundRole
from storage.watches import WatchStore

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
                roles=tuple(FoundRole(r.title, alias_norm(r.title), r.of) for r in actor.roles),
            )
        )
    return found


def store_analysis(
    store: ActorStore, chat_id: int, article_id: int, analysis: Analysis
) -> list[str]:
    """Save an article's analysis under resolved actors, with the alerts of the chat's watches
    it matches (one transaction: an article alerts once, whenever it is analysed); returns its
    main actors' names."""
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
        roles = tuple(
            replace(r, held_in=renamed.get(r.held_in or "", r.held_in)) for r in actor.roles
        )
        if actor.name in merged:
            first = merged[actor.name]
            merged[actor.name] = FoundActor(
                first.actor_id,
                first.name,
                first.type,
                first.aliases + actor.aliases,
                first.mentions + actor.mentions,
                tuple(dict.fromkeys(first.roles + roles)),
            )
        else:
            merged[actor.name] = replace(actor, roles=roles)
    actors = list(merged.values())
    watches = WatchStore(store.database)
    with watches.together():  # the alerts are recorded with the analysis, or neither is
        ids = store.save_analysis(chat_id, article_id, actors, quotes, events)
        match_article(watches, chat_id, article_id, actors, ids)
    return [a.name for a in actors[:CARD_ACTORS]]


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


def analyse_batch_or_record(
    archive: Archive, store: ActorStore, chat_id: int, article_ids: Sequence[int]
) -> dict[int, ArticleAnalysis]:
    """`analyse_or_record` for several stored articles of a chat, parsed in one `nlp.pipe`
    batch (what makes a bulk import fast); article id -> what became of it.

    If the batch's parse fails, each article is analysed on its own, so one text that breaks
    the analysis is recorded alone. Errors of storing one result are that article's error and
    leave it unanalysed, to be tried again.
    """
    found = [archive.get(chat_id, article_id) for article_id in article_ids]
    ready = [a for a in found if a is not None and a.status == "ready"]
    try:
        analyses = list(analyse_many((a.title, a.body, a.published_at) for a in ready))
    except ModelNotInstalledError:
        raise
    except Exception:  # one of them breaks the parse: find which, one at a time
        return {a.id: _analysed_or_error(archive, store, chat_id, a.id) for a in ready}
    outcome: dict[int, ArticleAnalysis] = {}
    with store.database.batch():  # one commit for the batch; each article's own savepoint
        for article, analysis in zip(ready, analyses, strict=True):
            try:
                outcome[article.id] = ArticleAnalysis(
                    store_analysis(store, chat_id, article.id, analysis)
                )
            except Exception as error:  # left unanalysed: tried again later
                outcome[article.id] = ArticleAnalysis(error=error_reason(error))
    return outcome


def _analysed_or_error(
    archive: Archive, store: ActorStore, chat_id: int, article_id: int
) -> ArticleAnalysis:
    """`analyse_or_record`, with an error storing the result as the article's error."""
    try:
        return analyse_or_record(archive, store, chat_id, article_id)
    except ModelNotInstalledError:
        raise
    except Exception as error:  # left unanalysed: tried again later
        return ArticleAnalysis(error=error_reason(error))


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
