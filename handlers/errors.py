"""The error handler: log everything, tell the user briefly, never show a traceback."""

import logging

from telegram import Update

from briefing import is_damage, is_unusable
from handlers.context import BriefingContext

log = logging.getLogger(__name__)

APOLOGY = "Sorry, something went wrong with that. It has been logged; please try again."


def _log(error: BaseException | None) -> None:
    """A failing database gets one line saying what to do (its traceback says nothing more);
    anything else is logged with its traceback."""
    if error is not None and is_damage(error):
        log.error("the database is damaged (%s): stop the bot and restore it from a backup", error)
    elif error is not None and is_unusable(error):
        log.error("the database cannot be used just now (%s)", error)
    else:
        log.error("error while handling an update", exc_info=error)


async def on_error(update: object, context: BriefingContext) -> None:
    """Log the exception with the update's ids and send one short apology."""
    _log(context.error)
    if isinstance(update, Update) and update.effective_message is not None:
        try:
            await update.effective_message.reply_text(APOLOGY, do_quote=False)
        except Exception:
            log.exception("could not send the apology")
