"""SVG snapshots of the chart screen (``g`` on home, then KR2), English and Chinese, 80x24.
Regenerate with ``pytest --snapshot-update`` after LOOKING at the new SVGs
(tests/__snapshots__/test_snapshots_chart/)."""

from __future__ import annotations

import pytest
from waiting import until

from tui.app import OkrApp


async def open_chart(pilot) -> None:
    await pilot.pause()
    await pilot.press("g", "right")

    def drawn():
        plot = pilot.app.screen.query("#chart-values")
        return plot and "●" in plot.first().render().plain

    await until(pilot, drawn, "the chart drawn")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_chart_snapshot(snap_compare, request, lang):
    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    app = OkrApp(store, lang=lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_chart)
