"""Quote speakers: how many hand-labelled direct quotes get their true speaker.

    .venv/bin/python bench/quote_speakers.py [--errors] [--json]

The labels (`bench/quote_labels.json`) name the speaker of direct quotes in BBC, Reuters and
saved web-page articles read at run time from ../shared/data (never stored here): each quote
is the character offset of its opening quotation mark in the article's raw text, with the
names that count as right, read from the texts by people who had not seen the code's output.
The `dev` articles may be studied and tuned on; they include the earlier held-out sets,
moved to dev once their figures were reported (`labelled_as` says which). The `heldout39`
to `heldout41` articles are never used to change the code: their figures are the honest ones.
Labelled phrases of one or two words are not counted: the bot keeps no quote that short.

Each article goes through the same parse and extraction as the bot (`parse_article`,
`extract_actors`, `extract_quotes`). A labelled quote is found as the direct quote whose span
covers its opening mark. It is right when the speaker names the labelled person or
organisation ("Lee" or "Harry Lee" for "Harry Lee"), wrong when it names someone else, and
"no speaker" when the speaker is empty or no direct quote covers it. `--errors` prints the
dev articles' misses (never the held-out ones').
"""

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from briefing.analysis import gazetteer
from briefing.analysis.acronyms import is_acronym, spells
from briefing.analysis.actors import extract_actors
from briefing.analysis.nlp import body_start, parse_article
from briefing.analysis.quote_model import MIN_QUOTE_WORDS
from briefing.analysis.quotes import Quote, extract_quotes
from briefing.names import normalise_name

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LABELS = ROOT / "bench" / "quote_labels.json"
FOLDERS = {
    "bbc": SHARED / "bbc-news-summary",
    "reuters": SHARED / "reuters21578",
    "pages": SHARED / "article-pages",
}
FIELDS = {
    "bbc": ("id", "title", "article"),
    "reuters": ("newid", "title", "body"),
    "pages": ("id", "title", "articleBody"),
}
SPLITS = ("dev", "heldout39", "heldout40", "heldout41")
_CLOSES = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u2018": "\u2019"}
_CLOSING_MARKS = ("\u201d", "\u00bb", '"')
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "prof"})


@dataclass
class Score:
    """Counts for one split: right, wrong speaker, no speaker (empty or quote not found), and
    labelled phrases of one or two words, which the bot keeps out of its quotes by design."""

    labelled: int = 0
    phrases: int = 0
    right: int = 0
    wrong: int = 0
    empty: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.labelled if self.labelled else 0.0


def data_present() -> bool:
    """Whether both corpora are at ../shared/data."""
    return all(folder.is_dir() for folder in FOLDERS.values())


def load_labels() -> list[dict]:
    """The labelled articles."""
    return json.loads(LABELS.read_text(encoding="utf-8"))["articles"]


def read_article(corpus: str, file: str, ident: str) -> tuple[str, str]:
    """(title, text) of one corpus article."""
    id_field, title_field, text_field = FIELDS[corpus]
    with (FOLDERS[corpus] / file).open(encoding="utf-8") as handle:
        for line in handle:
            item = json.loads(line)
            if str(item[id_field]) == ident:
                return item.get(title_field) or "", item[text_field]
    raise KeyError(f"{corpus} {file} has no article {ident}")


def _words(name: str) -> list[str]:
    return [w for w in normalise_name(name).split() if w not in _HONORIFICS]


def same_speaker(found: str, accepted: list[str]) -> bool:
    """Whether a found speaker names one of the accepted ones: the words of one within the
    other's, with the same last word ("Lee" and "Harry Lee", not "Harry Lee" and "Ann Lee")
    or at least two words shared ("Guy Mansfield QC" and "Guy Mansfield", "JP Morgan Chase"
    and "JP Morgan"), an accepted acronym that the found name spells out, or another name
    of the same gazetteer actor ("Tories" and "Conservatives")."""
    mine = _words(found)
    entry = gazetteer.lookup(found)
    for name in accepted:
        if is_acronym(name) and spells(name, found):
            return True  # "IMF" labelled, "International Monetary Fund" found
        if entry is not None and gazetteer.lookup(name) == entry:
            return True  # "Tories" labelled, "Conservatives" found: one gazetteer actor
        theirs = _words(name)
        nested = set(mine) <= set(theirs) or set(theirs) <= set(mine)
        shared = min(len(set(mine)), len(set(theirs)))
        if mine and theirs and nested and (mine[-1] == theirs[-1] or shared >= 2):
            return True
    return False


def _non_space_index(text: str, offset: int) -> int:
    return sum(1 for char in text[:offset] if not char.isspace())


def _offset_of(text: str, start: int, count: int) -> int:
    """The offset in `text`, from `start`, of the `count`-th non-space character."""
    seen = 0
    for at in range(start, len(text)):
        if not text[at].isspace():
            if seen == count:
                return at
            seen += 1
    return len(text)


def quoted_words(raw: str, offset: int) -> int:
    """How many words a labelled quote holds: up to the next quotation mark that may close it."""
    closing = raw.find(_CLOSES.get(raw[offset], raw[offset]), offset + 1)
    for mark in _CLOSING_MARKS:
        found = raw.find(mark, offset + 1)
        if found != -1 and (closing == -1 or found < closing):
            closing = found
    return len(raw[offset + 1 : closing if closing != -1 else len(raw)].split())


def _quote_at(quotes: list[Quote], at: int) -> Quote | None:
    return next((q for q in quotes if q.direct and q.start <= at < q.end), None)


def score_article(article: dict, score: Score, keep_errors: bool) -> None:
    """Add one labelled article's quotes to `score`."""
    title, raw = read_article(article["corpus"], article["file"], article["id"])
    doc = parse_article(title, raw)
    quotes = extract_quotes(doc, extract_actors(doc))
    start = body_start(doc)
    for offset, accepted in article["quotes"]:
        if quoted_words(raw, offset) < MIN_QUOTE_WORDS:
            score.phrases += 1
            continue
        at = _offset_of(doc.text, start, _non_space_index(raw, offset))
        quote = _quote_at(quotes, at)
        speaker = quote.speaker if quote is not None else None
        score.labelled += 1
        if speaker is None:
            score.empty += 1
        elif same_speaker(speaker, accepted):
            score.right += 1
            continue
        else:
            score.wrong += 1
        if keep_errors:
            found = "no quote" if quote is None else repr(speaker)
            score.errors.append(f"{article['id']}@{offset}: {found}, labelled {accepted[0]!r}")


def run(show_errors: bool = False) -> dict[str, Score]:
    """Scores of the dev and held-out splits."""
    scores = {split: Score() for split in SPLITS}
    for article in load_labels():
        split = article["split"]
        score_article(article, scores[split], show_errors and split == "dev")
    return scores


def _lines(scores: dict[str, Score]) -> Iterator[str]:
    for split, score in scores.items():
        yield (
            f"{split:8} {score.right}/{score.labelled} right ({score.accuracy:.1%}), "
            f"{score.empty} with no speaker, {score.wrong} with a wrong speaker "
            f"({score.phrases} labelled phrases of one or two words not counted)"
        )
        yield from (f"  {error}" for error in score.errors)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print the dev articles' misses")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not data_present():
        print(f"skipped: {SHARED} is not present", file=sys.stderr)
        return 0
    scores = run(args.errors)
    if args.json:
        figures = {
            split: {
                "labelled": s.labelled,
                "right": s.right,
                "wrong": s.wrong,
                "empty": s.empty,
                "phrases": s.phrases,
            }
            for split, s in scores.items()
        }
        print(json.dumps(figures))
    else:
        print("\n".join(_lines(scores)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
