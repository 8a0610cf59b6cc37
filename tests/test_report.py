"""tui.report: the month summary and the prep in Markdown, plain text and JSON, English and Chinese."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from store.rollup import month_rollup, prep_rollup
from tui.report import render_prep, render_summary
from tui.text import char_width


def _golden():
    """The constructed quarter of test_rollup.py (loaded by path: no package needed)."""
    path = Path(__file__).with_name("test_rollup.py")
    spec = importlib.util.spec_from_file_location("_rollup_golden", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = _golden()
LANGS = ("en", "zh")
HOSTILE = "paste this \x1b]52;c;ZXZpbA==\x07 and \x9b31m red \u202e evil"


@pytest.fixture
def october_rollup():
    objective, checkins, meetings = GOLDEN.october()
    return month_rollup(objective, checkins, meetings, "2026-10", GOLDEN.AFTER_OCTOBER)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "text"))
def test_every_note_of_the_month_and_no_other(october_rollup, lang, fmt):
    text = render_summary([october_rollup], "2026-10", fmt, lang)
    for note in GOLDEN.OCTOBER_NOTES:
        assert note in text, note
    for note in GOLDEN.OTHER_NOTES:
        assert note not in text, note
    assert "谈了预算" in text  # the one-on-one of the month
    assert "SEPTEMBER-MEETING" not in text and "NOVEMBER-MEETING" not in text


def test_section_order_and_words(october_rollup):
    en = render_summary([october_rollup], "2026-10", "text", "en")
    heads = ["1. Bottom line", "2. Key results", "3. What was done", "4. What we adjusted",
             "5. Risks and asks", "6. Check-in discipline", "7. Next month"]  # fmt: skip
    positions = [en.index(h) for h in heads]
    assert positions == sorted(positions)
    assert en.startswith("OKR summary: October 2026\n")
    assert (
        "At risk: score 65% against 62% expected; KR4: target unknown, left out of the score;" in en
    )
    assert "4 of 5 weeks checked in. Missing: 2026-W42." in en
    assert "#" not in en and "|---" not in en and "**" not in en  # no Markdown marks

    zh = render_summary([october_rollup], "2026-10", "text", "zh")
    assert zh.startswith("OKR 月度总结：2026年10月\n")
    for h in ("1. 结论", "2. 关键结果", "3. 本月进展", "6. 周度更新执行情况", "7. 下月重点"):
        assert h in zh
    assert "5 周中已更新 4 周。缺少：2026-W42。" in zh
    assert "有风险：得分 65%，按时间进度应达 62%" in zh


def test_markdown_shape(october_rollup):
    md = render_summary([october_rollup], "2026-10", "md", "en")
    assert md.startswith("# OKR summary: October 2026\n")
    assert "### 1. Bottom line" in md
    # The weekly column: each week of the month as a bar from the KR's start to its target,
    # a dot for the week without a check-in (W42).
    assert (
        "| KR1 Finalise the working process | not done → done | ▁▁·██ | milestone | 100% | 100%"
        in md
    )
    assert (
        "| KR2 Win new customers 新客户 | 5 → 25 | ▂▄·▄▅ | 50 家 | 50% | 50% | +20 | 7 → 3 | behind |"
        in md
    )
    assert (
        "| KR3 Cut complaints 减少投诉 | 90 → 64 | ▃··▅▅ | 40 件 | 60% | 60% | -26 | 6 → 7 | on track |"
        in md
    )
    assert (
        "| KR4 Followers on platform X 粉丝 | 3 → 7 | ·█··· | target unknown | target unknown | — | +4 |"
        in md
    )
    assert "    - 2026-W43: 进度放缓 | 渠道不足" in md  # notes in lists keep their pipes


def test_month_to_date_label():
    objective, checkins, meetings = GOLDEN.october()
    r = month_rollup(objective, checkins[:4], meetings, "2026-10", date(2026, 10, 20))
    en = render_summary([r], "2026-10", "text", "en")
    assert en.startswith("OKR summary: October 2026 (to date)")
    assert "3 of 4 weeks due so far checked in (the month has 5). Missing: 2026-W42." in en
    assert "2026年10月（截至目前）" in render_summary([r], "2026-10", "md", "zh")


def _cells(line: str) -> list[str]:
    """One entry per terminal cell: a wide character, then '' for its second cell."""
    out: list[str] = []
    for ch in line:
        out.append(ch)
        out += [""] * (char_width(ch) - 1)
    return out


def _tables(text: str) -> list[tuple[list[tuple[int, int]], list[str]]]:
    """(column spans, body lines) of every plain-text table (found by its rule line)."""
    lines = text.split("\n")
    found = []
    for n, line in enumerate(lines):
        stripped = line.strip()
        if stripped and set(stripped) <= {"─", " "} and line.startswith("  ─"):
            cells = _cells(line)
            spans, start = [], None
            for i, c in enumerate(cells + [" "]):
                if c == "─" and start is None:
                    start = i
                elif c != "─" and start is not None:
                    spans.append((start, i))
                    start = None
            body = [lines[n - 1]]
            for row in lines[n + 1 :]:
                if not row.startswith("  ") or row.startswith("  •"):
                    break
                body.append(row)
            found.append((spans, body))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_text_columns_align_in_cells(october_rollup, lang):
    text = render_summary([october_rollup], "2026-10", "text", lang)
    tables = _tables(text)
    assert len(tables) == 2  # key results, status by week
    for spans, body in tables:
        assert len(body) >= 5
        for row in body:
            cells = _cells(row)
            for k, (start, end) in enumerate(spans):
                segment = "".join(cells[start:end]).strip()
                assert segment, (row, k)
                assert start == 0 or cells[start - 1] == " ", (row, k)
                # no cell spills into the gap before the next column
                assert end >= len(cells) or cells[end] == " ", (row, k)
                assert cells[start] != " " or cells[end - 1] != " ", (row, k)


@pytest.mark.parametrize("lang", LANGS)
def test_json_is_stable_and_numeric(october_rollup, lang):
    data = json.loads(render_summary([october_rollup], "2026-10", "json", lang))
    assert list(data) == ["format", "version", "lang", "month", "to_date", "objectives"]
    assert (data["format"], data["month"], data["to_date"]) == ("okr-summary", "2026-10", False)
    o = data["objectives"][0]
    assert o["score"] == pytest.approx(0.65)
    assert o["verdict"] == "at_risk"
    k2 = o["key_results"][1]
    assert (k2["month_start"], k2["month_end"], k2["change"], k2["progress"]) == (5, 25, 20, 0.5)
    assert o["key_results"][3]["target"] is None
    assert o["discipline"]["missing"] == ["2026-W42"]
    assert o["bottom_line"].startswith("At risk" if lang == "en" else "有风险")
    assert [n["text"] for n in o["week_notes"]][0] == "赢了一个大客户"  # UTF-8, not \\u escapes


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else []
    return [s for v in values for s in _strings(v)]


def _hostile_rollup():
    objective, checkins, meetings = GOLDEN.october()
    objective.title = "Title " + HOSTILE
    objective.key_results[1].items[0].title = "Item " + HOSTILE
    checkins[3].note = HOSTILE
    checkins[3].items[1].progress = HOSTILE
    checkins[3].items[1].adjustment = HOSTILE
    meetings[1].notes = HOSTILE
    return month_rollup(objective, checkins, meetings, "2026-10", GOLDEN.AFTER_OCTOBER), (
        objective,
        checkins,
        meetings,
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "text", "json"))
def test_no_raw_control_characters(lang, fmt):
    rollup, (objective, checkins, meetings) = _hostile_rollup()
    prep = prep_rollup([objective], checkins, meetings, date(2026, 10, 1), date(2026, 10, 27))
    for out in (
        render_summary([rollup], "2026-10", fmt, lang),
        render_prep(prep, fmt, lang),
    ):
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in out
        if fmt == "json":  # the data is kept exactly, only escaped
            assert HOSTILE in _strings(json.loads(out))
        else:
            assert "␛]52;c;ZXZpbA==␇" in out


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("fmt", ("md", "text", "json"))
def test_prep_renders(lang, fmt):
    objective, checkins, meetings = GOLDEN.october()
    prep = prep_rollup([objective], checkins, meetings, None, date(2026, 10, 27))
    out = render_prep(prep, fmt, lang)
    if fmt == "json":
        data = json.loads(out)
        assert data["since"] == "2026-10-17"
        assert data["objectives"][0]["key_results"][1]["now"] == 25
        return
    assert "改为每周两次拜访" in out and "Need budget approval 需要预算" in out
    assert "加大投放" not in out  # W41: before the last one-on-one
    points = "Talking points" if lang == "en" else "沟通要点"
    assert points in out
    assert ("18 → 25" in out) and ("KR4" in out)


def test_several_objectives_and_none(october_rollup):
    objective, checkins, meetings = GOLDEN.october()
    objective.id, objective.title = "o2", "Second objective 第二个目标"
    other = month_rollup(objective, [], meetings, "2026-10", GOLDEN.AFTER_OCTOBER)
    text = render_summary([october_rollup, other], "2026-10", "text", "en")
    assert text.count("1. Bottom line") == 2
    assert "Objective: Second objective 第二个目标" in text
    assert "no check-in this month" in text
    assert render_summary([], "2026-10", "text", "zh").endswith("2026年10月没有进行中的目标。\n")
    assert json.loads(render_summary([], "2026-10", "json", "en"))["objectives"] == []
