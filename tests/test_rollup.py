"""Golden tests of store.rollup on a constructed quarter with known answers.

The objective runs 2026-09-01 .. 2026-11-30 (91 days). October 2026 holds the
weeks W40 (Mon 09-28, Thu 10-01) .. W44 (Mon 10-26, Thu 10-29); W45 is November;
W49 (Mon 11-30, Thu 12-03) is December, not November. W42 has no check-in.
"""

from __future__ import annotations

from datetime import date

import pytest

from store import weeks
from store.model import CheckIn, Item, ItemCheck, KeyResult, KRCheck, Meeting, Objective
from store.rollup import month_rollup, prep_rollup, prep_since

# -- the constructed data ----------------------------------------------------------------------

E1, E2, E3, E4, E5, E6 = "e1", "e2", "e3", "e4", "e5", "e6"

# Every note written in October, and notes of other months that must never show.
OCTOBER_NOTES = [
    "起草了第一版流程",
    "流程定稿 ✔",
    "客户拜访 12 次",
    "方案一上线，签了 3 家",
    "又签了 5 家",
    "进度放缓 | 渠道不足",
    "只签了 3 家",
    "开始执行方案二",
    "回复时间缩短到 20 小时",
    "数据分析开始",
    "加大投放",
    "改为每周两次拜访",
    "放弃：成本太高",
    "赢了一个大客户",
    "Need budget approval 需要预算",
    "问题：人手不足",
]
OTHER_NOTES = [
    "SEPTEMBER-NOTE",
    "SEPTEMBER-WEEK",
    "NOVEMBER-NOTE",
    "NOVEMBER-ADJUST",
    "NOVEMBER-WEEK",
    "DECEMBER-W49",
]


def october():
    """(objective, check-ins, meetings) of the constructed quarter."""
    objective = Objective(
        id="o1",
        title="Build a successful customer-expansion team 打造客户拓展团队",
        start="2026-09-01",
        end="2026-11-30",
        owner="Li Lei 李雷",
        key_results=[
            KeyResult("kr1", "Finalise the working process", "milestone", 0, 1, "", 1,
                      [Item(E1, "Draft the first version 起草第一版")]),
            KeyResult("kr2", "Win new customers 新客户", "number", 0, 50, "家", 2,
                      [Item(E2, "October plan one 十月方案一"),
                       Item(E3, "October plan two 十月方案二", added="2026-W43")]),
            KeyResult("kr3", "Cut complaints 减少投诉", "number", 100, 40, "件", 1,
                      [Item(E4, "Reply within a day", active=False)]),
            KeyResult("kr4", "Followers on platform X 粉丝", "number", 0, None, "粉丝", 1,
                      [Item(E5, "Platform data analysis 平台数据分析"),
                       Item(E6, "Old idea dropped in September", active=False)]),
        ],
    )  # fmt: skip

    def ci(week, day, note="", krs=(), items=()):
        return CheckIn(
            "o1", week, day, note,
            [KRCheck(*k) for k in krs],
            [ItemCheck(*i) for i in items],
        )  # fmt: skip

    checkins = [
        ci("2026-W39", "2026-09-21", "SEPTEMBER-WEEK",
           [("kr1", 0, 6), ("kr2", 5, 6), ("kr3", 90, 5), ("kr4", 3, 5)],
           [(E1, "on_track", "SEPTEMBER-NOTE"), (E2, "not_started"), (E6, "dropped")]),
        ci("2026-W40", "2026-09-28", "赢了一个大客户",
           [("kr1", 0, 7), ("kr2", 10, 7), ("kr3", 85, 6)],
           [(E1, "on_track", "起草了第一版流程"), (E2, "on_track", "方案一上线，签了 3 家"),
            (E4, "on_track", "回复时间缩短到 20 小时"), (E5, "not_started")]),
        ci("2026-W41", "2026-10-05", "",
           [("kr1", 0, 7), ("kr2", 18, 6), ("kr3", None, None), ("kr4", 7, 4)],
           [(E1, "on_track"), (E2, "on_track", "又签了 5 家", "加大投放"),
            (E4, "dropped", "", "放弃：成本太高"), (E5, "on_track", "数据分析开始")]),
        ci("2026-W43", "2026-10-19", "Need budget approval 需要预算",
           [("kr1", 1, 9), ("kr2", 22, 5, "客户拜访 12 次"), ("kr3", 70, 6)],
           [(E1, "done", "流程定稿 ✔"), (E2, "at_risk", "进度放缓 | 渠道不足"),
            (E3, "not_started"), (E5, "on_track")]),
        ci("2026-W44", "2026-10-26", "问题：人手不足",
           [("kr1", 1, None), ("kr2", 25, 3), ("kr3", 64, 7)],
           [(E2, "at_risk", "只签了 3 家", "改为每周两次拜访"),
            (E3, "on_track", "开始执行方案二"), (E5, "off_track")]),
        ci("2026-W45", "2026-11-02", "NOVEMBER-WEEK",
           [("kr2", 40, 8)],
           [(E2, "on_track", "NOVEMBER-NOTE", "NOVEMBER-ADJUST"), (E5, "on_track")]),
        ci("2026-W49", "2026-11-30", "DECEMBER-W49", [("kr2", 50, 9)], []),
    ]  # fmt: skip
    meetings = [
        Meeting("2026-09-30", "SEPTEMBER-MEETING"),
        Meeting("2026-10-16", "谈了预算"),
        Meeting("2026-11-03", "NOVEMBER-MEETING"),
    ]
    return objective, checkins, meetings


AFTER_OCTOBER = date(2026, 11, 10)


@pytest.fixture
def rollup():
    objective, checkins, meetings = october()
    return month_rollup(objective, checkins, meetings, "2026-10", AFTER_OCTOBER)


# -- weeks and months ----------------------------------------------------------------------------


def test_weeks_crossing_month_edges():
    assert weeks.month_weeks("2026-10") == [f"2026-W{n}" for n in (40, 41, 42, 43, 44)]
    assert weeks.week_month("2026-W40") == "2026-10"  # Monday 09-28, Thursday 10-01
    assert weeks.week_month("2026-W44") == "2026-10"  # Monday 10-26, Thursday 10-29
    assert weeks.week_month("2026-W49") == "2026-12"  # Monday 11-30, Thursday 12-03
    assert weeks.month_weeks("2026-11") == [f"2026-W{n}" for n in (45, 46, 47, 48)]


def test_bottom_line(rollup):
    assert rollup.month == "2026-10"
    assert rollup.to_date is False
    assert rollup.as_of == "2026-10-26"  # the last check-in of the month
    assert rollup.expected == pytest.approx(56 / 91)
    # (1 x 1 + 2 x 0.5 + 1 x 0.6) / 4: KR4's target is unknown, so it is left out
    assert rollup.score == pytest.approx(0.65)
    assert rollup.verdict == "at_risk"  # 0.65 >= 0.7 x 0.615, but risks
    assert [(r.code, r.subject, r.status) for r in rollup.reasons] == [
        ("score", "", None),
        ("target_unknown", "KR4", None),
        ("item_risk", "October plan one 十月方案一", "at_risk"),
        ("item_risk", "Platform data analysis 平台数据分析", "off_track"),
        ("low_confidence", "KR2", None),
        ("behind_pace", "KR2", None),
    ]


def test_key_results(rollup):
    k1, k2, k3, k4 = rollup.key_results
    # a milestone done mid-month (W43)
    assert (k1.month_start, k1.month_end, k1.change) == (0, 1, 1)
    assert (k1.progress, k1.score, k1.pace) == (1.0, 1.0, "ahead")
    assert (k1.confidence_first, k1.confidence_last) == (7, 9)
    # start of month = the last value before October (W39), end = W44; W45's 40 is November
    assert (k2.month_start, k2.month_end, k2.change) == (5, 25, 20)
    assert (k2.progress, k2.score, k2.pace) == (0.5, 0.5, "behind")  # 0.5 < 0.615 - 0.1
    assert (k2.confidence_first, k2.confidence_last) == (7, 3)
    # a decreasing KR: 100 -> 40, 90 -> 64 in October
    assert (k3.month_start, k3.month_end, k3.change) == (90, 64, -26)
    assert k3.progress == pytest.approx(0.6)
    assert k3.score == pytest.approx(0.6)
    assert k3.pace == "on_track"  # within 10 points of 0.615
    assert (k3.confidence_first, k3.confidence_last) == (6, 7)
    # an unknown target: values move, no progress, no pace, no division by zero
    assert (k4.month_start, k4.month_end, k4.change) == (3, 7, 4)
    assert (k4.progress, k4.score, k4.pace) == (None, None, None)
    assert (k4.confidence_first, k4.confidence_last) == (4, 4)
    assert [k.label for k in rollup.key_results] == ["KR1", "KR2", "KR3", "KR4"]


def test_status_paths(rollup):
    paths = {i.id: [p.status for p in i.path] for i in rollup.items}
    assert list(paths) == [E1, E2, E3, E4, E5]  # E6 was dropped in September
    assert paths[E1] == ["on_track", "on_track", None, "done", None]
    assert paths[E2] == ["on_track", "on_track", None, "at_risk", "at_risk"]
    assert paths[E3] == [None, None, None, "not_started", "on_track"]
    assert paths[E4] == ["on_track", "dropped", None, None, None]
    assert paths[E5] == ["not_started", "on_track", None, "on_track", "off_track"]
    assert [p.week for p in rollup.items[0].path] == weeks.month_weeks("2026-10")


def test_notes_adjustments_and_item_changes(rollup):
    notes = [(e.week, e.kr_label, e.item_id, e.text) for e in rollup.done_notes]
    assert notes == [
        ("2026-W40", "KR1", E1, "起草了第一版流程"),
        ("2026-W43", "KR1", E1, "流程定稿 ✔"),
        ("2026-W43", "KR2", None, "客户拜访 12 次"),
        ("2026-W40", "KR2", E2, "方案一上线，签了 3 家"),
        ("2026-W41", "KR2", E2, "又签了 5 家"),
        ("2026-W43", "KR2", E2, "进度放缓 | 渠道不足"),
        ("2026-W44", "KR2", E2, "只签了 3 家"),
        ("2026-W44", "KR2", E3, "开始执行方案二"),
        ("2026-W40", "KR3", E4, "回复时间缩短到 20 小时"),
        ("2026-W41", "KR4", E5, "数据分析开始"),
    ]
    assert [(e.week, e.item_id, e.text) for e in rollup.adjustments] == [
        ("2026-W41", E2, "加大投放"),
        ("2026-W44", E2, "改为每周两次拜访"),
        ("2026-W41", E4, "放弃：成本太高"),
    ]
    assert [(x.id, x.week) for x in rollup.added] == [(E3, "2026-W43")]
    assert [(x.id, x.week) for x in rollup.dropped] == [(E4, "2026-W41")]
    assert [(x.id, x.week) for x in rollup.finished] == [(E1, "2026-W43")]


def test_risks_week_notes_discipline_next_month(rollup):
    assert [(r.kind, r.kr_label, r.item_title, r.status, r.confidence) for r in rollup.risks] == [
        ("item_status", "KR2", "October plan one 十月方案一", "at_risk", None),
        ("item_status", "KR4", "Platform data analysis 平台数据分析", "off_track", None),
        ("low_confidence", "KR2", None, None, 3),
        ("behind_pace", "KR2", None, None, None),
    ]
    assert [(n.week, n.text) for n in rollup.week_notes] == [
        ("2026-W40", "赢了一个大客户"),
        ("2026-W43", "Need budget approval 需要预算"),
        ("2026-W44", "问题：人手不足"),
    ]
    d = rollup.discipline
    assert d.weeks == d.due == weeks.month_weeks("2026-10")
    assert d.checked == ["2026-W40", "2026-W41", "2026-W43", "2026-W44"]
    assert d.missing == ["2026-W42"]
    assert [(e.item_id, e.week, e.text) for e in rollup.open_adjustments] == [
        (E2, "2026-W44", "改为每周两次拜访")
    ]
    assert [(x.id, x.status) for x in rollup.running] == [
        (E2, "at_risk"),
        (E3, "on_track"),
        (E5, "off_track"),
    ]
    assert [m.date for m in rollup.meetings] == ["2026-10-16"]


def test_month_to_date():
    objective, checkins, meetings = october()
    early = [c for c in checkins if c.week <= "2026-W43"]
    r = month_rollup(objective, early, meetings, "2026-10", date(2026, 10, 20))
    assert r.to_date is True
    assert r.as_of == "2026-10-19"
    assert r.discipline.due == ["2026-W40", "2026-W41", "2026-W42", "2026-W43"]
    assert r.discipline.missing == ["2026-W42"]  # W44 is not due yet
    assert r.key_results[1].month_end == 22


def test_week_whose_thursday_is_next_month_is_not_in_it():
    objective, checkins, meetings = october()
    r = month_rollup(objective, checkins, meetings, "2026-11", date(2026, 12, 10))
    assert r.key_results[1].month_start == 25  # the last October value
    assert r.key_results[1].month_end == 40  # W45, not W49's 50
    assert [n.text for n in r.week_notes] == ["NOVEMBER-WEEK"]
    assert r.discipline.weeks == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert r.discipline.missing == ["2026-W46", "2026-W47", "2026-W48"]
    assert [m.date for m in r.meetings] == ["2026-11-03"]


def test_off_track_and_on_track_rules():
    objective = Objective(
        "o", "O", "2026-10-01", "2026-10-31", key_results=[KeyResult("k", "K", "number", 0, 100)]
    )
    low = [CheckIn("o", "2026-W44", "2026-10-26", key_results=[KRCheck("k", 10, 8)])]
    r = month_rollup(objective, low, [], "2026-10", date(2026, 11, 5))
    assert r.expected == pytest.approx(26 / 31)
    assert r.verdict == "off_track"  # 0.1 < 0.7 x 0.84
    good = [CheckIn("o", "2026-W44", "2026-10-26", key_results=[KRCheck("k", 80, 8)])]
    r = month_rollup(objective, good, [], "2026-10", date(2026, 11, 5))
    assert r.verdict == "on_track"
    assert [x.code for x in r.reasons] == ["score"]
    assert r.key_results[0].pace == "on_track"  # 0.80 vs 0.84


def test_month_without_checkins_or_key_results():
    objective = Objective("o", "O", "2026-10-01", "2026-10-31")
    r = month_rollup(objective, [], [], "2026-10", date(2026, 10, 14))
    assert r.score is None
    assert r.verdict == "at_risk"
    assert [x.code for x in r.reasons] == ["no_key_results", "no_checkin"]
    assert r.as_of == "2026-10-14"
    assert r.discipline.missing == ["2026-W40", "2026-W41", "2026-W42"]


def test_prep_since_last_meeting():
    objective, checkins, meetings = october()
    today = date(2026, 10, 27)
    assert prep_since(meetings, today) == (date(2026, 10, 17), "meeting")
    p = prep_rollup([objective], checkins, meetings, None, today)
    assert (p.since, p.since_source, p.last_meeting.date) == ("2026-10-17", "meeting", "2026-10-16")
    o = p.objectives[0]
    k2 = o.key_results[1]
    assert (k2.before, k2.now, k2.change) == (18, 25, 7)
    assert (k2.confidence_before, k2.confidence_now) == (6, 3)
    assert [(c.item_id, c.before, c.now) for c in o.status_changes] == [
        (E1, "on_track", "done"),
        (E2, "on_track", "at_risk"),
        (E3, None, "on_track"),
        (E5, "on_track", "off_track"),
    ]
    assert [(r.kind, r.kr_label, r.new) for r in o.risks] == [
        ("item_status", "KR2", True),
        ("item_status", "KR4", True),
        ("low_confidence", "KR2", True),
        ("behind_pace", "KR2", False),
    ]
    assert [e.text for e in o.adjustments] == ["改为每周两次拜访"]
    assert [n.week for n in o.asks] == ["2026-W43", "2026-W44"]
    assert o.missing == []
    assert [tp.code for tp in o.talking_points] == [
        "risk", "risk", "low_confidence", "behind_pace", "target_unknown", "finished",
    ]  # fmt: skip


def test_prep_default_four_weeks_and_missing():
    objective, checkins, _ = october()
    today = date(2026, 10, 21)
    p = prep_rollup([objective], [c for c in checkins if c.week <= "2026-W43"], [], None, today)
    assert (p.since, p.since_source, p.last_meeting) == ("2026-09-23", "default", None)
    assert p.objectives[0].missing == ["2026-W42"]


def test_items_of_the_first_week_are_the_plan_not_additions():
    objective, checkins, meetings = october()
    objective.start = "2026-10-01"  # first week 2026-W40
    objective.key_results[0].items[0].added = "2026-W40"  # as an import writes it
    rollup = month_rollup(objective, checkins, meetings, "2026-10", AFTER_OCTOBER)
    assert [x.id for x in rollup.added] == [E3]
