"""What a question asks for once resolved against a chat's archive: a `Plan` of groups (each
an actor by any of its names, or a word), the speakers of a quote question, the date and source
filters, and the corrections made to typed words."""

import re
from dataclasses import dataclass, field

from briefing.questions.understanding import Question
from storage import Filters


@dataclass(frozen=True)
class Group:
    """One part of a question the answer should be about: a word, or an actor by any name."""

    label: str  # the word searched, or the actor's name
    match: str  # a safe FTS5 expression ("" when only the actor's mentions can find it)
    forms: tuple[str, ...]  # words or names to look for in sentences and quotes
    actor_ids: tuple[int, ...] = ()
    typed: str = ""

    @property
    def is_actor(self) -> bool:
        """True for an actor, False for a word."""
        return bool(self.actor_ids)


@dataclass(frozen=True)
class Correction:
    """A typed word that matched nothing, and what was searched instead."""

    typed: str
    searched: str


@dataclass(frozen=True)
class Plan:
    """What a question asks for, resolved against the chat's archive."""

    question: Question
    groups: tuple[Group, ...]  # everything searched for, in question order
    speakers: tuple[Group, ...] = ()  # quote questions: whose quotes (also in `groups`)
    filters: Filters = field(default_factory=Filters)
    corrections: tuple[Correction, ...] = ()
    unmatched: tuple[str, ...] = ()  # typed words found nowhere, with no near spelling
    source_names: tuple[str, ...] = ()

    @property
    def topic(self) -> tuple[Group, ...]:
        """The groups that are not the speaker."""
        return tuple(g for g in self.groups if g not in self.speakers)

    @property
    def actors(self) -> tuple[Group, ...]:
        """The actor groups."""
        return tuple(g for g in self.groups if g.is_actor)

    @property
    def corrected_query(self) -> str | None:
        """The question with corrected words replaced, or None when nothing was corrected."""
        if not self.corrections:
            return None
        text = self.question.text
        for correction in self.corrections:
            found = re.search(rf"(?<!\w){re.escape(correction.typed)}(?!\w)", text)
            if found:
                text = text[: found.start()] + correction.searched + text[found.end() :]
        return text

    @property
    def has_filters(self) -> bool:
        """Whether dates or sources narrow the archive."""
        return bool(self.filters.since or self.filters.until or self.filters.sources)
