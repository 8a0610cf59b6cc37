"""``okr team`` on the command line: two leads and a manager, each with their own data dir,
one bare repository made in the test. The team roll-up's figures are checked against each
lead's own ``okr summary --format json``; the whole text against golden files
(tests/golden/; ``OKR_UPDATE_GOLDEN=1`` rewrites them, to be read before committing)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
from team_helpers import (  # noqa: F401  (git_without_identity: autouse fixture)
    GOLDEN,
    MEETING_SECRET,
    bare_repo,
    commits,
    demo_lead,
    git_without_identity,
    golden_lead,
    newer_version,
    okr,
    repo_text,
    sh_git,
    store_bytes,
)

from store import team

GOLDEN_DIR = Path(__file__).with_name("golden")
AFTER_OCTOBER = "2026-11-10"


@pytest.fixture
def remote(tmp_path) -> Path:
    return bare_repo(tmp_path / "team.git")


@pytest.fixture
def two_leads(tmp_path, remote):
    """Lead A (the constructed quarter, owner Li Lei 李雷), lead B (the Chinese example),
    both published; a manager who joined and pulled. Returns (a, b, manager)."""
    a = golden_lead(tmp_path / "a")
    b = demo_lead(tmp_path / "b", "zh")
    manager = tmp_path / "manager"
    for folder in (a, b, manager):
        assert okr(folder, "team", "join", str(remote)).exit_code == 0
    published = okr(a, "team", "publish")
    assert published.exit_code == 0, published.output
    assert okr(b, "--lang", "zh", "team", "publish", "--as", "王芳").exit_code == 0
    pulled = okr(manager, "team", "pull")
    assert pulled.exit_code == 0 and "2 lead files, 2 changed" in pulled.output
    return a, b, manager


def check_golden(name: str, text: str) -> None:
    path = GOLDEN_DIR / name
    if os.environ.get("OKR_UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# -- join, publish, pull ------------------------------------------------------------------------


def test_join_publish_pull_say_what_happened(tmp_path, remote):
    a = golden_lead(tmp_path / "a")
    joined = okr(a, "team", "join", str(remote))
    assert joined.exit_code == 0
    assert f"Joined the team repository {remote}: 0 lead files" in joined.output
    again = okr(a, "team", "join", str(remote))
    assert again.exit_code == 0 and "Already joined" in again.output

    published = okr(a, "team", "publish")
    assert published.exit_code == 0, published.output
    assert "Published leads/li-lei-李雷.json as Li Lei 李雷: 1 objectives, 7 check-ins." in (
        published.output
    )
    assert "Never published: one-on-one notes and drafts." in published.output
    same = okr(a, "team", "publish")
    assert "already up to date" in same.output and same.exit_code == 0
    assert commits(remote) == ["Li Lei 李雷|Publish leads/li-lei-李雷.json (2026-10-19)"]


def test_publish_in_chinese_says_what_is_never_published(tmp_path, remote):
    b = demo_lead(tmp_path / "b", "zh")
    okr(b, "team", "join", str(remote))
    result = okr(b, "--lang", "zh", "team", "publish", "--as", "王芳")
    assert result.exit_code == 0
    assert "已以 王芳 的名义发布 leads/王芳.json" in result.output
    assert "不会发布：一对一记录和草稿。" in result.output


def test_join_errors_are_one_sentence(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    result = okr(tmp_path / "d", "team", "join", str(plain))
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "is not a git repository" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = okr(tmp_path / "d", "team", "join", str(tmp_path / "nowhere.git"))
    assert result.exit_code == 1 and "does not exist" in result.output


def test_without_git_every_team_command_says_install_git(tmp_path, monkeypatch, remote):
    a = golden_lead(tmp_path / "a")
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    for args in (["join", str(remote)],):
        result = okr(a, "team", *args)
        assert result.exit_code == 1 and "install git" in result.output
        assert "Traceback" not in result.output


def test_commands_before_joining_say_join_first(tmp_path):
    for args in (["publish"], ["pull"], ["summary"]):
        result = okr(tmp_path / "d", "team", *args)
        assert result.exit_code == 1, args
        assert "run `okr team join REPO` first" in result.output


def test_a_refused_name_exits_1_and_writes_nothing(tmp_path, remote):
    a = golden_lead(tmp_path / "a")
    okr(a, "team", "join", str(remote))
    for name in ("../x", "/etc/x", ".hidden"):
        result = okr(a, "team", "publish", "--as", name)
        assert result.exit_code == 1 and "cannot be a lead's name" in result.output
    assert not (team.team_dir(a) / "leads").exists()
    assert commits(remote) == []


def test_offline_publish_exits_1_then_the_next_publish_pushes(tmp_path, remote):
    a = golden_lead(tmp_path / "a")
    okr(a, "team", "join", str(remote))
    away = tmp_path / "away.git"
    os.rename(remote, away)
    result = okr(a, "team", "publish", "--as", "li")
    assert result.exit_code == 1
    assert "leads/li.json is committed in the team clone but not pushed" in result.stderr
    assert "it will be pushed on the next `okr team publish`" in result.stderr
    os.rename(away, remote)
    later = okr(a, "team", "publish")
    assert later.exit_code == 0 and "Published leads/li.json as li" in later.output
    assert len(commits(remote)) == 1  # the offline commit, pushed now


def test_auto_publish_is_switched_on_and_off(tmp_path, remote):
    a = golden_lead(tmp_path / "a")
    okr(a, "team", "join", str(remote))
    on = okr(a, "team", "publish", "--auto", "on")
    assert on.exit_code == 0 and "is on" in on.output
    assert team.auto_publish(a) and commits(remote) == []  # switching it on publishes nothing
    off = okr(a, "--lang", "zh", "team", "publish", "--auto", "off")
    assert "已关闭" in off.output and not team.auto_publish(a)


def test_nothing_private_leaves_and_the_store_is_untouched(two_leads, remote):
    a, b, manager = two_leads
    assert MEETING_SECRET not in repo_text(remote)
    before = store_bytes(a), store_bytes(b)
    for folder in (a, b):
        okr(folder, "team", "publish")
        okr(folder, "team", "pull")
        okr(folder, "team", "summary")
    assert (store_bytes(a), store_bytes(b)) == before


# -- the roll-up ---------------------------------------------------------------------------------


def own_summary(folder: Path, month: str, lang: str = "en") -> dict:
    result = okr(folder, "summary", "--month", month, "--format", "json", "--lang", lang,
                 today=AFTER_OCTOBER)  # fmt: skip
    assert result.exit_code == 0
    return json.loads(result.stdout)


def without_meetings(d: dict) -> dict:
    return {k: v for k, v in d.items() if k != "meetings"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_figure_is_the_leads_own_summary(two_leads, lang):
    a, b, manager = two_leads
    result = okr(manager, "team", "summary", "--month", "2026-10", "--format", "json",
                 "--lang", lang, today=AFTER_OCTOBER)  # fmt: skip
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["format"] == "okr-team-summary" and data["period"] == "2026-10"
    leads = {lead["name"]: lead for lead in data["leads"]}
    assert list(leads) == ["li-lei-李雷", "王芳"]
    for name, folder in (("li-lei-李雷", a), ("王芳", b)):
        own = own_summary(folder, "2026-10", lang)["objectives"]
        mine = [o["summary"] for o in leads[name]["objectives"]]
        assert [without_meetings(x) for x in mine] == [without_meetings(x) for x in own]
        assert all(x["meetings"] == [] for x in mine)  # one-on-ones are never published
    a_objective = leads["li-lei-李雷"]["objectives"][0]
    assert a_objective["missing"] == ["2026-W42"]  # test_rollup's known answer
    team_line = data["team"]
    verdicts = [o["summary"]["verdict"] for lead in data["leads"] for o in lead["objectives"]]
    assert team_line["objectives"] == 2
    for verdict in ("on_track", "at_risk", "off_track"):
        assert team_line[verdict] == verdicts.count(verdict)
    assert team_line["not_checked_in"] == [
        {"lead": "li-lei-李雷", "missing": ["2026-W42"], "checked_in": True},
        {"lead": "王芳", "missing": ["2026-W43", "2026-W44"], "checked_in": True},
    ]


def test_golden_team_summary_en_md(two_leads):
    _, _, manager = two_leads
    result = okr(manager, "team", "summary", "--month", "2026-10", today=AFTER_OCTOBER)
    assert result.exit_code == 0
    check_golden("team-summary-2026-10-en.md", result.stdout)


def test_golden_team_summary_zh_text(two_leads):
    _, _, manager = two_leads
    result = okr(manager, "--lang", "zh", "team", "summary", "--month", "2026-10",
                 "--format", "text", today=AFTER_OCTOBER)  # fmt: skip
    assert result.exit_code == 0
    check_golden("team-summary-2026-10-zh.txt", result.stdout)


def test_the_roll_up_says_the_bottom_line_first(two_leads):
    _, _, manager = two_leads
    out = okr(manager, "team", "summary", "--month", "2026-10", "--format", "text",
              today=AFTER_OCTOBER).stdout  # fmt: skip
    head = out.split("Lead: ")[0]
    assert "2 objectives: 0 on track, 1 at risk, 1 off track." in head
    assert "li-lei-李雷: missing 2026-W42" in head
    assert "王芳: missing 2026-W43, 2026-W44" in head
    assert out.index("Lead: li-lei-李雷") < out.index("Lead: 王芳")
    assert "Need budget approval 需要预算" in out  # an ask from a week note
    assert "“October plan one 十月方案一” is at risk (2026-W44)" in out
    assert "KR2 Win new customers 新客户: behind pace" in out


def test_a_quarter_takes_each_objectives_last_month_and_every_missing_week(two_leads):
    a, _, manager = two_leads
    result = okr(manager, "team", "summary", "--quarter", "2026-q4", "--format", "json",
                 today=AFTER_OCTOBER)  # fmt: skip
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["period"] == "2026-Q4" and data["months"] == ["2026-10", "2026-11", "2026-12"]
    lead = next(x for x in data["leads"] if x["name"] == "li-lei-李雷")
    [objective] = lead["objectives"]
    assert objective["month"] == "2026-11"  # the last month of the quarter begun so far
    own = own_summary(a, "2026-11")["objectives"][0]
    assert without_meetings(objective["summary"]) == without_meetings(own)
    assert objective["missing"] == ["2026-W42", "2026-W46"]  # October's and November's
    both = okr(manager, "team", "summary", "--month", "2026-10", "--quarter", "2026-Q4")
    assert both.exit_code == 2
    bad = okr(manager, "team", "summary", "--quarter", "2026-Q5")
    assert bad.exit_code == 2 and "2026-Q4" in bad.output


def test_damaged_and_foreign_files_are_named_and_the_others_still_print(
    two_leads, tmp_path, remote
):
    _, _, manager = two_leads
    hand = tmp_path / "hand"
    sh_git("clone", "--quiet", str(remote), str(hand))
    good = (hand / "leads" / "王芳.json").read_bytes()
    (hand / "leads" / "cut.json").write_bytes(good[:200])
    (hand / "leads" / "foreign.json").write_text('{"todo": ["buy milk"]}')
    (hand / "leads" / "newer.json").write_bytes(newer_version(good, 7))
    sh_git("add", "-A", cwd=hand)
    sh_git("-c", "user.name=h", "-c", "user.email=h@h", "commit", "-qm", "odd files", cwd=hand)
    sh_git("push", "--quiet", "origin", "HEAD", cwd=hand)
    assert okr(manager, "team", "pull").exit_code == 0
    result = okr(manager, "team", "summary", "--month", "2026-10", today=AFTER_OCTOBER)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warning: leads/cut.json is damaged (not JSON, or cut short); left out.",
        "warning: leads/foreign.json is not an okr-checkin document; left out.",
        "warning: leads/newer.json was written by a newer okr-checkin (version 7); left out.",
    ]
    assert "## Lead: li-lei-李雷" in result.stdout and "## Lead: 王芳" in result.stdout
    assert "leads/cut.json is damaged" in result.stdout  # named in the roll-up too


def test_titles_from_other_leads_are_inert(tmp_path, remote):
    evil = tmp_path / "evil"
    from store.model import Item, KeyResult, Objective
    from store.repo import Store

    store = Store(evil)
    store.save_objective(
        Objective(
            "o1",
            "Grow \x1b[2J\x1b]52;c;cHduZWQ=\x07 fast \u202eevil",
            "2026-10-01",
            "2026-10-31",
            owner="Mallory",
            key_results=[KeyResult("k1", "KR \x1b[31mred", "number", 0, 10, "x", 1,
                                   [Item("e1", "item \x9b6n")])],
        )
    )  # fmt: skip
    manager = tmp_path / "manager"
    okr(evil, "team", "join", str(remote))
    okr(manager, "team", "join", str(remote))
    assert okr(evil, "team", "publish", "--as", "mallory").exit_code == 0
    okr(manager, "team", "pull")
    for fmt in ("md", "text", "json"):
        out = okr(manager, "team", "summary", "--month", "2026-10", "--format", fmt).stdout
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        assert "\x9b" not in out
        if fmt != "json":
            assert "Grow ␛[2J␛]52;c;cHduZWQ=␇ fast <U+202E>evil" in out


def test_summary_to_a_file_is_private(two_leads, tmp_path):
    _, _, manager = two_leads
    target = tmp_path / "roll-up.md"
    result = okr(manager, "team", "summary", "-o", str(target), today="2026-11-05")
    assert result.exit_code == 0 and "team roll-up written to" in result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Team roll-up: October 2026")


def test_a_summary_before_anyone_published(tmp_path, remote):
    manager = tmp_path / "manager"
    okr(manager, "team", "join", str(remote))
    result = okr(manager, "team", "summary", "--format", "text")
    assert result.exit_code == 0
    assert "No lead has published yet" in result.stdout


def test_team_commands_do_not_import_textual(two_leads):
    import subprocess
    import sys

    _, _, manager = two_leads
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        f"r = CliRunner().invoke(cli, ['--data', {str(manager)!r}, 'team', 'summary'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_grades_and_retrospective_of_a_closed_objective_are_read_defensively():
    """The review of export version 2, as a dict or an object; what is not recognised is
    left out (this branch works before and after version 2 lands)."""
    from types import SimpleNamespace

    from tui.team_report import review_lines

    objective, checkins, meetings = GOLDEN.october()
    from store.rollup import month_rollup

    r = month_rollup(objective, checkins, meetings, "2026-11", date(2026, 12, 5))
    as_dict = {
        "grades": {"kr1": 1.0, "kr2": {"grade": 0.6, "reason": "late \x1b[2J start"}},
        "retrospective": {"went_well": "process", "went_badly": "", "learned": "ask early"},
    }
    assert review_lines(as_dict, r, "en") == [
        (0, "KR1 grade 1"),
        (0, "KR2 grade 0.6: late ␛[2J start"),
        (0, "Went well: process"),
        (0, "Learned: ask early"),
    ]
    as_object = SimpleNamespace(
        grades=[SimpleNamespace(kr="kr3", grade=0.5, note="")],
        went_well="",
        went_badly="hiring",
        learned=None,
    )
    assert review_lines(as_object, r, "zh") == [(0, "KR3 评分 0.5"), (0, "做得不好的：hiring")]
    as_rollup_grading = SimpleNamespace(  # the shape of a rollup's close (store.cycle)
        key_results=[SimpleNamespace(id="kr2", label="KR2", grade=0.4, note="late")],
        went_well="",
        went_badly="",
        learned="hire earlier",
    )
    assert review_lines(as_rollup_grading, r, "en") == [
        (0, "KR2 grade 0.4: late"),
        (0, "Learned: hire earlier"),
    ]
    assert review_lines(None, r, "en") == []
    assert review_lines({"grades": "nonsense", "other": 1}, r, "en") == []
