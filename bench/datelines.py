"""Datelines: the date and source read from wire stories pasted as text.

    .venv/bin/python bench/datelines.py [--errors] [--json]
    .venv/bin/python bench/datelines.py --make-set   # rewrites bench/dateline_labels.json

The set (`bench/dateline_labels.json`) names Reuters-21578 stories by file and `newid`, with
their labels: the date (the collection's own `date`, day only) and the source ("Reuters"). No
corpus text is held there; the stories are read at run time from ../shared/data/reuters21578.
They are drawn at random (seed 11) among the stories that have a body, with or without a
dateline; the first half is the development set (errors may be studied and the code tuned),
the second half is held out (scored only, never used to change the code).

Each story is pasted as the wire shows it: the headline, a blank line, the dateline and the
body with its closing "Reuter" ("SALVADOR, Feb 26 - Showers continued … Reuter"), and read by
`parse_pasted` as the bot reads a paste. Reuters datelines carry no year, so the paste is made
`REFERENCE_DAYS` days after the story's true date (as if pasted that week): a dateline's date is
the latest such date not after it. A story is "clean" when the body no longer starts with its
dateline. The "(Reuters) -" figures paste the same stories in today's wire shape
("SALVADOR, Feb 26 (Reuters) - Showers …", no closing signature): a synthetic variant.
"""

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from briefing.ingest.article import parse_pasted

ROOT = Path(__file__).resolve().parents[1]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578"
LABELS = ROOT / "bench" / "dateline_labels.json"
SPLITS = ("development", "held_out")
SET_SIZE = 40  # stories in each split
SEED = 11
REFERENCE_DAYS = 3


@dataclass
class Score:
    """Right counts for one split and one paste shape."""

    total: int = 0
    dates: int = 0
    sources: int = 0
    clean: int = 0
    errors: list[str] = field(default_factory=list)


def data_present() -> bool:
    """Whether the Reuters corpus is at ../shared/data/reuters21578."""
    return REUTERS.is_dir()


def _stories() -> dict[tuple[str, int], dict]:
    stories = {}
    for path in sorted(REUTERS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                stories[(path.name, int(item["newid"]))] = item
    return stories


def make_set() -> dict:
    """Draw the development and held-out stories and label them from the collection."""
    stories = _stories()
    eligible = sorted(key for key, item in stories.items() if (item.get("body") or "").strip())
    drawn = random.Random(SEED).sample(eligible, 2 * SET_SIZE)
    labelled = [
        {"file": file, "newid": newid, "date": stories[(file, newid)]["date"][:10],
         "source": "Reuters"}
        for file, newid in drawn
    ]  # fmt: skip
    return {
        "about": __doc__.split("\n\n")[2].replace("\n", " "),
        "development": labelled[:SET_SIZE],
        "held_out": labelled[SET_SIZE:],
    }


def load_set() -> dict:
    """The labelled set."""
    return json.loads(LABELS.read_text(encoding="utf-8"))


def wire_paste(story: dict, agency_marker: bool = False) -> str:
    """The story as a user pastes it from the wire: headline, dateline and body."""
    dateline = (story.get("dateline") or "").strip()
    body = story["body"]
    if agency_marker:
        body = body.rstrip().removesuffix("Reuter").removesuffix("REUTER").rstrip()
        if dateline.endswith("-"):
            dateline = dateline[:-1].rstrip() + " (Reuters) -"
    head = f"{story['title']}\n\n" if story.get("title") else ""
    return f"{head}    {dateline} {body}" if dateline else f"{head}{body}"


def score(split: str, agency_marker: bool = False) -> Score:
    """Dates, sources and removed datelines right in one split."""
    stories = _stories()
    result = Score()
    for label in load_set()[split]:
        story = stories[(label["file"], label["newid"])]
        reference = date.fromisoformat(label["date"]) + timedelta(days=REFERENCE_DAYS)
        parsed = parse_pasted(wire_paste(story, agency_marker), reference)
        dateline = (story.get("dateline") or "").strip(" -")
        clean = not dateline or not parsed.body.startswith(dateline.split(",")[0])
        result.total += 1
        result.dates += parsed.published_at == label["date"]
        result.sources += parsed.source == label["source"]
        result.clean += clean
        if parsed.published_at != label["date"] or parsed.source != label["source"] or not clean:
            result.errors.append(
                f"{label['file']}#{label['newid']} {dateline!r}: date {parsed.published_at}"
                f" (true {label['date']}), source {parsed.source!r}, body {parsed.body[:50]!r}"
            )
    return result


def main() -> int:
    """Print dates, sources and clean bodies right / total for both splits."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--json", action="store_true", help="one JSON object of figures")
    options.add_argument("--errors", action="store_true", help="the development set's misses")
    options.add_argument("--make-set", action="store_true", help="draw and write the set")
    args = options.parse_args()
    if not data_present():
        print(f"skipped: {REUTERS} is missing", file=sys.stderr)
        return 0
    if args.make_set:
        LABELS.write_text(json.dumps(make_set(), indent=1) + "\n", encoding="utf-8")
        return 0
    figures = {}
    for split in SPLITS:
        for shape, marker in (("wire", False), ("reuters_marker", True)):
            found = score(split, marker)
            figures[f"{split}.{shape}"] = {
                "total": found.total, "dates": found.dates, "sources": found.sources,
                "clean": found.clean,
            }  # fmt: skip
            if args.errors and split == "development":
                for error in found.errors:
                    print(f"  miss ({shape}): {error}", file=sys.stderr)
    if args.json:
        print(json.dumps(figures))
        return 0
    for name, value in figures.items():
        print(
            f"{name:32} dates {value['dates']}/{value['total']}"
            f"  sources {value['sources']}/{value['total']}"
            f"  dateline removed {value['clean']}/{value['total']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
