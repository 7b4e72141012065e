"""Firms the tagger cut in two at "and Co": "Robert W. Baird and Co Inc" read as the person
"Robert W. Baird" and the organisation "Co Inc.", "Goldman Sachs and Co" with "Co" left out.
The partners' names and "and Co" are one firm's name, which a quote credited to it must not
take for a person."""

from spacy.tokens import Doc

from briefing.analysis.acronyms import LEGAL_FORMS
from briefing.analysis.gazetteer import ORGANISATION
from briefing.analysis.mention_model import NameMention
from briefing.names import normalise_name

_AND = frozenset({"and", "&"})
_PARTNERS = frozenset({"co", "cos"})  # "and Co", "& Co."


def joined_firms(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """The mentions with each name followed by "and Co" (and a legal form, tagged or not)
    made one organisation, the mention of "Co …" the tagger found after it taken in."""
    starts = {m.start: m for m in found}
    dropped: set[int] = set()
    joined: dict[int, NameMention] = {}
    for mention in found:
        end = mention.end
        if end + 1 >= len(doc) or mention.start in dropped:
            continue
        if doc[end].lower_ not in _AND or doc[end + 1].lower_.rstrip(".") not in _PARTNERS:
            continue
        last = end + 2
        if (tail := starts.get(end + 1)) is not None:
            last = max(last, tail.end)
            dropped.add(tail.start)
        while last < len(doc) and doc[last].lower_.rstrip(".") in LEGAL_FORMS:
            last += 1
        name = doc[mention.start : last].text
        joined[mention.start] = NameMention(
            mention.start, last, name, ORGANISATION, normalise_name(name), None
        )
    if not joined:
        return found
    return [joined.get(m.start, m) for m in found if m.start not in dropped]
