"""Understanding a question: what it asks for (articles, quotes, events), for when, from which
source, about which actors, and which words are left to search.

`parse_question` is pure text work (dates are resolved against the day it is given). Actors
need the chat's names: `ActorNames` finds them in the parsed words, tolerating case,
diacritics, transliteration and one or two typos per word. `nearest_terms` proposes words of
the archive's vocabulary for a word that matches nothing.
"""

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from briefing.analysis.actors import normalise_name
from briefing.dates import MONTHS
from storage.search import AliasRow

Intent = Literal["articles", "quotes", "events"]

MAX_CHARS = 300
# A one-word name is the actor only if the actor is mentioned in at least this share of the
# articles containing the word.
COMMON_WORD_SHARE = 0.3
MAX_WORDS = 12  # content words searched; the rest of a long question is ignored

# Question words, filler and function words: never searched on their own.
STOPWORDS = frozenset(
    """a about after all also an and any anything are as at be been before between but by can
    could did do does done for from had has have he her hers him his how i if in into is it its
    me my of on or our ours out over say said says saying she show since so some something tell
    than that the their them then there these they this those to told up us was we were what
    whats when where which who whom whose why will with would you your yours news article
    articles story stories find search please latest recent recently give get know want let
    lets look new quote quotes quoted happen happened happens happening event events timeline
    regarding concerning anyone everyone someone thing things just more most much many very
    mention mentions mentioned talk talked talking speak spoke think thought claim claimed
    state stated may might must should shall""".split()
) - {"state"}  # "Islamic State": a name word, though "stated" is filler

_QUOTE_VERBS = re.compile(
    r"\b(?:say|says|said|saying|stated|claimed|claims|told|quotes?|quoted|speak|spoke)\b", re.I
)
_EVENT_WORDS = re.compile(
    r"\b(?:what\s+(?:has\s+|had\s+|)happened|when\s+(?:did|was|were|is|has|had|will|do|does)"
    r"|happen(?:ed|s|ing)?|events?|timeline)\b",
    re.I,
)
_TOPIC_MARKERS = frozenset({"about", "on", "regarding", "concerning", "over", "of"})
_WORD = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:['’-][^\W_]+)*")
_SOURCE_TAG = re.compile(r"\bsource\s*:\s*(?:\"([^\"]{1,60})\"|([^\s\"]{1,60}))", re.I)


@dataclass(frozen=True)
class Word:
    """A word of the question as typed, with its place, and whether it is filler."""

    text: str
    start: int
    end: int
    stop: bool

    @property
    def norm(self) -> str:
        """The word's comparison key (case, diacritics, possessive folded)."""
        return normalise_name(self.text)

    @property
    def term(self) -> str:
        """The word as searched: lower case, without a possessive "'s"."""
        return re.sub(r"['’]s$", "", self.text.casefold())


@dataclass(frozen=True)
class Question:
    """A parsed question: intent, words left to search, dates and source filters.

    `since`/`until` are ISO days, `until` exclusive. `from_at` are indexes into `words` where
    a "from X" may name a source. For quote questions `verb_at` is the index of the first
    word after the speaker ("what did Lavrov | say about ...") and `topic_at` of the word after
    which the topic starts.
    """

    text: str
    intent: Intent
    words: tuple[Word, ...]
    since: str | None = None
    until: str | None = None
    period: str = ""
    sources: tuple[str, ...] = ()
    from_at: tuple[int, ...] = ()
    verb_at: int | None = None
    topic_at: int | None = None

    @property
    def content(self) -> list[Word]:
        """The words that carry the topic."""
        return [w for w in self.words if not w.stop]


# --- dates ---------------------------------------------------------------------------------

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:19|20)\d\d"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_LEAD = r"(?:since|after|before|until|till|in|on|during|from|by)"
_POINT = (
    rf"(?P<iso>{_Y}-[01]\d-[0-3]\d)"
    rf"|(?P<isom>{_Y}-[01]\d)(?![\d-])"
    rf"|(?P<dmy>{_D}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_Y})?)"
    rf"|(?P<mdy>{_MONTH}\s+{_D}(?:,?\s+{_Y})?)(?![\d:])"
    rf"|(?P<my>{_MONTH},?\s+{_Y})"
    r"|(?P<rel>today|yesterday|(?:this|last|past)\s+(?:week|month|year)"
    r"|(?:the\s+)?(?:last|past)\s+(?P<n>\d{1,3})\s+(?P<unit>days?|weeks?|months?))"
    rf"|(?P<wd>(?:last\s+)?(?:{'|'.join(_WEEKDAYS)}))"
    rf"|(?P<lead>{_LEAD})\s+(?P<m>(?:last\s+|this\s+)?{_MONTH}|{_Y})"
    rf"|(?P<shift>last|this)\s+(?P<sm>{_MONTH})"
)
_RANGE = re.compile(
    rf"\b(?:(?P<between>between|from)\s+(?P<d1>{_D})\s+(?:and|to|-|–)\s+(?=\d)"
    rf"|(?P<between2>between)\s+(?P<p1>{_POINT.replace('(?P<', '(?P<a_')})\s+(?:and|to)\s+"
    rf"|(?P<op>since|after|before|until|till|in|on|during|from)\s+)?(?:{_POINT})(?![\w-])",
    re.I,
)


def _month_number(text: str) -> int:
    return MONTHS[text.rstrip(".").casefold()[:3]]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def _latest(month: int, day: int, today: date) -> date | None:
    """The latest date with this month and day on or before today."""
    for year in range(today.year, today.year - 9, -1):
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if found <= today:
            return found
    return None


def _month_span(year: int, month: int) -> tuple[date, date]:
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    return start, end


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _day_span(day: date) -> tuple[date, date]:
    return day, day + timedelta(days=1)


def _parts(text: str) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) named in "22 April 2015", "April 22", "April 2015"."""
    year = re.search(_Y, text)
    month = re.search(_MONTH, text, re.I)
    day = re.search(rf"(?<![\d-]){_D}(?!\d)", re.sub(_Y, "", text))
    return (
        _day_number(day.group()) if day else None,
        _month_number(month.group()) if month else None,
        int(year.group()) if year else None,
    )


def _point(groups: dict[str, str | None], today: date, prefix: str = "") -> tuple[date, date]:
    """The [first, last) days of one date expression, relative to today."""

    def get(name: str) -> str | None:
        return groups.get(prefix + name)

    if value := get("iso"):
        return _day_span(date.fromisoformat(value))
    if value := get("isom"):
        return _month_span(int(value[:4]), int(value[5:7]))
    if (value := get("dmy")) or (value := get("mdy")) or (value := get("my")):
        day, month, year = _parts(value)
        assert month is not None
        if day is None:
            return _month_span(year or today.year, month)
        if year is not None:
            return _day_span(date(year, month, day))
        found = _latest(month, day, today)
        if found is None:
            raise ValueError(value)
        return _day_span(found)
    if value := get("rel"):
        return _relative(value.casefold(), groups, today, prefix)
    if value := get("wd"):
        target = _WEEKDAYS.index(value.split()[-1].casefold())
        back = (today.weekday() - target) % 7 or (7 if value.lower().startswith("last") else 0)
        return _day_span(today - timedelta(days=back))
    month_text = get("m") or get("sm")
    if month_text is None:
        raise ValueError("no date")
    if re.fullmatch(_Y, month_text):
        year = int(month_text)
        return date(year, 1, 1), date(year + 1, 1, 1)
    shift = (get("shift") or "").casefold() or month_text.split()[0].casefold()
    month = _month_number(month_text.split()[-1])
    year = today.year
    if shift == "last":
        year -= month >= today.month
    elif shift != "this" and month > today.month:
        year -= 1
    return _month_span(year, month)


def _relative(
    value: str, groups: dict[str, str | None], today: date, prefix: str
) -> tuple[date, date]:
    tomorrow = today + timedelta(days=1)
    if value == "today":
        return today, tomorrow
    if value == "yesterday":
        return _day_span(today - timedelta(days=1))
    count = groups.get(prefix + "n")
    if count is not None:
        unit = (groups.get(prefix + "unit") or "day").rstrip("s").casefold()
        number = int(count)
        if unit == "month":
            return _add_months(today, -number), tomorrow
        return today - timedelta(days=number * (7 if unit == "week" else 1) - 1), tomorrow
    which, unit = value.split()[0], value.split()[-1]
    if which == "past":
        span = {"week": 7, "month": 30, "year": 365}[unit]
        return today - timedelta(days=span - 1), tomorrow
    step = -1 if which == "last" else 0
    if unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
        return monday, monday + timedelta(weeks=1)
    if unit == "month":
        start = _add_months(today, step)
        return start, _add_months(start, 1)
    return date(today.year + step, 1, 1), date(today.year + step + 1, 1, 1)


def find_period(text: str, today: date) -> tuple[str | None, str | None, str, tuple[int, int]]:
    """The first date expression: (since, until, words as typed, span); Nones when none."""
    for match in _RANGE.finditer(text):
        groups = match.groupdict()
        try:
            first, last = _point(groups, today)
            if groups.get("d1"):
                day = _day_number(groups["d1"] or "")
                first = first.replace(day=day)
            elif groups.get("p1"):
                first = _point(groups, today, "a_")[0]
        except (ValueError, KeyError):
            continue
        op = (groups.get("op") or groups.get("lead") or "").casefold()
        since: date | None = first
        until: date | None = last
        if op == "since":
            until = None
        elif op == "after":
            since, until = last, None
        elif op == "before":
            since, until = None, first
        elif op in {"until", "till"}:
            since = None
        if since is not None and until is not None and since >= until:
            continue
        label = " ".join(match.group().split())
        return (
            since.isoformat() if since else None,
            until.isoformat() if until else None,
            label,
            match.span(),
        )
    return None, None, "", (0, 0)


# --- FTS5 expressions ----------------------------------------------------------------------


def quote_term(term: str) -> str:
    """An FTS5 string literal, so no user text is ever read as an operator."""
    return '"' + term.replace('"', '""') + '"'


def match_all(terms: Sequence[str]) -> str:
    """FTS5 expression requiring every term."""
    return " ".join(quote_term(t) for t in terms)


def match_any(terms: Sequence[str]) -> str:
    """FTS5 expression accepting any term (bm25 still prefers articles with more of them)."""
    return " OR ".join(quote_term(t) for t in terms)


# --- the question --------------------------------------------------------------------------


def _blank(text: str, span: tuple[int, int]) -> str:
    return text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]


def _acronym(word: str) -> bool:
    return len(word) > 1 and word.isupper() and word.isalpha()


def _is_stop(word: str, shouting: bool) -> bool:
    """Filler, unless typed as an acronym ("US", "IS") in a question not all in capitals."""
    if not shouting and len(word) > 1 and word.isupper() and word.isalpha():
        return False
    return word.casefold() in STOPWORDS


def _intent(text: str) -> Intent:
    if _QUOTE_VERBS.search(text) and not re.fullmatch(r"\s*tell\b.*", text, re.I):
        return "quotes"
    if _EVENT_WORDS.search(text):
        return "events"
    return "articles"


def parse_question(text: str, today: date) -> Question:
    """Split a question into intent, date range, source filters and words to search."""
    text = unicodedata.normalize("NFC", text.replace("\x00", " "))[:MAX_CHARS]
    intent = _intent(text)
    work = text
    since, until, period, span = find_period(work, today)
    if period:
        work = _blank(work, span)
    sources: list[str] = []
    for match in list(_SOURCE_TAG.finditer(work)):
        sources.append((match.group(1) or match.group(2)).strip())
        work = _blank(work, match.span())
    letters = [c for c in work if c.isalpha()]
    shouting = bool(letters) and all(c.isupper() for c in letters)
    words = [
        Word(m.group(), m.start(), m.end(), _is_stop(m.group(), shouting))
        for m in _WORD.finditer(work)
    ]
    lowered = [w.text.casefold() for w in words]
    from_at = tuple(i + 1 for i, w in enumerate(lowered[:-1]) if w == "from")
    verb_at = topic_at = None
    if intent == "quotes":
        verb_at = next((i for i, w in enumerate(words) if _QUOTE_VERBS.fullmatch(w.text)), None)
        if verb_at is not None:
            after = range(verb_at + 1, len(words))
            topic_at = next((i for i in after if lowered[i] in _TOPIC_MARKERS), None)
    return Question(
        text=text,
        intent=intent,
        words=tuple(words),
        since=since,
        until=until,
        period=period,
        sources=tuple(dict.fromkeys(sources)),
        from_at=from_at,
        verb_at=verb_at,
        topic_at=topic_at,
    )


# --- fuzzy words ---------------------------------------------------------------------------

_FOLDS = (
    ("sch", "sh"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("ou", "u"),
    ("oo", "u"), ("ee", "i"), ("y", "i"), ("j", "i"),
)  # fmt: skip


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A spelling key that forgets transliteration choices: Sergey/Sergei, Lavrof/Lavrov.

    Remembered: typo search folds the same few words against many names and terms."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).casefold()
    for old, new in _FOLDS:
        word = word.replace(old, new)
    word = re.sub(r"(.)\1+", r"\1", word)
    return re.sub(r"(?<=.)v$", "f", word)  # final v and f sound alike: Lavrov / Lavrof


def allowed_edits(word: str) -> int:
    """Typos tolerated in a word: none up to three letters, one up to six, then two."""
    length = len(word)
    return 0 if length <= 3 else 1 if length <= 6 else 2


def distance(typed: str, known: str) -> int:
    """Typos between two words (a swap of neighbours is one), the smaller of the plain and
    the transliteration-folded spellings."""
    return min(OSA.distance(typed, known), OSA.distance(fold(typed), fold(known)))


@dataclass(frozen=True)
class ActorHit:
    """Words `start:end` of a question name these actors (most written about first)."""

    start: int
    end: int
    actor_ids: tuple[int, ...]
    form: str  # the alias matched, as the archive writes it
    edits: int  # 0 when the words are an alias up to case and diacritics


@dataclass
class _Actor:
    name: str
    type: str
    articles: int
    mentions: int = 0  # times the archive names it
    forms: dict[str, str] = field(default_factory=dict)  # norm -> alias as written


def _with(index: dict[Any, set[int]], key: Any, actor_id: int, in_place: bool) -> None:
    """Add an actor under a key (in a new set unless `in_place`: readers may hold the old)."""
    found = index.get(key)
    if found is None:
        index[key] = {actor_id}
    elif actor_id not in found:
        if in_place:
            found.add(actor_id)
        else:
            index[key] = found | {actor_id}


class ActorNames:
    """The names and aliases of a chat's actors, indexed for finding them in questions.

    Built once from every alias, then kept up to date with `add` and `count` as aliases and
    articles arrive. Updates never change a container a reader may be going through (they
    put new ones in place), so questions can be answered while another thread updates.
    """

    MAX_WORDS = 4

    def __init__(self, rows: Iterable[AliasRow] = ()) -> None:
        self.actors: dict[int, _Actor] = {}
        self.exact: dict[str, set[int]] = {}
        self.surnames: dict[str, set[int]] = {}
        self._word_actors: dict[str, set[int]] = {}
        self._wordset: frozenset[str] = frozenset()
        self._lists: tuple[list[str], list[str]] = ([], [])  # name words sorted, and folded
        self._by_position: dict[tuple[str, int, int], list[str]] = {}
        self._unseen: dict[int, tuple[int, int]] = {}  # counts of actors whose aliases are to come
        self._add(rows, in_place=True)

    @property
    def words(self) -> list[str]:
        """Every word of every name, sorted."""
        return self._lists[0]

    def add(self, rows: Iterable[AliasRow]) -> None:
        """Index more aliases (of known or new actors; a new actor starts with the row's
        article count)."""
        self._add(rows, in_place=False)

    def count(self, added: dict[int, tuple[int, int]]) -> None:
        """Add newly archived (articles, mentions) to the actors' counts."""
        for actor_id, (articles, mentions) in added.items():
            actor = self.actors.get(actor_id)
            if actor is None:
                before = self._unseen.get(actor_id, (0, 0))
                self._unseen[actor_id] = (before[0] + articles, before[1] + mentions)
            else:
                actor.articles += articles
                actor.mentions += mentions

    def _add(self, rows: Iterable[AliasRow], in_place: bool) -> None:
        fresh: set[str] = set()
        for row in rows:
            actor = self.actors.get(row.actor_id)
            forms = [(row.alias, row.norm)]
            if actor is None:
                articles, mentions = self._unseen.pop(row.actor_id, (0, 0))
                actor = _Actor(row.name, row.type, row.articles + articles, row.mentions + mentions)
                self.actors[row.actor_id] = actor
                forms.append((row.name, normalise_name(row.name)))
            for alias, norm in forms:
                if norm and norm not in actor.forms:
                    if in_place:
                        actor.forms[norm] = alias
                    else:
                        actor.forms = {**actor.forms, norm: alias}
                    fresh.update(self._index(row.actor_id, row.type, norm, in_place))
        fresh -= self._wordset
        if not fresh:
            return
        if in_place:
            words = sorted(self._wordset | fresh)
            self._lists = (words, [fold(w) for w in words])
        else:
            words, folded = list(self._lists[0]), list(self._lists[1])
            for word in sorted(fresh):
                at = bisect.bisect_left(words, word)
                words.insert(at, word)
                folded.insert(at, fold(word))
            self._lists = (words, folded)
        self._wordset = self._wordset | fresh

    def _index(self, actor_id: int, type_: str, norm: str, in_place: bool) -> list[str]:
        """Index one normalised name of an actor; returns its words."""
        parts = norm.split()
        if norm not in self.exact:
            for position, part in enumerate(parts):
                key = (part, position, len(parts))
                if in_place:
                    self._by_position.setdefault(key, []).append(norm)
                else:
                    self._by_position[key] = [*self._by_position.get(key, []), norm]
        _with(self.exact, norm, actor_id, in_place)
        for part in parts:
            _with(self._word_actors, part, actor_id, in_place)
        if type_ == "person" and len(parts) > 1 and len(parts[-1]) > 2:
            _with(self.surnames, parts[-1], actor_id, in_place)
        return parts

    def forms(self, actor_id: int) -> dict[str, str]:
        """norm -> alias as written, for one actor."""
        return self.actors[actor_id].forms

    def _ranked(self, ids: Iterable[int]) -> tuple[int, ...]:
        return tuple(sorted(set(ids), key=lambda i: (-self.actors[i].articles, i))[:3])

    def near_words(self, word: str) -> dict[str, int]:
        """Name words within the typos allowed for `word`, with their edits."""
        words, folded = self._lists
        if not word or not words:
            return {}
        found = {word: 0} if word in self._wordset else {}
        limit = allowed_edits(word)
        short = len(word) == 3  # a four-letter name with a letter dropped ("Cua" for "Cuba")
        if limit == 0 and not short:
            return found
        for choices, key in ((words, word), (folded, fold(word))):
            for _, edits, index in process.extract(
                key, choices, scorer=OSA.distance, score_cutoff=max(limit, 1), limit=50
            ):
                known = words[index]
                if short and (len(known) != 4 or OSA.distance(word, known) != 1):
                    continue
                if OSA.distance(word, known) <= limit + 1:  # folding is no licence for more
                    found[known] = min(found.get(known, max(limit, 1)), int(edits))
        return found

    def find(
        self, words: Sequence[Word], count: Callable[[str], int], known: Callable[[str], bool]
    ) -> list[ActorHit]:
        """Actors named in the words, longest names first, each word used once.

        `count(word)` is how many of the chat's articles contain a word, `known(word)` whether
        any does. A name is taken when
        its words are an alias up to case and diacritics, except a one-word alias that is far
        more common as a word than as the actor ("oil" of "Getty Oil"). Typos are tolerated
        in a word no article contains, and in any word of a longer name with one word exact
        ("Sergey Lavrov").
        """
        norms = [w.norm for w in words]
        near: dict[int, dict[str, int]] = {}

        def near_at(i: int) -> dict[str, int]:
            if i not in near:
                if norms[i] in self._wordset:  # a name word as written: taken as meant
                    near[i] = {norms[i]: 0}
                elif words[i].stop or " " in norms[i]:  # filler inside a name must be exact
                    near[i] = {}
                else:
                    near[i] = self.near_words(norms[i])
            return near[i]

        used: set[int] = set()
        hits: list[ActorHit] = []
        for size in range(min(self.MAX_WORDS, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                span = range(start, start + size)
                if used.intersection(span) or any(not norms[i] for i in span):
                    continue
                inside = [words[i] for i in span]
                if all(w.stop and not _acronym(w.text) for w in inside):
                    continue  # filler alone is never a name; within one it must be exact
                hit = self._match(words, norms, span, near_at, count, known)
                if hit is not None:
                    hits.append(hit)
                    used.update(span)
        return sorted(hits, key=lambda h: h.start)

    def _match(
        self,
        words: Sequence[Word],
        norms: Sequence[str],
        span: range,
        near_at: Callable[[int], dict[str, int]],
        count: Callable[[str], int],
        known: Callable[[str], bool],
    ) -> ActorHit | None:
        key = " ".join(norms[i] for i in span)
        if len(span) == 1:
            return self._match_word(words[span.start], key, span.start, near_at, count, known)
        if key in self.exact:
            ids = self._ranked(self.exact[key])
            return ActorHit(span.start, span.stop, ids, self.forms(ids[0])[key], 0)
        typed = [norms[i] for i in span]
        anchors = [j for j, word in enumerate(typed) if word in self._wordset]
        if anchors:  # compare with the names having that word there: no search of all names
            j = anchors[0]
            choices: list[tuple[str, int]] = []
            for norm in self._by_position.get((typed[j], j, len(span)), []):
                edits = self._edits(typed, norm.split(), words, span)
                if edits is not None:
                    choices.append((norm, edits))
        else:  # every word misspelt: only words no article contains
            choices = []
            if any(known(words[i].term) for i in span):
                return None
            options = [near_at(i) for i in span]
            if any(not o for o in options):
                return None
            for first in options[0]:
                for norm in self._by_position.get((first, 0, len(span)), []):
                    parts = norm.split()
                    if all(p in o for p, o in zip(parts, options, strict=True)):
                        edits = sum(o[p] for p, o in zip(parts, options, strict=True))
                        choices.append((norm, edits))
        best: tuple[int, int, str] | None = None  # edits, -articles, norm
        for norm, edits in choices:
            ids = self._ranked(self.exact[norm])
            score = (edits, -self.actors[ids[0]].articles, norm)
            if best is None or score < best:
                best = score
        if best is None:
            return None
        ids = self._ranked(self.exact[best[2]])
        return ActorHit(span.start, span.stop, ids, self.forms(ids[0])[best[2]], best[0])

    def _edits(
        self, typed: list[str], name: list[str], words: Sequence[Word], span: range
    ) -> int | None:
        """Typos between typed words and a name's words, or None when one is too far."""
        total = 0
        for word, part, i in zip(typed, name, span, strict=True):
            if word == part:
                continue
            if words[i].stop:
                return None
            edits = distance(word, part)
            short = len(word) == 3 and len(part) == 4 and edits == 1
            if edits > allowed_edits(word) and not short:
                return None
            if OSA.distance(word, part) > max(allowed_edits(word), 1) + 1:
                return None
            total += edits
        return total

    def _surface(self, actor_id: int, word: str) -> str:
        """How the archive writes a name word of an actor ("volcker" -> "Volcker")."""
        forms = self.forms(actor_id)
        if word in forms:
            return forms[word]
        for norm, alias in forms.items():
            parts, written = norm.split(), alias.split()
            if parts[-1] == word and len(parts) == len(written):
                return written[-1]
        return word

    def _match_word(
        self,
        word: Word,
        norm: str,
        at: int,
        near_at: Callable[[int], dict[str, int]],
        count: Callable[[str], int],
        known: Callable[[str], bool],
    ) -> ActorHit | None:
        exact = self.exact.get(norm, set()) | self.surnames.get(norm, set())
        if exact:
            ids = self._ranked(exact)
            if self.actors[ids[0]].articles < COMMON_WORD_SHARE * count(word.term):
                return None  # a common word that was once a name: searched as a word
            return ActorHit(at, at + 1, ids, self._surface(ids[0], norm), 0)
        if len(norm) < 3 or known(word.term):
            return None
        options = near_at(at)
        scored: list[tuple[int, int, str, tuple[int, ...]]] = []
        for near, edits in options.items():
            ids = self._ranked(self.exact.get(near, set()) | self.surnames.get(near, set()))
            if ids:
                scored.append((edits, -self.actors[ids[0]].articles, near, ids))
        if not scored:
            return None
        best = min(scored)
        # Equally near names are all searched: "Hawe" may be Hawke or Howe.
        tied = [ids[0] for edits, _, _, ids in scored if edits == best[0]]
        ids = self._ranked(tied)
        return ActorHit(at, at + 1, ids, self._surface(best[3][0], best[2]), best[0])

    def nearest(self, text: str, limit: int = 3) -> list[int]:
        """Actors with a name word looking like a word of `text` ("did you mean" buttons)."""
        scored: dict[int, float] = {}
        words, folded = self._lists
        for word in normalise_name(text).split():
            if len(word) < 3 or word in STOPWORDS:
                continue
            for _, score, index in process.extract(
                fold(word), folded, scorer=fuzz.ratio, score_cutoff=65, limit=10
            ):
                for actor_id in self._word_actors[words[index]]:
                    scored[actor_id] = max(scored.get(actor_id, 0.0), float(score))
        ranked = sorted(scored, key=lambda i: (-scored[i], -self.actors[i].articles, i))
        return ranked[:limit]


def nearest_terms(
    word: str, vocabulary: Sequence[str], counts: Sequence[int], limit: int = 5, extra: int = 0
) -> list[str]:
    """Index terms (porter stems) a typed word may have meant, nearest first.

    A stem is compared with the typed word cut to the stem's length or a little longer, so
    "agricultral" finds "agricultur".
    """
    allowed = allowed_edits(word) + extra
    if allowed == 0 or not vocabulary:
        return []
    rough = process.extract(
        word, vocabulary, scorer=OSA.distance, score_cutoff=allowed + 3, limit=50
    )
    scored: list[tuple[int, int, str]] = []
    for term, _, index in rough:
        cuts = range(max(1, len(term) - 1), min(len(word), len(term) + 3) + 1)
        edits = min([distance(word[:cut], term) for cut in cuts] + [distance(word, term)])
        if edits <= allowed:
            scored.append((edits, -counts[index], term))
    return [term for _, _, term in sorted(scored)[:limit]]
