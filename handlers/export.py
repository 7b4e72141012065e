"""/export: the chat's archive sent as a document, in JSON lines, CSV or Markdown.

The file is written off the event loop into a temporary folder that is removed once it has
been sent. Telegram takes documents of at most 50 MB from a bot: a bigger export is stopped as
soon as it passes that, and the reply says how to ask for less.
"""

import asyncio
import tempfile
from pathlib import Path

from telegram import Update
from telegram.constants import ChatAction

from briefing.export.exporting import ExportResult, export_file_name, export_to_file, today_utc
from briefing.export.request import ExportRequest, ExportRequestError, parse_export_words
from handlers.context import BriefingContext, chat_id_of
from handlers.formatting import esc, reply_html

MAX_UPLOAD_BYTES = 50 * 1000 * 1000  # what Telegram accepts from a bot (50 MB)
USAGE = (
    "Usage: /export [json|csv|md] [since DATE], for example"
    " <code>/export csv since 2024-03-01</code> (by the day an article was published, or"
    " archived when it has no date). JSON lines carry the texts, actors and quotes"
    " (and <code>python -m bot import</code> takes them back), CSV one row an article, md a"
    " readable dossier."
)


def _empty_reply(request: ExportRequest) -> str:
    if request.since or request.until:
        return f"This chat's archive has no {esc(request.describe())}."
    return "The archive of this chat is empty. Paste an article to start it."


def _too_large_reply(chat_id: int) -> str:
    return (
        "The export is larger than the 50 MB Telegram lets a bot send. Ask for fewer"
        " articles, for example <code>/export json since 2024-03-01</code>, or export the"
        " whole archive on the command line: <code>python -m bot export"
        f" --chat {chat_id} --format json --out archive.jsonl</code>."
    )


def _caption(result: ExportResult, request: ExportRequest) -> str:
    noun = "article" if result.articles == 1 else "articles"
    return f"{result.articles:,} {noun} ({esc(request.describe())})."


async def export(update: Update, context: BriefingContext) -> None:
    """Send the chat's archive (or the days asked for) as a document."""
    try:
        request = parse_export_words(context.args or [])
    except ExportRequestError as error:
        await reply_html(update, f"{esc(error)}\n{USAGE}")
        return
    chat_id = chat_id_of(update)
    message = update.effective_message
    today = today_utc()
    with tempfile.TemporaryDirectory(prefix="briefing-export-") as folder:
        path = Path(folder) / export_file_name(request, today)
        await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        result = await asyncio.to_thread(
            export_to_file,
            context.archive,
            chat_id,
            request,
            path,
            max_bytes=MAX_UPLOAD_BYTES,
            today=today,
        )
        if result.articles == 0:
            await reply_html(update, _empty_reply(request))
        elif not result.complete:
            await reply_html(update, _too_large_reply(chat_id))
        elif message is not None:
            with path.open("rb") as document:
                await message.reply_document(
                    document, filename=path.name, caption=_caption(result, request), do_quote=False
                )
