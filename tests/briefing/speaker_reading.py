"""The speakers of an article's direct quotes, as the bot reads them: shared by the quote tests."""

from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import parse_article
from briefing.analysis.quotes import extract_quotes


def speakers(title: str, body: str) -> list[str | None]:
    """The speaker of each direct quote of a pasted article, in text order."""
    doc = parse_article(title, body)
    return [q.speaker for q in extract_quotes(doc, extract_actors(doc)) if q.direct]


def actor_types(title: str, body: str) -> dict[str, str]:
    """Each actor of a pasted article by name, with its type, as the bot reads them."""
    return {actor.name: actor.type for actor in extract_actors(parse_article(title, body))}
