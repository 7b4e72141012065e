"""Which entities the tagger found are no actor's name: amounts, dates, contests, titles
alone, a headline's label, a common word opening a sentence, a description ("the 25-year-old
Dubliner"). Used by `briefing.analysis.mentions`."""

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from briefing.analysis.gazetteer import is_nationality_noun
from briefing.analysis.roles import PERSON_NOUNS, only_titles
from briefing.names import PARTICLES

# Words of a title before a name ("Foreign Minister Sergei Lavrov"), not part of the name.
TITLE_WORDS = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady king queen prince princess sheikh emir crown
    president vice prime minister secretary state chancellor premier general gen brig
    brigadier col colonel lt lieutenant capt captain maj major admiral sen senator rep
    representative gov governor mayor judge justice ayatollah pope rev reverend father
    cardinal archbishop bishop chairman chairwoman chief executive ceo commander spokesman
    spokeswoman ambassador envoy deputy leader director head former late opposition
    commissioner foreign defence defense interior finance economy trade health labour labor
    energy""".split()
)
# Words that come before a person's name, never last in it.
_HONOURS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "baroness"})
_TIME_ZONES = frozenset({"gmt", "bst", "utc", "est", "edt", "pst", "pdt", "cet", "cest"})
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
# The last word of a contest or an award, not of an actor: "European Indoor Championships".
_EVENT_WORDS = frozenset(
    """championship championships prix award awards prize prizes olympics indoors trophy
    tournament cup games marathon""".split()
)
# The last word of a piece of software named like a company: "the Bankash-A Trojan".
_MALWARE_WORDS = frozenset({"virus", "worm", "trojan"})
# Members of an assembly, named as a group but no actor: "MPs said".
_MEMBERS = frozenset({"mps", "meps", "msps", "mlas"})
_AMOUNT = re.compile(r"[\W\d_]*\d[\W\d_]*(?:bn|tn|m|k|s|st|nd|rd|th)?", re.IGNORECASE)


def is_junk(span: Span, surface: str, common: Callable[[str], bool]) -> bool:
    words = [t for t in span if not t.is_punct]  # "Ministry of Economy, Trade and Industry"
    if len(surface) < 2 or len(words) > 6 or not any(c.isalpha() for c in surface):
        return True
    if _AMOUNT.fullmatch(surface) or span[-1].lower_ in _EVENT_WORDS | _MALWARE_WORDS:
        return True  # "280bn", "7:39.89"; "the Birmingham Grand Prix"
    led = surface[0].isupper() or surface[0].isdigit() or _particle_led(surface)
    if not led or any(t.is_space for t in span):
        return True
    if surface.count("(") != surface.count(")") or only_titles(surface.split()):
        return True  # cut off inside a parenthesis; "the Bishop", "the Rt Rev Dr"
    if re.search(r"[A-Za-z0-9]:\s", surface):
        return True  # a headline's label: "Bulletin 083: Pellow Oakum", "Live: Kyiv"
    if len(span) == 1:
        lower = span[0].lower_.rstrip(".")
        if lower in STOP_WORDS or lower in _CALENDAR or lower in _TIME_ZONES:
            return True
        if lower in _MEMBERS:
            return True  # "MPs": members of a body, no body's name
        if lower.endswith(("man", "men")) and is_nationality_noun(lower):
            return True  # "the Dutchman said": one of a people, no one's name
        if in_description(span):
            return True  # "the ex-Wallaby", "X, Head Trader at …": a description
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if lower in TITLE_WORDS and after is not None and after.is_title:
            return True  # "Defence" of "Defence Secretary Amina Wekesa"
        if span[0].is_sent_start and common(lower):
            return True
        if span[0].pos_ == "ADJ" and span[0].dep_ == "amod" and span[0].ent_type_ != "ORG":
            return True  # "the Olympic heptathlon champion", not "Labour campaign chiefs"
    return False


def cut_before_name(span: Span) -> bool:
    """Whether a person's would-be name ends with a word that only comes before a name
    ("Tory Lord" of "Tory Lord Campbell"): the name itself was cut off."""
    return len(span) > 1 and span[-1].lower_.rstrip(".") in _HONOURS


def in_description(span: Span) -> bool:
    """Whether a one-word name is part of a description: after "ex-" ("the ex-Wallaby"), or
    a person's noun after a title word ("Head Trader")."""
    doc, at = span.doc, span.start
    before = [t.lower_ for t in doc[max(0, at - 2) : at]]
    if before[-2:] == ["ex", "-"] or (before and before[-1] == "ex-"):
        return True
    return bool(before) and before[-1] in TITLE_WORDS and span[0].lower_ in PERSON_NOUNS


def described(word: Token) -> bool:
    """Whether "the" opens a description ending with a word ("the 25-year-old Dubliner"),
    no other name between ("the Foreign Policy Centre Mr Straw" names Mr Straw)."""
    return any(
        c.lower_ == "the" and not any(t.is_title for t in word.doc[c.i + 1 : word.i])
        for c in word.lefts
    )


def _particle_led(surface: str) -> bool:
    """Whether a name opens with a surname's particle ("al-Chalabi", "van Gaal")."""
    first, _, rest = surface.replace("-", " ", 1).partition(" ")
    return first in PARTICLES and rest[:1].isupper()
