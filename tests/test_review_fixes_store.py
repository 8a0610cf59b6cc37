"""Review fixes: a KR's kind vs its check-ins, the prep's start day, status-change
weeks, a milestone's pace, a one-on-one without notes."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from click.testing import CliRunner
from textual.widgets import Select, Static

from screens.editor import EditorScreen
from store.model import (
    CheckIn,
    InvalidData,
    Item,
    ItemCheck,
    KeyResult,
    KRCheck,
    Meeting,
    Objective,
)
from store.rollup import pace, prep_rollup, prep_since
from tui.app import OkrApp
from tui.cli import cli
from tui.report import render_prep


def objective() -> Objective:
    return Objective(
        id="o1",
        title="Grow",
        start="2026-10-01",
        end="2026-10-31",
        key_results=[
            KeyResult("kr1", "Customers", "number", 0, 50, "customers", 1, [Item("e1", "Plan")]),
            KeyResult("kr2", "Ship it", "milestone", 0, 1),
        ],
    )


def checkin(week: str, day: str, value: float | None = 21, status: str = "on_track") -> CheckIn:
    return CheckIn("o1", week, day, "", [KRCheck("kr1", value, 7)], [ItemCheck("e1", status)])


# -- 1a: the store refuses an objective its own check-ins no longer fit ----------------------


def test_save_objective_refuses_kind_change_that_breaks_checkins(store):
    o = objective()
    store.save_objective(o)
    store.save_checkin(checkin("2026-W41", "2026-10-05"))
    before = store.storage.path.read_bytes()

    changed = copy.deepcopy(o)
    changed.key_results[0].kind = "milestone"
    changed.key_results[0].start, changed.key_results[0].target = 0, 1
    with pytest.raises(InvalidData) as exc:
        store.save_objective(changed)
    assert exc.value.path == "checkins[2026-W41].key_results[0].value"
    assert store.storage.path.read_bytes() == before  # nothing written
    assert store.objective("o1").key_results[0].kind == "number"

    with pytest.raises(InvalidData):
        store.save_objectives([changed])
    assert store.storage.path.read_bytes() == before


def test_save_objective_refuses_dropping_a_kr_or_item_with_checkins(store):
    o = objective()
    store.save_objective(o)
    store.save_checkin(checkin("2026-W41", "2026-10-05"))
    no_item = copy.deepcopy(o)
    no_item.key_results[0].items = []
    with pytest.raises(InvalidData, match=r"checkins\[2026-W41\]\.items\[0\]\.item"):
        store.save_objective(no_item)
    # A change the check-ins still fit is saved, and only this objective's check-ins count.
    other = Objective(id="o2", title="Other", start="2026-10-01", end="2026-10-31")
    store.save_objective(other)
    retitled = copy.deepcopy(o)
    retitled.title = "Grow more"
    store.save_objective(retitled)
    assert store.objective("o1").title == "Grow more"


# -- 1b: the editor refuses to switch the kind of a KR with check-ins ---------------------------


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "has check-ins"), ("zh", "已有周度更新记录，类型不能更改")]
)
async def test_editor_refuses_kind_change_of_kr_with_checkins(store, lang, words):
    store.save_objective(objective())
    store.save_checkin(checkin("2026-W41", "2026-10-05"))
    app = OkrApp(store, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(EditorScreen("o1"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        await pilot.press("down", "enter", "tab")
        assert app.focused.id == "kr-kind"
        await pilot.press("enter", "down", "down", "enter")  # number -> percent -> milestone
        await pilot.pause()
        kr = screen.objective.kr("kr1")
        assert (kr.kind, kr.start, kr.target) == ("number", 0, 50)
        assert screen.query_one("#kr-kind", Select).value == "number"
        box = screen.query_one("#kr-kind-error", Static)
        assert box.display and words in str(box.render())
        assert not screen.dirty
    assert store.objective("o1").key_results[0].kind == "number"


async def test_editor_still_switches_kind_of_kr_without_checkins(store):
    store.save_objective(objective())
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(EditorScreen("o1"))
        await pilot.pause()
        screen = app.screen
        await pilot.press("down", "enter", "tab")
        await pilot.press("enter", "down", "down", "enter")
        await pilot.pause()
        assert screen.objective.kr("kr1").kind == "milestone"
        assert not screen.query_one("#kr-kind-error", Static).display


# -- 2: the prep never starts after today --------------------------------------------------------


def test_prep_since_a_meeting_today_is_today():
    today = date(2026, 11, 26)
    assert prep_since([Meeting("2026-11-26", "")], today) == (today, "meeting")
    assert prep_since([Meeting("2026-11-20", "")], today) == (date(2026, 11, 21), "meeting")


def test_cli_prep_since_after_today_is_a_usage_error(tmp_path):
    env = {"OKR_TODAY": "2026-10-27", "LANG": "en_US.UTF-8"}
    args = ["--data", str(tmp_path / "okr"), "prep", "--since", "2026-10-28"]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 2
    assert "--since" in result.output and "is after today (2026-10-27)." in result.output
    ok = CliRunner().invoke(cli, [*args[:-1], "2026-10-27"], env=env)
    assert ok.exit_code == 0, ok.output


# -- 3: a status change is dated by the week the status was reached ----------------------------


def test_status_change_week_is_when_the_status_was_reached():
    checkins = [
        checkin("2026-W41", "2026-10-05", status="on_track"),
        checkin("2026-W42", "2026-10-12", status="at_risk"),
        checkin("2026-W43", "2026-10-19", status="at_risk"),
        checkin("2026-W44", "2026-10-26", status="at_risk"),
    ]
    rollup = prep_rollup([objective()], checkins, [], date(2026, 10, 6), date(2026, 10, 27))
    (change,) = rollup.objectives[0].status_changes
    assert (change.before, change.now, change.week) == ("on_track", "at_risk", "2026-W42")


def test_status_change_week_is_the_start_of_the_final_run():
    checkins = [
        checkin("2026-W41", "2026-10-05", status="on_track"),
        checkin("2026-W42", "2026-10-12", status="at_risk"),
        checkin("2026-W43", "2026-10-19", status="on_track"),
        checkin("2026-W44", "2026-10-26", status="at_risk"),
        checkin("2026-W45", "2026-11-02", status="at_risk"),
    ]
    o = objective()
    o.end = "2026-11-30"
    rollup = prep_rollup([o], checkins, [], date(2026, 10, 6), date(2026, 11, 3))
    (change,) = rollup.objectives[0].status_changes
    assert change.week == "2026-W44"


# -- 4: a milestone not done falls behind after three quarters of the period -------------------


def test_milestone_pace_behind_after_three_quarters():
    kr = KeyResult("m", "Ship", "milestone", 0, 1)
    assert pace(kr, 0, 0.5) == "on_track"
    assert pace(kr, 0, 0.75) == "on_track"
    assert pace(kr, 0, 0.76) == "behind"
    assert pace(kr, 0, 1) == "behind"
    assert pace(kr, 1, 0.9) == "on_track"  # done: 100% against 90% expected


# -- 5: a one-on-one without notes has no dangling colon ---------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected", "bad"),
    [
        ("en", "Last one-on-one 2026-10-16.", "Last one-on-one 2026-10-16:"),
        ("zh", "上次一对一 2026-10-16。", "上次一对一 2026-10-16："),
    ],
)
def test_last_meeting_without_notes(lang, expected, bad):
    meetings = [Meeting("2026-10-16", "  ")]
    rollup = prep_rollup([objective()], [], meetings, None, date(2026, 10, 27))
    for fmt in ("md", "text"):
        out = render_prep(rollup, fmt, lang)
        assert expected in out and bad not in out
    with_notes = prep_rollup([objective()], [], [Meeting("2026-10-16", "budget")], None,
                             date(2026, 10, 27))  # fmt: skip
    assert "2026-10-16" in render_prep(with_notes, "text", lang)
    assert json.loads(render_prep(rollup, "json", lang))["last_meeting"]["date"] == "2026-10-16"
