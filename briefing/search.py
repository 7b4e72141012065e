"""Keyword questions over a chat's archive: safe FTS5 expressions, ranked hits with snippets."""

import re
from dataclasses import dataclass, field

from storage import Archive, FtsHit
from storage.archive import MATCH_END, MATCH_START

# Words that carry no topic in a question; dropped unless nothing else is left.
STOPWORDS = frozenset(
    """a about after all an and any are as at be been before between but by can could did do
    does for from had has have he her his how i in into is it its me my of on or our say said
    says she show since so tell than that the their them then there these they this those to
    up us was we were what when where which who whom why will with would you your news article
    articles find search anything something please""".split()
)

MAX_TERMS = 12
STORY_FANOUT = 3  # hits read per answer slot, so that retold stories can be folded together


@dataclass(frozen=True)
class SearchResult:
    """The words searched for and the hits, best first, one per story."""

    query: str
    terms: tuple[str, ...]
    hits: tuple[FtsHit, ...]
    other_sources: dict[int, tuple[str, ...]] = field(default_factory=dict)  # by hit article id


def story_of(hit: FtsHit) -> int:
    """The story an article belongs to: the first article that told it."""
    return hit.article.story_id or hit.article.id


def one_per_story(
    hits: list[FtsHit], limit: int
) -> tuple[list[FtsHit], dict[int, tuple[str, ...]]]:
    """Keep the best hit of each story; remember the other outlets that told it."""
    best: dict[int, FtsHit] = {}
    sources: dict[int, list[str]] = {}
    for hit in hits:
        story = story_of(hit)
        if story not in best:
            best[story] = hit
            sources[story] = []
        elif hit.article.source and hit.article.source not in sources[story]:
            sources[story].append(hit.article.source)
    kept = list(best.values())[:limit]
    others = {
        hit.article.id: tuple(s for s in sources[story_of(hit)] if s != hit.article.source)
        for hit in kept
    }
    return kept, {key: value for key, value in others.items() if value}


def query_terms(query: str) -> list[str]:
    """The words of a query worth searching for, in order, without repeats."""
    words = re.findall(r"\w+", query.casefold())
    unique = list(dict.fromkeys(words))
    content = [w for w in unique if w not in STOPWORDS]
    return (content or unique)[:MAX_TERMS]


def quote_term(term: str) -> str:
    """An FTS5 string literal for one word, so no user text is read as an operator."""
    return '"' + term.replace('"', '""') + '"'


def match_all(terms: list[str]) -> str:
    """FTS5 expression requiring every term."""
    return " ".join(quote_term(t) for t in terms)


def match_any(terms: list[str]) -> str:
    """FTS5 expression accepting any term (bm25 still prefers articles with more of them)."""
    return " OR ".join(quote_term(t) for t in terms)


def search(archive: Archive, chat_id: int, query: str, limit: int = 5) -> SearchResult:
    """Articles with all the words first, then those with some of them, each group by bm25."""
    terms = query_terms(query)
    if not terms:
        return SearchResult(query=query, terms=(), hits=())
    wide = limit * STORY_FANOUT
    hits = archive.search(chat_id, match_all(terms), limit=wide)
    if len(hits) < wide and len(terms) > 1:
        seen = {hit.article.id for hit in hits}
        extra = archive.search(chat_id, match_any(terms), limit=wide)
        hits += [hit for hit in extra if hit.article.id not in seen]
    kept, others = one_per_story(hits, limit)
    return SearchResult(query=query, terms=tuple(terms), hits=tuple(kept), other_sources=others)


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
