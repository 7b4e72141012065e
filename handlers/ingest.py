"""Plain text messages: a question is answered, anything else is archived as an article."""

import asyncio

from telegram import Update

from briefing.ingest import ingest_text
from briefing.messages import is_question
from handlers.ask import answer
from handlers.context import BriefingContext
from handlers.formatting import article_card, esc, reply_html


async def on_text(update: Update, context: BriefingContext) -> None:
    """Route a text message to search or to the archive."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    text = message.text or message.caption or ""
    if is_question(text):
        await answer(update, context, text)
        return
    outcome = await asyncio.to_thread(
        ingest_text, context.archive, chat.id, text, message.message_id
    )
    if outcome.duplicate:
        await reply_html(
            update,
            f"Already archived as <b>#{outcome.article.id}</b>: {esc(outcome.article.title)}",
        )
        return
    await reply_html(update, article_card(outcome.article))
