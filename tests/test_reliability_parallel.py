"""Two copies at once: several processes write one data dir; no update is lost, no id doubled.
And two Store instances (two app windows) on one check-in: the later save does not silently
throw the other away (ConflictError, with both versions)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import time

import pytest

from store.model import CheckIn, Item, ItemCheck, KeyResult, KRCheck, Objective
from store.repo import ConflictError, Store
from store.storage import StoreError

PROCESSES = 4
ROUNDS = 25  # each round: one objective, one check-in, one meeting

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from store.repo import Store
    from store.model import CheckIn, KRCheck, Meeting, Objective
    data, name, k, rounds, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    s = Store(data)
    while not os.path.exists(go):
        time.sleep(0.001)
    for i in range(rounds):
        s.save_objective(Objective(id=f"{name}-o{i}", title=f"{name} {i}", start="2026-01-01", end="2026-12-31"))
        s.save_checkin(CheckIn("shared", f"{2020 + k}-W{i + 1:02d}", "2026-10-05", f"{name} {i}",
                               [KRCheck("kr1", i, 5, "")]))
        s.add_meeting(Meeting("2026-10-16", f"{name}-m{i}"))
    """
)


def shared_objective() -> Objective:
    return Objective(
        "shared",
        "shared",
        "2020-01-01",
        "2030-12-31",
        key_results=[KeyResult("kr1", "customers", "number", 0, 100, "customers")],
    )


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    assert len(keys) == len(set(keys)), "a duplicate key in the file"
    return dict(pairs)


def test_parallel_processes_keep_every_write(store, tmp_path):
    store.save_objective(shared_objective())
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store.data_dir), f"p{k}", str(k), str(ROUNDS), go]
        )
        for k in range(PROCESSES)
    ]
    time.sleep(0.3)  # every child has opened the store
    began = time.perf_counter()
    go.write_text("go")
    assert [p.wait(timeout=120) for p in procs] == [0] * PROCESSES
    seconds = time.perf_counter() - began

    fresh = Store(store.data_dir)
    names = [f"p{k}" for k in range(PROCESSES)]
    want_objectives = {f"{n}-o{i}" for n in names for i in range(ROUNDS)}
    want_checkins = {(f"{2020 + k}-W{i + 1:02d}") for k in range(PROCESSES) for i in range(ROUNDS)}
    want_meetings = {f"{n}-m{i}" for n in names for i in range(ROUNDS)}
    objective_ids = [o.id for o in fresh.objectives() if o.id != "shared"]
    checkin_weeks = [c.week for c in fresh.checkins("shared")]
    meeting_notes = [m.notes for m in fresh.meetings()]
    assert len(objective_ids) == len(set(objective_ids))  # no duplicate id
    assert len(meeting_notes) == len(set(meeting_notes))
    kept = (
        len(want_objectives & set(objective_ids))
        + len(want_checkins & set(checkin_weeks))
        + len(want_meetings & set(meeting_notes))
    )
    total = 3 * PROCESSES * ROUNDS
    print(f"\nparallel: {kept}/{total} writes kept ({PROCESSES} processes, {seconds:.1f} s)")
    assert kept == total
    assert set(objective_ids) == want_objectives and set(meeting_notes) == want_meetings
    raw = json.loads(fresh.path.read_text(encoding="utf-8"), object_pairs_hook=_no_duplicate_keys)
    assert len(raw["meetings"]) == PROCESSES * ROUNDS  # TinyDB doc ids: none handed out twice


# -- two app instances on one check-in -----------------------------------------------------


def objective() -> Objective:
    return Objective(
        "o1",
        "Grow",
        "2026-10-01",
        "2026-10-31",
        key_results=[
            KeyResult("kr1", "customers", "number", 0, 50, "customers", items=[Item("e1", "plan")])
        ],
    )


def checkin(note: str, value: int = 1) -> CheckIn:
    return CheckIn(
        "o1",
        "2026-W41",
        "2026-10-05",
        note,
        [KRCheck("kr1", value, 7, "")],
        [ItemCheck("e1", "on_track", note, "")],
    )


@pytest.fixture
def two(data_dir):
    a = Store(data_dir)
    a.save_objective(objective())
    return a, Store(data_dir)


def test_second_instance_sees_the_first_ones_save(two):
    a, b = two
    assert b.checkin("o1", "2026-W41") is None
    a.save_checkin(checkin("from A"))
    assert b.changed_on_disk()
    assert b.checkin("o1", "2026-W41").note == "from A"  # re-read, no restart
    assert not b.changed_on_disk()


def test_later_save_of_the_same_checkin_is_a_conflict_with_both_texts(two):
    a, b = two
    a.save_checkin(checkin("first"))
    loaded_a, stamp_a = a.checkin_and_stamp("o1", "2026-W41")
    loaded_b, stamp_b = b.checkin_and_stamp("o1", "2026-W41")
    assert stamp_a == stamp_b == a.checkin_stamp("o1", "2026-W41") is not None
    new_b = b.save_checkin(checkin("B typed this", 2), expected_stamp=stamp_b)
    assert new_b == a.checkin_stamp("o1", "2026-W41") != stamp_a
    before = a.path.read_bytes()
    mine = checkin("A typed this", 3)
    with pytest.raises(ConflictError) as e:
        a.save_checkin(mine, expected_stamp=stamp_a)
    assert isinstance(e.value, StoreError)  # the CLI turns it into one sentence
    assert e.value.theirs == checkin("B typed this", 2) and e.value.stamp == new_b
    assert "2026-W41" in str(e.value) and "not saved" in str(e.value)
    assert a.path.read_bytes() == before  # nothing written: B's text is not lost
    assert mine.note == "A typed this"  # and A still has its own
    # The user merges both texts; saving against B's stamp works.
    merged = checkin("A typed this / B typed this", 3)
    a.save_checkin(merged, expected_stamp=e.value.stamp)
    assert b.checkin("o1", "2026-W41") == merged


def test_conflict_when_another_copy_created_or_deleted_it(two):
    a, b = two
    assert a.checkin_stamp("o1", "2026-W41") is None
    b.save_checkin(checkin("B was first"))
    with pytest.raises(ConflictError) as e:
        a.save_checkin(checkin("A thought it was new"), expected_stamp=None)
    assert e.value.theirs.note == "B was first"
    stamp = a.checkin_stamp("o1", "2026-W41")
    b.delete_checkin("o1", "2026-W41")
    with pytest.raises(ConflictError) as e:
        a.save_checkin(checkin("A"), expected_stamp=stamp)
    assert e.value.theirs is None and e.value.stamp is None and "deleted" in str(e.value)


def test_without_a_stamp_the_save_overwrites_as_before(two):
    a, b = two
    b.save_checkin(checkin("B"))
    a.save_checkin(checkin("A"))  # the old signature, unchanged behaviour
    assert b.checkin("o1", "2026-W41").note == "A"
