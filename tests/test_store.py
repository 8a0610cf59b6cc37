"""The store: round trip, permissions, one write per action, refusing what it cannot read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from store.model import CheckIn, InvalidData, Item, ItemCheck, KeyResult, KRCheck, Objective
from store.repo import Store
from store.storage import StoreError


def sample_objective(oid="o1") -> Objective:
    return Objective(
        id=oid,
        title="打造一个成功的客户拓展团队",
        start="2026-10-01",
        end="2026-10-31",
        key_results=[
            KeyResult(
                "kr1",
                "新客户",
                "number",
                0,
                50,
                "家",
                items=[Item("e1", "方案一"), Item("e2", "方案二")],
            )
        ],
    )


def sample_checkin(week="2026-W41", value=12) -> CheckIn:
    return CheckIn(
        "o1",
        week,
        "2026-10-05",
        "本周：顺利",
        [KRCheck("kr1", value, 7, "进展")],
        [ItemCheck("e1", "on_track", "拜访了10家", "加快跟进")],
    )


def test_round_trip_and_readable_utf8(store):
    store.save_objective(sample_objective())
    store.save_checkin(sample_checkin())
    again = Store(store.data_dir)
    assert again.objective("o1") == sample_objective()
    assert again.checkin("o1", "2026-W41") == sample_checkin()
    text = store.path.read_text(encoding="utf-8")
    assert "打造一个成功的客户拓展团队" in text  # not \\u escapes
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_private_permissions(store):
    store.save_objective(sample_objective())
    assert os.stat(store.path).st_mode & 0o777 == 0o600
    assert os.stat(store.data_dir).st_mode & 0o777 == 0o700


def test_one_write_per_save(store):
    store.save_objective(sample_objective())
    before = store.storage.writes
    o = sample_objective()
    o.key_results[0].items.append(Item("e3", "新方案", added="2026-W41"))
    store.save_draft("o1", "2026-W41", {"x": 1})
    store.save_checkin(sample_checkin(), objective=o)
    assert store.storage.writes == before + 2  # the draft, then the check-in with its objective
    assert store.draft("o1", "2026-W41") is None  # saving drops the week's draft
    assert store.objective("o1").key_results[0].item("e3").title == "新方案"


def test_upsert_keeps_one_checkin_per_week(store):
    store.save_objective(sample_objective())
    store.save_checkin(sample_checkin(value=1))
    store.save_checkin(sample_checkin(value=2))
    assert [c.key_results[0].value for c in store.checkins("o1")] == [2]


def test_checkin_of_unknown_kr_refused_and_nothing_written(store):
    store.save_objective(sample_objective())
    before = store.path.read_bytes()
    bad = sample_checkin()
    bad.key_results[0].kr = "nope"
    with pytest.raises(InvalidData):
        store.save_checkin(bad)
    assert store.path.read_bytes() == before
    assert store.checkins() == []


def test_newer_schema_refused(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "okr.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 99}}, "objectives": {}}))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="newer okr-checkin") as e:
        Store(data_dir)
    assert str(path) in str(e.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"objectives": [1, 2]}', b"\xff\xfe\x00", b"[]"]
)
def test_unreadable_file_refused_and_untouched(data_dir, content):
    data_dir.mkdir(parents=True)
    path = data_dir / "okr.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as e:
        Store(data_dir).save_objective(sample_objective())
    assert str(path) in str(e.value)
    assert path.read_bytes() == content


def test_second_copy_sees_changes(store):
    other = Store(store.data_dir)
    store.save_objective(sample_objective())
    assert other.objective("o1") is not None
    other.save_checkin(sample_checkin())
    assert store.checkin("o1", "2026-W41") is not None
    assert not store.changed_on_disk()


def test_no_lost_update_between_processes(store):
    """Two processes add objectives at the same time: every one of them is kept."""
    store.save_objective(sample_objective("o0"))
    script = textwrap.dedent(
        """
        import sys
        from store.repo import Store
        from store.model import Objective
        s = Store(sys.argv[1])
        for i in range(25):
            s.save_objective(Objective(id=f"{sys.argv[2]}-{i}", title="t", start="2026-10-01", end="2026-10-31"))
        """
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script, str(store.data_dir), name])
        for name in ("a", "b")
    ]
    assert [p.wait(timeout=60) for p in procs] == [0, 0]
    ids = {o.id for o in store.objectives()}
    assert len(ids) == 51


def test_write_killed_half_way_leaves_old_file_whole(store):
    """A process killed inside the write (after the temp file is half written) leaves the old store."""
    store.save_objective(sample_objective())
    before = store.path.read_bytes()
    script = textwrap.dedent(
        """
        import os, sys
        import store.storage as storage
        real_replace = os.replace
        def die(*a):
            os._exit(9)  # the process dies before the rename
        storage.os.replace = die
        from store.repo import Store
        from store.model import Objective
        s = Store(sys.argv[1])
        s.save_objective(Objective(id="o2", title="never", start="2026-10-01", end="2026-10-31"))
        """
    )
    result = subprocess.run([sys.executable, "-c", script, str(store.data_dir)])
    assert result.returncode == 9
    assert store.path.read_bytes() == before
    assert [o.id for o in Store(store.data_dir).objectives()] == ["o1"]


def test_export_restore_round_trip(store):
    store.save_objective(sample_objective())
    store.save_checkin(sample_checkin())
    from store.model import Meeting

    store.add_meeting(Meeting("2026-10-16", "谈了预算"))
    doc = store.export()
    other = Store(store.data_dir / "other")
    assert other.restore(json.loads(json.dumps(doc))) is None
    assert other.export() == doc


# -- the parse cache (store.storage: okr.json.cache) -----------------------------------------


def _fresh_reads(monkeypatch) -> list[str]:
    """What each fresh read of a store file did: "parsed" or "cached"."""
    from store import storage

    seen: list[str] = []
    real = storage.loads

    def counting(raw):
        seen.append("parsed")
        return real(raw)

    monkeypatch.setattr(storage, "loads", counting)
    return seen


def test_the_parse_cache_holds_what_the_file_parses_to(store, monkeypatch):
    store.save_objective(sample_objective())
    store.save_objective(sample_objective("o2"))
    store.save_checkin(sample_checkin())
    cache = store.path.with_name("okr.json.cache")
    assert oct(os.stat(cache).st_mode & 0o777) == "0o600"
    parsed = _fresh_reads(monkeypatch)
    again = Store(store.data_dir)
    assert parsed == []  # our own write filled it: neither parsed nor validated again
    data = again.storage.read()
    assert data == json.loads(store.path.read_text("utf-8"))
    assert again.checkin("o1", "2026-W41") == sample_checkin()


def test_objectives_in_the_order_they_were_made_cached_or_not(store):
    """The file sorts ids as text ("10" before "2"), a write appends, the cache keeps
    the writer's order: the store reads documents in id order whatever it came from."""
    ids = [f"o{n}" for n in range(12)]
    for oid in ids:
        store.save_objective(sample_objective(oid))
    assert [o.id for o in store.objectives()] == ids
    assert [o.id for o in Store(store.data_dir).objectives()] == ids  # from the cache
    store.path.with_name("okr.json.cache").unlink()
    assert [o.id for o in Store(store.data_dir).objectives()] == ids  # parsed


def test_the_parse_cache_is_never_required(store, monkeypatch):
    store.save_objective(sample_objective())
    cache = store.path.with_name("okr.json.cache")
    parsed = _fresh_reads(monkeypatch)
    cache.unlink()
    assert Store(store.data_dir).objective("o1") == sample_objective()
    assert parsed == ["parsed"] and cache.exists()  # a full read fills it again
    cache.write_bytes(b"not marshal data")
    assert Store(store.data_dir).objective("o1") == sample_objective()
    assert parsed == ["parsed", "parsed"]
    assert Store(store.data_dir).objective("o1") == sample_objective()
    assert parsed == ["parsed", "parsed"]  # rewritten by the full read


def test_a_file_changed_behind_the_cache_is_validated_in_full(store):
    """Same size, same mtime (os.utime, as ``cp -p`` does): still read and refused."""
    from store.storage import DamagedStoreError

    store.save_objective(sample_objective())
    Store(store.data_dir)
    st = os.stat(store.path)
    text = store.path.read_bytes()
    bad = text.replace(b'"2026-10-31"', b'"2026-13-31"')
    assert len(bad) == len(text) and bad != text
    with open(store.path, "r+b") as f:  # in place: the same inode
        f.write(bad)
    os.utime(store.path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(DamagedStoreError):
        Store(store.data_dir)


def test_an_invalid_draft_is_refused_before_it_is_written(store):
    """Every write must be valid (the parse cache keeps what we write as validated)."""
    store.save_objective(sample_objective())
    before = store.path.read_bytes()
    for objective, week in (("o1", "2026-41"), ("", "2026-W41"), ("o1", None)):
        with pytest.raises(InvalidData):
            store.save_draft(objective, week, {"n": 1})
    assert store.path.read_bytes() == before
