"""Messages to archive: pasted text, links, forwarded posts, captions and documents.

The durable ingest itself is the use case `briefing.ingest.durable` (saved first, acknowledged,
read and analysed after); here a message becomes `Incoming` items, and the use case's port is
Telegram: replies, edits and sends in HTML, and the words of the cards.
"""

from pathlib import Path

from telegram import Bot, Message, MessageEntity, Update
from telegram.error import TelegramError

from briefing import SQLITE_MAX_INT, Incoming
from briefing.ingest.durable import EditFailedError, NotShownError, Reply
from briefing.ingest.importer import SUPPORTED_DOCUMENTS, decode_text, looks_binary
from briefing.ingest.urls import find_urls
from briefing.ingest.workflow import IngestOutcome
from briefing.questions.messages import is_question
from handlers.archive import id_or_usage, shown_id
from handlers.ask import answer
from handlers.context import BriefingApp, BriefingContext
from handlers.context import wait_for_background as wait_for_background  # tests, e2e
from handlers.feeds import on_opml
from handlers.formatting import edit_html, esc, ingest_card, reply_html
from handlers.origin import forward_details
from handlers.split import split_message

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
LINK_TEXT_LIMIT = 200  # a message with less text than this besides its links is "just links"


def message_urls(message: Message) -> list[str]:
    """Every link in the text or caption: URL entities, hidden text links, then bare URLs."""
    found: dict[str, None] = {}
    kinds: list[str | None] = [MessageEntity.URL, MessageEntity.TEXT_LINK]
    entities = message.parse_entities(kinds) or message.parse_caption_entities(kinds)
    for entity, text in sorted(entities.items(), key=lambda pair: pair[0].offset):
        url = entity.url if entity.type == MessageEntity.TEXT_LINK else text
        if url and not url.lower().startswith(("http://", "https://")):
            url = f"https://{url}" if entity.type == MessageEntity.URL else ""
        if url:
            found.setdefault(url, None)
    for url in find_urls(message.text or message.caption or ""):
        found.setdefault(url, None)
    return list(found)


def incoming_items(message: Message, chat_id: int) -> list[Incoming]:
    """What to archive from one message: its text as an article, or each of its links."""
    text = message.text or message.caption or ""
    urls = message_urls(message)
    forward = forward_details(message)
    kind = "forward" if forward else "text"
    base = Incoming(chat_id=chat_id, raw=text, kind=kind, message_id=message.message_id)
    if forward:
        base = Incoming(**{**base.__dict__, **forward})
    rest = text
    for url in urls:
        rest = rest.replace(url, "")
    if forward and urls:
        return [Incoming(**{**base.__dict__, "url": urls[0]})]
    if urls and len(rest.strip()) < LINK_TEXT_LIMIT:
        return [Incoming(**{**base.__dict__, "kind": "link", "url": url}) for url in urls]
    return [base] if text.strip() else []


async def on_message(update: Update, context: BriefingContext) -> None:
    """Answer a question, or archive the message's article(s)."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    text = message.text or message.caption or ""
    if message.forward_origin is None and not message_urls(message) and is_question(text):
        await answer(update, context, text)
        return
    for incoming in incoming_items(message, chat.id):
        await accept(update, context, incoming)


async def on_document(update: Update, context: BriefingContext) -> None:
    """Archive an uploaded .txt, .md or .html file; refuse anything else in one line."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None or message.document is None:
        return
    document = message.document
    name = document.file_name or "file"
    if Path(name).suffix.lower() == ".opml":  # a list of feeds to follow, not an article
        await on_opml(update, context, document)
        return
    if Path(name).suffix.lower() not in SUPPORTED_DOCUMENTS:
        await reply_html(update, f"I can archive .txt, .md and .html files, not {esc(name)}.")
        return
    if (document.file_size or 0) > MAX_DOCUMENT_BYTES:
        await reply_html(update, f"{esc(name)} is larger than 5 MB; send a smaller file.")
        return
    data = bytes(await (await document.get_file()).download_as_bytearray())
    if len(data) > MAX_DOCUMENT_BYTES or looks_binary(data):
        await reply_html(update, f"{esc(name)} is not a text file I can read.")
        return
    incoming = Incoming(
        chat_id=chat.id,
        raw=decode_text(data),
        kind="document",
        message_id=message.message_id,
        filename=name,
    )
    await accept(update, context, incoming)


class TelegramPort:
    """The durable ingest's port on Telegram: HTML messages, Telegram's refusals turned into
    the use case's `NotShownError`, and the words of the cards."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        """Edit the message into the first part of `text`; the rest follows as new messages."""
        try:
            await edit_html(self.bot, chat_id, message_id, text)
        except TelegramError as error:
            raise EditFailedError(str(error)) from error
        await self._send_parts(chat_id, split_message(text)[1:])

    async def send(self, chat_id: int, text: str) -> None:
        """Send `text` in as many messages as needed."""
        await self._send_parts(chat_id, split_message(text))

    async def _send_parts(self, chat_id: int, parts: list[str]) -> None:
        try:
            for part in parts:
                await self.bot.send_message(chat_id, part)
        except TelegramError as error:
            raise NotShownError(str(error)) from error

    def card(self, outcome: IngestOutcome) -> str:
        """The card of an archived item; a file that could not be read is named as a file."""
        article = outcome.article
        if outcome.status == "failed" and article.kind == "document":
            return (
                f"Could not read {esc(article.title)}: {esc(outcome.reason or 'unreadable')}."
                f" It is kept as <b>#{article.id}</b>; /retry {article.id} tries again."
            )
        return ingest_card(outcome)

    def reading(self, article_id: int, again: bool = False) -> str:
        """The acknowledgement of an item read in the background."""
        if again:
            return f"Reading #{article_id} again…"
        return f"Saved <b>#{article_id}</b>, reading it…"

    def rejected(self, incoming: Incoming, reason: str) -> str:
        """Nothing was saved from what was sent."""
        return f"Nothing saved from {esc(incoming.filename or 'that message')}: {esc(reason)}."

    def broken(self, article_id: int) -> str:
        """The item could not be read because of an error of ours."""
        return f"Sorry, #{article_id} could not be read. /retry {article_id} tries again."


def replier(update: Update) -> Reply:
    """The use case's `reply`: answer the update's message; the id of the first message sent
    (None when there is nothing to answer)."""

    async def reply(text: str) -> int | None:
        try:
            sent = await reply_html(update, text)
        except TelegramError as error:
            raise NotShownError(str(error)) from error
        return sent[0].message_id if sent else None

    return reply


async def accept(update: Update, context: BriefingContext, incoming: Incoming) -> None:
    """Archive one item of the update through the durable ingest use case."""
    replayed = update.update_id in context.bot_data.replayed
    port = TelegramPort(context.bot)
    await context.bot_data.ingest.accept(incoming, replier(update), port, replayed)


async def retry(update: Update, context: BriefingContext) -> None:
    """/retry ID: read a link again that could not be read before."""
    chat = update.effective_chat
    article_id = await id_or_usage(update, context, "retry")
    if chat is None or article_id is None:
        return
    port = TelegramPort(context.bot)
    in_range = 0 < article_id <= SQLITE_MAX_INT
    if not in_range or not await context.bot_data.ingest.retry(
        chat.id, article_id, replier(update), port
    ):
        await reply_html(
            update, f"There is no unread link #{shown_id(article_id)} in this chat's archive."
        )


async def resume_ingest(app: BriefingApp) -> None:
    """At start-up: read what a stop left pending, show its unshown cards, analyse the rest."""
    await app.bot_data.ingest.resume(TelegramPort(app.bot))
