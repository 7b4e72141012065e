"""Which of a chat's actors the names typed after /trend mean, found as a question finds them:
any alias, case and diacritics folded, typos tolerated, several names in one line
("Lavrov Blinken", "Sergei Lavrov, the Kremlin")."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from briefing.questions.ranking import Searcher

MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class FoundNames:
    """The actors named, in the order typed (each once), the typed words that name none, and
    actors whose names look like those words ("did you mean")."""

    actor_ids: tuple[int, ...]
    unknown: tuple[str, ...]
    suggestions: tuple[str, ...]


def find_named_actors(searcher: Searcher, chat_id: int, texts: Sequence[str]) -> FoundNames:
    """Resolve each text (one name or several) against the chat's actors."""
    now = datetime.now(UTC)
    actor_ids: list[int] = []
    unknown: list[str] = []
    for text in texts:
        if not text.strip():
            continue
        plan = searcher.understand(chat_id, text, now)
        for group in plan.groups:
            if group.is_actor:
                actor_ids.append(group.actor_ids[0])  # the most written about of equals
            else:
                unknown.append(group.typed or group.label)
        unknown.extend(plan.unmatched)
    suggestions: list[str] = []
    if unknown:
        names = searcher.names(chat_id)
        for actor_id in names.nearest(" ".join(unknown), MAX_SUGGESTIONS):
            if actor_id not in actor_ids:
                suggestions.append(names.actors[actor_id].name)
    return FoundNames(
        tuple(dict.fromkeys(actor_ids)), tuple(dict.fromkeys(unknown)), tuple(suggestions)
    )
