"""Questions: plain-text questions and /ask, their paging and suggestion buttons.

Answering (and keeping a question with more pages for its buttons) is the use case
`briefing.questions.asking`; here the question comes from the update and the answer goes back
as HTML, always in the chat the question or the button comes from. Small talk gets a hint
instead of a search. A word the archive lacks is said ("Nothing about Iran in this chat's
archive."), with buttons asking the question again with a near name or word in its place.
"""

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update

from briefing.questions.answer import Answer
from briefing.questions.asking import Asked, Asking
from briefing.questions.asking import answer as answer_question
from briefing.questions.messages import is_small_talk
from briefing.questions.offers import Offer, offers
from handlers.answers import answer_html, answer_keyboard, parse_button
from handlers.context import BriefingContext, after_own_pastes
from handlers.formatting import edit_html, esc, reply_html
from handlers.split import split_message

EXPIRED = "This button has expired; ask again."
HINT = (
    "I keep this chat's news archive. Paste an article (its text, a link or a file) to archive"
    " it; send a few words to search it, for example:\n"
    "<code>Lavrov</code>\n"
    "<code>what did Lavrov say about Syria</code>\n"
    "<code>what happened last week</code>\n"
    "/help lists every command."
)


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


def answer_text(answer: Answer) -> str:
    """The answer's HTML, saying which words the archive lacks (under the heading of what the
    rest of the question found), and "Did you mean:" above the buttons offering near ones."""
    plan = answer.plan
    if not plan.unmatched:
        return answer_html(answer)
    missing = f"Nothing about <i>{esc(' '.join(plan.unmatched))}</i> in this chat's archive."
    near = "Did you mean:" if answer.suggestions else ""
    if not plan.groups and not answer.found:
        return "\n".join(filter(None, [missing, near]))
    rest = answer_html(replace(answer, plan=replace(plan, unmatched=()), suggestions=()))
    heading, _, body = rest.partition("\n")
    text = "\n".join(filter(None, [heading, missing, body]))
    return f"{text}\n\n{near}" if near else text


def _offer_data(offer: Offer) -> str:
    if offer.question_id is not None:
        return f"q:{offer.question_id}:0"
    if offer.actor_id is not None:
        return f"q:a:{offer.actor_id}"
    return f"q:w:{offer.word}"


def _keyboard(asked: Asked, offered: tuple[Offer, ...]) -> InlineKeyboardMarkup | None:
    """Paging buttons, then one button for each thing offered instead of a missing word."""
    paging = answer_keyboard(replace(asked.answer, suggestions=()), asked.question_id)
    rows = [list(row) for row in paging.inline_keyboard] if paging else []
    for offer in offered:
        data = _offer_data(offer)
        if parse_button(data) is not None:
            rows.append([InlineKeyboardButton(offer.label[:60], callback_data=data)])
    return InlineKeyboardMarkup(rows) if rows else None


async def _reply(
    context: BriefingContext, chat_id: int, asked: Asked, now: datetime
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The answer's text and buttons."""
    offered = await offers(context.bot_data.searcher, chat_id, asked.answer, now)
    return answer_text(asked.answer), _keyboard(asked, offered)


async def answer(update: Update, context: BriefingContext, question: str) -> None:
    """Reply with the answer to a question about the chat's archive (a hint to small talk)."""
    chat = update.effective_chat
    if chat is None:
        return
    if is_small_talk(question):
        await reply_html(update, HINT)
        return
    await after_own_pastes(context, chat.id)
    now = chat_now(context)
    asked = await answer_question(context.bot_data.searcher, chat.id, Asking(question), now)
    if asked is not None:
        await _send(update, *await _reply(context, chat.id, asked, now))


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
    now = chat_now(context)
    if asking.text or asking.saved is not None or asking.actor is not None:
        asked = await answer_question(context.bot_data.searcher, chat.id, asking, now)
    if asked is None:
        await query.answer(EXPIRED)
        return
    await query.answer()
    text, keyboard = await _reply(context, chat.id, asked, now)
    await edit_html(context.bot, chat.id, message.message_id, text, keyboard)
