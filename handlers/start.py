"""/start and /help."""

from telegram import Update

from handlers.context import BriefingContext
from handlers.formatting import reply_html
from handlers.registry import help_text


async def start(update: Update, context: BriefingContext) -> None:
    """Greet and explain the three things the bot does."""
    await reply_html(
        update,
        "Hello! I keep this chat's news archive.\n\n"
        "• Paste an article's text and I archive it.\n"
        "• Send a few words (for example <i>Lavrov</i>) to search the archive.\n\n"
        "/help lists every command.",
    )


async def help_command(update: Update, context: BriefingContext) -> None:
    """List every command from the registry."""
    await reply_html(update, help_text(context.bot_data.commands))
