"""The model: validation with field paths, progress and scores."""

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from store.model import (
    CheckIn,
    InvalidData,
    Item,
    KeyResult,
    Objective,
    expected_progress,
    objective_score,
    progress,
    score,
)


def kr(kind="number", start=0, target=50, weight=1, **kw):
    return KeyResult(
        id=kw.pop("id", "kr1"),
        title="KR",
        kind=kind,
        start=start,
        target=target,
        weight=weight,
        **kw,
    )


def objective(*krs):
    return Objective(
        id="o1", title="O", start="2026-10-01", end="2026-10-31", key_results=list(krs)
    )


def test_progress_number_uncapped_and_score_capped():
    k = kr(target=50)
    assert progress(k, 25) == 0.5
    assert progress(k, 60) == pytest.approx(1.2)
    assert score(k, 60) == 1.0
    assert score(k, -5) == 0.0


def test_decreasing_kr():
    k = kr(start=14, target=5, unit="days")
    assert k.decreasing
    assert progress(k, 14) == 0
    assert progress(k, 5) == 1
    assert progress(k, 9.5) == pytest.approx(0.5)
    assert score(k, 3) == 1.0


def test_milestone_is_zero_or_one():
    k = kr(kind="milestone", start=0, target=1)
    assert progress(k, 0) == 0.0
    assert progress(k, 1) == 1.0


def test_unknown_target_is_no_progress_not_an_error():
    k = kr(target=None)
    assert progress(k, 12) is None
    assert score(k, 12) is None
    assert progress(kr(), None) is None


def test_objective_score_weighted():
    a, b = kr(id="a", target=10, weight=3), kr(id="b", target=10, weight=1)
    o = objective(a, b)
    assert objective_score(o, {"a": 10, "b": 0}) == pytest.approx(0.75)
    assert objective_score(o, {"a": 20, "b": None}) == pytest.approx(0.75)  # capped at 1
    assert objective_score(objective(), {}) is None


def test_expected_progress_linear():
    o = objective()
    assert expected_progress(o, "2026-10-31") == 1.0
    assert expected_progress(o, "2026-09-01") == 0.0
    assert expected_progress(o, "2026-10-16") == pytest.approx(16 / 31)


finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(finite, finite, finite)
def test_progress_matches_formula_both_directions(start, target, value):
    assume(abs(target - start) > 1e-6)
    k = kr(start=start, target=target)
    p = progress(k, value)
    assert math.isfinite(p)
    assert p == pytest.approx((value - start) / (target - start))
    assert 0.0 <= score(k, value) <= 1.0
    # Reaching the target is exactly 100%, whichever the direction.
    assert progress(k, target) == pytest.approx(1.0)


@given(st.lists(st.tuples(finite, st.floats(0.01, 100)), min_size=1, max_size=6))
def test_objective_score_is_between_zero_and_one(pairs):
    krs = [kr(id=f"k{i}", target=100, weight=w) for i, (_, w) in enumerate(pairs)]
    values = {f"k{i}": v for i, (v, _) in enumerate(pairs)}
    s = objective_score(objective(*krs), values)
    assert 0.0 <= s <= 1.0 + 1e-12


# -- validation ------------------------------------------------------------------------------


def good_objective_dict():
    return objective(kr(items=[Item("e1", "plan")])).to_dict()


def test_round_trip():
    d = good_objective_dict()
    assert Objective.from_dict(d).to_dict() == d


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.update(title=""), "objective.title"),
        (lambda d: d.update(start="2026-13-01"), "objective.start"),
        (lambda d: d.update(end="2026-09-01"), "objective.end"),
        (lambda d: d["key_results"][0].update(kind="money"), "objective.key_results[0].kind"),
        (lambda d: d["key_results"][0].update(weight=-1), "objective.key_results[0].weight"),
        (
            lambda d: d["key_results"][0].update(target=float("nan")),
            "objective.key_results[0].target",
        ),
        (lambda d: d["key_results"][0].update(target=1e309), "objective.key_results[0].target"),
        (lambda d: d["key_results"][0].update(target=True), "objective.key_results[0].target"),
        (lambda d: d["key_results"][0].update(target=0), "objective.key_results[0].target"),
        (
            lambda d: d["key_results"][0]["items"][0].update(added="2026-W60"),
            "objective.key_results[0].items[0].added",
        ),
        (
            lambda d: d["key_results"][0]["items"][0].pop("title"),
            "objective.key_results[0].items[0].title",
        ),
        (lambda d: d.update(colour="red"), "objective.colour"),
    ],
)
def test_invalid_objective_names_the_field(change, path):
    d = good_objective_dict()
    change(d)
    with pytest.raises(InvalidData) as e:
        Objective.from_dict(d)
    assert e.value.path == path


def test_checkin_confidence_message():
    d = {
        "objective": "o1",
        "week": "2026-W41",
        "date": "2026-10-05",
        "key_results": [{"kr": "kr1", "value": 3, "confidence": 11, "note": ""}],
    }
    with pytest.raises(InvalidData) as e:
        CheckIn.from_dict(d, "checkins[3]")
    assert str(e.value) == "checkins[3].key_results[0].confidence: expected an integer 0-10"


def test_checkin_against_objective():
    o = objective(kr(id="m", kind="milestone", start=0, target=1))
    c = CheckIn.from_dict(
        {
            "objective": "o1",
            "week": "2026-W41",
            "date": "2026-10-05",
            "key_results": [{"kr": "m", "value": 2}],
        }
    )
    with pytest.raises(InvalidData, match="a milestone is 0 or 1"):
        c.check_against(o)
    c2 = CheckIn.from_dict(
        {
            "objective": "o1",
            "week": "2026-W41",
            "date": "2026-10-05",
            "items": [{"item": "nope", "status": "done"}],
        }
    )
    with pytest.raises(InvalidData, match="unknown item"):
        c2.check_against(o)


def test_from_valid_builds_what_from_dict_builds(demo_store):
    """The fast constructor for validated data must stay in step with the validating one."""
    doc = demo_store.export()
    for d in doc["objectives"]:
        assert Objective.from_valid(d) == Objective.from_dict(d)
    for d in doc["checkins"]:
        assert CheckIn.from_valid(d) == CheckIn.from_dict(d)
