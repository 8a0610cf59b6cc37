"""SVG snapshots of home, the editor, the paste preview, history and help, in English and
Chinese, at 80x24 and 120x40. Regenerate with ``pytest --snapshot-update`` after LOOKING at
the new SVGs (tests/__snapshots__/test_snapshots_screens/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea

from tui.app import OkrApp

EXAMPLES = Path(__file__).parent.parent / "store" / "examples"


def seed(lang: str) -> str:
    """The example OKR; the English one with KR2's target unknown, as the Chinese one has it."""
    if lang == "zh":
        return (EXAMPLES / "seed-okr-zh.txt").read_text(encoding="utf-8")
    text = (EXAMPLES / "seed-okr-en.txt").read_text(encoding="utf-8")
    return text.replace("Win 50 new customers", "Win XX new customers")


def steps(screen: str, lang: str):
    async def run_before(pilot) -> None:
        await pilot.pause()
        if screen == "editor":
            await pilot.press("e", "down", "down", "down", "down")  # KR2's form
        elif screen == "paste":
            await pilot.press("i")
            await pilot.pause()
            pilot.app.post_message(events.Paste(seed(lang)))
            await pilot.pause(0.5)  # the preview waits for typing to settle
        elif screen == "history":
            await pilot.press("h")
        elif screen == "help":
            await pilot.press("question_mark")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("screen", ["home", "editor", "paste", "history", "help"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screen_snapshot(snap_compare, request, lang, screen, size):
    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    app = OkrApp(store, lang=lang)
    assert snap_compare(app, terminal_size=size, run_before=steps(screen, lang))
