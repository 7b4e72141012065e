"""The durable ingest use case: what a user sends is stored first, acknowledged, then read.

`DurableIngest.accept` is the one entry point for an item from a chat: it saves the raw item
(status "pending") before anything else, answers at once, and reads what takes time in the
background. Pasted text is parsed and stored at once and its card sent; its analysis (the
actors, seconds of language work) follows in the background and edits the card. A link or a
file is acknowledged ("reading it…") and read in the background, the acknowledgement edited
into its card. `resume` finishes what a stop left pending, unanalysed or unshown.

The transport is a port (`IngestPort`): it replies, edits and sends messages and words the
cards; it raises `NotShownError` when a message cannot be shown. No Telegram here.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import replace
from typing import Any, Protocol

from briefing.ingest.isolation import RunnerClosedError
from briefing.ingest.workflow import Ingestor, IngestOutcome, NotAnArticleError, archived_link
from storage import Archive, Incoming, PendingItem, StoredArticle
from storage.actors import ActorStore

log = logging.getLogger(__name__)

Reply = Callable[[str], Awaitable[int | None]]  # answer the user's message; its first message id


ANALYSIS_WAIT = 15.0  # seconds a chat's question waits for the chat's own pasted articles


class NotShownError(Exception):
    """The transport could not show a message (the item itself is archived all the same)."""


class EditFailedError(NotShownError):
    """The message to edit could not be edited; the text is sent as a new message instead."""


class IngestPort(Protocol):
    """What the use case needs of the transport: messages, and the words of its cards."""

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        """Edit a message into `text` (a long text goes on in new messages)."""

    async def send(self, chat_id: int, text: str) -> None:
        """Send `text` to the chat as new message(s)."""

    def card(self, outcome: IngestOutcome) -> str:
        """The card of an archived item (or of the article it already was)."""

    def reading(self, article_id: int, again: bool = False) -> str:
        """The acknowledgement of an item read in the background."""

    def rejected(self, incoming: Incoming, reason: str) -> str:
        """Nothing was saved: what was sent has no article in it."""

    def broken(self, article_id: int) -> str:
        """The item could not be read because of an error of ours."""


class BackgroundTasks:
    """The bot's background work (reading, analysis, resuming), so the console, the tests and
    a stop can wait for it."""

    def __init__(self) -> None:
        self.tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coroutine: Coroutine[Any, Any, Any]) -> "asyncio.Task[Any]":
        """Run `coroutine` as a tracked task."""
        task = asyncio.get_running_loop().create_task(coroutine)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def wait(self, within: float | None = None) -> bool:
        """Wait until every task (also those started meanwhile) has finished, or at most
        `within` seconds (the tasks go on); True when they all finished."""
        loop = asyncio.get_running_loop()
        deadline = None if within is None else loop.time() + within
        while self.tasks:
            remaining = None if deadline is None else deadline - loop.time()
            if remaining is not None and remaining <= 0:
                return False
            done, _ = await asyncio.wait(list(self.tasks), timeout=remaining)
            for task in done:  # their errors were logged where they happened
                if not task.cancelled():
                    task.exception()
        return True


def stored_outcome(article: StoredArticle, actors: Sequence[str] = ()) -> IngestOutcome:
    """The outcome of an article read earlier (its card shown again after a restart)."""
    from briefing.analysis.archive import CARD_ACTORS  # here: it loads spaCy (see `Ingestor`)

    failed = article.status == "failed"
    return IngestOutcome(
        article,
        "failed" if failed else "new",
        article.reason if failed else None,
        tuple(actors[:CARD_ACTORS]),
    )


class DurableIngest:
    """Accepts items from chats, reads them durably and shows their cards through a port."""

    def __init__(
        self,
        archive: Archive,
        actors: ActorStore,
        ingestor: Ingestor,
        background: BackgroundTasks,
    ) -> None:
        self.archive = archive
        self.actors = actors
        self.ingestor = ingestor
        self.background = background
        self._analysing: dict[int, set[asyncio.Task[Any]]] = {}  # pasted articles, by chat

    async def accept(
        self, incoming: Incoming, reply: Reply, port: IngestPort, replayed: bool = False
    ) -> None:
        """Archive one item sent to a chat; `replayed` when its update is handled again after
        a crash (an item stored by the crashed run is not stored twice)."""
        if replayed and await self._stored_before(incoming, port):
            return
        if known := await asyncio.to_thread(
            archived_link, self.archive, incoming.chat_id, incoming.url
        ):
            await reply(port.card(IngestOutcome(known, "duplicate")))
            return
        article_id = await asyncio.to_thread(self.archive.save_pending, incoming)
        item = PendingItem(article_id, incoming, None, 0)
        if incoming.url is None and incoming.kind != "document":
            await self._paste(item, reply, port)
            return
        ack = await reply(port.reading(article_id))
        await self._read_later(item, ack, port)

    async def retry(self, chat_id: int, article_id: int, reply: Reply, port: IngestPort) -> bool:
        """Read again an item that could not be read; False when the chat has no such item."""
        item = await asyncio.to_thread(self.archive.requeue, chat_id, article_id)
        if item is None:
            return False
        ack = await reply(port.reading(article_id, again=True))
        await self._read_later(item, ack, port)
        return True

    async def _read_later(self, item: PendingItem, ack: int | None, port: IngestPort) -> None:
        """Remember the acknowledgement and read the item in the background."""
        if ack is not None:
            chat_id = item.incoming.chat_id
            await asyncio.to_thread(self.archive.set_ack, chat_id, item.article_id, ack)
        self.background.spawn(self.finish(replace(item, ack_message_id=ack), port))

    async def _paste(self, item: PendingItem, reply: Reply, port: IngestPort) -> None:
        """Pasted text: parsed and stored at once, its card sent; the analysis follows in the
        background and adds the actors to the card (a stop leaves it to `resume`)."""
        try:
            outcome = await self.ingestor.read(item)
        except LookupError:
            return  # the user deleted it meanwhile
        except NotAnArticleError as error:
            await reply(port.rejected(item.incoming, str(error)))
            return
        except Exception:
            log.exception("could not archive item %s", item.article_id)
            await self._fail(item)
            await reply(port.broken(item.article_id))
            return
        try:
            message_id = await reply(port.card(outcome))
        except NotShownError as error:
            log.warning("could not show the card of #%s: %s", item.article_id, error)
            message_id = None
        if outcome.needs_analysis:
            task = self.background.spawn(self._analyse(outcome, message_id, port))
            self._track(item.incoming.chat_id, task)

    def _track(self, chat_id: int, task: "asyncio.Task[Any]") -> None:
        """Remember a chat's analysis in flight until it ends."""
        tasks = self._analysing.setdefault(chat_id, set())
        tasks.add(task)

        def ended(finished: "asyncio.Task[Any]") -> None:
            tasks.discard(finished)
            if not tasks and self._analysing.get(chat_id) is tasks:
                del self._analysing[chat_id]

        task.add_done_callback(ended)

    async def analysed(self, chat_id: int, within: float = ANALYSIS_WAIT) -> bool:
        """Wait (at most `within` seconds) until the articles the chat pasted are analysed, so
        that a question asked right after a paste finds its actors; other chats never wait.
        True when none is left in flight."""
        tasks = set(self._analysing.get(chat_id, ()))
        if not tasks:
            return True
        _, pending = await asyncio.wait(tasks, timeout=within)
        return not pending

    async def _analyse(
        self, outcome: IngestOutcome, message_id: int | None, port: IngestPort
    ) -> None:
        """Find the article's actors; edit its card to name them, when there are any."""
        article = outcome.article
        actors = await self.ingestor.analyse(article.chat_id, article.id)
        if not actors or message_id is None:
            return
        try:
            await port.edit(
                article.chat_id, message_id, port.card(replace(outcome, actors=tuple(actors)))
            )
        except NotShownError as error:
            log.info("could not add the actors to the card of #%s: %s", article.id, error)

    async def _fail(self, item: PendingItem) -> None:
        chat_id = item.incoming.chat_id
        await asyncio.to_thread(self.archive.fail, chat_id, item.article_id, "analysis failed")

    async def finish(self, item: PendingItem, port: IngestPort) -> None:
        """Read and analyse one pending item and show the result (its acknowledgement edited)."""
        try:
            text = port.card(await self.ingestor.process(item))
        except LookupError:
            return  # the user deleted it meanwhile
        except RunnerClosedError:  # the bot is stopping: the item stays pending
            log.info(
                "reading #%s stopped with the bot; it is read at the next start", item.article_id
            )
            return
        except NotAnArticleError as error:
            text = port.rejected(item.incoming, str(error))
        except Exception:
            log.exception("could not archive item %s", item.article_id)
            await self._fail(item)
            text = port.broken(item.article_id)
        try:
            await self.show(item, text, port)
        except NotShownError as error:  # the article is archived; only its card is not shown
            log.warning("could not show the card of #%s: %s", item.article_id, error)

    async def show(self, item: PendingItem, text: str, port: IngestPort) -> None:
        """Edit the acknowledgement into `text`, or send it when there is none to edit."""
        chat_id = item.incoming.chat_id
        edited = False
        if item.ack_message_id is not None:
            try:
                await port.edit(chat_id, item.ack_message_id, text)
                edited = True
            except EditFailedError as error:
                log.info("could not edit acknowledgement of #%s: %s", item.article_id, error)
        if not edited:
            await port.send(chat_id, text)
        if item.ack_message_id is not None:  # only acknowledged cards are looked for at start-up
            await asyncio.to_thread(self.archive.mark_shown, chat_id, item.article_id)

    async def _stored_before(self, incoming: Incoming, port: IngestPort) -> bool:
        """For an update handled again after a crash: True when its item was stored by the run
        that crashed. A finished item's card is shown (again, at worst); a pending one is left
        to the start-up resume."""
        if incoming.message_id is None:
            return False
        stored = await asyncio.to_thread(
            self.archive.find_by_message, incoming.chat_id, incoming.message_id, incoming.url
        )
        if stored is None:
            return False
        if stored.status != "pending":
            item = PendingItem(stored.id, incoming, stored.ack_message_id, stored.attempts or 0)
            await self.show(item, port.card(stored_outcome(stored)), port)
        return True

    async def resume(self, port: IngestPort) -> int:
        """At start-up, in the background: read the items a stop left pending, show the cards
        it left unshown, analyse what it left unanalysed; returns how many items were pending."""
        pending = await asyncio.to_thread(self.archive.pending)
        for item in pending:
            self.background.spawn(self.finish(item, port))
        if pending:
            log.info("resuming %d item(s) left pending by the last run", len(pending))
        self.background.spawn(self._show_unshown(port))
        self.background.spawn(self._resume_analysis())
        return len(pending)

    async def _show_unshown(self, port: IngestPort) -> None:
        """Show the cards of acknowledged articles a stop left unshown (read, but the process
        ended before their acknowledgement was edited)."""
        for article in await asyncio.to_thread(self.archive.unshown):
            names = await asyncio.to_thread(
                self.actors.article_actor_names, article.chat_id, [article.id]
            )
            incoming = Incoming(chat_id=article.chat_id, raw="", message_id=article.message_id)
            item = PendingItem(article.id, incoming, article.ack_message_id, article.attempts or 0)
            try:
                await self.show(
                    item, port.card(stored_outcome(article, names.get(article.id, []))), port
                )
            except NotShownError as error:
                log.warning("could not show the card of #%s: %s", article.id, error)

    async def _resume_analysis(self) -> None:
        done = await self.ingestor.resume_analysis()
        if done:
            log.info("analysed %d article(s) left unanalysed by the last run", done)
