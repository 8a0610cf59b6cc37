"""The check-in as issue 9 asked: keys typed ahead, unknown starts and targets, levels to
hold, two copies saving the same week, a damaged store, weeks outside the period, and no
style of the check-in leaking into other screens.

"Today" is Monday 2026-10-19 (2026-W43); the demo has check-ins for W40..W42. Pages of
the demo: KR1, E1, E2, KR2, E3, E4, KR3, E5, E6, the note, the review.
"""

from __future__ import annotations

import io
import json
import unicodedata

import pytest
from rich.console import Console
from textual import events
from textual.app import _character_to_key
from textual.keys import REPLACED_KEYS, _get_unicode_name_from_key
from textual.screen import Screen
from textual.widgets import Input, Static
from waiting import until

from screens.checkin import HELP_KEYS, CheckInScreen
from screens.checkin_conflict import ConflictDialog
from screens.checkin_form import (
    Difference,
    KRFields,
    asks_start,
    asks_target,
    defaults,
    differences,
    kr_problems,
    measured,
    relative_target,
    settle,
    updated_objective,
    with_statuses,
)
from store import rescue
from store.demo import build_demo
from store.model import CheckIn, ItemCheck, KeyResult, KRCheck, Objective
from store.okrtext import parse_okr_text
from store.repo import Store
from tui.app import OkrApp
from tui.i18n import catalogue

WEEK = "2026-W43"
SIZE = (80, 24)


def rendered(renderable) -> str:
    console = Console(width=100, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def page(screen, key):
    return next(p for p in screen.pages if p.key == key)


def key_event(key: str) -> events.Key:
    """The Key event Pilot.press would send for ``key``."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


def burst(app, keys) -> None:
    """All the keys at once, as a terminal delivers a paste or tmux send-keys: no pause,
    no waiting for one key to be handled before the next arrives."""
    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)


def demo(tmp_path, name: str, lang: str = "en") -> Store:
    store = Store(tmp_path / name)
    build_demo(store, lang)
    return store


def shape(checkin: CheckIn) -> tuple:
    """A check-in without ids (two demo stores have different random ids)."""
    return (
        checkin.note,
        [(k.value, k.confidence, k.note) for k in checkin.key_results],
        [(i.status, i.progress, i.adjustment) for i in checkin.items],
    )


# -- item 7: keys typed ahead ------------------------------------------------------------------

# On E3: at risk, "slow" happened, "ask" adjusted; on E4: off track, enter, enter; on KR3
# the value 12345; then save. The "r Enter Enter x Enter Enter" with text in it,
# and keys a text field binds (backspace, home) between the characters.
BURST = [
    "r", *"slowx", "backspace", "enter", *"sk", "home", "a", "enter",
    "x", "enter", "enter",
    *"12346", "backspace", "5", "ctrl+s",
]  # fmt: skip


async def _checkin_with(store: Store, paused: bool) -> None:
    app = OkrApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 4)  # E3's status
        screen = app.screen
        assert screen.page == screen.pages[4].key
        if paused:
            await pilot.press(*BURST)
        else:
            burst(app, BURST)
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))


async def test_a_burst_of_keys_stores_what_the_same_keys_with_pauses_store(tmp_path):
    paused, fast = demo(tmp_path, "paused"), demo(tmp_path, "burst")
    await _checkin_with(paused, paused=True)
    await _checkin_with(fast, paused=False)
    one = paused.checkin(paused.objectives()[0].id, WEEK)
    two = fast.checkin(fast.objectives()[0].id, WEEK)
    assert shape(one) == shape(two)
    # and it is what the keys mean, not merely the same mistake twice
    _, krs, items = shape(one)
    assert items[2] == ("at_risk", "slow", "ask")  # E3
    assert items[3][0] == "off_track"  # E4
    assert items[0][0] == "done" and items[1][0] == "on_track"  # E1, E2 untouched
    assert krs[2][0] == 12345  # KR3's value


async def test_burst_then_typing_lands_in_the_new_field(demo_store):
    """A status key moves the focus at once: the letters after it go to 'what happened'."""
    o = demo_store.objectives()[0]
    e3 = o.key_results[1].items[0]
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 4)
        screen = app.screen
        burst(app, ["d", *"closed 8", "enter", *"more"])
        e3_page = page(screen, f"item:{e3.id}")
        await until(pilot, lambda: e3_page.field("adjustment").value == "more")
        assert e3_page.values().status == "done"
        assert e3_page.field("progress").value == "closed 8"


async def test_pageup_lands_on_the_last_field_of_the_previous_page(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 5)  # E4
        screen = app.screen
        await pilot.press("pageup")
        e3 = page(screen, f"item:{kr2.items[0].id}")
        assert screen.current is e3 and app.focused is e3.field("adjustment")
        await pilot.press("pageup")
        assert app.focused is page(screen, f"kr:{kr2.id}").field("note")
        await pilot.press("pagedown")
        assert app.focused is e3.field("status")


# -- item 8: unknown targets and starts, levels to hold -------------------------------------------


def seed_store(store: Store) -> Objective:
    """The seed OKR as `okr import` makes it: KR2 (家) has an unknown target."""
    text = (store_examples() / "seed-okr-zh.txt").read_bytes()
    [objective] = parse_okr_text(
        text, start="2026-10-01", end="2026-10-31", week="2026-W40"
    ).objectives
    store.save_objectives([objective])
    return objective


def store_examples():
    from pathlib import Path

    import store as store_package

    return Path(store_package.__file__).parent / "examples"


async def test_the_seeds_unknown_target_is_asked_on_its_kr_page(store):
    objective = seed_store(store)
    kr2 = objective.key_results[1]
    assert kr2.target is None and asks_target(kr2)
    app = OkrApp(store, lang="zh", checkin=([objective.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        kr_page = page(screen, f"kr:{kr2.id}")
        screen.show_page(kr_page)
        assert app.focused is kr_page.field("target")  # the first field of the page
        await pilot.press("6", "0", "enter")
        assert app.focused is kr_page.field("value")
        await pilot.press("1", "2")
        await pilot.pause()
        assert "0 → 60 家" in str(kr_page._facts.render())  # the measure follows
        writes = store.storage.writes
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))
        assert store.storage.writes == writes + 1  # the KR and the check-in: one write
    saved = store.objective(objective.id).kr(kr2.id)
    assert (saved.start, saved.target) == (0, 60)
    assert store.checkin(objective.id, WEEK).kr(kr2.id).value == 12


async def test_an_unknown_target_is_skipped_with_enter(store):
    objective = seed_store(store)
    kr2 = objective.key_results[1]
    app = OkrApp(store, checkin=([objective.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.show_page(page(screen, f"kr:{kr2.id}"))
        await pilot.press("enter", "7", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))
    assert store.objective(objective.id).kr(kr2.id).target is None
    assert store.checkin(objective.id, WEEK).kr(kr2.id).value == 7


def objective_with(*krs: KeyResult) -> Objective:
    return Objective("o-x", "Run a calmer support desk", "2026-10-01", "2026-12-31",
                     key_results=list(krs))  # fmt: skip


async def test_an_unknown_start_is_asked_and_a_relative_target_follows_it(store):
    kr = KeyResult("kr-t", "Reduce the first answer time by 25%", "number", None, None, "hours",
                   relative=-0.25)  # fmt: skip
    store.save_objective(objective_with(kr))
    app = OkrApp(store, checkin=(["o-x"], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        kr_page = screen.current
        assert [name for name in kr_page._fields] == ["start", "value", "confidence", "note"]
        assert "follows the start (-25%)" in str(kr_page._follows.render())
        await pilot.press("1", "4", "enter", "1", "3")
        await pilot.pause()
        assert "Target from the start (-25%): 10.5 hours" in str(kr_page._follows.render())
        assert "14 → 10.5 hours" in str(kr_page._facts.render())
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))
    saved = store.objective("o-x").kr("kr-t")
    assert (saved.start, saved.target, saved.relative) == (14, 10.5, -0.25)
    assert store.checkin("o-x", WEEK).kr("kr-t").value == 13


async def test_a_level_to_hold_shows_whether_this_weeks_value_holds_it(store):
    kr = KeyResult("kr-b", "Keep the churn below 2%", "stay_below", None, 2, "%")
    store.save_objective(objective_with(kr))
    app = OkrApp(store, checkin=(["o-x"], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kr_page = app.screen.current
        assert "stay below 2%" in str(kr_page._facts.render())
        await pilot.press("1", ".", "5")
        await pilot.pause()
        assert "holds it (stay below 2%)" in str(kr_page._held.render())
        await pilot.press("backspace", "backspace", "backspace", "3")
        await pilot.pause()
        assert "does not hold it" in str(kr_page._held.render())


def test_start_and_target_rules():
    plain = KeyResult("k", "Win customers", "number", 0, None, "customers")
    relative = KeyResult("r", "Cut costs by 25%", "number", None, None, "", relative=-0.25)
    known = KeyResult("n", "Reach 90%", "percent", None, 90, "%")
    level = KeyResult("l", "Stay below 2%", "stay_below", None, None, "%")
    assert (asks_start(plain), asks_target(plain)) == (False, True)
    assert (asks_start(relative), asks_target(relative)) == (True, False)
    assert (asks_start(known), asks_target(known)) == (True, False)
    assert (asks_start(level), asks_target(level)) == (False, True)
    assert relative_target(8, -0.25) == 6 and relative_target(3, 0.1) == 3.3
    assert measured(relative, KRFields(start="8")).target == 6
    assert measured(plain, KRFields(target="abc")).target is None  # not a number: unknown
    assert relative.start is None  # measured() copies
    found = {(p.field, p.message) for p in kr_problems(plain, KRFields(target="0"))}
    assert found == {("target", "checkin.err.same")}
    found = {(p.field, p.message) for p in kr_problems(relative, KRFields(start="0"))}
    assert found == {("start", "checkin.err.same")}
    assert kr_problems(known, KRFields(start="x"))[0].field == "start"
    assert kr_problems(level, KRFields(target="2", value="1.5")) == []


def test_updated_objective_sets_only_what_is_still_unknown():
    kr = KeyResult("k", "Win customers", "number", 0, None, "customers")
    objective = objective_with(kr)
    form = defaults(objective, WEEK, None, None)
    form.krs["k"].target = "60"
    assert updated_objective(objective, WEEK, None, form).kr("k").target == 60
    meanwhile = objective_with(KeyResult("k", "Win customers", "number", 0, 80, "customers"))
    assert updated_objective(meanwhile, WEEK, None, form) is None  # set in the editor meanwhile


# -- item 6: two copies saving the same week -------------------------------------------------------


def test_differences_and_settle():
    mine = CheckIn("o", WEEK, "2026-10-19", "mine", [KRCheck("k", 28, 6, "my note")],
                   [ItemCheck("e1", "on_track"), ItemCheck("e2", "done")])  # fmt: skip
    theirs = CheckIn("o", WEEK, "2026-10-19", "", [KRCheck("k", 25, 6, "their note")],
                     [ItemCheck("e1", "dropped"), ItemCheck("e2", "done")])  # fmt: skip
    rows = differences(mine, theirs)
    assert rows == [
        Difference("value", "k", 28, 25),
        Difference("status", "e1", "on_track", "dropped"),
    ]
    settled = settle(mine, theirs, {("status", "e1")})
    assert settled.kr("k").value == 28 and settled.item("e1").status == "dropped"
    assert settled.kr("k").note == "my note ‖ their note"
    assert differences(mine, None) == []


def test_a_status_taken_from_theirs_drops_the_item(demo_store):
    o = demo_store.objectives()[0]
    e3 = o.key_results[1].items[0]
    form = defaults(o, WEEK, None, None)
    settled = CheckIn(o.id, WEEK, "2026-10-19", "", [], [ItemCheck(e3.id, "dropped")])
    changed = updated_objective(o, WEEK, None, with_statuses(form, settled))
    assert changed.find_item(e3.id)[1].active is False
    assert form.items[e3.id].status != "dropped"  # the form itself is untouched


async def test_two_saves_of_a_week_are_shown_side_by_side_and_picked_by_keys(demo_store):
    o = demo_store.objectives()[0]
    kr2, kr3 = o.key_results[1], o.key_results[2]
    e3 = kr2.items[0]
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 3)  # KR2: 28, confidence 7
        await pilot.press("2", "8", "enter", "7", "enter")
        await pilot.press("enter")  # (KR2's note) -> E3
        await pilot.press("d")  # E3 done
        # Another copy of the app saves the same week meanwhile.
        other = Store(demo_store.data_dir)
        theirs = CheckIn(o.id, WEEK, "2026-10-19", "their week",
                         [KRCheck(kr2.id, 25, 5, "THEIRS"), KRCheck(kr3.id, 31000, 4, "")],
                         [ItemCheck(e3.id, "at_risk", "slow", "")])  # fmt: skip
        other.save_checkin(theirs)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        dialog = app.screen
        assert [(r.field, r.mine, r.theirs) for r in dialog.rows] == [
            ("value", 28, 25),
            ("confidence", 7, 5),
            ("status", "done", "at_risk"),
        ]
        shown = rendered(dialog._table())
        assert "28 new customers" in shown and "25 new customers" in shown
        assert "7/10" in shown and "at risk" in shown
        await pilot.press("down", "right", "down", "t")  # theirs for confidence and status
        await pilot.press("up", "up", "left")  # mine for the value (already)
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ConflictDialog | CheckInScreen))
    saved = Store(demo_store.data_dir).checkin(o.id, WEEK)
    assert (saved.kr(kr2.id).value, saved.kr(kr2.id).confidence) == (28, 5)
    assert saved.item(e3.id).status == "at_risk"
    assert saved.item(e3.id).progress == "slow"  # their text kept
    assert saved.kr(kr2.id).note == "THEIRS"
    assert saved.note == "their week"


async def test_not_yet_keeps_mine_as_a_draft_and_saves_nothing(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 3, "4", "0")
        other = Store(demo_store.data_dir)
        other.save_checkin(CheckIn(o.id, WEEK, "2026-10-19", "", [KRCheck(kr2.id, 25, 5, "")]))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
    assert demo_store.checkin(o.id, WEEK).kr(kr2.id).value == 25
    assert demo_store.draft(o.id, WEEK)["krs"][kr2.id]["value"] == "40"


# -- item 1: a damaged store ---------------------------------------------------------------------


def cut_short(store: Store) -> bytes:
    """What `head -c 2000 okr.json > x && mv x okr.json` does; returns the whole file."""
    raw = store.path.read_bytes()
    store.path.write_bytes(raw[:2000])
    return raw


async def test_a_save_into_a_damaged_store_keeps_the_form_and_a_rescue_file(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    key = f"{o.id} {WEEK}"
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 3, "3", "3")
        screen = app.screen
        value = page(screen, f"kr:{kr2.id}").field("value")
        whole = cut_short(demo_store)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and app.is_running  # no exception, still here
        assert value.value == "33" and app.focused is value
        [message] = [m for m in notices(app) if m.startswith("Not saved")]
        assert "not a valid okr-checkin store" in message
        kept = rescue.find(demo_store.data_dir, "checkin", key)
        assert kept["krs"][kr2.id]["value"] == "33"
        # the store file is whole again (the sync tool caught up): the save lands
        demo_store.path.write_bytes(whole)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is not screen)
    assert Store(demo_store.data_dir).checkin(o.id, WEEK).kr(kr2.id).value == 33
    assert rescue.find(demo_store.data_dir, "checkin", key) is None


async def test_a_draft_refused_by_a_damaged_store_is_retried_on_the_next_change(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    key = f"{o.id} {WEEK}"
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 3)
        screen = app.screen
        whole = cut_short(demo_store)
        await pilot.press("4")
        await until(pilot, lambda: screen.draft_failed)
        assert len([m for m in notices(app) if m.startswith("Not saved")]) == 1
        await pilot.press("4")  # still damaged: kept beside the store, quietly
        await until(pilot, lambda: rescue.find(demo_store.data_dir, "checkin", key)["krs"][
            kr2.id]["value"] == "44")  # fmt: skip
        assert len([m for m in notices(app) if m.startswith("Not saved")]) == 1
        demo_store.path.write_bytes(whole)
        await pilot.press("5")  # the next change retries, and it lands
        await until(pilot, lambda: not screen.draft_failed and not screen.dirty)
        assert Store(demo_store.data_dir).draft(o.id, WEEK)["krs"][kr2.id]["value"] == "445"
        assert rescue.find(demo_store.data_dir, "checkin", key) is None


async def test_a_rescue_file_newer_than_the_draft_is_resumed(demo_store):
    o = demo_store.objectives()[0]
    kr2, kr3 = o.key_results[1], o.key_results[2]
    key = f"{o.id} {WEEK}"
    demo_store.save_draft(o.id, WEEK, {"at": 100.0, "krs": {kr2.id: {"value": "30"}}})
    rescue.keep(demo_store.data_dir, "checkin", key,
                {"at": 200.0, "krs": {kr3.id: {"value": "45000"}}})  # fmt: skip
    app = OkrApp(demo_store, checkin=([o.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen.form
        assert form.krs[kr3.id].value == "45000" and form.krs[kr2.id].value == "21"
        assert any("kept beside the store" in m for m in notices(app))
        # taken into the store as the week's draft, which retires the rescue file
        await until(pilot, lambda: rescue.find(demo_store.data_dir, "checkin", key) is None)
        assert demo_store.draft(o.id, WEEK)["krs"][kr3.id]["value"] == "45000"


async def test_an_older_rescue_file_loses_to_the_draft(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    demo_store.save_draft(o.id, WEEK, {"at": 300.0, "krs": {kr2.id: {"value": "30"}}})
    rescue.keep(demo_store.data_dir, "checkin", f"{o.id} {WEEK}",
                {"at": 200.0, "krs": {kr2.id: {"value": "99"}}})  # fmt: skip
    app = OkrApp(demo_store, checkin=([o.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.form.krs[kr2.id].value == "30"
        assert any("Resumed your draft" in m for m in notices(app))


async def test_the_app_stopping_keeps_the_form_beside_the_store(demo_store):
    o = demo_store.objectives()[0]
    kr2 = o.key_results[1]
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", *["pagedown"] * 3, "5", "1")
        what = app.screen.rescue()
        assert (what.kind, what.key) == ("checkin", f"{o.id} {WEEK}")
        assert what.data()["krs"][kr2.id]["value"] == "51"


# -- item 5: weeks outside the objective's period -------------------------------------------------


@pytest.mark.parametrize("week", ["2020-W53", "2026-W39", "2026-W45"])
async def test_a_week_outside_the_period_is_refused_with_one_sentence(demo_store, week):
    o = demo_store.objectives()[0]  # 2026-10-01 .. 2026-10-31: W40 .. W44
    app = OkrApp(demo_store, checkin=([o.id], week))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))
        [message] = notices(app)
        assert message == (
            f"{week} is not in this objective's period (2026-10-01 – 2026-10-31): there is "
            "nothing to check in."
        )
    assert demo_store.checkin(o.id, week) is None and demo_store.draft(o.id, week) is None


# -- item 3: nothing of the check-in's styles outside it -------------------------------------------


class Probe(Screen):
    """Widgets with the class names the check-in uses, on a screen of their own."""

    def compose(self):
        for name in ("label", "page", "facts", "hint", "error", "page-title", "planned"):
            yield Static(name, classes=name)
        yield Input(classes="short bad -bad")


def styles_of(screen: Screen) -> list[str]:
    return [w.styles.css for w in screen.query("Static, Input")]


async def test_the_checkin_styles_stay_in_the_checkin(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await app.push_screen(Probe())
        await pilot.pause()
        before = styles_of(app.screen)
        app.pop_screen()
        await pilot.press("c", "pagedown", "ctrl+t")  # every check-in widget and the dialog
        await pilot.press("escape", "ctrl+r", "escape")
        await pilot.pause()
        await app.push_screen(Probe())
        await pilot.pause()
        assert styles_of(app.screen) == before


# -- item 11: the keys for the help screen ----------------------------------------------------------


def test_every_checkin_key_is_worded_for_help_in_both_languages():
    words = catalogue()
    keys = " ".join(k for k, _ in HELP_KEYS)
    for needed in ("n o r x d -", "y / n", "tab", "enter", "PgDn", "PgUp", "ctrl+t", "ctrl+r",
                   "ctrl+s", "escape", "← →", "↑ ↓"):  # fmt: skip
        assert needed in keys
    for _, word in HELP_KEYS:
        en, zh = words[word]
        assert en.strip() and zh.strip() and en != zh


def test_draft_and_rescue_carry_when_they_were_taken(demo_store):
    o = demo_store.objectives()[0]
    form = defaults(o, WEEK, None, None)
    data = form.to_draft(at=123.5)
    assert data["at"] == 123.5 and json.loads(json.dumps(data)) == data
    assert form.to_draft()["at"] is None


# -- item 10: toasts never cover the focused field --------------------------------------------------


def covered(app) -> list[str]:
    from textual.widgets._toast import Toast

    focused = app.focused.region
    return [str(t.render()) for t in app.screen.query(Toast) if t.region.overlaps(focused)]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_toasts_never_cover_the_focused_field(demo_store, lang):
    from textual.widgets._toast import Toast

    app = OkrApp(demo_store, lang=lang)
    message = "Not saved: " + "a long sentence about the store that wraps " * 3
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c", *["pagedown"] * 3, "tab", "tab")  # KR2's note: low
        screen = app.screen
        assert app.focused is screen.current.field("note")
        app.notify(message, severity="error")
        await until(pilot, lambda: len(screen.query(Toast)) == 1)
        await pilot.pause()
        assert covered(app) == []
        await pilot.press("shift+tab", "shift+tab")  # KR2's value: high
        app.notify(message, severity="error")
        await until(pilot, lambda: len(screen.query(Toast)) == 2)
        await pilot.pause()
        assert covered(app) == []


def test_review_notes_wrap_under_their_column_and_titles_end_in_an_ellipsis(demo_store):
    from screens.checkin_form import last_checkin
    from screens.checkin_pages import review

    o = demo_store.objectives()[0]
    e2 = o.key_results[0].items[1]
    last = last_checkin(demo_store.checkins(o.id), WEEK)
    form = defaults(o, WEEK, None, last)
    form.items[e2.id].progress = "word " * 40
    form.krs[o.key_results[1].id].note = "note " * 30
    lines = rendered_at(review(o, WEEK, None, last, form, []), 78).splitlines()
    item_note = [line for line in lines if "word" in line]
    kr_note = [line for line in lines if "note note" in line]
    assert len(item_note) > 2 and all(line.startswith(" " * 9) for line in item_note)
    assert len(kr_note) > 1 and all(line.startswith(" " * 7) for line in kr_note)
    kr3 = next(line for line in lines if line.startswith("KR3"))
    assert "…  31,000 / 100,000 followers" in kr3


def test_a_cut_title_never_runs_into_the_value():
    from screens.checkin_pages import review

    kr = KeyResult("k", "Cut the first answer time from 14 hours to 2", "number", 14, 2, "hours")
    o = objective_with(kr)
    form = defaults(o, WEEK, None, None)
    form.krs["k"].value = "13"
    line = next(x for x in rendered_at(review(o, WEEK, None, None, form, []), 50).splitlines()
                if x.startswith("KR1"))  # fmt: skip
    assert "…  13 / 2 hours" in line and "to 2  13" not in line


def rendered_at(renderable, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


async def test_a_refused_objective_of_the_queue_hands_over_to_the_next(demo_store):
    demo = demo_store.objectives()[0]
    november = Objective("o-nov", "Next month", "2026-11-01", "2026-11-30")
    demo_store.save_objective(november)
    app = OkrApp(demo_store, checkin=(["o-nov", demo.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot,
            lambda: isinstance(app.screen, CheckInScreen) and app.screen.objective_id == demo.id,
        )
        assert any("2026-W43 is not in this objective's period" in m for m in notices(app))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CheckInScreen))
    assert demo_store.checkin(demo.id, WEEK) is not None
    assert demo_store.checkin("o-nov", WEEK) is None


async def test_typing_in_a_field_repaints_it_without_arranging_the_page(demo_store, monkeypatch):
    """A key in a check-in field repaints that field only: Input's new virtual width
    would otherwise arrange the whole page again on every key (the key-to-frame cost of
    issue 13). Long text still scrolls to keep the cursor in view."""
    from textual.widget import Widget

    app = OkrApp(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        screen = await until(pilot, lambda: isinstance(app.screen, CheckInScreen) and app.screen)
        note = screen.pages[0].field("note")
        screen.set_focus(note)
        await until(pilot, lambda: app.focused is note)
        layouts = []
        original = Widget.refresh

        # The field and what holds it (page, switcher, scroll view, screen): a footer that
        # updates its keys late on a busy machine (the focus moved) is not the typing's.
        holders = [note, *note.ancestors]

        def refresh(self, *args, layout=False, **kwargs):
            if layout and self in holders:
                layouts.append(type(self).__name__)
            return original(self, *args, layout=layout, **kwargs)

        monkeypatch.setattr(Widget, "refresh", refresh)
        await pilot.press(*"a long note about the week " * 4)
        await pilot.pause()
        assert layouts == []
        assert note.value.endswith("about the week ")
        assert note.scroll_x > 0  # the cursor is kept in view
