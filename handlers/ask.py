"""Questions: plain-text questions and /ask, their paging and suggestion buttons.

The answer is computed off the event loop; a question with more than one page is saved so its
buttons can ask it again, always in the chat the button is pressed in.
"""

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import InlineKeyboardMarkup, Message, Update

from briefing.questions.answer import Answer
from briefing.questions.answer import ask as answer_question
from handlers.answers import answer_html, answer_keyboard, parse_button
from handlers.context import BriefingContext
from handlers.formatting import NO_PREVIEW, edit_html, reply_html
from handlers.split import split_message

EXPIRED = "This button has expired; ask again."


def chat_now(context: BriefingContext) -> datetime:
    """Now in the chat's time zone (the bot's default zone)."""
    try:
        zone = ZoneInfo(context.bot_data.default_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone)


async def _answer(
    context: BriefingContext, chat_id: int, text: str, now: datetime, page: int = 0
) -> tuple[Answer, int | None]:
    """The answer to a question, and the saved question's id when it has more pages."""
    searcher = context.bot_data.searcher
    result = await asyncio.to_thread(answer_question, searcher, chat_id, text, now, page)
    question_id = None
    if result.pages > 1:
        question_id = await asyncio.to_thread(searcher.store.save_question, chat_id, text, now)
    return result, question_id


async def _send(update: Update, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    """Reply in as many messages as needed; buttons go under the last one."""
    message = update.effective_message
    if message is None:
        return
    parts = split_message(text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await message.reply_html(
            part,
            link_preview_options=NO_PREVIEW,
            do_quote=False,
            reply_markup=keyboard if last else None,
        )


async def answer(update: Update, context: BriefingContext, question: str) -> None:
    """Reply with the answer to a question about the chat's archive."""
    chat = update.effective_chat
    if chat is None:
        return
    result, question_id = await _answer(context, chat.id, question, chat_now(context))
    await _send(update, answer_html(result), answer_keyboard(result, question_id))


async def ask(update: Update, context: BriefingContext) -> None:
    """/ask WORDS."""
    question = " ".join(context.args or [])
    if not question.strip():
        await reply_html(update, "Usage: /ask WORDS, for example <code>/ask Lavrov Syria</code>.")
        return
    await answer(update, context, question)


async def on_button(update: Update, context: BriefingContext) -> None:
    """A "More", "Back" or suggestion button: answer again in the button's own chat."""
    query, chat = update.callback_query, update.effective_chat
    if query is None:
        return
    button = parse_button(query.data)
    message = query.message
    if button is None or chat is None or not isinstance(message, Message):
        await query.answer(EXPIRED)
        return
    searcher = context.bot_data.searcher
    now, page, text = chat_now(context), button.page, ""
    if button.kind == "page":
        saved = await asyncio.to_thread(searcher.store.question, chat.id, int(button.value))
        if saved is not None:
            text, asked_at = saved
            now = asked_at.astimezone(now.tzinfo)
    elif button.kind == "actor":
        actor = await asyncio.to_thread(context.bot_data.actors.get, chat.id, int(button.value))
        text = actor.name if actor is not None else ""
    else:
        text = str(button.value)
    if not text:
        await query.answer(EXPIRED)
        return
    result, question_id = await _answer(context, chat.id, text, now, page)
    if button.kind == "page" and result.pages > 1:
        question_id = int(button.value)  # keep paging the saved question
    await query.answer()
    await edit_html(
        context.bot,
        chat.id,
        message.message_id,
        answer_html(result),
        answer_keyboard(result, question_id),
    )
