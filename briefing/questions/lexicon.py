"""Whether a typed word is a word of the language or a known name, so that a question never
has it replaced by another word of the archive ("Iran" is not a typo of "Iraq", "send" not one
of "end").

The language is `wordfreq`'s English list (its large one; the data ships in the wheel); the
names are the gazetteer's countries, capitals, regions, organisations and groups with their
demonyms.
The list is read once, on the first word the archive lacks (importing and reading it takes about
a second, which a question that finds its words never pays).
"""

import re

from briefing.analysis import gazetteer

# Zipf frequency (log10 of uses per billion words) from which a word counts as real. The large
# list starts at 1.0; below 1.5 it is mostly web misspellings ("probabl", "fater"): measured on
# Reuters-21578, 2.5% of one-edit typos of its words reach 1.5 and those are mostly real words
# ("flocks"), while 87% of the words BBC News uses and Reuters never does (names, "drugmaker")
# reach it. A typo treated as real is not corrected but offered as a button; a real word
# corrected would change the question, so the line is drawn low.
REAL_WORD_ZIPF = 1.5


def zipf(word: str) -> float:
    """The word's Zipf frequency in English (0 for a word the list does not have); wordfreq's
    own lookup, so its list is loaded once for this and for ingest's story signatures."""
    import wordfreq  # about a second: only once a question has a word the archive lacks

    return float(wordfreq.zipf_frequency(word.casefold(), "en"))


def is_known_name(text: str) -> bool:
    """Whether the gazetteer knows the text as a country, capital, region, group or
    organisation, or one of their demonyms ("Iran", "Iranian", "Hamas", "NATO")."""
    return gazetteer.lookup(text) is not None


def is_real_word(word: str) -> bool:
    """Whether a word is English, a number or a known name, and so never to be corrected
    ("al-Qaeda": every part of a hyphenated word must be)."""
    if any(c.isdigit() for c in word) or is_known_name(word):
        return True
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return bool(parts) and all(zipf(p) >= REAL_WORD_ZIPF for p in parts)
