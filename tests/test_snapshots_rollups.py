"""SVG snapshots of the summary screen and the one-on-one prep screen, in English and Chinese,
at 80x24 and 120x40. Regenerate with ``pytest --snapshot-update`` after LOOKING at the new
SVGs (tests/__snapshots__/test_snapshots_rollups/)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea
from waiting import ready, until

from tui.app import OkrApp

KEYS = {
    "summary": ["s"],
    "summary_text": ["s", "f"],  # plain text, aligned in cells
    "prep": ["p"],
    "prep_record": ["p", "r"],  # the dialog that records a one-on-one
}


def steps(state: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in KEYS[state]:
            await pilot.press(key)
            await ready(pilot)  # the summary's and the prep's text made and shown
        if state == "prep_record":
            await until(pilot, lambda: type(pilot.app.screen).__name__ == "MeetingDialog")
            await pilot.press("enter", *"Agreed: legal first")
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


def make_app(request, lang: str) -> OkrApp:
    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    return OkrApp(store, lang=lang)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("state", ["summary", "prep"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rollup_screen_snapshot(snap_compare, request, lang, state, size):
    assert snap_compare(make_app(request, lang), terminal_size=size, run_before=steps(state))


@pytest.mark.parametrize("state", ["summary_text", "prep_record"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rollup_state_snapshot(snap_compare, request, lang, state):
    assert snap_compare(make_app(request, lang), terminal_size=(80, 24), run_before=steps(state))
