"""Messages to archive: pasted text, links, forwarded posts, captions and documents.

Each item is saved raw first and acknowledged; reading it (fetching a link, parsing a file)
happens in the background and the acknowledgement is edited into the article's card.
"""

import asyncio
import logging
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

from telegram import Message, MessageEntity, Update
from telegram.error import TelegramError

from briefing.analysis.archive import CARD_ACTORS
from briefing.ingest.importer import SUPPORTED_DOCUMENTS, decode_text, looks_binary
from briefing.ingest.isolation import RunnerClosedError
from briefing.ingest.urls import find_urls
from briefing.ingest.workflow import IngestOutcome, NotAnArticleError, known_link
from briefing.questions.messages import is_question
from handlers.archive import parse_article_id
from handlers.ask import answer
from handlers.context import BriefingApp, BriefingContext
from handlers.formatting import NO_PREVIEW, edit_html, esc, ingest_card, reply_html
from handlers.origin import forward_details
from handlers.split import split_message
from storage import Incoming, PendingItem, StoredArticle

log = logging.getLogger(__name__)

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


async def accept(update: Update, context: BriefingContext, incoming: Incoming) -> None:
    """Save the item first; text is read at once, a link or a file is acknowledged and read
    in the background (reading a page or file can take up to its time limit)."""
    archive = context.archive
    if update.update_id in context.bot_data.replayed and await _stored_before(context, incoming):
        return
    if incoming.url and (known := await asyncio.to_thread(known_link, archive, incoming)):
        await reply_html(update, ingest_card(IngestOutcome(known, "duplicate")))
        return
    article_id = await asyncio.to_thread(archive.save_pending, incoming)
    if incoming.url is None and incoming.kind != "document":
        await finish(context.app, PendingItem(article_id, incoming, None, 0))
        return
    (ack,) = await reply_html(update, f"Saved <b>#{article_id}</b>, reading it…")
    await asyncio.to_thread(archive.set_ack, incoming.chat_id, article_id, ack.message_id)
    item = PendingItem(article_id, incoming, ack.message_id, 0)
    spawn(context.app, finish(context.app, item))


async def _stored_before(context: BriefingContext, incoming: Incoming) -> bool:
    """For an update handled again after a crash: True when its item was stored by the run
    that crashed. A finished item's card is shown (again, at worst); a pending one is left to
    the start-up resume."""
    if incoming.message_id is None:
        return False
    stored = await asyncio.to_thread(
        context.archive.find_by_message, incoming.chat_id, incoming.message_id, incoming.url
    )
    if stored is None:
        return False
    if stored.status != "pending":
        item = PendingItem(stored.id, incoming, stored.ack_message_id, stored.attempts or 0)
        await show(context.app, item, stored_card(stored))
    return True


def stored_card(article: StoredArticle, actors: Sequence[str] = ()) -> str:
    """The card of an article read earlier (shown again after a restart)."""
    failed = article.status == "failed"
    outcome = IngestOutcome(
        article,
        "failed" if failed else "new",
        article.reason if failed else None,
        tuple(actors[:CARD_ACTORS]),
    )
    return outcome_card(outcome)


def outcome_card(outcome: IngestOutcome) -> str:
    """The card of an archived item; a file that could not be read is named as a file."""
    article = outcome.article
    if outcome.status == "failed" and article.kind == "document":
        return (
            f"Could not read {esc(article.title)}: {esc(outcome.reason or 'unreadable')}."
            f" It is kept as <b>#{article.id}</b>; /retry {article.id} tries again."
        )
    return ingest_card(outcome)


def spawn(app: BriefingApp, coroutine: Coroutine[Any, Any, None]) -> None:
    """Run background work tracked by the bot, so the console and shutdown can wait for it."""
    task = asyncio.get_running_loop().create_task(coroutine)
    app.bot_data.background.add(task)
    task.add_done_callback(app.bot_data.background.discard)


async def wait_for_background(app: BriefingApp, within: float | None = None) -> bool:
    """Wait until every background task (reading links, resuming) has finished, or at most
    `within` seconds (the tasks go on); True when they all finished."""
    loop = asyncio.get_running_loop()
    deadline = None if within is None else loop.time() + within
    while app.bot_data.background:
        remaining = None if deadline is None else deadline - loop.time()
        if remaining is not None and remaining <= 0:
            return False
        done, _ = await asyncio.wait(list(app.bot_data.background), timeout=remaining)
        for task in done:  # their errors were logged where they happened
            if not task.cancelled():
                task.exception()
    return True


async def retry(update: Update, context: BriefingContext) -> None:
    """/retry ID: read a link again that could not be read before."""
    chat = update.effective_chat
    article_id = parse_article_id(context.args)
    if chat is None or article_id is None:
        await reply_html(update, "Usage: /retry ID, for example <code>/retry 12</code>.")
        return
    item = await asyncio.to_thread(context.archive.requeue, chat.id, article_id)
    if item is None:
        await reply_html(update, f"There is no unread link #{article_id} in this chat's archive.")
        return
    (ack,) = await reply_html(update, f"Reading #{article_id} again…")
    await asyncio.to_thread(context.archive.set_ack, chat.id, article_id, ack.message_id)
    item = PendingItem(item.article_id, item.incoming, ack.message_id, item.attempts)
    spawn(context.app, finish(context.app, item))


async def finish(app: BriefingApp, item: PendingItem) -> None:
    """Read one pending item and show the result by editing its acknowledgement."""
    try:
        outcome = await app.bot_data.ingestor.process(item)
        text = outcome_card(outcome)
    except LookupError:
        return  # the user deleted it meanwhile
    except RunnerClosedError:  # the bot is stopping: the item stays pending
        log.info("reading #%s stopped with the bot; it is read at the next start", item.article_id)
        return
    except NotAnArticleError as error:
        what = esc(item.incoming.filename or "that message")
        text = f"Nothing saved from {what}: {esc(error)}."
    except Exception:
        log.exception("could not archive item %s", item.article_id)
        await asyncio.to_thread(
            app.bot_data.archive.fail, item.incoming.chat_id, item.article_id, "analysis failed"
        )
        text = f"Sorry, #{item.article_id} could not be read. /retry {item.article_id} tries again."
    try:
        await show(app, item, text)
    except TelegramError as error:  # the article is archived; only its card is not shown
        log.warning("could not show the card of #%s: %s", item.article_id, error)


async def show(app: BriefingApp, item: PendingItem, text: str) -> None:
    """Edit the acknowledgement into `text` (its first part, when long), or send it when
    there is none to edit; the rest of a long text follows as new messages."""
    chat_id = item.incoming.chat_id
    parts = split_message(text)
    if item.ack_message_id is not None:
        try:
            await edit_html(app.bot, chat_id, item.ack_message_id, text)
            parts = parts[1:]
        except TelegramError as error:
            log.info("could not edit acknowledgement of #%s: %s", item.article_id, error)
    for part in parts:
        await app.bot.send_message(
            chat_id, part, parse_mode="HTML", link_preview_options=NO_PREVIEW
        )
    if item.ack_message_id is not None:  # only acknowledged cards are looked for at start-up
        await asyncio.to_thread(app.bot_data.archive.mark_shown, chat_id, item.article_id)


async def show_unshown(app: BriefingApp) -> None:
    """At start-up: show the cards of acknowledged articles a stop left unshown (read, but
    the process ended before their acknowledgement was edited)."""
    for article in await asyncio.to_thread(app.bot_data.archive.unshown):
        names = await asyncio.to_thread(
            app.bot_data.actors.article_actor_names, article.chat_id, [article.id]
        )
        incoming = Incoming(chat_id=article.chat_id, raw="", message_id=article.message_id)
        item = PendingItem(article.id, incoming, article.ack_message_id, article.attempts or 0)
        try:
            await show(app, item, stored_card(article, names.get(article.id, [])))
        except TelegramError as error:
            log.warning("could not show the card of #%s: %s", article.id, error)
