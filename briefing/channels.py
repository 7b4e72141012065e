"""Channel posts archived in the channel's own archive: a post is stored like a forwarded post
(its text, the channel as source, its t.me link and date) through the durable ingest, without a
reply (the channel's readers must not see the bot's cards); an edited post replaces the text
it archived before and is analysed again."""

import asyncio
import logging

from briefing.ingest.durable import DurableIngest
from briefing.ingest.quiet import QuietPort, no_reply
from briefing.ingest.workflow import IngestOutcome, parse_incoming, store_parsed
from storage import Incoming

log = logging.getLogger(__name__)


async def archive_post(ingest: DurableIngest, incoming: Incoming) -> IngestOutcome | None:
    """Archive a new channel post (kind "channel"); its outcome, None when nothing was kept
    (a post without an article in it)."""
    port = QuietPort()
    await ingest.accept(incoming, no_reply, port)
    return port.outcome


async def archive_edit(ingest: DurableIngest, incoming: Incoming) -> IngestOutcome | None:
    """An edited channel post: the archived article takes the new text (a post archived
    before the bot joined, or one that had no article, is archived now)."""
    if incoming.message_id is None:
        return None
    archive = ingest.archive
    chat_id = incoming.chat_id
    stored = await asyncio.to_thread(archive.find_by_message, chat_id, incoming.message_id, None)
    if stored is None or stored.status == "pending":
        return await archive_post(ingest, incoming) if stored is None else None
    try:
        parsed = await asyncio.to_thread(parse_incoming, incoming)
    except ValueError as error:
        log.info("edited post %s of chat %s has no article: %s", stored.id, chat_id, error)
        return None
    outcome = await asyncio.to_thread(store_parsed, archive, chat_id, stored.id, parsed, None)
    if outcome.needs_analysis:
        await ingest.ingestor.analyse(chat_id, outcome.article.id)
    return outcome
