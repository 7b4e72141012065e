"""The asking use case: a question (typed, or a button under an earlier answer) answered.

`answer` is the one entry point. It computes the answer off the event loop and keeps a question
with more than one page, so the answer's "More" and "Back" buttons can ask it again: always in
the chat asking (a saved question of another chat is not found), at the time first asked.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime

from briefing.questions.answer import Answer, ask
from briefing.questions.ranking import Searcher


@dataclass(frozen=True)
class Asking:
    """What is asked: words, a page of a saved question, or an actor's profile (a button)."""

    text: str = ""
    page: int = 0
    saved: int | None = None  # the id of a question kept for paging
    actor: int | None = None  # the id of a suggested actor


@dataclass(frozen=True)
class Asked:
    """The answer, and the id of the kept question when the answer has more pages."""

    answer: Answer
    question_id: int | None = None


def _answer(searcher: Searcher, chat_id: int, asking: Asking, now: datetime) -> Asked | None:
    """The blocking part of `answer` (reads, and writes a kept question)."""
    text = asking.text
    if asking.saved is not None:
        kept = searcher.store.question(chat_id, asking.saved)
        if kept is None:
            return None
        text, asked_at = kept
        now = asked_at.astimezone(now.tzinfo)
    elif asking.actor is not None:
        actor = searcher.actors.get(chat_id, asking.actor)
        if actor is None:
            return None
        text = actor.name
    result = ask(searcher, chat_id, text, now, asking.page)
    if result.pages <= 1:
        return Asked(result)
    if asking.saved is not None:  # keep paging the kept question
        return Asked(result, asking.saved)
    return Asked(result, searcher.store.save_question(chat_id, text, now))


async def answer(searcher: Searcher, chat_id: int, asking: Asking, now: datetime) -> Asked | None:
    """Answer in the chat's archive; None when a button's kept question or actor is gone."""
    return await asyncio.to_thread(_answer, searcher, chat_id, asking, now)
