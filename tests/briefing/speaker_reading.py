"""The speakers of an article's direct quotes, as the bot reads them: shared by the quote tests."""

from spacy.tokens import Doc

from briefing.analysis.actors import extract_actors
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
