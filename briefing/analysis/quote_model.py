"""A quote as analysis stores it: who said what, directly or reported."""

from dataclasses import dataclass

MIN_QUOTE_WORDS = 3  # fewer quoted words are a phrase ("very happy"), not a quote


@dataclass
class Quote:
    """What someone said: the canonical speaker (None if unknown), the words, the source
    sentence(s), whether it was quoted directly, and where it stands in the parsed text
    (character offsets of its first opening and last closing mark, or of the reported clause)."""

    speaker: str | None
    text: str
    sentence: str
    direct: bool
    start: int = -1
    end: int = -1
