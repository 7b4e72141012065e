"""Understanding a question: what it asks for (articles, quotes, events), for when, from which
source, and the words left to find actors and search terms in.

`parse_question` is pure text work (dates, `briefing.questions.periods`, are resolved against
the day it is given). The chat's actors are found in the parsed words by
`briefing.questions.actor_names`. `nearest_terms` proposes words of the archive's vocabulary
for a word that matches nothing.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA

from briefing.names import allowed_edits, distance, normalise_name
from briefing.questions.periods import find_period

Intent = Literal["articles", "quotes", "events"]

MAX_CHARS = 300
MAX_WORDS = 12  # content words searched; the rest of a long question is ignored
DATE_FILTER_WORDS = 5  # a question with more content words takes its dates as words

# Question words, filler and function words: never searched on their own.
STOPWORDS = frozenset(
    """a about after all also an and any anything are as at be been before between but by can
    could did do does done for from had has have he her hers him his how i if in into is it its
    me my of on or our ours out over say said says saying she show since so some something tell
    than that the their them then there these they this those to told up us was we were what
    whats when where which who whom whose why will with would you your yours news article
    articles story stories find search please latest recent recently give get know want let
    lets look new quote quotes quoted happen happened happens happening event events timeline
    regarding concerning anyone everyone someone thing things just more most much many very
    mention mentions mentioned talk talked talking speak spoke think thought claim claimed
    state stated may might must should shall""".split()
) - {"state"}  # "Islamic State": a name word, though "stated" is filler

_QUOTE_VERBS = re.compile(
    r"\b(?:say|says|said|saying|stated|claimed|claims|told|quotes?|quoted|speak|spoke)\b", re.I
)
_EVENT_WORDS = re.compile(
    r"\b(?:what\s+(?:has\s+|had\s+|)happened|when\s+(?:did|was|were|is|has|had|will|do|does)"
    r"|happen(?:ed|s|ing)?|events?|timeline)\b",
    re.I,
)
_TOPIC_MARKERS = frozenset({"about", "on", "regarding", "concerning", "over", "of"})
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:['’-][^\W_]+)*")
_SOURCE_TAG = re.compile(r"\bsource\s*:\s*(?:\"([^\"]{1,60})\"|([^\s\"]{1,60}))", re.I)


@dataclass(frozen=True)
class Word:
    """A word of the question as typed, with its place, and whether it is filler."""

    text: str
    start: int
    end: int
    stop: bool

    @property
    def norm(self) -> str:
        """The word's comparison key (case, diacritics, possessive folded)."""
        return normalise_name(self.text)

    @property
    def term(self) -> str:
        """The word as searched: lower case, without a possessive "'s"."""
        return re.sub(r"['’]s$", "", self.text.casefold())


@dataclass(frozen=True)
class Question:
    """A parsed question: intent, words left to search, dates and source filters.

    `since`/`until` are ISO days, `until` exclusive. `from_at` are indexes into `words` where
    a "from X" may name a source. For quote questions `verb_at` is the index of the first
    word after the speaker ("what did Lavrov | say about ...") and `topic_at` of the word after
    which the topic starts.
    """

    text: str
    intent: Intent
    words: tuple[Word, ...]
    since: str | None = None
    until: str | None = None
    period: str = ""
    sources: tuple[str, ...] = ()
    from_at: tuple[int, ...] = ()
    verb_at: int | None = None
    topic_at: int | None = None

    @property
    def content(self) -> list[Word]:
        """The words that carry the topic."""
        return [w for w in self.words if not w.stop]


# --- FTS5 expressions ----------------------------------------------------------------------


def quote_term(term: str) -> str:
    """An FTS5 string literal, so no user text is ever read as an operator; a NUL character,
    which would end the literal early, splits words as the index's tokenizer does."""
    return '"' + term.replace('"', '""').replace("\x00", " ") + '"'


def match_all(terms: Sequence[str]) -> str:
    """FTS5 expression requiring every term."""
    return " ".join(quote_term(t) for t in terms)


def match_any(terms: Sequence[str]) -> str:
    """FTS5 expression accepting any term (bm25 still prefers articles with more of them)."""
    return " OR ".join(quote_term(t) for t in terms)


# --- the question --------------------------------------------------------------------------


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def is_acronym(word: str) -> bool:
    """Typed as an acronym: "US", "IS", "UN"."""
    return len(word) > 1 and word.isupper() and word.isalpha()


def _is_stop(word: str, shouting: bool) -> bool:
    """Filler, unless typed as an acronym ("US", "IS") in a question not all in capitals."""
    if not shouting and len(word) > 1 and word.isupper() and word.isalpha():
        return False
    return word.casefold() in STOPWORDS


def _describes(text: str) -> bool:
    """Whether a question reads as a statement whose dates describe rather than filter: more
    than `DATE_FILTER_WORDS` content words besides them ("Kilgore had heart surgery in 2004
    and was diagnosed with lung cancer"; not "what did Lavrov say about Iran last week")."""
    content = [m.group() for m in _WORD.finditer(text) if not _is_stop(m.group(), False)]
    return len(content) > DATE_FILTER_WORDS


def _intent(text: str) -> Intent:
    if _QUOTE_VERBS.search(text) and not re.fullmatch(r"\s*tell\b.*", text, re.I):
        return "quotes"
    if _EVENT_WORDS.search(text):
        return "events"
    return "articles"


def parse_question(text: str, today: date) -> Question:
    """Split a question into intent, date range, source filters and words to search."""
    text = unicodedata.normalize("NFC", text.replace("\x00", " "))[:MAX_CHARS]
    intent = _intent(text)
    work = text
    since, until, period, span = find_period(work, today)
    if period and _describes(_blank(work, span)):
        since = until = None  # a long sentence's date is part of what it is about
        period = ""
    if period:
        work = _blank(work, span)
    sources: list[str] = []
    for match in list(_SOURCE_TAG.finditer(work)):
        sources.append((match.group(1) or match.group(2)).strip())
        work = _blank(work, match.span())
    letters = [c for c in work if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    words = [
        Word(m.group(), m.start(), m.end(), _is_stop(m.group(), shouting))
        for m in _WORD.finditer(work)
    ]
    lowered = [w.text.casefold() for w in words]
    from_at = tuple(i + 1 for i, w in enumerate(lowered[:-1]) if w == "from")
    verb_at = topic_at = None
    if intent == "quotes":
        verb_at = next((i for i, w in enumerate(words) if _QUOTE_VERBS.fullmatch(w.text)), None)
        if verb_at is not None:
            after = range(verb_at + 1, len(words))
            topic_at = next((i for i in after if lowered[i] in _TOPIC_MARKERS), None)
    return Question(
        text=text,
        intent=intent,
        words=tuple(words),
        since=since,
        until=until,
        period=period,
        sources=tuple(dict.fromkeys(sources)),
        from_at=from_at,
        verb_at=verb_at,
        topic_at=topic_at,
    )


def nearest_terms(
    word: str, vocabulary: Sequence[str], counts: Sequence[int], limit: int = 5, extra: int = 0
) -> list[str]:
    """Index terms (porter stems) a typed word may have meant, nearest first.

    A stem is compared with the typed word cut to the stem's length or a little longer, so
    "agricultral" finds "agricultur".
    """
    allowed = allowed_edits(word) + extra
    if allowed == 0 or not vocabulary:
        return []
    rough = process.extract(
        word, vocabulary, scorer=OSA.distance, score_cutoff=allowed + 3, limit=50
    )
    scored: list[tuple[int, int, str]] = []
    for term, _, index in rough:
        cuts = range(max(1, len(term) - 1), min(len(word), len(term) + 3) + 1)
        edits = min([distance(word[:cut], term) for cut in cuts] + [distance(word, term)])
        if edits <= allowed:
            scored.append((edits, -counts[index], term))
    return [term for _, _, term in sorted(scored)[:limit]]
