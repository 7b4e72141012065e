"""Deciding what a plain text message is: an article to archive, a question to answer, or
small talk ("hi", "thanks", "can you help me?") that wants a hint rather than a search."""

import re

from briefing.ingest.urls import URL_RE
from briefing.questions.understanding import STOPWORDS

QUESTION_MAX_WORDS = 25
QUESTION_MAX_CHARS = 300

# A few names on lines of their own ("Lavrov⏎Putin") are a question, not an article.
NAME_LINES_MAX = 4
NAME_WORDS_MAX = 3
_NAME_WORD = re.compile(r"(?:[A-Z][^\W\d_]*|[A-Z]{2,}|[a-z]{1,3})(?:['’-][^\W_]+)*")

# Greetings, thanks and asking for help: with only filler besides, the message is small talk.
SMALL_TALK = frozenset(
    """hi hello hey hiya howdy yo greetings morning afternoon evening night good day thanks
    thank thx ty cheers bye goodbye ok okay great cool nice sorry help helping helpful
    please there bot work works started start use using welcome lot again""".split()
)
SMALL_TALK_MAX_WORDS = 10
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _is_name_line(line: str) -> bool:
    """One to three words, capitalised or short particles ("bin", "al-Qaeda"), nothing else."""
    words = line.split()
    if not 1 <= len(words) <= NAME_WORDS_MAX or not any(c.isupper() for c in line):
        return False
    return all(_NAME_WORD.fullmatch(word) for word in words)


def is_name_list(text: str) -> bool:
    """A short message of names on separate lines, without sentence punctuation."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return 1 < len(lines) <= NAME_LINES_MAX and all(_is_name_line(line) for line in lines)


def is_question(text: str) -> bool:
    """A short, single-paragraph text without a URL is a question, and so is a short list of
    names on separate lines; anything else an article."""
    stripped = text.strip()
    if not stripped or URL_RE.search(stripped):
        return False
    if is_name_list(stripped):
        return True
    if "\n" in stripped or len(stripped) > QUESTION_MAX_CHARS:
        return False
    words = stripped.split()
    return len(words) <= QUESTION_MAX_WORDS or (stripped.endswith("?") and len(words) <= 60)


def is_small_talk(text: str) -> bool:
    """A greeting, thanks or a question to the bot itself ("can you help me?", "what can you
    do"): small-talk words and filler only, with a small-talk word or "you" among them (so
    "what is it about?" is still asked, and answered with the usual hint)."""
    words = _WORD.findall(text)
    if not words or len(words) > SMALL_TALK_MAX_WORDS:
        return False
    folded = [w.casefold() for w in words]
    for word, key in zip(words, folded, strict=True):
        if key in SMALL_TALK:
            continue
        if key not in STOPWORDS or (len(word) > 1 and word.isupper()):  # "US" is searched
            return False
    return any(w in SMALL_TALK or w in {"you", "your"} for w in folded)
