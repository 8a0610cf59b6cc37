"""Item 5 of issue 9: one rule for which weeks belong to an objective, everywhere.

A week belongs to an objective when its Thursday is in the period (``store.weeks``); the
objective is due in those weeks only, never once archived or closed. Each test here
failed before the rule was used where it checks (the store, the summary, the prep,
home, history, ``okr checkin``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pendulum
import pytest
from click.testing import CliRunner

from store import weeks
from store.model import CheckIn, InvalidData, Item, ItemCheck, KeyResult, KRCheck, Objective, Review
from store.repo import Store
from store.rollup import month_rollup, prep_rollup
from tui.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def q4(**changes) -> Objective:
    fields = {
        "id": "q4",
        "title": "Q4 objective",
        "start": "2026-10-01",
        "end": "2026-12-31",
        "key_results": [
            KeyResult(
                "kr1", "Win customers", "number", 0, 100, "customers", 1, [Item("e1", "Plan")]
            )
        ],
    }
    return Objective(**{**fields, **changes})


def november(**changes) -> Objective:
    fields = {
        "id": "nov",
        "title": "November objective",
        "start": "2026-11-01",
        "end": "2026-11-30",
    }
    return q4(**{**fields, **changes})


def checkin(objective: str, week: str, value=10) -> CheckIn:
    return CheckIn(
        objective,
        week,
        weeks.week_monday(week).isoformat(),
        key_results=[KRCheck("kr1", value, 5)],
        items=[ItemCheck("e1", "on_track")],
    )


# -- the rule's edges ------------------------------------------------------------------------


def test_w53_belongs_to_q4_on_31_december_and_on_1_january():
    """2026-W53 runs Mon 28 Dec 2026 - Sun 3 Jan 2027; its Thursday is 31 December."""
    assert weeks.week_key(date(2026, 12, 31)) == weeks.week_key(date(2027, 1, 1)) == "2026-W53"
    assert q4().owns("2026-W53") and q4().is_due("2026-W53")
    assert not q4().is_due("2027-W01")
    assert not q4(start="2027-01-01", end="2027-03-31").owns("2026-W53")  # Q1 does not


def test_an_objective_ending_30_november_is_not_due_on_1_december():
    """2026-W49 (Mon 30 Nov, Thu 3 Dec) is December's week."""
    assert weeks.week_key(date(2026, 12, 1)) == "2026-W49"
    assert november().is_due("2026-W48") and not november().owns("2026-W49")
    assert not november().is_due("2026-W49")


def test_archived_and_closed_are_never_due():
    assert not q4(archived=True).is_due("2026-W45")
    assert not q4(review=Review("2026-12-20")).is_due("2026-W45")
    assert q4(archived=True).owns("2026-W45")  # the week still belongs to it


# -- the store refuses a check-in outside the period ------------------------------------------


def test_save_checkin_refuses_a_week_outside_the_period(store):
    store.save_objective(q4())
    store.save_checkin(checkin("q4", "2026-W53"))  # Thursday 31 December: Q4's
    before = store.path.read_bytes()
    for week in ("2020-W53", "2027-W01", "2026-W39"):
        with pytest.raises(InvalidData) as e:
            store.save_checkin(checkin("q4", week))
        assert e.value.path == "checkin.week"
        assert str(e.value) == (
            f"checkin.week: {week} is not a week of this objective's period "
            "(2026-10-01 to 2026-12-31)"
        )
    assert store.path.read_bytes() == before  # nothing written
    assert [c.week for c in store.checkins("q4")] == ["2026-W53"]


def test_a_store_file_holding_such_a_checkin_still_opens(data_dir):
    """Files written before the rule may hold one: they open, and every report leaves it
    out of the period's weeks (validation of the file is not stricter)."""
    store = Store(data_dir)
    store.restore(
        {
            "format": "okr-checkin",
            "version": 2,
            "objectives": [november().to_dict()],
            "checkins": [
                checkin("nov", "2026-W49").to_dict(),
                checkin("nov", "2026-W46").to_dict(),
            ],
        }
    )
    store.close()
    reopened = Store(data_dir)
    assert [c.week for c in reopened.checkins("nov")] == ["2026-W46", "2026-W49"]
    rollup = month_rollup(november(), reopened.checkins(), [], "2026-11", date(2026, 12, 1))
    assert rollup.discipline.weeks == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert rollup.discipline.missing == ["2026-W45", "2026-W47", "2026-W48"]


# -- the summary's discipline and the prep ---------------------------------------------------


def test_discipline_counts_the_weeks_whose_thursday_is_in_the_period():
    """A period starting Friday 6 November does not own 2026-W45 (Thu 5 Nov); before, any
    week touching the period was counted (and reported missing)."""
    late = november(start="2026-11-06")
    rollup = month_rollup(late, [], [], "2026-11", date(2026, 12, 1))
    assert rollup.discipline.weeks == ["2026-W46", "2026-W47", "2026-W48"]
    assert rollup.discipline.missing == ["2026-W46", "2026-W47", "2026-W48"]


def test_discipline_of_a_closed_period_stops_at_its_close():
    closed = q4(review=Review("2026-12-09"))
    rollup = month_rollup(closed, [], [], "2026-12", date(2027, 1, 5))
    assert rollup.discipline.weeks == ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"]
    assert rollup.discipline.due == ["2026-W49", "2026-W50"]  # Mondays 30 Nov, 7 Dec


def test_prep_asks_nothing_to_catch_up_for_an_objective_whose_period_is_over():
    """Seen on 1 December, the November objective (behind pace, W48 missing) is over:
    no missing weeks (W49 was listed before: not its week at all), no "how to catch up?",
    one point saying the period ended."""
    checkins = [checkin("nov", "2026-W45", 10), checkin("nov", "2026-W46", 12)]
    prep = prep_rollup([november()], checkins, [], None, date(2026, 12, 1))
    [o] = prep.objectives
    assert o.missing == []
    codes = [p.code for p in o.talking_points]
    assert "behind_pace" not in codes and "missing" not in codes
    assert codes[0] == "ended" and o.talking_points[0].detail == "2026-11-30"


def test_prep_lists_only_the_weeks_of_a_running_period():
    """Seen on 25 November, a period starting Friday 6 November misses W46 to W48 (this
    week: its Monday, the check-in day, has come), not W45: its Thursday is before it."""
    late = november(start="2026-11-06")
    prep = prep_rollup([late], [], [], date(2026, 11, 2), date(2026, 11, 25))
    assert prep.objectives[0].missing == ["2026-W46", "2026-W47", "2026-W48"]
    assert "ended" not in [p.code for p in prep.objectives[0].talking_points]


def test_prep_in_words_says_the_period_ended(data_dir):
    store = Store(data_dir)
    store.save_objective(november())
    store.save_checkin(checkin("nov", "2026-W45"))
    store.close()
    for lang, ended, catch_up in (
        ("en", "The period ended on 2026-11-30", "how to catch up"),
        ("zh", "周期已于 2026-11-30 结束", "如何追上"),
    ):
        result = CliRunner().invoke(
            cli,
            ["--data", str(data_dir), "prep", "--lang", lang, "--format", "text"],
            env={"OKR_TODAY": "2026-12-01"},
        )
        assert result.exit_code == 0, result.output
        assert ended in result.output and catch_up not in result.output
        assert "2026-W49" not in result.output


# -- okr checkin -------------------------------------------------------------------------------


def run(data_dir, *args, today="2026-12-01"):
    return CliRunner().invoke(cli, ["--data", str(data_dir), *args], env={"OKR_TODAY": today})


def test_okr_checkin_refuses_a_week_outside_the_period(data_dir):
    store = Store(data_dir)
    store.save_objective(q4())
    store.close()
    result = run(data_dir, "checkin", "--week", "2020-W53", "--objective", "q4")
    assert result.exit_code == 1
    assert result.output == (
        "Error: 2020-W53 is not a week of “Q4 objective” (its period is 2026-10-01 to "
        "2026-12-31): a week belongs to the period that holds its Thursday.\n"
    )
    zh = run(data_dir, "--lang", "zh", "checkin", "--week", "2027-W01", "--objective", "q4")
    assert zh.exit_code == 1 and "2027-W01 不属于“Q4 objective”的周期" in zh.output
    none = run(data_dir, "checkin", "--week", "2020-W53")
    assert none.exit_code == 1 and "no objective has a check-in due in 2020-W53" in none.output
    assert Store(data_dir).checkins() == []


def test_okr_checkin_opens_only_objectives_due_that_week(data_dir, monkeypatch):
    store = Store(data_dir)
    store.save_objective(q4())
    store.save_objective(november())
    store.save_objective(q4(id="old", title="Archived", archived=True))
    store.close()
    opened = []
    monkeypatch.setattr(
        "tui.cli_commands.run_app", lambda env, command, **options: opened.append(options)
    )
    assert run(data_dir, "checkin", today="2026-12-01").exit_code == 0  # W49: Q4's only
    assert run(data_dir, "checkin", "--week", "2026-W48").exit_code == 0  # both are due
    assert opened == [{"checkin": (["q4"], "2026-W49")}, {"checkin": (["q4", "nov"], "2026-W48")}]


# -- home and history ---------------------------------------------------------------------------


def card_text(app) -> str:
    from rich.console import Console

    from screens.home import ObjectiveCard

    console = Console(width=120, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    for card in app.screen.query(ObjectiveCard):
        console.print(card.render_card())
    return console.export_text()


@pytest.mark.parametrize(
    ("objective", "today", "state"),
    [
        (november(), "2026-12-01", "2026-W49 period ended"),
        (q4(archived=True), "2026-11-10", "2026-W46"),
        (q4(review=Review("2026-12-20")), "2026-12-21", "2026-W52 closed"),
        (q4(start="2026-11-01"), "2026-10-19", "2026-W43 starts 2026-11-01"),
        (q4(), "2027-01-01", "2026-W53 due"),
    ],
)
async def test_home_says_due_only_by_the_rule(store, objective, today, state):
    """Before: "2026-W49 due" for an objective that ended on 30 November, and "due" for
    archived and closed ones."""
    from tui.app import OkrApp

    store.save_objective(objective)
    pendulum.travel_to(pendulum.parse(today + "T09:00:00", tz="local"), freeze=True)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        if objective.archived:
            await pilot.press("a")
        await pilot.pause()
        line = card_text(app).splitlines()[1]
        assert line.rstrip().endswith(state), line
        if not state.endswith("due"):
            assert " due" not in card_text(app)


async def test_c_on_home_opens_no_check_in_for_a_week_outside_the_period(store):
    """Before, c opened this week's check-in of an objective that ended on 30 November
    (and its save was a check-in outside the period)."""
    from tui.app import OkrApp

    store.save_objective(november())
    pendulum.travel_to(pendulum.parse("2026-12-01T09:00:00", tz="local"), freeze=True)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        [note] = list(app._notifications)
        assert note.message.startswith("2026-W49 is not a week of this objective's period")


async def test_history_of_an_archived_objective_says_no_week_is_due(store):
    from textual.widgets import DataTable

    from screens.history import HistoryScreen
    from tui.app import OkrApp

    store.save_objective(q4(start="2026-10-01"))
    store.restore(
        {
            "format": "okr-checkin",
            "version": 2,
            "objectives": [q4(archived=True).to_dict()],
            "checkins": [checkin("q4", "2026-W41").to_dict(), checkin("q4", "2026-W39").to_dict()],
        }
    )
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(HistoryScreen("q4"))
        await pilot.pause()
        table = app.screen.query_one("#weeks", DataTable)
        rows = {row.key.value: table.get_row(row.key)[0].plain for row in table.ordered_rows}
        assert rows["2026-W43"] == "2026-W43"  # this week: archived, so not "due"
        assert rows["2026-W42"] == "2026-W42 missing"
        assert rows["2026-W39"] == "2026-W39 outside the period"  # saved before the rule
        assert list(rows)[:2] == ["2026-W43", "2026-W42"]


# -- no terminal ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args", [["checkin"], [], ["demo"], ["--lang", "en"]], ids=["checkin", "okr", "demo", "lang"]
)
def test_screens_need_a_terminal(tmp_path, args):
    """Item 11: without a terminal the app used to start anyway and never exit."""
    folder = tmp_path / "okr"
    store = Store(folder)
    store.save_objective(q4())
    store.close()
    env = {**os.environ, "OKR_TODAY": "2026-11-10", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data", str(folder), *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    name = "okr " + args[0] if args and args[0] != "--lang" else "okr"
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == (
        f"Error: {name} needs a terminal: run it in one, with its input and output not "
        "redirected.\n"
    )
    assert proc.stdout == ""
