"""What the team tests share: git from the machine (never skipped), a bare repository made
in the test, leads' data dirs, and a search through every object of a repository.

Every team test runs with a git that has no user name or e-mail configured (an empty
global config, no system config), as on a fresh machine: publishing must not need one.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.repo import Store
from tui.cli import cli

NEEDS_GIT = (
    "the team tests need the git command and there is none on this machine: install git "
    "(.ci/run takes it from the machine); they are never skipped"
)


@pytest.fixture(autouse=True)
def git_without_identity(tmp_path, monkeypatch):
    """git must be there (else the test fails, saying so), configured with nothing."""
    if shutil.which("git") is None:
        pytest.fail(NEEDS_GIT, pytrace=False)
    empty = tmp_path / "empty-gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for name in (
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
        "GIT_DIR",
        "GIT_WORK_TREE",
    ):
        monkeypatch.delenv(name, raising=False)


def sh_git(*args: str, cwd: Path | None = None, check: bool = True) -> str:
    """git run by the test itself (setting things up, looking into a repository)."""
    proc = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
    )
    if check and proc.returncode:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def bare_repo(path: Path) -> Path:
    sh_git("init", "--quiet", "--bare", str(path))
    return path


def repo_text(bare: Path) -> str:
    """Every object of the repository (every version of every file, every commit), as text:
    what "search the repository's files" must search, history included."""
    raw = subprocess.run(
        ["git", "cat-file", "--batch-all-objects", "--batch"],
        cwd=bare,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    return raw.decode("utf-8", "replace") + sh_git("log", "--all", "-p", cwd=bare)


def commits(bare: Path) -> list[str]:
    """(author) subject of every commit of the repository, newest first."""
    return sh_git("log", "--all", "--format=%an|%s", cwd=bare).splitlines()


def okr(data: Path, *args: str, today: str = "2026-10-19", lang: str = "en_US.UTF-8"):
    env = {"OKR_TODAY": today, "LANG": lang}
    return CliRunner().invoke(cli, ["--data", str(data), *args], env=env)


def golden_module():
    """tests/test_rollup.py: the constructed quarter with known answers."""
    path = Path(__file__).with_name("test_rollup.py")
    spec = importlib.util.spec_from_file_location("_rollup_golden_team", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = golden_module()
MEETING_SECRET = "SECRET-ONE-ON-ONE 绩效谈话内容"
DRAFT_SECRET = "SECRET-DRAFT half-typed 草稿"


def golden_lead(folder: Path) -> Path:
    """The constructed quarter of test_rollup.py (owner Li Lei 李雷), with its one-on-ones,
    one of them holding a secret, and a draft holding another."""
    store = Store(folder)
    objective, checkins, meetings = GOLDEN.october()
    # Restored, not saved one by one: the quarter holds a check-in of 2026-W49, a week
    # outside its period that save_checkin refuses; a file holding one still opens.
    store.restore(
        {
            "format": "okr-checkin",
            "version": 2,
            "objectives": [objective.to_dict()],
            "checkins": [c.to_dict() for c in checkins],
            "meetings": [m.to_dict() for m in meetings],
        }
    )
    from store.model import Meeting

    store.add_meeting(Meeting("2026-10-20", MEETING_SECRET))
    store.save_draft(objective.id, "2026-W46", {"note": DRAFT_SECRET})
    store.close()
    return folder


def demo_lead(folder: Path, lang: str = "zh") -> Path:
    """The example OKR with three weeks of check-ins (built on the pinned day)."""
    from store.demo import build_demo

    store = Store(folder)
    build_demo(store, lang)
    store.close()
    return folder


def store_bytes(folder: Path) -> bytes:
    return (folder / "okr.json").read_bytes()


def newer_version(document: bytes, version: int = 99) -> bytes:
    """A lead's file as a newer okr-checkin would write it (whatever version is ours)."""
    import re

    newer, count = re.subn(rb'"version": \d+', b'"version": %d' % version, document, count=1)
    assert count == 1 and newer != document
    return newer
