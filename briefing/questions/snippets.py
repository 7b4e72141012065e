"""The keyword search the rest of the bot uses: the best articles for a few words, one per
story, with the sentence that matches. Questions with actors, dates, quotes and events go
through `briefing.questions.answer.ask`; this keeps the simpler shape for callers that want hits.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from briefing.questions.answer import ask
from briefing.questions.ranking import Searcher
from briefing.questions.understanding import STOPWORDS, match_all, match_any, quote_term
from storage import Archive, FtsHit
from storage.archive import MATCH_END, MATCH_START

MAX_TERMS = 12

__all__ = [
    "SearchResult",
    "match_all",
    "match_any",
    "plain_snippet",
    "query_terms",
    "quote_term",
    "search",
    "snippet_parts",
]


@dataclass(frozen=True)
class SearchResult:
    """The words searched for and the hits, best first, one per story."""

    query: str
    terms: tuple[str, ...]
    hits: tuple[FtsHit, ...]
    other_sources: dict[int, tuple[str, ...]] = field(default_factory=dict)  # by hit article id


def query_terms(query: str) -> list[str]:
    """The words of a query worth searching for, in order, without repeats."""
    words = re.findall(r"\w+", query.casefold())
    unique = list(dict.fromkeys(words))
    content = [w for w in unique if w not in STOPWORDS]
    return (content or unique)[:MAX_TERMS]


def search(archive: Archive, chat_id: int, query: str, limit: int = 5) -> SearchResult:
    """The best articles for a question, one per story, each with its best sentence."""
    now = datetime.now().astimezone()
    answer = ask(Searcher(archive), chat_id, query, now, limit=limit, intent="articles")
    hits = tuple(FtsHit(item.article, item.sentence, item.score) for item in answer.articles)
    others = {item.article.id: item.other_sources for item in answer.articles if item.other_sources}
    return SearchResult(query, tuple(g.label for g in answer.plan.groups), hits, others)


def plain_snippet(snippet: str) -> str:
    """A snippet without match markers, for plain-text output."""
    return snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a snippet into (text, matched) pieces so a formatter can mark the matches."""
    parts: list[tuple[str, bool]] = []
    for i, chunk in enumerate(re.split(f"[{MATCH_START}{MATCH_END}]", snippet)):
        if chunk:
            parts.append((chunk, i % 2 == 1))
    return parts
