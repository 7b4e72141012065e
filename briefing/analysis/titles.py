"""Whom a bare title means ("The Foreign Secretary told the BBC"): the one person the article
named earlier with exactly that title, before the name ("Foreign Secretary Jack Straw") or in
apposition ("Jack Straw, the Foreign Secretary"); a bare title ("the minister") also means
the one person whose title ends with it ("Finance Minister Dilson Funaro"), never a shadow,
former or deputy one. A different title ("Shadow foreign secretary Michael Ancram"), two
holders or none leave it unknown.
"""

from spacy.tokens import Doc, Token

from briefing.analysis.actor_index import ActorIndex
from briefing.analysis.gazetteer import PERSON, PLACE

_SKIPPED = frozenset({"det", "poss", "case", "punct"})
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
_TITLE_WORDS = frozenset({"PROPN", "NOUN", "ADJ"})
# Words that make a title someone else's than the bare one: "the minister" is no shadow one.
_QUALIFIERS = frozenset({"shadow", "former", "ex", "deputy", "vice", "junior", "assistant"})


def _names_actor(index: ActorIndex, i: int) -> bool:
    """Whether a token names an actor other than a place ("Russian" of "Russian president"
    is part of the title; "Labour" of "Labour leader" is not)."""
    name = index.by_token[i]
    return name is not None and index.types.get(name) != PLACE


def _words(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokens if t.dep_ not in _SKIPPED and not t.is_punct)


def phrase_words(token: Token) -> tuple[str, ...]:
    """The words of the noun phrase ending at `token`, articles and possessives left out
    ("the group's general secretary" → group general secretary)."""
    return _words(list(token.doc[token.left_edge.i : token.i + 1]))


def title_of(token: Token, index: ActorIndex) -> tuple[str, ...]:
    """The words of a noun phrase ending at `token` ("the Foreign Secretary" → foreign
    secretary), empty when any of them names an actor but a place ("Labour's leader")."""
    tokens = list(token.doc[token.left_edge.i : token.i + 1])
    if tokens[0].lower_ in _INDEFINITE:  # "a spokesman": one of several, not a known holder
        return ()
    if any(_names_actor(index, t.i) for t in tokens):
        return ()
    return phrase_words(token)


def _before_name(doc: Doc, start: int, index: ActorIndex) -> tuple[str, ...]:
    """The title words just before a name ("Foreign Secretary" of "Foreign Secretary Jack
    Straw"): the nouns and adjectives that run up to it, whatever the parser made of them."""
    at = start
    while (
        at > 0
        and doc[at - 1].pos_ in _TITLE_WORDS
        and doc[at - 1].dep_ not in _SKIPPED
        and not _names_actor(index, at - 1)
    ):
        at -= 1
    return _words(list(doc[at:start]))


def _in_apposition(doc: Doc, start: int, end: int, index: ActorIndex) -> list[tuple[str, ...]]:
    """Titles in apposition with a name: after it ("Jack Straw, the Foreign Secretary") or
    before it ("the Archbishop of Canterbury, Dr Rowan Williams")."""
    root = doc[start:end].root
    found = [title_of(child, index) for child in root.children if child.dep_ == "appos"]
    if root.dep_ == "appos" and root.head.i < start:
        found.append(title_of(root.head, index))
    return found


def title_holder(token: Token, index: ActorIndex) -> str | None:
    """The one person named before `token` with the title `token` ends, else None."""
    title = title_of(token, index)
    if not title:
        return None
    holders = _holders(token.doc, token.left_edge.i, index)
    exact = {name for name, titles in holders.items() if title in titles}
    if not exact:  # "the minister" after "Finance Minister Dilson Funaro", "the foreign
        exact = {  # secretary" after "Earlier Foreign Secretary Jack Straw"
            name
            for name, titles in holders.items()
            if any(t[-len(title) :] == title and not _QUALIFIERS & set(t) for t in titles)
        }
    return exact.pop() if len(exact) == 1 else None


def _holders(doc: Doc, before: int, index: ActorIndex) -> dict[str, set[tuple[str, ...]]]:
    """The people named before a token, each with the titles it is named with there."""
    holders: dict[str, set[tuple[str, ...]]] = {}
    at = 0
    while at < before:
        name = index.by_token[at]
        if name is None or index.types.get(name) != PERSON:
            at += 1
            continue
        end = at
        while end < len(doc) and index.by_token[end] == name:
            end += 1
        titles = holders.setdefault(name, set())
        titles.add(_before_name(doc, at, index))
        titles.update(_in_apposition(doc, at, end, index))
        at = end
    return holders


def titles_of(name: str, index: ActorIndex, doc: Doc) -> set[tuple[str, ...]]:
    """The titles a person is named with in an article, before the name or in apposition."""
    return _holders(doc, len(doc), index).get(name, set()) - {()}
