"""Delivering a chat's digest: the one path every digest takes (scheduled, caught up at
start-up, asked for with /digest).

It builds the window, hands the digest to a `send` callback, and records it as delivered only
once sent, so a digest that could not be sent is neither skipped nor repeated. The callback
belongs to the transport (Telegram): it raises `ChatUnreachableError` when the chat can never
receive a message (the subscription is then paused) and `DigestNotSentError` when it may later.

`now` is the next digest delivered early: it covers the time since the last one and moves the
mark, so the scheduled digest that follows does not repeat it. `week` looks back over seven
days and leaves the mark alone.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from briefing.digests.build import Digest, DigestExtras, compose_digest
from briefing.digests.schedule import (
    MAX_WINDOW,
    DigestScheduler,
    continues_from,
    digest_window,
    due_slot,
)
from storage.digests import DigestStore

log = logging.getLogger(__name__)

Mode = Literal["scheduled", "now", "week"]
Outcome = Literal["sent", "skipped", "paused", "failed"]
SendDigest = Callable[[Digest, str], Awaitable[None]]  # the digest and the chat's time zone


class ChatUnreachableError(Exception):
    """The chat can never get a message (the bot was blocked or removed, the chat is gone)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class DigestNotSentError(Exception):
    """The digest could not be sent now; the window stays open for the next try."""


@dataclass(frozen=True)
class DigestDelivery:
    """What delivering needs: the subscriptions, the scheduler (clock, jobs, one digest at a
    time per chat), the actors and quotes to add, and the zone of chats without one."""

    store: DigestStore
    scheduler: DigestScheduler
    extras: DigestExtras | None
    default_timezone: str

    async def deliver(self, chat_id: int, mode: Mode, send: SendDigest) -> Outcome:
        """Build and send the chat's digest; record it only once sent.

        `scheduled` sends only when a slot is due (`briefing.digests.schedule.due_slot`), so a job
        and the start-up catch-up never send the same slot twice.
        """
        async with self.scheduler.lock(chat_id):
            now = self.scheduler.now()
            subscription = await asyncio.to_thread(self.store.get, chat_id)
            due = subscription is not None and due_slot(subscription, now) is not None
            if mode == "scheduled" and not due:
                return "skipped"
            zone = subscription.zone if subscription else self.default_timezone
            if mode == "week":
                until = now.replace(microsecond=0)
                since = until - MAX_WINDOW
            else:
                mark = continues_from(subscription)
                since, until = digest_window(mark, now)
                pending = await asyncio.to_thread(self.store.oldest_pending, chat_id, since, until)
                since, until = digest_window(mark, now, pending)
            digest = await asyncio.to_thread(
                compose_digest, self.store, chat_id, since, until, self.extras
            )
            try:
                await send(digest, zone)
            except DigestNotSentError as error:
                log.warning("digest for chat %s not sent (window kept open): %s", chat_id, error)
                return "failed"
            except ChatUnreachableError as error:
                await asyncio.to_thread(self.store.pause, chat_id, error.reason)
                self.scheduler.cancel(chat_id)
                log.warning("digest of chat %s paused: %s", chat_id, error.reason)
                return "paused"
            if mode != "week":
                await asyncio.to_thread(
                    self.store.mark_delivered, chat_id, until, now, self.default_timezone
                )
            log.info("digest sent to chat %s: %d article(s)", chat_id, digest.articles)
            return "sent"
