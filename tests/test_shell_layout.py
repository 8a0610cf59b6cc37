"""The shell's screens at 80x24 (issue 9, items 4, 10, 11): the summary never freezes and
never cuts a line, home always shows the period and the week's state, toasts stay off the
input fields, help lists every key of the check-in."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Input, Select, TextArea
from waiting import ready, until

from screens.editor import EditorScreen
from screens.help import HelpScreen
from screens.home import ObjectiveCard
from screens.preview import FoldingTable, hanging_lines, markdown_sections, strips, table_lines
from screens.summary import SummaryScreen
from store import weeks
from store.model import CheckIn, KRCheck
from tui.app import OkrApp

sys.path.insert(0, str(Path(__file__).parent / "bench"))

SIZE = (80, 24)


# -- the preview's lines ---------------------------------------------------------------------------


def test_long_lines_wrap_under_their_own_indent_and_bullet():
    text = "  • KR2 " + "word " * 30 + "\n" + '    "note": "' + "长" * 60 + '"'
    lines = [line.plain for line in hanging_lines(text, 40)]
    assert all(Text(line).cell_len <= 40 for line in lines)
    bullet = [line for line in lines if not line.lstrip().startswith(('"', "长"))]
    assert bullet[0].startswith("  • KR2 word")
    assert all(line.startswith("    ") and line[4] != " " for line in bullet[1:])
    joined = " ".join(line.strip().removeprefix("• ") for line in bullet)
    assert joined == ("KR2 " + "word " * 30).strip()  # nothing lost, nothing cut
    note = lines[len(bullet) :]
    assert "".join(line.strip() for line in note).replace(" ", "") == '"note":"' + "长" * 60 + '"'
    assert all(Text(line).cell_len >= 30 for line in note[:-1])  # broken between characters


def test_plain_text_tables_keep_their_alignment():
    text = (
        "2. Key results\n──────────────\nA long paragraph " + "x " * 50 + "\n"
        "  Key result  Start → end  Target\n  ──────────  ───────────  ──────\n"
        "  KR1 " + "title " * 20 + "  0 → 1  5\nStatus by week:\n"
    )
    lines = text.split("\n")
    assert table_lines(lines) == {3, 4, 5}
    out = [line.plain for line in hanging_lines(text, 40)]
    assert "  KR1 " + "title " * 20 + "  0 → 1  5" in out  # whole: it scrolls sideways
    assert all(Text(line).cell_len <= 40 for line in out if not line.startswith("  KR1"))


def test_chinese_breaks_between_characters_not_only_at_spaces():
    from screens.preview import wrap

    sentence = "偏离目标：得分 24%，应为 39%；“10月特殊执行方案二”有风险；“执行涨粉方案一”有风险。"
    lines = [line.plain for line in wrap(Text(sentence), 40)]
    assert "".join(lines).replace(" ", "") == sentence.replace(" ", "")
    assert all(Text(line).cell_len <= 40 for line in lines)
    assert Text(lines[0]).cell_len >= 38  # not "偏离目标：得分 24%，应为" alone


def test_markdown_is_cut_at_headings_only():
    text = "# A\n\npara\n\n```\n# not a heading\n```\n\n## B\n- x\n"
    assert markdown_sections(text) == ["# A\n\npara\n\n```\n# not a heading\n```\n", "## B\n- x\n"]


def test_a_table_column_is_never_narrower_than_its_words_while_it_fits():
    columns = [
        ["Key result", "KR1 Finalise the expansion team's working process"],
        ["Confidence", "7 → 8"],
        ["Pace", "on track"],
    ]
    widths = FoldingTable.widths(columns, 40)
    assert sum(widths) <= 40
    assert widths[1] >= len("Confidence") and widths[2] >= len("track")
    tight = FoldingTable.widths(columns, 12)
    assert sum(tight) <= 12 and min(tight) >= 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_preview_line_is_wider_than_the_pane_but_a_plain_table(demo_store, lang):
    from tui.report import render_summary, summary_rollups

    today = weeks.today()
    rollups = summary_rollups(demo_store, "2026-10", today)
    for fmt in ("md", "text", "json"):
        text = render_summary(rollups, "2026-10", fmt, lang, today=today)
        lines = list(strips(text, fmt, 76))
        wide = [s.text for s in lines if s.cell_length > 76]
        if fmt == "md":
            assert wide == []
        shown = "".join(s.text.replace(" ", "") for s in lines)
        if fmt != "md":  # every character of the text is on screen (wrapped, not cut)
            assert shown == text.replace(" ", "").replace("\n", "")
        assert "…" not in "".join(s.text for s in lines if fmt == "md") or "…" in text


# -- the summary screen on years of history ------------------------------------------------------


@pytest.fixture
def five_years(tmp_path):
    from make_history import make

    folder = tmp_path / "five"
    make(folder, 5, export=False)
    from store.repo import Store

    return Store(folder)


async def test_summary_keys_typed_while_it_works_land_on_the_summary(five_years):
    """The summary opens with a loading indicator and takes keys at once: a burst of keys
    typed right after ``s`` applies on the summary screen, in order, none on home."""
    app = OkrApp(five_years)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "l", "f", "left_square_bracket", "f")
        screen = await ready(pilot, SummaryScreen)
        month = weeks.shift_month(screen.__class__().month, -1)
        assert (screen.month, screen.lang, screen.fmt) == (month, "zh", "json")
        assert screen.preview.shown_text == screen.text and screen.preview.shown_kind == "json"
        assert '"lang": "zh"' in screen.text and f'"month": "{month}"' in screen.text
        # The preview never mounted a widget per block: it draws lines.
        assert len(list(screen.query("*"))) < 40


async def test_summary_preview_shows_a_loading_indicator_until_ready(five_years):
    app = OkrApp(five_years)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        screen = await until(pilot, lambda: isinstance(app.screen, SummaryScreen) and app.screen)
        await until(pilot, lambda: screen.preview.loading or screen.ready, "loading or ready")
        await ready(pilot, SummaryScreen)
        assert not screen.preview.loading
        await pilot.press("l")
        assert screen.preview.loading or screen.ready  # at once, before the text is made
        await ready(pilot, SummaryScreen)
        assert not screen.preview.loading


# -- home at 80x24 ---------------------------------------------------------------------------------


async def test_home_keeps_the_period_and_the_state_when_the_sparkline_grows(demo_store):
    """Twelve weeks of values make a 12-cell sparkline: at 80 columns the period, the score
    and the week's state still show whole."""
    [o] = demo_store.objectives()
    o.start, o.end = "2026-07-01", "2026-12-31"
    demo_store.save_objective(o)
    monday = date(2026, 7, 27)
    for n in range(12):
        week = weeks.week_key(monday + timedelta(weeks=n))
        krs = [
            KRCheck(kr.id, 1 if kr.kind == "milestone" else (n + 1) * (kr.target or 9) // 13, 7, "")
            for kr in o.key_results
        ]
        if demo_store.checkin(o.id, week) is None:
            demo_store.save_checkin(CheckIn(o.id, week, week_monday(week), "", krs, []))
    for lang in ("en", "zh"):
        app = OkrApp(demo_store, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            [card] = app.screen.query(ObjectiveCard)
            lines = [line for line in rendered(app) if line.strip()]
            assert any("2026-07-01 – 2026-12-31" in line for line in lines)
            state = "due" if lang == "en" else "本周待更新"
            assert any("2026-W43" in line and line.rstrip().endswith(state) for line in lines)
            assert card


def week_monday(week: str) -> str:
    return weeks.week_days(week)[0].isoformat()


def rendered(app) -> list[str]:
    """The screen's text as the terminal shows it, a line per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


# -- toasts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_toast_covers_no_input_field_and_wraps_at_words(demo_store, lang):
    """The longest toast there is (a refused save, with the rescue file's path) in the
    editor at 80x24: it covers no field, and breaks lines between words."""
    app = OkrApp(demo_store, lang=lang)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("e")
        screen = await until(pilot, lambda: isinstance(app.screen, EditorScreen) and app.screen)
        await pilot.press("enter")
        title = screen.query_one("#o-title", Input)
        await until(pilot, lambda: app.focused is title, "the title field")
        await pilot.press("end", "x")
        raw = demo_store.path.read_bytes()
        demo_store.path.write_bytes(raw[:2000])
        await pilot.press("ctrl+s")
        toast = await until(pilot, lambda: list(app.screen.query("Toast")), "a toast")
        await pilot.pause()
        region = toast[0].region
        assert region.height >= 1
        for field in screen.query("Input, Select, TextArea"):
            if isinstance(field, Input | Select | TextArea) and field.display and field.region:
                assert not region.overlaps(field.region), field.id
        message = str(app._notifications.__iter__().__next__().message)
        words = set(message.split())
        toast_lines = [line[region.x : region.right].strip() for line in rendered(app)][
            region.y : region.bottom
        ]
        # Every line of the toast ends on a whole word of the message, unless the word is
        # longer than the toast's line (a path folds: there is nowhere else to break it).
        long_words = [w for w in words if len(w) > region.width - 4]
        for line in toast_lines:
            last = line.removeprefix("▌").split()[-1] if line.removeprefix("▌").strip() else ""
            if last:
                assert last in words or any(last in w for w in long_words), line


async def test_a_toast_leaves_the_meeting_dialog_whole():
    """The one-on-one dialog at 80x24: a refused save's message takes room above it, and
    the date, the notes and the buttons all stay on screen, uncovered. (A data dir of a
    usual length: pytest's own are three times longer than ~/.local/share/okr-checkin.)"""
    import shutil
    import tempfile

    from store.demo import build_demo
    from store.repo import Store

    folder = tempfile.mkdtemp(prefix="okr")
    demo_store = Store(folder)
    build_demo(demo_store, "en")
    try:
        await _meeting_dialog_whole(demo_store)
    finally:
        shutil.rmtree(folder)


async def _meeting_dialog_whole(demo_store) -> None:
    from screens.prep import MeetingDialog, PrepScreen

    app = OkrApp(demo_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("p")
        await ready(pilot, PrepScreen)
        await pilot.press("r")
        dialog = await until(pilot, lambda: isinstance(app.screen, MeetingDialog) and app.screen)
        await pilot.press("enter", *"Agreed: hire")
        raw = demo_store.path.read_bytes()
        demo_store.path.write_bytes(raw[:2000])
        await pilot.press("ctrl+s")
        await until(pilot, lambda: list(dialog.query("Toast")), "a toast")

        def laid_out() -> bool:  # once the layout has made room for the message
            region = dialog.query_one("Toast").region
            return region.height >= 3 and all(
                not region.overlaps(w.region) and dialog.region.contains_region(w.region)
                for w in dialog.query("#pr-date, #pr-notes, #pr-save, #pr-cancel")
            )

        await until(pilot, laid_out, "the message above the dialog, the dialog whole")


# -- help ------------------------------------------------------------------------------------------


async def test_help_lists_the_checkin_keys(demo_store):
    app = OkrApp(demo_store)
    async with app.run_test(size=(120, 80)) as pilot:
        await pilot.press("question_mark")
        screen = await until(pilot, lambda: isinstance(app.screen, HelpScreen) and app.screen)
        shown = "\n".join(rendered(app))
        from screens.checkin import HELP_KEYS

        for keys in [
            "n o r x d -",
            "← → space",
            "y / n / space",
            "tab / shift+tab",
            "PgUp / ctrl+b",
            "PgDn / ctrl+n",
            "ctrl+t",
            "ctrl+r",
            "ctrl+g",
            "ctrl+s",
            "escape",
        ]:
            assert keys in shown, keys
        assert [keys for keys, _ in HELP_KEYS if keys not in shown] == []
        assert screen
