"""What an answer offers to ask instead of a word the archive lacks, ready for its buttons.

A suggestion near the word of a one-word question is asked as it is: the actor, or the word.
Within a longer question it is the whole question with the suggestion in the word's place
("what did Lavrov say about Iraq" for "… about Iran"), kept like a question with pages so that
its button carries only the kept question's id; it is asked in the chat asking, at the time of
the first question.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime

from briefing.names import normalise_name
from briefing.questions.answer import Answer, Suggestion
from briefing.questions.ranking import Searcher


@dataclass(frozen=True)
class Offer:
    """One button of suggestions: a kept question, an actor of the chat, or a word."""

    label: str
    question_id: int | None = None
    actor_id: int | None = None
    word: str = ""


def _offer(searcher: Searcher, chat_id: int, suggestion: Suggestion, now: datetime) -> Offer:
    asked = normalise_name(suggestion.question)
    if not asked or asked == normalise_name(suggestion.label):
        if suggestion.actor_id is not None:
            return Offer(suggestion.label, actor_id=suggestion.actor_id)
        return Offer(suggestion.label, word=suggestion.label)
    kept = searcher.store.save_question(chat_id, suggestion.question, now)
    return Offer(suggestion.label, question_id=kept)


async def offers(
    searcher: Searcher, chat_id: int, answer: Answer, now: datetime
) -> tuple[Offer, ...]:
    """The answer's suggestions as buttons can ask them (off the event loop: it writes)."""
    if not answer.suggestions:
        return ()
    return await asyncio.to_thread(
        lambda: tuple(_offer(searcher, chat_id, s, now) for s in answer.suggestions)
    )
