"""The quarter: three linked months (October of tests/cycle_helpers.py, then November and
December rolled over from it), each closed, summed up with every figure checked."""

from __future__ import annotations

import json
from datetime import date

import pytest
from cycle_helpers import saved_october
from reliability_helpers import refused_cleanly, run

from store import cycle
from store.model import CheckIn, Item, ItemCheck, KRCheck
from store.quarter import quarter_months, span_summary
from tui.report_cycle import render_span

TODAY = date(2027, 1, 4)


def checkin(objective_id, week, day, krs, items, note=""):
    return CheckIn(
        objective_id,
        week,
        day,
        note=note,
        key_results=[KRCheck(k, v, c) for k, (v, c) in krs.items()],
        items=[ItemCheck(i, s, "", a) for i, (s, a) in items.items()],
    )


def build_quarter(store) -> tuple[str, str, str]:
    """October (tests/cycle_helpers.py), November and December, each closed.

    November (from October's defaults, KR4's target given as 12): KR1 "Win 50 new
    customers in November" 0->50 weight 2, KR2 "Sign XX partners" 5->12, KR3 followers
    on Y 12,000->20,000; a new E-item "Webinar series" under KR3 in W46.

        W45 (Nov 2)   KR1 8 (6)   KR2 6 (5)   KR3 13,000 (5)
        W46           KR1 20 (7)                              note "Ask: a second sales rep"
        W47           KR1 35 (8)
        W48           KR1 50 (9)  KR2 9 (4)   KR3 16,000 (5)

    Items: plan one on_track, done W47; plan two at_risk, on_track from W46 ("Sign the
    partner contract" W48); partner outreach dropped W46; platform Y posts on_track;
    webinar on_track from W46.

    December (from November: KR1 reached and dropped, plan two moved to partners):
    KR1 "Sign XX partners" 9->12, KR2 followers 16,000->20,000.

        W49 (Nov 30)  KR1 10 (6)  KR2 17,000 (4)
        W51           KR1 11 (7)  KR2 18,000 (3)
        W53           KR1 12 (8)  KR2 19,000 (3)   note "Win: partners signed"

    Items: plan two on_track, done W53; platform Y posts on_track; webinar at_risk W51,
    off_track W53. December's KR2 is graded 0.8 by the lead ("platform change").
    """
    saved_october(store)
    october = store.objective("o-oct")
    store.save_objective(
        cycle.close(
            october,
            store.checkins("o-oct"),
            grades={"kr-b": 0.7},
            reasons={"kr-b": "the fair's pipeline lands in November"},
            went_well="The trade fair",
            went_badly="Legal held the partner deal",
            learned="Start the list a month early",
            today=date(2026, 11, 2),
        )
    )
    october = store.objective("o-oct")
    plan = cycle.plan_next(october, store.checkins("o-oct"))
    plan.kr("kr-d").target = 12
    november = cycle.apply_plan(plan, october)
    kr = {k.previous: k for k in november.key_results}
    webinar = Item("e-web", "Webinar series", True, "2026-W46")
    kr["kr-e"].items.append(webinar)
    store.save_objective(november)
    it = {i.previous: i.id for k in november.key_results for i in k.items}
    it["web"] = "e-web"
    n = november.id
    c1, c2, c3 = kr["kr-b"].id, kr["kr-d"].id, kr["kr-e"].id
    b1, b2, d1, e1 = it["e-b1"], it["e-b2"], it["e-d1"], it["e-e1"]
    for c in [
        checkin(n, "2026-W45", "2026-11-02", {c1: (8, 6), c2: (6, 5), c3: (13000, 5)},
                {b1: ("on_track", ""), b2: ("at_risk", ""), d1: ("on_track", ""), e1: ("on_track", "")}),
        checkin(n, "2026-W46", "2026-11-09", {c1: (20, 7)},
                {b1: ("on_track", ""), b2: ("on_track", ""), d1: ("dropped", ""),
                 e1: ("on_track", ""), "e-web": ("on_track", "")}, note="Ask: a second sales rep"),
        checkin(n, "2026-W47", "2026-11-16", {c1: (35, 8)},
                {b1: ("done", ""), b2: ("on_track", ""), e1: ("on_track", ""),
                 "e-web": ("on_track", "")}),
        checkin(n, "2026-W48", "2026-11-23", {c1: (50, 9), c2: (9, 4), c3: (16000, 5)},
                {b2: ("on_track", "Sign the partner contract"), e1: ("on_track", ""),
                 "e-web": ("on_track", "")}),
    ]:  # fmt: skip
        store.save_checkin(c)
    november = store.objective(n)
    store.save_objective(cycle.close(november, store.checkins(n), today=date(2026, 12, 1)))
    november = store.objective(n)

    plan = cycle.plan_next(november, store.checkins(n))
    assert [k.keep for k in plan.key_results] == [False, True, True]  # KR1 reached
    moved = next(i for i in plan.items if i.source == b2)
    moved.carry, moved.move_to = True, c2
    december = cycle.apply_plan(plan, november)
    store.save_objective(december)
    d = december.id
    p, f = (k.id for k in december.key_results)
    it = {i.previous: i.id for k in december.key_results for i in k.items}
    b2, e1, web = it[b2], it[e1], it["e-web"]
    for c in [
        checkin(d, "2026-W49", "2026-11-30", {p: (10, 6), f: (17000, 4)},
                {b2: ("on_track", ""), e1: ("on_track", ""), web: ("on_track", "")}),
        checkin(d, "2026-W51", "2026-12-14", {p: (11, 7), f: (18000, 3)},
                {b2: ("on_track", ""), e1: ("on_track", ""), web: ("at_risk", "")}),
        checkin(d, "2026-W53", "2026-12-28", {p: (12, 8), f: (19000, 3)},
                {b2: ("done", ""), e1: ("on_track", ""), web: ("off_track", "")},
                note="Win: partners signed"),
    ]:  # fmt: skip
        store.save_checkin(c)
    store.save_objective(
        cycle.close(
            store.objective(d),
            store.checkins(d),
            grades={f: 0.8},
            reasons={f: "platform change"},
            learned="Partners take two months",
            today=TODAY,
        )
    )
    return "o-oct", n, d


def test_quarter_months():
    assert quarter_months("2026-Q4") == ("2026-10", "2026-12")
    assert quarter_months("2027q1") == ("2027-01", "2027-03")
    with pytest.raises(ValueError):
        quarter_months("2026-Q5")


def test_the_quarter_figure_by_figure(store):
    """Grades: October 0.8 (tests/test_cycle.py); November, every grade its score,
    weights 2, 1, 1: (2 x 1.0 + 4/7 + 0.5) / 4 = 0.7679; December (1.0 + 0.8) / 2 = 0.9.
    Scores: October 0.76; November 0.7679; December (1.0 + 0.75) / 2 = 0.875.
    Mean grade (0.8 + 0.7679 + 0.9) / 3 = 0.8226 -> 0.8; mean score (0.76 + 0.7679 +
    0.875) / 3 = 0.8010 -> 80%. Reached: October KR1, KR3 of 4 scored; November KR1 of 3;
    December KR1 of 2: 4 of 9.

    Calibration: November KR1 reached, 0.6 0.7 0.8 0.9 -> 0.30; KR2 not, 0.5 0.4 -> 0.41;
    KR3 not, 0.5 0.5 -> 0.50; (0.30 + 0.41 + 0.50) / 8 = 0.15125 -> 0.15, mean forecast
    4.9 / 8 = 0.6125 vs 4 / 8 = 0.5: well calibrated. December KR1 reached, 0.6 0.7 0.8
    -> 0.29; KR2 not, 0.4 0.3 0.3 -> 0.34; 0.63 / 6 = 0.105 -> 0.11, mean forecast 3.1 / 6
    = 0.517 vs 0.5: well calibrated.

    December's month (checked in to 28 December, expected 28/31 = 0.903): KR2 behind pace
    (0.75) and the webinar off track: at risk.
    """
    o, n, d = build_quarter(store)
    s = span_summary(
        store.objectives(include_archived=True), store.checkins(), "2026-10", "2026-12", TODAY
    )
    assert (s.quarter, s.to_date) == ("2026-Q4", False)
    [c] = s.chains
    assert [p.objective_id for p in c.periods] == [o, n, d]
    assert [p.month for p in c.periods] == ["2026-10", "2026-11", "2026-12"]
    assert [p.closed for p in c.periods] == ["2026-11-02", "2026-12-01", "2027-01-04"]
    assert [p.grade for p in c.periods] == [
        pytest.approx(0.8),
        pytest.approx((2 + 4 / 7 + 0.5) / 4),
        pytest.approx(0.9),
    ]
    assert [p.score for p in c.periods] == [
        pytest.approx(0.76),
        pytest.approx((2 + 4 / 7 + 0.5) / 4),
        pytest.approx(0.875),
    ]
    b = c.overall
    assert (b.periods, b.closed, b.reached, b.scored, b.verdict, b.month) == (
        3, 3, 4, 9, "at_risk", "2026-12",
    )  # fmt: skip
    assert b.grade == pytest.approx((0.8 + (2 + 4 / 7 + 0.5) / 4 + 0.9) / 3)
    assert b.score == pytest.approx((0.76 + (2 + 4 / 7 + 0.5) / 4 + 0.875) / 3)

    rows = {row.title: row.cells for row in c.key_results}
    assert list(rows) == [
        "Finalise the process",
        "Win 50 new customers in November",
        "Gain 100k followers",
        "Sign XX partners",
        "Grow followers on platform Y to 20k",
    ]

    def cells(title):
        return [None if x is None else (x.final, x.score, x.grade) for x in rows[title]]

    assert cells("Finalise the process") == [(1, 1.0, 1.0), None, None]
    assert cells("Win 50 new customers in November") == [(30, 0.6, 0.7), (50, 1.0, 1.0), None]
    assert cells("Gain 100k followers") == [(100000, 1.0, 1.0), None, None]
    assert cells("Sign XX partners") == [
        (5, None, None),
        (9, pytest.approx(4 / 7), pytest.approx(4 / 7)),
        (12, 1.0, 1.0),
    ]
    assert cells("Grow followers on platform Y to 20k") == [
        (12000, 0.6, 0.6),
        (16000, 0.5, 0.5),
        (19000, 0.75, 0.8),
    ]

    oct_cal, nov_cal, dec_cal = (p.calibration.overall for p in c.periods)
    assert (oct_cal.count, oct_cal.brier) == (11, pytest.approx(2.57 / 11))
    assert (nov_cal.count, nov_cal.brier, nov_cal.verdict) == (
        8, pytest.approx(1.21 / 8), "well_calibrated",
    )  # fmt: skip
    assert (nov_cal.mean_forecast, nov_cal.mean_outcome) == (pytest.approx(0.6125), 0.5)
    assert (dec_cal.count, dec_cal.brier, dec_cal.verdict) == (
        6, pytest.approx(0.63 / 6), "well_calibrated",
    )  # fmt: skip
    assert [p.learned for p in c.periods] == [
        "Start the list a month early",
        "",
        "Partners take two months",
    ]

    def names(moves):
        return [(m.kr_label, m.title, m.week) for m in moves]

    i_oct, i_nov, i_dec = c.items
    assert names(i_oct.carried) == names(i_oct.added) == []
    assert names(i_oct.finished) == [
        ("KR1", "Draft v1", "2026-W42"),
        ("KR3", "Growth plan one", "2026-W44"),
    ]
    assert names(i_oct.dropped) == [("KR2", "Trade fair", "2026-W42")]
    assert names(i_oct.left) == [("KR1", "Run v1 weekly", None), ("KR3", "Video series", None)]
    assert [m.title for m in i_nov.carried] == [
        "October plan one", "October plan two", "Partner outreach", "Platform Y posts",
    ]  # fmt: skip
    assert names(i_nov.added) == [("KR3", "Webinar series", "2026-W46")]
    assert names(i_nov.finished) == [("KR1", "October plan one", "2026-W47")]
    assert names(i_nov.dropped) == [("KR2", "Partner outreach", "2026-W46")]
    assert names(i_nov.left) == []
    assert [m.title for m in i_dec.carried] == [
        "October plan two", "Platform Y posts", "Webinar series",
    ]  # fmt: skip
    assert names(i_dec.finished) == [("KR1", "October plan two", "2026-W53")]
    assert names(i_dec.added) == names(i_dec.dropped) == names(i_dec.left) == []
    assert [(a.week, a.text) for a in c.asks] == [
        ("2026-W41", "Ask: budget for the fair"),
        ("2026-W43", "Problem: legal is slow"),
        ("2026-W46", "Ask: a second sales rep"),
        ("2026-W53", "Win: partners signed"),
    ]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_quarter_in_words(store, lang):
    build_quarter(store)
    s = span_summary(
        store.objectives(include_archived=True), store.checkins(), "2026-10", "2026-12", TODAY
    )
    md = render_span(s, "md", lang)
    text = render_span(s, "text", lang)
    if lang == "en":
        assert md.startswith("# OKR summary: Q4 2026\n")
        assert (
            "Periods closed: 3 of 3. Mean grade 0.8; mean score 80%; key results that reached "
            "their target: 4 of 9. December 2026: At risk." in md
        )
        assert "| Key result | October 2026 | November 2026 | December 2026 |" in md
        assert (
            "| Grow followers on platform Y to 20k | 12,000 followers · 0.6 · 0.6 | "
            "16,000 followers · 0.5 · 0.5 | 19,000 followers · 0.8 · 0.8 |" in md
        )
        assert "| Sign XX partners | 5 partners · — · — | 9 partners · 0.6 · 0.6 |" in md
        assert "#### November 2026 (closed 2026-12-01, grade 0.8)" in md
        assert (
            "All key results: Brier score 0.15 over 8 check-ins; mean confidence 0.61 "
            "against 0.50 reached: well calibrated." in md
        )
        assert "Brier score 0.11 over 6 check-ins" in md
        assert "- Left at the rollover: KR1 · Run v1 weekly; KR3 · Video series" in md
        assert "- Added: KR3 · Webinar series (2026-W46)" in md
        assert "- 2026-W46: Ask: a second sales rep" in md
        assert "OKR summary: Q4 2026\n═" in text
    else:
        assert md.startswith("# OKR 总结：2026年第4季度\n")
        assert (
            "已结束周期：3/3。平均评分 0.8；平均得分 80%；达成目标值的关键结果：4/9。2026年12月：有风险。"
            in md
        )
        assert "#### 2026年11月（2026-12-01 结束，评分 0.8）" in md
        assert "- 未带入下一周期：KR1 · Run v1 weekly；KR3 · Video series" in md
        assert (
            "全部关键结果：8 次周度更新的 Brier 分数 0.15；平均信心指数 0.61，实际达成 0.50：校准良好。"
            in md
        )
    data = json.loads(render_span(s, "json", lang))
    assert data["format"] == "okr-span-summary" and data["quarter"] == "2026-Q4"
    [c] = data["chains"]
    assert c["bottom_line"].startswith(
        "Periods closed: 3 of 3" if lang == "en" else "已结束周期：3/3"
    )
    assert [p["grade"] for p in c["periods"]] == pytest.approx([0.8, (2 + 4 / 7 + 0.5) / 4, 0.9])
    assert c["key_results"][4]["cells"][2]["grade"] == 0.8


def test_okr_summary_quarter_on_the_command_line(data_dir, monkeypatch):
    from store.repo import Store

    build_quarter(Store(data_dir))
    monkeypatch.setenv("OKR_TODAY", "2027-01-04")
    quarter = run(data_dir, "summary", "--quarter", "2026-Q4", "--format", "text")
    assert quarter.exit_code == 0, quarter.output
    assert "Periods closed: 3 of 3" in quarter.stdout
    span = run(data_dir, "summary", "--from", "2026-11", "--to", "2026-12", "--format", "md")
    assert span.exit_code == 0
    assert span.stdout.startswith("# OKR summary: November 2026 to December 2026\n")
    assert "Periods closed: 2 of 2" in span.stdout
    zh = run(data_dir, "summary", "--quarter", "2026-Q4", "--lang", "zh", "--format", "json")
    assert json.loads(zh.stdout)["lang"] == "zh"
    for args in (
        ("--quarter", "2026-Q5"),
        ("--quarter", "2026-Q4", "--month", "2026-10"),
        ("--from", "2026-10"),
        ("--from", "2026-12", "--to", "2026-10"),
    ):
        result = run(data_dir, "summary", *args)
        assert refused_cleanly(result, codes=(2,)), (args, result.output)
    empty = run(data_dir, "summary", "--quarter", "2025-Q1")
    assert empty.exit_code == 0 and "No objective covers Q1 2025." in empty.stdout
