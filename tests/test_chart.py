"""``okr chart`` (plotext text) and the app's chart screen (textual-plotext)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.model import CheckIn, KeyResult, KRCheck, Objective
from store.repo import Store
from tui.cli import cli
from tui.text import cell_width

ROOT = Path(__file__).resolve().parents[1]

GOLDEN = """\
KR1 · Win 40 new customers
● value 20 customers (2026-W42)  ··· linear path
── target 40 customers  █ confidence 0-10
  ┌────────────────────────────────────────────────────────┐
40┤         ─────────────────────────────────────────────· │
  │                                             ·········  │
20┤                         ●          ·········           │
  │               ●•••••••••  ·········                    │
  │     ●•••••••••   ·········                             │
 0┤         ·········                                      │
  └─────┬─────────┬─────────┬─────────┬─────────┬──────────┘
       W40       W41       W42       W43       W44
  ┌────────────────────────────────────────────────────────┐
10┤                                                        │
  │   ▄▄▄▄▖     █████                                      │
 5┤   ████▌     █████     ▗▄▄▄▄                            │
  │   ████▌     █████     ▐████                            │
 0┤   ████▌     █████     ▐████                            │
  └─────┬─────────┬─────────┬─────────┬─────────┬──────────┘
       W40       W41       W42       W43       W44
"""


@pytest.fixture
def known(store) -> Store:
    """One KR, 0 -> 40 customers in October 2026, checked in W40-W42."""
    store.save_objective(
        Objective(
            "o1",
            "Grow the team",
            "2026-10-01",
            "2026-10-31",
            key_results=[KeyResult("kr1", "Win 40 new customers", "number", 0, 40, "customers")],
        )
    )
    for week, day, value, confidence in (
        ("2026-W40", "2026-09-28", 5, 7),
        ("2026-W41", "2026-10-05", 12, 8),
        ("2026-W42", "2026-10-12", 20, 4),
    ):
        store.save_checkin(
            CheckIn("o1", week, day, key_results=[KRCheck("kr1", value, confidence)])
        )
    return store


def okr(store: Store, *args):
    return CliRunner().invoke(cli, ["--data", str(store.data_dir), *args])


def test_okr_chart_of_a_known_series_piped(known):
    result = okr(known, "chart", "1", "--width", "60", "--height", "20")
    assert result.exit_code == 0, result.output
    assert result.stdout == GOLDEN
    assert "\x1b" not in result.stdout


def test_okr_chart_every_kr_and_kr_forms(demo_store):
    everything = okr(demo_store, "chart")
    assert everything.exit_code == 0, everything.output
    titles = [line for line in everything.stdout.splitlines() if line.startswith("KR")]
    assert [t.split(" · ")[0] for t in titles] == ["KR1", "KR2", "KR3"]
    [o] = demo_store.objectives()
    by_number = okr(demo_store, "chart", "KR2").stdout
    assert by_number == okr(demo_store, "chart", o.key_results[1].id).stdout
    assert by_number.splitlines()[1].startswith("● value 21 new customers (2026-W42)")
    assert all(cell_width(line) <= 80 for line in everything.stdout.splitlines())


def test_okr_chart_mistakes(demo_store, store):
    result = okr(demo_store, "chart", "7")
    assert result.exit_code == 2 and "has no key result '7'; it has KR1 to KR3" in result.output
    result = okr(demo_store, "chart", "--objective", "nope")
    assert result.exit_code == 1 and "there is no objective 'nope'" in result.stderr
    result = okr(demo_store, "chart", "--width", "20")
    assert result.exit_code == 2
    [o] = demo_store.objectives()
    other = Objective("o2", "Another", o.start, o.end, key_results=[KeyResult("k", "Ship")])
    demo_store.save_objective(other)
    result = okr(demo_store, "chart")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: several objectives are running: give --objective ID")
    assert okr(demo_store, "chart", "--objective", "o2").exit_code == 0


def test_chinese_titles_and_units_keep_the_chart_within_80_columns(demo_store_zh):
    [o] = demo_store_zh.objectives()
    o.key_results[
        2
    ].title = "在开发新客户活动X大平台上收获10w粉丝，并且把每一位新粉丝都转化为潜在客户线索"
    demo_store_zh.save_objective(o)
    result = okr(demo_store_zh, "--lang", "zh", "chart", "3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("KR3 · 在开发新客户活动") and lines[0].endswith("…")
    assert "31,000 粉丝（2026-W42）" in result.stdout and "目标值 100,000 粉丝" in result.stdout
    assert all(cell_width(line) <= 80 for line in lines)
    # The plots hold no wide character: their frames line up, column for column.
    frames = [line for line in lines if line.lstrip().startswith(("┌", "└"))]
    assert len({line.index("┌" if "┌" in line else "└") for line in frames}) == 1
    assert len({cell_width(line.rstrip()) for line in frames if "┌" in line}) == 1


def _on_a_terminal(data: Path, **env) -> bytes:
    """``okr chart 2`` with its output on a pseudo-terminal."""
    primary, secondary = pty.openpty()
    environment = {
        **{k: v for k, v in os.environ.items() if k != "NO_COLOR"},
        "PYTHONPATH": str(ROOT),
        "OKR_TODAY": "2026-10-19",
        "COLUMNS": "80",
        **env,
    }
    proc = subprocess.run(
        [sys.executable, "-m", "tui", "--data", str(data), "chart", "2", "--width", "80"],
        stdout=secondary,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=environment,
        timeout=60,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    assert proc.returncode == 0, proc.stderr
    return b"".join(chunks)


def test_colours_only_on_a_terminal_and_never_with_no_color(demo_store):
    coloured = _on_a_terminal(demo_store.data_dir)
    assert b"\x1b[" in coloured and b"Win 50 new customers" in coloured
    plain = _on_a_terminal(demo_store.data_dir, NO_COLOR="1")
    assert b"\x1b" not in plain and b"Win 50 new customers" in plain
    # An empty NO_COLOR does not count (no-color.org).
    assert b"\x1b[" in _on_a_terminal(demo_store.data_dir, NO_COLOR="")


def test_plotext_is_imported_by_okr_chart_only(demo_store):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        "def run(*args):\n"
        f"    r = CliRunner().invoke(cli, ['--data', {str(demo_store.data_dir)!r}, *args])\n"
        "    assert r.exit_code == 0, r.output\n"
        "for args in (['list'], ['summary'], ['summary', '--format', 'json'],\n"
        "             ['checkin', '--print'], ['completion', 'bash']):\n"
        "    run(*args)\n"
        "print('plotext' in sys.modules, 'textual' in sys.modules)\n"
        "run('chart')\n"
        "print('plotext' in sys.modules, 'textual' in sys.modules)\n"
    )
    env = {**os.environ, "OKR_TODAY": "2026-10-19", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["False", "False", "True", "False"]


def test_the_json_summary_carries_each_krs_series(demo_store):
    import json

    result = okr(demo_store, "summary", "--month", "2026-10", "--format", "json")
    assert result.exit_code == 0, result.output
    [objective] = json.loads(result.stdout)["objectives"]
    kr2 = objective["key_results"][1]
    assert kr2["series"]["weeks"] == [f"2026-W{n}" for n in range(40, 45)]
    assert kr2["series"]["values"] == [6, 14, 21, None, None]
    assert kr2["series"]["confidence"] == [6, 6, 5, None, None]
    assert kr2["series"]["target"] == [50] * 5
