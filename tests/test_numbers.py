"""store.numbers: the one parser of numbers as people type them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from store.numbers import NumberError, parse_decimal, parse_number, read_chinese


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("21", 21),
        ("-3", -3),
        ("2.5", 2.5),
        ("1,500", 1500),
        ("1,500,000.5", 1500000.5),
        ("１，５００", 1500),
        ("４５％", 45),
        ("45%", 45),
        ("2.5k", 2500),
        ("10w", 100000),
        ("10万", 100000),
        ("3千", 3000),
        ("1.2亿", 120000000),
        ("5M", 5000000),
        ("2bn", 2000000000),
        ("十万", 100000),
        ("两百", 200),
        ("三千", 3000),
        ("一万五", 15000),
        ("1万5", 15000),
        ("二十五", 25),
        ("  7 ", 7),
        ("", None),
        ("   ", None),
    ],
)
def test_numbers_as_people_type_them(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["1,2,3", "12,34", "abc", "1.2.3", "--3", "k", "万", "1e5x", "半"])
def test_not_a_number(text):
    with pytest.raises(NumberError) as e:
        parse_number(text)
    assert e.value.reason == "not_a_number"


@pytest.mark.parametrize("text", ["9" * 30, "2000000000000000", "2000万亿", "一千万亿零一"])
def test_too_large_says_so(text):
    with pytest.raises(NumberError) as e:
        parse_number(text)
    assert e.value.reason == "too_large"


def test_exact_decimals_and_chinese_runs():
    assert parse_decimal("0.1") == Decimal("0.1")
    assert read_chinese("两百") == 200
    assert read_chinese("粉丝") is None
