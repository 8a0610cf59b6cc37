"""A KR's chart, drawn with plotext: for ``okr chart`` and for the app's chart screen.

The series comes from :mod:`store.series`. Two plots share the x axis (one column per
ISO week, labelled ``W41``): above, the weekly values (a line with a dot per check-in),
the linear path from start to target (dotted) and the target (a horizontal line); below,
the confidence 0-10 of each check-in as bars (red 0-3, yellow 4-7, green 8-10, the
colours of tui.format.confidence_style).

Only ASCII and box-drawing characters go inside the plots: the title and the legend are
written above them by us, measured in terminal cells (tui.text), so a Chinese title or
unit (家, 粉丝) never shifts a plot's frame. Both plots give their y labels the same width
so their frames line up.

The drawing functions take any plotext-like object (the ``plotext`` module itself, or
``textual_plotext``'s ``PlotextPlot.plt``): ``draw_values(p, ...)`` and
``draw_confidence(p, ...)``. :func:`render` draws the whole chart as text; it imports
plotext when called (no other command pays for it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from store.series import KRSeries
from tui import format as fmt
from tui.i18n import t
from tui.text import cell_width, fit, inert

VALUE_MARK = "●"
LINE_MARK = "•"
PATH_MARK = "·"
TARGET_MARK = "─"
BAR_MARK = "█"
COLORS = {"value": "blue+", "path": "gray+", "target": "green", "low": "red", "some": "orange"}
CONFIDENCE_COLORS = {"red": "red", "yellow": "orange", "green": "green", "dim": "gray"}
CONFIDENCE_ROWS = 8  # the confidence plot: frame, 5 rows (0, 5 and 10 on whole rows), frame, weeks
MIN_WIDTH, MIN_HEIGHT = 40, 17  # 17: title and legend, 6 rows of values, the confidence plot


@dataclass
class Legend:
    """What is written above the plots: the title, and the legend as items, each a list
    of (text, style) runs (style: a COLORS key, or "" for plain words)."""

    title: str
    items: list[list[tuple[str, str]]]

    def plain(self) -> str:
        return "  ".join("".join(text for text, _ in item) for item in self.items)


def head(series: KRSeries, lang: str | None = None) -> Legend:
    """The title and the legend of a series (user text made inert)."""
    kr = _kr(series)
    title = f"{series.label} · {inert(series.title, newlines=False)}"
    items: list[list[tuple[str, str]]] = []
    latest = series.latest()
    if latest is None:
        items.append([(t("chart.no_values", lang), "")])
    else:
        week, value = latest
        shown = fmt.value_text(kr, value, lang)
        items.append(
            [(VALUE_MARK + " ", "value"), (t("chart.value", lang, value=shown, week=week), "")]
        )
    if any(p is not None for p in series.path):
        items.append([(PATH_MARK * 3 + " ", "path"), (t("chart.path", lang), "")])
    target = series.segments[-1].target if series.segments else None
    if target is not None:
        shown = (
            t("milestone.done", lang) if series.kind == "milestone" else fmt.target_text(kr, lang)
        )
        items.append(
            [(TARGET_MARK * 2 + " ", "target"), (t("chart.target", lang, target=shown), "")]
        )
    if any(c is not None for c in series.confidence):
        items.append([(BAR_MARK + " ", "some"), (t("chart.confidence", lang), "")])
    return Legend(title, items)


def legend_lines(legend: Legend, width: int) -> list[list[tuple[str, str]]]:
    """The legend's items laid out in lines of at most ``width`` cells (an item too wide
    for a line of its own is cut with an ellipsis)."""
    lines: list[list[tuple[str, str]]] = []
    line: list[tuple[str, str]] = []
    used = 0
    for item in legend.items:
        size = sum(cell_width(text) for text, _ in item)
        gap = 2 if line else 0
        if line and used + gap + size > width:
            lines.append(line)
            line, used, gap = [], 0, 0
        if gap:
            line.append(("  ", ""))
            used += gap
        for text, style in item:
            piece = fit(text, width - used)
            line.append((piece, style))
            used += cell_width(piece)
    if line:
        lines.append(line)
    return lines


def _kr(series: KRSeries):
    """A KeyResult-like view of the series for tui.format (kind, unit, target)."""
    from store.model import KeyResult

    target = series.segments[-1].target if series.segments else None
    return KeyResult(series.kr_id, series.title, series.kind, None, target, series.unit)


# -- the axes --------------------------------------------------------------------------------


def _nice_step(span: float, count: int) -> float:
    raw = span / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def y_ticks(series: KRSeries, rows: int) -> tuple[list[float], float, float]:
    """Round tick values covering the values, the path and the target, and the y limits
    (the first and last tick). Of the round steps that fit, the one whose ticks fall on
    whole rows of a plot of ``rows`` rows (so they are evenly spaced) is taken."""
    if series.kind == "milestone":
        return [0, 1], 0, 1
    seen = [v for v in (*series.values, *series.path, *series.target) if v is not None]
    seen += [s.start_value for s in series.segments if s.start_value is not None]
    low, high = (min(seen), max(seen)) if seen else (0.0, 1.0)
    if low >= 0 and low <= high * 0.5:
        low = 0  # counts from zero when they are near it
    if high == low:
        high, low = high + 1, (low - 1 if low != 0 else low)
    want = max(2, min(5, (rows - 1) // 2))
    best = None
    for count in range(2, 7):
        step = _nice_step(high - low, count)
        first = math.floor(low / step + 1e-9) * step
        last = math.ceil(high / step - 1e-9) * step
        k = max(1, round((last - first) / step))
        score = ((rows - 1) % k != 0, last - first, abs(k - want))
        if best is None or score < best[0]:
            best = (score, first, step, k)
    _, first, step, k = best
    ticks = [round(first + i * step, 10) for i in range(k + 1)]
    return ticks, ticks[0], ticks[-1]


def tick_label(series: KRSeries, value: float) -> str:
    if series.kind == "milestone":
        return "1" if value >= 1 else "0"
    text = fmt.number(value)
    return text + "%" if series.kind == "percent" else text


def x_ticks(series: KRSeries, plot_width: int) -> tuple[list[int], list[str]]:
    """Every week, or every n-th so the labels (``W41``) do not touch."""
    n = len(series.weeks)
    per_week = max(1.0, plot_width / max(1, n))
    step = max(1, math.ceil(5 / per_week))
    positions = list(range(0, n, step))
    return positions, [f"W{series.weeks[i][-2:]}" for i in positions]


def label_width(series: KRSeries, values_height: int) -> int:
    """Cells of the y labels of both plots (the widest of the values plot's labels):
    the same width in both, so their frames and weeks line up."""
    ticks, _, _ = y_ticks(series, max(2, values_height - 3))
    return max(2, *(len(tick_label(series, v)) for v in ticks))


# -- drawing ----------------------------------------------------------------------------------


def _x_limits(series: KRSeries) -> tuple[float, float]:
    right = len(series.weeks) - 0.5
    for s in series.segments:
        right = max(right, s.end_x + 0.1)
    return -0.5, right


def _axes(p, series: KRSeries, width: int, height: int, label: int) -> None:
    p.plotsize(width, height)
    p.xlim(*_x_limits(series))
    positions, labels = x_ticks(series, width - label - 3)
    p.xticks(positions, labels)


def draw_values(p, series: KRSeries, width: int, height: int) -> None:
    """The values, path and target plot on plotext-like ``p`` (width x height cells)."""
    p.clear_data()
    ticks, low, high = y_ticks(series, max(2, height - 3))
    label = label_width(series, height)
    for s in series.segments:
        if s.target is not None:
            xs = [s.start_x, s.end_x]
            p.plot(xs, [s.target, s.target], marker=TARGET_MARK, color=COLORS["target"])
        if any(series.path[i] is not None for i in range(s.first, s.last + 1)):
            # The linear path is a straight line from the start on the period's first day
            # to the target at the end of its last (week i's Monday is at x = i).
            p.plot(
                [s.start_x, s.end_x],
                [s.start_value, s.target],
                marker=PATH_MARK,
                color=COLORS["path"],
            )
    points = [(i, v) for i, v in enumerate(series.values) if v is not None]
    if len(points) > 1 and series.kind != "milestone":
        p.plot(*zip(*points, strict=True), marker=LINE_MARK, color=COLORS["value"])
    if points:
        p.scatter(*zip(*points, strict=True), marker=VALUE_MARK, color=COLORS["value"])
    _axes(p, series, width, height, label)
    p.yticks(ticks, [tick_label(series, v).rjust(label) for v in ticks])
    p.ylim(low, high)


def draw_confidence(p, series: KRSeries, width: int, height: int, label: int) -> None:
    """Confidence 0-10 as bars, on the x axis of :func:`draw_values`; ``label``: the
    values plot's :func:`label_width`."""
    p.clear_data()
    # One call per bar: plotext sizes the bars of a call by the spacing of its x values,
    # and a bar of height 0 would blank what another call drew.
    for x, c in enumerate(series.confidence):
        if c is not None:
            color = CONFIDENCE_COLORS[fmt.confidence_style(c)]
            p.bar([x], [max(c, 0.2)], marker="hd", width=0.4, color=color)
    _axes(p, series, width, height, label)
    p.yticks([0, 5, 10], [str(v).rjust(label) for v in (0, 5, 10)])
    p.ylim(0, 10)


# -- text for the terminal ----------------------------------------------------------------------

ANSI = {"value": "94", "path": "37", "target": "32", "some": "33"}


def head_lines(series: KRSeries, width: int, lang: str | None, color: bool) -> list[str]:
    """The title and the legend lines, each at most ``width`` cells."""
    legend = head(series, lang)
    title = fit(legend.title, width)
    out = [f"\x1b[1m{title}\x1b[0m" if color else title]
    for line in legend_lines(legend, width):
        out.append(
            "".join(
                f"\x1b[{ANSI[style]}m{text}\x1b[0m" if color and style in ANSI else text
                for text, style in line
            )
        )
    return out


def render(
    series: KRSeries, *, width: int = 80, height: int = 22, color: bool = False, lang=None
) -> str:
    """The whole chart as text, ``width`` x ``height`` cells at most: title, legend,
    values plot, confidence plot. ``color``: ANSI colours (only for a terminal)."""
    import plotext

    lines = head_lines(series, width, lang, color)
    if not series.weeks:
        return "\n".join(lines + [t("chart.no_weeks", lang)]) + "\n"
    values_height = max(6, height - len(lines) - CONFIDENCE_ROWS)
    label = label_width(series, values_height)
    plots = []
    for draw, args in (
        (draw_values, (width, values_height)),
        (draw_confidence, (width, CONFIDENCE_ROWS, label)),
    ):
        plotext.clear_figure()
        plotext.theme("clear")  # the terminal's own background
        draw(plotext, series, *args)
        text = plotext.build()
        plots.append(text if color else plotext.uncolorize(text))
    plotext.clear_figure()
    body = [line.rstrip() for plot in plots for line in plot.splitlines()]
    return "\n".join(lines + body) + "\n"
