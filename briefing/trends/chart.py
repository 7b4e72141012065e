"""The trend chart as a PNG: one line per actor, sized and lettered to be read on a phone.

matplotlib is imported here, inside the functions, and only its Agg canvas is used (no screen,
no pyplot state shared between threads), so nothing else pays for it.
"""

import io
from collections.abc import Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from briefing.trends.series import Series
from briefing.trends.spans import Bucket

if TYPE_CHECKING:
    from matplotlib.figure import Figure

WIDTH_PX, HEIGHT_PX, DPI = 1200, 700, 100
FONT_SIZE = 17
TITLE_SIZE = 21
LINE_WIDTH = 3.2
# Colours told apart with colour-blindness too (Okabe and Ito's palette).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
MAX_LABEL = 28  # characters of an actor's name in the legend
MARKERS_UP_TO = 45  # points a line shows as dots; more would blur into the line
# Room for the axes' labels around the plot; above it the title and the legend's rows.
MARGINS = {"left": 0.08, "right": 0.98, "bottom": 0.09}
MAX_COLUMNS = 3  # of the legend
# A legend entry's width in pixels, roughly: its line and gaps, and each character of its label.
ENTRY_PX, CHARACTER_PX, LEGEND_PX = 100, 13, 1150
ROW_HEIGHT = 0.058  # a row of legend, as a share of the height
TOP_UNDER_TITLE = 0.92  # the top of the plot with no legend
PNG_OPTIONS = {"compress_level": 3}  # 10% bigger than the default 6, a third faster


def _label(series: Series) -> str:
    name = series.actor if len(series.actor) <= MAX_LABEL else series.actor[: MAX_LABEL - 1] + "…"
    return f"{name} ({series.total})"


def legend_columns(labels: Sequence[str]) -> int:
    """The most columns (up to `MAX_COLUMNS`) that fit the width of the chart; matplotlib
    fills a legend column by column, each as wide as its longest label."""
    for columns in range(min(MAX_COLUMNS, len(labels)), 1, -1):
        rows = -(-len(labels) // columns)
        filled = [labels[i : i + rows] for i in range(0, len(labels), rows)]
        width = sum(ENTRY_PX + CHARACTER_PX * max(map(len, column)) for column in filled)
        if width <= LEGEND_PX:
            return columns
    return 1


def build_figure(series: Sequence[Series], title: str, bucket: Bucket) -> "Figure":
    """The chart: dates along the bottom, articles up the side, a legend naming every line
    (with its total) above the plot, where it covers no line."""
    from matplotlib.dates import AutoDateLocator, DateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    # Fixed margins (a layout engine would draw the figure twice: +80 ms a chart).
    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
    labels = [_label(line) for line in series]
    columns = legend_columns(labels)
    rows = -(-len(labels) // columns)
    figure.subplots_adjust(**MARGINS, top=TOP_UNDER_TITLE - ROW_HEIGHT * rows)
    axes = figure.add_subplot()
    for index, line in enumerate(series):
        moments = [datetime.combine(day, time()) for day, _ in line.points]
        days = date2num(moments)  # type: ignore[no-untyped-call]
        counts = [n for _, n in line.points]
        axes.plot(
            days,
            counts,
            color=COLOURS[index % len(COLOURS)],
            linewidth=LINE_WIDTH,
            marker="o" if len(days) <= MARKERS_UP_TO else None,
            markersize=6,
            label=labels[index],
        )
    locator = AutoDateLocator(minticks=3, maxticks=7)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    shown = "%-d %b" if bucket == "day" else "%b %Y"
    axes.xaxis.set_major_formatter(DateFormatter(shown))  # type: ignore[no-untyped-call]
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=6))
    axes.set_ylim(bottom=0)
    axes.set_ylabel(f"articles per {bucket}", fontsize=FONT_SIZE)
    axes.tick_params(labelsize=FONT_SIZE)
    axes.grid(True, alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    figure.suptitle(title, fontsize=TITLE_SIZE, x=0.01, y=0.985, ha="left", va="top")
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0.0, 1.0),
        ncols=columns,
        fontsize=FONT_SIZE,
        frameon=False,
        borderaxespad=0.3,
    )
    return figure


def render_png(series: Sequence[Series], title: str, bucket: Bucket) -> bytes:
    """The chart drawn as PNG bytes, `WIDTH_PX` by `HEIGHT_PX`."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = build_figure(series, title, bucket)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, pil_kwargs=PNG_OPTIONS)
    return buffer.getvalue()


def warm_up() -> None:
    """Draw one small chart and throw it away: the first chart of a process otherwise pays for
    importing matplotlib and reading its fonts (about a second) while the user waits."""
    points = ((date(2024, 1, 1), 1), (date(2024, 1, 2), 2))
    render_png([Series(0, "warm-up", points, 3, points[1], 0)], "warm-up", "day")
