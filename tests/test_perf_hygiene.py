"""``okr due`` stays light: a subprocess runs it and lists what it imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from store.model import CheckIn, Item, KeyResult, Objective
from store.repo import Store
from tui import cli, i18n

ROOT = Path(__file__).resolve().parents[1]

SCRIPT = (
    "import sys\n"
    "sys.argv = ['okr'] + sys.argv[1:]\n"
    "from tui.cli import main\n"
    "try:\n"
    "    main()\n"
    "except SystemExit as e:\n"
    "    code = e.code\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'pendulum', 'click', "
    "'tinydb', 'orjson', 'rich', 'platformdirs', 'markdown_it'})\n"
    "print('EXIT', code, 'HEAVY', ','.join(heavy) or '-')\n"
)


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "okr"
    store = Store(folder)
    store.save_objective(
        Objective(
            "o1",
            "Grow",
            "2026-11-01",
            "2026-11-30",
            key_results=[KeyResult("kr1", "Ship", items=[Item("e1", "Plan")])],
        )
    )
    store.save_checkin(CheckIn("o1", "2026-W45", "2026-11-02"))
    store.close()
    return folder


def due(*args: str, today: str = "2026-11-10") -> list[str]:
    env = {**os.environ, "OKR_TODAY": today, "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,  # never a terminal, wherever the tests run
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines() + [f"STDERR {line}" for line in proc.stderr.splitlines()]


def test_okr_due_imports_neither_textual_nor_pendulum_nor_click(data):
    out = due("--data", str(data), "due")
    assert out == ["Check-in for 2026-W46 is missing: Grow", "EXIT 1 HEAVY -"]


def test_okr_due_quiet_and_lang_on_the_fast_path(data):
    assert due("--data", str(data), "--lang", "en", "due", "-q") == ["EXIT 1 HEAVY -"]
    assert due("--data", str(data), "due", "--quiet", today="2026-11-03") == ["EXIT 0 HEAVY -"]


def test_a_damaged_store_is_one_sentence_on_the_fast_path_too(data):
    (data / "okr.json").write_text("{ not json")
    out = due("--data", str(data), "due")
    assert out[0] in ("EXIT 1 HEAVY -", "EXIT 1 HEAVY orjson")  # a full read parses with orjson
    assert out[1].startswith("STDERR Error: ") and "okr restore" in out[1]


def test_a_damaged_store_is_said_in_chinese_on_the_fast_path_without_heavy_imports(data):
    (data / "okr.json").write_text("{ not json")
    out = due("--data", str(data), "--lang", "zh", "due")
    assert out[0] in ("EXIT 1 HEAVY -", "EXIT 1 HEAVY orjson")  # a full read parses with orjson
    assert out[1].startswith("STDERR Error: ") and "不是有效的 okr-checkin 数据文件" in out[1]


def test_plain_okr_without_a_terminal_goes_to_click_to_say_so(data):
    """The fast path opens the app only in a terminal; without one, click's ``okr``
    says it needs one (exit 2) instead of starting a full-screen app that never exits."""
    out = [line for line in due("--data", str(data)) if line.startswith("EXIT")]
    assert out == ["EXIT 2 HEAVY click"]


def test_lines_the_fast_path_is_not_sure_of_go_to_click(data, tmp_path):
    a_file = tmp_path / "file"
    a_file.write_text("")
    for args in (["due", "--help"], ["due", "--data", str(data)], ["--data", str(a_file), "due"]):
        out = [line for line in due(*args) if line.startswith("EXIT")]
        assert out[0].endswith("click"), (args, out)


def test_the_fast_path_knows_the_languages_click_knows():
    assert cli.LANGS == i18n.LANGS


def test_okr_due_answered_from_the_index_opens_no_store(data):
    """The save in the fixture wrote the index beside the store (store.index): ``okr due``
    reads it, and neither opens the store (store.storage, store.repo), nor builds a model,
    nor imports Markdown, pathlib or typing."""
    assert (data / "okr.json.index").exists()
    code = SCRIPT.replace(
        "print('EXIT'",
        "print('MODEL', sorted(m for m in ('store.model', 'store.storage', 'store.repo', "
        "'pathlib', 'typing', 'markdown_it', 'textual.widgets._markdown') if m in sys.modules))"
        "\nprint('EXIT'",
    )
    env = {**os.environ, "OKR_TODAY": "2026-11-10", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-c", code, "--data", str(data), "due"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.splitlines()[-2:] == ["MODEL []", "EXIT 1 HEAVY -"], proc.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="elsewhere platformdirs tells the data dir")
def test_okr_due_in_the_default_data_dir_imports_no_platformdirs(data, tmp_path):
    """Without --data nor OKR_DATA_DIR, the data dir is $XDG_DATA_HOME/okr-checkin: told
    without platformdirs (store.index.default_data_dir)."""
    xdg = tmp_path / "xdg"
    xdg.mkdir()
    data.rename(xdg / "okr-checkin")
    env = {**os.environ, "OKR_TODAY": "2026-11-10", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    env["XDG_DATA_HOME"] = str(xdg)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, "due"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.stdout.splitlines() == [
        "Check-in for 2026-W46 is missing: Grow",
        "EXIT 1 HEAVY -",
    ], proc.stderr


async def test_the_collector_is_off_until_the_first_frame_then_on_again(data):
    """The app's start-up runs without the cyclic garbage collector (tui.cli.pause_collector,
    as plain ``okr`` and every app command call it) and the app turns it back on once its
    first frame is painted: a long session collects as any program does."""
    import gc

    from waiting import until

    from tui.app import OkrApp

    try:
        cli.pause_collector()
        assert not gc.isenabled()
        app = OkrApp(Store(data))
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, gc.isenabled, "the collector on again after the first frame")
    finally:
        gc.enable()
