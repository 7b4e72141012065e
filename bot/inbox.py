"""Durable updates: nothing Telegram delivered is lost when the process dies.

PTB confirms updates to Telegram (the next getUpdates offset) as soon as it has queued them,
before they are handled; a crash then loses everything still queued. Here the queue writes
each update to the inbox (`storage.inbox`) before it is queued, the application marks it done
once handled, and the next start handles what was left, recognising work already stored.
"""

import asyncio
import json
import logging

from telegram import Update

from handlers import BriefingApp
from storage.inbox import Inbox

log = logging.getLogger(__name__)


def bot_id_of(token: str) -> int:
    """The bot's numeric id, the part of its token before the colon (0 when there is none)."""
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


class DurableQueue(asyncio.Queue[object]):
    """The update queue: an update is written to the inbox before it is queued, and one
    Telegram delivers again (it was received but not confirmed before a crash) is dropped."""

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self.inbox = inbox

    async def put(self, item: object) -> None:
        """Queue an item; an update only once it is stored."""
        if isinstance(item, Update):
            data = json.dumps(item.to_dict(), ensure_ascii=False)
            if not await asyncio.to_thread(self.inbox.receive, item.update_id, data):
                log.info("update %s was received before; not handled twice", item.update_id)
                return
        await super().put(item)

    async def replay(self, update: Update) -> None:
        """Queue an update stored by an earlier run (it is in the inbox already)."""
        await super().put(update)


class DurableApplication(BriefingApp):
    """The application, marking each update done in the inbox once it has been handled."""

    PRUNE_EVERY = 1000  # updates between two clean-ups of long-handled ones

    async def process_update(self, update: object) -> None:
        """Handle the update, then mark it done (even when a handler failed: the error
        handler has answered it, and handling it again would fail again)."""
        try:
            await super().process_update(update)
        finally:
            inbox: Inbox | None = self.bot_data.inbox
            if inbox is not None and isinstance(update, Update):
                # Written in the background so the next update need not wait for it; a crash
                # in between only means this update is handled again (harmlessly) at the start.
                self.bot_data.background.spawn(self._done(inbox, update.update_id))

    async def _done(self, inbox: Inbox, update_id: int) -> None:
        await asyncio.to_thread(inbox.done, update_id)
        self.bot_data.replayed.discard(update_id)
        if update_id % self.PRUNE_EVERY == 0:
            await asyncio.to_thread(inbox.prune)


async def replay_unfinished(app: BriefingApp) -> int:
    """Queue the updates an earlier run received but did not finish; returns how many."""
    inbox: Inbox | None = app.bot_data.inbox
    queue = app.update_queue
    if inbox is None or not isinstance(queue, DurableQueue):
        return 0
    await asyncio.to_thread(inbox.prune)
    unfinished = await asyncio.to_thread(inbox.unfinished)
    for stored in unfinished:
        update = Update.de_json(json.loads(stored.data), app.bot)
        app.bot_data.replayed.add(update.update_id)
        await queue.replay(update)
    if unfinished:
        log.info("handling %d update(s) a stop left unfinished", len(unfinished))
    return len(unfinished)
