"""The OKR cycle: close a period (grades, retrospective, calibration) and roll into the next.

Plain functions over the model (no Textual, no I/O, no words: tui.report_cycle says
them); the screens and commands write what they return with one store write. The
rules, each a decision written down:

* A period's check-ins: the objective's check-ins whose week belongs to its period
  (``store.weeks.in_period``, the Thursday rule).
* A KR's final value: the last value recorded in the period's check-ins; without one,
  the KR's start (nothing moved). Its score: the capped progress of that value
  (``model.score``); None when the KR cannot be scored (start or target unknown, a
  level to hold never measured). It reached its target when that score is 1.0 (a
  milestone done, a level held at the end).
* A grade: the lead's own 0.0-1.0, else the score, stored unrounded. A grade other
  than the score needs a reason (one line). A KR without a score and without the
  lead's grade is not graded. The objective's grade is the weight-averaged grade of
  the graded KRs (as ``model.objective_score`` leaves out the KRs it cannot score).
* Calibration: a confidence ``c`` in a check-in says "c in 10 that this KR reaches its
  target by the end of the period". Over every check-in of the period that has a
  confidence for a KR that can be scored, the forecast ``c/10`` is compared with the
  outcome (1 reached, else 0): the Brier score is the mean of ``(c/10 - outcome)^2``
  (0 is perfect, 0.25 is always saying 5); the verdict is ``over_confident`` when the
  mean forecast is more than ``CALIBRATION_GAP`` (0.15) above the mean outcome,
  ``under_confident`` when more than 0.15 below, else ``well_calibrated``. Per KR and
  over all of them together.
* Closable: a period can be closed from home once its last week has begun (the Monday
  of the last week that belongs to it) or it has ended.
* Next period: right after the old one. A period of whole months (the 1st to a last
  day) is followed by as many whole months; any other span by as many days.
* Titles: month names and numbers in the objective's and the KRs' titles move with the
  period ("October" -> "November", "Oct" -> "Nov", "10月" -> "11月", "十月" -> "十一月",
  "2026-10" -> "2026-11", a year with them when the months pass December). E-item
  titles stay: a carried item is the same piece of work.
* A KR that reached its target is dropped by default (a level to hold is kept: it is
  held, not reached once). A number KR is **cumulative**
  (its new start is its last value, its target stays) or **per period** (its new start
  is 0 again): per period by default when the title says so ("new" as a word of its
  own, "this month", "monthly", "新增", "本月", "每月", a month name or number), else
  cumulative. A percent KR continues from its last value. A level to hold keeps its
  level. An unknown target stays unknown until it is given (``target_unknown``).
* E-items: an active item whose last status is not done or dropped is carried (a new
  item that links back to it) with its last status and its open adjustment (its last
  non-empty "what we adjust" of the period). Done, dropped and inactive items stay
  behind. An open item of a dropped KR is listed: moved to a kept KR, or dropped (the
  default).
* Applying a plan makes a new objective linking back to the old one (``previous`` on
  the objective, its KRs and its items); nothing of the old period changes, no
  check-in is copied.
* "You planned": the first check-in of the new period shows, for each carried item,
  the open adjustment of the item it continues (:func:`planned_adjustments`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from store import chain, model, weeks
from store.model import CheckIn, Grade, InvalidData, Item, ItemCheck, KeyResult, Objective, Review
from store.periods import closable, rollable  # noqa: F401 - part of this module's rules

CALIBRATION_GAP = 0.15  # mean forecast this far from the mean outcome: over/under-confident
REACHED = 1.0 - 1e-9  # a score this high reached the target (float noise aside)
CLOSED_STATUSES = ("done", "dropped")
MODES = ("cumulative", "per_period")


class CycleError(ValueError):
    """A close or a rollover that cannot be made as asked; ``str()`` is one sentence."""


# -- the period's figures ---------------------------------------------------------------------


def period_checkins(objective: Objective, checkins: list[CheckIn]) -> list[CheckIn]:
    """The objective's check-ins of weeks in its period, oldest first."""
    return sorted(
        (
            c
            for c in checkins
            if c.objective == objective.id
            and weeks.in_period(c.week, objective.start, objective.end)
        ),
        key=lambda c: c.week,
    )


def final_value(kr: KeyResult, period: list[CheckIn]) -> float | None:
    """The last value of the KR recorded in ``period`` (None: none was)."""
    for c in reversed(period):
        k = c.kr(kr.id)
        if k is not None and k.value is not None:
            return k.value
    return None


def end_score(kr: KeyResult, period: list[CheckIn]) -> float | None:
    """The KR's score at the end of the period (of its start when nothing was recorded)."""
    value = final_value(kr, period)
    return model.score(kr, kr.start if value is None else value)


def reached(score: float | None) -> bool | None:
    return None if score is None else score >= REACHED


# -- calibration -----------------------------------------------------------------------------------


@dataclass
class Forecast:
    """How well the confidences of one KR (``kr`` None: of every KR) foretold the outcome."""

    kr: str | None
    label: str  # KR1 ... ("" for all of them)
    count: int  # check-ins with a confidence counted
    brier: float | None  # None when there was none
    mean_forecast: float | None
    mean_outcome: float | None
    verdict: str | None  # well_calibrated | over_confident | under_confident


@dataclass
class Calibration:
    overall: Forecast
    key_results: list[Forecast]


def _forecast(kr: str | None, label: str, pairs: list[tuple[float, int]]) -> Forecast:
    if not pairs:
        return Forecast(kr, label, 0, None, None, None, None)
    n = len(pairs)
    brier = sum((f - o) ** 2 for f, o in pairs) / n
    mean_f = sum(f for f, _ in pairs) / n
    mean_o = sum(o for _, o in pairs) / n
    gap = mean_f - mean_o
    if gap > CALIBRATION_GAP + 1e-9:
        verdict = "over_confident"
    elif gap < -CALIBRATION_GAP - 1e-9:
        verdict = "under_confident"
    else:
        verdict = "well_calibrated"
    return Forecast(kr, label, n, brier, mean_f, mean_o, verdict)


def calibration(objective: Objective, checkins: list[CheckIn]) -> Calibration:
    """The confidence calibration of the period (see the module docstring)."""
    period = period_checkins(objective, checkins)
    every: list[tuple[float, int]] = []
    per_kr = []
    for n, kr in enumerate(objective.key_results, 1):
        outcome = reached(end_score(kr, period))
        pairs: list[tuple[float, int]] = []
        if outcome is not None:
            for c in period:
                k = c.kr(kr.id)
                if k is not None and k.confidence is not None:
                    pairs.append((k.confidence / 10, int(outcome)))
        every += pairs
        per_kr.append(_forecast(kr.id, f"KR{n}", pairs))
    return Calibration(_forecast(None, "", every), per_kr)


# -- grading and closing ------------------------------------------------------------------------------


@dataclass
class KRGrade:
    """One KR at the close of its period."""

    id: str
    label: str
    title: str
    kind: str
    unit: str
    weight: float
    start: float | None
    target: float | None
    final: float | None  # the last value recorded in the period; None: none was
    score: float | None  # capped progress of the final value; None: cannot be scored
    reached: bool | None
    grade: float | None  # the lead's grade, else the score; None: not graded
    note: str  # the reason for the lead's own grade
    own: bool  # the grade is the lead's own, not the score


@dataclass
class Grading:
    """A close: every grade, the retrospective and the calibration. Of a closed objective
    (``closed`` its date), or what closing it now would give (``closed`` None)."""

    objective_id: str
    objective_title: str
    start: str
    end: str
    closed: str | None
    score: float | None  # weight-averaged scores (model.objective_score of the final values)
    grade: float | None  # weight-averaged grades of the graded KRs
    key_results: list[KRGrade]
    went_well: str
    went_badly: str
    learned: str
    calibration: Calibration


def _own(grade: float, score: float | None) -> bool:
    return score is None or abs(grade - score) > 1e-9


def grading(objective: Objective, checkins: list[CheckIn]) -> Grading:
    """The figures of the objective's close: its stored grades and retrospective when it
    is closed, else the defaults (every grade its score, no retrospective)."""
    period = period_checkins(objective, checkins)
    review = objective.review
    krs = []
    for n, kr in enumerate(objective.key_results, 1):
        value = final_value(kr, period)
        score = model.score(kr, kr.start if value is None else value)
        stored = review.grade(kr.id) if review is not None else None
        if stored is not None:
            grade, note, own = stored.grade, stored.note, _own(stored.grade, score)
        elif review is None and score is not None:
            grade, note, own = score, "", False
        else:
            grade, note, own = None, "", False
        krs.append(
            KRGrade(
                id=kr.id,
                label=f"KR{n}",
                title=kr.title,
                kind=kr.kind,
                unit=kr.unit,
                weight=kr.weight,
                start=kr.start,
                target=kr.target,
                final=value,
                score=score,
                reached=reached(score),
                grade=grade,
                note=note,
                own=own,
            )
        )
    finals = {
        kr.id: kr.start if k.final is None else k.final
        for kr, k in zip(objective.key_results, krs, strict=True)
    }
    return Grading(
        objective_id=objective.id,
        objective_title=objective.title,
        start=objective.start,
        end=objective.end,
        closed=review.closed if review is not None else None,
        score=model.objective_score(objective, finals),
        grade=weighted_grade(krs),
        key_results=krs,
        went_well=review.went_well if review else "",
        went_badly=review.went_badly if review else "",
        learned=review.learned if review else "",
        calibration=calibration(objective, checkins),
    )


def weighted_grade(krs: list[KRGrade]) -> float | None:
    graded = [k for k in krs if k.grade is not None]
    total = sum(k.weight for k in graded)
    if not graded or total <= 0:
        return None
    return sum(k.weight * k.grade for k in graded) / total


def resolve_kr(objective: Objective, ref: str) -> KeyResult:
    """A KR named by its id or by its number (``KR2``, ``kr2``, ``2``); CycleError if none."""
    text = ref.strip()
    kr = objective.kr(text)
    if kr is not None:
        return kr
    m = re.fullmatch(r"(?i:kr)?\s*(\d{1,3})", text)
    if m and 1 <= int(m.group(1)) <= len(objective.key_results):
        return objective.key_results[int(m.group(1)) - 1]
    raise CycleError(
        f"{objective.title!r} has no key result {ref!r} (KR1 to KR{len(objective.key_results)}, "
        "or a KR's id)"
    )


def close(
    objective: Objective,
    checkins: list[CheckIn],
    *,
    grades: dict[str, float] | None = None,
    reasons: dict[str, str] | None = None,
    went_well: str = "",
    went_badly: str = "",
    learned: str = "",
    today: date,
) -> Objective:
    """The objective closed on ``today``: a copy with its review (the argument is left as it
    is). ``grades``: the lead's own grades by KR id (0.0-1.0; the others get their
    score); ``reasons``: why, by KR id (required for a grade other than the score; one
    line). CycleError names the first grade that does not fit."""
    grades = dict(grades or {})
    reasons = {k: " ".join(v.split()) for k, v in (reasons or {}).items()}
    known = {kr.id for kr in objective.key_results}
    for kr_id in list(grades) + list(reasons):
        if kr_id not in known:
            raise CycleError(f"{objective.title!r} has no key result {kr_id!r}")
    period = period_checkins(objective, checkins)
    out: list[Grade] = []
    for n, kr in enumerate(objective.key_results, 1):
        score = end_score(kr, period)
        note = reasons.get(kr.id, "")
        if kr.id in grades:
            grade = grades[kr.id]
            if isinstance(grade, bool) or not isinstance(grade, int | float) or not 0 <= grade <= 1:
                raise CycleError(f"the grade of KR{n} must be a number from 0.0 to 1.0")
            if _own(grade, score) and not note:
                raise CycleError(f"the grade of KR{n} is not its score: give a reason")
            out.append(Grade(kr.id, float(grade), note))
        elif score is not None:
            out.append(Grade(kr.id, score, note))
        elif note:
            raise CycleError(f"KR{n} has no score to grade: give its grade with the reason")
    closed = copy.deepcopy(objective)
    closed.review = Review(
        closed=today.isoformat(),
        grades=out,
        went_well=went_well.strip(),
        went_badly=went_badly.strip(),
        learned=learned.strip(),
    )
    Objective.from_dict(closed.to_dict())  # the texts fit the model (length...)
    return closed


def reopen(objective: Objective) -> Objective:
    """A copy of the objective with its close undone (its review gone: due again in its
    period, gradable again)."""
    out = copy.deepcopy(objective)
    out.review = None
    return out


# -- the next period --------------------------------------------------------------------------------


def _month_aligned(start: date, end: date) -> bool:
    return start.day == 1 and (end + timedelta(days=1)).day == 1


def period_months(start: date, end: date) -> int | None:
    """How many whole months the period spans (None: not whole months)."""
    if not _month_aligned(start, end):
        return None
    return (end.year - start.year) * 12 + end.month - start.month + 1


def next_period(start: str, end: str, months: int | None = None) -> tuple[str, str]:
    """The period right after ``start``..``end`` (YYYY-MM-DD) of the same length (see the
    module docstring), or of ``months`` whole months."""
    first, last = weeks.parse_date(start), weeks.parse_date(end)
    n = months or period_months(first, last)
    new_start = last + timedelta(days=1)
    if n is not None and new_start.day == 1:
        month = weeks.shift_month(weeks.month_key(new_start), n - 1)
        return new_start.isoformat(), weeks.month_days(month)[1].isoformat()
    return new_start.isoformat(), (new_start + (last - first)).isoformat()


def month_period(month: str) -> tuple[str, str]:
    first, last = weeks.month_days(month)
    return first.isoformat(), last.isoformat()


# Month names as titles write them; the 3-letter forms too ("Oct"), and "Sept".
_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_ABBR = {m[:3]: i for i, m in enumerate(_EN_MONTHS, 1)} | {"Sept": 9}
_EN_FULL = {m: i for i, m in enumerate(_EN_MONTHS, 1)}
_EN_RE = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(sorted(list(_EN_FULL) + list(_EN_ABBR), key=len, reverse=True))
    + r")(?![A-Za-z])(\.?)(\s+(\d{4})(?!\d))?"
)
_ZH_DIGITS = "〇一二三四五六七八九十"
_ZH_MONTHS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")
_ZH_RE = re.compile(
    r"(?:(?<!\d)(\d{4})\s*年\s*)?"
    r"((?<![\d.])\d{1,2}|(?<![一二三四五六七八九十〇])(?:十[一二]?|[一二三四五六七八九]))\s*月"
    r"(?![\d一二三四五六七八九十])"
)
_ISO_MONTH_RE = re.compile(r"(?<!\d)(\d{4})-(\d{2})(?![\d-])")
_QUARTER_RE = re.compile(r"(?<![A-Za-z0-9])Q([1-4])(?![A-Za-z0-9])(\s*(\d{4})(?!\d))?")


def _shift(year: int | None, month: int, n: int) -> tuple[int | None, int]:
    index = (year or 2000) * 12 + (month - 1) + n
    return (index // 12 if year is not None else None), index % 12 + 1


def shift_title(title: str, months: int) -> str:
    """The title with its month names and numbers moved ``months`` months on."""
    if months == 0:
        return title

    def english(m: re.Match) -> str:
        name, dot, tail, year = m.group(1), m.group(2), m.group(3), m.group(4)
        full = name in _EN_FULL
        month = _EN_FULL[name] if full else _EN_ABBR[name]
        new_year, new_month = _shift(int(year) if year else None, month, months)
        new_name = _EN_MONTHS[new_month - 1]
        if not full:
            new_name = "Sept" if name == "Sept" and new_month == 9 else new_name[:3]
        out = new_name + dot
        if tail:
            out += tail.replace(year, str(new_year))
        return out

    def chinese(m: re.Match) -> str:
        year, num = m.group(1), m.group(2)
        month = int(num) if num.isdigit() else _ZH_MONTHS.index(num) + 1
        if not 1 <= month <= 12:
            return m.group(0)
        new_year, new_month = _shift(int(year) if year else None, month, months)
        text = m.group(0)
        new_num = str(new_month) if num.isdigit() else _ZH_MONTHS[new_month - 1]
        head, sep, rest = text.rpartition(num)
        if year:
            head = head.replace(year, str(new_year), 1)
        return head + new_num + rest

    def iso(m: re.Match) -> str:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return m.group(0)
        year, new = _shift(int(m.group(1)), month, months)
        return f"{year:04d}-{new:02d}"

    def quarter(m: re.Match) -> str:
        if months % 3:
            return m.group(0)
        q, tail, year = int(m.group(1)), m.group(2), m.group(3)
        new_year, new_month = _shift(int(year) if year else None, (q - 1) * 3 + 1, months)
        out = f"Q{(new_month - 1) // 3 + 1}"
        if tail:
            out += tail.replace(year, str(new_year))
        return out

    out = _ISO_MONTH_RE.sub(iso, title)
    out = _EN_RE.sub(english, out)
    out = _ZH_RE.sub(chinese, out)
    return _QUARTER_RE.sub(quarter, out)


_PER_PERIOD_RE = re.compile(
    r"(?<![\w-])new(?![\w-])|this (month|quarter)|per (month|quarter)|each month|every month"
    r"|monthly|quarterly|新增|本月|当月|每月|月度|本季度|每季度",
    re.IGNORECASE,
)


def per_period_title(title: str) -> bool:
    """Whether a number KR's title says it counts per period (see the module docstring)."""
    if _PER_PERIOD_RE.search(title):
        return True
    # It names a month or a quarter (Q4): moving the months on changes it.
    return shift_title(title, 1) != title or shift_title(title, 3) != title


@dataclass
class ItemPlan:
    """An E-item of the old period that is still open, and what becomes of it."""

    source: str  # the old item's id
    title: str
    kr: str  # the old KR it belongs to
    status: str | None  # its last status in the old period (None: never checked in)
    adjustment: str  # its open adjustment ("" if none was written)
    adjustment_week: str | None
    carry: bool = True  # False: dropped
    move_to: str | None = None  # the old id of the kept KR it goes to, when its own is dropped


@dataclass
class KRPlan:
    """A KR of the old period and what the next period makes of it."""

    source: str  # the old KR's id
    label: str  # KR1 ... in the old objective
    title: str  # the new title (months moved on); editable
    kind: str
    unit: str
    weight: float
    keep: bool  # False: dropped
    reached: bool | None  # the old period reached its target (None: cannot say)
    last: float | None  # the last value of the old period (None: none recorded)
    old_start: float | None
    mode: str | None  # cumulative | per_period for a number KR, else None
    start: float | None  # the new start (follows ``mode``; None: asked at the first check-in)
    target: float | None  # None: unknown (``target_unknown``)
    relative: float | None
    target_unknown: bool  # the target is to be asked for

    def set_mode(self, mode: str) -> None:
        """Cumulative or per period, and the start that follows from it."""
        if self.mode is None or mode not in MODES:
            return
        self.mode = mode
        self.start = _new_start(self.kind, mode, self.last, self.old_start)


@dataclass
class RolloverPlan:
    """What rolling the objective ``source`` into the next period makes; edit, then
    :func:`apply_plan`."""

    source: str
    title: str
    owner: str | None
    start: str
    end: str
    key_results: list[KRPlan]
    items: list[ItemPlan]  # open items of the old period, by KR
    left: list[tuple[str, str, str | None]] = field(default_factory=list)
    # (old KR id, item title, its last status) of the items not carried: done, dropped, inactive

    def kr(self, source: str) -> KRPlan | None:
        return next((k for k in self.key_results if k.source == source), None)

    def orphans(self) -> list[ItemPlan]:
        """Open items whose own KR is dropped: to move to a kept KR or to drop."""
        kept = {k.source for k in self.key_results if k.keep}
        return [i for i in self.items if i.kr not in kept]

    def carried(self) -> list[ItemPlan]:
        """The items the new period gets (moved ones included)."""
        kept = {k.source for k in self.key_results if k.keep}
        return [
            i
            for i in self.items
            if i.carry and (i.kr in kept or (i.move_to is not None and i.move_to in kept))
        ]

    def dropped_items(self) -> list[ItemPlan]:
        carried = {i.source for i in self.carried()}
        return [i for i in self.items if i.source not in carried]


def _new_start(kind: str, mode: str | None, last: float | None, old_start: float | None):
    if kind == "milestone":
        return 0
    if kind in model.THRESHOLDS:
        return None
    if mode == "per_period":
        return 0
    return last if last is not None else old_start


def _item_history(item_id: str, period: list[CheckIn]) -> tuple[str | None, str, str | None]:
    """(last status, last non-empty adjustment, its week) of an item over the period."""
    status, adjustment, week = None, "", None
    for c in period:
        it = c.item(item_id)
        if it is None:
            continue
        status = it.status
        if it.adjustment.strip():
            adjustment, week = it.adjustment.strip(), c.week
    return status, adjustment, week


def plan_next(
    objective: Objective,
    checkins: list[CheckIn],
    start: str | None = None,
    end: str | None = None,
) -> RolloverPlan:
    """The defaults of rolling ``objective`` into the next period (``start``..``end``,
    default :func:`next_period`). CycleError when the period does not come after it."""
    if start is None or end is None:
        start, end = next_period(objective.start, objective.end)
    if end < start:
        raise CycleError(f"the new period ends ({end}) before it starts ({start})")
    if start <= objective.end:
        raise CycleError(
            f"the new period must start after {objective.end}, the end of {objective.title!r}"
        )
    months = _months_between(objective.start, start)
    period = period_checkins(objective, checkins)
    krs: list[KRPlan] = []
    items: list[ItemPlan] = []
    left: list[tuple[str, str, str | None]] = []
    for n, kr in enumerate(objective.key_results, 1):
        last = final_value(kr, period)
        score = model.score(kr, kr.start if last is None else last)
        done = reached(score)
        mode = None
        if kr.kind == "number" and kr.relative is None:
            mode = "per_period" if per_period_title(kr.title) else "cumulative"
        new_start = _new_start(kr.kind, mode, last, kr.start)
        target, relative = kr.target, kr.relative
        if relative is not None:
            if new_start is None:
                target = None  # follows from the start, still unknown
            elif target is not None:
                relative = None  # the target stays what it was
            else:
                target, relative = new_start * (1 + relative), None
        unknown = kr.kind != "milestone" and target is None and relative is None
        krs.append(
            KRPlan(
                source=kr.id,
                label=f"KR{n}",
                title=shift_title(kr.title, months),
                kind=kr.kind,
                unit=kr.unit,
                weight=kr.weight,
                keep=not done or kr.kind in model.THRESHOLDS,
                reached=done,
                last=last,
                old_start=kr.start,
                mode=mode,
                start=new_start,
                target=target,
                relative=relative,
                target_unknown=unknown,
            )
        )
        for item in kr.items:
            status, adjustment, week = _item_history(item.id, period)
            if not item.active or status in CLOSED_STATUSES:
                left.append((kr.id, item.title, status if item.active else "dropped"))
                continue
            items.append(ItemPlan(item.id, item.title, kr.id, status, adjustment, week))
    plan = RolloverPlan(
        source=objective.id,
        title=shift_title(objective.title, months),
        owner=objective.owner,
        start=start,
        end=end,
        key_results=krs,
        items=items,
        left=left,
    )
    for orphan in plan.orphans():
        orphan.carry = False  # dropped by default; the lead may move it to a kept KR
    return plan


def _months_between(old_start: str, new_start: str) -> int:
    a, b = weeks.parse_date(old_start), weeks.parse_date(new_start)
    return (b.year - a.year) * 12 + b.month - a.month


def check_plan(plan: RolloverPlan) -> None:
    """CycleError naming the first thing in the plan that cannot be made."""
    for date_text, name in ((plan.start, "start"), (plan.end, "end")):
        try:
            weeks.parse_date(date_text)
        except ValueError:
            raise CycleError(f"the new period's {name} {date_text!r} is not a date") from None
    if plan.end < plan.start:
        raise CycleError(f"the new period ends ({plan.end}) before it starts ({plan.start})")
    if not plan.title.strip():
        raise CycleError("the new objective needs a title")
    kept = [k for k in plan.key_results if k.keep]
    kept_ids = {k.source for k in kept}
    for k in kept:
        if not k.title.strip():
            raise CycleError(f"{k.label} needs a title")
    for i in plan.items:
        if i.carry and i.kr not in kept_ids and i.move_to not in kept_ids:
            raise CycleError(f"“{i.title}” belongs to a dropped key result: move it or drop it")


def apply_plan(plan: RolloverPlan, objective: Objective) -> Objective:
    """The new period's objective made from ``plan`` (of ``objective``, the old one, left
    as it is): new ids, ``previous`` links back, the carried items added in the new
    period's first week. InvalidData / CycleError when the plan does not make a valid
    objective."""
    check_plan(plan)
    first_week = weeks.week_key(weeks.parse_date(plan.start))
    krs: dict[str, KeyResult] = {}
    for k in plan.key_results:
        if not k.keep:
            continue
        start, target = k.start, k.target
        if k.kind == "milestone":
            start, target = 0, 1
        krs[k.source] = KeyResult(
            id=model.new_id("kr"),
            title=k.title.strip(),
            kind=k.kind,
            start=start,
            target=target,
            unit=k.unit,
            weight=k.weight,
            relative=k.relative,
            previous=k.source,
        )
    carried = plan.carried()
    own = [i for i in carried if i.kr in krs]  # a KR's own items first, then those moved to it
    for i in own + [i for i in carried if i.kr not in krs]:
        home = krs[i.kr] if i.kr in krs else krs[i.move_to]
        home.items.append(Item(model.new_id("e"), i.title, True, first_week, i.source))
    new = Objective(
        id=model.new_id("o"),
        title=plan.title.strip(),
        start=plan.start,
        end=plan.end,
        owner=objective.owner,
        key_results=list(krs.values()),
        previous=objective.id,
    )
    try:
        Objective.from_dict(new.to_dict())
    except InvalidData as e:
        raise CycleError(_plan_error(new, e)) from None
    return new


def _plan_error(new: Objective, e: InvalidData) -> str:
    m = re.match(r"objective\.key_results\[(\d+)\]\.(\w+)", e.path)
    if m:
        kr = new.key_results[int(m.group(1))]
        return f"“{kr.title}”: {m.group(2)} {e.reason}"
    return str(e)


# -- the new period's first check-in ------------------------------------------------------------------


@dataclass
class Carried:
    """What a carried E-item brings from the period before: its last status there and
    its open adjustment (what the lead planned to change)."""

    status: str | None
    adjustment: str
    week: str | None  # the week the adjustment was written


def carried_from_previous(
    objectives: list[Objective], checkins: list[CheckIn], objective_id: str, week: str
) -> dict[str, Carried]:
    """Item id -> what it carries from the item it continues, for a check-in of ``week``
    that is the first of the objective's period (no saved check-in before ``week``);
    {} otherwise (the week before says it then)."""
    by_id = {o.id: o for o in objectives}
    objective = by_id.get(objective_id)
    if objective is None or objective.previous is None:
        return {}
    if any(c.objective == objective_id and c.week < week for c in checkins):
        return {}
    before = by_id.get(objective.previous)
    if before is None:
        return {}
    period = period_checkins(before, checkins)
    out = {}
    for kr in objective.key_results:
        for item in kr.items:
            if item.previous is None or before.find_item(item.previous) is None:
                continue
            status, adjustment, adjustment_week = _item_history(item.previous, period)
            out[item.id] = Carried(status, adjustment, adjustment_week)
    return out


def planned_adjustments(
    objectives: list[Objective], checkins: list[CheckIn], objective_id: str, week: str
) -> dict[str, str]:
    """Item id -> "you planned: ..." for the first check-in of a period: each carried
    item's last non-empty adjustment of the period before (items without one left out)."""
    carried = carried_from_previous(objectives, checkins, objective_id, week)
    return {k: v.adjustment for k, v in carried.items() if v.adjustment}


def previous_period_checkin(
    objectives: list[Objective], checkins: list[CheckIn], objective_id: str, week: str
) -> CheckIn | None:
    """For the first check-in of a period that continues another: the E-items carried
    from it as one check-in of the new objective (each under its new id, with its last
    status and open adjustment), for the check-in to start from as it starts from last
    week's (carried statuses, "you planned: ..."); None otherwise. KR values are not
    carried: a per-period KR starts again from 0 (the rollover set the new starts)."""
    carried = carried_from_previous(objectives, checkins, objective_id, week)
    if not carried:
        return None
    weeks_seen = [c.week for c in carried.values() if c.week]
    last_week = max(weeks_seen) if weeks_seen else week
    items = [
        ItemCheck(item_id, c.status or "not_started", "", c.adjustment)
        for item_id, c in carried.items()
    ]
    return CheckIn(objective_id, last_week, weeks.week_monday(last_week).isoformat(), "", [], items)


# -- a KR across the chain ------------------------------------------------------------------------------


def chained_series(
    objectives: list[Objective], checkins: list[CheckIn], objective_id: str, kr_id: str
) -> list[tuple[str, str, float | None]]:
    """(objective id, week, value) of the KR and every earlier KR it continues, week by
    week over their check-ins, oldest first (the trend of a carried KR: home's sparkline)."""
    out = []
    for objective, kr in chain.kr_chain(objectives, objective_id, kr_id):
        for c in sorted((c for c in checkins if c.objective == objective.id), key=lambda c: c.week):
            k = c.kr(kr.id)
            out.append((objective.id, c.week, k.value if k is not None else None))
    return out


# -- after a close ---------------------------------------------------------------------------------------


def close_document(g: Grading) -> dict:
    """A close as one JSON-able document (``okr close --format json``, the on-close hook)."""
    import dataclasses

    return {"format": "okr-close", "version": 1, **dataclasses.asdict(g)}
