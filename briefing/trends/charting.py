"""The trend use case: `chart_trend` for named actors, `rising_trend` for the week's rising ones.

Both return a `Trend` (series, caption, or the reason there is nothing to chart, worded for the
user); `Trend.png()` draws it. Blocking: the bot runs them off the event loop (`trend`).
"""

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing.dates import display_date
from briefing.questions.ranking import Searcher
from briefing.trends.names import find_named_actors
from briefing.trends.rising import WEEK, Rise, rising_actors
from briefing.trends.series import Series, build_series
from briefing.trends.spans import DEFAULT_DAYS, Span, SpanError, span_between, span_ending
from storage.trends import TrendStore

MAX_ACTORS = 5


@dataclass(frozen=True)
class Trend:
    """A chart to send (`series` and `caption`), or `problem`: why there is none."""

    span: Span | None = None
    series: tuple[Series, ...] = ()
    caption: str = ""
    title: str = ""
    unknown: tuple[str, ...] = ()
    problem: str = ""
    bad_input: bool = False  # the problem is in what was asked (a period, too many names)
    rises: tuple[Rise, ...] = field(default=())

    def png(self) -> bytes:
        """The chart as PNG (matplotlib is loaded on the first call)."""
        from briefing.trends.chart import render_png

        if self.span is None or not self.series:
            raise ValueError("nothing to chart")
        return render_png(self.series, self.title, self.span.bucket)


def _day(iso: date) -> str:
    return display_date(iso.isoformat())


def _span_text(span: Span) -> str:
    """ "3–30 Mar 2024", "3 Feb – 30 Mar 2024", "3 Dec 2023 – 30 Mar 2024"."""
    first, last = span.since, span.last
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{_day(last)}"
    if first.year == last.year:
        return f"{first.day} {first.strftime('%b')} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _length(span: Span) -> str:
    """ "30 days", or "53 weeks" for a span drawn by week."""
    return f"{span.days} days" if span.bucket == "day" else f"{span.days // 7} weeks"


def _series(store: TrendStore, chat_id: int, ids: Sequence[int], span: Span) -> list[Series]:
    """Each actor's series over `span`, with its total over the span before."""
    before = span.previous()
    daily = store.daily_counts(chat_id, ids, before.since.isoformat(), span.until.isoformat())
    names = store.actor_names(chat_id, ids)
    found = []
    for actor_id in ids:
        if actor_id not in names:
            continue
        days = daily.get(actor_id, {})
        previous = sum(n for d, n in days.items() if d < span.since.isoformat())
        found.append(build_series(actor_id, names[actor_id][0], days, span, previous))
    return found


def _line(series: Series) -> str:
    """ "Lavrov 48 (peak 7 on 3 Mar 2024, +40%)"."""
    if series.peak is None:
        return f"{series.actor} 0 ({series.change})"
    day, most = series.peak
    return f"{series.actor} {series.total} (peak {most} on {day.day} {day:%b}, {series.change})"


def _newest(store: TrendStore, chat_id: int) -> date | None:
    newest = store.newest_day(chat_id)
    try:
        return date.fromisoformat(newest) if newest else None
    except ValueError:
        return None


EMPTY = "This chat's archive is empty: paste or forward articles first, then try /trend again."


def chart_trend(
    searcher: Searcher,
    chat_id: int,
    names: Sequence[str],
    days: int | None = None,
    dates: tuple[date | None, date | None] = (None, None),
) -> Trend:
    """The articles naming each actor in `names` per day (per week over long spans): the
    `days` (default 30) that end with the chat's newest article, or from `dates` (first,
    last, both included)."""
    store = TrendStore(searcher.archive.database)
    newest = _newest(store, chat_id)
    if newest is None:
        return Trend(problem=EMPTY)
    found = find_named_actors(searcher, chat_id, names)
    typed = ", ".join(n.strip() for n in names if n.strip())
    if not found.actor_ids:
        hint = f" Did you mean {', '.join(found.suggestions)}?" if found.suggestions else ""
        return Trend(problem=f"No actor of this chat's archive is named {typed}.{hint}")
    if len(found.actor_ids) > MAX_ACTORS:
        too_many = f"Up to {MAX_ACTORS} actors at a time: {typed} names {len(found.actor_ids)}."
        return Trend(problem=too_many, bad_input=True)
    try:
        if any(dates):
            span = span_between(*dates, newest)
        else:
            span = span_ending(newest, days or DEFAULT_DAYS)
    except SpanError as error:
        return Trend(problem=str(error), bad_input=True)
    series = _series(store, chat_id, found.actor_ids, span)
    if not any(s.total for s in series):
        who = ", ".join(s.actor for s in series)
        return Trend(span, tuple(series), unknown=found.unknown,
                     problem=f"No article names {who} from {_span_text(span)}.")  # fmt: skip
    missing = f" · not found: {', '.join(found.unknown)}" if found.unknown else ""
    caption = (
        f"{_span_text(span)}, articles naming each (change on the {_length(span)} before): "
        + " · ".join(_line(s) for s in series)
        + missing
    )
    title = f"Articles naming them, {_span_text(span)}"
    return Trend(span, tuple(series), caption, title, found.unknown)


def rising_trend(searcher: Searcher, chat_id: int, days: int | None = None) -> Trend:
    """The week's rising actors (at most five) over the `days` (default 30) that end with the
    chat's newest article."""
    store = TrendStore(searcher.archive.database)
    newest = _newest(store, chat_id)
    if newest is None:
        return Trend(problem=EMPTY)
    rises = rising_actors(store, chat_id, newest, MAX_ACTORS)
    week = span_ending(newest, WEEK)
    if not rises:
        return Trend(problem=f"No actor is rising in the week {_span_text(week)}."
                     " Chart one with /trend NAME.")  # fmt: skip
    span = span_ending(newest, days or DEFAULT_DAYS)
    series = _series(store, chat_id, [r.actor_id for r in rises], span)
    names = {s.actor_id: s.actor for s in series}
    parts = [f"{names.get(r.actor_id, '?')} {r.articles} ({r.before or 'none'} the week before)"
             for r in rises]  # fmt: skip
    caption = f"Rising in the week {_span_text(week)}: " + " · ".join(parts)
    title = f"Rising this week, {_span_text(span)}"
    return Trend(span, tuple(series), caption, title, rises=tuple(rises))


async def trend(
    searcher: Searcher, chat_id: int, names: Sequence[str], days: int | None
) -> tuple[Trend, bytes | None]:
    """The bot's entry point: the trend of `names` (the rising actors when there are none)
    and its PNG, computed off the event loop; no PNG when there is nothing to chart."""

    def run() -> tuple[Trend, bytes | None]:
        if names:
            found = chart_trend(searcher, chat_id, names, days)
        else:
            found = rising_trend(searcher, chat_id, days)
        return found, (found.png() if not found.problem else None)

    return await asyncio.to_thread(run)
