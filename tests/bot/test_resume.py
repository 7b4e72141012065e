"""Work left pending by a stop is finished at the next start, and the user is told."""

from pathlib import Path
from typing import Any

from handlers import wait_for_background
from storage import Archive, Incoming
from tests.bot.test_links import TRAIN_PARAGRAPHS, TRAIN_TITLE
from tests.conftest import OWN_ARTICLE, StaticSite, article_page


async def test_pending_items_are_finished_at_start_up(
    tmp_path: Path, make_bot: Any, site: StaticSite
) -> None:
    site.routes["/trains"] = (200, "text/html", article_page(TRAIN_TITLE, TRAIN_PARAGRAPHS))
    archive = Archive.open(tmp_path / "briefing.db")  # the file the bot below will use
    text_id = archive.save_pending(Incoming(chat_id=501, raw=OWN_ARTICLE, message_id=1))
    link = Incoming(chat_id=501, raw="see", kind="link", url=site.url("/trains"), message_id=2)
    link_id = archive.save_pending(link)
    archive.set_ack(501, link_id, 55)
    archive.close()

    bot = await make_bot(fetch_allow_hosts=frozenset({"127.0.0.1"}))
    await wait_for_background(bot.app)
    archive = bot.app.bot_data.archive
    assert archive.pending() == []
    assert archive.get(501, text_id).status == "ready"  # type: ignore[union-attr]
    assert archive.get(501, link_id).title == TRAIN_TITLE  # type: ignore[union-attr]
    (edit,) = bot.request.sent("editMessageText")
    assert edit["message_id"] == 55 and TRAIN_TITLE in edit["text"]
    (sent,) = bot.request.sent("sendMessage")
    assert "Harbour Workers in Valdoria" in sent["text"]
    await bot.app.shutdown()
