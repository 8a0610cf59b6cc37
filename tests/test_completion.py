"""Shell completion: click's own scripts, and the store's words completed the way click's
own tests drive it (``COMP_WORDS`` / ``COMP_CWORD`` with ``_OKR_COMPLETE=bash_complete``),
through the real ``okr`` entry point in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def complete(words: str, shell: str = "bash", data: Path | None = None) -> list[str]:
    """What ``okr`` offers for the last word of ``words`` (bash: "type,value" lines)."""
    env = {k: v for k, v in os.environ.items() if k not in ("OKR_DATA_DIR", "_OKR_COMPLETE")} | {
        "_OKR_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split(" ")) - 1),
        "OKR_TODAY": "2026-10-19",
        "PYTHONPATH": str(ROOT),
    }
    if data is not None:
        env["OKR_DATA_DIR"] = str(data)
    proc = subprocess.run(
        [sys.executable, "-m", "tui"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return [line for line in proc.stdout.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_clicks_script(shell):
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert "_OKR_COMPLETE" in result.stdout
    assert f"{shell}_complete" in result.stdout
    assert {"bash": "complete -o nosort -F", "zsh": "#compdef okr", "fish": "complete --no-files"}[
        shell
    ] in result.stdout


def test_completion_refuses_an_unknown_shell():
    result = CliRunner().invoke(cli, ["completion", "tcsh"])
    assert result.exit_code == 2


def test_commands_complete(demo_store):
    offered = complete("okr ch", data=demo_store.data_dir)
    assert offered == ["plain,chart", "plain,checkin"]


def test_objective_ids_complete(demo_store):
    [o] = demo_store.objectives()
    assert complete("okr checkin --objective ", data=demo_store.data_dir) == [f"plain,{o.id}"]
    assert complete(f"okr summary --objective {o.id[:3]}", data=demo_store.data_dir) == [
        f"plain,{o.id}"
    ]
    assert complete("okr checkin --objective zz", data=demo_store.data_dir) == []
    # With --data on the command line rather than in the environment.
    assert complete(f"okr --data {demo_store.data_dir} chart --objective ") == [f"plain,{o.id}"]


def test_zsh_shows_the_objective_title_beside_its_id(demo_store):
    [o] = demo_store.objectives()
    offered = complete("okr chart --objective ", shell="zsh", data=demo_store.data_dir)
    assert offered == ["plain", o.id, "Build a successful customer-expansion team"]


def test_weeks_months_and_kr_numbers_complete(demo_store):
    data = demo_store.data_dir
    weeks = complete("okr checkin --week 2026-W4", data=data)
    assert weeks == [f"plain,2026-W4{n}" for n in range(5)]
    assert complete("okr summary --month 2026-", data=data) == ["plain,2026-10"]
    assert complete("okr import x --month 2026-1", data=data) == ["plain,2026-10"]
    assert complete("okr chart ", data=data) == ["plain,1", "plain,2", "plain,3"]
    assert complete("okr chart K", data=data) == ["plain,KR1", "plain,KR2", "plain,KR3"]


@pytest.mark.parametrize("damage", ["missing", "not json", "newer"])
def test_a_damaged_or_missing_store_completes_nothing_and_never_fails(tmp_path, damage):
    data = tmp_path / "data"
    if damage != "missing":
        data.mkdir()
        text = "{ cut sho" if damage == "not json" else '{"meta": {"1": {"schema": 99}}}'
        (data / "okr.json").write_text(text)
    assert complete("okr checkin --objective ", data=data) == []
    assert complete("okr chart ", data=data) == []
    # Weeks and months still offer the current ones.
    assert complete("okr checkin --week 2026-W4", data=data) == ["plain,2026-W43"]
    assert not data.exists() or damage != "missing"  # completing never creates a store
