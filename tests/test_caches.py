"""The files kept beside the store (the parse cache ``okr.json.cache``, the index
``okr.json.index``) are always safe to delete and never answer for a store that changed:
every command prints the same bytes with them, without them, and once they are rebuilt;
a store changed elsewhere (even in place, same size, mtime put back) is read again."""

from __future__ import annotations

import importlib.util
import marshal
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store import index
from store.repo import Store

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-10-19"  # conftest's day: Monday of 2026-W43
CACHES = ("okr.json.cache", "okr.json.index")


def _make_history():
    spec = importlib.util.spec_from_file_location(
        "_make_history", ROOT / "tests" / "bench" / "make_history.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def history(tmp_path) -> Path:
    """Two years of periods of three months, closed, archived and linked, up to last week
    (this week's check-ins are due): tests/bench/make_history.py, on the pinned day."""
    folder = tmp_path / "history"
    _make_history().make(folder, 2, export=False)
    return folder


COMMANDS = [
    ["due"],
    ["due", "-q"],
    ["--lang", "zh", "due"],
    ["list"],
    ["list", "--all"],
    ["summary", "--month", "2026-09"],
    ["summary", "--month", "2026-09", "--format", "json"],
    ["--lang", "zh", "summary", "--month", "2026-08", "--format", "text"],
    ["summary", "--quarter", "2026-Q3"],
    ["prep"],
    ["export"],
]


def okr(data: Path, *args: str) -> tuple[int, str, str]:
    env = {**os.environ, "OKR_TODAY": TODAY, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data", str(data), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr


def outputs(data: Path) -> list[tuple[int, str, str]]:
    return [okr(data, *args) for args in COMMANDS]


def delete_caches(data: Path) -> None:
    for name in CACHES:
        (data / name).unlink(missing_ok=True)


def test_deleting_the_caches_changes_no_output(history):
    if "--all" not in okr(history, "list", "--help")[1]:
        COMMANDS.remove(["list", "--all"])
    with_caches = outputs(history)
    assert with_caches[0][0] == 1 and "2026-W43" in with_caches[0][1]  # due: something to say
    assert all(code in (0, 1) and not err for code, _, err in with_caches), with_caches
    delete_caches(history)
    without = outputs(history)
    assert all((history / name).exists() for name in CACHES)  # written again
    rebuilt = outputs(history)
    assert without == with_caches
    assert rebuilt == with_caches


def test_the_home_screen_is_the_same_without_the_caches(history):
    import asyncio
    from io import StringIO

    from rich.console import Console
    from textual.widgets import ListItem, Static

    from tui.app import OkrApp

    def text(renderable) -> str:
        console = Console(file=StringIO(), width=96, color_system=None, legacy_windows=False)
        console.print(renderable)
        return console.file.getvalue()

    async def cards() -> list[str]:
        app = OkrApp(Store(history))
        async with app.run_test(size=(100, 40)) as pilot:
            await pilot.pause()
            return [text(s.content) for item in app.query(ListItem) for s in item.query(Static)]

    first = asyncio.run(cards())
    assert len(first) == 3 and all(first)
    delete_caches(history)
    assert asyncio.run(cards()) == first


def test_the_caches_are_private(history):
    okr(history, "due")
    for name in CACHES:
        assert stat.S_IMODE((history / name).stat().st_mode) == 0o600


def _rewrite_in_place(path: Path, old: bytes, new: bytes) -> None:
    """Change the file's bytes as an editor writing in place would, keeping its size and
    putting its mtime back: only its ctime (and its content) says it changed."""
    assert len(old) == len(new)
    st = path.stat()
    raw = path.read_bytes()
    assert old in raw
    with open(path, "r+b") as f:
        f.write(raw.replace(old, new, 1))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert path.stat().st_size == st.st_size and path.stat().st_mtime_ns == st.st_mtime_ns


def test_a_store_changed_elsewhere_in_place_is_read_again(history):
    assert okr(history, "due")[0] == 1
    settle(history)  # okr due would now answer on the stat alone
    summary = okr(history, "summary", "--month", "2026-09")[1]
    note = "Move the review to Thursday so fixes land before the weekend."
    assert note in summary
    store_file = history / "okr.json"
    # Last week's check-ins become this week's: nothing is due any more.
    raw = store_file.read_bytes()
    count = raw.count(b'"week": "2026-W42"')
    assert count == 3
    for _ in range(count):
        _rewrite_in_place(store_file, b'"week": "2026-W42"', b'"week": "2026-W43"')
    code, out, err = okr(history, "due")
    assert (code, out, err) == (0, "", "")
    while note.encode() in store_file.read_bytes():
        _rewrite_in_place(store_file, note.encode(), note.upper().encode())
    summary = okr(history, "summary", "--month", "2026-09")[1]
    assert note.upper() in summary and note not in summary


def test_a_damaged_store_is_refused_whatever_the_caches_say(history):
    okr(history, "due")
    settle(history)
    store_file = history / "okr.json"
    raw = store_file.read_bytes()
    damaged = raw.replace(b'"kind": "milestone"', b'"kind": "milestonE"', 1)
    _rewrite_in_place(store_file, raw, damaged)
    for args in (["due"], ["list"], ["summary", "--month", "2026-09"]):
        code, out, err = okr(history, *args)
        assert code == 1 and out == "", args
        assert err.startswith("Error: ") and "okr restore" in err, err


# -- the index itself ------------------------------------------------------------------------------


def _index(history: Path) -> list:
    return list(marshal.loads((history / "okr.json.index").read_bytes()))


def _write_index(history: Path, body: list) -> None:
    (history / "okr.json.index").write_bytes(marshal.dumps(tuple(body)))


def settle(history: Path) -> None:
    """Read the index until it is settled (once the file system's clock has moved past
    the store's last write): from then on it answers on the store's stat alone."""
    import time

    for _ in range(3000):  # 30 s at most: a bound, not a wait
        assert index.due_rows(str(history / "okr.json"), "2026-W43") is not None
        if _index(history)[4] is True:
            return
        time.sleep(0.01)
    raise AssertionError("the index never settled")


def test_a_settled_index_answers_without_reading_the_store(history, monkeypatch):
    store_path = str(history / "okr.json")
    settle(history)
    real_open = open

    def no_store(path, *args, **kwargs):
        assert os.fspath(path) != store_path, "the store was read"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_store)
    rows = index.due_rows(store_path, "2026-W43")
    assert [r.title for r in rows if not r.archived and not r.closed] == [
        "Build a successful customer-expansion team",
        "让新客户的上手过程毫不费力",
        "Grow our audience on platform X",
    ]


def test_an_index_not_settled_is_checked_against_the_store_bytes(history):
    store_path = str(history / "okr.json")
    body = _index(history)
    assert body[4] is False  # written with the store: its first reader checks the bytes
    body[3] ^= 1  # another CRC-32: these are not the bytes it was made from
    _write_index(history, body)
    assert index.due_rows(store_path, "2026-W43") is None
    body[3] ^= 1
    _write_index(history, body)
    assert index.due_rows(store_path, "2026-W43") is not None


def test_an_index_of_another_stamp_or_code_or_format_is_not_used(history):
    store_path = str(history / "okr.json")
    assert index.due_rows(store_path, "2026-W43") is not None
    good = _index(history)
    for change in (
        lambda b: b.__setitem__(2, (b[2][0], b[2][1] + 1, *b[2][2:])),  # another size
        lambda b: b.__setitem__(1, ()),  # another code
        lambda b: b.__setitem__(0, ("okr-index", 0)),  # another format
    ):
        body = list(good)
        change(body)
        _write_index(history, body)
        assert index.due_rows(store_path, "2026-W43") is None
    (history / "okr.json.index").write_bytes(b"\x00cut short")
    assert index.due_rows(store_path, "2026-W43") is None


def test_the_default_data_dir_is_platformdirs_one(monkeypatch, tmp_path):
    from platformdirs import user_data_dir

    cases = [
        {"HOME": str(tmp_path), "XDG_DATA_HOME": None},
        {"HOME": str(tmp_path) + "/", "XDG_DATA_HOME": None},
        {"HOME": str(tmp_path) + "//", "XDG_DATA_HOME": ""},
        {"HOME": "/", "XDG_DATA_HOME": None},
        {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")},
        {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg") + "/"},
        {"HOME": str(tmp_path), "XDG_DATA_HOME": "relative/xdg"},
        {"HOME": "relative", "XDG_DATA_HOME": None},
    ]
    for case in cases:
        for name, value in case.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        ours = index.default_data_dir()
        if ours is not None:
            assert ours == user_data_dir("okr-checkin", appauthor=False), case
        elif sys.platform == "linux":
            assert case["XDG_DATA_HOME"] == "relative/xdg" or case["HOME"] == "relative", case


# -- the parse cache, part by part -------------------------------------------------------------------


def test_a_read_loads_the_parts_it_needs_only(history, monkeypatch):
    """With the index settled, opening the store reads neither the store file nor the
    check-ins of objectives it is not asked about."""
    settle(history)
    store_path = os.fspath(history / "okr.json")
    real_open = open

    def no_store(path, *args, **kwargs):
        assert os.fspath(path) != store_path, "the store file was read"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", no_store)
    store = Store(history)
    current = store.objectives()
    assert len(current) == 3
    store.recent_checkins(current[0].id, 12)
    parts = store.storage._parts
    assert store.storage._data is None and parts is not None
    assert set(parts._checkins) == {current[0].id}
    assert len(parts.where["checkins"]) == 27  # one part per objective of two years
    monkeypatch.setattr("builtins.open", real_open)
    assert len(store.checkins()) == len(Store(history).checkins())  # all of them, on demand
    assert store.storage._data is not None and store.storage._parts is None


def test_a_damaged_part_of_the_cache_costs_a_full_read(history, monkeypatch):
    from store import storage

    settle(history)
    expected = Store(history).checkins()
    cache = history / "okr.json.cache"
    blob = bytearray(cache.read_bytes())
    size = int.from_bytes(blob[:4], "little")
    _, where = marshal.loads(bytes(blob[4 : 4 + size]))
    offset, length, _ = next(iter(where["checkins"].values()))
    blob[4 + size + offset + length // 2] ^= 0xFF  # inside the first objective's check-ins
    cache.write_bytes(bytes(blob))
    parsed = []
    real = storage.loads
    monkeypatch.setattr(storage, "loads", lambda raw: parsed.append(1) or real(raw))
    store = Store(history)
    assert store.checkins() == expected
    assert parsed == [1]  # read and validated in full, once
    assert Store(history).checkins() == expected  # the cache was written again
    assert parsed == [1]


def test_two_copies_of_the_same_code_share_the_index_key(tmp_path):
    """The index's code key is the code's bytes, not where it lies: the tests' own copy and
    an installed one (``pip install .``, as CI does) read each other's index; a changed
    copy does not."""
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "store", copy / "store")
    probe = [sys.executable, "-c", "import store.index as i; print(i.code_key())"]

    def key_of_copy() -> int:
        env = {**os.environ, "PYTHONPATH": str(copy)}
        out = subprocess.run(probe, cwd=tmp_path, env=env, capture_output=True, text=True)
        return int(out.stdout)

    assert key_of_copy() == index.code_key() is not None
    model = copy / "store" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n# another rule\n", encoding="utf-8")
    assert key_of_copy() != index.code_key()
