"""Replies for what no other handler takes: unknown commands and unsupported messages."""

from telegram import Update

from handlers.context import BriefingContext
from handlers.formatting import esc, reply_html


async def unknown_command(update: Update, context: BriefingContext) -> None:
    """Name the unknown command and point to /help."""
    message = update.effective_message
    word = (message.text or "").split()[0] if message and message.text else "That command"
    await reply_html(update, f"I don't know {esc(word[:64])}. Send /help for the commands.")


async def unsupported(update: Update, context: BriefingContext) -> None:
    """Explain what the bot can archive."""
    await reply_html(
        update,
        "I can't read that kind of message. Paste the article's text, or send words to search.",
    )
