"""The OKR cycle's rules (store.cycle): a constructed October graded and calibrated by
hand, closed and reopened, rolled into November; the "you planned" line of November's
first check-in; a KR's trend across the chain. The October is tests/cycle_helpers.py."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cycle_helpers import october, october_checkins, saved_october

from store import cycle
from store.cycle import CycleError
from store.model import CheckIn, ItemCheck, KRCheck
from tui.report import render_summary, summary_rollups
from tui.report_cycle import render_close

TODAY = date(2026, 11, 2)


def closed_october():
    return cycle.close(
        october(),
        october_checkins(),
        grades={"kr-b": 0.7},
        reasons={"kr-b": "the fair's pipeline lands in November"},
        went_well="The trade fair",
        went_badly="Legal held the partner deal",
        learned="Start the list a month early",
        today=TODAY,
    )


# -- grades and calibration ------------------------------------------------------------------------


def test_october_grades_and_brier_score_by_hand():
    """Final values: KR1 done (score 1.0), KR2 30 of 50 (0.6), KR3 100,000 (1.0), KR4 5 of
    an unknown target (no score), KR5 12,000 of 20,000 (0.6).

    Grades: KR2 is the lead's own 0.7; the others their scores; KR4 is not graded.
    Objective grade, weights 1, 2, 1, 1 (KR4 left out): (1.0 + 2 x 0.7 + 1.0 + 0.6) / 5
    = 4.0 / 5 = 0.8. Objective score: (1.0 + 2 x 0.6 + 1.0 + 0.6) / 5 = 3.8 / 5 = 0.76.

    Calibration over the check-ins with a confidence, for the KRs that can be scored:
      KR1 reached (1): 0.7, 0.8, 0.9 -> (0.09 + 0.04 + 0.01) / 3 = 0.14 / 3 = 0.0467;
          mean forecast 0.8 vs outcome 1.0: 0.2 below -> under-confident.
      KR2 not reached (0): 0.8, 0.6, 0.4, 0.5 -> (0.64 + 0.36 + 0.16 + 0.25) / 4
          = 1.41 / 4 = 0.3525; mean forecast 0.575 vs 0 -> over-confident.
      KR3 reached (1): 0.3, 0.4, 0.6, 0.9 -> (0.49 + 0.36 + 0.16 + 0.01) / 4
          = 1.02 / 4 = 0.255; mean forecast 0.55 vs 1 -> under-confident.
      KR4 (target unknown) and KR5 (no confidence) count nothing.
      All: 11 check-ins, (0.14 + 1.41 + 1.02) / 11 = 2.57 / 11 = 0.2336 -> 0.23;
          mean forecast (2.4 + 2.3 + 2.2) / 11 = 6.9 / 11 = 0.627, mean outcome 7 / 11
          = 0.636: 0.009 apart -> well calibrated.
    """
    closed = closed_october()
    g = cycle.grading(closed, october_checkins())
    assert g.closed == "2026-11-02"
    finals = {k.label: (k.final, k.score, k.grade, k.own) for k in g.key_results}
    assert finals == {
        "KR1": (1, 1.0, 1.0, False),
        "KR2": (30, 0.6, 0.7, True),
        "KR3": (100000, 1.0, 1.0, False),
        "KR4": (5, None, None, False),
        "KR5": (12000, 0.6, 0.6, False),
    }
    assert g.grade == pytest.approx(0.8)
    assert g.score == pytest.approx(0.76)
    cal = g.calibration
    by = {f.label: f for f in cal.key_results}
    assert (by["KR1"].count, by["KR1"].brier, by["KR1"].verdict) == (
        3,
        pytest.approx(0.14 / 3),
        "under_confident",
    )
    assert by["KR1"].mean_forecast == pytest.approx(0.8) and by["KR1"].mean_outcome == 1
    assert (by["KR2"].count, by["KR2"].brier, by["KR2"].verdict) == (
        4,
        pytest.approx(0.3525),
        "over_confident",
    )
    assert by["KR2"].mean_forecast == pytest.approx(0.575)
    assert (by["KR3"].count, by["KR3"].brier, by["KR3"].verdict) == (
        4,
        pytest.approx(0.255),
        "under_confident",
    )
    assert by["KR4"].count == 0 and by["KR4"].brier is None and by["KR4"].verdict is None
    assert by["KR5"].count == 0
    assert cal.overall.count == 11
    assert cal.overall.brier == pytest.approx(2.57 / 11)
    assert cal.overall.mean_forecast == pytest.approx(6.9 / 11)
    assert cal.overall.mean_outcome == pytest.approx(7 / 11)
    assert cal.overall.verdict == "well_calibrated"
    # the review keeps the grades, unrounded, and the retrospective; no score, no Brier
    stored = closed.review.to_dict()
    assert stored["grades"] == [
        {"kr": "kr-a", "grade": 1.0, "note": ""},
        {"kr": "kr-b", "grade": 0.7, "note": "the fair's pipeline lands in November"},
        {"kr": "kr-c", "grade": 1.0, "note": ""},
        {"kr": "kr-e", "grade": 0.6, "note": ""},
    ]
    assert stored["went_badly"] == "Legal held the partner deal"


def test_the_close_reads_as_computed_by_hand():
    text = render_close(cycle.grading(closed_october(), october_checkins()), "en")
    assert "Closed on 2026-11-02. Objective grade 0.8 (score 0.8)." in text
    assert (
        "All key results: Brier score 0.23 over 11 check-ins; mean confidence 0.63 against "
        "0.64 reached: well calibrated." in text
    )
    assert "KR2: Brier score 0.35 over 4 check-ins; mean confidence 0.58 against 0.00" in text
    assert "KR4: no confidence recorded." in text
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.startswith("  KR")}
    assert rows["KR2"][-10:-5] == ["30", "customers", "0.6", "0.7", "the"]
    assert " ".join(rows["KR2"]).endswith("the fair's pipeline lands in November")
    assert rows["KR4"][-5:] == ["5", "partners", "—", "not", "graded"]
    assert rows["KR5"][-4:] == ["12,000", "followers", "0.6", "0.6"]
    zh = render_close(cycle.grading(closed_october(), october_checkins()), "zh")
    assert (
        "全部关键结果：11 次周度更新的 Brier 分数 0.23；平均信心指数 0.63，实际达成 0.64：校准良好。"
        in zh
    )
    assert "未评分" in zh and "做得好的：The trade fair" in zh


def test_a_default_grade_is_the_unrounded_score():
    objective = october()
    checkins = october_checkins()
    checkins[-1].kr("kr-b").value = 31  # 31 / 50 = 0.62
    closed = cycle.close(objective, checkins, today=TODAY)
    assert closed.review.grade("kr-b").grade == pytest.approx(0.62)
    assert closed.review.grade("kr-d") is None  # no score, no grade given
    assert objective.review is None  # the argument is left as it was


def test_an_own_grade_needs_a_reason_and_must_be_0_to_1():
    with pytest.raises(CycleError, match="KR2 is not its score: give a reason"):
        cycle.close(october(), october_checkins(), grades={"kr-b": 0.7}, today=TODAY)
    with pytest.raises(CycleError, match="from 0.0 to 1.0"):
        cycle.close(
            october(), october_checkins(), grades={"kr-b": 1.5}, reasons={"kr-b": "x"}, today=TODAY
        )
    # the score itself needs no reason; an unscored KR can be graded with one
    closed = cycle.close(
        october(),
        october_checkins(),
        grades={"kr-b": 0.6, "kr-d": 0.5},
        reasons={"kr-d": "five partners is half of what we hoped"},
        today=TODAY,
    )
    assert closed.review.grade("kr-b").grade == 0.6
    assert closed.review.grade("kr-d").grade == 0.5
    # a reason is one line
    closed = cycle.close(
        october(), october_checkins(), grades={"kr-b": 0.7}, reasons={"kr-b": "a\nb"}, today=TODAY
    )
    assert closed.review.grade("kr-b").note == "a b"


def test_kr_references_by_number_or_id():
    o = october()
    assert cycle.resolve_kr(o, "KR2").id == "kr-b"
    assert cycle.resolve_kr(o, "kr5").id == "kr-e"
    assert cycle.resolve_kr(o, "3").id == "kr-c"
    assert cycle.resolve_kr(o, "kr-d").id == "kr-d"
    with pytest.raises(CycleError, match="no key result 'KR6'"):
        cycle.resolve_kr(o, "KR6")


@pytest.mark.parametrize(
    ("forecasts", "outcome", "verdict"),
    [
        ([0.65, 0.65], 1, "under_confident"),  # 0.35 below
        ([0.85, 0.85], 1, "well_calibrated"),  # exactly 0.15 apart: not more
        ([0.8, 0.9], 1, "well_calibrated"),
        ([0.2], 0, "over_confident"),
        ([0.1], 0, "well_calibrated"),
    ],
)
def test_the_verdict_turns_at_more_than_0_15_apart(forecasts, outcome, verdict):
    assert cycle._forecast("k", "KR1", [(x, outcome) for x in forecasts]).verdict == verdict


def test_closable_from_the_last_week_and_a_closed_objective_is_not_due():
    o = october()
    assert not cycle.closable(o, date(2026, 10, 25))  # Sunday before the last week
    assert cycle.closable(o, date(2026, 10, 26))  # Monday of W44, the last week
    assert cycle.closable(o, date(2026, 11, 20))
    closed = closed_october()
    assert not cycle.closable(closed, date(2026, 11, 2))
    assert not closed.is_due("2026-W44") and o.is_due("2026-W44")
    assert cycle.reopen(closed).review is None and cycle.reopen(closed).is_due("2026-W44")


def test_the_month_summary_has_the_grades_when_closed(store):
    saved_october(store)
    today = date(2026, 11, 2)
    [r] = summary_rollups(store, "2026-10", today)
    assert r.review is None
    assert "Grades and retrospective" not in render_summary([r], "2026-10", "md", "en", today)
    store.save_objective(closed_october())
    [r] = summary_rollups(store, "2026-10", today)
    md = render_summary([r], "2026-10", "md", "en", today)
    assert "### 8. Grades and retrospective" in md
    assert "| KR2 Win 50 new customers in October | 30 customers | 0.6 | 0.7 | the fair's" in md
    assert "- What went well: The trade fair" in md
    assert "Brier score 0.23 over 11 check-ins" in md
    text = render_summary([r], "2026-10", "text", "zh", today)
    assert "8. 评分与复盘" in text and "学到的：Start the list a month early" in text
    data = json.loads(render_summary([r], "2026-10", "json", "en", today))
    review = data["objectives"][0]["review"]
    assert review["grade"] == pytest.approx(0.8) and review["closed"] == "2026-11-02"
    assert review["calibration"]["overall"]["brier"] == pytest.approx(2.57 / 11)
    assert [k["grade"] for k in review["key_results"]] == [1.0, 0.7, 1.0, None, 0.6]
    assert review["key_results"][1]["note"] == "the fair's pipeline lands in November"
    # not in November's summary
    [november] = summary_rollups(store, "2026-11", today, [store.objective("o-oct")])
    assert november.review is None


# -- the next period ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "months", "moved"),
    [
        ("Win 50 new customers in October", 1, "Win 50 new customers in November"),
        ("完成10月XX家新客户的开发", 1, "完成11月XX家新客户的开发"),
        ("Oct. push", 1, "Nov. push"),
        ("December 2026 sales", 1, "January 2027 sales"),
        ("2026年12月目标", 1, "2027年1月目标"),
        ("十月冲刺", 1, "十一月冲刺"),
        ("Q4 2026 revenue", 3, "Q1 2027 revenue"),
        ("Report 2026-10", 1, "Report 2026-11"),
        ("三个月内完成", 1, "三个月内完成"),  # a count of months, not a month
        ("Octopus and Mayhem", 1, "Octopus and Mayhem"),
    ],
)
def test_month_names_and_numbers_move_with_the_period(title, months, moved):
    assert cycle.shift_title(title, months) == moved


@pytest.mark.parametrize(
    ("title", "per_period"),
    [
        ("Win 50 new customers in October", True),
        ("完成10月XX家新客户的开发", True),
        ("新增客户 50 家", True),
        ("Sign 20 deals this month", True),
        ("Gain 100k followers", False),
        ("Gain 100k followers for the new-customer campaign", False),
        ("在开发新客户活动X大平台上收获10w粉丝", False),
    ],
)
def test_per_period_by_the_title(title, per_period):
    assert cycle.per_period_title(title) is per_period


def test_the_next_period_has_the_same_length():
    assert cycle.next_period("2026-10-01", "2026-10-31") == ("2026-11-01", "2026-11-30")
    assert cycle.next_period("2026-10-01", "2026-12-31") == ("2027-01-01", "2027-03-31")
    assert cycle.next_period("2027-01-01", "2027-01-31") == ("2027-02-01", "2027-02-28")
    assert cycle.next_period("2026-10-05", "2026-11-04") == ("2026-11-05", "2026-12-05")


def test_rollover_defaults():
    """Cumulative KR5 starts from its last value; per-period KR2 from 0; the done milestone
    KR1 and the reached KR3 are dropped; KR4's unknown target is asked for; the at-risk
    item is carried with its status and last adjustment; done and dropped items stay;
    the open items of the dropped KRs are listed and dropped by default."""
    plan = cycle.plan_next(closed_october(), october_checkins())
    assert (plan.start, plan.end) == ("2026-11-01", "2026-11-30")
    assert plan.title == "Grow the team in November"
    krs = {k.label: k for k in plan.key_results}
    assert [(k.label, k.keep) for k in plan.key_results] == [
        ("KR1", False),
        ("KR2", True),
        ("KR3", False),
        ("KR4", True),
        ("KR5", True),
    ]
    assert krs["KR1"].reached and krs["KR3"].reached
    kr2 = krs["KR2"]
    assert (kr2.mode, kr2.start, kr2.target, kr2.title) == (
        "per_period",
        0,
        50,
        "Win 50 new customers in November",
    )
    kr5 = krs["KR5"]
    assert (kr5.mode, kr5.start, kr5.target) == ("cumulative", 12000, 20000)
    kr4 = krs["KR4"]
    assert (kr4.mode, kr4.start, kr4.target, kr4.target_unknown) == ("cumulative", 5, None, True)
    kr2.set_mode("cumulative")
    assert kr2.start == 30
    kr2.set_mode("per_period")
    assert kr2.start == 0

    items = {i.source: i for i in plan.items}
    assert set(items) == {"e-a2", "e-b1", "e-b2", "e-c2", "e-d1", "e-e1"}
    b2 = items["e-b2"]
    assert (b2.status, b2.adjustment, b2.adjustment_week, b2.carry) == (
        "at_risk",
        "Ask the manager to unblock legal",
        "2026-W44",
        True,
    )
    assert items["e-a2"].adjustment == "Write the v2 checklist"  # last non-empty: W43
    assert items["e-d1"].adjustment == ""
    assert {i.source for i in plan.orphans()} == {"e-a2", "e-c2"}
    assert not items["e-a2"].carry and not items["e-c2"].carry
    assert {(kr, title, status) for kr, title, status in plan.left} == {
        ("kr-a", "Draft v1", "done"),
        ("kr-b", "Trade fair", "dropped"),
        ("kr-b", "Old idea", "dropped"),
        ("kr-c", "Growth plan one", "done"),
    }


def test_applying_the_plan_links_back_and_changes_nothing_of_october(store):
    saved_october(store)
    store.save_objective(closed_october())
    before = store.export()
    old = store.objective("o-oct")
    checkins = store.checkins("o-oct")
    plan = cycle.plan_next(old, checkins)
    plan.items[[i.source for i in plan.items].index("e-c2")].move_to = "kr-e"  # move, not drop
    plan.items[[i.source for i in plan.items].index("e-c2")].carry = True
    plan.kr("kr-d").target = 12  # the unknown target, given
    new = cycle.apply_plan(plan, old)
    store.save_objective(new)

    after = store.export()
    assert [o for o in after["objectives"] if o["id"] == "o-oct"] == before["objectives"]
    assert after["checkins"] == before["checkins"]  # no check-in copied, none changed
    november = store.objective(new.id)
    assert november.previous == "o-oct" and november.review is None
    assert (november.start, november.end, november.owner) == ("2026-11-01", "2026-11-30", "Lin")
    assert [(k.previous, k.title, k.start, k.target) for k in november.key_results] == [
        ("kr-b", "Win 50 new customers in November", 0, 50),
        ("kr-d", "Sign XX partners", 5, 12),
        ("kr-e", "Grow followers on platform Y to 20k", 12000, 20000),
    ]
    items = {
        k.previous: [(i.previous, i.title, i.added) for i in k.items] for k in november.key_results
    }
    assert items == {
        "kr-b": [
            ("e-b1", "October plan one", "2026-W44"),
            ("e-b2", "October plan two", "2026-W44"),
        ],
        "kr-d": [("e-d1", "Partner outreach", "2026-W44")],
        "kr-e": [
            ("e-e1", "Platform Y posts", "2026-W44"),
            ("e-c2", "Video series", "2026-W44"),
        ],
    }
    assert not november.is_due("2026-W44") and november.is_due("2026-W45")


def test_a_plan_that_cannot_be_made_is_said():
    plan = cycle.plan_next(closed_october(), october_checkins())
    plan.items[0].carry = True  # e-a2 of the dropped KR1, not moved anywhere
    with pytest.raises(CycleError, match="“Run v1 weekly” belongs to a dropped key result"):
        cycle.apply_plan(plan, closed_october())
    with pytest.raises(CycleError, match="must start after 2026-10-31"):
        cycle.plan_next(october(), october_checkins(), "2026-10-15", "2026-11-15")


# -- November's first check-in -------------------------------------------------------------------------


def test_you_planned_in_the_first_check_in_of_november(store):
    saved_october(store)
    old = store.objective("o-oct")
    plan = cycle.plan_next(old, store.checkins("o-oct"))
    new = cycle.apply_plan(plan, old)
    store.save_objective(new)
    objectives = store.objectives(include_archived=True)
    by_source = {i.previous: i.id for k in new.key_results for i in k.items}

    planned = cycle.planned_adjustments(objectives, store.checkins(), new.id, "2026-W45")
    assert planned == {
        by_source["e-b1"]: "Start the November list early",
        by_source["e-b2"]: "Ask the manager to unblock legal",
    }  # e-d1 and e-e1 are carried without an open adjustment
    carried = cycle.carried_from_previous(objectives, store.checkins(), new.id, "2026-W45")
    assert carried[by_source["e-b2"]].status == "at_risk"
    assert carried[by_source["e-d1"]].status == "on_track"

    # once November has a check-in, the week before says what was planned
    kr = new.key_results[0]
    store.save_checkin(
        CheckIn(
            new.id,
            "2026-W45",
            "2026-11-02",
            key_results=[KRCheck(kr.id, 6, 7)],
            items=[ItemCheck(kr.items[0].id, "on_track", "", "call the fair list")],
        )
    )
    assert cycle.planned_adjustments(objectives, store.checkins(), new.id, "2026-W46") == {}
    # ... but editing November's first week still shows October's plan
    assert cycle.planned_adjustments(objectives, store.checkins(), new.id, "2026-W45") == planned
    # an objective that continues nothing plans nothing
    assert cycle.planned_adjustments(objectives, store.checkins(), "o-oct", "2026-W41") == {}


def test_a_carried_kr_has_one_series_across_the_chain(store):
    saved_october(store)
    old = store.objective("o-oct")
    new = cycle.apply_plan(cycle.plan_next(old, store.checkins("o-oct")), old)
    store.save_objective(new)
    kr5 = next(k for k in new.key_results if k.previous == "kr-e")
    store.save_checkin(
        CheckIn(new.id, "2026-W45", "2026-11-02", key_results=[KRCheck(kr5.id, 13000, 6)])
    )
    series = cycle.chained_series(
        store.objectives(include_archived=True), store.checkins(), new.id, kr5.id
    )
    assert [(w, v) for _, w, v in series] == [
        ("2026-W41", 5000),
        ("2026-W42", None),
        ("2026-W43", None),
        ("2026-W44", 12000),
        ("2026-W45", 13000),
    ]
    assert {o for o, _, _ in series} == {"o-oct", new.id}
