"""SVG snapshots of the check-in: a KR page, an E-item page and the review, in English and
Chinese, at 80x24 and 120x40. Regenerate with ``pytest --snapshot-update`` after LOOKING at
the new SVGs (tests/__snapshots__/test_snapshots_checkin/)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from tui.app import OkrApp

WEEK = "2026-W43"

PAGES = {
    # KR2 (customers): value, confidence and note, last week beside them.
    "kr": ("pagedown", "pagedown", "pagedown"),
    # E4 (at risk last week): the status picker, "you planned: ...".
    "item": ("pagedown",) * 5,
    # The review after a few answers: KR1 done, E2 off track with notes, a week note.
    "review": ("y", "enter", "enter", "enter", "x", "h", "i", "enter", "ctrl+r"),
}


def _steady(keys):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("page", list(PAGES))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checkin_snapshot(snap_compare, request, lang, page, size):
    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    objective = store.objectives()[0]
    app = OkrApp(store, lang=lang, checkin=([objective.id], WEEK))
    assert snap_compare(app, terminal_size=size, run_before=_steady(PAGES[page]))
