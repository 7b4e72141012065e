"""Matching new articles against 1,000 watches of a chat, against the bare cost of storing them.

Run from the project root (the BBC corpus must be at ../shared/data/bbc-news-summary, read at
run time, never copied):

    .venv/bin/python bench/watch_match.py [--articles 120] [--watches 1000] [--json]

Articles are analysed once with spaCy (not timed). Two archives get the same first half of
them (so that the chat knows their actors); one of them also gets the watches of one chat: a
third actors of the archive (by id), a tenth names no article has yet, the rest words and
phrases of the corpus with OR and exclusions. The second half is then stored into both,
article by article in turn, each with `store_analysis`, which matches the article against the
chat's watches (and finds none to check in the archive without watches):

- store_ms: storing one article and its analysis in the archive without watches (the baseline);
- watched_ms: the same in the archive with the watches, matching and recording alerts included;
- match_ms: the matching alone (`match_article`, timed inside the same calls), its mean (the
  target), median and maximum;
- ratio: watched_ms / store_ms.

Target (issue 15): match_ms under 5 ms an article. Exit status 1 if it is missed, 2 without
the data.
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bbc_archive import DATA, BbcArticle, sample

import briefing.analysis.archive as analysis_archive
from briefing.analysis.archive import store_analysis
from briefing.analysis.pipeline import Analysis, analyse_many
from briefing.watches import watch_store
from briefing.watches.query import WatchQueryError
from briefing.watches.text import WORD
from briefing.watches.watchlist import watch_actor, watch_name, watch_words
from storage import Archive, NewArticle
from storage.actors import ActorStore

CHAT = 0
TARGET_MS = 5.0
SEED = 15


def _store(archive: Archive, article: BbcArticle, analysis: Analysis) -> None:
    record = NewArticle(article.title, article.text, "BBC News", published_at="2005-03-01")
    article_id = archive.add(CHAT, record)
    store_analysis(ActorStore(archive.database), CHAT, article_id, analysis)


def _words(articles: list[BbcArticle]) -> list[str]:
    """Content words of the corpus, for words watches (at least five letters)."""
    found = {m.group().casefold() for a in articles for m in WORD.finditer(a.text)}
    return sorted(w for w in found if len(w) >= 5 and w.isalpha())


def _add_watches(archive: Archive, count: int, words: list[str]) -> None:
    """`count` watches of the chat: actors by id, names to come, and words."""
    rng = random.Random(SEED)
    store, actors = watch_store(archive), ActorStore(archive.database)
    ids = [row[0] for row in archive.database.query(
        "SELECT id FROM actors WHERE chat_id = ? ORDER BY id", (CHAT,))]  # fmt: skip
    rng.shuffle(ids)
    by_actor, by_name = min(len(ids), count // 3), count // 10
    for actor_id in ids[:by_actor]:
        watch_actor(actors, store, CHAT, actor_id)
    for n in range(by_name):
        watch_name(store, CHAT, f"Zorya{n} Quillfeather{n}")
    added = len(store.all(CHAT))
    while added < count:
        a, b, c = rng.sample(words, 3)
        text = rng.choice([a, f'"{a} {b}"', f"{a} OR {b}", f"{a} {b} -{c}"])
        try:
            added += watch_words(store, CHAT, text).new
        except WatchQueryError:  # filler words only: nothing to watch
            continue


@contextmanager
def _timed_matching(spent: list[float]) -> Iterator[None]:
    """Record the seconds `match_article` takes inside `store_analysis`."""
    original: Callable[..., Any] = analysis_archive.match_article

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    analysis_archive.match_article = timed
    try:
        yield
    finally:
        analysis_archive.match_article = original


def run(articles: int, watches: int) -> dict[str, Any]:
    """Build both archives and time the second half of the articles into each."""
    items = sample(articles)
    analyses = list(analyse_many((a.title, a.text, None) for a in items))
    half = len(items) // 2
    with tempfile.TemporaryDirectory() as folder:
        bare, watched = (Archive.open(Path(folder) / f"{n}.db") for n in ("bare", "watched"))
        for item, analysis in zip(items[:half], analyses[:half], strict=True):
            _store(bare, item, analysis)
            _store(watched, item, analysis)
        _add_watches(watched, watches, _words(items))
        times: dict[str, float] = {"bare": 0.0, "watched": 0.0}
        matching: list[float] = []
        for item, analysis in zip(items[half:], analyses[half:], strict=True):
            for name, archive in (("bare", bare), ("watched", watched)):
                start = time.perf_counter()
                if name == "watched":
                    with _timed_matching(matching):
                        _store(archive, item, analysis)
                else:
                    _store(archive, item, analysis)
                times[name] += time.perf_counter() - start
        alerts = len(watch_store(watched).alerts(CHAT))
        count = len(watch_store(watched).all(CHAT))
        bare.close()
        watched.close()
    timed = len(items) - half
    store_ms, watched_ms = (1000 * times[n] / timed for n in ("bare", "watched"))
    return {
        "articles": timed,
        "watches": count,
        "alerts": alerts,
        "store_ms": round(store_ms, 3),
        "watched_ms": round(watched_ms, 3),
        "match_ms": round(1000 * sum(matching) / len(matching), 3),
        "match_ms_median": round(1000 * statistics.median(matching), 3),
        "match_ms_max": round(1000 * max(matching), 3),
        "ratio": round(watched_ms / store_ms, 3),
        "target_ms": TARGET_MS,
    }


def main() -> int:
    """Print the figures (one JSON object with --json); exit 1 when the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="articles (half are timed)")
    parser.add_argument("--watches", type=int, default=1000, help="watches of the chat")
    parser.add_argument("--json", action="store_true", help="one JSON object of figures")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is missing", file=sys.stderr)
        return 2
    figures = run(args.articles, args.watches)
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['articles']} articles stored against {figures['watches']} watches"
              f" ({figures['alerts']} alerts)")  # fmt: skip
        print(f"  store (baseline):   {figures['store_ms']:.2f} ms an article")
        print(f"  store with watches: {figures['watched_ms']:.2f} ms an article"
              f"  (ratio {figures['ratio']:.2f})")  # fmt: skip
        print(f"  matching alone:     {figures['match_ms']:.2f} ms an article"
              f" (median {figures['match_ms_median']:.2f}, max {figures['match_ms_max']:.2f};"
              f" target under {TARGET_MS:g})")  # fmt: skip
    return 0 if figures["match_ms"] < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
