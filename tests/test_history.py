"""The history screen: weeks x KRs, E-item paths, and opening a week to edit it."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from screens.history import HistoryScreen
from tui.app import OkrApp


def row_text(table: DataTable, key: str) -> list[str]:
    return [getattr(cell, "plain", str(cell)) for cell in table.get_row(key)]


async def open_history(pilot) -> HistoryScreen:
    await pilot.press("h")  # home: history of the highlighted objective
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, HistoryScreen)
    return screen


async def test_history_shows_demo_weeks_values_and_confidence(demo_store):
    [objective] = demo_store.objectives()
    objective.start = "2026-09-01"  # a longer period: September's weeks have no check-in
    demo_store.save_objective(objective)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        weeks = screen.query_one("#weeks", DataTable)
        keys = [row.key.value for row in weeks.ordered_rows]
        # Newest first: this week (due), the three demo weeks, then the missing ones of
        # the period (each week counted in the period that holds its Thursday).
        assert keys == [f"2026-W{n}" for n in range(43, 35, -1)]
        assert row_text(weeks, "2026-W43")[0] == "2026-W43 due"
        assert row_text(weeks, "2026-W39")[0] == "2026-W39 missing"
        assert row_text(weeks, "2026-W42") == [
            "2026-W42",
            "not done · 8/10",
            "21 · 5/10",
            "31,000 · 4/10",
        ]
        assert row_text(weeks, "2026-W40")[2] == "6 · 6/10"
        # Confidence is coloured: 4 (some doubt) yellow, 8 (confident) green.
        kr3 = weeks.get_row("2026-W42")[3]
        assert any(str(span.style) == "yellow" for span in kr3.spans)
        kr1 = weeks.get_row("2026-W42")[1]
        assert any(str(span.style) == "green" for span in kr1.spans)
        # The cursor starts on the last checked-in week, and the pane shows its note.
        assert weeks.cursor_row == 1
        detail = str(screen.query_one("#detail", Static).content)
        assert "2026-W42" in detail
        assert "Problem: follower growth is slowing." in detail


async def test_history_shows_each_items_status_path_and_notes(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        items = screen.query_one("#items", DataTable)
        [objective] = demo_store.objectives()
        plan_two = objective.key_results[1].items[1]
        path = row_text(items, plan_two.id)
        assert path[0] == "KR2 · October special plan two"
        assert path[1:] == ["not started", "at risk", "at risk"]
        await pilot.press("tab")  # to the E-item table: the pane follows it
        assert app.focused is items
        await pilot.press("down", "down", "down")
        detail = str(screen.query_one("#detail", Static).content)
        assert "October special plan two" in detail
        assert "Partner deal delayed" in detail  # what happened in W41
        assert "Escalate to the partner's manager" in detail  # what changed in W41


async def test_history_in_chinese_at_80_columns(demo_store_zh):
    app = OkrApp(demo_store_zh, lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot)
        weeks = screen.query_one("#weeks", DataTable)
        assert row_text(weeks, "2026-W43")[0] == "2026-W43 本周待更新"
        headers = [str(c.label) for c in weeks.ordered_columns]
        assert headers[0] == "周"
        # Long Chinese KR titles are cut with an ellipsis to fit 80 columns.
        assert all(h.endswith("…") for h in headers[1:])
        assert sum(c.get_render_width(weeks) for c in weeks.ordered_columns) <= 80


async def test_enter_on_a_week_opens_the_checkin_screen(demo_store):
    pytest.importorskip("screens.checkin")
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        await pilot.press("down")  # W41
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CheckInScreen"
        assert app.screen.week == "2026-W41"
        app.pop_screen()
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#weeks", DataTable).cursor_row == 2  # kept on resume


async def test_history_refreshes_when_a_week_changed(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_history(pilot)
        [objective] = demo_store.objectives()
        checkin = demo_store.checkin(objective.id, "2026-W42")
        checkin.key_results[1].value = 25
        demo_store.save_checkin(checkin)
        screen.on_screen_resume()
        await pilot.pause()
        weeks = screen.query_one("#weeks", DataTable)
        assert row_text(weeks, "2026-W42")[2] == "25 · 5/10"
