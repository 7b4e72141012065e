"""Which actor each mention of an article names: shorter mentions join the longer names of
the same article ("Lavrov" -> "Sergei Lavrov", "IWF" -> "International Widget Federation",
"Tarsen" -> "Tarsen Motors"). `resolve_mentions` sets each mention's `target`.
"""

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from briefing.analysis.acronyms import ends_in_legal_form, is_acronym, spells
from briefing.analysis.gazetteer import GROUP, ORGANISATION, PERSON, PLACE
from briefing.analysis.genders import name_gender, title_gender
from briefing.analysis.mention_model import UNSURE, NameMention
from briefing.names import WORD_SIMILARITY, normalise_name, person_key, word_similarity

_GENERIC = frozenset(
    """group company firm bank party council committee ministry government state agency
    association union federation court corporation corp inc ltd plc co holdings board
    commission authority department office institute university college school centre center
    foundation fund trust club league team army navy police alliance coalition front movement
    organisation organization""".split()
)
# "Ministry of Finance" is the "Finance Ministry", "Department of Energy" the "Energy Department".
_BODY_OF = re.compile(r"^(ministry|department) of (?:the )?(.+)$")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "du", "on", "in", "&"})
# Between a name and its acronym: a bracket or "or" when the letters agree, and words that
# name it whatever its letters ("the International Chess Federation, known as FIDE").
_BRACKETS_ACRONYM = re.compile(r"^\s*(?:\(|,?\s*or\s)\s*$")
_NAMES_ACRONYM = re.compile(r"^\s*,?\s*(?:also\s+)?(?:known as|called)\s+$")


@dataclass
class ArticleNames:
    """The article's longer names, which shorter mentions of the same actor join."""

    people: dict[str, int] = field(default_factory=dict)  # person key -> first position
    longer: dict[str, str] = field(default_factory=dict)  # "christian andersen" -> fuller
    by_surname: dict[str, list[str]] = field(default_factory=dict)
    by_first_name: dict[str, set[str]] = field(default_factory=dict)
    by_word: dict[str, str] = field(default_factory=dict)
    expansions: list[tuple[str, str, str]] = field(default_factory=list)  # surface, target, type
    by_first_word: dict[str, set[str]] = field(default_factory=dict)  # "tarsen" -> targets
    by_last_word: dict[str, set[str]] = field(default_factory=dict)  # "commission" -> targets
    by_final_word: dict[str, set[str]] = field(default_factory=dict)  # "kluft" -> targets
    by_content: dict[str, str] = field(default_factory=dict)  # key without minor words -> key
    organisations: set[str] = field(default_factory=set)  # keys of many-word names
    titles: dict[str, set[str]] = field(default_factory=dict)  # person -> words just before
    single_words: dict[str, int] = field(default_factory=dict)  # one-word name -> how often
    one_word_bodies: set[str] = field(default_factory=set)  # "valve" tagged an organisation

    @classmethod
    def of(cls, mentions: list[NameMention]) -> "ArticleNames":
        names = cls()
        for m in mentions:
            key = person_key(m.key)
            if " " not in m.key:
                names.single_words[m.key] = names.single_words.get(m.key, 0) + 1
                if m.type in (ORGANISATION, GROUP) and m.canonical is None:
                    names.one_word_bodies.add(m.key)
            if m.canonical is None and m.type == PERSON and " " in key:
                names.people.setdefault(key, m.start)
            elif m.type not in (PERSON, UNSURE) and " " in m.key:
                target = f"g:{m.canonical}" if m.canonical else f"n:{m.key}"
                words = m.key.split()
                names.by_first_word.setdefault(words[0], set()).add(target)
                names.by_final_word.setdefault(words[-1], set()).add(target)
                if ends_in_legal_form(m.key):  # "Fenwick" after "Harold Fenwick Ltd"
                    names.by_final_word.setdefault(words[-2], set()).add(target)
                if m.canonical is None:
                    names.by_content.setdefault(_content(m.key), m.key)
                if not is_acronym(m.surface) and not (m.canonical and m.type == PLACE):
                    names.expansions.append((m.surface, target, m.type))  # "SA" is no country
                if m.type in (ORGANISATION, GROUP):
                    names.by_last_word.setdefault(words[-1], set()).add(target)
                    if m.canonical is None:
                        names.organisations.add(m.key)
        names._join_people()
        return names

    def _join_people(self) -> None:
        """A name inside a fuller one with the same surname is that person."""
        keys = sorted(self.people, key=lambda k: -len(k.split()))
        for key in keys:
            words = key.split()
            fuller = {
                self.longer.get(other, other)
                for other in keys
                if len(other.split()) > len(words)
                and other.split()[-1] == words[-1]
                and _is_subsequence(words, other.split())
            }
            if len(fuller) == 1:
                self.longer[key] = fuller.pop()
                self.people[self.longer[key]] = min(self.people[key], self.people[self.longer[key]])
        for person in sorted(set(self.people) - set(self.longer), key=self.people.__getitem__):
            words = person.split()
            self.by_surname.setdefault(words[-1], []).append(person)
            self.by_first_name.setdefault(words[0], set()).add(person)
            for word in words:
                self.by_word.setdefault(word, person)

    def person(self, key: str) -> str:
        """The fullest name of the person with this key."""
        return self.longer.get(key, key)


_TITLE_REACH = 3  # words before a person's first full mention that may hold their title
_SURNAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})  # always before a surname
_ROYAL_TITLES = frozenset(
    "prince princes princess princesses king queen pope emperor empress".split()
)


def _content(key: str) -> str:
    """A name's key without its minor words: "economic and social research council" and
    "economic social research council" agree, and so do "ministry of finance" and "finance
    ministry"."""
    key = _BODY_OF.sub(r"\2 \1", key)
    return " ".join(w for w in key.split() if w not in _MINOR_WORDS)


def _similar_surname(word: str, names: ArticleNames) -> str | None:
    """The one person whose surname is a spelling variant of this word ("Anderson" of
    "Hans Christian Andersen"), when only one is and the word is a slip, written once: a
    name the article uses again is someone else ("Reagan" is not "Donald Regan")."""
    if len(word) < 5 or names.single_words.get(word, 0) > 1:
        return None
    alike = [s for s in names.by_surname if word_similarity(word, s) >= WORD_SIMILARITY]
    people = names.by_surname[alike[0]] if len(alike) == 1 else []
    return people[0] if len(people) == 1 else None


def _surname_of(key: str, names: ArticleNames, within: bool = False) -> str | None:
    """The one person whose full name ends with these words, a surname of many words, or is
    them ("Du Plessis" read as a firm after "du Plessis"); with `within`, the one whose name
    holds this word after its first."""
    owners = {
        names.person(p)
        for p in names.people
        if (key in p.split()[1:] if within else p == key or p.endswith(f" {key}"))
    }
    return owners.pop() if len(owners) == 1 else None


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(word in remaining for word in short)


def _defines(previous: NameMention, acronym: str, gap: str) -> bool:
    """Whether an acronym right after `previous` is its short name: in brackets or after "or"
    when it spells it ("Advanced Micro Devices (AMD)"), after "known as" whatever its letters
    ("the International Chess Federation, known as FIDE")."""
    if previous.type not in (ORGANISATION, GROUP, PLACE) or " " not in previous.key:
        return False
    if _NAMES_ACRONYM.match(gap):
        return previous.type != PLACE
    return _BRACKETS_ACRONYM.match(gap) is not None and spells(acronym, previous.surface)


def _acronym_target(
    m: NameMention, names: ArticleNames, previous: NameMention | None, gap: str
) -> str | None:
    """The longer name of the article an acronym stands for ("AMD" -> "Advanced Micro
    Devices", before or after it), taking its type; None when none or several do."""
    if previous is not None and previous.target and _defines(previous, m.surface, gap):
        m.type = previous.type
        return previous.target
    spelled = {(t, kind) for surface, t, kind in names.expansions if spells(m.surface, surface)}
    if len({t for t, _ in spelled}) != 1:
        return None
    target, m.type = min(spelled, key=lambda item: _TYPE_RANK[item[1]])
    return target


_TYPE_RANK = {GROUP: 0, ORGANISATION: 1, PLACE: 2, PERSON: 3}


def _target(
    m: NameMention,
    names: ArticleNames,
    previous: NameMention | None,
    gap: str,
    title: str = "",
) -> str:
    """The actor a mention names within the article, as a key shared by its mentions;
    `title` is the word before it ("Prince Charles" is not "Charles Kennedy"; "Sen. Dole" is
    Senate leader Robert Dole, not Elizabeth Dole)."""
    royal = title in _ROYAL_TITLES
    words = m.key.split()
    if m.canonical is not None:
        own = normalise_name(m.surface)
        if m.type == PLACE and " " not in own and own in names.by_word:
            m.type = PERSON  # "Jordan" after "Michael Jordan"
            return f"p:{names.by_word[own]}"
        return f"g:{m.canonical}"
    if is_acronym(m.surface) and (target := _acronym_target(m, names, previous, gap)):
        return target
    if m.type == PERSON and len(person_key(m.key).split()) > 1:
        return f"p:{names.person(person_key(m.key))}"
    if (titled := _titled_surname(words, names)) is not None:
        m.type = PERSON  # "Mr Morris" read as a company, after "Dick Morris"
        return titled
    if len(words) != 1:
        if m.type != PLACE and (owner := _surname_of(m.key, names)) is not None:
            m.type = PERSON  # "Kilroy-Silk" after "Robert Kilroy-Silk", "Van Der Beek"
            return f"p:{owner}"
        if m.type == UNSURE:
            return ""
        longer = {k for k in names.organisations if k.startswith(f"{m.key} ")}
        if m.type == ORGANISATION and len(longer) == 1:
            return f"n:{longer.pop()}"  # "US Customs" after "US Customs Service"
        return f"n:{names.by_content.get(_content(m.key), m.key)}"
    word = words[0]
    if word in names.by_surname:
        candidates = names.by_surname[word]
        earlier = [p for p in candidates if names.people[p] <= m.start] or candidates
        m.type = PERSON
        return f"p:{_titled(earlier, title, names) or earlier[-1]}"
    if m.type == UNSURE and m.key in names.one_word_bodies:
        m.type = ORGANISATION  # "Valve" read as a people once, a company elsewhere
    if m.type == UNSURE:
        return ""
    first_name = not royal and title not in _SURNAME_TITLES  # "Mr Howard" is no Howard Flight
    if m.type == PERSON and len(names.by_first_name.get(word, ())) == 1 and first_name:
        return f"p:{next(iter(names.by_first_name[word]))}"  # "Michael" of "Michael Howard"
    if m.type == PERSON and not royal and (owner := _surname_of(word, names, within=True)):
        return f"p:{owner}"  # "Kilroy" of "Robert Kilroy-Silk"
    similar = None if royal else _similar_surname(word, names)
    if m.type in (PERSON, ORGANISATION) and similar is not None:
        m.type = PERSON  # "said Daveport": a slip for Lindsay Davenport, parsed as a firm
        return f"p:{similar}"
    return _one_word_target(m, word, names)


def _one_word_target(m: NameMention, word: str, names: ArticleNames) -> str:
    """The longer name one word names when it is the only one opening or ending with it
    ("Tarsen" after "Tarsen Motors", "Kluft" after "Carolina Kluft"), else its own; an
    acronym never joins a longer name it opens ("IAAF" is no "IAAF Council")."""
    opening = m.type != PLACE and not is_acronym(m.surface)
    owners = names.by_first_word.get(word, set()) if opening else set()
    if len(owners) == 1:
        return next(iter(owners))
    owners = names.by_final_word.get(word, set()) if word not in _GENERIC else set()
    if len(owners) == 1:
        return next(iter(owners))  # whatever their labels
    if word in _GENERIC:
        owners = names.by_last_word.get(word, set())
        return next(iter(owners)) if len(owners) == 1 else ""  # "the Commission"
    return f"n:{m.key}"


def _titled_surname(words: list[str], names: ArticleNames) -> str | None:
    """The person a title and a surname read as one name ("Mr Morris") name, if any."""
    if len(words) != 2 or words[0] not in _SURNAME_TITLES or words[1] not in names.by_surname:
        return None
    candidates = names.by_surname[words[1]]
    return f"p:{_titled(candidates, words[0], names) or candidates[-1]}"


def _titled(candidates: list[str], title: str, names: ArticleNames) -> str | None:
    """Of people sharing a surname, the one a title before the mention picks: by the gender
    it tells ("Mrs Dole"), else by the words that brought them in ("Sen." for "Senate
    Republican Leader Robert Dole")."""
    if len(candidates) < 2 or not title.isalpha():
        return None
    if (wanted := title_gender(title)) is not None:
        chosen = [p for p in candidates if name_gender(p.title()) == wanted]
    elif len(title) >= 3:
        chosen = [p for p in candidates if any(w.startswith(title) for w in names.titles[p])]
    else:
        return None
    return chosen[0] if len(chosen) == 1 else None


def resolve_mentions(doc: Doc, mentions: list[NameMention]) -> None:
    """Set each mention's target: the actor it names within this article."""
    names = ArticleNames.of(mentions)
    names.titles = {
        person: {t.lower_ for t in doc[max(0, start - _TITLE_REACH) : start]}
        for person, start in names.people.items()
    }
    text = doc.text  # built anew on every access: once, not once per mention
    previous: NameMention | None = None
    for m in mentions:
        gap = ""
        if previous is not None:
            last = doc[previous.end - 1]
            gap = text[last.idx + len(last) : doc[m.start].idx]
        title = doc[m.start - 1].lower_.rstrip(".") if m.start > 0 else ""
        m.target = _target(m, names, previous, gap, title)
        previous = m
    # One word names one actor in an article: "Pernod" read once as a company of its own
    # joins the "Pernod" that elsewhere joined "Pernod Ricard".
    joined: dict[str, set[str]] = {}
    for m in mentions:
        if m.canonical is None and " " not in m.key and m.target not in ("", f"n:{m.key}"):
            joined.setdefault(m.surface, set()).add(m.target)
    for m in mentions:
        if m.target == f"n:{m.key}" and len(joined.get(m.surface, ())) == 1:
            m.target = next(iter(joined[m.surface]))
