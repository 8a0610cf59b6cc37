"""store.team against a local bare repository made in the test (no network): names, join,
publish, pull, two leads at once, offline, damaged and foreign files, what is private."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest
from team_helpers import (  # noqa: F401  (git_without_identity: autouse fixture)
    DRAFT_SECRET,
    MEETING_SECRET,
    bare_repo,
    commits,
    demo_lead,
    git_without_identity,
    golden_lead,
    newer_version,
    repo_text,
    sh_git,
    store_bytes,
)

from store import team
from store.model import KRCheck
from store.repo import Store


@pytest.fixture
def remote(tmp_path) -> Path:
    return bare_repo(tmp_path / "team.git")


@pytest.fixture
def lead_a(tmp_path, remote) -> Path:
    folder = golden_lead(tmp_path / "lead-a")
    team.join(folder, str(remote))
    return folder


@pytest.fixture
def lead_b(tmp_path, remote) -> Path:
    folder = demo_lead(tmp_path / "lead-b", "zh")
    team.join(folder, str(remote))
    return folder


@pytest.fixture
def manager(tmp_path, remote) -> Path:
    folder = tmp_path / "manager"
    team.join(folder, str(remote))
    return folder


def other_clone(tmp_path, remote, name="hand") -> Path:
    """A plain git clone someone works in by hand (to commit odd files)."""
    path = tmp_path / name
    sh_git("clone", "--quiet", str(remote), str(path))
    return path


def push_by_hand(clone: Path, files: dict[str, bytes], message="by hand") -> None:
    for rel, data in files.items():
        target = clone / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    sh_git("add", "-A", cwd=clone)
    ident = ["-c", "user.name=Hand", "-c", "user.email=hand@example.invalid"]
    sh_git(*ident, "commit", "--quiet", "-m", message, cwd=clone)
    sh_git("pull", "--quiet", "--rebase", cwd=clone, check=False)
    sh_git("push", "--quiet", "origin", "HEAD", cwd=clone)


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Li Lei 李雷", "li-lei-李雷"),
        ("王芳", "王芳"),
        ("José  Núñez", "jose-nunez"),
        ("ana_b-2", "ana_b-2"),
        ("  Kim, Min-ji ", "kim-min-ji"),
        ("ＦＵＬＬ　ｗｉｄｔｈ", "full-width"),
    ],
)
def test_slug_keeps_ascii_letters_digits_and_cjk(name, expected):
    assert team.slug(name) == expected


@pytest.mark.parametrize(
    "name", ["../x", "/etc/x", "a/b", "a\\b", "..", ".hidden", "", "   ", "a\x1b[2Jb", "x\u202ey"]
)
def test_names_that_could_escape_leads_are_refused(name):
    with pytest.raises(team.TeamError):
        team.slug(name)


def test_a_name_with_nothing_to_keep_is_refused():
    with pytest.raises(team.TeamError, match="no letter or digit"):
        team.slug("!!! ???")


def test_publish_refuses_an_escaping_name_and_writes_nothing(lead_a, tmp_path):
    for name in ("../x", "/etc/x", "../../outside"):
        with pytest.raises(team.TeamError, match="cannot be a lead's name"):
            team.publish(lead_a, Store(lead_a), name)
    clone = team.team_dir(lead_a)
    assert not (clone / "x.json").exists() and not (clone.parent / "x.json").exists()
    assert not (tmp_path / "outside.json").exists()
    assert not list((clone / "leads").glob("*.json")) if (clone / "leads").exists() else True


def test_a_leads_folder_committed_as_a_symlink_is_never_written_through(tmp_path, remote, lead_a):
    hand = other_clone(tmp_path, remote)
    os.symlink(str(tmp_path / "elsewhere"), hand / "leads")
    (tmp_path / "elsewhere").mkdir()
    sh_git("add", "leads", cwd=hand)
    sh_git("-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "link", cwd=hand)
    sh_git("push", "--quiet", "origin", "HEAD", cwd=hand)
    team.pull(lead_a)
    with pytest.raises(team.TeamError, match="not a plain folder"):
        team.publish(lead_a, Store(lead_a), "li")
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert team.read_leads(lead_a) == ([], [])


# -- running git ----------------------------------------------------------------------------


def fake_git(tmp_path, monkeypatch, script: str) -> None:
    """A ``git`` on PATH that runs ``script`` (sh) instead of git."""
    folder = tmp_path / "fake-bin"
    folder.mkdir()
    exe = folder / "git"
    exe.write_text("#!/bin/sh\n" + script + "\n")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


def test_git_gets_an_argument_list_no_prompt_and_no_terminal(tmp_path, monkeypatch):
    fake_git(
        tmp_path,
        monkeypatch,
        'for a in "$@"; do echo "arg:$a"; done\n'
        'echo "prompt:$GIT_TERMINAL_PROMPT"\n'
        "if (exec 3</dev/tty) 2>/dev/null; then echo tty:yes; else echo tty:no; fi",
    )
    result = team.git(["log", "--format=%s; rm -rf /", "a b"])
    assert result.ok
    assert result.out.splitlines() == [
        "arg:log",
        "arg:--format=%s; rm -rf /",  # one argument, never seen by a shell
        "arg:a b",
        "prompt:0",
        "tty:no",
    ]


def test_a_git_that_hangs_is_stopped_by_the_timeout(tmp_path, monkeypatch):
    import time

    fake_git(tmp_path, monkeypatch, "sleep 30 & sleep 30")
    start = time.monotonic()
    result = team.git(["-c", "x=y", "fetch", "origin"], timeout=0.5)
    assert time.monotonic() - start < 10
    assert result.code == -1 and result.line() == "git fetch took longer than 0.5 s"


# -- join ---------------------------------------------------------------------------------------


def test_join_clones_into_the_data_dir(manager, remote):
    clone = team.team_dir(manager)
    assert (clone / ".git").is_dir()
    assert team.remote_url(manager) == str(remote)
    assert team.is_joined(manager)


def test_join_the_same_repository_again_only_says_so(manager, remote):
    again = team.join(manager, str(remote))
    assert again.already


def test_join_another_repository_is_refused(manager, tmp_path):
    other = bare_repo(tmp_path / "other.git")
    with pytest.raises(team.TeamError, match="already joined"):
        team.join(manager, str(other))


def test_join_says_why_not(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    with pytest.raises(team.TeamError, match="is not a git repository"):
        team.join(tmp_path / "d1", str(plain))
    with pytest.raises(team.TeamError, match="does not exist"):
        team.join(tmp_path / "d2", str(tmp_path / "missing.git"))
    with pytest.raises(team.Unreachable, match="cannot reach the team repository"):
        team.join(tmp_path / "d3", f"file://{tmp_path}/missing.git")
    for d in ("d1", "d2", "d3"):  # nothing half-cloned is left behind
        assert not (tmp_path / d / "team").exists()
        assert not list((tmp_path / d).glob(".team-joining-*")) if (tmp_path / d).exists() else 1


def test_no_git_is_one_clear_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    with pytest.raises(team.GitMissing, match="install git"):
        team.join(tmp_path / "d", str(tmp_path))


def test_a_folder_in_the_way_is_not_taken_for_a_clone(tmp_path, remote):
    data = tmp_path / "d"
    (data / "team").mkdir(parents=True)
    with pytest.raises(team.TeamError, match="not a team clone"):
        team.join(data, str(remote))


# -- publish and pull -------------------------------------------------------------------------


def test_publish_pushes_the_leads_file_committed_as_the_lead(lead_a, remote):
    result = team.publish(lead_a, Store(lead_a), "Li Lei 李雷")
    assert result.pushed and result.committed and not result.offline
    assert result.file == "leads/li-lei-李雷.json"
    assert commits(remote) == ["Li Lei 李雷|Publish leads/li-lei-李雷.json (2026-10-19)"]
    listed = sh_git("ls-tree", "-r", "-z", "--name-only", "HEAD", cwd=remote).split("\0")
    assert "leads/li-lei-李雷.json" in listed


def test_publish_again_unchanged_makes_no_commit(lead_a, remote):
    team.publish(lead_a, Store(lead_a), "li")
    again = team.publish(lead_a, Store(lead_a))  # the name is remembered
    assert again.file == "leads/li.json" and not again.committed and again.pushed
    assert len(commits(remote)) == 1


def test_the_name_defaults_to_the_objectives_owner(lead_a):
    result = team.publish(lead_a, Store(lead_a))
    assert result.name == "Li Lei 李雷" and result.slug == "li-lei-李雷"


def test_the_name_defaults_to_the_user_without_an_owner(tmp_path, remote, monkeypatch):
    monkeypatch.setenv("LOGNAME", "wangfang")
    monkeypatch.setenv("USER", "wangfang")
    folder = demo_lead(tmp_path / "lead", "en")  # the demo objective has no owner
    team.join(folder, str(remote))
    assert team.publish(folder, Store(folder)).slug == "wangfang"


def test_what_is_published_is_the_export_minus_the_one_on_ones(lead_a, remote, tmp_path):
    store = Store(lead_a)
    team.publish(lead_a, store, "li")
    text = repo_text(remote)
    assert "Need budget approval 需要预算" in text  # a week note: the search finds text
    assert "放弃：成本太高" in text  # an adjustment
    assert MEETING_SECRET not in text
    assert "谈了预算" not in text  # the notes of every one-on-one
    assert DRAFT_SECRET not in text
    fresh = tmp_path / "fresh"
    sh_git("clone", "--quiet", str(remote), str(fresh))
    everything = b"".join(p.read_bytes() for p in fresh.rglob("*") if p.is_file())
    assert MEETING_SECRET.encode() not in everything and DRAFT_SECRET.encode() not in everything
    document = team.published_document(store)
    assert "meetings" not in document
    assert document["objectives"] == store.export()["objectives"]
    assert document["checkins"] == store.export()["checkins"]


def test_pull_brings_the_others_files(lead_a, lead_b, manager):
    assert team.pull(manager).leads == 0
    team.publish(lead_a, Store(lead_a), "li")
    team.publish(lead_b, Store(lead_b), "王芳")
    pulled = team.pull(manager)
    assert pulled.leads == 2
    assert sorted(pulled.changed) == ["leads/li.json", "leads/王芳.json"]
    leads, skipped = team.read_leads(manager)
    assert [x.name for x in leads] == ["li", "王芳"] and skipped == []
    assert team.pull(manager).changed == []


def test_two_leads_publishing_at_the_same_moment_both_land(tmp_path, remote):
    folders = [golden_lead(tmp_path / f"lead-{n}") for n in range(2)]
    for f in folders:
        team.join(f, str(remote))
    rounds = 3
    for round_ in range(rounds):
        gate = threading.Barrier(len(folders))
        errors: list[BaseException] = []

        def go(folder: Path, n: int, round_: int, gate: threading.Barrier, errors: list) -> None:
            store = Store(folder)
            if round_:
                _save_value(store, 10 * round_ + n)  # something new to publish each round
            gate.wait()
            try:
                assert team.publish(folder, store, f"lead {n}").pushed
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [
            threading.Thread(target=go, args=(f, n, round_, gate, errors))
            for n, f in enumerate(folders)
        ]
        for th in threads:
            th.start()
        for th in threads:
            th.join(timeout=120)
        assert errors == []
    files = sh_git("ls-tree", "-r", "--name-only", "HEAD", cwd=remote).split()
    assert sorted(files) == ["leads/lead-0.json", "leads/lead-1.json"]
    log = commits(remote)
    assert len(log) == 2 * rounds  # every publish of every round is a commit of its own
    for n in range(2):
        assert sum(line.startswith(f"lead {n}|") for line in log) == rounds
    for n in range(2):  # the last round's values are what was pushed
        shown = sh_git("show", f"HEAD:leads/lead-{n}.json", cwd=remote)
        assert f'"value": {10 * (rounds - 1) + n}' in shown


def test_two_leads_of_one_name_do_not_replace_each_others_file(tmp_path, remote, lead_a):
    team.publish(lead_a, Store(lead_a), "王伟")
    other = demo_lead(tmp_path / "other-wang-wei", "zh")
    team.join(other, str(remote))
    with pytest.raises(team.TeamError, match="someone else's"):
        team.publish(other, Store(other), "王伟")
    assert '"o1"' in sh_git("show", "HEAD:leads/王伟.json", cwd=remote)  # still lead A's
    assert team.publish(other, Store(other), "王伟 sales").pushed
    assert team.publish(lead_a, Store(lead_a)).pushed  # A keeps publishing under its name


def test_a_publish_cut_short_before_its_commit_is_finished_by_the_next(lead_a, remote):
    team.publish(lead_a, Store(lead_a), "li")
    own = team.team_dir(lead_a) / "leads" / "li.json"
    own.write_text("half a fi")  # the process died between writing and committing
    store = Store(lead_a)
    _save_value(store, 33)
    result = team.publish(lead_a, store)
    assert result.pushed and result.committed
    assert '"value": 33' in sh_git("show", "HEAD:leads/li.json", cwd=remote)


def test_a_rejected_push_rebases_and_retries_once(lead_a, lead_b, remote, monkeypatch):
    """B pushes between A's fetch and A's push: A's push is rejected, A rebases, pushes."""
    real_git = team.git
    pushed_between = []

    def git(args, cwd=None, timeout=team.LOCAL_TIMEOUT):
        if args[0] == "push" and not pushed_between and cwd == team.team_dir(lead_a):
            pushed_between.append(True)
            monkeypatch.setattr(team, "git", real_git)
            team.publish(lead_b, Store(lead_b), "王芳")
            monkeypatch.setattr(team, "git", git)
        return real_git(args, cwd, timeout)

    monkeypatch.setattr(team, "git", git)
    result = team.publish(lead_a, Store(lead_a), "li")
    assert pushed_between and result.pushed
    assert [c.split("|")[0] for c in commits(remote)] == ["li", "王芳"]


def test_offline_publish_commits_locally_and_the_next_publish_pushes_it(lead_a, remote, tmp_path):
    away = tmp_path / "away.git"
    os.rename(remote, away)  # the file share is gone
    result = team.publish(lead_a, Store(lead_a), "li")
    assert result.offline and result.committed and not result.pushed and result.waiting == 1
    assert "cannot reach the team repository" in result.reason
    clone = team.team_dir(lead_a)
    assert sh_git("log", "--format=%s", cwd=clone).startswith("Publish leads/li.json")
    with pytest.raises(team.Unreachable):
        team.pull(lead_a)

    os.rename(away, remote)  # back online; the lead checks in again, publishes again
    store = Store(lead_a)
    _save_value(store, 44)
    later = team.publish(lead_a, store)
    assert later.pushed and later.committed and not later.offline
    assert len(commits(remote)) == 2  # the offline commit and the later one


def test_the_leads_own_store_is_never_changed(lead_a, manager, tmp_path):
    before = store_bytes(lead_a)
    team.publish(lead_a, Store(lead_a), "li")
    team.pull(lead_a)
    team.read_leads(lead_a)
    assert store_bytes(lead_a) == before
    assert not (manager / "okr.json").exists()  # the manager's store is not even made


def test_the_clone_can_be_deleted_and_joined_again(lead_a, remote):
    import shutil

    team.publish(lead_a, Store(lead_a), "li")
    shutil.rmtree(team.team_dir(lead_a))
    team.join(lead_a, str(remote))
    again = team.publish(lead_a, Store(lead_a))
    assert again.pushed and not again.committed  # the same file: nothing new
    assert len(commits(remote)) == 1


# -- reading the leads' files ---------------------------------------------------------------


def test_damaged_foreign_and_newer_files_are_skipped_and_named(tmp_path, remote, lead_b, manager):
    team.publish(lead_b, Store(lead_b), "王芳")
    good = (team.team_dir(lead_b) / "leads" / "王芳.json").read_bytes()
    newer = newer_version(good)
    hand = other_clone(tmp_path, remote)
    push_by_hand(
        hand,
        {
            "leads/cut.json": good[: len(good) // 2],
            "leads/foreign.json": b'{"name": "a shopping list", "items": ["milk"]}',
            "leads/newer.json": newer,
            "leads/wrong.json": good.replace(b'"confidence": 4', b'"confidence": 11', 1),
            "leads/notes.txt": b"not a lead's file",
        },
    )
    team.pull(manager)
    leads, skipped = team.read_leads(manager)
    assert [x.name for x in leads] == ["王芳"]
    assert {(s.file, s.reason) for s in skipped} == {
        ("leads/cut.json", "damaged"),
        ("leads/foreign.json", "foreign"),
        ("leads/newer.json", "newer"),
        ("leads/wrong.json", "invalid"),
    }
    wrong = next(s for s in skipped if s.reason == "invalid")
    assert "confidence" in wrong.detail


def test_a_symlinked_leads_file_is_not_followed(manager, tmp_path):
    leads = team.team_dir(manager) / "leads"
    leads.mkdir()
    secret = tmp_path / "secret.json"
    secret.write_text('{"format": "okr-checkin", "version": 1}')
    os.symlink(secret, leads / "spy.json")
    leads_read, skipped = team.read_leads(manager)
    assert leads_read == [] and [(s.file, s.reason) for s in skipped] == [
        ("leads/spy.json", "not_file")
    ]


def test_the_cache_never_serves_a_changed_file(lead_b, manager):
    team.publish(lead_b, Store(lead_b), "王芳")
    team.pull(manager)
    path = team.team_dir(manager) / "leads" / "王芳.json"
    first = team.read_lead(path)
    cached = team.read_lead(path)  # from the cache now
    assert [c.to_dict() for c in cached.checkins()] == [c.to_dict() for c in first.checkins()]
    assert list((team.team_dir(manager) / ".git" / team.CACHE_DIR).iterdir())
    raw = path.read_bytes()
    path.write_bytes(raw[:-40] + b" " * 40)  # same size, changed in place
    assert isinstance(team.read_lead(path), team.Skipped)
    path.write_bytes(raw)
    for cache in (team.team_dir(manager) / ".git" / team.CACHE_DIR).iterdir():
        cache.write_bytes(b"garbage")
    assert isinstance(team.read_lead(path), team.LeadDocument)


# -- settings and publishing after a save -----------------------------------------------------


def test_auto_publish_is_off_by_default_and_kept_private(lead_a, remote):
    from tui.terminal import publish_sentence

    assert team.publish_after_save(lead_a) is None
    team.set_auto_publish(lead_a, True)
    mode = stat.S_IMODE(os.stat(team.settings_path(lead_a)).st_mode)
    assert mode == 0o600
    assert not (team.team_dir(lead_a) / team.SETTINGS_FILE).exists()  # never in the clone
    done = team.publish_after_save(lead_a)
    assert (done.outcome, done.file) == ("published", "leads/li-lei-李雷.json")
    assert publish_sentence(done) == "Team: published leads/li-lei-李雷.json."
    assert publish_sentence(done, "zh") == "团队：已发布 leads/li-lei-李雷.json。"
    assert len(commits(remote)) == 1
    team.set_auto_publish(lead_a, False)
    assert team.publish_after_save(lead_a) is None


def test_auto_publish_failures_are_one_line_never_an_exception(lead_a, remote, tmp_path):
    from tui.terminal import publish_sentence

    team.set_auto_publish(lead_a, True)
    os.rename(remote, tmp_path / "away.git")
    done = team.publish_after_save(lead_a)
    assert done.outcome == "offline" and "the next publish pushes it" in publish_sentence(done)
    import shutil

    shutil.rmtree(team.team_dir(lead_a))
    assert team.publish_after_save(lead_a).outcome == "not_joined"
    (lead_a / "okr.json").write_text("{cut")
    team.join(lead_a, str(tmp_path / "away.git"))
    done = team.publish_after_save(lead_a)
    assert done.outcome == "failed"
    line = publish_sentence(done)
    assert line.startswith("Team: not published:") and "\n" not in line


def test_the_on_publish_hook_gets_the_published_document(lead_a):
    hooks = lead_a / "hooks"
    hooks.mkdir()
    script = hooks / "on-publish"
    script.write_text(f'#!/bin/sh\ncat > "{lead_a}/published.json"\nexit 3\n')
    script.chmod(0o755)
    result = team.publish(lead_a, Store(lead_a), "li")
    assert result.pushed  # a failing hook never undoes a publish
    assert result.hook is not None and result.hook.reason == "failed" and result.hook.status == 3
    document = json.loads((lead_a / "published.json").read_text())
    assert document["format"] == "okr-checkin" and "meetings" not in document


def test_quarters():
    assert team.quarter_months("2026-Q4") == ["2026-10", "2026-11", "2026-12"]
    assert team.quarter_months("2027-q1") == ["2027-01", "2027-02", "2027-03"]
    for bad in ("2026-Q5", "2026-4", "Q4"):
        with pytest.raises(ValueError):
            team.parse_quarter(bad)


def _save_value(store: Store, value: int) -> None:
    """A changed check-in (KR2's value of W44): something new to publish."""
    checkin = store.checkin("o1", "2026-W44")
    checkin.key_results = [
        KRCheck(k.kr, value, k.confidence, k.note) if k.kr == "kr2" else k
        for k in checkin.key_results
    ]
    store.save_checkin(checkin)
