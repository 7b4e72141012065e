"""The gender a person's name tells, for "he"/"she": from a title (Mr, Mrs, Ms, Sir, Lady …)
or a first name that `gender-guesser` knows as only male or only female. Names it calls
androgynous or "mostly" one gender, and names it does not know, tell nothing, so they stay
candidates for either pronoun (when unsure, leave it open).

The name lists ship in the `gender-guesser` package; they are read once, on the first name
that needs them (about a quarter of a second).
"""

from functools import lru_cache
from typing import Protocol

MALE = "male"
FEMALE = "female"

HONORIFICS = {
    "mr": MALE,
    "sir": MALE,
    "lord": MALE,
    "mrs": FEMALE,
    "ms": FEMALE,
    "miss": FEMALE,
    "lady": FEMALE,
    "dame": FEMALE,
}
# The honorifics anyone may take, not a peer's title: "Mr Straw", "Ms Gavron".
MISTERS = frozenset({"mr", "mrs", "ms", "miss"})
# The countries whose usage the news read follows: a name mostly the other gender's in one
# of them tells nothing ("Jan" is a man's name in much of Europe, a woman's in Britain).
_READERS_COUNTRIES = ("great_britain", "usa")
PRONOUNS = {"he": MALE, "him": MALE, "she": FEMALE, "her": FEMALE}


class _Detector(Protocol):
    def get_gender(self, name: str, country: str | None = None) -> str: ...


@lru_cache(maxsize=1)
def _detector() -> _Detector:
    from gender_guesser.detector import Detector  # type: ignore[import-untyped]

    detector: _Detector = Detector(case_sensitive=False)
    return detector


def title_gender(word: str) -> str | None:
    """The gender a title tells ("Mr" → male, "Ms." → female), else None."""
    return HONORIFICS.get(word.rstrip(".").lower())


@lru_cache(maxsize=4096)
def first_name_gender(word: str) -> str | None:
    """MALE or FEMALE when a first name is only that gender's, and not mostly the other's
    in Britain or the United States, else None."""
    if not word.isalpha() or len(word) < 2:
        return None
    detector = _detector()
    found = detector.get_gender(word)
    if found not in (MALE, FEMALE):
        return None
    other = FEMALE if found == MALE else MALE
    for country in _READERS_COUNTRIES:  # "Jan" and "Toni" are men's names elsewhere only
        if detector.get_gender(word, country) in (other, f"mostly_{other}"):
            return None
    return found


def is_first_name(word: str) -> bool:
    """Whether a word is a first name `gender-guesser` knows, of either gender or both."""
    return word.isalpha() and len(word) > 1 and _detector().get_gender(word) != "unknown"


def name_gender(name: str) -> str | None:
    """The gender a full name tells by its title or its first name, else None; a name of
    one word only when it is a known first name, as for a person the article names by it
    alone ("his wife, Nancy"), since a surname alone tells nothing."""
    words = name.split()
    if len(words) < 2:
        return first_name_gender(name)
    return title_gender(words[0]) or first_name_gender(words[0])


def compatible(gender: str | None, wanted: str | None) -> bool:
    """Whether a person of `gender` may be meant by a pronoun of `wanted` gender."""
    return gender is None or wanted is None or gender == wanted
