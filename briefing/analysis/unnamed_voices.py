"""Whom an unnamed voice or a document never named before speaks for: the organisation a
verb of saying credited just before it ("…, the BBC has said. … "…," a spokeswoman said";
"…," the IMF said. … "…," the report said). A lawsuit speaks for whoever filed it, so never
for whoever spoke last."""

import bisect

from spacy.tokens import Token

from briefing.analysis.clause_subjects import Subject

# Documents an organisation issues, which speak for it.
ISSUED_DOCUMENTS = frozenset({"statement", "report", "letter", "study", "survey"})
_REACH = 2  # sentences before the voice's own that the organisation may have spoken in


def body_spoke_before(voice: Token, bodies: list[tuple[int, str]]) -> Subject | None:
    """The organisation of `bodies` (token position, name; in text order) credited in the
    two sentences before a voice's, given as if it stood where the voice's sentence starts."""
    at = bisect.bisect_left(bodies, (voice.i, "")) - 1
    if at < 0:
        return None
    doc, start = voice.doc, voice.sent.start
    for _ in range(_REACH):
        start = doc[start - 1].sent.start if start > 0 else 0
    position, name = bodies[at]
    return (voice.sent.start, name) if position >= start else None


def report_of_body(document: Token, bodies: list[tuple[int, str]]) -> str | None:
    """Whose "the report" is when the article never named it before: the organisation
    credited with words just before it."""
    if document.lower_ not in ISSUED_DOCUMENTS or not any(
        c.lower_ == "the" for c in document.lefts
    ):
        return None
    nearest = body_spoke_before(document, bodies)
    return nearest[1] if nearest else None
