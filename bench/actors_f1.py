"""Actor extraction quality: document-level F1 of actor names, bare spaCy small model vs ours.

    .venv/bin/python bench/actors_f1.py [--reuters N] [--errors] [--sets invented,A,B,C]

Sample sets, each scored in the same run for the bare model and for `extract_actors`:

1. Hand-labelled documents: the project's invented articles (`bench/actor_samples.py`) and,
   when ../shared/data/bbc-news-summary is present, BBC articles whose names the project
   labelled (`bench/bbc_gold.py`; set B was held out once but its errors were then studied,
   set C was labelled last and never used to change the code, so it is the held-out figure;
   the texts are read at run time, never stored). Each document's
   prediction is a set of actors, each with the forms it was found under (bare spaCy: every
   distinct PERSON, ORG, GPE, LOC or FAC text is one actor; ours: name plus aliases). A
   predicted actor matches a gold actor when one of its forms is one of the gold forms (after
   `normalise_name`), one to one, so finding "Sergei Lavrov" and "Lavrov" as two actors
   scores one hit and one false positive; types are not compared. Printed twice: with every
   actor, and names-only (gold actors named only through a demonym, and our actors found only
   that way, left out), the figure comparable to named-entity gold.

2. Reuters-21578 weak labels (`../shared/data/reuters21578`), when present. The collection tags
   each story with lower-case codes for places ("usa", "west-germany"), people ("james-baker",
   "volcker") and international organisations ("ec", "opec"). Tags say what a story is about,
   not every name in it, so: only stories with at least one people or organisation tag are
   used (their tags are the most complete), a tag counts as gold only when one of its names
   appears in the text (codes are mapped to names below: places by their country name and
   usual abbreviations, organisations by name and acronym, people by surname), and a
   prediction is scored only when it maps to some code of the tag vocabulary; one that maps to
   an untagged code is a false positive. Precision is therefore pessimistic for both systems.
"""

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from actor_samples import SAMPLES
from bbc_gold import GOLD as BBC_A
from bbc_gold import GOLD_B as BBC_B
from bbc_gold import GOLD_C as BBC_C

from briefing.analysis.actors import extract_actors
from briefing.analysis.gazetteer import is_demonym
from briefing.analysis.nlp import MODEL_PACKAGES, parse_articles
from briefing.names import normalise_name

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
REUTERS = SHARED / "reuters21578"
BBC = SHARED / "bbc-news-summary"
BARE_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}

Prediction = list[frozenset[str]]  # one document: each actor's normalised forms


@dataclass
class Score:
    """Micro-averaged counts over documents."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def f1(self) -> float:
        """F1 of the counts so far."""
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0

    def line(self) -> str:
        """Precision, recall and F1 for printing."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {self.f1():.3f}  (tp {self.tp} fp {self.fp} fn {self.fn})"


def _matching(predicted: Prediction, gold: Prediction) -> dict[int, int]:
    """A maximum one-to-one matching of gold actors (keys) to predicted actors (values)."""
    owner: dict[int, int] = {}

    def assign(p: int, seen: set[int]) -> bool:
        for g, forms in enumerate(gold):
            if g not in seen and predicted[p] & forms:
                seen.add(g)
                if g not in owner or assign(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in range(len(predicted)):
        assign(p, set())
    return owner


def score(total: Score, predicted: Prediction, gold: Prediction, title: str, errors: bool) -> None:
    """Add one document's counts to the total."""
    owner = _matching(predicted, gold)
    hits = len(owner)
    total.tp += hits
    total.fp += len(predicted) - hits
    total.fn += len(gold) - hits
    if errors and (hits < len(predicted) or hits < len(gold)):
        matched = set(owner.values())
        missed = [sorted(g) for i, g in enumerate(gold) if i not in owner]
        extra = [sorted(p) for i, p in enumerate(predicted) if i not in matched]
        total.errors.append(f"{title[:40]!r}: missed {missed} extra {extra}")


def bare_model() -> object:
    """The small English model as shipped, loaded the same way as ours."""
    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package)
        except OSError:
            continue
    sys.exit(f"No spaCy model installed (tried {', '.join(MODEL_PACKAGES)}).")


def bare_predictions(nlp: object, texts: Iterable[tuple[str, str]]) -> Iterator[Prediction]:
    """Each distinct person, organisation or place text the bare model finds, per document."""
    joined = (f"{title}\n\n{body}" if title else body for title, body in texts)
    for doc in nlp.pipe(joined, batch_size=32):  # type: ignore[attr-defined]
        names = {normalise_name(e.text) for e in doc.ents if e.label_ in BARE_LABELS}
        yield [frozenset({name}) for name in names if name]


def our_predictions(
    texts: Iterable[tuple[str, str]], names_only: bool = False
) -> Iterator[Prediction]:
    """Our actors per document, each with its canonical name and aliases."""
    for doc in parse_articles(texts):
        actors = extract_actors(doc)
        if names_only:
            actors = [a for a in actors if not all(is_demonym(s) for s in a.aliases)]
        yield [frozenset(normalise_name(f) for f in (a.name, *a.aliases)) for a in actors]


# --- the hand-labelled samples ------------------------------------------------------------


def parse_gold(text: str, names_only: bool) -> Prediction:
    """Gold lines `type: Name | form | ...`; `*` marks an actor named only by a demonym."""
    gold: Prediction = []
    for line in text.strip().splitlines():
        _, _, names = line.partition(":")
        if names_only and names.strip().endswith("*"):
            continue
        gold.append(frozenset(normalise_name(n.strip(" *")) for n in names.split("|")))
    return gold


def hand_labelled(
    nlp: object, name: str, samples: list[tuple[str, str, str]], errors: bool
) -> dict[bool, dict[str, Score]]:
    """Score both systems on labelled (title, body, gold) samples, all actors and names-only."""
    texts = [(title, body) for title, body, _ in samples]
    bare = list(bare_predictions(nlp, texts))
    scores: dict[bool, dict[str, Score]] = {}
    for names_only in (False, True):
        label = "names only" if names_only else "all actors"
        ours = list(our_predictions(texts, names_only))
        results = {"bare spaCy": Score(), "ours": Score()}
        for (title, _, gold_text), b, o in zip(samples, bare, ours, strict=True):
            gold = parse_gold(gold_text, names_only)
            score(results["bare spaCy"], b, gold, title, errors)
            score(results["ours"], o, gold, title, errors)
        report(f"{name} ({len(samples)} docs, {label})", results)
        scores[names_only] = results
    return scores


def bbc_samples(gold: dict[str, str]) -> list[tuple[str, str, str]]:
    """Hand-labelled BBC articles, their text read from the shared data."""
    articles: dict[str, tuple[str, str]] = {}
    for path in sorted(BBC.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                if row["id"] in gold:
                    articles[row["id"]] = (row["title"], row["article"])
    return [(*articles[key], names) for key, names in gold.items() if key in articles]


# --- Reuters weak labels -------------------------------------------------------------------

_PLACE_FORMS = {
    "usa": ("United States", "U.S.", "US", "USA", "America", "United States of America"),
    "uk": ("Britain", "United Kingdom", "U.K.", "UK", "Great Britain"),
    "ussr": ("Soviet Union", "USSR", "U.S.S.R."),
    "uae": ("United Arab Emirates", "UAE", "U.A.E."),
    "ivory-coast": ("Ivory Coast", "Cote d'Ivoire"),
    "trinidad-tobago": ("Trinidad and Tobago", "Trinidad"),
    "west-germany": ("West Germany",),
    "east-germany": ("East Germany",),
}
_ORG_FORMS = {
    "ec": ("European Community", "EC", "European Economic Community", "EEC", "Common Market"),
    "imf": ("International Monetary Fund", "IMF"),
    "opec": ("OPEC", "Organization of Petroleum Exporting Countries", "Opec"),
    "worldbank": ("World Bank",),
    "gatt": ("GATT", "General Agreement on Tariffs and Trade"),
    "oecd": ("OECD", "Organisation for Economic Cooperation and Development"),
    "ico-coffee": ("International Coffee Organization", "ICO"),
    "icco": ("International Cocoa Organization", "ICCO"),
    "adb-asia": ("Asian Development Bank",),
    "adb-africa": ("African Development Bank",),
    "un": ("United Nations", "UN", "U.N."),
    "unctad": ("UNCTAD", "United Nations Conference on Trade and Development"),
    "fao": ("Food and Agriculture Organization", "FAO"),
    "eib": ("European Investment Bank", "EIB"),
    "iea": ("International Energy Agency", "IEA"),
    "gcc": ("Gulf Cooperation Council", "GCC"),
    "bis": ("Bank for International Settlements", "BIS"),
    "oapec": ("OAPEC", "Organisation of Arab Petroleum Exporting Countries"),
    "asean": ("ASEAN", "Association of South East Asian Nations"),
    "comecon": ("Comecon", "Council for Mutual Economic Assistance"),
    "efta": ("EFTA", "European Free Trade Association"),
    "inro": ("International Natural Rubber Organization", "INRO"),
}


def _code_forms(kind: str, code: str) -> tuple[str, ...]:
    if kind == "places":
        return _PLACE_FORMS.get(code) or (code.replace("-", " ").title(),)
    if kind == "orgs":
        return _ORG_FORMS.get(code, ())
    parts = code.split("-")
    return (" ".join(p.title() for p in parts), parts[-1].title())


def _mentioned(text: str, forms: Iterable[str]) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in forms)


@dataclass
class Vocabulary:
    """Normalised names of every tag code, to map predictions onto codes."""

    names: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)

    def add(self, kind: str, code: str) -> None:
        """Register a tag code and the names it goes by."""
        forms = _code_forms(kind, code)
        if kind == "people":
            self.surnames.setdefault(normalise_name(forms[-1]), set()).add(f"people:{code}")
        else:
            for form in forms:
                self.names.setdefault(normalise_name(form), f"{kind}:{code}")

    def codes(self, forms: frozenset[str]) -> set[str]:
        """The codes an actor's normalised forms map to."""
        found = {self.names[f] for f in forms if f in self.names}
        for form in forms:
            found |= self.surnames.get(form.split()[-1], set()) if form else set()
        return found


def reuters_stories(limit: int) -> list[dict[str, object]]:
    """Held-out (Lewis TEST split) stories with a body and a people or organisation tag."""
    stories: list[dict[str, object]] = []
    for path in sorted(REUTERS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                story = json.loads(line)
                if not story.get("body") or story.get("lewissplit") != "TEST":
                    continue
                if story.get("people") or story.get("orgs"):
                    story["body"] = re.sub(r"\s*\bREUTER\b\s*$", "", str(story["body"]))
                    stories.append(story)
    return stories[:limit]


def weak_labels(nlp: object, limit: int, names_only: bool) -> None:
    """Score both systems on Reuters stories against their own tags (see module docstring)."""
    stories = reuters_stories(limit)
    vocabulary = Vocabulary()
    golds: list[set[str]] = []
    for story in stories:
        gold: set[str] = set()
        for kind in ("places", "people", "orgs"):
            for code in story.get(kind) or []:  # type: ignore[attr-defined]
                vocabulary.add(kind, code)
                forms = _code_forms(kind, code)
                if forms and _mentioned(str(story["body"]), forms):
                    gold.add(f"{kind}:{code}")
        golds.append(gold)
    texts = [(str(s.get("title") or ""), str(s["body"])) for s in stories]
    results = {"bare spaCy": Score(), "ours": Score()}
    for name, predictions in (
        ("bare spaCy", bare_predictions(nlp, texts)),
        ("ours", our_predictions(texts, names_only)),
    ):
        for gold, predicted in zip(golds, predictions, strict=True):
            found: set[str] = set()
            for forms in predicted:
                found |= vocabulary.codes(forms)
            results[name].tp += len(found & gold)
            results[name].fp += len(found - gold)
            results[name].fn += len(gold - found)
    label = "names only" if names_only else "all actors"
    report(f"Reuters-21578 weak labels ({len(stories)} stories, tag vocabulary, {label})", results)


def report(title: str, results: dict[str, Score]) -> None:
    """Print both systems' scores and the ratio of F1s."""
    print(f"\n{title}")
    for name, result in results.items():
        print(f"  {name:<11} {result.line()}")
        for error in result.errors:
            print(f"      {error}")
    bare, ours = results["bare spaCy"].f1(), results["ours"].f1()
    print(f"  ratio ours/bare F1: {ours / bare:.3f}" if bare else "  ratio: n/a")


def main() -> None:
    """Run both sample sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=300, help="Reuters stories (0: skip)")
    parser.add_argument("--errors", action="store_true", help="list misses per document")
    parser.add_argument(
        "--sets", default="invented,A,B,C", help="comma-separated sample sets to score"
    )
    args = parser.parse_args()
    wanted = set(args.sets.split(","))
    nlp = bare_model()
    combined: dict[str, Score] = {"bare spaCy": Score(), "ours": Score()}
    sets = [("project's invented articles", SAMPLES)] if "invented" in wanted else []
    if BBC.is_dir():
        for key, name, gold in (
            ("A", "BBC set A, labelled by hand, errors inspected", BBC_A),
            ("B", "BBC set B, labelled by hand, errors inspected later", BBC_B),
            ("C", "BBC set C, labelled by hand, held out", BBC_C),
        ):
            if key in wanted:
                sets.append((name, bbc_samples(gold)))
    else:
        print(f"BBC data not found at {BBC}; only the invented articles are scored.")
    for name, samples in sets:
        results = hand_labelled(nlp, name, samples, args.errors)[True]
        for system, result in results.items():
            combined[system].tp += result.tp
            combined[system].fp += result.fp
            combined[system].fn += result.fn
    report("all hand-labelled documents (names only)", combined)
    if args.reuters:
        if not REUTERS.is_dir():
            print(f"\nReuters data not found at {REUTERS}; weak-label figure skipped.")
        else:
            for names_only in (False, True):
                weak_labels(nlp, args.reuters, names_only)


if __name__ == "__main__":
    main()
