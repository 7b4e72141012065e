"""An ingest port that shows nothing and records what became of the item: for articles that
arrive by themselves (feed items, channel posts), which must not answer with a card each."""

from briefing.ingest.workflow import IngestOutcome
from storage import Incoming


class QuietPort:
    """The durable ingest's port for items nobody sent in a chat: no acknowledgement, no card,
    no edit; `outcome` is the item's result once it was read (None when nothing was kept)."""

    def __init__(self) -> None:
        self.outcome: IngestOutcome | None = None

    async def edit(self, chat_id: int, message_id: int, text: str) -> None:
        """Nothing is shown."""

    async def send(self, chat_id: int, text: str) -> None:
        """Nothing is shown."""

    def card(self, outcome: IngestOutcome) -> str:
        """Record the outcome; no text."""
        self.outcome = outcome
        return ""

    def reading(self, article_id: int, again: bool = False) -> str:
        """No acknowledgement."""
        return ""

    def rejected(self, incoming: Incoming, reason: str) -> str:
        """Nothing was kept; nothing is said."""
        return ""

    def broken(self, article_id: int) -> str:
        """The item failed on our side (logged by the use case); nothing is said."""
        return ""


async def no_reply(text: str) -> int | None:
    """The `reply` of an item nobody sent: nothing is answered, so there is no message id."""
    return None
