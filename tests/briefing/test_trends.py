"""Trend charts: periods, series, names found as questions find them, rising actors, the PNG."""

import itertools
import struct
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from briefing.questions.ranking import Searcher
from briefing.trends.chart import HEIGHT_PX, WIDTH_PX, build_figure
from briefing.trends.charting import EMPTY, Trend, chart_trend, rising_trend
from briefing.trends.series import build_series, change_text
from briefing.trends.spans import (
    Span,
    SpanError,
    bucket_starts,
    period_days,
    span_between,
    span_ending,
)
from storage import Archive
from tests.briefing.trend_data import CHAT, OTHER_CHAT, add_article, seed

# --- periods and series ----------------------------------------------------------------------


def test_periods_as_typed() -> None:
    assert [period_days(p) for p in ("30d", "90D", "12w", "6m", "1y")] == [30, 90, 84, 180, 365]
    for wrong in ("3d", "9y", "thirty"):
        with pytest.raises(SpanError):
            period_days(wrong)


def test_long_spans_are_drawn_by_whole_weeks_ending_with_the_last_day() -> None:
    month = span_ending(date(2024, 3, 30), 30)
    assert month == Span(date(2024, 3, 1), date(2024, 3, 31))
    assert month.bucket == "day" and len(bucket_starts(month)) == 30
    year = span_ending(date(2024, 3, 30), 365)
    assert year.bucket == "week" and year.days == 53 * 7  # begun a few days early
    starts = bucket_starts(year)
    assert len(starts) == 53 and starts[-1] == date(2024, 3, 24) and starts[0] == year.since


def test_dates_given_are_both_included_and_checked() -> None:
    newest = date(2024, 3, 30)
    assert span_between(None, None, newest) == Span(date(2024, 3, 1), date(2024, 3, 31))
    assert span_between(date(2024, 3, 10), date(2024, 3, 12), newest).days == 3
    with pytest.raises(SpanError, match="comes after"):
        span_between(date(2024, 3, 12), date(2024, 3, 10), newest)


def test_series_fills_quiet_days_and_finds_the_peak() -> None:
    span = Span(date(2024, 3, 1), date(2024, 3, 8))
    daily = {"2024-03-02": 2, "2024-03-05": 4, "2024-03-06": 4, "2024-03-09": 9}
    series = build_series(1, "Mirela Dunn", daily, span, previous=5)
    assert [n for _, n in series.points] == [0, 2, 0, 0, 4, 4, 0]
    assert series.total == 10 and series.peak == (date(2024, 3, 5), 4)
    assert series.change == "+100%"
    assert [change_text(3, 4), change_text(4, 4), change_text(2, 0), change_text(0, 0)] == [
        "-25%", "same", "new", "none"
    ]  # fmt: skip


# --- the use case ----------------------------------------------------------------------------


@pytest.fixture
def searcher(tmp_path: Path) -> Iterator[Searcher]:
    """Questions over March 2024 of the trend data."""
    archive = Archive.open(tmp_path / "trends.db")
    seed(archive)
    yield Searcher(archive)
    archive.close()


def _points(trend: Trend, actor: str) -> list[int]:
    (series,) = [s for s in trend.series if s.actor == actor]
    return [n for _, n in series.points]


def test_chart_of_the_30_days_ending_with_the_newest_article(searcher: Searcher) -> None:
    trend = chart_trend(searcher, CHAT, ["Mirela Dunn, port authority"])
    assert trend.problem == ""
    assert trend.span == Span(date(2024, 3, 1), date(2024, 3, 31))
    assert [s.actor for s in trend.series] == ["Mirela Dunn", "Valdoria Port Authority"]
    assert _points(trend, "Mirela Dunn")[18:26] == [1, 3, 3, 3, 3, 3, 5, 3]
    assert trend.caption.startswith("1–30 Mar 2024, articles naming each")
    assert "Mirela Dunn 54 (peak 5 on 25 Mar, new)" in trend.caption
    assert "Valdoria Port Authority 15 (peak 1 on 2 Mar, new)" in trend.caption


def test_names_with_typos_aliases_and_the_change_on_the_period_before(searcher: Searcher) -> None:
    last_week = (date(2024, 3, 24), date(2024, 3, 30))
    trend = chart_trend(searcher, CHAT, ["Dunm", "Berg"], dates=last_week)
    assert [s.actor for s in trend.series] == ["Mirela Dunn", "Tomas Berg"]
    dunn, berg = trend.series
    assert (dunn.total, dunn.previous, dunn.change) == (23, 15, "+53%")
    assert (berg.total, berg.previous, berg.change) == (14, 0, "new")


def test_unknown_names_are_said(searcher: Searcher) -> None:
    partly = chart_trend(searcher, CHAT, ["Dunn", "Zzyzx"])
    assert [s.actor for s in partly.series] == ["Mirela Dunn"]
    assert partly.caption.endswith("· not found: Zzyzx")
    nothing = chart_trend(searcher, CHAT, ["Bergson"])
    assert nothing.series == ()
    assert (
        nothing.problem
        == "No actor of this chat's archive is named Bergson. Did you mean Tomas Berg?"
    )


def test_bad_requests_and_empty_archives(searcher: Searcher) -> None:
    too_many = chart_trend(searcher, CHAT, ["Dunn", "Berg", "port authority"])
    assert too_many.problem == ""
    add_article(searcher.archive, CHAT, date(2024, 3, 2), 9, ["Anna Kovac", "Lene Stroud",
                                                              "Piet Marlow"])  # fmt: skip
    too_many = chart_trend(searcher, CHAT, ["Dunn Berg port authority Kovac Stroud Marlow"])
    assert too_many.bad_input and too_many.problem.startswith("Up to 5 actors at a time")
    assert chart_trend(searcher, 99, ["Dunn"]).problem == EMPTY
    quiet = chart_trend(searcher, CHAT, ["Dunn"], dates=(date(2023, 1, 1), date(2023, 1, 31)))
    assert quiet.problem == "No article names Mirela Dunn from 1–31 Jan 2023."


def test_a_year_is_charted_by_week_and_other_chats_never_count(searcher: Searcher) -> None:
    trend = chart_trend(searcher, CHAT, ["Dunn"], days=365)
    assert trend.span is not None and trend.span.bucket == "week"
    (series,) = trend.series
    assert series.total == 54 and sum(n for _, n in series.points) == 54
    assert series.points[-1] == (date(2024, 3, 24), 3 * 7 + 2)  # the week of the 24th to 30th
    other = chart_trend(searcher, OTHER_CHAT, ["Dunn"])
    assert other.series[0].total == 4


def test_rising_actors_of_the_week(searcher: Searcher) -> None:
    trend = rising_trend(searcher, CHAT)
    assert [s.actor for s in trend.series] == ["Tomas Berg"]  # Dunn: 23 against 15, not doubled
    assert (
        trend.caption == "Rising in the week 24–30 Mar 2024: Tomas Berg 14 (none the week before)"
    )
    assert trend.span == Span(date(2024, 3, 1), date(2024, 3, 31))
    assert rising_trend(searcher, 99).problem == EMPTY


# --- the picture -----------------------------------------------------------------------------


def _png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_chart_is_phone_sized_labelled_and_its_dates_do_not_overlap(
    searcher: Searcher,
) -> None:
    trend = chart_trend(searcher, CHAT, ["Dunn", "Berg", "port authority"], days=90)
    assert _png_size(trend.png()) == (WIDTH_PX, HEIGHT_PX) == (1200, 700)
    assert trend.span is not None
    figure = build_figure(trend.series, trend.title, trend.span.bucket)
    (axes,) = figure.axes
    legend = axes.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "Mirela Dunn (54)", "Tomas Berg (14)", "Valdoria Port Authority (15)"
    ]  # fmt: skip
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    labels = [t for t in axes.get_xticklabels() if t.get_text()]
    assert len(labels) >= 3 and all(" " in t.get_text() for t in labels)  # "1 Mar"
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(boxes))
    assert min(t.get_fontsize() for t in [*labels, *legend.get_texts()]) >= 14


@pytest.mark.parametrize("days", [30, 90, 365])
def test_five_long_names_fit_and_no_dates_overlap(days: int) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    span = Span(date(2024, 3, 31) - timedelta(days=days), date(2024, 3, 31))
    names = ["Valdoria Port Authority", "Coastal Dockers Union", "Mirela Dunn",
             "Northern Range Glacier Survey Team", "Tomas Berg"]  # fmt: skip
    daily = {(span.since + timedelta(days=d)).isoformat(): d % 4 for d in range(days)}
    series = [build_series(i, name, daily, span, 0) for i, name in enumerate(names)]
    figure = build_figure(series, "Articles naming them", span.bucket)
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    (axes,) = figure.axes
    legend = axes.get_legend()
    assert legend is not None and len(legend.get_texts()) == 5
    assert (
        legend.get_texts()[3].get_text()
        == "Northern Range Glacier Surv… (" + str(series[3].total) + ")"
    )
    inside, box = figure.bbox, legend.get_window_extent(renderer)
    assert inside.x0 <= box.x0 and box.x1 <= inside.x1 and box.y1 <= inside.y1
    assert box.y0 >= axes.get_window_extent(renderer).y1  # above the plot, over no line
    labels = [t for t in axes.get_xticklabels() if t.get_text()]
    boxes = [t.get_window_extent(renderer) for t in labels]
    assert len(boxes) >= 3
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(boxes))
    assert all(inside.x0 <= b.x0 and b.x1 <= inside.x1 for b in boxes)
