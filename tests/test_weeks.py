"""ISO weeks and the Thursday rule."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from store import weeks


def test_week_key_and_monday():
    assert weeks.week_key(date(2026, 10, 5)) == "2026-W41"
    assert weeks.week_monday("2026-W41") == date(2026, 10, 5)
    assert weeks.week_days("2026-W41") == (date(2026, 10, 5), date(2026, 10, 11))


def test_year_edges():
    # 2026-01-01 is a Thursday: it is in 2026-W01; 2027-01-01 (Friday) is in 2026-W53.
    assert weeks.week_key(date(2026, 1, 1)) == "2026-W01"
    assert weeks.week_key(date(2027, 1, 1)) == "2026-W53"
    assert weeks.weeks_in_year(2026) == 53
    assert weeks.weeks_in_year(2025) == 52


def test_month_of_week_by_thursday():
    assert weeks.week_month("2026-W40") == "2026-10"  # Mon 09-28, Thu 10-01
    assert weeks.week_month("2026-W44") == "2026-10"  # Mon 10-26, Thu 10-29
    assert weeks.week_month("2026-W45") == "2026-11"  # Mon 11-02
    assert weeks.week_month("2026-W49") == "2026-12"  # Mon 11-30, Thu 12-03


def test_month_weeks():
    assert weeks.month_weeks("2026-10") == [
        "2026-W40",
        "2026-W41",
        "2026-W42",
        "2026-W43",
        "2026-W44",
    ]
    assert weeks.month_weeks("2026-11") == ["2026-W45", "2026-W46", "2026-W47", "2026-W48"]
    assert weeks.month_weeks("2026-12")[0] == "2026-W49"


@pytest.mark.parametrize("bad", ["2026-W00", "2026-W54", "2025-W53", "2026-W5", "2026W41", "", "x"])
def test_bad_weeks_refused(bad):
    with pytest.raises(ValueError):
        weeks.parse_week(bad)


@pytest.mark.parametrize("bad", ["2026-13", "2026-00", "2026-1", "26-10", "2026-10-01"])
def test_bad_months_refused(bad):
    with pytest.raises(ValueError):
        weeks.parse_month(bad)


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-1-1", "20261001", "2026-10-01T00:00"])
def test_bad_dates_refused(bad):
    with pytest.raises(ValueError):
        weeks.parse_date(bad)


def test_shift_month_and_week():
    assert weeks.shift_month("2026-12", 1) == "2027-01"
    assert weeks.shift_month("2026-01", -1) == "2025-12"
    assert weeks.shift_week("2026-W53", 1) == "2027-W01"


def test_today_follows_pendulum_and_env(monkeypatch):
    assert weeks.today() == date(2026, 10, 19)  # conftest pins pendulum's clock
    monkeypatch.setenv("OKR_TODAY", "2026-11-26")
    assert weeks.today() == date(2026, 11, 26)


days = st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31))


@given(days)
def test_every_day_is_in_its_week(day):
    monday, sunday = weeks.week_days(weeks.week_key(day))
    assert monday <= day <= sunday
    assert monday.weekday() == 0


@given(st.integers(1900, 2999), st.integers(1, 12))
def test_every_week_is_in_exactly_one_month(year, month):
    key = f"{year:04d}-{month:02d}"
    listed = weeks.month_weeks(key)
    assert 4 <= len(listed) <= 5
    for week in listed:
        assert weeks.week_month(week) == key
    # The week after the last one belongs to the next month.
    assert weeks.week_month(weeks.shift_week(listed[-1], 1)) == weeks.shift_month(key, 1)
    assert weeks.week_month(weeks.shift_week(listed[0], -1)) == weeks.shift_month(key, -1)


@given(days, st.integers(0, 400))
def test_weeks_between_is_contiguous(start, span):
    end = start + timedelta(days=span)
    listed = weeks.weeks_between(start, end)
    assert listed[0] == weeks.week_key(start) and listed[-1] == weeks.week_key(end)
    for a, b in zip(listed, listed[1:], strict=False):
        assert weeks.shift_week(a, 1) == b


def test_bad_okr_today_is_one_sentence(monkeypatch):
    monkeypatch.setenv("OKR_TODAY", "2026-02-31")
    with pytest.raises(SystemExit) as e:
        weeks.today()
    assert str(e.value) == "Error: OKR_TODAY='2026-02-31' is not a date YYYY-MM-DD."


# -- the one rule for which weeks belong to (and are due for) an objective ----------------------


def test_a_week_belongs_to_the_period_that_holds_its_thursday():
    assert weeks.in_period("2026-W40", "2026-10-01", "2026-10-31")  # Thu 1 Oct
    assert not weeks.in_period("2026-W49", "2026-11-01", "2026-11-30")  # Thu 3 Dec
    assert weeks.in_period("2026-W53", "2026-10-01", "2026-12-31")  # Thu 31 Dec
    assert not weeks.in_period("2020-W53", "2026-10-01", "2026-12-31")
    assert weeks.period_weeks("2026-11-01", "2026-11-30") == [
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
    ]
    assert weeks.period_weeks("2026-10-01", "2026-12-31")[-1] == "2026-W53"
    for month in ("2026-02", "2026-10", "2027-01"):
        assert weeks.period_weeks(*weeks.month_days(month)) == weeks.month_weeks(month)


def test_due_only_in_its_own_weeks_and_never_archived_or_closed():
    q4 = ("2026-10-01", "2026-12-31")
    assert weeks.is_due("2026-W53", *q4)
    assert not weeks.is_due("2027-W01", *q4)
    assert not weeks.is_due("2026-W53", *q4, archived=True)
    assert not weeks.is_due("2026-W53", *q4, closed=True)
    assert not weeks.is_due("2026-W49", "2026-11-01", "2026-11-30")
