"""The command registry: one list feeds the handlers, `set_my_commands` and `/help`."""

from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from telegram import BotCommand, Update

from handlers.context import BriefingContext

Callback = Callable[[Update, BriefingContext], Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class Command:
    """A slash command: its name, argument hint, one-line description and callback."""

    name: str
    description: str
    callback: Callback
    args: str = ""


def bot_commands(commands: Sequence[Command]) -> list[BotCommand]:
    """The menu Telegram shows, in registry order."""
    return [BotCommand(c.name, c.description) for c in commands]


def help_text(commands: Sequence[Command]) -> str:
    """The /help reply, generated from the registry so the two never disagree."""
    lines = [
        "<b>News briefing bot</b>",
        "Paste an article (or forward one) and I archive it with its title, date and source.",
        "Send a few words, or /ask, to search this chat's archive.",
        "",
    ]
    for command in commands:
        usage = f"/{command.name}" + (f" {command.args}" if command.args else "")
        lines.append(f"{escape(usage)} — {escape(command.description)}")
    return "\n".join(lines)
