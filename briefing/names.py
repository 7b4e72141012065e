"""Names compared the one way ingest and questions share: the comparison key of a name, the
transliteration fold of a word, and how alike two name words are.

Actor resolution at ingest (`briefing.analysis.known_actors`, and the joining of names within
an article) and actor matching in questions (`briefing.questions.actor_names`) both use these,
so a name joined at ingest by one spelling is found in a question by the other. Pure: no
spaCy, no storage.

Stored aliases keep their `normalise_name` key (the `norm` column); the fold is applied only
when comparing, in memory, so changing it never needs a migration.
"""

import functools
import re
import unicodedata

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

# Two spellings of one name word are taken as the same at or above this similarity (0-100),
# after transliteration folding; tuned on the name pairs in tests/briefing/test_actors.py.
WORD_SIMILARITY = 85.0
# Lower-case words that belong to a surname ("Frits van Horick", "Fadhil al-Chalabi").
PARTICLES = frozenset("de du da di del della der den van von le la al el bin ibn dos das".split())
FEMININE_ENDING = "a"  # Slavic surnames: Ivanov / Ivanova are two people

_ARTICLE = re.compile(r"^(?:al|el|ul)$")
# Spellings that transliteration chooses between, folded to one (applied in this order).
_FOLDS = (
    ("sch", "sh"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("ks", "x"), ("dh", "d"), ("q", "k"),
    ("w", "v"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("j", "i"),
)  # fmt: skip


def _without_accents(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=1 << 16)
def normalise_name(name: str) -> str:
    """A comparison key for a name: case, diacritics, apostrophes, hyphens, dots and the
    Arabic article "al-" folded, so "Bashar al-Assad", "Bashar Al Assad" and "BASHAR ASSAD"
    agree. A leading "the" and a possessive "'s" are dropped. Cached: resolving an article's
    actors compares them with every alias of each candidate, the same few thousand names."""
    text = _without_accents(name)
    text = re.sub(r"[’‘`ʼ´]", "'", text)
    text = re.sub(r"'s$", "", text.strip())
    text = text.replace("'", "")
    text = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", text)  # u.s.a. -> usa.
    text = re.sub(r"[\W_]+", " ", text)
    words = text.split()
    while words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    stripped = [w for w in words if not _ARTICLE.match(w)]
    return " ".join(stripped or words)


def alias_norm(alias: str) -> str:
    """The key an alias is stored and looked up by: `normalise_name`, or the alias case
    folded when nothing of it is left ("--")."""
    return normalise_name(alias) or alias.casefold()


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A spelling key that forgets transliteration choices: Sergey/Sergei, Lavrof/Lavrov,
    Khodorkovsky/Hodorkovski, Dmitriy/Dmitrij.

    Remembered: typo search folds the same few words against many names and terms."""
    word = _without_accents(word)
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"(?<=.)v$", "f", word)  # final v and f sound alike: Lavrov / Lavrof


def allowed_edits(word: str) -> int:
    """Typos tolerated in a word: none up to three letters, one up to six, then two."""
    length = len(word)
    return 0 if length <= 3 else 1 if length <= 6 else 2


def distance(typed: str, known: str) -> int:
    """Typos between two words (a swap of neighbours is one), the smaller of the plain and
    the transliteration-folded spellings."""
    return min(OSA.distance(typed, known), OSA.distance(fold(typed), fold(known)))


def word_similarity(a: str, b: str) -> float:
    """How alike two name words are (0-100), the better of the plain and folded spellings;
    a surname and its feminine form ("ivanov", "ivanova") are not alike at all."""
    if a == b:
        return 100.0
    if a + FEMININE_ENDING == b or b + FEMININE_ENDING == a:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.ratio(fold(a), fold(b)))


def person_key(key: str) -> str:
    """A person's key without initials: "vladimir v putin" -> "vladimir putin"."""
    words = [w for w in key.split() if len(w) > 1]
    return " ".join(words) if words else key
