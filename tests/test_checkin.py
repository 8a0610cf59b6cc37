"""The check-in walkthrough: its rules without the UI, then by keys alone on the example OKR.

The demo's pages, in reading order: KR1 (a milestone), its items E1 E2; KR2 (customers,
target 50), E3 E4; KR3 (followers, 0 -> 100000), E5 E6; the week note; the review.
"Today" is Monday 2026-10-19 (2026-W43); the demo has check-ins for W40..W42.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from waiting import until

from screens.checkin import CheckInScreen
from screens.checkin_form import (
    Form,
    ItemFields,
    KRFields,
    NewItem,
    build_checkin,
    checkin_date,
    defaults,
    last_checkin,
    pace,
    pages,
    parse_confidence,
    parse_number,
    problems,
    resume,
    updated_objective,
)
from store import weeks
from store.model import CheckIn, ItemCheck, KRCheck
from store.repo import Store
from tui.app import OkrApp

WEEK = "2026-W43"
SIZE = (120, 40)


def ids(store):
    """(objective, [kr1, kr2, kr3], [e1..e6]) of the demo."""
    o = store.objectives()[0]
    return o, o.key_results, [i for kr in o.key_results for i in kr.items]


def rendered(renderable) -> str:
    console = Console(width=120, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


def page(screen, key):
    """The screen's page of that key (``kr:ID``, ``item:ID``, ``note``, ``review``)."""
    return next(p for p in screen.pages if p.key == key)


def field(screen, key, name):
    return page(screen, key).field(name)


# -- the rules, without the UI --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("21", 21),
        (" 2.5 ", 2.5),
        ("1,500", 1500),
        ("2.5k", 2500),
        ("10w", 100000),
        ("3万", 30000),
        ("４２", 42),
        ("45%", 45),
        ("-3", -3),
        ("", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12x", "nan", "inf", "1e20", "--1"])
def test_parse_number_refuses(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_parse_confidence():
    assert parse_confidence("") is None
    assert parse_confidence("0") == 0
    assert parse_confidence(" 10 ") == 10
    for bad in ("11", "-1", "5.5", "x", "100"):
        with pytest.raises(ValueError):
            parse_confidence(bad)


def test_defaults_carry_last_week_forward(demo_store):
    o, krs, items = ids(demo_store)
    checkins = demo_store.checkins(o.id)
    last = last_checkin(checkins, WEEK)
    assert last.week == "2026-W42"
    form = defaults(o, WEEK, None, last)
    assert form.krs[krs[1].id] == KRFields("21", "5", "")  # value, confidence kept; note empty
    assert form.krs[krs[0].id].value == "0"  # the milestone: not done
    assert [form.items[i.id].status for i in items] == [
        "done",
        "on_track",
        "on_track",
        "at_risk",
        "on_track",
        "at_risk",
    ]
    assert all(f.progress == f.adjustment == "" for f in form.items.values())
    assert form.note == ""


def test_defaults_of_a_saved_week_are_its_values(demo_store):
    o, krs, items = ids(demo_store)
    saved = demo_store.checkin(o.id, "2026-W41")
    form = defaults(o, "2026-W41", saved, last_checkin(demo_store.checkins(o.id), "2026-W41"))
    assert form.krs[krs[1].id] == KRFields("14", "6", "Good week: 8 more")
    assert form.items[items[2].id] == ItemFields(
        "on_track", "Closed 8 from the fair list", "Ask sales for warm intros"
    )
    assert form.note.startswith("Win: 8 customers")


def test_draft_round_trip_and_stale_draft_parts_ignored(demo_store):
    o, krs, items = ids(demo_store)
    base = defaults(o, WEEK, None, None)
    form = defaults(o, WEEK, None, None)
    form.krs[krs[1].id].value = "2x"  # invalid input survives in a draft
    form.items[items[0].id].status = "dropped"
    form.added.append(NewItem("e-new", krs[1].id, "Webinar"))
    form.items["e-new"] = ItemFields("on_track", "booked")
    form.note = "note"
    form.page = f"kr:{krs[1].id}"
    data = form.to_draft()
    data["krs"]["kr-gone"] = {"value": "1"}
    data["items"][items[1].id]["status"] = "bogus"
    data["added"].append({"id": "e-x", "kr": "kr-gone", "title": "orphan"})
    back = resume(o, base, data)
    assert back.krs[krs[1].id].value == "2x"
    assert back.items[items[0].id].status == "dropped"
    assert back.items[items[1].id].status == base.items[items[1].id].status
    assert back.added == [NewItem("e-new", krs[1].id, "Webinar")]
    assert back.items["e-new"] == ItemFields("on_track", "booked", "")
    assert "kr-gone" not in back.krs
    assert back.note == "note" and back.page == f"kr:{krs[1].id}"
    assert resume(o, base, "garbage") == base


def test_pages_in_reading_order(demo_store):
    o, krs, items = ids(demo_store)
    form = defaults(o, WEEK, None, None)
    form.added.append(NewItem("e-new", krs[0].id, "New"))
    assert pages(o, WEEK, None, form) == [
        f"kr:{krs[0].id}",
        f"item:{items[0].id}",
        f"item:{items[1].id}",
        "item:e-new",
        f"kr:{krs[1].id}",
        f"item:{items[2].id}",
        f"item:{items[3].id}",
        f"kr:{krs[2].id}",
        f"item:{items[4].id}",
        f"item:{items[5].id}",
        "note",
        "review",
    ]


def test_problems_name_the_fields_in_order(demo_store):
    o, krs, _ = ids(demo_store)
    form = defaults(o, WEEK, None, None)
    form.krs[krs[2].id].value = "lots"
    form.krs[krs[1].id].confidence = "11"
    found = [(p.kr, p.field, p.message) for p in problems(o, form)]
    assert found == [
        (krs[1].id, "confidence", "checkin.err.confidence"),
        (krs[2].id, "value", "checkin.err.number"),
    ]


def test_build_checkin_and_objective_changes(demo_store):
    o, krs, items = ids(demo_store)
    form = defaults(o, WEEK, None, last_checkin(demo_store.checkins(o.id), WEEK))
    form.krs[krs[0].id] = KRFields("1", "9", " agreed ")
    form.krs[krs[2].id].value = "4.2w"
    form.items[items[3].id].status = "dropped"
    form.added.append(NewItem("e-new", krs[1].id, " Webinar "))
    form.items["e-new"] = ItemFields("on_track", "booked", "")
    checkin = build_checkin(o, WEEK, None, form, "2026-10-19")
    assert checkin.kr(krs[0].id).value == 1 and checkin.kr(krs[0].id).note == "agreed"
    assert checkin.kr(krs[2].id).value == 42000
    assert checkin.item(items[3].id).status == "dropped"
    assert checkin.item("e-new").progress == "booked"
    changed = updated_objective(o, WEEK, None, form)
    assert changed.find_item(items[3].id)[1].active is False
    kr, new = changed.find_item("e-new")
    assert (kr.id, new.title, new.active, new.added) == (krs[1].id, "Webinar", True, WEEK)
    assert o.find_item(items[3].id)[1].active is True  # the original is untouched
    assert updated_objective(o, WEEK, None, defaults(o, WEEK, None, None)) is None


def test_pace_and_dates(demo_store):
    o, krs, _ = ids(demo_store)  # period 2026-10-01 .. 2026-10-31 (31 days)
    fraction, value = pace(o, krs[1], "2026-10-19")
    assert fraction == pytest.approx(19 / 31)
    assert value == pytest.approx(50 * 19 / 31)
    assert pace(o, krs[0], "2026-10-19")[1] == 0
    assert pace(o, krs[0], "2026-10-31")[1] == 1
    krs[1].target = None
    assert pace(o, krs[1], "2026-10-19")[1] is None
    assert checkin_date(WEEK, weeks.parse_date("2026-10-21")) == "2026-10-21"
    assert checkin_date("2026-W41", weeks.parse_date("2026-10-21")) == "2026-10-05"


# -- by keys alone ---------------------------------------------------------------------------------


async def test_full_checkin_by_keys(demo_store):
    o, krs, items = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckInScreen)
        assert app.focused is field(screen, f"kr:{krs[0].id}", "value")  # KR1's value
        # KR1 (milestone): done, confidence 9, a note
        await pilot.press("y", "9", "enter")
        await type_text(pilot, "v1 agreed")
        await pilot.press("enter")
        # E1: unchanged (done last week): one key
        await pilot.press("enter")
        # E2: at risk, what happened, what we adjust
        await pilot.press("r")
        await type_text(pilot, "handoffs slow")
        await pilot.press("enter")
        await type_text(pilot, "add a checklist")
        await pilot.press("enter")
        # KR2: 28, confidence 6, note
        await type_text(pilot, "28")
        await pilot.press("enter", "6", "enter")
        await type_text(pilot, "good week")
        await pilot.press("enter")
        # E3 unchanged; E4 dropped with a reason
        await pilot.press("enter")
        await pilot.press("minus")
        await type_text(pilot, "partner gave up")
        # add a new E-item to KR2 from E4's page
        await pilot.press("ctrl+t")
        await pilot.pause()
        await type_text(pilot, "Partner webinar")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.page.startswith("item:e-")
        await pilot.press("o")
        await type_text(pilot, "booked two")
        await pilot.press("enter", "enter")
        # KR3: 42000 written the Chinese way, confidence 4
        assert screen.page == f"kr:{krs[2].id}"
        await type_text(pilot, "4.2w")
        await pilot.press("enter", "4", "enter", "enter")
        # E5 unchanged; E6 off track
        await pilot.press("enter")
        await pilot.press("x")
        await type_text(pilot, "reach down")
        await pilot.press("enter")
        await type_text(pilot, "try live")
        await pilot.press("enter")
        # the week note, then the review, then save
        assert screen.page == "note"
        await type_text(pilot, "Win: 28 customers. Ask: legal help.")
        await pilot.press("pagedown")
        assert screen.page == "review"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)

    c = demo_store.checkin(o.id, WEEK)
    assert c is not None and c.date == "2026-10-19"
    assert c.note == "Win: 28 customers. Ask: legal help."
    got = {k.kr: (k.value, k.confidence, k.note) for k in c.key_results}
    assert got == {
        krs[0].id: (1, 9, "v1 agreed"),
        krs[1].id: (28, 6, "good week"),
        krs[2].id: (42000, 4, ""),
    }
    status = {i.item: (i.status, i.progress, i.adjustment) for i in c.items}
    assert status[items[0].id] == ("done", "", "")
    assert status[items[1].id] == ("at_risk", "handoffs slow", "add a checklist")
    assert status[items[2].id] == ("on_track", "", "")
    assert status[items[3].id] == ("dropped", "partner gave up", "")
    assert status[items[4].id] == ("on_track", "", "")
    assert status[items[5].id] == ("off_track", "reach down", "try live")
    after = demo_store.objective(o.id)
    kr2 = after.kr(krs[1].id)
    assert [i.active for i in kr2.items[:2]] == [True, False]  # E4 dropped, kept in history
    new = kr2.items[2]
    assert (new.title, new.active, new.added) == ("Partner webinar", True, WEEK)
    assert status[new.id] == ("on_track", "booked two", "")
    assert demo_store.draft(o.id, WEEK) is None


async def test_draft_resumes_after_the_app_is_closed(demo_store, data_dir):
    o, krs, items = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "pagedown", "pagedown", "pagedown")  # KR2's value
        await type_text(pilot, "33")
        await pilot.press("enter", "2")
        # the debounced draft is written while the screen is open
        await until(pilot, lambda: (demo_store.draft(o.id, WEEK) or {}).get("krs"))
        assert demo_store.draft(o.id, WEEK)["krs"][krs[1].id]["value"] == "33"
        await pilot.press("pagedown", "pagedown", "x")  # E4 off track
        # leave by quitting the whole app: the draft is written on the way out
        await pilot.press("ctrl+q")

    again = Store(data_dir)
    draft = again.draft(o.id, WEEK)
    assert draft["items"][items[3].id]["status"] == "off_track"
    app = OkrApp(again)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert screen.page == f"item:{items[3].id}"  # back where the user left
        assert screen.form.krs[krs[1].id].value == "33"
        assert screen.form.krs[krs[1].id].confidence == "2"
        assert field(screen, f"kr:{krs[1].id}", "value").value == "33"
        assert any("Resumed your draft" in n.message for n in app._notifications)
        await pilot.press("ctrl+s")
        await pilot.pause()
    c = again.checkin(o.id, WEEK)
    assert c.kr(krs[1].id).value == 33 and c.item(items[3].id).status == "off_track"
    assert again.draft(o.id, WEEK) is None


async def test_escape_leaves_and_keeps_the_draft(demo_store):
    o, krs, _ = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "tab", "7", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
        assert demo_store.draft(o.id, WEEK)["krs"][krs[0].id]["confidence"] == "7"
        assert demo_store.checkin(o.id, WEEK) is None


async def test_edit_a_past_week(demo_store):
    o, krs, _ = ids(demo_store)
    before = {c.week: c.to_dict() for c in demo_store.checkins(o.id)}
    app = OkrApp(demo_store, checkin=([o.id], "2026-W41"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CheckInScreen) and screen.week == "2026-W41"
        assert screen.form.krs[krs[1].id].value == "14"  # its saved value, not W40's
        await pilot.press("pagedown", "pagedown", "pagedown")
        await type_text(pilot, "15")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
    after = {c.week: c.to_dict() for c in demo_store.checkins(o.id)}
    assert after["2026-W40"] == before["2026-W40"]
    assert after["2026-W42"] == before["2026-W42"]
    assert WEEK not in after
    edited = demo_store.checkin(o.id, "2026-W41")
    assert edited.kr(krs[1].id).value == 15
    assert edited.date == "2026-10-05"  # still the week's own date
    expected = dict(before["2026-W41"])
    expected["key_results"] = [dict(k) for k in expected["key_results"]]
    expected["key_results"][1]["value"] = 15
    assert after["2026-W41"] == expected


async def test_saved_week_reopens_and_a_newer_draft_wins(demo_store):
    o, krs, _ = ids(demo_store)
    demo_store.save_draft(o.id, "2026-W42", {"krs": {krs[1].id: {"value": "99"}}})
    app = OkrApp(demo_store, checkin=([o.id], "2026-W42"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen.form
        assert form.krs[krs[1].id].value == "99"  # the draft
        assert form.krs[krs[2].id].value == "31000"  # the saved week under it
        assert form.note.startswith("Problem: follower growth")


async def test_unchanged_item_costs_one_key(demo_store):
    o, krs, items = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "pagedown", "pagedown", "pagedown", "pagedown")  # E3
        screen = app.screen
        assert screen.page == f"item:{items[2].id}"
        assert app.focused is screen.current.fields()[0]  # the status picker
        # last week's status and adjustment are shown beside the fields
        shown = " ".join(str(s.render()) for s in screen.current.query("Static"))
        assert "You planned: Start the November list early" in shown
        assert "on track" in shown
        await pilot.press("enter")
        assert screen.page == f"item:{items[3].id}"  # one key, and on to the next
        await pilot.press("ctrl+s")
        await pilot.pause()
    c = demo_store.checkin(o.id, WEEK)
    last = demo_store.checkin(o.id, "2026-W42")
    assert c.item(items[2].id).status == last.item(items[2].id).status == "on_track"
    assert c.kr(krs[1].id).value == last.kr(krs[1].id).value == 21
    assert c.kr(krs[1].id).confidence == last.kr(krs[1].id).confidence


async def test_validation_messages_hold_the_save(demo_store):
    o, krs, _ = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "pagedown", "pagedown", "pagedown")  # KR2
        screen = app.screen
        kr2 = page(screen, f"kr:{krs[1].id}")
        await type_text(pilot, "abc")
        await pilot.press("enter")
        await type_text(pilot, "11")
        await pilot.pause()
        assert "not a number" in kr2.error_text("value")
        assert "not a whole number 0-10" in kr2.error_text("confidence")
        await pilot.press("pagedown", "pagedown")  # move on; the save is still held
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen)
        assert screen.page == f"kr:{krs[1].id}"
        assert app.focused is kr2.field("value")  # the first bad field
        messages = [n.message for n in app._notifications]
        assert "Not saved: Value of KR2 is not a number." in messages
        await pilot.press("ctrl+r")
        assert "Not saved yet" in rendered(screen.pages[-1].content)
    assert demo_store.checkin(o.id, WEEK) is None


async def test_one_store_write_per_save(demo_store):
    o, krs, _ = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "pagedown", "pagedown", "pagedown")
        await type_text(pilot, "30")
        await pilot.press("ctrl+t")
        await pilot.pause()
        await type_text(pilot, "Webinar")
        await pilot.press("enter")
        # let the draft be written first
        await until(pilot, lambda: (demo_store.draft(o.id, WEEK) or {}).get("added"))
        await until(pilot, lambda: not app.screen.dirty)
        writes = demo_store.storage.writes
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.storage.writes == writes + 1
        assert not isinstance(app.screen, CheckInScreen)
    assert demo_store.storage.writes == writes + 1  # nothing more on the way out
    assert demo_store.checkin(o.id, WEEK).kr(krs[1].id).value == 30
    assert any(i.title == "Webinar" for i in demo_store.objective(o.id).kr(krs[1].id).items)


async def test_queue_walks_the_next_objective(demo_store):
    o, _, _ = ids(demo_store)
    second = demo_store.objective(o.id)
    second.id, second.title = "o-second", "Second objective"
    demo_store.save_objective(second)
    app = OkrApp(demo_store, checkin=([o.id, second.id], WEEK))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.objective_id == o.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckInScreen) and app.screen.objective_id == second.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CheckInScreen)
    assert demo_store.checkin(o.id, WEEK) and demo_store.checkin(second.id, WEEK)


async def test_tab_moves_across_pages_and_back(demo_store):
    o, krs, items = ids(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "tab", "tab", "tab")
        screen = app.screen
        assert screen.page == f"item:{items[0].id}"
        await pilot.press("shift+tab")
        assert screen.page == f"kr:{krs[0].id}"
        assert app.focused is screen.current.fields()[-1]


def test_no_form_state_leaks_between_instances():
    assert Form().krs == {} and Form().added == []


# -- two copies of the app on one store --------------------------------------------------------------


def test_merge_conflict_keeps_both_texts():
    from screens.checkin_form import CONFLICT_MARK, merge_conflict

    mine = CheckIn("o", "2026-W43", "2026-10-19", "my week", [KRCheck("k", 5, 7, "mine")],
                   [ItemCheck("e1", "on_track", "I called", "")])  # fmt: skip
    theirs = CheckIn("o", "2026-W43", "2026-10-19", "", [KRCheck("k", 4, 6, "theirs")],
                     [ItemCheck("e1", "at_risk", "I called", "slow down"),
                      ItemCheck("e2", "done", "finished", "")])  # fmt: skip
    merged = merge_conflict(mine, theirs)
    assert merged.note == "my week"
    assert merged.kr("k").value == 5 and merged.kr("k").note == f"mine {CONFLICT_MARK} theirs"
    assert merged.item("e1").status == "on_track"
    assert merged.item("e1").progress == "I called"  # the same text is not doubled
    assert merged.item("e1").adjustment == "slow down"
    assert merged.item("e2").progress == "finished"
    assert mine.kr("k").note == "mine"  # the inputs are untouched


async def test_save_after_another_copy_saved_the_week_keeps_both_notes(demo_store):
    """Only the notes differ: the dialog says the values agree; enter saves both notes."""
    from screens.checkin_conflict import ConflictDialog
    from store.repo import Store

    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        o = demo_store.objectives()[0]
        kr2 = o.key_results[1]
        app.push_screen(CheckInScreen(o.id, "2026-W41"))
        await pilot.pause()
        # Another copy of the app saves the same week meanwhile.
        other = Store(demo_store.data_dir)
        theirs = other.checkin(o.id, "2026-W41")
        theirs.kr(kr2.id).note = "THEIR NOTE"
        other.save_checkin(theirs)
        app.check_store()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictDialog) and app.screen.rows == []
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ConflictDialog | CheckInScreen)
    saved = Store(demo_store.data_dir).checkin(o.id, "2026-W41")
    # Mine (the screen's, unchanged from what was saved) and theirs, both kept.
    assert saved.kr(kr2.id).note == "Good week: 8 more ‖ THEIR NOTE"
