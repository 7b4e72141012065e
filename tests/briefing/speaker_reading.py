"""The speakers of an article's direct quotes, as the bot reads them: shared by the quote tests."""

from collections.abc import Callable

from spacy.tokens import Doc

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.actors import extract_actors
from briefing.analysis.attribution import Attributor
from briefing.analysis.nlp import load_pipeline, parse_article
from briefing.analysis.quotes import extract_quotes


def speakers(title: str, body: str) -> list[str | None]:
    """The speaker of each direct quote of a pasted article, in text order."""
    doc = parse_article(title, body)
    return [q.speaker for q in extract_quotes(doc, extract_actors(doc)) if q.direct]


def actor_types(title: str, body: str) -> dict[str, str]:
    """Each actor of a pasted article by name, with its type, as the bot reads them."""
    return {actor.name: actor.type for actor in extract_actors(parse_article(title, body))}


_LEMMAS = {"said": "say", "told": "tell", "says": "say", "agreed": "agree"}


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A sentence as the parser read it, for rules about parses it makes on some texts only."""
    lemmas = [_LEMMAS.get(word.lower(), word.lower()) for word in words]
    return Doc(load_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


Actors = dict[tuple[int, int], tuple[str, str]]  # token span -> (name, type)


def indexed(doc: Doc, actors: Actors) -> ActorIndex:
    """An actor index of a hand-built parse, with actors at the given token spans."""
    by_token: list[str | None] = [None] * len(doc)
    for (start, end), (name, _kind) in actors.items():
        by_token[start:end] = [name] * (end - start)
    return ActorIndex(by_token, dict(actors.values()), subjects=[])


def attributor(doc: Doc, actors: Actors, quoted: Callable[[int], bool]) -> Attributor:
    """The attributor of a hand-built parse; `quoted` tells which characters are quoted."""
    return Attributor(doc, indexed(doc, actors), quoted)
