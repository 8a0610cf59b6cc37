"""Export format version 2 (links between periods, reviews, threshold KRs, an unknown
start, a relative change), restore of versions 1 and 2, and the links kept whole."""

from __future__ import annotations

import copy
import json

import pytest
from reliability_helpers import good_document, run

from store.chain import item_chain, kr_chain, objective_chain
from store.model import InvalidData, KeyResult, Objective, objective_score, progress, unscored
from store.repo import Store, parse_document


def chained_document() -> dict:
    """October (closed, graded) and November continuing it, version 2."""
    doc = copy.deepcopy(good_document())
    doc["version"] = 2
    october = doc["objectives"][0]
    october["previous"] = None
    october["review"] = {
        "closed": "2026-11-01",
        "grades": [{"kr": "kr1", "grade": 0.6, "note": "late start"}],
        "went_well": "the fair",
        "went_badly": "legal",
        "learned": "start early",
    }
    november = {
        "id": "o2",
        "title": "Build a customer-expansion team (November)",
        "owner": "Lin",
        "start": "2026-11-01",
        "end": "2026-11-30",
        "archived": False,
        "previous": "o1",
        "review": None,
        "key_results": [
            {
                "id": "kr9",
                "title": "Win new customers",
                "kind": "number",
                "start": 0,
                "target": 50,
                "unit": "customers",
                "weight": 2,
                "relative": None,
                "previous": "kr1",
                "items": [
                    {
                        "id": "e9",
                        "title": "Plan one",
                        "active": True,
                        "added": "2026-W45",
                        "previous": "e1",
                    }
                ],
            },
            {
                "id": "kr10",
                "title": "Keep churn below 2%",
                "kind": "stay_below",
                "start": None,
                "target": 2,
                "unit": "%",
                "weight": 1,
                "relative": None,
                "previous": None,
                "items": [],
            },
            {
                "id": "kr11",
                "title": "Reduce complaints by 25%",
                "kind": "number",
                "start": None,
                "target": None,
                "unit": "complaints",
                "weight": 1,
                "relative": -0.25,
                "previous": None,
                "items": [],
            },
        ],
    }
    doc["objectives"].append(november)
    return doc


def test_version_2_round_trips(store):
    doc = chained_document()
    store.restore(doc)
    out = store.export()
    assert out["version"] == 2
    again = Store(store.data_dir)
    assert again.export() == out
    o1, o2 = (again.objective(i) for i in ("o1", "o2"))
    assert o1.closed and not o2.closed
    assert o1.review.grade("kr1").grade == 0.6 and o1.review.learned == "start early"
    assert o2.previous == "o1" and o2.kr("kr9").previous == "kr1"
    assert o2.kr("kr10").kind == "stay_below" and o2.kr("kr10").start is None
    assert o2.kr("kr11").relative == -0.25
    # every field of the document comes back
    exported = {o["id"]: o for o in out["objectives"]}
    assert exported["o2"]["key_results"][0]["items"][0]["previous"] == "e1"
    assert exported["o1"]["review"]["grades"] == [{"kr": "kr1", "grade": 0.6, "note": "late start"}]


def test_version_1_restores_as_version_2_without_links(store):
    store.restore(good_document())
    out = store.export()
    assert out["version"] == 2
    [o] = out["objectives"]
    assert o["previous"] is None and o["review"] is None
    assert all(k["previous"] is None and k["relative"] is None for k in o["key_results"])


def test_export_then_restore_through_the_cli(data_dir):
    doc = chained_document()
    assert run(data_dir, "restore", "-", input=json.dumps(doc)).exit_code == 0
    exported = run(data_dir, "export")
    assert exported.exit_code == 0
    assert run(data_dir, "restore", "-", input=exported.stdout).exit_code == 0
    assert json.loads(run(data_dir, "export").stdout) == json.loads(exported.stdout)


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d["objectives"][1].update(previous="o7"), "objectives[1].previous"),
        (lambda d: d["objectives"][1].update(previous="o2"), "objectives[1].previous"),
        (
            lambda d: d["objectives"][1]["key_results"][0].update(previous="kr7"),
            "objectives[1].key_results[0].previous",
        ),
        (
            lambda d: d["objectives"][1]["key_results"][0]["items"][0].update(previous="e7"),
            "objectives[1].key_results[0].items[0].previous",
        ),
        (
            # a KR link without its objective continuing another
            lambda d: d["objectives"][1].update(previous=None),
            "objectives[1].key_results[0].previous",
        ),
        (
            lambda d: d["objectives"][0].update(previous="o2"),
            "objectives[0].previous",
        ),
        (
            lambda d: d["objectives"][0]["review"]["grades"][0].update(grade=1.2),
            "objectives[0].review.grades[0].grade",
        ),
        (
            lambda d: d["objectives"][0]["review"]["grades"][0].update(kr="kr9"),
            "objectives[0].review.grades[0].kr",
        ),
        (
            lambda d: d["objectives"][0]["review"].update(closed="2026-13-01"),
            "objectives[0].review.closed",
        ),
        (
            lambda d: d["objectives"][1]["key_results"][1].update(start=0),
            "objectives[1].key_results[1].start",
        ),
        (
            lambda d: d["objectives"][1]["key_results"][2].update(target=30),
            "objectives[1].key_results[2].target",
        ),
        (
            lambda d: d["objectives"][1]["key_results"][2].update(relative=0),
            "objectives[1].key_results[2].relative",
        ),
    ],
)
def test_restore_refuses_a_bad_link_or_review_with_its_path(data_dir, change, path):
    doc = chained_document()
    change(doc)
    with pytest.raises(InvalidData) as e:
        parse_document(doc)
    assert e.value.path == path
    result = run(data_dir, "restore", "-", input=json.dumps(doc))
    assert result.exit_code == 1 and path in result.stderr
    assert not (data_dir / "okr.json").exists()


@pytest.mark.parametrize(
    ("where", "field"),
    [("objective", "previous"), ("objective", "review"), ("kr", "relative"), ("item", "previous")],
)
def test_a_version_1_document_holds_no_version_2_field(where, field):
    doc = good_document()
    node = doc["objectives"][0]
    if where != "objective":
        node = node["key_results"][0]
    if where == "item":
        node = node["items"][0]
    node[field] = None
    with pytest.raises(InvalidData) as e:
        parse_document(doc)
    assert e.value.path.endswith(f".{field}") and "version 1" in e.value.reason


def test_chains_walk_back_oldest_first(store):
    doc = chained_document()
    store.restore(doc)
    objectives = store.objectives(include_archived=True)
    assert [o.id for o in objective_chain(objectives, "o2")] == ["o1", "o2"]
    assert [(o.id, k.id) for o, k in kr_chain(objectives, "o2", "kr9")] == [
        ("o1", "kr1"),
        ("o2", "kr9"),
    ]
    assert [k.id for _, k in kr_chain(objectives, "o2", "kr10")] == ["kr10"]
    assert [(o.id, i.id) for o, _, i in item_chain(objectives, "o2", "e9")] == [
        ("o1", "e1"),
        ("o2", "e9"),
    ]
    assert objective_chain(objectives, "nope") == []


def test_deleting_a_continued_kr_cuts_the_later_link_not_the_save(store):
    store.restore(chained_document())
    october = store.objective("o1")
    october.key_results = []  # the editor deleted KR1 (its check-ins first)
    store.delete_checkin("o1", "2026-W41")
    store.delete_checkin("o1", "2026-W42")
    for c in store.checkins("o1"):
        store.delete_checkin("o1", c.week)
    october.review = None
    store.save_objective(october)
    november = store.objective("o2")
    assert november.kr("kr9").previous is None
    assert november.kr("kr9").items[0].previous is None
    parse_document(store.export())  # the export still restores


def test_saving_an_objective_with_a_dangling_link_is_refused(store):
    store.restore(chained_document())
    november = store.objective("o2")
    november.kr("kr9").previous = "kr-gone"
    with pytest.raises(InvalidData, match="unknown key result"):
        store.save_objective(november)
    assert store.objective("o2").kr("kr9").previous == "kr1"


def test_thresholds_and_unknown_starts_score_as_said():
    below = KeyResult("k1", "Keep churn below 2%", "stay_below", None, 2, "%")
    above = KeyResult("k2", "Stay above 95%", "stay_above", None, 95, "%")
    unknown_start = KeyResult("k3", "Satisfaction to 90%", "percent", None, 90, "%")
    assert progress(below, 1.5) == 1.0 and progress(below, 2.5) == 0.0
    assert progress(above, 96) == 1.0 and progress(above, 94) == 0.0
    assert progress(unknown_start, 80) is None
    objective = Objective("o", "O", "2026-10-01", "2026-10-31", key_results=[below, above])
    objective.key_results.append(unknown_start)
    assert unscored(objective) == [unknown_start]
    # (1 + 0) / 2: the KR whose start is unknown is left out, not counted as 0
    assert objective_score(objective, {"k1": 1.5, "k2": 90, "k3": 80}) == 0.5


def test_unknown_target_is_left_out_of_the_objective_score():
    done = KeyResult("k1", "Ship", "milestone", 0, 1)
    unknown = KeyResult("k2", "Win XX customers", "number", 0, None, "customers")
    objective = Objective("o", "O", "2026-10-01", "2026-10-31", key_results=[done, unknown])
    assert objective_score(objective, {"k1": 1, "k2": 12}) == 1.0
    objective.key_results = [unknown]
    assert objective_score(objective, {"k2": 12}) is None
