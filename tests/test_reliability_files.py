"""Damaged or foreign store files, failing disks, backups: one sentence, exit 1, file untouched."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime

import pytest
from reliability_helpers import EXAMPLES, good_document, refused_cleanly, run, snapshot

from store import backups, repo
from store.repo import Store
from store.storage import StoreError


@pytest.fixture
def good_store(data_dir, tmp_path):
    """A store with data and one backup (the restore that filled it backs up the empty one)."""
    doc = tmp_path / "good.json"
    doc.write_text(json.dumps(good_document()))
    assert run(data_dir, "import", EXAMPLES / "seed-okr-en.txt").exit_code == 0
    assert run(data_dir, "restore", doc).exit_code == 0
    assert backups.newest_backup(data_dir / "okr.json") is not None
    return data_dir / "okr.json"


def damaged_contents(good: bytes) -> dict[str, bytes]:
    meta = {"meta": {"1": {"schema": 1}}}
    return {
        "empty": b"",
        "blank": b"  \n",
        "truncated": good[: len(good) // 2],
        "not JSON": b"SECRET-NOTE: my manager is {",
        "not UTF-8": b"\xff\xfe SECRET-NOTE \x00",
        "a JSON list": b'["SECRET-NOTE"]',
        "tables of the wrong shape": b'{"objectives": ["SECRET-NOTE"]}',
        "a foreign JSON file": json.dumps({"SECRET-NOTE": {"1": {"x": 1}}}).encode(),
        "a bad document id": json.dumps({**meta, "objectives": {"x": {}}}).encode(),
        "an invalid objective": json.dumps(
            {**meta, "objectives": {"1": {"id": "o", "title": 5, "start": "SECRET-NOTE"}}}
        ).encode(),
        "NaN in a check-in": good.replace(b'"value": 12', b'"value": NaN'),
        "no schema version": json.dumps({"objectives": {}}).encode(),
        "a newer schema": json.dumps({"meta": {"1": {"schema": 99}}}).encode(),
    }


CASES = list(damaged_contents(b"x" * 10))


def _commands(tmp_path):
    bad_doc = tmp_path / "bad.json"
    bad_doc.write_text(json.dumps({**good_document(), "version": 7}))
    return {
        "list": ["list"],
        "import": ["import", EXAMPLES / "seed-okr-en.txt"],
        "restore of a bad document": ["restore", bad_doc],
        "export": ["export"],
        "backups": None,  # lists backups even then: checked below
    }


@pytest.mark.parametrize("case", CASES)
def test_damaged_file_refused_with_one_sentence_and_untouched(good_store, tmp_path, case):
    good = good_store.read_bytes()
    content = damaged_contents(good)[case]
    good_store.write_bytes(content)
    newest = backups.newest_backup(good_store)
    before = snapshot(good_store.parent)
    for name, args in _commands(tmp_path).items():
        if args is None:
            continue
        result = run(good_store.parent, *args)
        assert refused_cleanly(result, codes=(1,)), (name, result.output)
        message = result.stderr.strip()
        assert message.count("\n") == 0, message  # one sentence, one line
        if name == "restore of a bad document" and case != "a newer schema":
            assert str(tmp_path / "bad.json") in message and "version" in message
        else:
            assert str(good_store) in message, message
        assert "SECRET" not in message  # the file's content is never echoed
        if case == "a newer schema":
            assert "upgrade okr-checkin" in message
        elif name != "restore of a bad document":
            assert f"okr restore {newest}" in message, message
        assert snapshot(good_store.parent) == before, f"{name} changed the data dir"
    listing = run(good_store.parent, "backups")
    assert listing.exit_code == 0 and str(newest) in listing.output


def test_restore_repairs_a_damaged_store_and_keeps_the_damaged_bytes(good_store):
    good = good_store.read_bytes()
    newest = backups.newest_backup(good_store)
    good_store.write_bytes(good[:100])
    result = run(good_store.parent, "restore", newest)  # the advice the error gives
    assert result.exit_code == 0, result.output
    assert Store(good_store.parent).objectives()  # whole again
    kept = backups.newest_backup(good_store)
    assert kept.read_bytes() == good[:100]  # the damaged file is in the backups
    assert "backed up at" in result.output


def test_restore_refuses_over_a_newer_schema(data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    path = data_dir / "okr.json"
    path.write_text(json.dumps({"meta": {"1": {"schema": 99}}}))
    doc = tmp_path / "good.json"
    doc.write_text(json.dumps(good_document()))
    before = snapshot(data_dir)
    result = run(data_dir, "restore", doc)
    assert refused_cleanly(result, codes=(1,)) and "newer okr-checkin" in result.stderr
    assert snapshot(data_dir) == before


def test_permission_denied_on_read(good_store, monkeypatch):
    """We run as root, so chmod 000 would not stop us: the read itself is made to fail."""
    from pathlib import Path

    real = Path.read_bytes

    def denied(self):
        if self == good_store:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    before = snapshot(good_store.parent)
    for args in (["list"], ["import", EXAMPLES / "seed-okr-en.txt"]):
        result = run(good_store.parent, *args)
        assert refused_cleanly(result, codes=(1,))
        assert str(good_store) in result.stderr and "permission denied" in result.stderr
    assert snapshot(good_store.parent) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(good_store):  # pragma: no cover - not as root
    os.chmod(good_store, 0)
    try:
        result = run(good_store.parent, "list")
        assert refused_cleanly(result, codes=(1,)) and str(good_store) in result.stderr
    finally:
        os.chmod(good_store, 0o600)


def _fail_writes(monkeypatch, err: int, half: bool = True):
    """Every os.write writes half of what it is given once, then fails with ``err``."""
    real = os.write
    state = {"first": True}

    def write(fd, data):
        if half and state["first"] and len(data) > 1:
            state["first"] = False
            return real(fd, bytes(data[: len(data) // 2]))
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(os, "write", write)


@pytest.mark.parametrize("daily_done", [False, True], ids=["backup-fails", "write-fails"])
@pytest.mark.parametrize("command", ["import", "restore"])
def test_full_disk(good_store, tmp_path, monkeypatch, daily_done, command):
    if daily_done:  # today's backup exists: the store write itself fails
        backups.ensure_daily_backup(good_store)
    else:
        monkeypatch.setattr(backups, "now", lambda: datetime(2099, 1, 1, 9, 0))
    doc = tmp_path / "good.json"
    doc.write_text(json.dumps(good_document()))
    args = ["import", EXAMPLES / "seed-okr-en.txt"] if command == "import" else ["restore", doc]
    before = snapshot(good_store.parent)
    _fail_writes(monkeypatch, errno.ENOSPC)
    result = run(good_store.parent, *args)
    monkeypatch.undo()
    assert refused_cleanly(result, codes=(1,)), result.output
    assert str(good_store) in result.stderr
    assert "disk is full" in result.stderr and "left as it was" in result.stderr
    assert snapshot(good_store.parent) == before  # no half file, no temp file, no half backup


def test_read_only_directory(good_store, monkeypatch):
    """Root can write a 0500 directory, so the temp file's creation is made to fail."""
    import store.storage as storage

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(storage.tempfile, "mkstemp", denied)
    backups.ensure_daily_backup(good_store)
    before = snapshot(good_store.parent)
    result = run(good_store.parent, "import", EXAMPLES / "seed-okr-en.txt")
    assert refused_cleanly(result, codes=(1,))
    assert "is not writable" in result.stderr and str(good_store.parent) in result.stderr
    assert snapshot(good_store.parent) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes any directory")
def test_read_only_directory_for_real(good_store):  # pragma: no cover - not as root
    os.chmod(good_store.parent, 0o500)
    try:
        result = run(good_store.parent, "import", EXAMPLES / "seed-okr-en.txt")
        assert refused_cleanly(result, codes=(1,)) and "not writable" in result.stderr
    finally:
        os.chmod(good_store.parent, 0o700)


def test_value_json_cannot_hold_is_refused_not_written(store):
    """A draft holding NaN would make a file no strict reader opens: refused, file unchanged."""
    store.save_draft("o1", "2026-W41", {"ok": 1})
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match="JSON cannot store"):
        store.save_draft("o1", "2026-W41", {"x": float("nan")})
    assert store.path.read_bytes() == before
    assert Store(store.data_dir).draft("o1", "2026-W41") == {"ok": 1}


# -- backups ------------------------------------------------------------------------------


def test_first_write_of_each_day_is_backed_up(store, monkeypatch):
    day = {"now": datetime(2026, 10, 19, 9, 0)}
    monkeypatch.setattr(backups, "now", lambda: day["now"])
    store.save_draft("o1", "2026-W43", {"n": 0})  # the file is created: nothing to back up
    assert backups.list_backups(store.path) == []
    store.save_draft("o1", "2026-W43", {"n": 1})
    first = backups.list_backups(store.path)
    assert len(first) == 1 and first[0].name.endswith("-daily.json")
    store.save_draft("o1", "2026-W43", {"n": 2})
    other = Store(store.data_dir)  # another copy, same day: no second backup
    other.save_draft("o1", "2026-W43", {"n": 3})
    assert backups.list_backups(store.path) == first
    before = store.path.read_bytes()
    day["now"] = datetime(2026, 10, 20, 8, 0)
    store.save_draft("o1", "2026-W43", {"n": 4})
    found = backups.list_backups(store.path)
    assert len(found) == 2 and found[-1].read_bytes() == before
    print(f"daily backups: {len(found)} for 2 days of writes")


def test_restore_backs_up_first_and_keeps_the_newest_ten(store, monkeypatch):
    tick = {"n": 0}

    def clock():
        tick["n"] += 1
        return datetime(2026, 10, 19, 9, 0, tick["n"] % 60, tick["n"])

    monkeypatch.setattr(backups, "now", clock)
    doc = good_document()
    store.restore(doc)
    contents = []
    for i in range(15):
        doc["objectives"][0]["title"] = f"version {i}"
        contents.append(store.path.read_bytes())
        b = store.restore(doc)
        assert b.read_bytes() == contents[-1]  # exactly the file before the restore
    found = backups.list_backups(store.path)
    assert len(found) == backups.KEEP
    assert [p.read_bytes() for p in found] == contents[-backups.KEEP :]
    assert all(os.stat(p).st_mode & 0o777 == 0o600 for p in found)


def test_migration_hook_backs_up_first(data_dir, monkeypatch):
    """A future schema 3: the hook runs the migrations after a backup."""
    s = Store(data_dir)
    s.save_draft("o1", "2026-W41", {"n": 1})
    old = s.path.read_bytes()
    monkeypatch.setattr(repo, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(repo, "MIGRATIONS", {**repo.MIGRATIONS, 2: lambda d: {**d, "meetings": {}}})
    migrated = Store(data_dir)
    [b] = backups.list_backups(s.path)
    assert b.name.endswith("-migrate-v2.json") and b.read_bytes() == old
    assert json.loads(s.path.read_text())["meta"] == {"1": {"schema": 3}}
    assert migrated.draft("o1", "2026-W41") == {"n": 1}


def test_a_schema_1_store_is_migrated_to_2_after_a_backup(data_dir):
    """Schema 2 only adds optional fields: a schema 1 file opens, is backed up and bumped."""
    data_dir.mkdir(parents=True, exist_ok=True)
    v1 = {
        "meta": {"1": {"schema": 1}},
        "objectives": {
            "1": {
                "id": "o1",
                "title": "Grow",
                "owner": None,
                "start": "2026-10-01",
                "end": "2026-10-31",
                "archived": False,
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Win customers",
                        "kind": "number",
                        "start": 0,
                        "target": 50,
                        "unit": "",
                        "weight": 1,
                        "items": [{"id": "e1", "title": "Plan", "active": True, "added": None}],
                    }
                ],
            }
        },
    }
    path = data_dir / "okr.json"
    path.write_text(json.dumps(v1))
    before = path.read_bytes()
    store = Store(data_dir)
    [b] = backups.list_backups(path)
    assert b.name.endswith("-migrate-v1.json") and b.read_bytes() == before
    assert json.loads(path.read_text())["meta"] == {"1": {"schema": 2}}
    [o] = store.objectives()
    assert o.previous is None and o.review is None and o.key_results[0].previous is None
    assert store.export()["version"] == 2


def test_okr_backups_lists_newest_first(good_store, monkeypatch):
    monkeypatch.setattr(backups, "now", lambda: datetime(2030, 1, 1, 9, 0))
    run(good_store.parent, "import", EXAMPLES / "seed-okr-en.txt")  # a daily backup
    result = run(good_store.parent, "backups")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    rows = [line for line in lines if "okr-" in line and line.startswith("  ")]
    assert len(rows) == 2
    assert "2030-01-01 09:00:00" in rows[0] and "daily" in rows[0]
    assert "restore" in rows[1] and " B" in rows[1] or "kB" in rows[1]
    assert "okr restore FILE" in lines[-1]
    print("okr backups:\n" + result.output)


def test_okr_backups_when_there_are_none(data_dir):
    result = run(data_dir, "backups")
    assert result.exit_code == 0 and "No backups" in result.output


def test_restore_takes_a_backup_file_drafts_included(store):
    store.restore(good_document())
    store.save_draft("o1", "2026-W42", {"typed": "half"})
    saved = store.path.read_bytes()
    store.restore({**good_document(), "objectives": [], "checkins": []})
    b = backups.newest_backup(store.path)
    assert b.read_bytes() == saved
    result = run(store.data_dir, "restore", b)
    assert result.exit_code == 0, result.output
    again = Store(store.data_dir)
    assert again.draft("o1", "2026-W42") == {"typed": "half"}
    assert again.export() == Store(store.data_dir).export()
    assert [o.id for o in again.objectives()] == ["o1"]
