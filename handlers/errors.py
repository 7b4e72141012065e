"""The error handler: log everything, tell the user briefly, never show a traceback."""

import logging

from telegram import Update

from handlers.context import BriefingContext

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong with that. It has been logged; please try again."


async def on_error(update: object, context: BriefingContext) -> None:
    """Log the exception with the update's ids and send one short apology."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(APOLOGY, do_quote=False)
        except Exception:
            log.exception("could not send the apology")
