"""Recognising the same story twice: pasted again, slightly edited, or from another outlet.

Each article gets a compact signature: a bottom-k sketch of its word 4-shingles (estimating
how much text two articles share) and its most frequent names and figures (whether they speak
of the same people, places and numbers). A new article joins the story of the most similar
earlier one when the text is largely shared, when many names and figures agree, or when
the names and the titles both agree.
"""

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from storage import StoryCandidate

SHINGLE_WORDS = 4
SKETCH_SIZE = 128
TOP_TERMS = 40
SHARED_TEXT = 0.30  # estimated Jaccard of shingles: the same text, edited or re-sent
SHARED_TERMS = 0.6  # cosine of the names-and-figures counts
SHARED_TITLE = 65.0
SAME_NAMES = 0.85  # names and figures alone, when there are many of them in common
SAME_NAMES_COUNT = 8  # rapidfuzz token_set_ratio of the titles' content words
STORY_WINDOW_DAYS = 3
KEY_TERMS = 8
KEY_HASHES = 8

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

    def keys(self) -> tuple[str, ...]:
        """Blocking keys: the top names and figures and the smallest shingle hashes."""
        names = [f"t:{term}" for term in list(self.terms)[:KEY_TERMS]]
        hashes = [f"h:{value:x}" for value in self.sketch[:KEY_HASHES]]
        return tuple(names + hashes)

    def dumps(self) -> str:
        """Compact JSON for storage."""
        return json.dumps({"s": self.sketch, "t": self.terms}, separators=(",", ":"))

    @classmethod
    def loads(cls, text: str) -> "Signature":
        """Read a stored signature; an unreadable one compares as empty."""
        try:
            data = json.loads(text)
            return cls(tuple(data["s"]), dict(data["t"]))
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
    return Signature(sketch, dict(_salient_terms(body or title).most_common(TOP_TERMS)))


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


def same_story(title: str, sig: Signature, other_title: str, other: Signature) -> bool:
    """True when two articles tell the same story (see the module docstring)."""
    if text_overlap(sig, other) >= SHARED_TEXT:
        return True
    cosine = term_cosine(sig, other)
    if cosine >= SAME_NAMES and len(sig.terms.keys() & other.terms.keys()) >= SAME_NAMES_COUNT:
        return True
    return cosine >= SHARED_TERMS and title_similarity(title, other_title) >= SHARED_TITLE


def find_story(title: str, sig: Signature, candidates: Sequence[StoryCandidate]) -> int | None:
    """The story id (its first article) that a new article belongs to, if any."""
    best: tuple[float, int] | None = None
    for candidate in candidates:
        other = Signature.loads(candidate.signature)
        if not same_story(title, sig, candidate.title, other):
            continue
        score = text_overlap(sig, other) + term_cosine(sig, other)
        root = candidate.story_id or candidate.id
        if best is None or score > best[0]:
            best = (score, root)
    return best[1] if best else None
