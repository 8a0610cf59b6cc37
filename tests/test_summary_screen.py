"""The summary screen and the one-on-one prep screen, driven from home with Pilot."""

from __future__ import annotations

import json
import stat

from click.testing import CliRunner
from textual.widgets import Input, Static, TextArea
from waiting import ready

from screens.dialogs import AskDialog, ConfirmDialog
from screens.home import HomeScreen
from screens.prep import MeetingDialog, PrepScreen
from screens.summary import SummaryScreen
from store.model import Meeting
from tui.app import OkrApp
from tui.cli import cli

SIZE = (120, 40)
TITLE = "Build a successful customer-expansion team"


def shown(preview) -> str:
    """The lines the preview shows, as text."""
    return "\n".join(preview.lines_text)


async def open_summary(pilot) -> SummaryScreen:
    await pilot.press("s")
    return await ready(pilot, SummaryScreen)


async def open_prep(pilot) -> PrepScreen:
    await pilot.press("p")
    return await ready(pilot, PrepScreen)


async def press(pilot, *keys: str) -> None:
    """Press keys on the summary or prep screen and wait until its text is shown again."""
    await pilot.press(*keys)
    await ready(pilot)


def cli_summary(data_dir, *args: str) -> str:
    """What ``okr summary`` prints for the same store (today pinned by the fixtures)."""
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "summary", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


# -- the summary screen ---------------------------------------------------------------------


async def test_summary_opens_on_the_default_month_with_a_markdown_preview(demo_store, data_dir):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        assert (screen.month, screen.lang, screen.fmt) == ("2026-10", "en", "md")
        assert screen.text == cli_summary(data_dir)
        preview = screen.preview
        assert preview.shown_text == screen.text and preview.shown_kind == "md"
        text = shown(preview)
        assert TITLE in text
        assert "0 → 21" in text  # KR2: 21 customers by the end of the month
        assert "## " not in text  # rendered, not the Markdown source
        assert "Month 2026-10" in str(screen.query_one("#sm-bar", Static).content)


async def test_summary_language_switches_to_chinese(demo_store, data_dir):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await press(pilot, "l")
        assert screen.lang == "zh"
        assert screen.text == cli_summary(data_dir, "--lang", "zh")
        text = shown(screen.preview)
        assert "OKR 月度总结：2026年10月" in text
        assert "关键结果" in text
        assert "语言 中文" not in text  # the bar speaks the UI's language (English)
        assert "Language Chinese" in str(screen.query_one("#sm-bar", Static).content)
        await press(pilot, "l")
        assert screen.lang == "en"
        assert "Key results" in shown(screen.preview)


async def test_summary_format_cycles_to_plain_text_and_json(demo_store, data_dir):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await press(pilot, "f")
        preview = screen.preview
        assert screen.fmt == "text" and preview.shown_kind == "text"
        assert preview.shown_text == screen.text == cli_summary(data_dir, "--format", "text")
        assert "#" not in screen.text.splitlines()[0]  # plain text: no Markdown marks
        assert screen.text.splitlines()[0] == preview.lines_text[0]  # shown as it is
        await press(pilot, "f")
        assert screen.fmt == "json" and preview.shown_kind == "json"
        data = json.loads(screen.text)
        assert data["format"] == "okr-summary" and data["month"] == "2026-10"
        kr2 = data["objectives"][0]["key_results"][1]
        assert kr2["month_end"] == 21
        assert '"format": "okr-summary",' in shown(preview)
        await press(pilot, "f")
        assert screen.fmt == "md" and preview.shown_kind == "md"


async def test_summary_month_keys_and_typed_month(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await press(pilot, "left_square_bracket")
        assert screen.month == "2026-09"
        assert "No objective covers September 2026." in screen.text
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert screen.month == "2026-11"
        await pilot.press("m")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        field = dialog.query_one(Input)
        field.value = "2026-13"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # not a month: the dialog stays and says why
        assert "2026-13 is not a month" in str(dialog.query_one("#error", Static).content)
        field.value = "2026-10"
        await press(pilot, "enter")
        assert app.screen is screen and screen.month == "2026-10"
        assert TITLE in screen.text


async def test_summary_save_writes_what_okr_summary_prints_0600(
    demo_store, data_dir, tmp_path, monkeypatch
):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await press(pilot, "l", "f")  # Chinese, plain text
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        assert dialog.query_one(Input).value == "okr-summary-2026-10-zh.txt"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        path = work / "okr-summary-2026-10-zh.txt"
        expected = cli_summary(data_dir, "--month", "2026-10", "--lang", "zh", "--format", "text")
        assert path.read_text(encoding="utf-8") == expected
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        status = screen.query_one("#sm-status", Static)
        assert str(path) in str(status.content) and not status.has_class("error")

        # Saving again asks before replacing; "n" leaves the file alone.
        path.write_text("old", encoding="utf-8")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and path.read_text(encoding="utf-8") == "old"
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert path.read_text(encoding="utf-8") == expected


async def test_summary_save_error_is_one_sentence(demo_store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one(Input).value = "afile/summary.md"  # a folder that is a file
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        status = screen.query_one("#sm-status", Static)
        assert status.has_class("error")
        assert str(status.content) == f"{tmp_path / 'afile' / 'summary.md'} was not saved."
        # Said as every other refused write is: one sentence, from the one save path.
        [message] = [str(n.message) for n in app._notifications]
        assert message.startswith("Not saved: cannot use ") and "Not a directory" in message
        assert "\n" not in message
        assert not (tmp_path / "afile" / "summary.md").exists()

        # An empty name or a folder is refused in the dialog itself.
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one(Input).value = "  "
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        dialog.query_one(Input).value = str(tmp_path)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "is a folder" in str(dialog.query_one("#error", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_summary_copy_and_back(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == screen.text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_summary_footer_and_palette_speak_chinese(demo_store_zh):
    app = OkrApp(demo_store_zh, lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_summary(pilot)
        descriptions = {a.binding.description for a in screen.active_bindings.values()}
        assert {"上月", "下月", "语言", "格式", "存文件", "复制", "返回"} <= descriptions
        bindings = screen.active_bindings.values()
        groups = {a.binding.group.description for a in bindings if a.binding.group}
        assert groups == {"月份"}  # [ and ] share one label in the footer
        assert "OKR 月度总结" in shown(screen.preview)
        assert "月份 2026-10  ·  语言 中文  ·  格式 Markdown" in str(
            screen.query_one("#sm-bar", Static).content
        )


# -- the prep screen -------------------------------------------------------------------------


async def test_prep_shows_talking_points_since_four_weeks(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot)
        assert screen.text.startswith("# One-on-one prep: since 2026-09-21")
        text = shown(screen.preview)
        assert "Talking points" in text
        assert "“October special plan two” is at risk" in text
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == screen.text
        await press(pilot, "l")
        assert screen.text.startswith("# 一对一准备：自 2026-09-21 起")
        assert "沟通要点" in shown(screen.preview)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_prep_records_a_meeting_and_starts_after_it(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MeetingDialog)
        date = dialog.query_one("#pr-date", Input)
        assert date.value == "2026-10-19"  # today
        date.value = "2026-10-16"
        await pilot.press("enter")  # on to the notes
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Legal: manager asks them", "enter", *"再谈 KR3")
        await press(pilot, "ctrl+s")
        assert app.screen is screen
        assert demo_store.meetings() == [
            Meeting(date="2026-10-16", notes="Legal: manager asks them\n再谈 KR3")
        ]
        assert screen.text.startswith("# One-on-one prep: since 2026-10-17")
        assert "2026-10-16" in shown(screen.preview)


async def test_prep_record_refuses_a_bad_or_future_date_and_cancels(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_prep(pilot)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        date = dialog.query_one("#pr-date", Input)
        error = dialog.query_one("#pr-error", Static)
        for typed, words in [("16/10/2026", "is not a date"), ("2026-10-20", "is after today")]:
            date.value = typed
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is dialog
            assert words in str(error.content) and error.display
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert demo_store.meetings() == []
