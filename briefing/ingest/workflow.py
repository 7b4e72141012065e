"""Archiving what users send: store it first, then read it into an article.

Every message is saved raw (status "pending") before anything else happens, so a crash or a
restart loses nothing: `pending()` rows are finished at the next start. Links are fetched with
a bounded number at a time; a page that cannot be read is still kept as a link with its reason.
Pages and files are read in worker processes with a time limit, so a page that is slow to parse
ends as a failed link ("took too long to read") instead of holding the bot or staying pending.
"""

import asyncio
import importlib
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, Literal, TypeVar

from briefing.ingest.article import ParsedArticle, content_hash, parse_pasted, shorten
from briefing.ingest.dedup import STORY_WINDOW_DAYS, Signature, find_story, signature
from briefing.ingest.extract import ExtractedArticle, extract_page
from briefing.ingest.fetch import FetchError, FetchPolicy, fetch_page
from briefing.ingest.importer import parse_document
from briefing.ingest.isolation import (
    DEFAULT_MEMORY_LIMIT,
    DEFAULT_WORKERS,
    IsolatedRunner,
    IsolationError,
    MemoryLimitError,
    PerKeyLimit,
    RunnerClosedError,
    TimeLimitError,
)
from briefing.ingest.urls import canonical_url
from storage import Archive, Incoming, NewArticle, PendingItem, StoredArticle
from storage.actors import ActorStore

log = logging.getLogger(__name__)
T = TypeVar("T")

Status = Literal["new", "same_story", "duplicate", "attached", "failed"]

PAGE_TOO_SLOW = "the page took too long to read"
PAGE_TOO_COMPLEX = "the page is too complex to read"
FILE_TOO_SLOW = "the file took too long to read"
FILE_TOO_COMPLEX = "the file is too complex to read"
# Characters of its own text a relayed item needs for that text to be kept when its page
# cannot be read: a forward, more than a comment on the link; a feed item, any (title, summary).
OWN_TEXT_KEPT = {"forward": 201, "feed": 1}


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on reading untrusted pages and files, so no page or chat can stall the rest."""

    seconds: float = 20.0  # one page's or file's extraction, in a worker process
    memory: int = DEFAULT_MEMORY_LIMIT  # bytes of address space of each worker process
    workers: int = DEFAULT_WORKERS  # worker processes reading pages and files
    per_chat: int = 2  # links (fetch and extraction) or files of one chat read at once


@dataclass(frozen=True)
class IngestOutcome:
    """What became of one item: the article to show, and how it relates to the archive."""

    article: StoredArticle
    status: Status
    reason: str | None = None  # why a link could not be read
    actors: tuple[str, ...] = ()  # the article's main actors, once analysed

    @property
    def duplicate(self) -> bool:
        """True when the item was already archived (nothing new was stored)."""
        return self.status == "duplicate"

    @property
    def needs_analysis(self) -> bool:
        """True when an article was stored or completed, so its actors are still to find."""
        return self.status in {"new", "same_story", "attached"}


class NotAnArticleError(ValueError):
    """What was sent has no article in it (an empty page or file); nothing was kept."""


def to_new_article(parsed: ParsedArticle, author: str | None = None) -> NewArticle:
    """The storable form of a parsed article, with its canonical URL and content hash."""
    sig = signature(parsed.title, parsed.body)
    return NewArticle(
        title=parsed.title,
        body=parsed.body,
        source=parsed.source,
        url=parsed.url,
        canonical_url=canonical_url(parsed.url) if parsed.url else None,
        published_at=parsed.published_at,
        content_hash=content_hash(parsed.title, parsed.body),
        author=author,
        signature=sig.dumps(),
        story_keys=sig.keys(),
    )


def _get(archive: Archive, chat_id: int, article_id: int) -> StoredArticle:
    article = archive.get(chat_id, article_id)
    if article is None:  # deleted by the user while it was being read
        raise LookupError(f"article {article_id} was deleted while it was being archived")
    return article


def _with_story(archive: Archive, chat_id: int, new: NewArticle, exclude: int | None) -> NewArticle:
    candidates = archive.story_candidates(
        chat_id, new.story_keys, new.published_at, STORY_WINDOW_DAYS, exclude
    )
    story = find_story(new.title, Signature.loads(new.signature or ""), candidates)
    return replace(new, story_id=story) if story is not None else new


def store_parsed(
    archive: Archive, chat_id: int, article_id: int, parsed: ParsedArticle, author: str | None
) -> IngestOutcome:
    """Finish a pending row with a parsed article, unless the chat already has it.

    Exactly the same text is a duplicate; text for a URL whose page could not be read is
    attached to that earlier record; the same story told again is stored, linked to the first.
    """
    new = to_new_article(parsed, author)
    if new.content_hash and (same := archive.find_by_hash(chat_id, new.content_hash, article_id)):
        archive.delete(chat_id, article_id)
        return IngestOutcome(same, "duplicate")
    if known := archived_link(archive, chat_id, new.url, article_id):
        archive.delete(chat_id, article_id)
        if known.status == "ready" and known.body:
            return IngestOutcome(known, "duplicate")
        archive.complete(chat_id, known.id, _with_story(archive, chat_id, new, known.id))
        return IngestOutcome(_get(archive, chat_id, known.id), "attached")
    new = _with_story(archive, chat_id, new, article_id)
    archive.complete(chat_id, article_id, new)
    status: Status = "same_story" if new.story_id else "new"
    return IngestOutcome(_get(archive, chat_id, article_id), status)


def archived_link(
    archive: Archive, chat_id: int, url: str | None, exclude: int | None = None
) -> StoredArticle | None:
    """The chat's article for this link already (other than `exclude`), if any: the one
    "already archived?" check of a link, so it is neither fetched nor stored twice."""
    if not url:
        return None
    return archive.find_by_url(chat_id, canonical_url(url), exclude)


def _forwarded(parsed: ParsedArticle, incoming: Incoming) -> ParsedArticle:
    """A forwarded post keeps its channel as source, its post link and its original date."""
    return replace(
        parsed,
        source=parsed.source or (incoming.origin or ""),
        url=parsed.url or incoming.post_url,
        published_at=parsed.published_at or (incoming.posted_at or "")[:10] or None,
    )


def parse_incoming(incoming: Incoming) -> ParsedArticle:
    """Read text, a document or a forwarded post without a link (no network)."""
    if incoming.kind == "document" and incoming.filename:
        parsed = parse_document(incoming.filename, incoming.raw.encode("utf-8"))
    else:
        parsed = parse_pasted(incoming.raw)
    if incoming.kind in ("forward", "feed", "channel"):  # relayed: keeps origin, link, date
        parsed = _forwarded(parsed, incoming)
    return parsed


class Ingestor:
    """Finishes pending items: parses text, fetches and extracts links, stores the result,
    then finds the article's actors, quotes and events.

    Fetches run a bounded number at a time, and at most `limits.per_chat` of one chat, so one
    chat's links cannot hold every slot. Pages and files are untrusted: they are read in worker
    processes with a time and memory limit (`briefing.ingest.isolation`), and one chat uses at most
    all but one of those workers while others may need one. The language analysis runs on one
    worker thread of its own (the model is not shared between threads), never on the event loop.

    The analysis (spaCy, a second) is imported where it is first used, not with this module:
    what only reads the archive, a question on the command line, needs none of it.
    """

    def __init__(
        self,
        archive: Archive,
        actors: ActorStore,
        policy: FetchPolicy,
        max_fetches: int = 4,
        limits: ReadLimits | None = None,
    ) -> None:
        self.archive = archive
        self.actors = actors
        self.policy = policy
        self.limits = limits or ReadLimits()
        self._fetches = asyncio.Semaphore(max_fetches)
        self._chat_reads = PerKeyLimit(self.limits.per_chat)
        self._chat_workers = PerKeyLimit(self.limits.workers - 1)
        self._reader = IsolatedRunner(self.limits.workers, self.limits.memory)
        self._analysis = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")

    def stop_reading(self) -> None:
        """Stop reading pages and files (the bot is stopping): busy workers are killed, and
        the items they were reading stay pending for the next start (`RunnerClosedError`)."""
        self._reader.close()

    def close(self) -> None:
        """End the reading workers, and the analysis thread once its work is done."""
        self._reader.close()
        self._analysis.shutdown(wait=True)

    async def warm_up(self) -> None:
        """Import the analysis, load the language model on the analysis thread and start the
        reading workers.

        All happen on first use otherwise, in the middle of the traffic: importing spaCy (under
        a second) and loading the model (1-2 s) hold the interpreter (every handler waits),
        and the first worker's start holds the event loop while the fork server imports the
        reading modules. A failure is only logged: the first article or link meets it again
        and reports it as usual.
        """
        from briefing.analysis.nlp import ModelNotInstalledError, load_pipeline

        importlib.import_module("briefing.analysis.archive")  # what `analyse` imports
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._analysis, load_pipeline)
        except ModelNotInstalledError as error:
            log.warning("articles cannot be analysed: %s", error)
        try:
            await self._reader.start()
        except IsolationError as error:
            log.warning("reading workers did not start yet: %s", error)

    async def process(self, item: PendingItem) -> IngestOutcome:
        """Turn one pending row into an analysed article (or a kept link, or a duplicate).

        Raises `RunnerClosedError` when the bot stopped while the item was being read: the row
        stays pending and is read again at the next start.
        """
        outcome = await self.read(item)
        if outcome.needs_analysis:
            actors = await self.analyse(outcome.article.chat_id, outcome.article.id)
            outcome = replace(outcome, actors=tuple(actors))
        return outcome

    async def analyse(self, chat_id: int, article_id: int) -> list[str]:
        """Analyse a stored article on the analysis thread; an error leaves it for later."""
        from briefing.analysis.archive import analyse_article

        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self._analysis, analyse_article, self.archive, self.actors, chat_id, article_id
            )
        except Exception:
            log.exception(
                "analysis of article %s failed; it is retried at the next start", article_id
            )
            return []

    async def resume_analysis(self) -> int:
        """Analyse articles a stop left unanalysed."""
        from briefing.analysis.archive import analyse_unanalysed

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._analysis, analyse_unanalysed, self.archive, self.actors
        )

    async def read(self, item: PendingItem) -> IngestOutcome:
        """Read one pending row into an article (or a kept link, or a duplicate), unanalysed.

        Raises `NotAnArticleError` (the row is deleted) when there is no article in it.
        """
        incoming = item.incoming
        if incoming.url:
            return await self._process_link(item)
        try:
            if incoming.kind == "document" and incoming.filename:
                parsed = await self._read_document(incoming)
            else:  # pasted text is short (a message) and cheap to parse
                parsed = await asyncio.to_thread(parse_incoming, incoming)
        except ValueError as error:
            await asyncio.to_thread(self.archive.delete, incoming.chat_id, item.article_id)
            raise NotAnArticleError(str(error)) from error
        except TimeLimitError:
            return await asyncio.to_thread(self._keep_file, item, FILE_TOO_SLOW)
        except MemoryLimitError:
            return await asyncio.to_thread(self._keep_file, item, FILE_TOO_COMPLEX)
        return await asyncio.to_thread(
            store_parsed, self.archive, incoming.chat_id, item.article_id, parsed, None
        )

    async def _read_document(self, incoming: Incoming) -> ParsedArticle:
        """A sent file's article, parsed in a worker process (ValueError: none in it)."""
        async with self._chat_reads.hold(incoming.chat_id):
            data = incoming.raw.encode("utf-8")
            return await self.isolated(incoming.chat_id, parse_document, incoming.filename, data)

    async def isolated(self, chat_id: int, func: Callable[..., T], *args: Any) -> T:
        """`func(*args)` on a reading worker, within the time limit and the chat's share."""
        async with self._chat_workers.hold(chat_id):
            return await self._reader.run(func, *args, time_limit=self.limits.seconds)

    async def _process_link(self, item: PendingItem) -> IngestOutcome:
        incoming = item.incoming
        chat_id, article_id = incoming.chat_id, item.article_id
        url = incoming.url or ""
        key = canonical_url(url)
        known = await asyncio.to_thread(archived_link, self.archive, chat_id, url, article_id)
        if known is not None:
            await asyncio.to_thread(self.archive.delete, chat_id, article_id)
            return IngestOutcome(known, "duplicate")
        try:
            extracted = await self._read_page(chat_id, url)
        except FetchError as error:
            return await asyncio.to_thread(self._keep_link, item, key, error.reason)
        parsed = replace(extracted.parsed, url=url)
        if incoming.kind in ("forward", "feed"):
            parsed = _forwarded(parsed, incoming)
        return await asyncio.to_thread(
            store_parsed, self.archive, chat_id, article_id, parsed, extracted.author
        )

    async def _read_page(self, chat_id: int, url: str) -> ExtractedArticle:
        """Fetch and extract a linked page; FetchError says why it could not be read."""
        async with self._chat_reads.hold(chat_id), self._fetches:
            if self._reader.closed:  # stopping: leave the link pending, unfetched
                raise RunnerClosedError("the bot is stopping")
            page = await fetch_page(url, self.policy)
            try:
                extracted = await self.isolated(
                    chat_id, extract_page, page.text, page.final_url, page.content_type
                )
            except TimeLimitError as error:
                raise FetchError("too_slow", PAGE_TOO_SLOW) from error
            except MemoryLimitError as error:
                raise FetchError("too_complex", PAGE_TOO_COMPLEX) from error
        if extracted is None:
            raise FetchError("no_article", "no article text was found on the page")
        return extracted

    def _keep_link(self, item: PendingItem, key: str, reason: str) -> IngestOutcome:
        """A link whose page could not be read: a forwarded post or a feed item keeps its own
        text instead."""
        incoming = item.incoming
        needed = OWN_TEXT_KEPT.get(incoming.kind or "")
        if needed is not None and len(incoming.raw) >= needed:
            parsed = replace(parse_incoming(incoming), url=incoming.url)
            outcome = store_parsed(self.archive, incoming.chat_id, item.article_id, parsed, None)
            return replace(outcome, reason=reason)
        title = shorten(incoming.url or "link", 120)
        self.archive.fail(incoming.chat_id, item.article_id, reason, title=title, canonical_url=key)
        return IngestOutcome(
            _get(self.archive, incoming.chat_id, item.article_id), "failed", reason
        )

    def _keep_file(self, item: PendingItem, reason: str) -> IngestOutcome:
        """A file that could not be read in time or memory: kept, failed, with the reason."""
        incoming = item.incoming
        title = shorten(incoming.filename or "file", 120)
        self.archive.fail(incoming.chat_id, item.article_id, reason, title=title)
        return IngestOutcome(
            _get(self.archive, incoming.chat_id, item.article_id), "failed", reason
        )


def import_article(
    archive: Archive, chat_id: int, parsed: ParsedArticle, *, imported: bool = False
) -> IngestOutcome:
    """Store an article read from a file, unless the chat already has it (bulk import).

    `imported` marks it as part of a bulk import: a digest then lists it only when it was
    published within its window, and counts the older ones in one line.
    """
    new = replace(to_new_article(parsed), imported=imported)
    if new.content_hash and (same := archive.find_by_hash(chat_id, new.content_hash)):
        return IngestOutcome(same, "duplicate")
    if known := archived_link(archive, chat_id, new.url):
        return IngestOutcome(known, "duplicate")
    new = _with_story(archive, chat_id, new, None)
    article_id = archive.add(chat_id, new)
    return IngestOutcome(
        _get(archive, chat_id, article_id), "same_story" if new.story_id else "new"
    )


def ingest_text(
    archive: Archive, chat_id: int, text: str, message_id: int | None = None
) -> IngestOutcome:
    """Archive pasted text durably (saved raw first, then parsed); no network involved."""
    incoming = Incoming(chat_id=chat_id, raw=text, message_id=message_id)
    article_id = archive.save_pending(incoming)
    return store_parsed(archive, chat_id, article_id, parse_incoming(incoming), None)
