"""A KR's chart: its weekly values against the linear path and the target, with the
confidence of each check-in as bars below (tui.chart draws both plots with
textual-plotext, from store.series; across the periods the KR continues).

Opened by ``g`` on home (the highlighted objective's first KR) and in history (the KR
of the highlighted E-item); ← / → step through the objective's KRs. The title and the
legend are Rich text above the plots, so Chinese titles and units never shift a plot.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Static
from textual_plotext import PlotextPlot

from screens.base import OkrScreen
from store.series import KRSeries, store_series
from tui import chart
from tui.i18n import t

# The legend's marks in the colours plotext draws them with (256-colour codes).
LEGEND_STYLES = {"value": "color(12)", "path": "color(7)", "target": "color(2)", "some": "color(3)"}


class ChartScreen(OkrScreen):
    DEFAULT_CSS = """
    ChartScreen {
        #chart-title { height: 1; padding: 0 1; text-style: bold; }
        #chart-legend { height: auto; padding: 0 1; }
        #chart-values { height: 1fr; min-height: 6; }
        #chart-confidence { height: 8; }
    }
    """
    BINDINGS = [
        Binding("escape,q", "back", "key.back", key_display="esc"),
        Binding("left", "step(-1)", "key.chart_prev", key_display="←"),
        Binding("right", "step(1)", "key.chart_next", key_display="→"),
    ]

    def __init__(self, objective_id: str, kr_id: str) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.kr_id = kr_id
        self.series: KRSeries | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="chart-title", markup=False)
        yield Static("", id="chart-legend", markup=False)
        yield PlotextPlot(id="chart-values")
        yield PlotextPlot(id="chart-confidence")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("chart.sub")
        if self.load():
            self.call_after_refresh(self.draw)

    def on_resize(self) -> None:
        self.draw()

    def store_changed(self) -> None:
        """Another copy of the app saved: the chart follows."""
        if self.load():
            self.draw()

    # -- data ------------------------------------------------------------------------------

    def load(self) -> bool:
        series = store_series(self.app.store, self.objective_id, self.kr_id)
        if series is None:
            self.notify(t("chart.no_kr"), severity="error")
            self.dismiss(None)
            return False
        self.series = series
        return True

    def draw(self) -> None:
        """The title, the legend and both plots for the screen's current size (the legend's
        lines and the plots' ticks depend on it)."""
        if self.series is None:
            return
        legend = chart.head(self.series)
        self.query_one("#chart-title", Static).update(Text(legend.title))
        text = Text()
        for n, line in enumerate(chart.legend_lines(legend, max(20, self.size.width - 2))):
            if n:
                text.append("\n")
            for piece, style in line:
                text.append(piece, style=LEGEND_STYLES.get(style, ""))
        self.query_one("#chart-legend", Static).update(text)
        values = self.query_one("#chart-values", PlotextPlot)
        confidence = self.query_one("#chart-confidence", PlotextPlot)
        width = max(values.size.width, chart.MIN_WIDTH)
        height = max(values.size.height, 6)
        chart.draw_values(values.plt, self.series, width, height)
        label = chart.label_width(self.series, height)
        chart.draw_confidence(confidence.plt, self.series, width, chart.CONFIDENCE_ROWS, label)
        values.refresh()
        confidence.refresh()

    # -- actions ---------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        """The previous / next KR of the objective."""
        objective = self.app.store.objective(self.objective_id)
        if objective is None or not objective.key_results:
            return
        ids = [kr.id for kr in objective.key_results]
        n = ids.index(self.kr_id) if self.kr_id in ids else 0
        self.kr_id = ids[(n + delta) % len(ids)]
        if self.load():
            self.draw()

    def action_back(self) -> None:
        self.dismiss(None)
