"""Questions: plain-text questions and /ask, their paging and suggestion buttons.

Answering (and keeping a question with more pages for its buttons) is the use case
`briefing.questions.asking`; here the question comes from the update and the answer goes back
as HTML, always in the chat the question or the button comes from.
"""

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import InlineKeyboardMarkup, Message, Update

from briefing.questions.asking import Asking
from briefing.questions.asking import answer as answer_question
from handlers.answers import answer_html, answer_keyboard, parse_button
from handlers.context import BriefingContext, after_own_pastes
from handlers.formatting import edit_html, reply_html
from handlers.split import split_message

EXPIRED = "This button has expired; ask again."


def chat_now(context: BriefingContext) -> datetime:
    """Now in the chat's time zone (the bot's default zone)."""
    try:
        zone = ZoneInfo(context.bot_data.default_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone)


async def _send(update: Update, text: str, keyboard: InlineKeyboardMarkup | None) -> None:
    """Reply in as many messages as needed; buttons go under the last one."""
    message = update.effective_message
    if message is None:
        return
    parts = split_message(text)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        await message.reply_text(part, do_quote=False, reply_markup=keyboard if last else None)


def _asking(kind: str, value: str | int, page: int) -> Asking:
    """What a button asks: a page of a kept question, an actor, or suggested words."""
    if kind == "page":
        return Asking(page=page, saved=int(value))
    if kind == "actor":
        return Asking(page=page, actor=int(value))
    return Asking(text=str(value), page=page)


async def answer(update: Update, context: BriefingContext, question: str) -> None:
    """Reply with the answer to a question about the chat's archive."""
    chat = update.effective_chat
    if chat is None:
        return
    await after_own_pastes(context, chat.id)
    searcher = context.bot_data.searcher
    asked = await answer_question(searcher, chat.id, Asking(question), chat_now(context))
    if asked is not None:
        keyboard = answer_keyboard(asked.answer, asked.question_id)
        await _send(update, answer_html(asked.answer), keyboard)


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
    asking = _asking(button.kind, button.value, button.page)
    asked = None
    if asking.text or asking.saved is not None or asking.actor is not None:
        asked = await answer_question(context.bot_data.searcher, chat.id, asking, chat_now(context))
    if asked is None:
        await query.answer(EXPIRED)
        return
    await query.answer()
    await edit_html(
        context.bot,
        chat.id,
        message.message_id,
        answer_html(asked.answer),
        answer_keyboard(asked.answer, asked.question_id),
    )
