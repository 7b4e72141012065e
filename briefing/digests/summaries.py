"""Extractive summaries for the digest: pick the few sentences that carry an article.

Local and fast (pure Python, no model): each sentence is scored by its position, its
centrality (how much it shares the article's recurring content words), its overlap with the
title and its length; sentences are then picked greedily, each new pick penalised by its
similarity to those already chosen (maximal marginal relevance), and returned in document order.

What is not the article's own prose is left out before scoring: a dateline at the head of a
sentence ("KIEV, April 23 (Reuters) - "), photo captions and bylines. A sentence opening with a
pronoun or connective ("He also says…", "But…") is picked only after the sentence before it,
so a summary never starts with a reference the reader cannot resolve.
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from briefing.ingest.datelines import read_dateline
from briefing.sentences import split_sentences

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOPWORDS = frozenset(
    """a about above after again against all also am an and any are around as at be because
    been before being below between both but by can could did do does doing down during each
    even ever every few for from further had has have having he her here hers herself him
    himself his how i if in into is it its itself just last like made make many may me might
    more most much must my myself new no nor not now of off on once one only or other our ours
    out over own per said same say says she should since so some still such than that the their
    theirs them themselves then there these they this those through to too two under until up
    upon us very was we were what when where which while who whom why will with within without
    would year years yet you your yours mr mrs ms told according""".split()
)


@dataclass(frozen=True)
class Weights:
    """How much each signal counts.

    Tuned on the tune half of the BBC News Summary set (bench/summarize.py). Its references
    barely favour the lead, so tuning alone would drop position; a small lead prior is kept on
    purpose, because news puts its point first (it costs a few tenths of a ROUGE point there).
    """

    position: float = 0.15
    position_decay: float = 0.5  # position score is 1 / (1 + index) ** decay
    centrality: float = 1.0
    title: float = 0.3
    length: float = 0.5
    short_words: int = 10  # sentences shorter than this lose score in proportion
    long_words: int = 45  # sentences longer than this lose score in proportion
    redundancy: float = 1.0  # MMR penalty at full similarity to a chosen sentence ...
    similar_above: float = 0.3  # ... falling to 0 at this similarity and below


DEFAULT_WEIGHTS = Weights()


_OPENER_RE = re.compile(r"^[\W_]*([^\W_]+)(?:\s+([^\W_]+))?")
_DANGLING = frozenset(
    """he she they it its his her their them him also but however this that these those
    meanwhile moreover furthermore additionally besides nevertheless nonetheless still yet and
    or so instead then thus hence therefore otherwise likewise similarly such""".split()
)
_TIME_NOUNS = frozenset(
    "year week month morning afternoon evening season summer winter spring autumn time".split()
)
_CAPTION_RE = re.compile(
    r"^\W*(?:photo|picture|image|caption|file photo)\b\s*[:|-]|\b(?:getty images|ap photo|"
    r"afp photo|reuters/|photo by|picture by|image by|photograph:|pictured:)",
    re.IGNORECASE,
)
_BYLINE_RE = re.compile(
    r"^\W*(?:by\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*$|(?:reporting|writing|editing|"
    r"additional reporting)\s+by\b|staff (?:writer|reporter)\b|follow\b.{0,40}\bon twitter)",
    re.IGNORECASE,
)
_REPORTING_RE = re.compile(
    r"\b(?:said|says|told|announced|reported|will|would|has|have|had|was|were|\w+ed)\b",
    re.IGNORECASE,
)
CAPTION_WORDS = 20  # a lone first paragraph this long at most, with no report verb: a caption


def dangling(sentence: str) -> bool:
    """Whether a sentence opens with a pronoun or connective that refers to what came before."""
    match = _OPENER_RE.match(sentence)
    if not match:
        return False
    first, second = match.group(1).casefold(), (match.group(2) or "").casefold()
    if first in {"this", "that", "these", "those"} and second in _TIME_NOUNS:
        return False
    return first in _DANGLING


def _lone_caption(text: str, sentences: list[str]) -> bool:
    """Whether the first sentence is a photo caption: a paragraph of its own, short, before a
    longer sentence, with no verb form a report uses ("said", "has", "-ed")."""
    if len(sentences) < 2:
        return False
    block = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    first = sentences[0]
    if " ".join(block.split()) != " ".join(first.split()):
        return False
    words = len(first.split())
    return (
        words <= CAPTION_WORDS
        and len(sentences[1].split()) > words
        and not _REPORTING_RE.search(first)
    )


def prose_sentences(text: str) -> list[str]:
    """The sentences of `text` that are the article's prose: datelines cut from their heads,
    captions and bylines dropped."""
    sentences = split_sentences(text)
    if _lone_caption(text, sentences):
        sentences = sentences[1:]
    kept: list[str] = []
    for sentence in sentences:
        if len(kept) < 2 and (line := read_dateline(sentence)) is not None:
            sentence = line.rest
        if sentence and not _CAPTION_RE.search(sentence) and not _BYLINE_RE.search(sentence):
            kept.append(sentence)
    return kept


@dataclass(frozen=True)
class Analysis:
    """Per-sentence facts about one article that do not depend on the weights."""

    sentences: list[str]
    words: list[frozenset[str]]
    lengths: list[int]
    centrality: list[float]
    title_overlap: list[float]
    dangling: list[bool]  # opens with a pronoun or connective: needs the sentence before it


def _stem(word: str) -> str:
    """A light suffix strip so that "talks", "talked" and "talking" meet; not a full stemmer."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) - len(suffix) >= 3 and word.endswith(suffix) and not word.endswith("ss"):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> list[str]:
    """Lower-cased, lightly stemmed words of `text` without the common function words."""
    words = (w.replace("’", "'") for w in _WORD_RE.findall(text.casefold()))
    return [_stem(w) for w in words if w not in _STOPWORDS and (len(w) > 1 or w.isdigit())]


def _same_as_title(sentence: str, title: str) -> bool:
    """Whether a sentence just repeats the title (bodies sometimes start with it)."""
    return bool(title) and _WORD_RE.findall(sentence.casefold()) == _WORD_RE.findall(
        title.casefold()
    )


def _centrality(bags: list[Counter[str]]) -> list[float]:
    """Cosine of each sentence's TF-IDF vector with the rest of the article's, scaled to [0, 1]."""
    count = len(bags)
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    idf = {w: math.log(1 + count / df) for w, df in document_frequency.items()}
    totals: Counter[str] = Counter()
    for bag in bags:
        totals.update(bag)
    total_norm = sum((tf * idf[w]) ** 2 for w, tf in totals.items())
    scores = []
    for bag in bags:
        dot = own = removed = 0.0
        for w, tf in bag.items():
            weight = idf[w] ** 2
            dot += tf * (totals[w] - tf) * weight
            own += tf * tf * weight
            removed += (totals[w] ** 2 - (totals[w] - tf) ** 2) * weight
        rest = total_norm - removed
        scores.append(dot / math.sqrt(own * rest) if own > 0 and rest > 1e-12 else 0.0)
    top = max(scores, default=0.0)
    return [s / top for s in scores] if top else scores


def analyse(title: str, text: str) -> Analysis:
    """Split `text` into sentences and measure each one; a leading copy of the title is dropped."""
    sentences = prose_sentences(text)
    if sentences and _same_as_title(sentences[0], title):
        sentences = sentences[1:]
    bags = [Counter(content_words(s)) for s in sentences]
    title_words = set(content_words(title))
    overlap = [
        len(title_words & bag.keys()) / len(title_words) if title_words else 0.0 for bag in bags
    ]
    return Analysis(
        sentences=sentences,
        words=[frozenset(bag) for bag in bags],
        lengths=[len(s.split()) for s in sentences],
        centrality=_centrality(bags),
        title_overlap=overlap,
        dangling=[dangling(s) for s in sentences],
    )


def _length_penalty(words: int, weights: Weights) -> float:
    """0 inside the comfortable range, growing towards 1 for very short or very long sentences."""
    if words < weights.short_words:
        return (weights.short_words - words) / weights.short_words
    if words > weights.long_words:
        return min(1.0, (words - weights.long_words) / weights.long_words)
    return 0.0


def sentence_scores(analysis: Analysis, weights: Weights = DEFAULT_WEIGHTS) -> list[float]:
    """The stand-alone score of each sentence: position, centrality, title overlap, length."""
    return [
        weights.position / (1 + i) ** weights.position_decay
        + weights.centrality * analysis.centrality[i]
        + weights.title * analysis.title_overlap[i]
        - weights.length * _length_penalty(analysis.lengths[i], weights)
        for i in range(len(analysis.sentences))
    ]


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two sentences' content words (cosine of their binary vectors)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def _redundancy(similarity: float, weights: Weights) -> float:
    """The MMR penalty for a similarity to a chosen sentence; mild overlap costs nothing."""
    excess = similarity - weights.similar_above
    return weights.redundancy * excess / (1 - weights.similar_above) if excess > 0 else 0.0


def select(analysis: Analysis, count: int, weights: Weights = DEFAULT_WEIGHTS) -> list[int]:
    """Indexes of up to `count` sentences chosen greedily by MMR, in document order; a dangling
    sentence only once the sentence before it is chosen (the text's first sentence opens the
    summary as it opens the text)."""
    scores = sentence_scores(analysis, weights)
    closest = [0.0] * len(scores)  # each sentence's highest similarity to a chosen one
    remaining = set(range(len(scores)))
    chosen: list[int] = []
    while len(chosen) < count:
        ready = [i for i in remaining if not analysis.dangling[i] or i == 0 or i - 1 in chosen]
        if not ready:
            break
        best = max(ready, key=lambda i: (scores[i] - _redundancy(closest[i], weights), -i))
        chosen.append(best)
        remaining.discard(best)
        for i in remaining:
            closest[i] = max(closest[i], _similarity(analysis.words[i], analysis.words[best]))
    return sorted(chosen)


def summarize(
    title: str, text: str, sentences: int = 3, *, weights: Weights = DEFAULT_WEIGHTS
) -> list[str]:
    """The `sentences` most informative, least redundant sentences of `text`, in document order."""
    analysis = analyse(title, text)
    chosen = select(analysis, sentences, weights)
    return [_quotes_closed(analysis.sentences, i, set(chosen)) for i in chosen]


def _open_quote(sentence: str) -> str | None:
    """The closing mark a sentence leaves owed (it opens a quote that goes on after it)."""
    if sentence.count("“") > sentence.count("”"):
        return "”"
    if sentence.count('"') % 2 == 1:
        first = sentence.index('"')
        opens = first == 0 or sentence[first - 1].isspace() or sentence[first - 1] in "(—-"
        last = sentence.rindex('"')
        return '"' if opens and (first != last or last + 1 < len(sentence)) else None
    return None


def _closed_quote(sentence: str) -> str | None:
    """The opening mark a sentence lacks (it ends a quote that began before it)."""
    if sentence.count("”") > sentence.count("“"):
        return "“"
    if sentence.count('"') % 2 == 1 and _open_quote(sentence) is None:
        return '"'
    return None


def _quotes_closed(sentences: list[str], index: int, chosen: set[int]) -> str:
    """A chosen sentence whose quote goes on into a sentence left out ends with "…" and the
    closing mark; one that ends a quote begun in a sentence left out starts with the opening
    mark and "…": a summary never leaves a quotation open or closes one it did not open."""
    sentence = sentences[index]
    closing = _open_quote(sentence)
    if closing is not None and index + 1 not in chosen:
        sentence = f"{sentence.rstrip()}…{closing}"
    opening = _closed_quote(sentences[index])
    if opening is not None and index - 1 not in chosen:
        sentence = f"{opening}…{sentence.lstrip()}"
    return sentence


def summarize_many(
    items: Iterable[tuple[str, str]], sentences: int = 3, *, weights: Weights = DEFAULT_WEIGHTS
) -> list[list[str]]:
    """Summaries of many (title, text) pairs, for a day's digest."""
    return [summarize(title, text, sentences, weights=weights) for title, text in items]
