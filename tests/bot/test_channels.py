"""Channels: posts and edited posts archived in the channel's own archive with the post's link
and date, nothing posted back; with an allow-list, only channels an allowed user administers."""

import time
from pathlib import Path
from typing import Any

from telegram import Update

from bot.app import build_application, on_startup
from bot.offline import OfflineRequest
from handlers import BriefingApp, wait_for_background
from tests.bot.test_links import TRAIN_PARAGRAPHS, TRAIN_TITLE
from tests.conftest import BotHarness, make_settings

CHANNEL = {"id": -1001234567, "type": "channel", "title": "Valley Watch", "username": "valleywatch"}
POSTED = 1714550400  # 2024-05-01 08:00 UTC
POST = f"{TRAIN_TITLE}\n\n" + "\n\n".join(TRAIN_PARAGRAPHS)


async def send_post(
    app: BriefingApp, update_id: int, message_id: int, text: str, *, edited: bool = False,
    channel: dict[str, Any] = CHANNEL,
) -> None:  # fmt: skip
    post: dict[str, Any] = {"message_id": message_id, "date": POSTED, "chat": channel,
                            "sender_chat": channel, "text": text}  # fmt: skip
    if edited:
        post["edit_date"] = int(time.time())
    key = "edited_channel_post" if edited else "channel_post"
    await app.process_update(Update.de_json({"update_id": update_id, key: post}, app.bot))
    await wait_for_background(app)


async def test_channel_posts_and_edits_are_archived_silently(bot: BotHarness) -> None:
    app = bot.app
    await send_post(app, 1, 77, POST)
    archive = app.bot_data.archive
    (article,) = archive.recent(CHANNEL["id"], 10)
    assert article.title == TRAIN_TITLE
    assert article.url == "https://t.me/valleywatch/77"
    assert article.published_at == "2024-05-01" and article.source == "Valley Watch"
    assert "Adela Ruiz" in article.body

    edited = POST.replace("Adela Ruiz", "Adela Ruiz-Moreno")
    await send_post(app, 2, 77, edited, edited=True)
    (again,) = archive.recent(CHANNEL["id"], 10)
    assert again.id == article.id and "Adela Ruiz-Moreno" in again.body

    await send_post(app, 3, 78, "/stats")  # a post is archived, never taken for a command
    await send_post(app, 4, 79, "Dam gates open at noon.")  # short news posts count too
    titles = [a.title for a in archive.recent(CHANNEL["id"], 10)]
    assert titles == ["Dam gates open at noon", "/stats", TRAIN_TITLE]
    assert bot.request.sent("sendMessage") == []  # nothing is posted in the channel
    assert archive.stats(501).total == 0


class AdminsRequest(OfflineRequest):
    """The offline transport, answering who administers each channel."""

    def __init__(self, admins: dict[int, list[int]]) -> None:
        super().__init__()
        self.admins = admins

    def _result(self, api_method: str, params: dict[str, Any]) -> object:
        if api_method == "getChatAdministrators":
            user_ids = self.admins.get(int(params["chat_id"]), [])
            return [
                {"status": "administrator", "user": {"id": u, "is_bot": False, "first_name": "A"},
                 "can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                 "can_delete_messages": True, "can_manage_video_chats": True,
                 "can_restrict_members": True, "can_promote_members": True,
                 "can_change_info": True, "can_invite_users": True, "can_post_stories": True,
                 "can_edit_stories": True, "can_delete_stories": True}
                for u in user_ids
            ]  # fmt: skip
        return super()._result(api_method, params)


async def test_with_an_allow_list_only_channels_of_allowed_admins(tmp_path: Path) -> None:
    stranger = {**CHANNEL, "id": -1009999, "username": "elsewhere", "title": "Elsewhere"}
    request = AdminsRequest({CHANNEL["id"]: [42, 7], stranger["id"]: [99]})
    settings = make_settings(tmp_path, allowed_user_ids="42")
    app = build_application(settings, request=request)
    await app.initialize()
    await on_startup(app)
    try:
        await send_post(app, 1, 5, POST)
        await send_post(app, 2, 6, POST, channel=stranger)
        archive = app.bot_data.archive
        assert len(archive.recent(CHANNEL["id"], 10)) == 1
        assert archive.recent(stranger["id"], 10) == []
        assert request.sent("sendMessage") == []  # the stranger's channel gets no refusal
    finally:
        await app.shutdown()
        app.bot_data.archive.close()
