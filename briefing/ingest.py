"""Archiving what users send: store the raw message first, then analyse it into an article."""

import logging
from dataclasses import dataclass

from briefing.article import ParsedArticle, content_hash, parse_pasted
from briefing.urls import canonical_url
from storage import Archive, NewArticle, StoredArticle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOutcome:
    """The stored article, or the earlier one this message duplicates."""

    article: StoredArticle
    duplicate: bool


def to_new_article(parsed: ParsedArticle) -> NewArticle:
    """The storable form of a parsed article, with its canonical URL and content hash."""
    return NewArticle(
        title=parsed.title,
        body=parsed.body,
        source=parsed.source,
        url=parsed.url,
        canonical_url=canonical_url(parsed.url) if parsed.url else None,
        published_at=parsed.published_at,
        content_hash=content_hash(parsed.title, parsed.body),
    )


def _stored(archive: Archive, chat_id: int, article_id: int) -> StoredArticle:
    article = archive.get(chat_id, article_id)
    if article is None:  # deleted by the user between the two steps
        raise LookupError(f"article {article_id} vanished while it was being archived")
    return article


def analyse_pending(archive: Archive, chat_id: int, article_id: int, raw: str) -> IngestOutcome:
    """Parse a stored raw message; a duplicate is dropped in favour of the earlier article."""
    new = to_new_article(parse_pasted(raw))
    duplicate_of = archive.find_duplicate(
        chat_id, new.content_hash, new.canonical_url, exclude_id=article_id
    )
    if duplicate_of is not None:
        archive.delete(chat_id, article_id)
        return IngestOutcome(article=_stored(archive, chat_id, duplicate_of), duplicate=True)
    archive.complete(chat_id, article_id, new)
    return IngestOutcome(article=_stored(archive, chat_id, article_id), duplicate=False)


def ingest_text(
    archive: Archive, chat_id: int, text: str, message_id: int | None = None
) -> IngestOutcome:
    """Archive pasted text durably: the raw message is saved before it is analysed."""
    article_id = archive.save_pending(chat_id, text, message_id)
    return analyse_pending(archive, chat_id, article_id, text)


def import_article(archive: Archive, chat_id: int, parsed: ParsedArticle) -> IngestOutcome:
    """Store an article read from a file, unless the chat already has it."""
    new = to_new_article(parsed)
    duplicate_of = archive.find_duplicate(chat_id, new.content_hash, new.canonical_url)
    if duplicate_of is not None:
        return IngestOutcome(article=_stored(archive, chat_id, duplicate_of), duplicate=True)
    article_id = archive.add(chat_id, new)
    return IngestOutcome(article=_stored(archive, chat_id, article_id), duplicate=False)


def resume_pending(archive: Archive) -> int:
    """Analyse raw messages left pending by a stop or crash; returns how many were finished."""
    finished = 0
    for item in archive.pending():
        try:
            analyse_pending(archive, item.chat_id, item.article_id, item.raw)
            finished += 1
        except Exception as error:  # one bad message must not stop the others
            log.exception("could not analyse pending article %s", item.article_id)
            archive.fail(item.chat_id, item.article_id, f"analysis failed: {error}")
    return finished
