"""Names the tagger missed that a verb of saying shows to be someone's ("General Acquisition
said", "said General Guven Ergenc"): two to four capitalised proper nouns as the subject of a
verb of saying, which only a person or an organisation can be; lower-case particles of
surnames ("Du Plessis said") belong to them. A person when a title goes before them, an
honorific, a peer's title or a first name known as a man's or a woman's opens them, or a
particle shows a surname; else an organisation. A single such word ("said Idowu") counts
when nothing joins it to other words, and is a person unless "it" goes on for it.
A place the gazetteer knows, a date or a word the article also writes in lower case is no
such name, unless a known first name opens it ("Theresa May" where the article writes "may");
a name in apposition to a subject that speaks is one ("The Shadow Secretary …, Theresa May,
said")."""

from spacy.tokens import Doc, Span, Token

from briefing.analysis import gazetteer
from briefing.analysis.acronyms import COMPANY_FORMS
from briefing.analysis.gazetteer import ORGANISATION, PERSON, is_demonym
from briefing.analysis.genders import HONORIFICS, first_name_gender
from briefing.analysis.mention_model import NameMention
from briefing.analysis.name_checks import in_description
from briefing.analysis.person_evidence import BODY_ENDINGS
from briefing.analysis.roles import ROLE_NOUNS
from briefing.analysis.speech_verbs import is_speech_verb
from briefing.names import PARTICLES, normalise_name

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_INVERTED = frozenset({"nsubj", "dobj", "attr", "appos", "npadvmod", "dep"})
_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})
_MAX_WORDS = 5
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their"})
_NAME_GOES_ON = frozenset({"and", "&", "of", "for", "'s", "’s", "("})
_BODIES = frozenset(
    """department ministry agency office corp committee council commission bureau institute
    government court board union party""".split()
)
# Lower-case words inside surnames ("Barend du Plessis", "Willy de Clercq").
# Titles before a name that the role words of `roles` do not hold.
_MORE_TITLES = frozenset(
    """councillor cllr alderman sheriff detective inspector sergeant constable officer
    professor prof dr rev father""".split()
)


def speaking_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """`found` with the speaking names the tagger missed added, in text order."""
    taken = {i for m in found for i in range(m.start, m.end)}
    lowered = {t.lower_ for t in doc if t.is_lower}
    extra: list[NameMention] = []
    for token in doc:
        if token.i in taken or not _speaks(token):
            continue
        span = _name_ending_at(doc, token, taken) or _lone_surname(doc, token)
        titled = False
        while span is not None and len(span) > 2 and _is_title(span[0]) and not _a_body(span):
            span, titled = span[1:], True  # "General Guven Ergenc", not "General Acquisition Co"
        if span is None or not _is_name(span, lowered):
            continue
        if len(span) == 1:
            kind = _lone_kind(token)
        else:
            kind = PERSON if titled or _reads_as_person(span) else ORGANISATION
        extra.append(
            NameMention(span.start, span.end, span.text, kind, normalise_name(span.text), None)
        )
        taken.update(range(span.start, span.end))
    return sorted(found + extra, key=lambda m: m.start) if extra else found


def _speaks(token: Token) -> bool:
    if token.pos_ != "PROPN" or not token.is_title:
        return False
    if token.dep_ in _SUBJECTS and is_speech_verb(token.head):
        return True
    if token.dep_ == "appos" and token.head.dep_ in _SUBJECTS:
        return is_speech_verb(token.head.head)  # "The Shadow Secretary …, Theresa May, said"
    return token.dep_ in _INVERTED and token.head.i < token.i and is_speech_verb(token.head)


def _name_ending_at(doc: Doc, token: Token, taken: set[int]) -> Span | None:
    start = token.i
    while (
        start > 0
        and token.i - start + 1 < _MAX_WORDS
        and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN"
        and (doc[start - 1].is_title or doc[start - 1].lower_ in PARTICLES)
        and doc[start - 1].i not in taken
    ):
        start -= 1
    return doc[start : token.i + 1] if token.i > start else None


def _lone_surname(doc: Doc, token: Token) -> Span | None:
    """A single word as the subject of a verb of saying ("said Idowu", "Ogpin denied"),
    when nothing around it makes it part of a longer name, a body or a description."""
    if token.dep_ != "nsubj" or len(token.text) < 3 or not token.is_alpha:
        return None
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and (before.is_title or before.lower_ in _DETERMINERS):
        return None
    if after is not None and (after.is_title or after.lower_ in _NAME_GOES_ON):
        return None
    if token.lower_ in _BODIES or is_demonym(token.text):
        return None
    if any(c.dep_ in {"det", "amod", "nummod"} for c in token.children):
        return None  # "the 25-year-old Dubliner": a description
    return doc[token.i : token.i + 1]


def _lone_kind(token: Token) -> str:
    """A person, as a lone surname that speaks mostly is, unless its sentence goes on with
    "it" or "its" for it ("Gazprom has announced it …")."""
    rest = token.doc[token.i + 1 : token.sent.end]
    return ORGANISATION if any(t.lower_ in {"it", "its"} for t in rest) else PERSON


def _is_name(span: Span, lowered: set[str]) -> bool:
    if any(t.ent_type_ in _NOT_NAMES for t in span) or in_description(span):
        return False
    words = [t for t in span if t.lower_ not in PARTICLES]
    if words and words[0].i == span.start and _opens_as_person(words[0]):
        if words[0].lower_.rstrip(".") not in HONORIFICS:
            lowered = set()  # "Theresa May" although the article also writes "may"
        words = words[1:]  # "Lord Nicholls" although the article also speaks of a "law lord"
    titles = set() if _a_body(span) else ROLE_NOUNS | _MORE_TITLES  # "General … Co" a firm
    if not words or any(t.lower_ in lowered or t.lower_ in titles for t in words):
        return False
    return gazetteer.lookup(span.text) is None


def _is_title(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in ROLE_NOUNS or word in HONORIFICS or word in _MORE_TITLES


def _opens_as_person(token: Token) -> bool:
    """An honorific or a first name, not a title that is also one ("General")."""
    word = token.lower_.rstrip(".")
    if word in HONORIFICS:
        return True
    return word not in ROLE_NOUNS and first_name_gender(token.text) is not None


def _a_body(span: Span) -> bool:
    """Whether a name ends with a body's word or a company's form ("… Trust", "… Co")."""
    return span[-1].lower_.rstrip(".") in BODY_ENDINGS | _BODIES | COMPANY_FORMS


def _reads_as_person(span: Span) -> bool:
    if _a_body(span):
        return False  # "the Terrence Higgins Trust said", though a first name opens it
    before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
    return (
        before in HONORIFICS
        or _opens_as_person(span[0])
        or any(t.lower_ in PARTICLES for t in span)  # "du Plessis"
    )
