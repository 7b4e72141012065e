"""The access guard: runs before every other handler and stops updates from other users."""

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from handlers.channels import channel_allowed, is_channel_post
from handlers.context import BriefingContext

REFUSAL = "Sorry, this bot is private. Ask its owner to add your user id."


async def guard(update: Update, context: BriefingContext) -> None:
    """Refuse, once and briefly, anyone not on the allow-list; nothing of theirs is stored."""
    if is_channel_post(update):  # no sender: a channel is served for its administrators
        if await channel_allowed(update, context):
            return
        raise ApplicationHandlerStop  # nothing is posted in someone else's channel
    user = update.effective_user
    if context.access.is_allowed(user.id if user else None):
        return
    if update.callback_query is not None:
        await update.callback_query.answer(REFUSAL, show_alert=True)
    elif update.inline_query is not None:
        await update.inline_query.answer([], cache_time=0, is_personal=True)
    elif update.effective_message is not None and update.effective_chat is not None:
        await update.effective_message.reply_text(REFUSAL, do_quote=False)
    raise ApplicationHandlerStop
