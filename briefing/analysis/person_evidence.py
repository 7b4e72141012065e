"""Whether the words around a name say it is a person's, whatever the entity tagger read:
a noun of a person just before it ("trade professor Eswar Prasad", "defender Rio
Ferdinand"), one in apposition after it ("Eswar Prasad, a trade professor at Cornell"), or an
age after it ("Mikoliunas, 20,"). The tagger often reads an unfamiliar person's name as a
company or a place, and then nobody can be "he" or "she" for it.
"""

from spacy.tokens import Doc, Span

from briefing.analysis.acronyms import COMPANY_FORMS
from briefing.analysis.genders import first_name_gender
from briefing.analysis.roles import PERSON_NOUNS, ROLE_NOUNS
from briefing.analysis.speech_verbs import is_speech_verb

_YOUNGEST, _OLDEST = 14, 110  # ", 20," after a name: an age only within these
# Nouns a company may be described by as well ("BP, a big investor", "TV producer Illuminations").
_FIRMS_TOO = frozenset("investor producer owner host leader founder director head agent".split())
_NOUNS = PERSON_NOUNS - _FIRMS_TOO
_FIRM_WORDS = frozenset("corp co inc ltd plc llc group holdings brothers bros & and".split())
# Last words of a body's name, never of a person's: "the Terrence Higgins Trust".
BODY_ENDINGS = frozenset(
    "trust foundation fund association federation institute society council league".split()
)
# Nouns only an organisation is described by: "environmental group Transport 2000".
_ORGANISATION_NOUNS = frozenset(
    """group company firm charity organisation organization watchdog regulator association
    agency union daily newspaper paper tabloid weekly magazine broadcaster""".split()
)
# Company forms that are common nouns too ("Stan Lee's company", "Mr Howard's group").
_NOUNS_TOO = frozenset({"company", "group", "holdings", "corporation"})
# Kin only a person has, after a possessive name ("Juninho's father").
_KIN = frozenset(
    """father mother wife husband son daughter brother sister girlfriend boyfriend fiancee
    fiance widow parents""".split()
)
# Nouns of a kind of business that names in apposition after them are ("two airlines, …").
_BUSINESS_NOUNS = _ORGANISATION_NOUNS | frozenset(
    "airline bank carmaker retailer insurer broker supermarket newspaper club".split()
)
# Nouns a title of the press is named before: "the Standard newspaper", "Il Tempo daily".
_PRESS_NOUNS = frozenset("daily newspaper paper tabloid weekly magazine".split())


def speaks_by_first_name(doc: Doc, start: int, end: int) -> bool:
    """Whether a name opened by a known first name ("Rio Ferdinand", "said Ferdinand" aside)
    is the subject of a verb of saying: a person speaking, whatever the tagger read."""
    words = [t for t in doc[start:end] if not t.is_punct]
    if not 2 <= len(words) <= 3 or first_name_gender(words[0].text) is None:
        return False
    if words[0].lower_ in ROLE_NOUNS or any(t.lower_ in _FIRM_WORDS for t in doc[start:end]):
        return False  # "General Motors Corp", "Ernst & Young"
    if words[-1].lower_ in BODY_ENDINGS:
        return False  # "the Terrence Higgins Trust said": a charity named after a man
    root = doc[start:end].root
    return root.dep_ in {"nsubj", "dobj", "attr", "npadvmod"} and is_speech_verb(root.head)


def described_as_person(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) is described as a person's next to it, given
    as someone's real name, owns kin, or is "himself" or "herself"."""
    if not doc[end - 1].text[-1:].isalpha():
        return False  # "Dan Glickman, D-Kans., chairman of …": a party's tag
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in _NOUNS and before.pos_ in {"NOUN", "PROPN"}:
        return True
    root = doc[start:end].root
    appositions = root.children if end < len(doc) and doc[end].text == "," else ()
    if any(c.dep_ == "appos" and c.lower_ in _NOUNS for c in appositions):
        return True
    if root.dep_ == "attr" and any(
        c.dep_ == "nsubj" and c.lower_ == "name" for c in root.head.children
    ):
        return True  # "whose real name is Jayceon Taylor"
    if root.dep_ == "poss" and root.head.lower_ in _KIN:
        return True  # "Juninho's father": no firm has one
    if end < len(doc) and doc[end].lower_ in {"himself", "herself"}:
        return True  # "even Federer himself"
    return _aged(doc, end)


def described_as_organisation(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) follows a noun only an organisation is
    described by ("environmental group Transport 2000", "Roman daily Il Tempo") or has one
    in apposition after it ("Icstis, the premium rate watchdog"), or names a title of the
    press ("the Standard newspaper"), whatever the tagger read."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in _ORGANISATION_NOUNS and before.pos_ == "NOUN":
        return True
    if before is not None and before.lower_ in _PRESS_NOUNS and start <= before.head.i < end:
        return True  # "daily" tagged an adverb
    if end < len(doc) and doc[end].lower_ in _PRESS_NOUNS and doc[end].pos_ == "NOUN":
        return True
    if _company_form_after(doc, end):
        return True  # "Jardine Fleming (Securities) Ltd economist …"
    root = doc[start:end].root
    if root.dep_ == "conj" and root.head.dep_ == "appos":
        root = root.head  # "two airlines, Sabena and SAS"
    if (
        root.dep_ == "appos"
        and root.head.lemma_.lower() in _BUSINESS_NOUNS
        and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in root.head.children)
    ):
        return True  # "two airlines, Sabena …", not "the Times newspaper, Ms Dunwoody"
    if end >= len(doc) or doc[end].text != ",":
        return False
    appositions = [c for c in root.children if c.dep_ == "appos"]
    # the first apposition says what the name is: "Lisa Power, head of policy at Aids
    # charity …" is the head, not the charity
    return bool(appositions) and appositions[0].lower_ in _ORGANISATION_NOUNS | BODY_ENDINGS


def _company_form_after(doc: Doc, end: int) -> bool:
    """Whether a company's legal form follows a name, after a bracketed part if any."""
    if end < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end : end + 6] if t.text == ")"), None)
        end = close + 1 if close is not None else end
    if end >= len(doc) or doc[end].lower_.rstrip(".") not in COMPANY_FORMS - _NOUNS_TOO:
        return False
    return end + 1 >= len(doc) or doc[end + 1].text != "-"  # not "Lee co-created"


def says_he_or_she(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) is the subject of a verb whose clause goes on
    with "he" or "she" ("Federer admitted he was under pressure"): a person, as a firm
    would be "it", whatever the tagger read."""
    root = doc[start:end].root
    if root.dep_ != "nsubj":
        return False
    clauses = [c for c in root.head.children if c.dep_ == "ccomp"]
    return any(
        c.dep_ == "nsubj" and c.lower_ in {"he", "she"}
        for clause in clauses
        for c in clause.children
    )


# Verbs "it" is a company doing in what it says ("Novartis said it would merge …"); not "be",
# "take" or "cost", which "it" of no one may do ("Mr Lee said it would take years").
_COMPANY_DOINGS = frozenset(
    """merge buy sell acquire expect plan intend hope aim cut close open hire pay report
    raise reduce own operate launch agree decide offer seek sue ask receive file sign
    consider complete""".split()
)


def says_it(doc: Doc, start: int, end: int) -> bool:
    """Whether the name at tokens [start, end) is the subject of a verb of saying whose
    clause goes on with "it" doing what a company does ("Novartis said it would merge …"):
    an organisation, as a person would be "he" or "she"."""
    root = doc[start:end].root
    if root.dep_ != "nsubj" or not is_speech_verb(root.head):
        return False
    clauses = [c for c in root.head.children if c.dep_ == "ccomp"]
    return any(
        c.dep_ == "nsubj" and c.lower_ == "it" and clause.lemma_.lower() in _COMPANY_DOINGS
        for clause in clauses
        for c in clause.children
    )


def _aged(doc: Doc, end: int) -> bool:
    """Whether ", 20," follows the name."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text != ",":
        return False
    number = doc[end + 1].text
    return number.isdigit() and _YOUNGEST <= int(number) <= _OLDEST


def names_an_office_holder(span: Span) -> bool:
    """A name in apposition to an office or a job ("Mexico's deputy planning minister, Pedro
    Aspe Armella"), all of it capitalised proper names: a person, whatever the tagger said."""
    root = span.root
    return (
        len(span) > 1
        and root.dep_ == "appos"
        and root.head.lower_ in ROLE_NOUNS
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
    )
