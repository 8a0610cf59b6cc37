"""The O/KR/E text parser (store.okrtext): heads, refusals, explicit measures, robustness.

The table of KR lines as people write them is tests/test_okrtext_lines.py; whole pasted
texts are tests/test_okrtext_pastes.py; the "never a number the line does not say"
property is tests/test_okrtext_property.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import store
from store.model import KeyResult, Objective
from store.okrtext import (
    KRNote,
    Measure,
    OkrTextError,
    ParseResult,
    infer_measure,
    parse_okr_text,
)

EXAMPLES = Path(store.__file__).parent / "examples"
PERIOD = {"start": "2026-10-01", "end": "2026-10-31"}


def parse(text: str | bytes, week: str | None = "2026-W40") -> ParseResult:
    return parse_okr_text(text, week=week, **PERIOD)


def refused(text: str | bytes) -> OkrTextError:
    with pytest.raises(OkrTextError) as info:
        parse(text)
    return info.value


def assert_valid(result: ParseResult) -> None:
    for o in result.objectives:
        assert Objective.from_dict(o.to_dict()) == o


def shape(result: ParseResult) -> list[list[int]]:
    return [[len(kr.items) for kr in o.key_results] for o in result.objectives]


# -- the example files -------------------------------------------------------------------------


def test_english_example():
    result = parse((EXAMPLES / "seed-okr-en.txt").read_text("utf-8"))
    assert shape(result) == [[2, 2, 2]]
    o = result.objectives[0]
    assert o.title == "Build a successful customer-expansion team"
    assert (o.start, o.end, o.owner) == ("2026-10-01", "2026-10-31", None)
    kr1, kr2, kr3 = o.key_results
    assert (kr1.kind, kr1.start, kr1.target) == ("milestone", 0, 1)
    assert (kr2.kind, kr2.start, kr2.target, kr2.unit) == ("number", 0, 50, "new customers")
    assert (kr3.kind, kr3.start, kr3.target, kr3.unit) == ("number", 0, 100000, "followers")
    assert kr2.title == "Win 50 new customers in October"
    assert kr1.items[0].title == "Draft the first version of the team process"
    assert all(i.added == "2026-W40" and i.active for kr in o.key_results for i in kr.items)
    assert [n.source for n in result.notes] == ["default", "inferred", "inferred"]
    assert result.unknown_targets == [] and result.warnings == [] and result.skipped == []
    assert [n.read_from for n in result.notes] == [
        "",
        "Win 50 new customers",
        "Gain 100k followers",
    ]
    assert_valid(result)


def test_chinese_example():
    result = parse((EXAMPLES / "seed-okr-zh.txt").read_bytes())
    assert shape(result) == [[2, 2, 2]]
    o = result.objectives[0]
    assert o.title == "打造一个成功的客户拓展团队"
    kr1, kr2, kr3 = o.key_results
    assert (kr1.kind, kr1.start, kr1.target, kr1.unit) == ("milestone", 0, 1, "")
    assert (kr2.kind, kr2.target, kr2.unit) == ("number", None, "家")
    assert (kr3.kind, kr3.start, kr3.target, kr3.unit) == ("number", 0, 100000, "粉丝")
    assert kr3.title == "在开发新客户活动X大平台上收获10w粉丝"
    assert kr3.items[0].title == "对X大平台进行数据分析,制定迅速涨粉的方案一"
    assert [n.kr_title for n in result.unknown_targets] == ["完成10月XX家新客户的开发"]
    assert_valid(result)


def test_first_draft_example():
    result = parse((EXAMPLES / "seed-okr-first-draft-zh.txt").read_text("utf-8"))
    assert shape(result) == [[1, 1, 1]]
    assert result.objectives[0].title == "10月达成XX家客户的拉新"
    assert len(result.unknown_targets) == 3
    assert all((n.kind, n.target, n.unit) == ("number", None, "家") for n in result.notes)
    assert_valid(result)


def test_notes_describe_each_kr_in_order():
    result = parse(
        "O: Grow\nKR1: Win 50 customers\nKR2: Ship it\n\nO: Keep\nKR: Reach 40% activation"
    )
    ids = [kr.id for o in result.objectives for kr in o.key_results]
    assert result.notes == [
        KRNote(
            "Grow", "Win 50 customers", "number", 0, 50, "customers", "inferred", 2,
            "Win 50 customers", None, ids[0],
        ),
        KRNote("Grow", "Ship it", "milestone", 0, 1, "", "default", 3, "", None, ids[1]),
        KRNote(
            "Keep", "Reach 40% activation", "percent", None, 40, "%", "inferred", 6,
            "Reach 40%", None, ids[2],
        ),
    ]  # fmt: skip
    assert [n.kr_title for n in result.unknown_starts] == ["Reach 40% activation"]


def test_fresh_ids_and_no_week():
    result = parse("O: a\nKR: b\nE: c\nE: d\nKR: e\nE: f", week=None)
    o = result.objectives[0]
    ids = [o.id] + [k.id for k in o.key_results] + [i.id for k in o.key_results for i in k.items]
    assert len(set(ids)) == len(ids)
    assert o.id.startswith("o-") and o.key_results[0].id.startswith("kr-")
    assert o.key_results[0].items[0].id.startswith("e-")
    assert all(i.added is None for k in o.key_results for i in k.items)
    assert parse("O: a\nKR: b").objectives[0].id != o.id


# -- line variants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "o_line",
    [
        "O: Grow",
        "O：Grow",
        "O Grow",
        "O1: Grow",
        "O1. Grow",
        "o: Grow",
        "Objective: Grow",
        "OBJECTIVE 1: Grow",
        "objective：Grow",
        "  O:   Grow  ",
        "- O: Grow",
        "* O: Grow",
        "• O: Grow",
        "·O: Grow",
        "\tO:\tGrow",
    ],
)
def test_objective_heads(o_line):
    result = parse(f"{o_line}\nKR: Ship it")
    assert result.objectives[0].title == "Grow"


@pytest.mark.parametrize(
    "o_line", ["目标：打造团队", "目标: 打造团队", "目标1：打造团队", "目标 打造团队"]
)
def test_chinese_objective_heads(o_line):
    assert parse(f"{o_line}\nKR: x").objectives[0].title == "打造团队"


@pytest.mark.parametrize(
    "kr_line",
    [
        "KR: Ship it",
        "KR1: Ship it",
        "KR1：Ship it",
        "KR1 Ship it",
        "KR 2: Ship it",
        "KR 2 Ship it",
        "KR1. Ship it",
        "KR1.Ship it",
        "KR1、Ship it",
        "KR1) Ship it",
        "KR1 - Ship it",
        "kr1: Ship it",
        "Kr3: Ship it",
        "Key Result 3: Ship it",
        "key result: Ship it",
        "Key Results 1 Ship it",
        "关键结果1：Ship it",
        "关键结果 Ship it",
        "  - KR1: Ship it",
        "    * KR1 Ship it",
    ],
)
def test_kr_heads(kr_line):
    kr = parse(f"O: Grow\n{kr_line}").objectives[0].key_results[0]
    assert kr.title == "Ship it"


def test_number_then_cjk_title():
    kr = parse("O1打造团队\nKR1完成XX家新客户").objectives[0].key_results[0]
    assert kr.title == "完成XX家新客户"


@pytest.mark.parametrize(
    "e_line",
    [
        "E: Plan one",
        "E1: Plan one",
        "E Plan one",
        "e1. Plan one",
        "E2) Plan one",
        "Initiative: Plan one",
        "initiative 2: Plan one",
        "执行：Plan one",
        "行动1、Plan one",
        "举措: Plan one",
        "      - E: Plan one",
        "• E1 Plan one",
    ],
)
def test_e_heads(e_line):
    kr = parse(f"O: Grow\nKR: Ship it\n{e_line}").objectives[0].key_results[0]
    assert [i.title for i in kr.items] == ["Plan one"]


def test_several_objectives():
    text = """
O1: First
  KR1: Win 50 customers
    - E: a
    - E: b
  KR2: Ship it
O2: Second
  KR1: Reach 40% activation
    - E: c
目标：第三
关键结果：完成XX家
"""
    result = parse(text)
    assert [o.title for o in result.objectives] == ["First", "Second", "第三"]
    assert shape(result) == [[2, 0], [1], [0]]
    assert len(result.notes) == 4
    assert_valid(result)


def test_crlf_bom_and_blank_lines():
    text = "\ufeffO: Grow\r\n\r\n  KR1: Win 50 customers\r\n\r\n\tE: a\r\nE: b\r\n"
    for data in (text, text.encode("utf-8"), text.lstrip("\ufeff").encode("utf-8-sig")):
        result = parse(data)
        assert result.objectives[0].title == "Grow"
        assert shape(result) == [[2]]
        assert result.objectives[0].key_results[0].items[1].title == "b"


def test_cr_only_line_ends_and_line_numbers():
    assert refused("O: a\rKR: b\r\rE: c\rKR1:").line == 5
    assert parse("O: a\rKR: b\r\rjunk").skipped == [(4, "junk")]


def test_objective_without_kr_is_allowed_and_reported():
    result = parse("O: Alone\n\nO: Second\nKR: x")
    assert [len(o.key_results) for o in result.objectives] == [0, 1]
    assert result.warnings == ["line 1: objective 'Alone' has no key result"]
    assert_valid(result)


def test_titles_are_stripped_only_at_the_ends():
    kr = parse("O:   a  b  \nKR:\t Win  50  customers \t").objectives[0].key_results[0]
    assert kr.title == "Win  50  customers"


# -- refusals ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("", 0, "no objective"),
        ("\n \n\t\n", 0, "no objective"),
        ("\ufeff", 0, "no objective"),
        ("KR1: Win 50 customers\nO: x", 1, "before any objective"),
        ("\n\nE: Plan\n", 3, "before any key result"),
        ("O: a\nKR: b\nO: c\nE: d", 4, "before any key result"),
        ("Own the market\n", 0, "no objective"),
        ("Intro\nKR1: Win 50 customers\nO: x", 2, "add an O: line above it"),
        ("O: a\nInitiatives:\n- call leads", 3, "before any key result"),
        ("O: a\nKR: b\nE:\nKR: c", 3, "has no title"),
        ("O:\nKR: x", 1, "has no title"),
        ("Objective:\n\n", 1, "has no title"),
        ("O: a\nKR1:   \n", 2, "has no title"),
        ("O: a\nKR1", 2, "has no title"),
        ("O: a\nKR: b\nE：", 3, "has no title"),
        ("O: a\nKR: [0 -> 5]", 2, "no title besides its measure"),
        ("O: a\nKR: Win customers [5 -> 5]", 2, "start and target are equal"),
        ("O: a\nKR: Reduce churn by 150%", 2, "a reduction by more than 100%"),
        ("O: a\nKR: Cut time from 5 days to 5 days", 2, "start and target are equal"),
        ("O: a\n\nKR: Win 99999999999999999999 customers", 3, "number too large"),
        ("O: a\nKR: x [-> 5 " + "u" * 41 + "]", 2, "unit longer than 40"),
        ("O: a\nKR: " + "x" * 10_000, 2, "too long"),
    ],
)
def test_refusals(text, line, reason):
    error = refused(text)
    assert error.line == line
    assert reason in error.reason
    assert str(error) == (f"line {line}: {error.reason}" if line else error.reason)


def test_line_of_exactly_the_limit_is_fine():
    line = "KR: " + "x" * (10_000 - 4)
    assert parse(f"O: a\n{line}").objectives[0].key_results[0].title == "x" * 9996


@pytest.mark.parametrize(
    "data",
    [
        b"O: a\nKR: \xff\xfe b",
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"O: a\x00\nKR: b",
    ],
)
def test_not_text(data):
    error = refused(data)
    assert error.line == 0 and error.reason.startswith("not text")


@pytest.mark.parametrize(
    ("data", "code"), [(b"O: a\nKR: \x1b[31mred", "001B"), ("O: a\nKR: \x9b31m".encode(), "009B")]
)
def test_control_characters_are_refused_on_their_line(data, code):
    error = refused(data)
    assert error.line == 2 and error.reason == f"a control character (U+{code}) is not text"


def test_not_text_str():
    assert refused("O: a\x00b").reason.startswith("not text")
    assert refused("O: a\ud800").reason.startswith("not text")


def test_bad_arguments_are_value_errors():
    with pytest.raises(ValueError):
        parse_okr_text("O: a", start="2026-13-01", end="2026-10-31")
    with pytest.raises(ValueError):
        parse_okr_text("O: a", start="2026-10-31", end="2026-10-01")
    with pytest.raises(ValueError):
        parse_okr_text("O: a", start="2026-10-01", end="2026-10-31", week="2026-W99")


# -- inference -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "完成拓展团队工作流程的最终制定",
        "Finalise the expansion team's working process",
        "Launch the v2 app in Q3",
        "Ship in 2026",
        "Hold the 1st offsite on 15 October",
        "Move the 10:30 stand-up",
        "Release [beta] by H1",
        "在X大平台上开设账号",
    ],
)
def test_milestone_by_default(title):
    assert infer_measure(title) == Measure("milestone", 0, 1, "", "default", title, "", None)


@pytest.mark.parametrize(
    ("title", "kind", "start", "target", "unit", "rest"),
    [
        (
            "Win new customers [0 -> 50 customers]",
            "number",
            0,
            50,
            "customers",
            "Win new customers",
        ),
        ("拓展新客户 [0→50 家]", "number", 0, 50, "家", "拓展新客户"),
        ("Cut onboarding [14 -> 5 days]", "number", 14, 5, "days", "Cut onboarding"),
        ("Cut onboarding [14 days -> 5]", "number", 14, 5, "days", "Cut onboarding"),
        ("Win deals [-> 50]", "number", 0, 50, "", "Win deals"),
        ("Win deals [50 deals]", "number", 0, 50, "deals", "Win deals"),
        ("Win customers [? customers]", "number", 0, None, "customers", "Win customers"),
        ("拓展新客户 [0 -> ? 家]", "number", 0, None, "家", "拓展新客户"),
        ("拓展新客户【XX 家】", "number", 0, None, "家", "拓展新客户"),
        ("Win 50 customers [milestone]", "milestone", 0, 1, "", "Win 50 customers"),
        ("完成10w粉丝【里程碑】", "milestone", 0, 1, "", "完成10w粉丝"),
        ("Raise NPS [60% -> 85%]", "percent", 60, 85, "%", "Raise NPS"),
        ("涨粉［0 -> 10w 粉丝］", "number", 0, 100000, "粉丝", "涨粉"),
        ("Reduce churn [5% => 2%] this year", "percent", 5, 2, "%", "Reduce churn this year"),
        ("Fix balance [-5 -> 0]", "number", -5, 0, "", "Fix balance"),
        ("Ship [beta] to [0 -> 20 teams]", "number", 0, 20, "teams", "Ship [beta] to"),
        ("Raise CSAT [? -> 90%]", "percent", None, 90, "%", "Raise CSAT"),
        ("Grow MRR [$50k -> $80k]", "number", 50000, 80000, "$", "Grow MRR"),
        ("Churn [< 2%]", "stay_below", None, 2, "%", "Churn"),
        ("Churn [<= 2%]", "stay_below", None, 2, "%", "Churn"),
        ("Response time [below 4 hours]", "stay_below", None, 4, "hours", "Response time"),
        ("Uptime [>= 99.9%]", "stay_above", None, 99.9, "%", "Uptime"),
        ("客户满意度【不低于 95%】", "stay_above", None, 95, "%", "客户满意度"),
    ],
)
def test_explicit(title, kind, start, target, unit, rest):
    m = infer_measure(title)
    assert (m.kind, m.start, m.target, m.unit) == (kind, start, target, unit)
    assert (m.source, m.title, m.relative) == ("explicit", rest, None)


@pytest.mark.parametrize(
    ("title", "kind", "unit", "relative"),
    [
        ("Complaints [-25%]", "number", "", -0.25),
        ("Signups [+30%]", "number", "", 0.3),
        ("Conversion rate [+10%]", "percent", "%", 0.1),
        ("Weekly active teams [x2]", "number", "", 1.0),
    ],
)
def test_explicit_relative_change(title, kind, unit, relative):
    m = infer_measure(title)
    assert (m.kind, m.start, m.target, m.unit, m.relative) == (kind, None, None, unit, relative)
    assert m.source == "explicit" and "[" not in m.title


def test_explicit_measure_wins_over_the_words():
    m = infer_measure("Reduce churn by 25% [5% -> 3%]")
    assert (m.kind, m.start, m.target, m.relative) == ("percent", 5, 3, None)
    assert m.read_from == "[5% -> 3%]"


def test_explicit_measure_in_a_parsed_line():
    result = parse("O: Grow\nKR2: Win new customers [0 -> 50 customers]")
    kr = result.objectives[0].key_results[0]
    assert (kr.title, kr.target, kr.unit) == ("Win new customers", 50, "customers")
    assert result.notes[0].source == "explicit"


def test_bracket_that_is_not_a_measure_stays_in_the_title():
    m = infer_measure("Migrate [v1 -> v2] API for 30 teams")
    assert (m.title, m.target, m.unit) == ("Migrate [v1 -> v2] API for 30 teams", 30, "teams")


def test_infer_measure_refuses_equal_start_and_target():
    with pytest.raises(ValueError, match="start and target are equal"):
        infer_measure("Keep [3 -> 3 bugs]")


# -- properties ----------------------------------------------------------------------------------

HEADS = ["O: ", "KR: ", "E: ", "KR1 ", "目标：", "关键结果1：", "- E1. ", "", "Objective "]
TITLE_BITS = ["10w", "XX", "家", "from", " to ", "从", "到", "%", "[", "]", "->", "0", "2026", "k"]
titles = st.lists(st.one_of(st.sampled_from(TITLE_BITS), st.text(max_size=8)), max_size=6).map(
    "".join
)
lines = st.tuples(st.sampled_from(HEADS), titles).map("".join)


def check_parse(text: str | bytes) -> None:
    try:
        result = parse(text)
    except OkrTextError:
        return
    assert_valid(result)
    assert len(result.notes) == sum(len(o.key_results) for o in result.objectives)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_parses_or_is_refused(text):
    check_parse(text)


@settings(max_examples=300)
@given(st.binary())
def test_any_bytes_parse_or_are_refused(data):
    check_parse(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, max_size=12).map("\n".join))
def test_okr_like_text_parses_or_is_refused(text):
    check_parse("O: start\nKR: first\n" + text)


@settings(max_examples=300)
@given(titles)
def test_infer_measure_returns_a_storable_measure_or_a_reason(title):
    try:
        m = infer_measure(title)
    except ValueError as e:
        assert str(e)
        return
    assert m.kind in ("number", "percent", "milestone", "stay_below", "stay_above")
    assert m.source in ("explicit", "inferred", "default")
    assert len(m.unit) <= 40
    assert m.target is None or m.target != m.start
    kr = KeyResult("kr1", m.title or "x", m.kind, m.start, m.target, m.unit, relative=m.relative)
    assert KeyResult.from_dict(kr.to_dict()) == kr
