"""What a `/watch` text asks to watch: an actor's name, or words.

Words are written as a search is: words and "quoted phrases" that must all occur, `OR`
between alternatives, `-word` (or `-"a phrase"`) for what must not occur. Function words
(`briefing.watches.text.FUNCTION_WORDS`: "the", "of", "was") are left out, and kept only
within a phrase that has other words ("state of emergency"). A single word also matches its
other forms: its stem, as questions' full-text search does ("seized", "seizes"), irregular
forms ("won", "win") and abbreviations ("UN", "United Nations"). Nothing typed is ever read
as a regular expression: words are compared by their keys (`briefing.watches.text`). A text
with quotes, `OR` or `-word` is words; any other text is a name first
(`briefing.watches.watchlist` decides).
"""

import json
import re
from dataclasses import dataclass
from typing import Any

from briefing.names import alias_norm, fold
from briefing.questions.understanding import STOPWORDS
from briefing.questions.word_forms import abbreviation_of, word_forms
from briefing.watches.text import FILLER_KEYS, WORD, Phrase, Tokens, phrase_of

QUOTES = '"“”„«»'
MAX_QUERY = 200  # characters of a watch
MAX_TERMS = 12  # words and phrases of a watch, exclusions included
_TOKEN = re.compile(r"-?\"[^\"]*(?:\"|$)|\S+")
_QUOTE_TABLE = str.maketrans(dict.fromkeys(QUOTES[1:], '"'))


def _longest(phrase: Phrase) -> str:
    """The key of the longest word of a phrase that is not filler: the word fewest articles
    contain, as a rule (an article's filler words are not looked up: `ArticleWords`)."""
    content = [k for k in phrase if k not in FILLER_KEYS] or list(phrase)
    return max(content, key=len)


class WatchQueryError(ValueError):
    """A watch that cannot be understood; the message says why, for the user."""


@dataclass(frozen=True)
class Term:
    """A word or phrase of a words watch: as typed, as keys, and the other forms a word is
    written in that match it too, as in questions ("won": win, winning; "UN": United
    Nations; `briefing.questions.word_forms`)."""

    shown: str
    phrase: Phrase
    forms: tuple[Phrase, ...] = ()

    def text(self) -> str:
        """The term as a watch writes it: a phrase in quotes."""
        return f'"{self.shown}"' if len(self.phrase) > 1 else self.shown

    def phrases(self) -> tuple[Phrase, ...]:
        """The phrase as typed, then its other forms."""
        return (self.phrase, *self.forms)

    def found_in(self, tokens: Tokens) -> list[Phrase]:
        """Its phrases the text contains."""
        return [phrase for phrase in self.phrases() if tokens.has(phrase)]


@dataclass(frozen=True)
class WordsQuery:
    """Every clause must have one of its terms; no excluded term may occur."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def matches(self, tokens: Tokens) -> bool:
        """Whether a text with these tokens is a match."""
        if any(tokens.has(t.phrase) for t in self.excluded):
            return False
        return all(any(t.found_in(tokens) for t in clause) for clause in self.clauses)

    def found(self, tokens: Tokens) -> list[Phrase]:
        """The query's phrases the text contains (to mark them in its sentence)."""
        return [phrase for c in self.clauses for t in c for phrase in t.found_in(tokens)]

    def index_keys(self) -> tuple[str, ...]:
        """What an article must contain to be checked at all: a word of each term of one
        clause (the clause with the fewest terms, then the longest words: the rarest)."""
        clause = min(self.clauses, key=lambda c: (len(c), -min(len(_longest(t.phrase)) for t in c)))
        return tuple(dict.fromkeys(f"w:{_longest(p)}" for t in clause for p in t.phrases()))

    def text(self) -> str:
        """The watch as understood, written back as a search."""
        parts = [" OR ".join(t.text() for t in clause) for clause in self.clauses]
        parts += [f"-{t.text()}" for t in self.excluded]
        return " ".join(parts)

    def to_json(self) -> str:
        """The stored form."""
        return json.dumps(
            {
                "all": [
                    [[t.shown, list(t.phrase), [list(f) for f in t.forms]] for t in clause]
                    for clause in self.clauses
                ],
                "not": [[t.shown, list(t.phrase)] for t in self.excluded],
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, stored: str) -> "WordsQuery":
        """Read the stored form back."""
        data: dict[str, Any] = json.loads(stored)

        def term(item: list[Any]) -> Term:
            forms = tuple(tuple(str(k) for k in form) for form in (item[2:3] or [[]])[0])
            return Term(str(item[0]), tuple(str(k) for k in item[1]), forms)

        return cls(
            tuple(tuple(term(t) for t in clause) for clause in data["all"]),
            tuple(term(t) for t in data["not"]),
        )

    def signature(self) -> str:
        """The same watch however it was typed."""
        clauses = sorted(sorted(" ".join(t.phrase) for t in c) for c in self.clauses)
        excluded = sorted(" ".join(t.phrase) for t in self.excluded)
        return "words:" + json.dumps([clauses, excluded])


def is_words(text: str) -> bool:
    """Whether the text is written as words to search, not as a name."""
    plain = text.translate(_QUOTE_TABLE)
    tokens = plain.split()
    return '"' in plain or "OR" in tokens or any(t[:1] == "-" and t[1:2].isalnum() for t in tokens)


def _term(raw: str, with_forms: bool = True) -> Term | None:
    """One typed word or "phrase"; None for filler alone. A single unquoted word also
    matches its other forms and what it abbreviates (or its abbreviation)."""
    shown = " ".join(raw.strip('"').split())
    phrase = phrase_of(shown)
    if not phrase:
        return None
    if all(key in FILLER_KEYS for key in phrase):
        return None  # it would match nearly every article
    forms: tuple[Phrase, ...] = ()
    if with_forms and len(phrase) == 1 and not raw.startswith('"'):
        written = [*word_forms(shown)[1:], *abbreviation_of(shown)]
        forms = tuple(f for f in dict.fromkeys(map(phrase_of, written)) if f and f != phrase)
    return Term(shown, phrase, forms)


def parse_words(text: str) -> WordsQuery:
    """Read a words watch; `WatchQueryError` says what is wrong with it."""
    text = " ".join(text.translate(_QUOTE_TABLE).split())
    if len(text) > MAX_QUERY:
        raise WatchQueryError(f"A watch is at most {MAX_QUERY} characters.")
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    alternative = False
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw in {"OR", "|"}:
            alternative = bool(clauses)
            continue
        negative = raw.startswith("-") and len(raw) > 1
        term = _term(raw[1:] if negative else raw, with_forms=not negative)
        if term is None:
            continue
        if negative:
            excluded.append(term)
        elif alternative:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        alternative = False
    if not clauses:
        raise WatchQueryError("Give at least one word to look for (filler words are left out).")
    if sum(map(len, clauses)) + len(excluded) > MAX_TERMS:
        raise WatchQueryError(f"A watch has at most {MAX_TERMS} words and phrases.")
    return WordsQuery(tuple(tuple(c) for c in clauses), tuple(excluded))


def name_key(name: str) -> str:
    """The key an actor's name is watched by before the actor is in the archive: its words
    normalised (`alias_norm`) and transliteration-folded."""
    return " ".join(fold(word) for word in alias_norm(name).split())


def looks_like_name(text: str) -> bool:
    """Whether a text is written as a name: every word of it capitalised (filler aside)."""
    words = [m.group() for m in WORD.finditer(text)]
    named = [w for w in words if w.casefold() not in STOPWORDS or w.isupper()]
    return bool(named) and all(w[0].isupper() or w[0].isdigit() for w in named)
