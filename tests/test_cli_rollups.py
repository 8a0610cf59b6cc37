"""``okr summary``, ``okr prep`` and ``okr due`` through click's CliRunner, and ``okr due`` in a subprocess."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.model import Meeting
from store.repo import Store
from tui.cli import cli
from tui.report import default_month

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Build a successful customer-expansion team 打造客户拓展团队"


def _golden():
    path = Path(__file__).with_name("test_rollup.py")
    spec = importlib.util.spec_from_file_location("_rollup_golden_cli", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = _golden()


@pytest.fixture
def data(tmp_path) -> Path:
    """A data dir holding the constructed quarter of test_rollup.py."""
    folder = tmp_path / "okr"
    store = Store(folder)
    objective, checkins, meetings = GOLDEN.october()
    # Restored, not saved one by one: the quarter holds a check-in of 2026-W49, a week
    # outside its period that save_checkin refuses today; a file holding one still opens
    # and the reports leave it out.
    store.restore(
        {
            "format": "okr-checkin",
            "version": 2,
            "objectives": [objective.to_dict()],
            "checkins": [c.to_dict() for c in checkins],
            "meetings": [m.to_dict() for m in meetings],
        }
    )
    store.close()
    return folder


def run(data: Path, *args: str, today: str = "2026-11-10"):
    env = {"OKR_TODAY": today, "LANG": "en_US.UTF-8"}
    return CliRunner().invoke(cli, ["--data", str(data), *args], env=env)


# -- okr summary -----------------------------------------------------------------------------


def test_cli_formats_are_the_report_formats():
    import tui.cli_rollups
    import tui.report

    assert tui.cli_rollups.FORMATS == tui.report.FORMATS


def test_default_month():
    from datetime import date

    assert default_month(date(2026, 11, 7)) == "2026-10"
    assert default_month(date(2026, 11, 8)) == "2026-11"
    assert default_month(date(2026, 1, 3)) == "2025-12"


def test_summary_text_for_the_month_just_ended(data):
    result = run(data, "summary", "--format", "text", today="2026-11-05")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("OKR summary: October 2026\n")
    assert f"Objective: {TITLE}" in out
    for note in GOLDEN.OCTOBER_NOTES:
        assert note in out
    for note in GOLDEN.OTHER_NOTES:
        assert note not in out


def test_summary_running_month_is_to_date(data):
    result = run(data, "summary", "--month", "2026-10", today="2026-10-20")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# OKR summary: October 2026 (to date)\n")


def test_summary_chinese_json_and_objective(data):
    zh = run(data, "summary", "--month", "2026-10", "--lang", "zh", "--format", "text")
    assert zh.exit_code == 0 and zh.stdout.startswith("OKR 月度总结：2026年10月\n")
    js = run(data, "summary", "--month", "2026-10", "--objective", "o1", "--format", "json")
    document = json.loads(js.stdout)
    assert [o["objective_id"] for o in document["objectives"]] == ["o1"]
    assert document["objectives"][0]["score"] == pytest.approx(0.65)
    unknown = run(data, "summary", "--objective", "nope")
    assert unknown.exit_code == 2
    assert "no objective 'nope'" in unknown.output


def test_summary_no_objective_in_month(data):
    result = run(data, "summary", "--month", "2027-05", "--format", "text")
    assert result.exit_code == 0
    assert "No objective covers May 2027." in result.stdout


def test_summary_to_file(data, tmp_path):
    target = tmp_path / "out" / "october.md"
    result = run(data, "summary", "--month", "2026-10", "-o", str(target))
    # A folder that does not exist is not made (a typo must not create folders).
    assert result.exit_code == 1
    assert f"cannot use {target}: No such file or directory" in result.output
    assert not target.parent.exists()
    target.parent.mkdir()
    result = run(data, "summary", "--month", "2026-10", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"Summary written to {target}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text("utf-8") == run(data, "summary", "--month", "2026-10").stdout


@pytest.mark.parametrize(
    "args, name",
    [
        (["summary", "--month", "2026-13"], "--month"),
        (["summary", "--month", "x"], "--month"),
        (["summary", "--lang", "fr"], "--lang"),
        (["summary", "--format", "pdf"], "--format"),
        (["prep", "--since", "2026-02-30"], "--since"),
        (["prep", "--since", "yesterday"], "--since"),
        (["prep", "--lang", "de"], "--lang"),
        (["prep", "--date", "2026-10-01"], "--date"),
        (["prep", "--record", "--date", "10/01"], "--date"),
        (["prep", "--record", "--since", "2026-10-01"], "--since"),
        (["due", "--lang", "fr"], "--lang"),
    ],
)
def test_usage_errors_exit_2(data, args, name):
    result = run(data, *args)
    assert result.exit_code == 2, result.output
    assert name in result.output
    assert "Traceback" not in result.output


# -- okr prep --------------------------------------------------------------------------------


def test_prep_since_last_meeting_and_given(data):
    result = run(data, "prep", "--format", "text", today="2026-10-27")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("One-on-one prep: since 2026-10-17\n")
    assert "改为每周两次拜访" in result.stdout and "加大投放" not in result.stdout
    given = run(data, "prep", "--since", "2026-10-01", "--lang", "zh", today="2026-10-27")
    assert given.exit_code == 0
    assert given.stdout.startswith("# 一对一准备：自 2026-10-01 起")
    assert "加大投放" in given.stdout


def test_prep_record(data):
    result = run(
        data,
        "prep",
        "--record",
        "--date",
        "2026-10-27",
        "--notes",
        "agreed 预算",
        today="2026-10-27",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "Recorded the one-on-one of 2026-10-27\n"
    store = Store(data)
    assert store.meetings()[-2] == Meeting("2026-10-27", "agreed 预算")
    store.close()
    after = run(data, "prep", "--format", "json", today="2026-10-28")
    assert json.loads(after.stdout)["since"] == "2026-10-28"
    default_day = run(data, "prep", "--record", today="2026-10-29")
    assert default_day.stdout == "Recorded the one-on-one of 2026-10-29\n"


# -- okr due ---------------------------------------------------------------------------------


def test_due_missing_done_quiet_and_chinese(data):
    missing = run(data, "due", today="2026-11-10")  # 2026-W46 has no check-in
    assert missing.exit_code == 1
    assert missing.stdout == f"Check-in for 2026-W46 is missing: {TITLE}\n"
    quiet = run(data, "due", "-q", today="2026-11-10")
    assert (quiet.exit_code, quiet.stdout) == (1, "")
    zh = run(data, "due", "--lang", "zh", today="2026-11-10")
    assert (zh.exit_code, zh.stdout) == (1, f"2026-W46 的周度更新未完成：{TITLE}\n")
    done = run(data, "due", today="2026-10-20")  # 2026-W43 is saved
    assert (done.exit_code, done.stdout) == (0, "")
    ended = run(data, "due", today="2026-12-10")  # the period is over
    assert (ended.exit_code, ended.stdout) == (0, "")


def test_due_ignores_archived_and_drafts(data):
    store = Store(data)
    objective = store.objective("o1")
    store.save_draft("o1", "2026-W46", {"note": "half typed"})
    assert run(data, "due", today="2026-11-10").exit_code == 1  # a draft is not a check-in
    objective.archived = True
    store.save_objective(objective)
    store.close()
    assert run(data, "due", today="2026-11-10").exit_code == 0


def test_due_follows_the_week_rule_at_period_edges(tmp_path):
    """A week is due when its Thursday is in the period: 2026-W53 (Thu 31 Dec) is Q4's on
    31 December and on 1 January alike; W49 (Thu 3 Dec) is not November's; closed or
    archived objectives are never due."""
    from store.model import Objective, Review

    folder = tmp_path / "edges"
    store = Store(folder)
    store.save_objective(Objective("q4", "Q4 objective", "2026-10-01", "2026-12-31"))
    store.save_objective(Objective("nov", "November objective", "2026-11-01", "2026-11-30"))
    store.close()
    for day in ("2026-12-31", "2027-01-01"):
        result = run(folder, "due", today=day)
        assert (result.exit_code, result.stdout) == (
            1,
            "Check-in for 2026-W53 is missing: Q4 objective\n",
        ), day
    assert run(folder, "due", today="2027-01-04").exit_code == 0  # 2027-W01: Q4 is over
    dec = run(folder, "due", today="2026-11-30")  # 2026-W49 belongs to December
    assert (dec.exit_code, dec.stdout) == (1, "Check-in for 2026-W49 is missing: Q4 objective\n")
    store = Store(folder)
    q4 = store.objective("q4")
    q4.review = Review("2026-12-31")
    store.save_objective(q4)
    store.close()
    assert run(folder, "due", today="2026-12-31").exit_code == 0  # closed: never due


def test_due_in_a_shell_does_not_import_textual(data):
    script = (
        "import sys\n"
        f"sys.argv = ['okr', '--data', {str(data)!r}, 'due']\n"
        "from tui.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('EXIT', code, 'TEXTUAL', len(loaded))\n"
    )
    env = {**os.environ, "OKR_TODAY": "2026-11-10", "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8"}
    env.pop("OKR_DATA_DIR", None)
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines == [f"Check-in for 2026-W46 is missing: {TITLE}", "EXIT 1 TEXTUAL 0"]
