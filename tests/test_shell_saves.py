"""Every write of the shell's screens goes through the one save path (screens.saving), and
every screen opened from home first asks whether the store can be read: with the store cut
short behind the app's back (as a sync tool or a bad merge might), each save says the
store's sentence in the app, keeps what was typed on screen and beside the store, raises
nothing, and the app goes on. If the app ever does stop on an error, it says one sentence
and exits non-zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, TextArea
from waiting import ready, until

from screens.editor import EditorScreen
from screens.home import HomeScreen
from screens.paste import PasteScreen
from screens.prep import MeetingDialog, PrepScreen
from screens.summary import SummaryScreen
from store import rescue
from tui.app import OkrApp

ROOT = Path(__file__).resolve().parents[1]
DAMAGED = "is not a valid okr-checkin store"
SIZE = (80, 24)


def damage(store) -> None:
    """Cut the store short behind the app's back (``head -c 2000 okr.json > x && mv x ...``)."""
    raw = store.path.read_bytes()
    cut = store.path.with_name("cut")
    cut.write_bytes(raw[:2000])
    os.replace(cut, store.path)


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def refused(app) -> list[str]:
    """The "Not saved" messages (the app's poll of the file may also have said, on its
    own, that the store is damaged: it looks every two seconds)."""
    return [m for m in notices(app) if m.startswith("Not saved")]


def kept(store, kind: str, key: str):
    return rescue.find(store.data_dir, kind, key)


async def test_editor_save_on_a_damaged_store_keeps_the_edit(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        screen = await until(pilot, lambda: isinstance(app.screen, EditorScreen) and app.screen)
        [objective] = demo_store.objectives()
        await pilot.press("enter")  # into the objective's form
        title = screen.query_one("#o-title", Input)
        await until(pilot, lambda: app.focused is title, "the title field")
        await pilot.press("end", *" v2 二期")
        damage(demo_store)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: refused(app), "a message")
        [message] = refused(app)
        assert message.startswith("Not saved: ") and DAMAGED in message
        assert app.screen is screen and app.is_running and app.return_code is None
        assert title.value == objective.title + " v2 二期"  # still on screen
        data = kept(demo_store, "editor", objective.id)
        assert data["objective"]["title"] == objective.title + " v2 二期"
        path = rescue.rescue_dir(demo_store.data_dir) / f"editor-{objective.id}.json"
        assert str(path) in message


async def test_paste_import_on_a_damaged_store_keeps_the_text(demo_store, data_dir):
    text = "O: Grow the partner channel\nKR: Sign 12 partners [0 -> 12 partners]\nE: List the top 50 agencies\n"
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        screen = await until(pilot, lambda: isinstance(app.screen, PasteScreen) and app.screen)
        app.post_message(events.Paste(text))
        await until(pilot, lambda: screen.query(".p-o"), "the preview of the objective")
        damage(demo_store)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: refused(app), "a message")
        [message] = refused(app)
        assert message.startswith("Not saved: ") and DAMAGED in message
        assert app.screen is screen and app.is_running
        assert screen.query_one("#paste-text", TextArea).text == text
        assert kept(demo_store, "paste", "box")["text"] == text

    # The next paste box offers the kept text back (once the store is readable again).
    (data_dir / "okr.json").unlink()
    app = OkrApp(type(demo_store)(data_dir))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        screen = await until(pilot, lambda: isinstance(app.screen, PasteScreen) and app.screen)
        assert screen.query_one("#paste-text", TextArea).text == text
        await until(pilot, lambda: screen.query(".p-o"), "the preview of the objective")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        assert [o.title for o in app.store.objectives()] == ["Grow the partner channel"]
        assert kept(app.store, "paste", "box") is None  # saved: forgotten


async def test_prep_record_on_a_damaged_store_keeps_the_dialog_open(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await ready(pilot, PrepScreen)
        await pilot.press("r")
        dialog = await until(pilot, lambda: isinstance(app.screen, MeetingDialog) and app.screen)
        await pilot.press("enter", *"Budget: ask for two more weeks")
        damage(demo_store)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: refused(app), "a message")
        [message] = refused(app)
        assert message.startswith("Not saved: ") and DAMAGED in message
        assert app.screen is dialog and app.is_running
        notes = dialog.query_one("#pr-notes", TextArea).text
        assert notes == "Budget: ask for two more weeks"
        assert kept(demo_store, "meeting", "2026-10-19") == {"date": "2026-10-19", "notes": notes}


async def test_summary_on_a_store_damaged_meanwhile_says_so(demo_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        screen = await ready(pilot, SummaryScreen)
        damage(demo_store)
        await pilot.press("left_square_bracket")  # a month's rollup reads the store
        await until(pilot, lambda: notices(app), "a message")
        assert any(DAMAGED in m for m in notices(app))
        assert app.screen is screen and app.is_running
        # The text on show is still the October one, and it can still be saved to a file.
        await pilot.press("right_square_bracket")
        await until(pilot, lambda: screen.ready or len(notices(app)) > 1)
        assert app.is_running


@pytest.mark.parametrize("key", ["c", "e", "n", "h", "i", "s", "p", "a"])
async def test_home_opens_nothing_on_a_damaged_store(demo_store, key):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = app.screen
        damage(demo_store)
        await pilot.press(key)
        await until(pilot, lambda: notices(app), "a message")
        assert any(DAMAGED in m for m in notices(app))
        assert app.screen is home and app.is_running and app.return_code is None


async def test_back_home_on_a_damaged_store_keeps_the_list(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await until(pilot, lambda: not isinstance(app.screen, HomeScreen), "help")
        damage(demo_store)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, HomeScreen) and notices(app))
        assert len(app.screen.query("ObjectiveCard")) == 1  # the list as it was
        assert app.is_running


async def test_q_on_home_quits(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        footer = {a.binding.key: a.binding.description for a in app.screen.active_bindings.values()}
        assert footer["q"] == "Quit"
        await pilot.press("q")
        await until(pilot, lambda: not app.is_running, "the app to stop")
    assert app.return_code in (0, None)


async def test_a_says_what_it_did(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: notices(app), "a message")
        assert notices(app) == ["Nothing is archived: every objective is on this list already."]
    [objective] = demo_store.objectives()
    objective.archived = True
    demo_store.save_objective(objective)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: notices(app), "a message")
        assert notices(app)[-1].startswith("Showing the archived objectives too (1)")
        assert len(app.screen.query("ObjectiveCard")) == 1
        await pilot.press("a")
        await until(pilot, lambda: len(notices(app)) == 2, "a second message")
        assert notices(app)[-1].startswith("Archived objectives hidden (1)")
        assert len(app.screen.query("ObjectiveCard")) == 0


STOPS = r"""
import sys
import textual.app as ta
from store.storage import StoreError

_run = ta.App.run

def run(self, *a, **k):
    async def auto(pilot):
        await pilot.pause()
        def fail():
            raise StoreError("okr.json went away while the app was open.")
        self.call_later(fail)
        await pilot.pause()
    k.update(headless=True, auto_pilot=auto)
    return _run(self, *a, **k)

ta.App.run = run
for stream in (sys.stdin, sys.stdout):  # headless, as if on a terminal (okr asks)
    stream.isatty = lambda: True
sys.argv = ["okr", *sys.argv[1:]]
from tui.cli import main
sys.exit(main())
"""


def test_the_app_stopping_on_an_error_exits_1_with_one_sentence(demo_store, data_dir):
    """``okr`` itself (tui.cli.main): an error no screen caught stops the app with exit
    status 1 and one sentence on stderr, never a traceback (and never status 0)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OKR_TODAY": "2026-10-19"}
    done = subprocess.run(
        [sys.executable, "-c", STOPS, "--data", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    text = " ".join(lines)
    assert text == "okr-checkin stopped: okr.json went away while the app was open."
    assert json.loads(demo_store.path.read_text())  # the store untouched


async def test_a_damaged_store_is_said_once_while_it_lasts(demo_store):
    """The refused save says the store's sentence with what it kept; the app's poll and
    the screens that read the store afterwards do not say the same sentence again (three
    toasts filled 80x24); once the store reads again, a new damage is said again."""
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditorScreen))
        damage(demo_store)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: refused(app), "the refused save")
        app.check_store()  # the poll meets the damaged file
        await pilot.press("escape", "escape")  # back home, which reads the store
        await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("s")  # a screen that asks whether the store reads
        await pilot.pause()
        bare = [m for m in notices(app) if m.startswith(DAMAGED) or DAMAGED in m]
        assert len(refused(app)) == 1
        assert len(bare) == 1, notices(app)  # the refused save's message only
