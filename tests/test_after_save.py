"""What follows a check-in saved in the app: the on-checkin hook and, when switched on,
publishing to the team; both in a thread, neither ever undoing or holding the save."""

from __future__ import annotations

import json

from team_helpers import bare_repo, commits, git_without_identity  # noqa: F401 (autouse)
from waiting import until

from screens.checkin import CheckInScreen
from store import team
from tui.app import OkrApp

WEEK = "2026-W43"


async def wait_for(pilot, condition) -> None:
    """Until a condition holds (a worker thread runs git or a hook meanwhile)."""
    await until(pilot, condition)


async def save_this_week(app, pilot) -> None:
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, CheckInScreen))
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: app.store.checkin(app.screen_stack[0].selected.id, WEEK))


async def test_the_on_checkin_hook_gets_the_saved_week(demo_store):
    hooks = demo_store.data_dir / "hooks"
    hooks.mkdir()
    script = hooks / "on-checkin"
    out = demo_store.data_dir / "hook-got.json"
    script.write_text(f'#!/bin/sh\ncat > "{out}.tmp" && mv "{out}.tmp" "{out}"\n')
    script.chmod(0o755)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await save_this_week(app, pilot)
        await wait_for(pilot, out.exists)
    document = json.loads(out.read_text())
    assert document["hook"] == "on-checkin" and document["checkin"]["week"] == WEEK


async def test_a_failing_hook_is_said_and_the_week_stays_saved(demo_store):
    hooks = demo_store.data_dir / "hooks"
    hooks.mkdir()
    (hooks / "on-checkin").write_text("#!/bin/sh\necho broken >&2\nexit 3\n")
    (hooks / "on-checkin").chmod(0o755)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await save_this_week(app, pilot)

        def said() -> bool:
            return any("on-checkin" in str(n.message) for n in app._notifications)

        await wait_for(pilot, said)
    [o] = [o for o in demo_store.objectives() if demo_store.checkin(o.id, WEEK)]
    assert demo_store.checkin(o.id, WEEK) is not None


async def test_publishing_after_a_save_when_switched_on(demo_store, tmp_path):
    remote = bare_repo(tmp_path / "team.git")
    team.join(demo_store.data_dir, str(remote))
    team.set_auto_publish(demo_store.data_dir, True)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await save_this_week(app, pilot)

        def published() -> bool:
            return any("Team: published" in str(n.message) for n in app._notifications)

        await wait_for(pilot, published)
    assert len(commits(remote)) == 1
