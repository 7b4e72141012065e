"""One place an article names an actor, as found and then joined to the actor it names."""

from dataclasses import dataclass

UNSURE = ""  # a NORP the gazetteer does not know: kept only if it repeats a person's name


@dataclass
class NameMention:
    """One place an article names an actor: token bounds, text, type, comparison key, the
    gazetteer actor when it is one, and (once resolved) the actor it joins."""

    start: int
    end: int
    surface: str
    type: str
    key: str
    canonical: str | None  # the gazetteer actor, when it is one
    target: str = ""
