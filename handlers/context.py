"""The typed callback context: `context.archive` and `context.access` instead of dict lookups."""

from typing import Any, TypeAlias

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from briefing.access import AccessPolicy
from storage import Archive


class BotData:
    """What every handler shares: the archive, the access policy and the command list."""

    def __init__(self) -> None:
        self._archive: Archive | None = None
        self.access = AccessPolicy()
        self.commands: tuple[Any, ...] = ()

    @property
    def archive(self) -> Archive:
        """The chat archive; configured by the composition root before any update arrives."""
        if self._archive is None:
            raise RuntimeError("the archive has not been configured")
        return self._archive

    @archive.setter
    def archive(self, archive: Archive) -> None:
        self._archive = archive


class BriefingContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """Callback context with typed access to the shared bot data."""

    @property
    def archive(self) -> Archive:
        """The archive every handler reads and writes (always scoped by chat)."""
        return self.bot_data.archive

    @property
    def access(self) -> AccessPolicy:
        """Who may use the bot."""
        return self.bot_data.access


BriefingApp: TypeAlias = Application[
    ExtBot[None],
    BriefingContext,
    dict[Any, Any],
    dict[Any, Any],
    BotData,
    JobQueue[BriefingContext],
]
