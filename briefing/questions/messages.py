"""Deciding what a plain text message is: an article to archive or a question to answer."""

from briefing.ingest.urls import URL_RE

QUESTION_MAX_WORDS = 25
QUESTION_MAX_CHARS = 300


def is_question(text: str) -> bool:
    """A short, single-paragraph text without a URL is a question; anything else an article."""
    stripped = text.strip()
    if not stripped or URL_RE.search(stripped):
        return False
    if "\n" in stripped or len(stripped) > QUESTION_MAX_CHARS:
        return False
    words = stripped.split()
    return len(words) <= QUESTION_MAX_WORDS or (stripped.endswith("?") and len(words) <= 60)
