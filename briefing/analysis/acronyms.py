"""Whether an acronym spells a name: "AMD" of "Advanced Micro Devices", "NATO", "PG&E" of
"Pacific Gas and Electric", "MoD" of "Ministry of Defence", "OECD" of "Organisation for
Economic Co-operation and Development", "Comex" of "Commodity Exchange".

Each word of the name gives the acronym a piece that starts the word (one letter or more);
small words ("of", "the", "and") and company suffixes ("Inc", "Corp") may give nothing, the
parts after a hyphen too, and "&" stands for "and". Pure text: no spaCy. Used by
`briefing.analysis.mentions` (an acronym in brackets after a name, or the name the model missed
before one) and `briefing.analysis.article_names` (an acronym joins the name it spells).
"""

import functools
import re

# Words an acronym may leave out or keep as one letter ("Ministry of Defence (MoD)").
_MINOR = frozenset(
    """of the and for to on in at by with de la le du des del der und von y et &""".split()
)
# Company forms an acronym may leave out at the end ("International Business Machines Corp").
COMPANY_FORMS = frozenset(
    """inc incorporated corp corporation co company ltd limited plc llc lp sa ag nv bv gmbh
    spa ab asa oyj group holdings""".split()
)
# The legal forms among them, never a common noun as well ("the company", "the group").
LEGAL_FORMS = COMPANY_FORMS - {"group", "holdings", "company", "corporation"}
_ACRONYM = re.compile(r"[A-Z][A-Za-z&.\-]*")
_NAME_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|&")


def ends_in_legal_form(name: str) -> bool:
    """Whether a name of two words or more ends in a company's legal form ("James Hardie Ltd",
    "Rose Milling Corp."): a firm, whatever its first words."""
    words = name.split()
    return len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_FORMS


def is_acronym(surface: str) -> bool:
    """An acronym as written: one word of 2 to 8 letters, starting with a capital, with at
    least two capitals ("AMD", "U.N.", "BoE", "PG&E", "TfL"); "Nato" and "Intel" are not."""
    if " " in surface or not _ACRONYM.fullmatch(surface):
        return False
    letters = [c for c in surface if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 8 and capitals >= 2 and capitals * 2 >= len(letters)


def _letters(acronym: str) -> str:
    return re.sub(r"[.\-]", "", acronym)


def _words(name: str) -> tuple[tuple[str, bool], ...]:
    """The name's words, each with whether the acronym may leave it out."""
    found: list[tuple[str, bool]] = []
    for chunk in name.split():
        parts = [p for p in re.split(r"[-‐‑]", chunk) if p]
        for i, part in enumerate(parts):
            for word in _NAME_WORD.findall(part):
                found.append((word, i > 0 or word.lower() in _MINOR))
    if len(found) > 2 and found[-1][0].lower() in COMPANY_FORMS:
        found[-1] = (found[-1][0], True)
    return tuple(found)


@functools.lru_cache(maxsize=4096)
def spells(acronym: str, name: str) -> bool:
    """Whether `acronym` is made of pieces starting the words of `name`, in order, every word
    but the small ones giving one (see the module docstring). A mixed-case acronym starts a
    piece at each capital: "BoE" is B-o-E, never "Bo" of "Bank"."""
    letters = _letters(acronym)
    words = _words(name)
    if len(letters) < 2 or sum(not optional for _, optional in words) < 2:
        return False
    mixed = not letters.isupper()

    @functools.cache
    def match(at: int, word: int) -> bool:
        if at == len(letters):
            return all(optional for _, optional in words[word:])
        if word == len(words):
            return False
        text, optional = words[word]
        if optional and match(at, word + 1):
            return True
        if text == "&" or letters[at] == "&":
            return letters[at] == "&" and text.lower() in ("and", "&") and match(at + 1, word + 1)
        for size in range(1, len(text) + 1):
            piece = letters[at : at + size]
            if len(piece) < size or piece.lower() != text[:size].lower():
                return False
            if mixed and size > 1 and piece[-1].isupper():
                return False
            if match(at + size, word + 1):
                return True
        return False

    return match(0, 0)
