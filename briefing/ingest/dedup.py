"""Recognising the same story twice: pasted again, slightly edited, or from another outlet.

Each article gets a compact signature: a bottom-k sketch of its word 4-shingles (estimating
how much text two articles share), its most frequent names and figures (its main actors and
numbers), its distinctive content words (weighted by how rare they are in English, `wordfreq`)
and the content words of its title and lead. A new article joins the story of the most similar
earlier one (within `STORY_WINDOW_DAYS`) when the text is largely shared (an edit, a re-send),
or when it tells the same event in other words (`same_event`): the same main actors, the same
distinctive words and figures across the text, and a lead that says much the same thing.

Two stories about the same actors on different days share names and much vocabulary but not
their leads' action or their figures, so every condition must hold: when unsure, apart.
This runs at ingest, where the full text is at hand, so the archive's `story_id` (the digest's
stories and the answers' "also:" sources) reflects it at no cost to a digest.
"""

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from storage import StoryCandidate

SHINGLE_WORDS = 4
SKETCH_SIZE = 128
TOP_TERMS = 40
SHARED_TEXT = 0.30  # estimated Jaccard of shingles: the same text, edited or re-sent...
SAME_TEXT = 0.50  # ...whatever its lead; below this, a shared background paragraph is not enough
SHARED_TERMS = 0.6  # cosine of the names-and-figures counts
SHARED_TITLE = 65.0
SAME_NAMES = 0.85  # names and figures alone, when there are many of them in common
SAME_NAMES_COUNT = 8  # rapidfuzz token_set_ratio of the titles' content words
STORY_WINDOW_DAYS = 3
KEY_TERMS = 8
KEY_HASHES = 8
MAIN_NAMES = 5  # the most frequent names and figures: an article's main actors
SHARED_MAIN = 2  # of them in common, at least, for the same event
CONTENT_WORDS = 40
STEM = 6  # letters kept of a word: "suspended" and "suspends" agree
COMMON_ZIPF = 5.5  # wordfreq Zipf frequency at which a word says nothing of the event
SHARED_CONTENT = 0.25  # weighted Jaccard of the distinctive content words
SHARED_LEAD = 0.25  # Jaccard of the title's and lead's content words
FIGURE_WEIGHT = 3.0  # a figure in common ("212 passengers") says as much as a rare word
YEAR_WEIGHT = 0.5  # a year says little
LEAD_SENTENCES = 2

_STOP = frozenset(
    "the a an and or of to in on at for by with from as is are was were be been has have had"
    " it its this that these those he she they we you i his her their our said says say will"
    " would could should may might also not but than then there which who whom what when where"
    " after before over under about into more most some such only other new one two year years"
    " mr mrs ms percent pct".split()
)

_CALENDAR = frozenset(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday"
    " friday saturday sunday".split()
)


@dataclass(frozen=True)
class Signature:
    """What near-duplicate detection keeps of an article."""

    sketch: tuple[int, ...]
    terms: dict[str, int]
    words: dict[str, float] = field(default_factory=dict)  # distinctive stems and weights
    lead: tuple[str, ...] = ()  # stems of the title's and lead's content words

    def keys(self) -> tuple[str, ...]:
        """Blocking keys: the top names and figures and the smallest shingle hashes."""
        names = [f"t:{term}" for term in list(self.terms)[:KEY_TERMS]]
        hashes = [f"h:{value:x}" for value in self.sketch[:KEY_HASHES]]
        return tuple(names + hashes)

    def dumps(self) -> str:
        """Compact JSON for storage."""
        data = {"s": self.sketch, "t": self.terms, "w": self.words, "l": self.lead}
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> "Signature":
        """Read a stored signature; an unreadable one compares as empty."""
        try:
            data = json.loads(text)
            words = {str(k): float(v) for k, v in dict(data.get("w", {})).items()}
            return cls(tuple(data["s"]), dict(data["t"]), words, tuple(data.get("l", ())))
        except (ValueError, KeyError, TypeError):
            return cls((), {})


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def signature(title: str, body: str) -> Signature:
    """The signature of one article."""
    words = _words(body or title)
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    sketch = tuple(sorted({_hash(s) for s in shingles})[:SKETCH_SIZE])
    terms = dict(_salient_terms(body or title).most_common(TOP_TERMS))
    return Signature(sketch, terms, _content_words(words, terms), _lead_stems(title, body))


@cache
def _rarity(word: str) -> float:
    """How much a word tells of an event: 0 for common English words, more the rarer it is."""
    import wordfreq  # under a second, once: only when an article is signed

    return round(max(0.0, COMMON_ZIPF - wordfreq.zipf_frequency(word, "en")), 2)


def _content_words(words: Sequence[str], names: dict[str, int]) -> dict[str, float]:
    """The distinctive content words (stems), most telling first: rare words said often."""
    counts: Counter[str] = Counter()
    weights: dict[str, float] = {}
    for word in words:
        if len(word) < 4 or not word.isalpha() or word in _STOP or word in _CALENDAR:
            continue
        if word in names:
            continue
        stem = word[:STEM]
        counts[stem] += 1
        weights.setdefault(stem, _rarity(word))
    scored = sorted(counts, key=lambda s: (-counts[s] * weights[s], s))
    found = {s: weights[s] for s in scored[:CONTENT_WORDS] if weights[s] > 0}
    for term in names:
        if term[0].isdigit():
            year = re.fullmatch(r"(19|20)\d\d", term) is not None
            found[f"#{term}"] = YEAR_WEIGHT if year else FIGURE_WEIGHT
    return found


def _lead_stems(title: str, body: str) -> tuple[str, ...]:
    """Stems of the content words and the figures of the title and the first sentences."""
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(body.split()), maxsplit=LEAD_SENTENCES)
    text = " ".join([title, *sentences[:LEAD_SENTENCES]])
    stems = {w if w.isdigit() else w[:STEM] for w in _words(text) if len(w) >= 3 or w.isdigit()}
    return tuple(sorted(s for s in stems if s not in _STOP))


def _salient_terms(text: str) -> Counter[str]:
    """Names and figures: capitalised words not opening a sentence, and multi-digit numbers.

    These tell one story from another on the same topic far better than common words do.
    """
    counts: Counter[str] = Counter()
    for match in re.finditer(r"(?<=[^\s.!?\"“])\s+([A-Z][\w'-]+|\d[\d.,]*\d)", text):
        word = match.group(1).casefold().strip("'")
        if word not in _STOP and word not in _CALENDAR:
            counts[word] += 1
    return counts


def text_overlap(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two articles' shingles (bottom-k sketches)."""
    if not a.sketch or not b.sketch:
        return 0.0
    union = sorted(set(a.sketch) | set(b.sketch))[:SKETCH_SIZE]
    both = set(a.sketch) & set(b.sketch)
    return sum(1 for h in union if h in both) / len(union)


def term_cosine(a: Signature, b: Signature) -> float:
    """Cosine similarity of the content-word counts."""
    dot = sum(count * b.terms.get(term, 0) for term, count in a.terms.items())
    norm = math.sqrt(sum(v * v for v in a.terms.values())) * math.sqrt(
        sum(v * v for v in b.terms.values())
    )
    return dot / norm if norm else 0.0


def title_similarity(a: str, b: str) -> float:
    """How alike two titles are, on their content words (0-100)."""
    words_a = " ".join(w for w in _words(a) if w not in _STOP)
    words_b = " ".join(w for w in _words(b) if w not in _STOP)
    if not words_a or not words_b:
        return 0.0
    return float(fuzz.token_set_ratio(words_a, words_b))


def near_duplicate(title: str, sig: Signature, other_title: str, other: Signature) -> bool:
    """The earlier rule, by shared text or by names and titles alike (kept for comparison:
    `bench/story_grouping.py`); it also joins same-actor stories of different events."""
    if text_overlap(sig, other) >= SHARED_TEXT:
        return True
    cosine = term_cosine(sig, other)
    if cosine >= SAME_NAMES and len(sig.terms.keys() & other.terms.keys()) >= SAME_NAMES_COUNT:
        return True
    return cosine >= SHARED_TERMS and title_similarity(title, other_title) >= SHARED_TITLE


def content_overlap(a: Signature, b: Signature) -> float:
    """Weighted Jaccard of the distinctive content words: rare shared words count most."""
    union = a.words.keys() | b.words.keys()
    total = sum(a.words.get(w, b.words.get(w, 0.0)) for w in union)
    both = sum(a.words[w] for w in a.words.keys() & b.words.keys())
    return both / total if total else 0.0


def lead_overlap(a: Signature, b: Signature) -> float:
    """Jaccard of the title's and lead's content words: whether they open on the same news."""
    first, second = set(a.lead), set(b.lead)
    return len(first & second) / len(first | second) if first and second else 0.0


def same_event(sig: Signature, other: Signature) -> bool:
    """The same event told in other words: the same main actors, distinctive words and lead."""
    main = set(list(sig.terms)[:MAIN_NAMES]) & set(list(other.terms)[:MAIN_NAMES])
    return (
        len(main) >= SHARED_MAIN
        and content_overlap(sig, other) >= SHARED_CONTENT
        and lead_overlap(sig, other) >= SHARED_LEAD
    )


def same_story(title: str, sig: Signature, other_title: str, other: Signature) -> bool:
    """True when two articles tell the same story (see the module docstring)."""
    shared = text_overlap(sig, other)
    if shared >= SAME_TEXT or (shared >= SHARED_TEXT and lead_overlap(sig, other) >= SHARED_LEAD):
        return True
    return same_event(sig, other)


def find_story(title: str, sig: Signature, candidates: Sequence[StoryCandidate]) -> int | None:
    """The story id (its first article) that a new article belongs to, if any."""
    best: tuple[float, int] | None = None
    for candidate in candidates:
        other = Signature.loads(candidate.signature)
        if not same_story(title, sig, candidate.title, other):
            continue
        score = text_overlap(sig, other) + term_cosine(sig, other) + content_overlap(sig, other)
        root = candidate.story_id or candidate.id
        if best is None or score > best[0]:
            best = (score, root)
    return best[1] if best else None
