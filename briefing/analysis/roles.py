"""The roles an article gives its people: a title before the name ("Foreign Minister Sergei
Lavrov", "Russia's foreign minister Sergei Lavrov", "Tarsen Motors chief executive Ivo Dunn")
or an apposition after it ("Cheryl Boone Isaacs, Academy President", "Ivo Dunn, chief
executive of Tarsen Motors"), each with the organisation or country it is held in when the
article names it as an actor. Read by `briefing.analysis.actors.extract_actors`, so that a
later question ("Russia's foreign minister") can find the person.
"""

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from briefing.analysis.gazetteer import PERSON

# The noun of a role: a title or an apposition names a role only with one of these.
ROLE_NOUNS = frozenset(
    """president minister secretary chancellor premier king queen prince princess emir sheikh
    governor mayor senator congressman congresswoman ambassador envoy commissioner spokesman
    spokeswoman spokesperson chairman chairwoman chair chief executive ceo cfo coo director
    head leader founder owner manager editor adviser advisor official general commander
    admiral colonel captain coach judge prosecutor attorney lawyer economist analyst
    strategist treasurer governor-general president-elect pope cardinal archbishop bishop
    deputy mp lawmaker representative negotiator""".split()
)
# Who speaks for a body: "a Tesco spokesman".
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Nouns that describe a person: a role, or what someone is or does ("the Sale player").
PERSON_NOUNS = ROLE_NOUNS | frozenset(
    """player actor actress star singer songwriter musician rapper drummer guitarist
    comedian presenter host author writer novelist poet artist designer director producer
    striker midfielder defender goalkeeper keeper winger forward batsman bowler rider
    driver boxer champion veteran skipper boss manager coach father mother son daughter
    husband wife businessman businesswoman entrepreneur billionaire tycoon founder
    investor banker scientist researcher professor doctor surgeon teacher agent dj promoter
    campaigner activist chef pilot astronaut athlete sprinter runner golfer cyclist swimmer
    teenager youngster student academic historian lecturer blogger journalist reporter
    correspondent columnist commentator pundit photographer composer pianist violinist
    conductor dancer vocalist frontman frontwoman bassist filmmaker screenwriter playwright
    referee umpire jockey nurse priest lock prop hooker flanker playmaker spinner paceman
    trader dealer broker
    """.split()
)
# Words that qualify a role noun before a name ("Foreign", "Defence", "deputy", "former").
ROLE_MODIFIERS = frozenset(
    """foreign defence defense interior finance economy economic trade health labour labor
    energy justice home culture education environment transport agriculture prime vice
    deputy acting former chief general executive managing senior assistant principal
    first state national regional central supreme top interim opposition party""".split()
)
_HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev".split())
_TITLE_WORDS = frozenset("rt right hon reverend bishop shadow".split())
_OF_PREPOSITIONS = frozenset({"of", "for", "at", "to"})
_QUALIFIERS = frozenset({"amod", "compound", "nmod"})


@dataclass(frozen=True)
class Role:
    """A role as the article words it ("foreign minister"), and the actor it is held in
    ("Russia"), when named."""

    title: str
    of: str | None = None


@dataclass
class _Names:
    """Which actor each token of the article names, and each actor's type."""

    by_token: list[str | None]
    types: dict[str, str]

    def actor(self, token: Token, person: str) -> str | None:
        """The actor a token names, if it is another actor than the person, and not a person."""
        name = self.by_token[token.i]
        if name is None or name == person or self.types.get(name) == PERSON:
            return None
        return name


def only_titles(words: list[str]) -> bool:
    """Whether a would-be name is titles alone ("the Bishop", "the Rt Rev Dr"): a description
    of someone, not a name of its own."""
    return all(w.lower().rstrip(".") in ROLE_NOUNS | _HONORIFICS | _TITLE_WORDS for w in words)


def _is_role_word(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return word in ROLE_NOUNS or word in ROLE_MODIFIERS


def _title_before(doc: Doc, start: int, person: str, names: _Names) -> Role | None:
    """The title right before a name: role words, after the actor they are held in."""
    i = start - 1
    while i >= 0 and doc[i].lower_.rstrip(".") in _HONORIFICS:
        i -= 1
    words: list[Token] = []
    while i >= 0 and names.by_token[i] is None and _is_role_word(doc[i]):
        words.insert(0, doc[i])
        i -= 1
    if not any(t.lower_.rstrip(".") in ROLE_NOUNS for t in words):
        return None
    if i >= 1 and doc[i].tag_ == "POS":  # "Russia's foreign minister"
        i -= 1
    held_in = names.actor(doc[i], person) if i >= 0 else None
    return Role(" ".join(t.text for t in words), held_in)


def _apposition(head: Token, person: str, names: _Names) -> Role | None:
    """The role an apposition gives: "…, Academy President", "…, chief executive of X"."""
    if head.lower_ not in ROLE_NOUNS or names.by_token[head.i] is not None:
        return None
    held_in: str | None = None
    words: list[Token] = [head]
    for child in head.lefts:
        if child.dep_ == "poss" or child.dep_ in _QUALIFIERS:
            actor = names.actor(child, person)
            if actor is not None:
                held_in = held_in or actor
            elif child.dep_ in _QUALIFIERS and _is_role_word(child):
                words.append(child)
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in _OF_PREPOSITIONS and held_in is None:
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            held_in = next((a for c in objects if (a := names.actor(c, person))), None)
    words.sort(key=lambda t: t.i)
    return Role(" ".join(t.text for t in words), held_in)


def find_roles(doc: Doc, mentions: list[tuple[int, int, str, str]]) -> dict[str, list[Role]]:
    """Each person's roles in a parsed article, from its actor mentions (start token, end
    token, actor name, type), in order of appearance, each role once."""
    by_token: list[str | None] = [None] * len(doc)
    types: dict[str, str] = {}
    for start, end, name, kind in mentions:
        types[name] = kind
        for i in range(start, end):
            by_token[i] = name
    names = _Names(by_token, types)
    roles: dict[str, list[Role]] = {}
    for start, end, person, kind in mentions:
        if kind != PERSON:
            continue
        found = [_title_before(doc, start, person, names)]
        for i in range(start, end):
            found += [_apposition(c, person, names) for c in doc[i].rights if c.dep_ == "appos"]
        for role in found:
            if role is not None and role not in roles.setdefault(person, []):
                roles[person].append(role)
    return {person: found for person, found in roles.items() if found}
