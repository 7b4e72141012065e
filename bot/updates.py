"""Updates of different chats handled side by side, those of one chat in arrival order.

PTB handles updates one at a time unless given an update processor. Handling every update
concurrently would let a chat's question overtake the article pasted just before it, so updates
are serialised per conversation (the chat, else the user, e.g. for inline queries) and run
concurrently across conversations.
"""

import asyncio
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

DEFAULT_CONCURRENT_UPDATES = 128


def conversation_key(update: object) -> Hashable:
    """What orders an update: its chat, else its user; other objects share one key."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
    return ("other", 0)


class _Turn:
    """A conversation's lock with the number of updates holding or waiting for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Runs updates of different conversations concurrently and each conversation's in order.

    asyncio.Lock wakes its waiters first come, first served, so a conversation's updates are
    handled in the order they arrived. Locks of idle conversations are dropped.
    """

    def __init__(self, max_concurrent_updates: int = DEFAULT_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._turns: dict[Hashable, _Turn] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the conversation's earlier updates, then handle this one."""
        key = conversation_key(update)
        turn = self._turns.setdefault(key, _Turn())
        turn.users += 1
        try:
            async with turn.lock:
                await coroutine
        finally:
            turn.users -= 1
            if turn.users == 0:
                self._turns.pop(key, None)

    @property
    def busy_conversations(self) -> int:
        """How many conversations have updates being handled or waiting."""
        return len(self._turns)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: the application waits for running updates itself."""
