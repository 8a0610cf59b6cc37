"""The paste box's live preview shows, under each KR, the words its numbers were read
from, so a wrong reading is seen before anything is saved (Pilot)."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, Static
from waiting import until

from screens.paste import PasteScreen
from tui.app import OkrApp

TEXT = """\
Here is our plan.

Objective: Accelerate revenue growth
Key Results:
- Increase MRR from $50k to $80k
- Reduce customer complaints by 25%
- Keep churn below 2%
- Hire 3 to 5 support engineers
- Ship the referral programme
"""


async def preview_of(pilot, text: str) -> list[str]:
    """Paste ``text`` and wait (bounded) until the preview shows its KRs."""
    screen = pilot.app.screen
    assert isinstance(screen, PasteScreen)
    pilot.app.post_message(events.Paste(text))
    # The preview is rebuilt after a short quiet time: wait for it.
    await until(pilot, lambda: screen.query(".p-read"), "the preview showing the KRs")
    return [str(w.render()) for w in screen.query(".p-read Static.p-body")]


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "read from “from $50k to $80k”",
                "read from “Reduce customer complaints by 25%”",
                "read from “below 2%”",
                "read from “3 to 5 support engineers”",
                "no number: a milestone",
            ],
        ),
        (
            "zh",
            [
                "读自“from $50k to $80k”",
                "读自“Reduce customer complaints by 25%”",
                "读自“below 2%”",
                "读自“3 to 5 support engineers”",
                "无数字：里程碑",
            ],
        ),
    ],
)
async def test_preview_shows_the_words_each_kr_was_read_from(store, lang, lines):
    app = OkrApp(store, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        assert await preview_of(pilot, TEXT) == lines  # one line per KR, in order
        screen = app.screen
        # the relative change's target follows from its start: only the range is asked
        assert [i.id for i in screen.query(".target").results(Input)] == ["target-0-3"]
        assert store.objectives() == []  # nothing saved by looking


async def test_preview_shows_a_wrong_reading_before_saving(store):
    """The words make a surprising reading visible: here the 1000 in the remark is not
    read, and the preview says which words were."""
    app = OkrApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(PasteScreen())
        await pilot.pause()
        read = await preview_of(
            pilot, "目标：开拓华东市场\n- 成功开拓3家行业标杆客户（员工规模1000人以上）\n"
        )
        assert read == ["read from “开拓3家”"]
        texts = [str(w.render()) for w in app.screen.query(".p-measure Static.p-body")]
        assert any("0 → 3 家" in t for t in texts)
        error = app.screen.query_one("#parse-error", Static)
        assert not error.display
