"""ISO weeks (Monday first) and the months they belong to.

A week belongs to the month that holds its Thursday (the ISO rule), so every
week is in exactly one month. The arithmetic is the ISO calendar, which the
standard library implements exactly; it is done with ``datetime.date`` so that
commands on a shell prompt (``okr due``) need not import pendulum. ``today()``
follows pendulum's clock whenever pendulum is loaded, so tests pin "today"
with ``pendulum.travel_to(..., freeze=True)``; ``OKR_TODAY=YYYY-MM-DD`` pins it
for a whole process (scripts, subprocess tests).
"""

import os
import re
import sys

try:  # the C implementation, which datetime re-exports: importing datetime's Python body
    from _datetime import date, timedelta  # first costs ``okr due`` a millisecond
except ImportError:  # pragma: no cover - another Python
    from datetime import date, timedelta

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def today() -> date:
    pinned = os.environ.get("OKR_TODAY")
    if pinned:
        try:
            return parse_date(pinned)
        except ValueError:
            # A setting of the whole process, not of one command: stop it with one
            # sentence on stderr (exit 1), whatever command is running.
            raise SystemExit(f"Error: OKR_TODAY={pinned!r} is not a date YYYY-MM-DD.") from None
    pendulum = sys.modules.get("pendulum")
    if pendulum is not None:
        return pendulum.today().date()
    return date.today()


def parse_date(text: str) -> date:
    """A strict YYYY-MM-DD date; ValueError otherwise."""
    if not isinstance(text, str) or not _DATE_RE.match(text):
        raise ValueError(f"not a date YYYY-MM-DD: {text!r}")
    return date.fromisoformat(text)


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def parse_week(key: str) -> tuple[int, int]:
    """(ISO year, week) of a key like 2026-W41; ValueError if there is no such week."""
    m = _WEEK_RE.match(key) if isinstance(key, str) else None
    if not m:
        raise ValueError(f"not an ISO week like 2026-W41: {key!r}")
    year, week = int(m.group(1)), int(m.group(2))
    if not 1 <= week <= weeks_in_year(year) or year < 1:
        raise ValueError(f"{year} has no week {week}")
    return year, week


def weeks_in_year(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1]


def week_monday(key: str) -> date:
    year, week = parse_week(key)
    return date.fromisocalendar(year, week, 1)


def week_days(key: str) -> tuple[date, date]:
    """Monday and Sunday of the week."""
    monday = week_monday(key)
    return monday, monday + timedelta(days=6)


def week_thursday(key: str) -> date:
    return week_monday(key) + timedelta(days=3)


def week_month(key: str) -> str:
    """The month (YYYY-MM) a week belongs to: the month of its Thursday."""
    thursday = week_thursday(key)
    return f"{thursday.year:04d}-{thursday.month:02d}"


def shift_week(key: str, n: int) -> str:
    return week_key(week_monday(key) + timedelta(weeks=n))


def parse_month(text: str) -> tuple[int, int]:
    m = _MONTH_RE.match(text) if isinstance(text, str) else None
    if not m or not 1 <= int(m.group(2)) <= 12 or int(m.group(1)) < 1:
        raise ValueError(f"not a month YYYY-MM: {text!r}")
    return int(m.group(1)), int(m.group(2))


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_days(month: str) -> tuple[date, date]:
    """First and last day of a month YYYY-MM."""
    year, mon = parse_month(month)
    first = date(year, mon, 1)
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def shift_month(month: str, n: int) -> str:
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_weeks(month: str) -> list[str]:
    """The ISO weeks whose Thursday lies in the month, in order (4 or 5 of them)."""
    first, last = month_days(month)
    # The first Thursday on or after the 1st.
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    out = []
    while thursday <= last:
        out.append(week_key(thursday))
        thursday += timedelta(weeks=1)
    return out


def weeks_between(start: date, end: date) -> list[str]:
    """Every ISO week touching the days start..end, in order."""
    out: list[str] = []
    day = start - timedelta(days=start.weekday())
    while day <= end:
        out.append(week_key(day))
        day += timedelta(weeks=1)
    return out


def in_period(week: str, start: str | date, end: str | date) -> bool:
    """Whether ``week`` belongs to the period ``start``..``end`` (dates or YYYY-MM-DD):
    its Thursday falls in it, the ISO rule that gives every week exactly one month."""
    first = start if isinstance(start, date) else parse_date(start)
    last = end if isinstance(end, date) else parse_date(end)
    return first <= week_thursday(week) <= last


def period_weeks(start: str | date, end: str | date) -> list[str]:
    """The weeks that belong to the period, in order (see :func:`in_period`)."""
    first = start if isinstance(start, date) else parse_date(start)
    last = end if isinstance(end, date) else parse_date(end)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    out = []
    while thursday <= last:
        out.append(week_key(thursday))
        thursday += timedelta(weeks=1)
    return out


def is_due(
    week: str, start: str | date, end: str | date, *, archived: bool = False, closed: bool = False
) -> bool:
    """THE rule for which weeks ask for a check-in, used by every screen and command:
    a week is due for an objective when it belongs to the objective's period
    (:func:`in_period`) and the objective is neither archived nor closed. Stdlib only,
    so ``okr due`` can ask it from a shell prompt without the model."""
    return not archived and not closed and in_period(week, start, end)
