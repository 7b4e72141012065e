"""Turning a question into a `Plan` over a chat's archive: its sources ("from Reuters"), the
actors it names (typos allowed, `ActorNames`), the words left (corrected to a near spelling
of the archive when they match nothing), and the speakers of a quote question."""

from collections.abc import Callable, Sequence
from datetime import datetime

from briefing.names import allowed_edits, distance, normalise_name
from briefing.questions.actor_names import ActorHit, ActorNames
from briefing.questions.plans import Correction, Group, Plan
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
    speakers = _speakers(question, list(groups))
    unmatched: list[str] = []
    content = [i for i in range(len(words)) if i not in used and not words[i].stop]
    for i in content[:MAX_WORDS]:
        word, correction = _word_group(store, vocabulary, chat_id, words[i], counts.known)
        if word is None:
            unmatched.append(words[i].text)
            continue
        groups.append((i, word))
        if correction is not None:
            corrections.append(correction)
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
    hits = names.find([words[i] for i in kept], counts.count, counts.known)
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


def _word_group(
    store: SearchStore,
    vocabulary: Vocabulary,
    chat_id: int,
    word: Word,
    known: Callable[[str], bool],
) -> tuple[Group | None, Correction | None]:
    """The word as searched: as typed when an article has it, else its nearest spelling in
    the chat's articles; None when there is none."""
    term = word.term
    if known(term):
        return Group(term, quote_term(term), (term,), typed=word.text), None
    key = normalise_name(term).replace(" ", "")
    terms, counts = vocabulary()
    allowed = allowed_edits(key)
    for candidate in nearest_terms(key, terms, counts):
        # The stem is near; one of the words the chat's articles write with it must be too.
        written = store.surface_words(chat_id, candidate)
        near = sorted((distance(key, w), i, w) for i, w in enumerate(written) if w != key)
        if near and near[0][0] <= allowed and known(near[0][2]):
            surface = near[0][2]
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
