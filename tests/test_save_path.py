"""The one save path (screens.saving) and the app's last line of defence (tui.app)."""

from __future__ import annotations

import json
import os

import pytest

from screens import saving
from store import rescue
from store.model import Meeting
from tui.app import OkrApp


def damage(store) -> None:
    """Cut the store short, as a sync tool or a bad merge might, behind the app's back."""
    raw = store.path.read_bytes()
    store.path.write_bytes(raw[: len(raw) // 3])


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_refused_write_says_one_sentence_and_keeps_the_typed_text(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test() as pilot:
        damage(demo_store)
        typed = {"notes": "Talked about the budget 谈了预算"}
        ok = saving.write(
            app.screen,
            lambda: app.store.add_meeting(Meeting("2026-10-19", typed["notes"])),
            rescue=saving.Rescue("meeting", "2026-10-19", lambda: typed),
        )
        await pilot.pause()
        assert ok is False
        [message] = notices(app)
        assert message.startswith("Not saved: ") and "not a valid okr-checkin store" in message
        kept = rescue.rescue_dir(demo_store.data_dir) / "meeting-2026-10-19.json"
        assert str(kept) in message
        assert json.loads(kept.read_text())["data"] == typed
        assert os.stat(kept).st_mode & 0o777 == 0o600
        assert rescue.find(demo_store.data_dir, "meeting", "2026-10-19") == typed


async def test_a_write_that_works_forgets_an_old_rescue(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test():
        rescue.keep(demo_store.data_dir, "meeting", "2026-10-19", {"notes": "old"})
        ok = saving.write(
            app.screen,
            lambda: app.store.add_meeting(Meeting("2026-10-19", "new")),
            rescue=saving.Rescue("meeting", "2026-10-19", lambda: {"notes": "new"}),
        )
        assert ok is True
        assert rescue.find(demo_store.data_dir, "meeting", "2026-10-19") is None
        assert [m.notes for m in app.store.meetings()] == ["new"]


async def test_readable_says_why_not(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test() as pilot:
        assert saving.readable(app.screen)
        damage(demo_store)
        assert not saving.readable(app.screen)
        await pilot.pause()
        assert any("not a valid okr-checkin store" in m for m in notices(app))


async def test_an_uncaught_error_stops_with_one_sentence_and_status_1(demo_store):
    """A bug: the app stops (Textual cannot resume the handler), says one sentence, keeps
    the open screens' typed text and writes the traceback without locals to a file."""

    class Boom(RuntimeError):
        pass

    app = OkrApp(demo_store)
    secret = "MY-PRIVATE-NOTE"

    def explode() -> None:
        note = secret  # noqa: F841 - a local a traceback with locals would print
        raise Boom("kaput")

    with pytest.raises(Boom):
        async with app.run_test() as pilot:
            app.screen.rescue = lambda: saving.Rescue("checkin", "o1 2026-W43", lambda: {"x": 1})
            app.call_later(explode)
            await pilot.pause()
    assert app.return_code == 1
    assert "unexpected error (Boom)" in app.stop_message
    [log] = demo_store.data_dir.glob("crash-*.txt")
    assert f"the details are in {log}." in app.stop_message
    text = log.read_text(encoding="utf-8")
    assert "Boom: kaput" in text and secret not in text
    assert os.stat(log).st_mode & 0o777 == 0o600
    assert rescue.find(demo_store.data_dir, "checkin", "o1 2026-W43") == {"x": 1}
