"""A digest as text and JSON: its headline, actor lines, Watchlist and the plain-text form."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from briefing.digests.model import Digest, WatchedArticle
from briefing.digests.salience import ActorTrend
from briefing.questions.snippets import plain_snippet


def local_label(moment: datetime, zone: str, with_time: bool = True) -> str:
    """ "Tue 5 Mar 08:00" in the chat's zone (the date alone with `with_time=False`)."""
    local = moment.astimezone(ZoneInfo(zone))
    label = f"{local:%a} {local.day} {local:%b %Y}"
    return f"{label} {local:%H:%M}" if with_time else label


def _watched_json(article: WatchedArticle) -> dict[str, object]:
    return {
        "article_id": article.article_id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "sentence": plain_snippet(article.sentence),
    }


def digest_json(digest: Digest) -> dict[str, object]:
    """The digest as JSON-ready data (for `python -m bot digest --json`)."""
    return {
        "chat": digest.chat_id,
        "since": digest.since.isoformat(),
        "until": digest.until.isoformat(),
        "articles": digest.articles,
        "story_count": digest.story_count,
        "older_imported": digest.older_imported,
        "stories": [
            {
                "title": s.title,
                "url": s.url,
                "sources": [source.name for source in s.sources],
                "summary": list(s.summary),
                "actors": list(s.actors),
                "article_ids": list(s.article_ids),
            }
            for s in digest.stories
        ],
        "actors": [
            {
                "name": a.name,
                "articles": a.articles,
                "mentions": a.mentions,
                "kind": a.kind,
                "salience": a.salience,
                "change": a.change,
                "trend": a.trend,
            }
            for a in digest.actors
        ],
        "quotes": [
            {"speaker": q.speaker, "text": q.text, "article_id": q.article_id}
            for q in digest.quotes
        ],
        "watchlist": [
            {
                "watch_id": entry.watch_id,
                "watch": entry.watch,
                "kind": entry.kind,
                "articles": [_watched_json(a) for a in entry.articles],
                "more": entry.more,
            }
            for entry in digest.watchlist
        ],
    }


def watchlist_lines(digest: Digest) -> list[str]:
    """The Watchlist section as text lines: each daily watch with the articles it matched."""
    if not digest.watchlist:
        return []
    lines = ["Watchlist"]
    for entry in digest.watchlist:
        lines.append(f"   {entry.watch}")
        for article in entry.articles:
            source = f" — {article.source}" if article.source else ""
            lines.append(f"   • {article.title}{source} (#{article.article_id})")
            if article.sentence:
                lines.append(f"     {plain_snippet(article.sentence)}")
        if entry.more:
            lines.append(f"   …and {entry.more} more.")
    return lines


def _trend_note(actor: ActorTrend) -> str:
    if actor.trend == "new":
        return "new"
    sign = "+" if actor.change >= 0 else ""
    note = f"{sign}{actor.change:g}"
    return f"{note}, {actor.trend}" if actor.trend in {"rising", "falling"} else note


def window_day(digest: Digest, zone: str) -> str:
    """The window's date in the chat's zone: the day of its last moment (a window ending at
    midnight is the day before), or "first – last" for a window of two days or more."""
    last = local_label(digest.until - timedelta(microseconds=1), zone, with_time=False)
    first = local_label(digest.since, zone, with_time=False)
    if digest.until - digest.since >= timedelta(days=2) and first != last:
        return f"{first} – {last}"
    return last


def headline(digest: Digest, zone: str) -> str:
    """ "Digest for Tue 5 Mar 2024: 14 articles in 9 stories since Mon 4 Mar 2024 08:00"."""
    day = window_day(digest, zone)
    since = local_label(digest.since, zone)
    if digest.empty:
        return f"No new articles since {since}."
    articles = f"{digest.articles} article" + ("" if digest.articles == 1 else "s")
    stories = f"{digest.story_count} stor" + ("y" if digest.story_count == 1 else "ies")
    return f"Digest for {day}: {articles} in {stories} since {since}"


def imported_line(digest: Digest) -> str | None:
    """ "…and 21,000 older articles imported." when a bulk import brought articles published
    before the window (they are counted, not listed); None when none did."""
    count = digest.older_imported
    if count <= 0:
        return None
    return f"…and {count:,} older article{'' if count == 1 else 's'} imported."


def actor_line(actor: ActorTrend) -> str:
    """ "Sergei Lavrov: in 3 articles, 9 mentions (+2, rising)": articles and mentions told
    apart (the trend compares articles)."""
    articles = f"in {actor.articles} article" + ("" if actor.articles == 1 else "s")
    if actor.mentions > actor.articles:
        articles += f", {actor.mentions} mentions"
    return f"{actor.name}: {articles} ({_trend_note(actor)})"


def digest_text(digest: Digest, zone: str) -> str:
    """The digest as plain text (for the command line)."""
    lines = [headline(digest, zone)]
    imports = imported_line(digest)
    if digest.watchlist:
        lines += ["", *watchlist_lines(digest)]
    if digest.empty:
        return "\n".join([*lines, imports] if imports else lines)
    for number, story in enumerate(digest.stories, start=1):
        lines.append("")
        lines.append(f"{number}. {story.title}")
        if story.sources:
            lines.append("   " + " · ".join(s.name for s in story.sources))
        if story.url:
            lines.append(f"   {story.url}")
        if story.summary:
            lines.append("   " + " ".join(story.summary))
    if digest.story_count > len(digest.stories):
        lines += ["", f"…and {digest.story_count - len(digest.stories)} more stories."]
    if imports:
        lines += ["", imports]
    if digest.actors:
        lines += ["", "Actors of the day"] + [f"   {actor_line(a)}" for a in digest.actors]
    if digest.quotes:
        lines += ["", "Said today"] + [f"   {q.speaker}: “{q.text}”" for q in digest.quotes]
    return "\n".join(lines)
