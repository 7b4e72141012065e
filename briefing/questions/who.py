"""Answers to "who …" questions ("who won the election", "who criticised the strikes"): the
actors that fit, each with the article that says so.

The actors are the subjects of the events and the speakers of the quotes in the best-ranked
articles whose action, objects or sentence have the asked words (an action or object match
counts more than the sentence around it); the actors the question names are no answer
("who criticised Russia" is not Russia). Each actor is listed once, with its best article.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from briefing.questions.marking import Marker, cut
from briefing.questions.plans import Plan
from briefing.questions.ranking import Ranked, Searcher
from storage import StoredEvent, StoredQuote

WHO_ARTICLES = 10  # best-ranked articles whose events and quotes are read
MAX_ACTORS = 5
_WHO = frozenset({"who", "whom", "who's", "who’s"})


@dataclass(frozen=True)
class WhoItem:
    """An actor answering a "who" question, with the article and sentence that say so."""

    actor_id: int
    name: str
    saying: StoredEvent | StoredQuote
    sentence: str  # the asked words marked
    score: float


def asks_who(plan: Plan) -> bool:
    """Whether the question asks who ("who won the election", "Who criticised …?")."""
    words = plan.question.words
    return bool(words) and words[0].text.casefold() in _WHO


def _event_score(marker: Marker, event: StoredEvent) -> float:
    """How well an event answers: asked words in its action or objects, else its sentence."""
    deed = zip(marker.counts(event.action), marker.counts(" ".join(event.objects)), strict=True)
    around = marker.counts(event.sentence)
    return sum(1.0 if a or o else 0.5 if s else 0.0 for (a, o), s in zip(deed, around, strict=True))


def who_answers(
    searcher: Searcher, chat_id: int, plan: Plan, ranked: Sequence[Ranked]
) -> tuple[WhoItem, ...]:
    """The actors answering a "who" question, best first, each once with its article."""
    place = {r.article_id: n for n, r in enumerate(ranked[:WHO_ARTICLES])}
    if not place:
        return ()
    words = [g for g in plan.groups if not g.is_actor]
    asked = {i for g in plan.actors for i in g.actor_ids}
    marker = Marker(words)
    in_question = Marker(plan.groups)
    article_ids = list(place)
    found: list[tuple[float, int, str, StoredEvent | StoredQuote]] = []
    for event in searcher.store.events(chat_id, plan.filters, article_ids=article_ids):
        if event.subject_id is not None and event.subject_id not in asked:
            score = _event_score(marker, event) if words else 0.5
            found.append((score, event.subject_id, event.subject, event))
    for quote in searcher.store.quotes(chat_id, plan.filters, article_ids=article_ids):
        if quote.actor_id is not None and quote.actor_id not in asked and quote.speaker:
            score = 0.5 * sum(1 for n in marker.counts(quote.sentence) if n) if words else 0.25
            found.append((score, quote.actor_id, quote.speaker, quote))
    best: dict[int, tuple[float, str, StoredEvent | StoredQuote]] = {}
    support: dict[int, int] = {}
    for score, actor_id, name, saying in found:
        if score <= 0:
            continue
        total = score + 0.3 * (1 - place[saying.article_id] / len(place))
        support[actor_id] = support.get(actor_id, 0) + 1
        if actor_id not in best or total > best[actor_id][0]:
            best[actor_id] = (total, name, saying)
    items = [  # an actor found in several sayings a little ahead
        WhoItem(
            actor_id,
            name,
            saying,
            cut(in_question.mark(saying.sentence)),
            total + 0.1 * min(support[actor_id] - 1, 3),
        )
        for actor_id, (total, name, saying) in best.items()
    ]
    items.sort(key=lambda i: (-round(i.score, 6), i.name))
    return tuple(items[:MAX_ACTORS])
