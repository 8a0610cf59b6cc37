"""The OKR editor, the paste box and the help screen, driven by keys; asserts on the store."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, Static, TextArea
from waiting import until

from screens.dialogs import ConfirmDialog
from screens.editor import EditorScreen, Outline
from screens.paste import PasteScreen
from store.model import Item, KeyResult, Objective
from tui.app import OkrApp

SEED_ZH = Path(__file__).parent.parent / "store" / "examples" / "seed-okr-zh.txt"


def count_writes(store) -> list[int]:
    """Count the store's write transactions from now on."""
    calls: list[int] = []
    original = store._write

    @contextlib.contextmanager
    def counting():
        calls.append(1)
        with original():
            yield

    store._write = counting
    return calls


def error_text(app, field: str) -> str:
    box = app.screen.query_one(f"#{field}-error", Static)
    return str(box.render()) if box.display else ""


def small_objective(store) -> Objective:
    objective = Objective(
        id="o1",
        title="Grow",
        start="2026-10-01",
        end="2026-10-31",
        key_results=[
            KeyResult(
                id="kr1",
                title="Customers",
                kind="number",
                start=0,
                target=None,
                unit="customers",
                items=[Item("e1", "Plan one"), Item("e2", "Plan two"), Item("e3", "Plan three")],
            )
        ],
    )
    store.save_objective(objective)
    return objective


async def open_editor(pilot, objective_id: str | None) -> EditorScreen:
    pilot.app.push_screen(EditorScreen(objective_id))
    await pilot.pause()
    assert isinstance(pilot.app.screen, EditorScreen)
    return pilot.app.screen


# -- the editor ---------------------------------------------------------------------------------


async def test_create_objective_with_kr_and_item_by_keys(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")  # home: a new objective
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        # The period defaults to this month (today is pinned to 2026-10-19).
        assert screen.query_one("#o-start", Input).value == "2026-10-01"
        assert screen.query_one("#o-end", Input).value == "2026-10-31"
        assert app.focused.id == "o-title"
        await pilot.press(*"Grow the team", "enter")
        await pilot.press(*"Ana")
        await pilot.press("shift+tab", "shift+tab")  # back to the outline
        assert isinstance(app.focused, Outline)
        await pilot.press("k")  # a new KR; the cursor goes to its title
        await pilot.pause()
        assert app.focused.id == "kr-title"
        await pilot.press(*"Win customers", "enter")  # -> kind
        await pilot.press("tab")  # -> start (0)
        await pilot.press("tab", *"50")  # target
        await pilot.press("tab", *"customers")  # unit
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert isinstance(app.focused, Outline)
        await pilot.press("e")  # a new E-item under the KR
        await pilot.pause()
        assert app.focused.id == "it-title"
        await pilot.press(*"Call the fair leads", "ctrl+s")
        await pilot.pause()
        [objective] = store.objectives()
        assert objective.title == "Grow the team"
        assert objective.owner == "Ana"
        assert (objective.start, objective.end) == ("2026-10-01", "2026-10-31")
        [kr] = objective.key_results
        assert (kr.title, kr.kind, kr.start, kr.target, kr.unit) == (
            "Win customers",
            "number",
            0,
            50,
            "customers",
        )
        assert [(i.title, i.active, i.added) for i in kr.items] == [
            ("Call the fair leads", True, "2026-W43")
        ]
        assert not screen.dirty


async def test_edit_kr_target_and_the_store_has_it(demo_store):
    writes = count_writes(demo_store)
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")  # home: edit the highlighted objective
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EditorScreen)
        assert isinstance(app.focused, Outline)
        await pilot.press("down", "down", "down", "down")  # objective, KR1, 2 items -> KR2
        assert screen.current[0] == "kr"
        assert screen.query_one("#kr-target", Input).value == "50"
        await pilot.press("enter")  # into the KR's form
        assert app.focused.id == "kr-title"
        await pilot.press("tab", "tab", "tab")  # kind, start, target
        assert app.focused.id == "kr-target"
        await pilot.press("end", "ctrl+u", *"60", "ctrl+s")
        await pilot.pause()
        [objective] = demo_store.objectives()
        assert objective.key_results[1].target == 60
        assert len(writes) == 1  # one store write


async def test_reorder_items_with_alt_keys(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "down")  # KR1, then its first item
        assert screen.current == ("item", "e1")
        await pilot.press("alt+down")
        await pilot.press("alt+down")  # e1 is last now
        await pilot.press("alt+down")  # already last: nothing moves
        assert screen.current == ("item", "e1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = store.objective("o1").key_results[0].items
        assert [i.id for i in items] == ["e2", "e3", "e1"]
        await pilot.press("ctrl+up")  # the alternative key moves it back up
        await pilot.press("ctrl+s")
        await pilot.pause()
        items = store.objective("o1").key_results[0].items
        assert [i.id for i in items] == ["e2", "e1", "e3"]


async def test_archive_hides_it_from_the_store_list(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, "o1")
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert store.objectives() == []
        assert store.objective("o1").archived
        await pilot.press("a", "ctrl+s")  # and back
        await pilot.pause()
        assert [o.id for o in store.objectives()] == ["o1"]


async def test_bad_target_shows_message_at_the_field_and_saves_nothing(store):
    small_objective(store)
    before = store.objective("o1").to_dict()
    writes = count_writes(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "enter", "tab", "tab", "tab")
        assert app.focused.id == "kr-target"
        await pilot.press(*"lots")
        assert error_text(app, "kr-target") == "Expected a number"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert writes == []
        assert store.objective("o1").to_dict() == before
        assert screen.dirty
        # Target equal to the start is refused by the same rule as the model's.
        await pilot.press("end", "ctrl+u", "0")
        assert error_text(app, "kr-target") == "The target must differ from the start"
        # Empty is fine: the target stays unknown.
        await pilot.press("backspace")
        assert error_text(app, "kr-target") == ""


async def test_bad_date_shows_message_and_saves_nothing(store):
    small_objective(store)
    writes = count_writes(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, "o1")
        await pilot.press("enter", "tab", "tab")
        assert app.focused.id == "o-start"
        await pilot.press("end", "ctrl+u", *"2026-13-01")
        assert error_text(app, "o-start") == "Expected a date YYYY-MM-DD"
        await pilot.press("end", "ctrl+u", *"2026-11-15")  # after the end: refused at the end
        assert error_text(app, "o-start") == ""
        assert error_text(app, "o-end") == "The period ends before it starts"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert writes == []
        assert app.focused.id == "o-end"  # save went to the field to fix
        assert store.objective("o1").start == "2026-10-01"


async def test_new_objective_without_title_is_not_saved(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.objectives(include_archived=True) == []
        assert error_text(app, "o-title") == "Enter a title"


async def test_milestone_kind_fixes_start_and_target(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "enter", "tab")
        assert app.focused.id == "kr-kind"
        await pilot.press("enter", "down", "down", "enter")  # number -> percent -> milestone
        await pilot.pause()
        assert screen.query_one("#kr-target", Input).disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        kr = store.objective("o1").key_results[0]
        assert (kr.kind, kr.start, kr.target) == ("milestone", 0, 1)


async def test_delete_item_asks_first(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # no: nothing goes
        await pilot.pause()
        assert screen.current == ("item", "e1")
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [i.id for i in store.objective("o1").key_results[0].items] == ["e2", "e3"]


async def test_items_with_checkins_are_not_deleted_but_made_inactive(demo_store):
    [objective] = demo_store.objectives()
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, objective.id)
        await pilot.press("down", "down", "d")
        await pilot.pause()
        assert app.screen is screen  # no question: it cannot be deleted
        await pilot.press("t", "ctrl+s")
        await pilot.pause()
        first = demo_store.objective(objective.id).key_results[0].items[0]
        assert first.active is False
        assert len(demo_store.objective(objective.id).key_results[0].items) == 2


async def test_escape_asks_before_dropping_unsaved_changes(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("enter", *" more")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: keep editing
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert store.objective("o1").title == "Grow"


async def test_escape_without_changes_leaves_at_once(store):
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, "o1")
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


async def test_number_fields_read_numbers_with_the_one_parser(store):
    """Item 9: start and target are read by store.numbers (Chinese numerals, 1,500,
    10w); 1,2,3 is not a number; one over 10^15 says "too large", not "not a number".
    Before, 十万 was "Expected a number" and so was 10^16."""
    small_objective(store)
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "enter", "tab", "tab", "tab")
        assert app.focused.id == "kr-target"
        await pilot.press(*"1,2,3")
        assert error_text(app, "kr-target") == "Expected a number"
        await pilot.press("end", "ctrl+u", *("1" + "0" * 16))
        assert error_text(app, "kr-target") == "Too large: at most 10^15"
        await pilot.press("end", "ctrl+u", *"十万")
        assert error_text(app, "kr-target") == ""
        await pilot.press("shift+tab", "end", "ctrl+u", *"1,500")  # the start
        assert app.focused.id == "kr-start" and error_text(app, "kr-start") == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        kr = store.objective("o1").key_results[0]
        assert (kr.start, kr.target) == (1500, 100000)
        assert not screen.dirty
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_editor(pilot, "o1")
        await pilot.press("down", "enter")
        # Shown back exactly, without separators, so it reads back the same.
        assert screen.query_one("#kr-start", Input).value == "1500"
        assert screen.query_one("#kr-target", Input).value == "100000"


async def test_number_field_too_large_in_chinese(store):
    small_objective(store)
    app = OkrApp(store, lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_editor(pilot, "o1")
        await pilot.press("down", "enter", "tab", "tab", "tab", *("9" * 17))
        assert error_text(app, "kr-target") == "数字太大：最大 10^15"


# -- the paste box ------------------------------------------------------------------------------


async def paste(pilot, text: str) -> PasteScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PasteScreen)
    assert pilot.app.focused is screen.query_one("#paste-text", TextArea)
    box = screen.query_one("#paste-text", TextArea)
    pilot.app.post_message(events.Paste(text))  # as a terminal's bracketed paste arrives
    # The preview is rebuilt once typing settles: wait until it shows the box's text.
    await until(pilot, lambda: box.text and screen.previewed == box.text, "the preview")
    return screen


def preview_text(screen) -> str:
    parts = []
    for widget in screen.query("#preview Static"):
        if widget.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def test_paste_chinese_seed_asks_for_unknown_target_and_creates_it(store):
    writes = count_writes(store)
    app = OkrApp(store, lang="zh")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")  # home: import
        await pilot.pause()
        screen = await paste(pilot, SEED_ZH.read_text(encoding="utf-8"))
        text = preview_text(screen)
        assert "KR1" in text and "KR2" in text and "KR3" in text
        assert "KR4" not in text
        assert "完成10月XX家新客户的开发" in text
        assert "尚未确定的目标值：1 个" in text
        assert "0 → 100,000 粉丝" in text  # KR3's inferred measure
        targets = list(screen.query(".target").results(Input))
        assert [t.id for t in targets] == ["target-0-1"]  # KR2 of the first objective
        assert screen.query_one("#month", Input).value == "2026-10"
        assert writes == []
        await pilot.press("tab", "tab")  # month, then KR2's target
        assert app.focused is targets[0]
        await pilot.press(*"50", "ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        [objective] = store.objectives()
        assert objective.title == "打造一个成功的客户拓展团队"
        assert (objective.start, objective.end) == ("2026-10-01", "2026-10-31")
        krs = objective.key_results
        assert [k.kind for k in krs] == ["milestone", "number", "number"]
        assert (krs[1].target, krs[1].unit) == (50, "家")
        assert krs[2].target == 100000
        assert [len(k.items) for k in krs] == [2, 2, 2]
        assert len(writes) == 1  # one write for everything


async def test_paste_leaving_target_empty_keeps_it_unknown(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        await paste(pilot, "O: Grow\nKR: Win XX customers\nE: Call leads\n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [objective] = store.objectives()
        assert objective.key_results[0].target is None  # never invented


async def test_paste_bad_target_is_refused_at_the_field(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        screen = await paste(pilot, "O: Grow\nKR: Win XX customers\n")
        screen.query_one("#target-0-0", Input).focus()
        await pilot.press(*"many", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert store.objectives() == []
        assert "Expected a number" in str(screen.query_one("#target-0-0-error", Static).render())
        target = screen.query_one("#target-0-0", Input)
        await pilot.press("end", *["backspace"] * 4, *("9" * 17))
        assert "Too large" in str(screen.query_one("#target-0-0-error", Static).render())
        await pilot.press(*["backspace"] * 17, *"两百", "ctrl+s")
        await pilot.pause()
        assert target.value == "两百"
        [objective] = store.objectives()
        assert objective.key_results[0].target == 200  # a Chinese numeral, read by cn2an


async def test_paste_error_names_the_line(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        screen = await paste(pilot, "Our plan\nKR: Win 50 customers\nO: Grow\n")
        error = screen.query_one("#parse-error", Static)
        assert error.display
        assert str(error.render()).startswith("line 2: ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert store.objectives() == []


async def test_paste_month_sets_the_period(store):
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        screen = await paste(pilot, "O: Grow\nKR: Win 50 customers\n")
        screen.query_one("#month", Input).focus()
        await pilot.press("end", "ctrl+u", *"2026-13")
        await pilot.pause()
        assert screen.query_one("#month-error", Static).display
        await pilot.press("backspace", "backspace", "1", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [objective] = store.objectives()
        assert (objective.start, objective.end) == ("2026-11-01", "2026-11-30")
        assert objective.key_results[0].items == []


# -- help -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_help_lists_the_keys_of_every_screen(store, lang):
    app = OkrApp(store, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        console = Console(width=120, record=True, file=io.StringIO())
        for widget in app.screen.query("#help Static"):
            console.print(widget.content)
        text = console.export_text()
        if lang == "en":
            for words in (
                "The weekly flow",
                "Home",
                "OKR editor",
                "History",
                "New KR",
                "Open week",
            ):
                assert words in text
        else:
            for words in ("每周流程", "首页", "OKR 编辑器", "历史", "新建 KR", "打开该周"):
                assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
