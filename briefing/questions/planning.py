"""Turning a question into a `Plan` over a chat's archive: its sources ("from Reuters"), the
actors it names (typos allowed, `ActorNames`), the words left, and the speakers of a quote
question.

A word no article has is corrected to a near spelling of the archive only when it is no word
of the language and no known name either (`briefing.questions.lexicon`): "Iran" is never
searched as "Iraq". Such a word is left unmatched, and the answer says the archive lacks it."""

from collections.abc import Callable, Sequence
from datetime import datetime

from briefing.names import allowed_edits, distance, normalise_name
from briefing.questions.actor_names import ActorHit, ActorNames
from briefing.questions.lexicon import is_real_word
from briefing.questions.plans import Correction, Group, Plan
from briefing.questions.role_names import role_groups
from briefing.questions.understanding import (
    MAX_WORDS,
    STOPWORDS,
    Question,
    Word,
    match_any,
    nearest_terms,
    parse_question,
    quote_term,
)
from briefing.questions.word_forms import abbreviation_of, spelled_out_at, word_forms
from storage import Filters
from storage.search import SearchStore

MAX_FORMS = 12  # names of one actor searched
Vocabulary = Callable[[], tuple[list[str], list[int]]]


def _searchable(norm: str) -> bool:
    """Whether an actor's name can be searched as text ("IS" cannot: it is "is")."""
    return len(norm) > 1 and norm not in STOPWORDS


def sources_named(typed: str, sources: Sequence[tuple[str, int]]) -> list[str]:
    """The chat's sources a typed name means ("reuters" -> "Reuters", "tass" -> "TASS")."""
    key = normalise_name(typed)
    if not key:
        return []
    exact = [name for name, _ in sources if normalise_name(name) == key]
    if exact:
        return exact
    return [name for name, _ in sources if f" {key} " in f" {normalise_name(name)} "]


class _WordCounts:
    """How many of the chat's articles contain a word, each word counted once per question."""

    def __init__(self, store: SearchStore, chat_id: int) -> None:
        self.store, self.chat_id = store, chat_id
        self.counts: dict[str, int] = {}
        self.seen: dict[str, bool] = {}

    def count(self, term: str) -> int:
        """Articles of the chat containing the word (up to the store's cap)."""
        if term not in self.counts:
            found = self.store.count_matching(self.chat_id, quote_term(term)) if term else 0
            self.counts[term] = found
        return self.counts[term]

    def settled(self, term: str) -> bool:
        """Whether the word is to be taken as typed: an article has it, or it is a real word
        or name (so never read as a typo of another)."""
        return self.known(term) or is_real_word(term)

    def known(self, term: str) -> bool:
        """Whether any article of the chat contains the word."""
        if term in self.counts:
            return self.counts[term] > 0
        if term not in self.seen:
            found = self.store.count_matching(self.chat_id, quote_term(term), 1) if term else 0
            self.seen[term] = found > 0
        return self.seen[term]


def plan_question(
    store: SearchStore,
    names: ActorNames,
    vocabulary: Vocabulary,
    chat_id: int,
    text: str,
    now: datetime,
) -> Plan:
    """Parse a question (dates relative to `now`) and resolve it in the chat's archive."""
    question = parse_question(text, now.date())
    words = list(question.words)
    used: set[int] = set()
    source_names = _from_sources(store, chat_id, question, used)
    for typed in question.sources:
        found = sources_named(typed, store.sources(chat_id))
        source_names.extend(found or [typed])
    counts = _WordCounts(store, chat_id)
    groups, corrections = _actor_groups(names, words, used, counts)
    groups = role_groups(store, names, chat_id, words, used, groups)
    speakers = _speakers(question, list(groups))
    content = [i for i in range(len(words)) if i not in used and not words[i].stop]
    searched, more, unmatched = _word_groups(store, vocabulary, chat_id, words, content, counts)
    groups.extend(searched)
    corrections.extend(more)
    groups.sort(key=lambda item: item[0])
    return Plan(
        question=question,
        groups=tuple(g for _, g in groups),
        speakers=speakers,
        filters=Filters(question.since, question.until, tuple(dict.fromkeys(source_names))),
        corrections=tuple(corrections),
        unmatched=tuple(unmatched),
        source_names=tuple(dict.fromkeys(source_names)),
    )


def _actor_groups(
    names: ActorNames, words: Sequence[Word], used: set[int], counts: _WordCounts
) -> tuple[list[tuple[int, Group]], list[Correction]]:
    """The actors named in the words not `used` (marked used), with where each starts."""
    kept = [i for i in range(len(words)) if i not in used]
    hits = names.find([words[i] for i in kept], counts.count, counts.settled)
    groups: list[tuple[int, Group]] = []
    corrections: list[Correction] = []
    for hit in hits:
        first = kept[hit.start]
        typed = " ".join(words[kept[i]].text for i in range(hit.start, hit.end))
        groups.append((first, _actor_group(names, hit, typed)))
        used.update(kept[i] for i in range(hit.start, hit.end))
        if hit.edits or normalise_name(typed) != normalise_name(hit.form):
            corrections.append(Correction(typed, hit.form))
    return groups, corrections


def _from_sources(
    store: SearchStore, chat_id: int, question: Question, used: set[int]
) -> list[str]:
    """Sources named after "from" ("from Reuters", "from the Moscow Times")."""
    found: list[str] = []
    if not question.from_at:
        return found
    sources = store.sources(chat_id)
    words = question.words
    for at in question.from_at:
        start = at + (words[at].text.casefold() == "the" and at + 1 < len(words))
        for size in (3, 2, 1):
            span = range(start, min(start + size, len(words)))
            if len(span) < size:
                continue
            named = sources_named(" ".join(words[i].text for i in span), sources)
            if named:
                found.extend(named)
                used.update(range(at - 1, span.stop))
                break
    return found


def _actor_group(names: ActorNames, hit: ActorHit, typed: str) -> Group:
    """The group of the actors a hit names: every name to mark, the asked ones to search."""
    forms: dict[str, str] = {}
    for actor_id in hit.actor_ids:
        for norm, alias in names.forms(actor_id).items():
            forms.setdefault(norm, alias)
    # The text searched is the name as asked (and the actors' own names); articles that
    # use only other names ("Tokyo" for Japan) come in through the actors' mentions.
    asked = [hit.form, *(names.actors[i].name for i in hit.actor_ids)]
    form = f" {normalise_name(hit.form)} "
    searchable = [
        a
        for a in dict.fromkeys(asked)
        if _searchable(normalise_name(a))
        and (a == hit.form or form not in f" {normalise_name(a)} ")  # "Lavrov" covers
    ]  # "Sergei Lavrov": every article naming the one names the other
    match = match_any(searchable[:MAX_FORMS])
    label = names.actors[hit.actor_ids[0]].name
    return Group(label, match, tuple(forms.values()), hit.actor_ids, typed)


def _word_groups(
    store: SearchStore,
    vocabulary: Vocabulary,
    chat_id: int,
    words: Sequence[Word],
    content: list[int],
    counts: _WordCounts,
) -> tuple[list[tuple[int, Group]], list[Correction], list[str]]:
    """The groups of the content words (at most `MAX_WORDS`), with the corrections made and
    the words found nowhere. Consecutive words that spell out an abbreviation ("prime
    minister") are one group, searched with the abbreviation too."""
    groups: list[tuple[int, Group]] = []
    corrections: list[Correction] = []
    unmatched: list[str] = []
    terms = [words[i].term for i in content]
    skip = 0
    for at, i in enumerate(content[:MAX_WORDS]):
        if skip:
            skip -= 1
            continue
        size = spelled_out_at(terms, at)
        if size and content[at + size - 1] == i + size - 1:
            phrase = " ".join(terms[at : at + size])
            typed = " ".join(words[j].text for j in range(i, i + size))
            phrase_group = _forms_group(phrase, typed, counts.known)
            if phrase_group is not None:
                groups.append((i, phrase_group))
                skip = size - 1
                continue
        group, correction = _word_group(store, vocabulary, chat_id, words[i], counts.known)
        if group is None:
            unmatched.append(words[i].text)
            continue
        groups.append((i, group))
        if correction is not None:
            corrections.append(correction)
    return groups, corrections, unmatched


def _forms_group(term: str, typed: str, known: Callable[[str], bool]) -> Group | None:
    """The word (or spelled-out phrase) searched with its other forms and abbreviation,
    those that the chat's articles have ("won": won, win; "ID": id, identity); None when
    they have none of them."""
    alternatives = (
        [*word_forms(term), *abbreviation_of(typed)]
        if " " not in term
        else [
            term,
            *abbreviation_of(term),
        ]
    )
    present = [form for form in dict.fromkeys(alternatives) if form and known(form)]
    if not present:
        return None
    return Group(term, match_any(present), tuple(present), typed=typed)


def _word_group(
    store: SearchStore,
    vocabulary: Vocabulary,
    chat_id: int,
    word: Word,
    known: Callable[[str], bool],
) -> tuple[Group | None, Correction | None]:
    """The word as searched: as typed when an article has it; else, unless it is a real word
    or name, its nearest spelling in the chat's articles; None when there is none."""
    term = word.term
    found = _forms_group(term, word.text, known)
    if found is not None:
        return found, None
    if is_real_word(term):
        return None, None  # the archive lacks it: said, never replaced
    key = normalise_name(term).replace(" ", "")
    terms, counts = vocabulary()
    allowed = allowed_edits(key)
    # Near stems; of the words the chat's articles write with them, the nearest to the typed
    # word ("ministy": "ministry" before "minister", though both share a near stem).
    near: list[tuple[int, int, str]] = []
    for rank, candidate in enumerate(nearest_terms(key, terms, counts)):
        near.extend(
            (edits, rank, w)
            for w in store.surface_words(chat_id, candidate)
            if w != key and (edits := distance(key, w)) <= allowed
        )
    for _, _, surface in sorted(near):
        if known(surface):
            group = Group(surface, quote_term(surface), (surface,), typed=word.text)
            return group, Correction(word.text, surface)
    return None, None


def _speakers(question: Question, actors: list[tuple[int, Group]]) -> tuple[Group, ...]:
    """Whose quotes a quote question asks for: actors before the verb, else after it."""
    if question.intent != "quotes" or not actors:
        return ()
    verb = question.verb_at
    if verb is None:
        return (actors[0][1],)
    before = tuple(g for i, g in actors if i < verb)
    if before:
        return before
    end = question.topic_at if question.topic_at is not None else len(question.words)
    return tuple(g for i, g in actors if verb < i < end)
