"""Updates of different chats side by side, one chat's in order."""

import asyncio
from datetime import UTC, datetime
from typing import Any

from telegram import Chat, Message, Update, User

from bot.updates import PerChatUpdateProcessor, conversation_key

USER = User(id=7, first_name="Ann", is_bot=False)


def message_update(update_id: int, chat_id: int) -> Update:
    chat = Chat(id=chat_id, type="private")
    message = Message(
        message_id=update_id, date=datetime.now(UTC), chat=chat, from_user=USER, text="hi"
    )
    return Update(update_id=update_id, message=message)


async def test_a_slow_update_holds_back_only_its_own_chat() -> None:
    processor = PerChatUpdateProcessor()
    release_first = asyncio.Event()
    order: list[str] = []

    async def handle(name: str, gate: asyncio.Event | None = None) -> None:
        if gate is not None:
            await gate.wait()
        order.append(name)

    async with processor:
        first = asyncio.create_task(
            processor.process_update(message_update(1, 100), handle("a1", release_first))
        )
        second = asyncio.create_task(processor.process_update(message_update(2, 100), handle("a2")))
        other = asyncio.create_task(processor.process_update(message_update(3, 200), handle("b1")))
        await other  # another chat is answered while chat 100 waits
        assert order == ["b1"]
        assert not second.done()
        release_first.set()
        await asyncio.gather(first, second)
    assert order == ["b1", "a1", "a2"]
    assert processor.busy_conversations == 0


async def test_many_updates_of_one_chat_keep_their_order() -> None:
    processor = PerChatUpdateProcessor()
    seen: list[int] = []

    async def handle(number: int) -> None:
        await asyncio.sleep(0)
        seen.append(number)

    async with processor:
        await asyncio.gather(
            *(processor.process_update(message_update(n, 100), handle(n)) for n in range(50))
        )
    assert seen == list(range(50))


def test_updates_without_a_chat_are_ordered_by_their_user() -> None:
    update: Any = Update(update_id=9)
    assert conversation_key(update) == ("other", 0)
    assert conversation_key(message_update(1, 42)) == ("chat", 42)
