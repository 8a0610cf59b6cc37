"""Hooks: executables in <data dir>/hooks/ fed one JSON document after a save.

A hook that records its stdin, one that exits 1, one that sleeps past the timeout and
one without the run bit: each is reported in one line, and every save is still stored.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import hooks
from store.model import CheckIn, KRCheck
from store.repo import Store
from tui.cli import cli
from tui.terminal import hook_sentence

TODAY = "2026-10-19"


def hook(data_dir: Path, name: str, body: str, *, executable: bool = True) -> Path:
    folder = data_dir / "hooks"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o700 if executable else 0o600)
    return path


def recorder(data_dir: Path, name: str) -> Path:
    """A hook that keeps its stdin and its environment's OKR_HOOK."""
    out = data_dir / f"{name}.got"
    hook(data_dir, name, f'cat > "{out}"; echo "$OKR_HOOK" > "{out}.env"')
    return out


def test_no_hook_is_no_problem(tmp_path):
    assert hooks.run_hook(tmp_path, "on-checkin", {"a": 1}) is None


def test_a_hook_receives_the_document_on_stdin(tmp_path):
    got = recorder(tmp_path, "on-summary")
    assert hooks.run_hook(tmp_path, "on-summary", {"month": "2026-10", "名": "目标"}) is None
    assert json.loads(got.read_text(encoding="utf-8")) == {"month": "2026-10", "名": "目标"}
    assert got.with_suffix(".got.env").read_text().strip() == "on-summary"


def test_a_failing_hook_is_one_line_with_its_last_error_line(tmp_path):
    hook(tmp_path, "on-checkin", 'echo "first" >&2; echo "smtp: \x1b[2Jrefused" >&2; exit 3')
    problem = hooks.run_hook(tmp_path, "on-checkin", {})
    assert problem.reason == "failed" and problem.status == 3
    assert "\n" not in problem and "\x1b" not in problem
    assert str(problem).startswith("hook on-checkin failed with exit status 3: smtp: ?[2Jrefused")
    assert hook_sentence(problem, "zh").startswith("钩子 on-checkin 失败，退出状态 3")


def test_a_hook_past_its_timeout_is_stopped_with_what_it_started(tmp_path):
    marker = tmp_path / "late"
    hook(tmp_path, "on-close", f'sleep 30; touch "{marker}"')
    began = time.monotonic()
    problem = hooks.run_hook(tmp_path, "on-close", {}, timeout=0.5)
    assert time.monotonic() - began < 5  # not the 30 s of the sleep it started
    assert problem.reason == "timeout"
    assert "stopped after 0.5 s" in problem
    assert not marker.exists()


def test_a_hook_without_the_run_bit_is_not_run(tmp_path):
    marker = tmp_path / "ran"
    path = hook(tmp_path, "on-publish", f'touch "{marker}"', executable=False)
    problem = hooks.run_hook(tmp_path, "on-publish", {})
    assert problem.reason == "not_executable" and str(path) in problem
    assert not marker.exists()


def test_okr_run_by_a_hook_fires_no_hook(tmp_path, monkeypatch):
    marker = tmp_path / "ran"
    hook(tmp_path, "on-summary", f'touch "{marker}"')
    monkeypatch.setenv("OKR_HOOK", "on-summary")  # as a hook's own `okr summary` sees it
    assert hooks.run_hook(tmp_path, "on-summary", {}) is None
    assert not marker.exists()


def test_timeout_setting(monkeypatch):
    assert hooks.hook_timeout({}) == 10
    assert hooks.hook_timeout({"OKR_HOOK_TIMEOUT": "2.5"}) == 2.5
    assert hooks.hook_timeout({"OKR_HOOK_TIMEOUT": "-1"}) == 10
    assert hooks.hook_timeout({"OKR_HOOK_TIMEOUT": "soon"}) == 10
    with pytest.raises(ValueError):
        hooks.run_hook(".", "on-everything", {})


def test_after_checkin_sends_the_saved_checkin_with_its_objective(demo_store):
    got = recorder(demo_store.data_dir, "on-checkin")
    [o] = demo_store.objectives()
    checkin = CheckIn(o.id, "2026-W43", TODAY, "Win: 25", [KRCheck(o.key_results[1].id, 25, 6)])
    demo_store.save_checkin(checkin)
    assert hooks.after_checkin(demo_store, checkin) is None
    document = json.loads(got.read_text(encoding="utf-8"))
    assert document["hook"] == "on-checkin"
    assert document["checkin"]["week"] == "2026-W43"
    assert document["checkin"]["key_results"][0]["value"] == 25
    assert document["objective"]["id"] == o.id


# -- through the command line: every save is still stored ------------------------------------

EDITOR = """#!/bin/sh
sed -i -e 's/^value: 21$/value: 24/' "$1"
"""


@pytest.fixture
def editor(tmp_path, monkeypatch):
    path = tmp_path / "editor.sh"
    path.write_text(EDITOR)
    path.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(path))
    monkeypatch.delenv("VISUAL", raising=False)
    return path


@pytest.mark.parametrize(
    ("body", "executable", "said"),
    [
        ("cat > /dev/null", True, None),
        ("echo 'webhook down' >&2; exit 1", True, "failed with exit status 1: webhook down"),
        ("sleep 30", True, "was stopped after 0.5 s"),
        ("cat > /dev/null", False, "is not executable"),
    ],
    ids=["ok", "exit-1", "timeout", "no-run-bit"],
)
def test_every_editor_save_is_stored_whatever_the_hook_does(
    demo_store, editor, monkeypatch, body, executable, said
):
    monkeypatch.setenv("OKR_HOOK_TIMEOUT", "0.5")
    hook(demo_store.data_dir, "on-checkin", body, executable=executable)
    result = CliRunner().invoke(cli, ["--data", str(demo_store.data_dir), "checkin", "--editor"])
    assert result.exit_code == 0, result.output
    assert "Check-in 2026-W43 of Build a successful customer-expansion team saved." in result.stdout
    [o] = Store(demo_store.data_dir).objectives()
    saved = Store(demo_store.data_dir).checkin(o.id, "2026-W43")
    assert saved is not None and saved.kr(o.key_results[1].id).value == 24
    if said is None:
        assert result.stderr == ""
    else:
        [line] = result.stderr.splitlines()
        assert said in line and line.endswith("the save stands.")


def test_summary_hook_gets_the_json_summary_after_the_output(demo_store, tmp_path):
    got = recorder(demo_store.data_dir, "on-summary")
    out = tmp_path / "summary.md"
    result = CliRunner().invoke(
        cli, ["--data", str(demo_store.data_dir), "summary", "--month", "2026-10", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")  # Markdown was asked for
    document = json.loads(got.read_text(encoding="utf-8"))
    assert document["format"] == "okr-summary" and document["month"] == "2026-10"
    kr2 = document["objectives"][0]["key_results"][1]
    assert kr2["series"]["values"][:3] == [6, 14, 21]


def test_a_failing_summary_hook_is_reported_and_the_summary_still_printed(demo_store):
    hook(demo_store.data_dir, "on-summary", "exit 2")
    result = CliRunner().invoke(cli, ["--data", str(demo_store.data_dir), "summary"])
    assert result.exit_code == 0
    assert "Build a successful customer-expansion team" in result.stdout
    assert result.stderr.strip().startswith("hook on-summary failed with exit status 2")


def test_hooks_dir_is_beside_the_store(tmp_path):
    assert hooks.hooks_dir(tmp_path) == tmp_path / "hooks"
    assert set(hooks.HOOKS) == {"on-checkin", "on-close", "on-summary", "on-publish"}
    assert os.fspath(hooks.hooks_dir(str(tmp_path))) == os.fspath(tmp_path / "hooks")
