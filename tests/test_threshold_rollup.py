"""Levels to hold (stay_below / stay_above) over a month: scored by the share of the
month's weeks with a value that held, in the objective score too, and shown as such in
the summary table; KRs whose start is still unknown roll up without a guess."""

from __future__ import annotations

import json
from datetime import date

import pytest

from store.model import CheckIn, KeyResult, KRCheck, Objective
from store.rollup import month_rollup, prep_rollup
from tui.report import render_prep, render_summary

TODAY = date(2026, 11, 2)


def objective() -> Objective:
    return Objective(
        id="o1",
        title="Keep customers",
        start="2026-10-01",
        end="2026-12-31",
        key_results=[
            KeyResult("churn", "Keep churn below 2%", "stay_below", None, 2, "%"),
            KeyResult("uptime", "Uptime of at least 99.9%", "stay_above", None, 99.9, "%"),
            KeyResult("deals", "Win 10 new customers", "number", 0, 10, "customers"),
            KeyResult("csat", "Achieve a 90% satisfaction score", "percent", None, 90, "%"),
            KeyResult("complaints", "Reduce complaints by 25%", "number", None, None, "",
                      relative=-0.25),
        ],
    )  # fmt: skip


def checkin(week: str, day: str, **values) -> CheckIn:
    return CheckIn("o1", week, day, "", [KRCheck(kr, value) for kr, value in values.items()])


# October 2026: W40..W44. Churn held in W40 and W43, not in W41; no value in W42 / W44.
CHECKINS = [
    checkin("2026-W40", "2026-09-28", churn=1.5, uptime=99.95, deals=2),
    checkin("2026-W41", "2026-10-05", churn=2.5, uptime=99.5, deals=4),
    checkin("2026-W42", "2026-10-12", deals=4),
    checkin("2026-W43", "2026-10-19", churn=1.8, uptime=99.9, deals=5),
]


def rollup():
    return month_rollup(objective(), CHECKINS, [], "2026-10", TODAY)


def test_a_level_is_scored_by_the_share_of_weeks_it_held():
    krs = {k.id: k for k in rollup().key_results}
    churn, uptime = krs["churn"], krs["uptime"]
    assert (churn.held_weeks, churn.measured_weeks) == (2, 3)
    assert churn.score == pytest.approx(2 / 3) and churn.progress == pytest.approx(2 / 3)
    assert (uptime.held_weeks, uptime.measured_weeks) == (2, 3)  # 99.9 holds "at least 99.9"
    assert churn.pace == "on_track"  # the last value held
    assert krs["deals"].held_weeks is None and krs["deals"].score == 0.5


def test_the_objective_score_uses_the_share_and_leaves_unknown_starts_out():
    r = rollup()
    # churn 2/3, uptime 2/3, deals 0.5; csat (start unknown) and complaints (relative,
    # start unknown) are left out, not counted 0
    assert r.score == pytest.approx((2 / 3 + 2 / 3 + 0.5) / 3)


def test_unknown_starts_roll_up_without_a_guess():
    krs = {k.id: k for k in rollup().key_results}
    csat = krs["csat"]
    assert (csat.start, csat.month_start, csat.month_end, csat.change) == (None, None, None, None)
    assert csat.progress is None and csat.score is None
    prep = prep_rollup([objective()], CHECKINS, [], None, TODAY)
    moves = {k.id: k for k in prep.objectives[0].key_results}
    assert (moves["csat"].before, moves["csat"].now, moves["csat"].change) == (None, None, None)
    assert "Achieve a 90% satisfaction score" in render_prep(prep, "text", "en")


def test_a_level_without_a_value_in_the_month_has_no_score():
    r = month_rollup(objective(), [], [], "2026-10", TODAY)
    churn = next(k for k in r.key_results if k.id == "churn")
    assert (churn.measured_weeks, churn.score, churn.pace) == (0, None, None)


@pytest.mark.parametrize(
    ("lang", "target", "held"),
    [
        ("en", "stay below 2%", "held 2 of 3 weeks"),
        ("zh", "保持低于 2%", "3 周中 2 周达标"),
    ],
)
def test_the_summary_table_shows_a_level_as_such(lang, target, held):
    md = render_summary([rollup()], "2026-10", "md", lang)
    row = next(line for line in md.splitlines() if "Keep churn below 2%" in line)
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1] == "1.8%"  # the last value of the month
    # Week by week: below the level is better, so 1.5% is the tallest bar, 2.5% the lowest;
    # no value in W42 and W44.
    assert cells[2] == "█▁·▆·"
    assert cells[3] == target
    assert cells[4] == held
    assert cells[5] == "67%"  # the score: the share of weeks held
    text = render_summary([rollup()], "2026-10", "text", lang)
    assert held in text


def test_the_summary_json_keeps_the_weeks_held():
    data = json.loads(render_summary([rollup()], "2026-10", "json", "en"))
    churn = data["objectives"][0]["key_results"][0]
    assert (churn["kind"], churn["held_weeks"], churn["measured_weeks"]) == ("stay_below", 2, 3)


def test_the_weekly_values_of_the_month_are_in_the_rollup_and_the_json():
    """The sparkline's values: one per week of the month that belongs to the period and has
    begun (W40..W44 on 2 November), None where no value was given."""
    churn = next(k for k in rollup().key_results if k.id == "churn")
    assert churn.weekly == [1.5, 2.5, None, 1.8, None]
    data = json.loads(render_summary([rollup()], "2026-10", "json", "en"))
    krs = {k["id"]: k for k in data["objectives"][0]["key_results"]}
    assert krs["deals"]["weekly"] == [2, 4, 4, 5, None]
    mid_october = month_rollup(objective(), CHECKINS, [], "2026-10", date(2026, 10, 14))
    assert [k.weekly for k in mid_october.key_results][2] == [2, 4, 4]  # W43, W44 not begun
