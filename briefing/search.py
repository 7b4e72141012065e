"""Keyword questions over a chat's archive: safe FTS5 expressions, ranked hits with snippets."""

import re
from dataclasses import dataclass

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


@dataclass(frozen=True)
class SearchResult:
    """The words searched for and the hits, best first."""

    query: str
    terms: tuple[str, ...]
    hits: tuple[FtsHit, ...]


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
    hits = archive.search(chat_id, match_all(terms), limit=limit)
    if len(hits) < limit and len(terms) > 1:
        seen = {hit.article.id for hit in hits}
        extra = archive.search(chat_id, match_any(terms), limit=limit + len(hits))
        hits += [hit for hit in extra if hit.article.id not in seen][: limit - len(hits)]
    return SearchResult(query=query, terms=tuple(terms), hits=tuple(hits))


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
