"""SVG snapshots of home, the editor, the paste preview, history and help, in English and
Chinese, at 80x24 and 120x40. Regenerate with ``pytest --snapshot-update`` after LOOKING at
the new SVGs (tests/__snapshots__/test_snapshots_screens/)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea
from waiting import until

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
        app = pilot.app
        await pilot.pause()
        if screen == "editor":
            await pilot.press("e")
            await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen", "the editor")
            await pilot.press("down", "down", "down", "down")  # KR2's form
            await until(pilot, lambda: app.screen.current[0] == "kr", "KR2's form")
        elif screen == "paste":
            await pilot.press("i")
            await until(pilot, lambda: type(app.screen).__name__ == "PasteScreen", "the box")
            app.post_message(events.Paste(seed(lang)))
            # The preview is rebuilt once typing settles: wait until it shows the box's
            # text (the parsed objective, KR2's target field), never for a time.
            box = app.screen.query_one("#paste-text")

            def previewed():
                return box.text and app.screen.previewed == box.text

            await until(pilot, previewed, "the preview of the pasted text")
            assert app.screen.query("#preview-body .p-o") and app.screen.query("#target-0-1")
            # One picture whatever the timing: the box focused, its cursor steady at the
            # top of the text and the box scrolled there (a paste leaves it at the end,
            # scrolled after a refresh, and a blinking cursor in either phase).
            box.cursor_blink = False
            box.focus()
            box.move_cursor((0, 0))
            box.scroll_home(animate=False, immediate=True)

            def steady():
                return (
                    app.focused is box
                    and box.scroll_offset.y == 0
                    and box.cursor_location == (0, 0)
                )

            await until(pilot, steady, "the box at the top, focused")
        elif screen == "history":
            await pilot.press("h")
            await until(pilot, lambda: type(app.screen).__name__ == "HistoryScreen", "history")
        elif screen == "help":
            await pilot.press("question_mark")
            await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "help")
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
