"""SVG snapshots of the close and rollover screens, in English and Chinese, at 80x24, on
the demo's October: closed from home in its last week (g), then rolled over (r) once
closed. Regenerate with ``pytest --snapshot-update`` after LOOKING at the new SVGs
(tests/__snapshots__/test_snapshots_cycle/)."""

from __future__ import annotations

import pendulum
import pytest
from textual.widgets import Input, TextArea

from store import cycle, weeks
from tui.app import OkrApp

LAST_WEEK = pendulum.datetime(2026, 10, 28, 9, 0, tz="local")  # W44, October's last week
NOVEMBER = pendulum.datetime(2026, 11, 2, 9, 0, tz="local")


def steps(screen: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("x" if screen == "close" else "r")
        await pilot.pause()
        if screen == "close":
            await pilot.press("tab", *"the fair", "tab")
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("screen", ["close", "rollover"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cycle_screen_snapshot(snap_compare, request, lang, screen):
    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    if screen == "rollover":
        [october] = store.objectives()
        store.save_objective(
            cycle.close(october, store.checkins(october.id), today=weeks.parse_date("2026-11-02"))
        )
    pendulum.travel_to(LAST_WEEK if screen == "close" else NOVEMBER, freeze=True)
    app = OkrApp(store, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps(screen))
