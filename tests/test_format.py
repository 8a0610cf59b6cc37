"""tui.format: every screen and report writes values, measures, confidences and statuses
the same way."""

from __future__ import annotations

import pytest

from store.model import KeyResult
from tui import format as fmt
from tui import i18n


def kr(kind="number", start=0, target=50, unit="customers"):
    return KeyResult("k", "KR", kind, start, target, unit)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        (2500000, "2,500,000"),
        (2500000.0, "2,500,000"),
        (12.5, "12.5"),
        (-1234.5, "-1,234.5"),
        (0, "0"),
        (0.25, "0.25"),
    ],
)
def test_numbers_have_thousands_separators(value, text):
    assert fmt.number(value) == text


def test_values_and_measures_read_the_same_everywhere():
    customers = kr()
    assert fmt.value_text(customers, 2500) == "2,500 customers"
    assert fmt.measure_text(customers) == "0 → 50 customers"
    churn = kr("percent", 8, 5, "%")
    assert fmt.measure_text(churn) == "8% → 5%"
    assert fmt.value_text(churn, 7.5) == "7.5%"
    assert fmt.target_text(churn) == "5%"
    assert fmt.measure_text(kr(target=None, unit="家")) == "0 → ? 家"
    assert fmt.measure_text(kr("percent", None, 90, "%")) == "? → 90%"
    assert fmt.measure_text(kr("stay_below", None, 2, "%")) == "stay below 2%"
    milestone = kr("milestone", 0, 1, "")
    assert fmt.measure_text(milestone) == "milestone"
    assert fmt.value_text(milestone, 1) == "done" and fmt.value_text(milestone, 0) == "not done"
    i18n.set_lang("zh")
    assert fmt.value_text(milestone, 1) == "已完成"
    assert fmt.measure_text(kr("stay_above", None, 95, "%")) == "保持高于 95%"


def test_confidence_and_status_styles():
    assert [fmt.confidence_style(c) for c in (None, 0, 3, 4, 7, 8, 10)] == [
        "dim",
        "red",
        "red",
        "yellow",
        "yellow",
        "green",
        "green",
    ]
    assert fmt.confidence_text(7) == "7/10" and fmt.confidence_text(None) == "—"
    assert fmt.status_text("at_risk") == "at risk" and fmt.status_style("at_risk") == "yellow"
    assert fmt.signed(21) == "+21" and fmt.signed(-3000) == "-3,000" and fmt.signed(0) == "0"
