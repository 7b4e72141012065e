"""One actor's line on a chart: articles naming it per day or week, and what the caption says
of it (the total, the peak day, the change against the period before)."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from briefing.trends.spans import Span, bucket_start, bucket_starts


@dataclass(frozen=True)
class Series:
    """Articles naming an actor in a span: `points` are (first day of the point, articles)."""

    actor_id: int
    actor: str
    points: tuple[tuple[date, int], ...]
    total: int
    peak: tuple[date, int] | None  # the day with most articles (the first of equals)
    previous: int  # articles in the span of the same length just before

    @property
    def change(self) -> str:
        """The change against the period before: "+40%", "-25%", "same", "new" or "none"."""
        return change_text(self.total, self.previous)


def change_text(total: int, previous: int) -> str:
    """How `total` compares with `previous`, in a word or a signed percentage."""
    if previous == 0:
        return "new" if total else "none"
    if total == previous:
        return "same"
    percent = round(100 * (total - previous) / previous)
    return f"{percent:+d}%"


def build_series(
    actor_id: int, actor: str, daily: Mapping[str, int], span: Span, previous: int
) -> Series:
    """The series of an actor from its articles per ISO day (days outside `span` ignored;
    points without articles are zeros, so the line shows quiet days as quiet)."""
    sums = dict.fromkeys(bucket_starts(span), 0)
    peak: tuple[date, int] | None = None
    for text, articles in sorted(daily.items()):
        day = date.fromisoformat(text)
        if not span.since <= day < span.until or articles <= 0:
            continue
        sums[bucket_start(day, span)] += articles
        if peak is None or articles > peak[1]:
            peak = (day, articles)
    points = tuple(sums.items())
    return Series(actor_id, actor, points, sum(sums.values()), peak, previous)


def series_json(series: Series) -> dict[str, object]:
    """`{"actor", "points": [["YYYY-MM-DD", n], ...], ...}` for the command line."""
    return {
        "actor": series.actor,
        "actor_id": series.actor_id,
        "points": [[day.isoformat(), n] for day, n in series.points],
        "total": series.total,
        "peak": [series.peak[0].isoformat(), series.peak[1]] if series.peak else None,
        "previous": series.previous,
    }
