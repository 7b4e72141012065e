"""Updates are stored before Telegram is told they arrived, and a crash loses none of them."""

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Update

from bot.inbox import DurableQueue, bot_id_of
from briefing.ingest.workflow import ingest_text
from handlers import wait_for_background
from storage import Archive
from storage.database import Database
from storage.inbox import Inbox
from tests.bot.test_links import TRAIN_PARAGRAPHS, TRAIN_TITLE
from tests.conftest import OTHER_ARTICLE, OWN_ARTICLE, BotHarness, StaticSite, article_page

TOKEN = "4242:test-token"


def message(update_id: int, text: str, chat_id: int = 501) -> dict[str, Any]:
    """A text message update as Telegram sends it."""
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1714550400,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "Tester"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
            if text.startswith("/")
            else [],
        },
    }


async def receive(bot: BotHarness, *updates: dict[str, Any]) -> None:
    """What the updater does with fetched updates: queue them (the next poll confirms them)."""
    for data in updates:
        await bot.app.update_queue.put(Update.de_json(data, bot.app.bot))


async def handle_queued(bot: BotHarness) -> None:
    """What the running application does: handle every queued update in order."""
    queue = bot.app.update_queue
    while not queue.empty():
        await bot.app.process_update(queue.get_nowait())
    await wait_for_background(bot.app)


def test_inbox_stores_each_update_once_and_forgets_old_handled_ones(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "b.db")
    inbox, other_bot = Inbox(database, 1), Inbox(database, 2)
    assert inbox.receive(10, "{}") and inbox.receive(11, "{}")
    assert not inbox.receive(10, "{}")  # delivered again by Telegram
    assert other_bot.receive(10, "{}")  # another bot's update 10 is another update
    assert inbox.receive(12, '{"message": {"text": "private words"}}')
    inbox.done(10)
    inbox.done(12)
    assert [u.update_id for u in inbox.unfinished()] == [11]
    kept = database.query("SELECT data FROM inbox WHERE done_at IS NOT NULL")
    assert kept == [("",), ("",)]  # a handled update's content is not kept
    assert inbox.prune(datetime.now(UTC)) == 0
    assert inbox.prune(datetime.now(UTC) + timedelta(days=3)) == 2
    assert inbox.receive(10, "{}")  # forgotten once long handled
    database.close()


def test_bot_id_is_the_tokens_number() -> None:
    assert bot_id_of("123456:ABC-def") == 123456
    assert bot_id_of("not-a-token") == 0


async def test_updates_queued_when_the_process_died_are_handled_at_the_next_start(
    make_bot: Any,
) -> None:
    bot = await make_bot(telegram_bot_token=TOKEN)
    assert isinstance(bot.app.update_queue, DurableQueue)
    await receive(bot, message(1, OWN_ARTICLE), message(2, "/stats"), message(3, OTHER_ARTICLE))
    await bot.app.process_update(bot.app.update_queue.get_nowait())  # the first is handled
    await wait_for_background(bot.app)
    # The process dies here: updates 2 and 3 were confirmed to Telegram but never handled.
    bot.app.bot_data.archive.close()

    again = await make_bot(telegram_bot_token=TOKEN)
    await receive(again, message(3, OTHER_ARTICLE))  # a redelivery is not queued twice
    await handle_queued(again)
    texts = [p["text"] for p in again.request.sent("sendMessage")]
    assert texts[0].startswith("<b>1 article</b>")  # /stats, answered in order
    assert "Glacier Survey" in texts[1] and len(texts) == 2
    archive = again.app.bot_data.archive
    titles = sorted(a.title for a in archive.recent(501, 10))
    assert titles == [
        "Glacier Survey Finds Faster Melting in Northern Range",
        "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says",
    ]
    assert again.app.bot_data.inbox is not None
    assert again.app.bot_data.inbox.unfinished() == []
    await again.app.shutdown()


async def test_an_update_handled_again_does_not_store_its_article_twice(
    make_bot: Any, tmp_path: Path
) -> None:
    bot = await make_bot(telegram_bot_token=TOKEN)
    await receive(bot, message(7, OWN_ARTICLE))
    bot.app.bot_data.archive.close()
    # The article was stored and read, then the process died before the update was marked
    # done: handled again, it is found by its message and its card shown, not stored again.
    archive = Archive.open(tmp_path / "briefing.db")
    stored = ingest_text(archive, 501, OWN_ARTICLE, message_id=7).article.id
    archive.close()

    again = await make_bot(telegram_bot_token=TOKEN)
    await handle_queued(again)
    assert [a.id for a in again.app.bot_data.archive.recent(501, 10)] == [stored]
    (card,) = [p["text"] for p in again.request.sent("sendMessage")]
    assert card.startswith(f"Saved <b>#{stored}</b>") and "Harbour Workers" in card
    await again.app.shutdown()


async def test_a_read_link_whose_card_was_not_shown_is_shown_at_start_up(
    make_bot: Any, tmp_path: Path, site: StaticSite
) -> None:
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    bot = await make_bot(fetch_allow_hosts=frozenset({"127.0.0.1"}))
    await bot.chat().send(site.url("/trains"))
    archive = bot.app.bot_data.archive
    (article,) = archive.recent(501, 1)
    assert article.ack_message_id is not None and archive.unshown() == []
    # As if the process had died after reading the page but before editing the ack:
    with archive.database.write() as conn:
        conn.execute("UPDATE articles SET shown_at = NULL")
    await bot.app.shutdown()

    again = await make_bot()
    await wait_for_background(again.app)
    (edit,) = again.request.sent("editMessageText")
    assert edit["message_id"] == article.ack_message_id and TRAIN_TITLE in edit["text"]
    assert again.app.bot_data.archive.unshown() == []
    await again.app.shutdown()


async def test_without_a_token_there_is_no_inbox(make_bot: Any) -> None:
    bot = await make_bot()
    assert bot.app.bot_data.inbox is None
    assert not isinstance(bot.app.update_queue, DurableQueue)
    await bot.app.shutdown()
