"""SVG snapshots of the check-in: a KR page, an E-item page and the review, in English and
Chinese, at 80x24 and 120x40. Regenerate with ``pytest --snapshot-update`` after LOOKING at
the new SVGs (tests/__snapshots__/test_snapshots_checkin/)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea
from waiting import until

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


def _seed(store):
    """The seed as `okr import` makes it (KR2's target unknown)."""
    from pathlib import Path

    import store as store_package
    from store.okrtext import parse_okr_text

    text = (Path(store_package.__file__).parent / "examples" / "seed-okr-zh.txt").read_bytes()
    [objective] = parse_okr_text(
        text, start="2026-10-01", end="2026-10-31", week="2026-W40"
    ).objectives
    store.save_objectives([objective])
    return objective


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checkin_unknown_target_snapshot(snap_compare, store, lang):
    """The seed's KR2 ("XX" customers): its target asked on its page, 60 typed."""
    objective = _seed(store)
    app = OkrApp(store, lang=lang, checkin=([objective.id], WEEK))
    keys = ("pagedown", "pagedown", "pagedown", "6", "0", "enter")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_steady(keys))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_checkin_conflict_snapshot(snap_compare, request, lang):
    """Two saves of the week side by side: mine (28, 7/10, done) and another copy's."""
    from store.model import CheckIn, ItemCheck, KRCheck
    from store.repo import Store

    store = request.getfixturevalue("demo_store_zh" if lang == "zh" else "demo_store")
    objective = store.objectives()[0]
    kr2, kr3 = objective.key_results[1], objective.key_results[2]
    app = OkrApp(store, lang=lang, checkin=([objective.id], WEEK))

    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in ("pagedown", "pagedown", "pagedown", "2", "8", "enter", "7", "enter"):
            await pilot.press(key)
        await pilot.press("enter", "d")
        theirs = CheckIn(objective.id, WEEK, "2026-10-19", "",
                         [KRCheck(kr2.id, 25, 5, ""), KRCheck(kr3.id, 31000, 4, "")],
                         [ItemCheck(kr2.items[0].id, "at_risk")])  # fmt: skip
        Store(store.data_dir).save_checkin(theirs)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "ConflictDialog")
        await pilot.press("down", "t")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
