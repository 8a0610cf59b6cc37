"""store.quickcheck against the model: it may say "not sure" of valid data, it must never
pass data the model refuses. Thousands of documents, each a valid store with one or a few
changes, are checked both ways."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store import integrity, model, quickcheck
from store.model import (
    CheckIn,
    Grade,
    InvalidData,
    Item,
    ItemCheck,
    KeyResult,
    KRCheck,
    Meeting,
    Objective,
    Review,
)
from store.repo import Store


def _valid_data(tmp_path_factory) -> dict:
    """A store's tables holding every kind of field: links, a review, every KR kind, a
    relative KR, an unknown start and target, drafts, meetings."""
    folder = tmp_path_factory.mktemp("qc")
    store = Store(folder)
    first = Objective(
        "o1",
        "Build the team 打造团队",
        "2026-10-01",
        "2026-10-31",
        owner="Lin",
        key_results=[
            KeyResult(
                "k1", "Process", "milestone", 0, 1, items=[Item("e1", "Draft", added="2026-W40")]
            ),
            KeyResult(
                "k2", "Win customers", "number", 0, 50, "家", weight=2, items=[Item("e2", "Plan")]
            ),
            KeyResult("k3", "Churn below 2%", "stay_below", None, 2, "%"),
            KeyResult("k4", "Cut complaints by 25%", "number", None, None, relative=-0.25),
        ],
        review=Review("2026-11-01", [Grade("k1", 0.6, "late"), Grade("k2", 1.0)], "a", "b", "c"),
    )
    second = Objective(
        "o2",
        "Build the team, November",
        "2026-11-01",
        "2026-11-30",
        archived=False,
        previous="o1",
        key_results=[
            KeyResult(
                "k5",
                "Win more",
                "percent",
                10.5,
                80,
                "%",
                previous="k2",
                items=[Item("e5", "Carry", active=False, previous="e2")],
            )
        ],
    )
    store.save_objectives([first, second])
    store.save_checkin(
        CheckIn(
            "o1",
            "2026-W41",
            "2026-10-05",
            "week note",
            [KRCheck("k1", 0, 7, "n"), KRCheck("k2", 12.5, None), KRCheck("k3", 1.5, 10)],
            [ItemCheck("e1", "on_track", "did", "adjust"), ItemCheck("e2", "done")],
        )
    )
    store.save_checkin(CheckIn("o2", "2026-W45", "2026-11-02", key_results=[KRCheck("k5", None)]))
    store.save_draft("o2", "2026-W46", {"anything": [1, {"x": None}]})
    store.add_meeting(Meeting("2026-10-16", "notes"))
    data = json.loads(store.path.read_bytes())
    store.close()
    return data


@pytest.fixture(scope="module")
def valid(tmp_path_factory) -> dict:
    return _valid_data(tmp_path_factory)


def _model_accepts(data: dict) -> bool:
    try:
        integrity.check_with_model(data)
    except (InvalidData, TypeError, KeyError, AttributeError):
        return False
    return True


def test_the_valid_store_passes_quickly(valid):
    data = copy.deepcopy(valid)
    assert _model_accepts(data)
    assert quickcheck.check(data)
    assert data == valid  # sharing texts changes no value


def test_the_constants_are_the_models():
    assert quickcheck.KINDS == model.KINDS
    assert quickcheck.THRESHOLDS == model.THRESHOLDS
    assert quickcheck.STATUSES == model.STATUSES
    assert quickcheck.MAX_TEXT == model.MAX_TEXT
    assert quickcheck.OBJECTIVE_KEYS == model._OBJECTIVE_KEYS
    assert quickcheck.KR_KEYS == model._KR_KEYS
    assert set(quickcheck.ITEM_KEYS) == set(Item("i", "t").to_dict())
    assert set(quickcheck.REVIEW_KEYS) == set(Review("2026-01-01").to_dict())
    assert set(quickcheck.GRADE_KEYS) == set(Grade("k", 0.5).to_dict())
    assert set(quickcheck.CHECKIN_KEYS) == set(CheckIn("o", "2026-W01", "2026-01-01").to_dict())
    assert set(quickcheck.KR_CHECK_KEYS) == set(KRCheck("k").to_dict())
    assert set(quickcheck.ITEM_CHECK_KEYS) == set(ItemCheck("i").to_dict())
    assert set(quickcheck.MEETING_KEYS) == set(Meeting("2026-01-01").to_dict())


VALUES = [
    None,
    True,
    False,
    0,
    1,
    -1,
    2,
    10,
    11,
    0.5,
    -0.25,
    -2,
    1e15,
    1e16,
    -1e16,
    float("inf"),
    "",
    " ",
    "x",
    "x" * 41,
    "x" * 65,
    "\x07",
    "2026-10-01",
    "2026-02-30",
    "2026-W41",
    "2026-W54",
    "2020-W53",
    "2026-W41\n",
    "o1",
    "o2",
    "k1",
    "k2",
    "e1",
    "e2",
    "on_track",
    "milestone",
    "number",
    "stay_below",
    "percent",
    [],
    {},
    [1],
    {"x": 1},
]


def _paths(node, prefix=()):
    """Every (path, container) in the documents below the tables."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield prefix + (key,)
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield prefix + (i,)
            yield from _paths(value, prefix + (i,))


def _at(data, path):
    for part in path:
        data = data[part]
    return data


@st.composite
def mutated(draw, valid):
    data = copy.deepcopy(valid)
    tables = {k: v for k, v in data.items() if k != "meta"}
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(tables) if len(p) > 2]  # inside a document
        path = draw(st.sampled_from(paths))
        parent, key = _at(tables, path[:-1]), path[-1]
        action = draw(st.sampled_from(["set", "set", "set", "delete", "extra", "copy"]))
        if action == "set":
            parent[key] = copy.deepcopy(draw(st.sampled_from(VALUES)))
        elif action == "delete":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif action == "extra" and isinstance(parent, dict):
            parent[draw(st.sampled_from(["extra", "id", "previous", "note", "week"]))] = (
                copy.deepcopy(draw(st.sampled_from(VALUES)))
            )
        else:  # the value of another field of the same name elsewhere, or any other node
            other = draw(st.sampled_from(paths))
            parent[key] = copy.deepcopy(_at(tables, other))
    return data


@settings(max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_quickcheck_never_passes_what_the_model_refuses(valid, data):
    document = data.draw(mutated(valid))
    quick = quickcheck.check(copy.deepcopy(document))
    if quick:
        assert _model_accepts(document), json.dumps(document, ensure_ascii=False)[:2000]


def test_every_single_change_of_a_field_either_way(valid):
    """Every field set to every value of the palette: quick => model, and model => quick
    (quickcheck is not stricter than the model on what a JSON file can hold)."""
    tables = {k: v for k, v in valid.items() if k != "meta"}
    paths = [p for p in _paths(tables) if len(p) > 2]
    disagree = []
    for path in paths:
        for value in VALUES + ["__delete__"]:
            data = copy.deepcopy(valid)
            parent = _at(data, path[:-1])
            if value == "__delete__":
                if isinstance(parent, dict):
                    del parent[path[-1]]
                else:
                    parent.pop(path[-1])
            else:
                parent[path[-1]] = copy.deepcopy(value)
            quick = quickcheck.check(copy.deepcopy(data))
            full = _model_accepts(data)
            assert not quick or full, (path, value)
            if full and not quick:
                disagree.append((path, value))
    assert disagree == [], disagree[:10]
