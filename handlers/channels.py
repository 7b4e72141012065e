"""Channels: when the bot is a member of a channel, its posts and their edits are archived in
that channel's own archive, with the post's t.me link and date, and nothing is posted back.

Who may: a channel post has no sender, so the access guard asks `channel_allowed`. An open bot
(no allow-list) serves every channel it was added to; otherwise a channel is served when one of
its administrators is an allowed user (only an administrator can add a bot to a channel). The
answer is remembered for an hour per channel.
"""

import logging
import time

from telegram import Message, Update
from telegram.error import TelegramError

from briefing import Incoming
from briefing.channels import archive_edit, archive_post
from handlers.context import BriefingContext
from handlers.origin import post_link

log = logging.getLogger(__name__)

ADMINS_CHECKED_FOR = 3600.0  # seconds a channel's access answer is remembered
_ALLOWED_KEY = "channel_allowed"  # in the channel's chat_data: (allowed, checked at)


def is_channel_post(update: Update) -> bool:
    """True for a new or edited channel post."""
    return update.channel_post is not None or update.edited_channel_post is not None


async def channel_allowed(update: Update, context: BriefingContext) -> bool:
    """True when the bot may archive this channel's posts (see the module's docstring)."""
    policy = context.access
    chat = update.effective_chat
    if not policy.allowed_user_ids:
        return True
    if chat is None:
        return False
    data = context.chat_data if context.chat_data is not None else {}
    remembered = data.get(_ALLOWED_KEY)
    if remembered is not None and time.monotonic() - remembered[1] < ADMINS_CHECKED_FOR:
        return bool(remembered[0])
    try:
        admins = await context.bot.get_chat_administrators(chat.id)
    except TelegramError as error:
        log.warning("could not read the administrators of channel %s: %s", chat.id, error)
        return False
    allowed = any(policy.is_allowed(admin.user.id) for admin in admins if not admin.user.is_bot)
    data[_ALLOWED_KEY] = (allowed, time.monotonic())
    if not allowed:
        log.info("channel %s has no allowed administrator: its posts are not archived", chat.id)
    return allowed


def post_incoming(message: Message) -> Incoming | None:
    """A channel post as the ingest takes it: its text (or caption), the channel as origin, the
    post's link and date; None for a post without text."""
    text = message.text or message.caption or ""
    if not text.strip():
        return None
    chat = message.chat
    return Incoming(
        chat_id=chat.id,
        raw=text,
        kind="channel",
        message_id=message.message_id,
        origin=chat.title or chat.username or "a channel",
        post_url=post_link(chat, message.message_id),
        posted_at=message.date.isoformat(timespec="minutes"),
    )


async def on_channel_post(update: Update, context: BriefingContext) -> None:
    """Archive a channel post, or the new text of an edited one, silently."""
    message = update.channel_post or update.edited_channel_post
    if message is None:
        return
    incoming = post_incoming(message)
    if incoming is None:
        return
    ingest = context.bot_data.ingest
    if update.edited_channel_post is not None:
        await archive_edit(ingest, incoming)
    else:
        await archive_post(ingest, incoming)
