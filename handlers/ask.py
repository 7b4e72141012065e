"""/ask and plain-text questions: search the chat's archive and list the best articles."""

import asyncio

from telegram import Update

from briefing.search import search
from handlers.context import BriefingContext
from handlers.formatting import reply_html, search_results

ANSWER_LIMIT = 5


async def answer(update: Update, context: BriefingContext, question: str) -> None:
    """Reply with the top articles for a question, or say that nothing matched."""
    chat = update.effective_chat
    if chat is None:
        return
    result = await asyncio.to_thread(search, context.archive, chat.id, question, ANSWER_LIMIT)
    if not result.terms:
        await reply_html(update, "Send a few words to search for, for example /ask Lavrov.")
        return
    await reply_html(update, search_results(result))


async def ask(update: Update, context: BriefingContext) -> None:
    """/ask WORDS."""
    question = " ".join(context.args or [])
    if not question.strip():
        await reply_html(update, "Usage: /ask WORDS, for example <code>/ask Lavrov Syria</code>.")
        return
    await answer(update, context, question)
