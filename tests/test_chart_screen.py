"""The app's chart screen (``g`` on home and in history), and NO_COLOR in the app."""

from __future__ import annotations

from textual.filter import Monochrome, NoColor
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot
from waiting import until

from screens.chart import ChartScreen
from screens.history import HistoryScreen
from tui.app import OkrApp


def plot_text(screen: ChartScreen, which: str) -> str:
    return screen.query_one(f"#chart-{which}", PlotextPlot).render().plain


async def wait_for_chart(pilot) -> ChartScreen:
    def drawn():
        screen = pilot.app.screen
        if isinstance(screen, ChartScreen) and "●" in plot_text(screen, "values"):
            return screen
        return None

    return await until(pilot, drawn, "a chart drawn")


async def test_g_on_home_opens_the_chart_with_the_krs_values(demo_store):
    [o] = demo_store.objectives()
    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        screen = await wait_for_chart(pilot)
        assert screen.kr_id == o.key_results[0].id
        await pilot.press("right")  # KR2
        await pilot.pause()
        assert screen.kr_id == o.key_results[1].id
        assert screen.series.values == [6, 14, 21, None, None]
        assert screen.series.confidence == [6, 6, 5, None, None]
        legend = str(screen.query_one("#chart-legend", Static).content)
        assert "● value 21 new customers (2026-W42)" in legend
        assert "target 50 new customers" in legend
        title = str(screen.query_one("#chart-title", Static).content)
        assert title == "KR2 · Win 50 new customers in October"
        values = plot_text(screen, "values")
        assert values.count("●") == 3  # one dot per check-in
        for tick in ("W40", "W44", "50"):
            assert tick in values
        assert "█" in plot_text(screen, "confidence")
        await pilot.press("left", "left")  # round to KR3
        await pilot.pause()
        assert screen.kr_id == o.key_results[2].id
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, ChartScreen)


async def test_g_in_history_opens_the_chart_of_the_highlighted_items_kr(demo_store):
    [o] = demo_store.objectives()
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        history = pilot.app.screen
        assert isinstance(history, HistoryScreen)
        items = history.query_one("#items", DataTable)
        items.focus()
        await pilot.pause()
        items.move_cursor(row=4)  # KR3's first E-item
        await pilot.press("g")
        screen = await wait_for_chart(pilot)
        assert screen.kr_id == o.key_results[2].id
        assert screen.series.values[:3] == [8000, 19500, 31000]


async def test_the_chart_screen_in_chinese_keeps_wide_text_out_of_the_plot(demo_store_zh):
    app = OkrApp(demo_store_zh, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "right", "right")
        screen = await wait_for_chart(pilot)
        legend = str(screen.query_one("#chart-legend", Static).content)
        assert "当前值 31,000 粉丝（2026-W42）" in legend
        for line in plot_text(screen, "values").splitlines():
            assert line.isascii() or not any("\u4e00" <= ch <= "\u9fff" for ch in line)


async def test_no_color_makes_the_app_monochrome(demo_store, monkeypatch):
    """Textual honours NO_COLOR itself (a Monochrome filter on every line it draws);
    the app adds no colour of its own around it."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await wait_for_chart(pilot)
        assert app.no_color
        assert any(isinstance(f, Monochrome | NoColor) for f in app.get_line_filters())
    monkeypatch.delenv("NO_COLOR")
    plain = OkrApp(demo_store)
    assert not plain.no_color
    assert not any(isinstance(f, Monochrome | NoColor) for f in plain.get_line_filters())


async def test_ctrl_g_on_a_check_in_page_opens_its_krs_chart(demo_store):
    from screens.chart import ChartScreen
    from screens.checkin import CheckInScreen
    from tui.app import OkrApp

    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("c")
        await until(
            pilot, lambda: isinstance(app.screen, CheckInScreen) and app.screen.current is not None
        )
        kr = app.screen.current.kr
        await pilot.press("ctrl+g")
        await until(pilot, lambda: isinstance(app.screen, ChartScreen))
        assert isinstance(app.screen, ChartScreen) and app.screen.kr_id == kr.id
