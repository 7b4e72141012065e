"""Whom an unnamed voice or a document never named before speaks for: the organisation a
verb of saying credited just before it ("…, the BBC has said. … "…," a spokeswoman said";
"…," the IMF said. … "…," the report said). A lawsuit speaks for whoever filed it, so never
for whoever spoke last."""

import bisect
from collections.abc import Callable

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex, is_main_verb
from briefing.analysis.clause_subjects import Subject
from briefing.analysis.descriptions import describes_someone_named
from briefing.analysis.gazetteer import PERSON
from briefing.analysis.roles import SPOKESPEOPLE

# Documents an organisation issues, which speak for it.
ISSUED_DOCUMENTS = frozenset({"statement", "report", "letter", "study", "survey"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Unnamed people who speak: "he"/"she" after them mean them, not someone named earlier.
VOICE_ROLES = frozenset(
    """spokesman spokeswoman spokesperson official analyst economist minister secretary
    president chairman chairwoman director executive lawyer manager leader head chief editor
    critic aide adviser advisor source officer representative negotiator diplomat
    prosecutor judge""".split()
)
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


def body_voiced(subject: Token, index: ActorIndex) -> bool:
    """Whether a main-clause subject is an organisation whose spokesperson speaks, the
    parser having taken the body for the subject ("A Department for Work and Pensions
    spokeswoman confirmed …. "…," she said": "she" is the department's voice)."""
    if subject.dep_ not in _SUBJECTS or not is_main_verb(subject.head):
        return False
    name = index.by_token[subject.i]
    if name is None or index.types.get(name) == PERSON:
        return False
    return any(word.lower_ in SPOKESPEOPLE for word in subject.subtree)


def voice_positions(
    doc: Doc,
    index: ActorIndex,
    quoted: Callable[[int], bool],
    person_in_phrase: Callable[[Token], str | None],
) -> list[int]:
    """Where unnamed voices lead a main clause outside quotation marks ("a spokesman said",
    "the analyst told …"), or a body whose spokesperson speaks, in text order."""
    return [
        t.i
        for t in doc
        if not quoted(t.idx)
        and (
            (
                t.dep_ in _SUBJECTS
                and t.lemma_.lower() in VOICE_ROLES
                and t.tag_ != "NNS"  # "officials say …. "…," he said": not whom "he" means
                and index.by_token[t.i] is None
                and is_main_verb(t.head)
                and not describes_someone_named(t)  # "the former Chelsea chairman" is Ken Bates
                and person_in_phrase(t) is None  # "a spokesman for X, Dr Y": Dr Y
            )
            or body_voiced(t, index)
        )
    ]
