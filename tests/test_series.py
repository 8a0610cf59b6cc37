"""store.series: a KR's weekly values, path, target and confidence, across linked periods."""

from __future__ import annotations

import pytest

from store.model import CheckIn, KeyResult, KRCheck, Objective
from store.series import kr_series, store_series


def customers(kr_id="kr2", start=0, target=50, previous=None, kind="number"):
    return KeyResult(kr_id, "Win customers", kind, start, target, "customers", previous=previous)


def test_demo_kr_series_has_every_week_of_the_period(demo_store):
    [o] = demo_store.objectives()
    kr = o.key_results[1]
    series = store_series(demo_store, o.id, kr.id)
    assert series.label == "KR2"
    assert series.weeks == ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"]
    assert series.values == [6, 14, 21, None, None]
    assert series.confidence == [6, 6, 5, None, None]
    assert series.target == [50] * 5
    # The linear path on each week's Monday (clipped into the period): 1 Oct is day 1 of
    # 31, 5 Oct day 5 ... expected_progress, the rule of the summary's pace.
    assert series.path == [pytest.approx(50 * d / 31, abs=1e-3) for d in (1, 5, 12, 19, 26)]
    [segment] = series.segments
    assert (segment.first, segment.last, segment.start_value, segment.target) == (0, 4, 0, 50)
    assert segment.end_x == pytest.approx(34 / 7, abs=1e-3)  # 28 Sep + 34 days = 1 Nov
    assert series.latest() == ("2026-W42", 21)


def test_series_runs_across_the_chain_of_linked_periods(store):
    october = Objective("o1", "Grow", "2026-10-01", "2026-10-31", key_results=[customers("kr1")])
    november = Objective(
        "o2",
        "Grow more",
        "2026-11-01",
        "2026-11-30",
        previous="o1",
        key_results=[customers("kr2", start=21, target=80, previous="kr1")],
    )
    unrelated = Objective("o3", "Other", "2026-11-01", "2026-11-30", key_results=[customers("k9")])
    store.save_objectives([october, november, unrelated])
    store.save_checkin(CheckIn("o1", "2026-W41", "2026-10-05", key_results=[KRCheck("kr1", 6, 7)]))
    store.save_checkin(CheckIn("o1", "2026-W43", "2026-10-19", key_results=[KRCheck("kr1", 21)]))
    store.save_checkin(CheckIn("o2", "2026-W45", "2026-11-02", key_results=[KRCheck("kr2", 30, 4)]))
    store.save_checkin(CheckIn("o3", "2026-W45", "2026-11-02", key_results=[KRCheck("k9", 99)]))

    series = store_series(store, "o2", "kr2")
    assert series.weeks[0] == "2026-W40" and series.weeks[-1] == "2026-W48"
    at = series.weeks.index
    assert series.values[at("2026-W41")] == 6
    assert series.values[at("2026-W43")] == 21
    assert series.values[at("2026-W45")] == 30
    assert 99 not in series.values  # another objective's KR
    assert series.confidence[at("2026-W45")] == 4
    assert series.target[at("2026-W44")] == 50 and series.target[at("2026-W45")] == 80
    assert [(s.objective_id, s.kr_id) for s in series.segments] == [("o1", "kr1"), ("o2", "kr2")]
    assert series.path[at("2026-W45")] == pytest.approx(21 + 59 * 2 / 30, abs=1e-3)

    # A month's summary carries nothing after its last week.
    cut = store_series(store, "o2", "kr2", until="2026-W44")
    assert cut.weeks[-1] == "2026-W44" and 30 not in cut.values
    assert [s.objective_id for s in cut.segments] == ["o1"]


def test_no_path_for_milestones_thresholds_and_unknown_starts():
    o = Objective(
        "o1",
        "Grow",
        "2026-10-01",
        "2026-10-31",
        key_results=[
            KeyResult("m", "Ship", "milestone", 0, 1),
            KeyResult("b", "Churn", "stay_below", None, 2, "%"),
            KeyResult("u", "Reach 90%", "percent", None, 90, "%"),
            KeyResult("x", "XX customers", "number", 0, None, "家"),
        ],
    )
    series = {kr.id: kr_series([o], [], "o1", kr.id) for kr in o.key_results}
    assert all(p is None for s in series.values() for p in s.path)
    assert series["m"].target[0] == 1  # done
    assert series["b"].target[0] == 2  # the level to hold
    assert series["u"].target[0] == 90
    assert series["x"].target[0] is None
    assert kr_series([o], [], "o1", "nope") is None
    assert kr_series([o], [], "nope", "m") is None


def test_to_dict_is_plain_json(demo_store):
    import json

    [o] = demo_store.objectives()
    data = store_series(demo_store, o.id, o.key_results[2].id).to_dict()
    assert set(data) == {"weeks", "values", "confidence", "path", "target", "segments"}
    assert json.loads(json.dumps(data)) == data
    assert data["values"][:3] == [8000, 19500, 31000]
