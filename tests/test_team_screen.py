"""The team screen: reached from home with t, the leads' objectives with score, verdict, last
check-in and missing weeks; enter opens a lead's month summary (read-only); r pulls.
Pilot tests, and SVG snapshots in English and Chinese at 80x24
(tests/__snapshots__/test_team_screen/; regenerate after LOOKING at them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from team_helpers import (  # noqa: F401  (git_without_identity: autouse fixture)
    bare_repo,
    demo_lead,
    git_without_identity,
    golden_lead,
    okr,
    store_bytes,
)
from textual.widgets import DataTable, Static
from waiting import until

from screens.team import WIDTHS, LeadScreen, TeamScreen
from store import team
from store.repo import Store
from tui.app import OkrApp
from tui.i18n import t
from tui.report import render_summary, summary_rollups
from tui.text import fit, percent


@pytest.fixture
def remote(tmp_path) -> Path:
    return bare_repo(tmp_path / "team.git")


@pytest.fixture
def manager(tmp_path, remote) -> Path:
    """A manager whose clone holds two leads' files: li-lei-李雷 (the constructed
    quarter) and 王芳 (the Chinese example)."""
    a = golden_lead(tmp_path / "a")
    b = demo_lead(tmp_path / "b", "zh")
    folder = tmp_path / "manager"
    for f in (a, b, folder):
        team.join(f, str(remote))
    team.publish(a, Store(a))
    team.publish(b, Store(b), "王芳")
    team.pull(folder)
    return folder


def app_on(folder: Path, lang: str = "en") -> OkrApp:
    return OkrApp(Store(folder), lang=lang)


async def wait_for(pilot, condition) -> None:
    """Until ``condition()`` holds: a state, never a time."""
    await until(pilot, condition, "the screen's expected state")


def table_rows(screen) -> list[list[str]]:
    table = screen.query_one("#tm-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_t_on_home_opens_the_team_with_every_leads_objectives(manager):
    app = app_on(manager)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        rows = table_rows(app.screen)
        assert [r[0] for r in rows] == ["li-lei-李雷", "王芳"]
        own = [own_rollup(manager.parent / x) for x in ("a", "b")]  # each lead's own summary
        for row, r in zip(rows, own, strict=True):
            verdict = t(f"report.verdict.{r.verdict}", "en")
            cut = fit(r.objective_title, WIDTHS["objective"])
            assert row[1:4] == [cut, percent(r.score), verdict]
        assert [r[4:] for r in rows] == [["2026-10-19", "W42"], ["2026-10-12", "W43"]]
        bar = str(app.screen.query_one("#tm-bar", Static).content)
        assert "October 2026 (to date) · 2 objectives:" in bar
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, TeamScreen))


async def test_enter_opens_the_leads_month_summary_read_only(manager):
    app = app_on(manager)
    before = sorted(p.name for p in manager.iterdir())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, LeadScreen))
        screen = app.screen
        lead = team.read_lead(team.team_dir(manager) / "leads" / "王芳.json")
        expected = render_summary(
            summary_rollups(lead, "2026-10", screen_today()), "2026-10", "text", "en",
            today=screen_today(),
        )  # fmt: skip
        assert screen.text == expected
        assert "打造一个成功的客户拓展团队" in screen.text
        await pilot.press("l")
        await wait_for(pilot, lambda: screen.text.startswith("OKR 月度总结"))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
    assert sorted(p.name for p in manager.iterdir()) == before  # nothing written


def own_rollup(folder: Path):
    """The lead's own month rollup of October, as its ``okr summary`` makes it."""
    [rollup] = summary_rollups(Store(folder), "2026-10", screen_today())
    return rollup


def screen_today():
    from store import weeks

    return weeks.today()


async def test_r_pulls_the_others_files(manager, tmp_path, remote):
    app = app_on(manager)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        assert len(table_rows(app.screen)) == 2
        c = demo_lead(tmp_path / "c", "en")
        team.join(c, str(remote))
        team.publish(c, Store(c), "Zhang Wei")
        await pilot.press("r")
        await wait_for(pilot, lambda: len(table_rows(app.screen)) == 3)
        assert [r[0] for r in table_rows(app.screen)] == ["li-lei-李雷", "zhang-wei", "王芳"]
        status = str(app.screen.query_one("#tm-status", Static).content)
        assert status == "Pulled: 3 lead files, 1 changed."


async def test_a_pull_that_fails_says_why_and_keeps_the_table(manager, remote, tmp_path):
    app = app_on(manager)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        remote.rename(tmp_path / "away.git")
        await pilot.press("r")
        status = app.screen.query_one("#tm-status", Static)
        await wait_for(pilot, lambda: "cannot reach" in str(status.content))
        assert status.has_class("error") and len(table_rows(app.screen)) == 2


async def test_months_and_a_lead_without_an_objective(manager):
    app = app_on(manager)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        await pilot.press("left_square_bracket")
        await wait_for(pilot, lambda: "September" in str(app.screen.query_one("#tm-bar").content))
        rows = table_rows(app.screen)
        assert rows[1][:2] == ["王芳", "—"]  # the example OKR starts in October


async def test_not_joined_says_how_to_join(tmp_path):
    app = app_on(tmp_path / "alone")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        note = str(app.screen.query_one("#tm-note", Static).content)
        assert "okr team join REPO" in note
        assert not app.screen.query_one("#tm-table").display
        await pilot.press("r")
        status = app.screen.query_one("#tm-status", Static)
        assert "has not joined a team" in str(status.content)


async def test_a_damaged_file_is_named_and_titles_are_inert(manager):
    leads = team.team_dir(manager) / "leads"
    good = (leads / "王芳.json").read_text(encoding="utf-8")
    (leads / "cut.json").write_text(good[:100], encoding="utf-8")
    (leads / "王芳.json").write_text(
        good.replace("打造一个成功的客户拓展团队", "\\u001b[2J bad \\u202e title"),
        encoding="utf-8",
    )
    app = app_on(manager)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamScreen))
        note = str(app.screen.query_one("#tm-note", Static).content)
        assert note == "leads/cut.json is damaged (not JSON, or cut short); left out."
        title = table_rows(app.screen)[1][1]
        assert "\x1b" not in title and title.startswith("␛[2J bad")


def test_okr_team_opens_the_team_screen(manager, monkeypatch):
    import tui.cli_team

    started = []

    def run_app(env, command, start):
        started.append((command, env.lang, start()))

    monkeypatch.setattr(tui.cli_team, "run_app", run_app)
    result = okr(manager, "--lang", "zh", "team")
    assert result.exit_code == 0
    [(command, lang, screen)] = started
    assert (command, lang) == ("okr team", "zh")
    assert isinstance(screen, TeamScreen) and screen.data_dir == manager


# -- snapshots -----------------------------------------------------------------------------------


def press(*keys):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_team_screen_snapshot(snap_compare, manager, lang):
    assert snap_compare(app_on(manager, lang), terminal_size=(80, 24), run_before=press("t"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_lead_summary_snapshot(snap_compare, manager, lang):
    app = app_on(manager, lang)
    assert snap_compare(app, terminal_size=(80, 24), run_before=press("t", "enter"))
