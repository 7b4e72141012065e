"""Bodies of a state that speak without a name of their own ("Russia's foreign ministry said",
"the French government said"): an organisation named by its country and the body, so that
their words go to an actor and never to a place, which cannot speak."""

from spacy.tokens import Doc, Token

from briefing.analysis import gazetteer
from briefing.analysis.gazetteer import ORGANISATION, PLACE
from briefing.analysis.mention_model import NameMention
from briefing.analysis.speech_verbs import is_speech_verb
from briefing.names import normalise_name

_BODIES = frozenset(
    """ministry government embassy cabinet presidency army military police parliament
    regime""".split()
)
# Nouns that are a body only when capitalised ("the Scottish Executive said", not "the
# American executive said").
_CAPITALISED_BODIES = frozenset({"executive"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def institution_names(doc: Doc, found: list[NameMention]) -> list[NameMention]:
    """`found` with the state bodies that speak added, in text order: the body's words are
    the mention ("foreign ministry"), its name the whole phrase ("Russia's foreign ministry"),
    so the country stays a mention of its own."""
    extra: list[NameMention] = []
    for token in doc:
        if not _speaking_body(token):
            continue
        countries = [child for child in token.children if _names_a_country(child)]
        if not countries:
            continue
        country = min(countries, key=lambda child: child.i)
        start = country.right_edge.i + 1  # the body's own words: "Russia" stays a mention
        surface = doc[country.left_edge.i : token.i + 1].text
        extra.append(
            NameMention(start, token.i + 1, surface, ORGANISATION, normalise_name(surface), None)
        )
    if not extra:
        return found
    covered = {i for m in extra for i in range(m.start, m.end)}
    kept = [m for m in found if not any(i in covered for i in range(m.start, m.end))]
    return sorted(kept + extra, key=lambda m: m.start)


def _speaking_body(token: Token) -> bool:
    return (
        (token.lower_ in _BODIES or (token.lower_ in _CAPITALISED_BODIES and token.is_title))
        and token.dep_ in _SUBJECTS
        and is_speech_verb(token.head)
        and not any(
            child.dep_ == "prep" or (child.dep_ == "compound" and not _names_a_country(child))
            for child in token.children
        )
    )


def _names_a_country(child: Token) -> bool:
    """ "Russia's" or "French" before the body's noun."""
    if child.dep_ == "poss":
        entry = gazetteer.lookup(child.text)
        return entry is not None and entry.type == PLACE
    return child.dep_ in {"amod", "compound"} and gazetteer.is_demonym(child.text)
