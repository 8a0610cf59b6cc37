"""Rollups: the month-end summary and the one-on-one prep, as plain dataclasses.

Pure functions over stored data (objectives, check-ins, meetings); no I/O, no
words (``tui.report`` renders them). The rules, each a decision written down:

* Month of a check-in: the month of its week's Thursday (``weeks.week_month``).
* A KR's start-of-month value: the last value recorded in a check-in of an
  earlier week, else the KR's own start (None while that is unknown, and for a level
  to hold). Its end value: the last value recorded in the month, else the
  start-of-month value (nothing moved). Change = end - start (None when either is).
* Progress and score come from ``store.model`` (uncapped / capped at 1). A level to
  hold (``stay_below`` / ``stay_above``) is scored by the share of the month's weeks
  with a value that held it: 3 of 4 weeks held is 0.75 (its progress is the same
  share; with no value in the month it has none). The objective score is the
  weight-average of these KR scores over the measurable KRs (``model.objective_score``'s
  rule: a KR whose start or target is unknown is left out, and the bottom line says so:
  reason ``start_unknown`` or ``target_unknown``; ``scored`` says whether a KR counts).
* Pace date ("as of"): the date of the month's last check-in, else the month's
  last day, but never later than today (a running month is judged to date).
  Expected progress is the linear path over the objective's period on that date.
* Pace of a KR: progress more than ``PACE_TOLERANCE`` (10 points) above the
  expected progress is ``ahead``, more than 10 points below is ``behind``, else
  ``on_track``. A milestone not done is ``on_track`` while the expected progress
  is at most ``MILESTONE_DUE`` (0.75: three quarters of the period), then
  ``behind`` (one still open in the last quarter is a risk worth raising before
  the period ends). An unknown target has no pace (None): never a division by zero.
* Bottom line: ``off_track`` when the objective score is below
  ``OFF_TRACK_RATIO`` (0.7) x the expected progress; otherwise ``at_risk`` when any
  KR is behind pace, has low confidence (0-3) in its last check-in of the month
  or an unknown target, when an E-item is at risk / off track in the month's last
  check-in, or when the month has no check-in; otherwise ``on_track``. The
  reasons list says why (the score first).
* E-items: added = ``item.added`` is a week of the month after the period's
  first week (items of the first week, as an import makes them, are the original
  plan, not additions); done / dropped this
  month = the first check-in that gives the item that status is in the month.
  An item is shown when it is active, or appears in a check-in of the month, or
  was added in it.
* Risks: E-items at risk / off track in the month's last check-in; KRs with a
  last confidence 0-3 in the month or behind pace.
* Weeks of an objective: those whose Thursday is in its period (``Objective.owns``,
  the one rule of ``store.weeks``), and no others, here as everywhere.
* Discipline: the weeks of the month that belong to the objective; a week is due
  once its Monday has come (the check-in is on Monday), so in a month still running
  ("to date") later weeks are not missing; nor are weeks after the period was closed.
* Next month: the last non-empty adjustment in the month of each item that is
  still active and not done/dropped (open adjustments), and those items (running).
* Meetings of the month: one-on-ones whose date is in the calendar month.
* Prep: ``since`` None means the day after the last recorded one-on-one (today
  when that one was today: never a day after today), else
  ``PREP_DEFAULT_DAYS`` (28) days before today. ``since`` is inclusive: a check-in
  counts when its date is on or after it. Missing check-ins: weeks of the objective
  whose Monday lies in since..today without one; none once the period is over (or
  closed): there is nothing left to catch up, and the talking point says the period
  ended instead of asking how to catch up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from store import model, weeks
from store.model import CheckIn, KeyResult, Meeting, Objective

if TYPE_CHECKING:
    from store.cycle import Grading

PACE_TOLERANCE = 0.10  # progress within 10 points of the linear path is on track
OFF_TRACK_RATIO = 0.7  # objective score below 0.7 x expected progress is off track
LOW_CONFIDENCE = 3  # confidence 0-3 is low
PREP_DEFAULT_DAYS = 28  # prep without any recorded one-on-one looks 4 weeks back
MILESTONE_DUE = 0.75  # a milestone not done is behind once expected progress passes this
RISKY = ("at_risk", "off_track")
CLOSED = ("done", "dropped")


# -- the dataclasses ---------------------------------------------------------------------------


@dataclass
class KRMonth:
    """One KR over the month."""

    id: str
    label: str  # KR1, KR2 ... in the objective's order
    title: str
    kind: str
    unit: str
    weight: float
    start: float | None  # the KR's own start; None: unknown yet, or a level to hold
    target: float | None  # None: unknown
    scored: bool  # counts in the objective's score (start and target known)
    month_start: float | None  # value at the start of the month (None: unknown start)
    month_end: float | None  # value at the end of the month (to date)
    measured: bool  # a value was recorded in the month
    change: float | None  # None when either end is unknown
    progress: float | None  # uncapped; None when the start or target is unknown
    score: float | None  # capped 0..1; a level to hold: the share of weeks it held
    expected: float  # linear expected progress on the pace date
    pace: str | None  # ahead | on_track | behind | None (no pace)
    confidence_first: int | None
    confidence_last: int | None
    held_weeks: int | None = None  # a level to hold: weeks of the month whose value held it
    measured_weeks: int | None = None  # a level to hold: weeks of the month with a value
    # The value of each week of the month that belongs to the period and has begun, oldest
    # first (None: no check-in or no value that week): the summary's sparkline.
    weekly: list[float | None] = field(default_factory=list)


@dataclass
class WeekStatus:
    week: str
    status: str | None  # None: no entry for the item that week


@dataclass
class ItemMonth:
    """One E-item over the month: its week-by-week status path."""

    id: str
    title: str
    kr_id: str
    kr_label: str
    active: bool
    added: str | None
    path: list[WeekStatus]
    last_status: str | None  # the latest status up to the month's end


@dataclass
class Entry:
    """A note the lead wrote: a "what happened", an adjustment, a KR note."""

    week: str
    kr_id: str
    kr_label: str
    kr_title: str
    item_id: str | None  # None: a note on the KR itself
    item_title: str | None
    text: str


@dataclass
class ItemRef:
    id: str
    title: str
    kr_label: str
    kr_title: str
    week: str | None = None  # when it was added / done / dropped
    status: str | None = None


@dataclass
class Risk:
    kind: str  # item_status | low_confidence | behind_pace
    kr_label: str
    kr_title: str
    item_title: str | None = None
    status: str | None = None
    week: str | None = None
    confidence: int | None = None
    progress: float | None = None
    expected: float | None = None
    new: bool = False  # prep only: not a risk before ``since``


@dataclass
class WeekNote:
    week: str
    date: str
    text: str


@dataclass
class Discipline:
    weeks: list[str]  # the weeks of the month in the objective's period
    due: list[str]  # those whose Monday has come
    checked: list[str]  # weeks with a saved check-in
    missing: list[str]  # due weeks without one


@dataclass
class Reason:
    """Why the bottom line is what it is; ``code`` is rendered by tui.report."""

    code: str  # score | behind_pace | low_confidence | start_unknown | target_unknown | item_risk | no_checkin | no_key_results
    subject: str = ""
    value: float | None = None
    expected: float | None = None
    status: str | None = None  # item_risk: at_risk | off_track


@dataclass
class MonthRollup:
    objective_id: str
    objective_title: str
    owner: str | None
    period_start: str
    period_end: str
    month: str
    to_date: bool  # the month is still running
    as_of: str  # the pace date
    score: float | None
    expected: float
    verdict: str  # on_track | at_risk | off_track
    reasons: list[Reason]
    key_results: list[KRMonth]
    items: list[ItemMonth]
    done_notes: list[Entry]
    adjustments: list[Entry]
    added: list[ItemRef]
    dropped: list[ItemRef]
    finished: list[ItemRef]
    risks: list[Risk]
    week_notes: list[WeekNote]
    discipline: Discipline
    open_adjustments: list[Entry]
    running: list[ItemRef]
    meetings: list[Meeting]
    # The grades, retrospective and calibration when the objective was closed and the
    # month holds the end of its period (store.cycle.grading); else None.
    review: Grading | None = None


@dataclass
class KRMove:
    id: str
    label: str
    title: str
    kind: str
    unit: str
    start: float | None
    target: float | None
    scored: bool  # counts in the objective's score (start and target known)
    before: float | None  # None: the start is still unknown
    now: float | None
    change: float | None
    progress: float | None
    score: float | None
    pace: str | None
    confidence_before: int | None
    confidence_now: int | None


@dataclass
class StatusChange:
    item_id: str
    title: str
    kr_label: str
    before: str | None
    now: str
    week: str  # the week it reached ``now`` (the first of its final run of ``now``)


@dataclass
class TalkingPoint:
    code: str  # risk | low_confidence | behind_pace | start_unknown | target_unknown | finished | missing | ended
    subject: str = ""
    detail: str = ""  # a status, a week list ...
    value: float | None = None
    expected: float | None = None


@dataclass
class ObjectivePrep:
    objective_id: str
    objective_title: str
    score: float | None
    expected: float
    verdict: str
    key_results: list[KRMove]
    status_changes: list[StatusChange]
    risks: list[Risk]
    adjustments: list[Entry]
    asks: list[WeekNote]
    missing: list[str]
    talking_points: list[TalkingPoint]


@dataclass
class PrepRollup:
    since: str
    since_source: str  # meeting | default | given
    today: str
    last_meeting: Meeting | None
    objectives: list[ObjectivePrep] = field(default_factory=list)


# -- small rules ---------------------------------------------------------------------------------


def _kr_labels(objective: Objective) -> dict[str, str]:
    return {kr.id: f"KR{i + 1}" for i, kr in enumerate(objective.key_results)}


def _last_value(kr_id: str, checkins: list[CheckIn]) -> float | None:
    for c in reversed(checkins):
        k = c.kr(kr_id)
        if k is not None and k.value is not None:
            return k.value
    return None


def _confidences(kr_id: str, checkins: list[CheckIn]) -> list[int]:
    out = []
    for c in checkins:
        k = c.kr(kr_id)
        if k is not None and k.confidence is not None:
            out.append(k.confidence)
    return out


Histories = dict[str, list[tuple[str, str]]]


def _histories(checkins: list[CheckIn]) -> Histories:
    """Item id -> (week, status) of every check-in with an entry for it, in order: one
    pass over the check-ins for all items (five years of check-ins: 20 ms less per
    summary than a pass per item)."""
    out: Histories = {}
    for c in checkins:
        seen = set()
        for it in c.items:
            if it.item not in seen:  # c.item(id) is the first entry of that id
                seen.add(it.item)
                out.setdefault(it.item, []).append((c.week, it.status))
    return out


def _first_week_with(status: str, history: list[tuple[str, str]]) -> str | None:
    return next((w for w, s in history if s == status), None)


def pace(kr: KeyResult, progress: float | None, expected: float) -> str | None:
    """ahead / on_track / behind against the linear path; None without a progress."""
    if progress is None:
        return None
    if kr.kind == "milestone" and progress < 1:
        return "behind" if expected > MILESTONE_DUE else "on_track"
    gap = progress - expected
    if gap > PACE_TOLERANCE:
        return "ahead"
    if gap < -PACE_TOLERANCE:
        return "behind"
    return "on_track"


def bottom_line(
    score: float | None, expected: float, reasons: list[Reason]
) -> tuple[str, list[Reason]]:
    """The verdict and its reasons (score first); see the module docstring."""
    if score is None:
        # No KR can be scored: there are none, or every one's start or target is unknown
        # (the reasons say which, and "no key results" would not be true).
        if any(r.code in ("start_unknown", "target_unknown") for r in reasons):
            return "at_risk", reasons
        return "at_risk", [Reason("no_key_results"), *reasons]
    head = Reason("score", value=score, expected=expected)
    if expected > 0 and score < OFF_TRACK_RATIO * expected:
        return "off_track", [head, *reasons]
    return ("at_risk" if reasons else "on_track"), [head, *reasons]


def _in_month(checkins: list[CheckIn], objective_id: str, month: str) -> list[CheckIn]:
    mine = sorted((c for c in checkins if c.objective == objective_id), key=lambda c: c.week)
    return [c for c in mine if weeks.week_month(c.week) == month]


def _before_month(checkins: list[CheckIn], objective_id: str, month: str) -> list[CheckIn]:
    first_week = weeks.month_weeks(month)[0]
    mine = sorted((c for c in checkins if c.objective == objective_id), key=lambda c: c.week)
    return [c for c in mine if c.week < first_week]


def _entry(c: CheckIn, objective: Objective, labels: dict, kr_id: str, item, text: str) -> Entry:
    kr = objective.kr(kr_id)
    return Entry(
        week=c.week,
        kr_id=kr_id,
        kr_label=labels.get(kr_id, ""),
        kr_title=kr.title if kr else kr_id,
        item_id=item.id if item else None,
        item_title=item.title if item else None,
        text=text,
    )


# -- the month rollup --------------------------------------------------------------------------


def month_rollup(
    objective: Objective,
    checkins: list[CheckIn],
    meetings: list[Meeting],
    month: str,
    today: date,
) -> MonthRollup:
    """Everything the month-end summary says about one objective in one month (YYYY-MM)."""
    first_day, last_day = weeks.month_days(month)
    labels = _kr_labels(objective)
    before = _before_month(checkins, objective.id, month)
    during = _in_month(checkins, objective.id, month)
    upto = before + during
    as_of = min(weeks.parse_date(during[-1].date) if during else last_day, max(today, first_day))
    expected = model.expected_progress(objective, as_of.isoformat())

    this_week = weeks.week_key(today)
    owned = [w for w in weeks.month_weeks(month) if objective.owns(w) and w <= this_week]
    krs = [
        _kr_month(kr, labels[kr.id], before, during, expected, owned)
        for kr in objective.key_results
    ]
    score = _objective_score(objective, krs)
    histories = _histories(upto)
    items = _items_month(objective, labels, histories, during, month)
    last = during[-1] if during else None

    risks: list[Risk] = []
    if last is not None:
        for kr in objective.key_results:
            for item in kr.items:
                it = last.item(item.id)
                if it is not None and it.status in RISKY:
                    risks.append(
                        Risk(
                            "item_status", labels[kr.id], kr.title, item.title, it.status, last.week
                        )
                    )
    for k in krs:
        if k.confidence_last is not None and k.confidence_last <= LOW_CONFIDENCE:
            risks.append(Risk("low_confidence", k.label, k.title, confidence=k.confidence_last))
        if k.pace == "behind":
            risks.append(
                Risk("behind_pace", k.label, k.title, progress=k.progress, expected=k.expected)
            )

    reasons = _risk_reasons(krs, risks)
    if not during:
        reasons.append(Reason("no_checkin"))
    verdict, reasons = bottom_line(score, expected, reasons)

    return MonthRollup(
        objective_id=objective.id,
        objective_title=objective.title,
        owner=objective.owner,
        period_start=objective.start,
        period_end=objective.end,
        month=month,
        to_date=today <= last_day,
        as_of=as_of.isoformat(),
        score=score,
        expected=expected,
        verdict=verdict,
        reasons=reasons,
        key_results=krs,
        items=items,
        done_notes=_notes(objective, labels, during),
        adjustments=_adjustments(objective, labels, during),
        added=_added(objective, labels, month),
        dropped=_first_status_in(objective, labels, histories, month, "dropped"),
        finished=_first_status_in(objective, labels, histories, month, "done"),
        risks=risks,
        week_notes=[WeekNote(c.week, c.date, c.note) for c in during if c.note.strip()],
        discipline=_discipline(objective, during, month, today),
        open_adjustments=_open_adjustments(objective, labels, histories, during),
        running=_running(objective, labels, histories),
        meetings=[m for m in meetings if weeks.month_key(weeks.parse_date(m.date)) == month],
        review=_review(objective, checkins, month),
    )


def _review(objective: Objective, checkins: list[CheckIn], month: str) -> Grading | None:
    """The close of the objective in the month that holds its period's end."""
    end_month = weeks.month_key(weeks.parse_date(objective.end))
    if not (objective.closed and month == end_month):
        return None
    from store.cycle import grading  # local: a month without a close never needs store.cycle

    return grading(objective, checkins)


def _kr_month(
    kr: KeyResult,
    label: str,
    before: list[CheckIn],
    during: list[CheckIn],
    expected: float,
    month_weeks: list[str],
) -> KRMonth:
    prior = _last_value(kr.id, before)
    month_start = kr.start if prior is None else prior
    latest = _last_value(kr.id, during)
    month_end = month_start if latest is None else latest
    progress = model.progress(kr, month_end)
    score = model.score(kr, month_end)
    kr_pace = pace(kr, progress, expected)
    held_weeks = measured_weeks = None
    if kr.threshold:
        held_weeks, measured_weeks = _weeks_held(kr, during)
        progress = score = held_weeks / measured_weeks if measured_weeks else None
        kr_pace = None if latest is None else "on_track" if model.held(kr, latest) else "behind"
    confidences = _confidences(kr.id, during)
    return KRMonth(
        id=kr.id,
        label=label,
        title=kr.title,
        kind=kr.kind,
        unit=kr.unit,
        weight=kr.weight,
        start=kr.start,
        target=kr.target,
        scored=kr.measurable,
        month_start=month_start,
        month_end=month_end,
        measured=latest is not None,
        change=_change(month_start, month_end),
        progress=progress,
        score=score,
        expected=expected,
        pace=kr_pace,
        confidence_first=confidences[0] if confidences else None,
        confidence_last=confidences[-1] if confidences else None,
        held_weeks=held_weeks,
        measured_weeks=measured_weeks,
        weekly=_weekly(kr.id, during, month_weeks),
    )


def _weekly(kr_id: str, during: list[CheckIn], month_weeks: list[str]) -> list[float | None]:
    by_week = {c.week: c.kr(kr_id) for c in during}
    return [k.value if (k := by_week.get(w)) is not None else None for w in month_weeks]


def _weeks_held(kr: KeyResult, during: list[CheckIn]) -> tuple[int, int]:
    """(weeks whose value held the level, weeks with a value) of a threshold KR."""
    held = measured = 0
    for c in during:
        k = c.kr(kr.id)
        ok = model.held(kr, None if k is None else k.value)
        if ok is not None:
            measured += 1
            held += ok
    return held, measured


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def _objective_score(objective: Objective, krs: list[KRMonth]) -> float | None:
    """``model.objective_score``'s rule over the month's KR scores (a level to hold by
    the share of weeks it held)."""
    scores = {k.id: k.score for k in krs}
    measurable = [kr for kr in objective.key_results if kr.measurable]
    total = sum(kr.weight for kr in measurable)
    if not measurable or total <= 0:
        return None
    return sum(kr.weight * (scores.get(kr.id) or 0.0) for kr in measurable) / total


def _unscored_code(k: KRMonth | KRMove) -> str | None:
    """Why a KR is left out of the score: ``start_unknown`` / ``target_unknown``; None
    when it counts."""
    if k.scored:
        return None
    if k.kind not in model.THRESHOLDS and k.start is None:
        return "start_unknown"
    return "target_unknown"


def _risk_reasons(krs: list[KRMonth] | list[KRMove], risks: list[Risk]) -> list[Reason]:
    reasons: list[Reason] = []
    for k in krs:
        code = _unscored_code(k)
        if code is not None:
            reasons.append(Reason(code, k.label))
    for r in risks:
        if r.kind == "item_status":
            reasons.append(Reason("item_risk", r.item_title or "", status=r.status))
        elif r.kind == "low_confidence":
            reasons.append(Reason("low_confidence", r.kr_label, value=r.confidence))
        else:
            reasons.append(Reason("behind_pace", r.kr_label, r.progress, r.expected))
    return reasons


def _shown(item, history_in_month, month: str) -> bool:
    added_here = item.added is not None and weeks.week_month(item.added) == month
    return item.active or bool(history_in_month) or added_here


def _items_month(
    objective: Objective, labels: dict, upto: Histories, during: list[CheckIn], month: str
) -> list[ItemMonth]:
    month_weeks = weeks.month_weeks(month)
    by_week = {c.week: c for c in during}
    last_month_week = month_weeks[-1]
    in_month_of = _histories(during)
    out = []
    for kr in objective.key_results:
        for item in kr.items:
            if item.added is not None and item.added > last_month_week:
                continue  # added after this month
            in_month = in_month_of.get(item.id, [])
            if not _shown(item, in_month, month):
                continue
            path = []
            for w in month_weeks:
                it = by_week[w].item(item.id) if w in by_week else None
                path.append(WeekStatus(w, it.status if it else None))
            history = upto.get(item.id, [])
            out.append(
                ItemMonth(
                    id=item.id,
                    title=item.title,
                    kr_id=kr.id,
                    kr_label=labels[kr.id],
                    active=item.active,
                    added=item.added,
                    path=path,
                    last_status=history[-1][1] if history else None,
                )
            )
    return out


def _notes(objective: Objective, labels: dict, during: list[CheckIn]) -> list[Entry]:
    """Every non-empty KR note and "what happened", by KR then E-item, then week."""
    out = []
    for kr in objective.key_results:
        for c in during:
            k = c.kr(kr.id)
            if k is not None and k.note.strip():
                out.append(_entry(c, objective, labels, kr.id, None, k.note))
        for item in kr.items:
            for c in during:
                it = c.item(item.id)
                if it is not None and it.progress.strip():
                    out.append(_entry(c, objective, labels, kr.id, item, it.progress))
    return out


def _adjustments(objective: Objective, labels: dict, during: list[CheckIn]) -> list[Entry]:
    out = []
    for kr in objective.key_results:
        for item in kr.items:
            for c in during:
                it = c.item(item.id)
                if it is not None and it.adjustment.strip():
                    out.append(_entry(c, objective, labels, kr.id, item, it.adjustment))
    return out


def _added(objective: Objective, labels: dict, month: str) -> list[ItemRef]:
    first_week = weeks.week_key(weeks.parse_date(objective.start))
    return [
        ItemRef(item.id, item.title, labels[kr.id], kr.title, item.added)
        for kr in objective.key_results
        for item in kr.items
        if item.added is not None
        and item.added > first_week  # items of the first week are the original plan
        and weeks.week_month(item.added) == month
    ]


def _first_status_in(
    objective: Objective, labels: dict, upto: Histories, month: str, status: str
) -> list[ItemRef]:
    out = []
    for kr in objective.key_results:
        for item in kr.items:
            week = _first_week_with(status, upto.get(item.id, []))
            if week is not None and weeks.week_month(week) == month:
                out.append(ItemRef(item.id, item.title, labels[kr.id], kr.title, week, status))
    return out


def _asked_until(objective: Objective, today: date) -> date:
    """The last day a check-in was asked for: today, or the day the period was closed."""
    if objective.review is not None:
        return min(today, weeks.parse_date(objective.review.closed))
    return today


def _discipline(objective: Objective, during: list[CheckIn], month: str, today: date) -> Discipline:
    in_period = [w for w in weeks.month_weeks(month) if objective.owns(w)]
    until = _asked_until(objective, today)
    due = [w for w in in_period if weeks.week_monday(w) <= until]
    checked = [c.week for c in during]
    return Discipline(in_period, due, checked, [w for w in due if w not in checked])


def _running_items(objective: Objective, upto: Histories):
    for kr in objective.key_results:
        for item in kr.items:
            history = upto.get(item.id, [])
            status = history[-1][1] if history else None
            if item.active and status not in CLOSED:
                yield kr, item, status


def _open_adjustments(
    objective: Objective, labels: dict, upto: Histories, during: list[CheckIn]
) -> list[Entry]:
    out = []
    for kr, item, _ in _running_items(objective, upto):
        for c in reversed(during):
            it = c.item(item.id)
            if it is not None and it.adjustment.strip():
                out.append(_entry(c, objective, labels, kr.id, item, it.adjustment))
                break
    return out


def _running(objective: Objective, labels: dict, upto: Histories) -> list[ItemRef]:
    return [
        ItemRef(item.id, item.title, labels[kr.id], kr.title, status=status)
        for kr, item, status in _running_items(objective, upto)
    ]


# -- the one-on-one prep ---------------------------------------------------------------------


def prep_since(meetings: list[Meeting], today: date) -> tuple[date, str]:
    """The default start of a prep: the day after the last one-on-one (never after
    today: a one-on-one held today gives today), else 4 weeks back."""
    past = [m for m in meetings if weeks.parse_date(m.date) <= today]
    if past:
        last = max(weeks.parse_date(m.date) for m in past)
        return min(last + timedelta(days=1), today), "meeting"
    return today - timedelta(days=PREP_DEFAULT_DAYS), "default"


def prep_rollup(
    objectives: list[Objective],
    checkins: list[CheckIn],
    meetings: list[Meeting],
    since: date | None,
    today: date,
) -> PrepRollup:
    """What changed since ``since`` (inclusive; None: see ``prep_since``), per objective."""
    if since is None:
        since, source = prep_since(meetings, today)
    else:
        source = "given"
    past = [m for m in meetings if weeks.parse_date(m.date) <= today]
    return PrepRollup(
        since=since.isoformat(),
        since_source=source,
        today=today.isoformat(),
        last_meeting=max(past, key=lambda m: m.date) if past else None,
        objectives=[_objective_prep(o, checkins, since, today) for o in objectives],
    )


def _objective_prep(
    objective: Objective, checkins: list[CheckIn], since: date, today: date
) -> ObjectivePrep:
    labels = _kr_labels(objective)
    mine = sorted(
        (c for c in checkins if c.objective == objective.id and weeks.parse_date(c.date) <= today),
        key=lambda c: c.week,
    )
    before = [c for c in mine if weeks.parse_date(c.date) < since]
    after = [c for c in mine if weeks.parse_date(c.date) >= since]
    as_of = weeks.parse_date(mine[-1].date) if mine else today
    expected = model.expected_progress(objective, as_of.isoformat())

    moves = [_kr_move(kr, labels[kr.id], before, mine, expected) for kr in objective.key_results]
    score = model.objective_score(objective, {k.id: k.now for k in moves})
    changes = _status_changes(objective, labels, before, mine, after)
    risks = _prep_risks(objective, labels, before, mine, moves, expected)
    adjustments = _adjustments(objective, labels, after)
    asks = [WeekNote(c.week, c.date, c.note) for c in after if c.note.strip()]
    missing = _missing_since(objective, mine, since, today)

    reasons = _risk_reasons(moves, risks)
    verdict, _ = bottom_line(score, expected, reasons)
    ended = objective.end if _ended(objective, today) else None
    points = _talking_points(moves, risks, changes, missing, ended)
    return ObjectivePrep(
        objective_id=objective.id,
        objective_title=objective.title,
        score=score,
        expected=expected,
        verdict=verdict,
        key_results=moves,
        status_changes=changes,
        risks=risks,
        adjustments=adjustments,
        asks=asks,
        missing=missing,
        talking_points=points,
    )


def _kr_move(
    kr: KeyResult, label: str, before: list[CheckIn], upto: list[CheckIn], expected: float
) -> KRMove:
    prior = _last_value(kr.id, before)
    value_before = kr.start if prior is None else prior
    latest = _last_value(kr.id, upto)
    now = kr.start if latest is None else latest
    progress = model.progress(kr, now)
    conf_before, conf_now = _confidences(kr.id, before), _confidences(kr.id, upto)
    return KRMove(
        id=kr.id,
        label=label,
        title=kr.title,
        kind=kr.kind,
        unit=kr.unit,
        start=kr.start,
        target=kr.target,
        scored=kr.measurable,
        before=value_before,
        now=now,
        change=_change(value_before, now),
        progress=progress,
        score=model.score(kr, now),
        pace=pace(kr, progress, expected),
        confidence_before=conf_before[-1] if conf_before else None,
        confidence_now=conf_now[-1] if conf_now else None,
    )


def _status_changes(
    objective: Objective,
    labels: dict,
    before: list[CheckIn],
    upto: list[CheckIn],
    after: list[CheckIn],
) -> list[StatusChange]:
    histories_after, histories_before, histories_upto = (
        _histories(after),
        _histories(before),
        _histories(upto),
    )
    out = []
    for kr in objective.key_results:
        for item in kr.items:
            if not histories_after.get(item.id):
                continue
            old = histories_before.get(item.id, [])
            new = histories_upto[item.id]
            was = old[-1][1] if old else None
            week, now = new[-1]
            for w, s in reversed(new):  # the week it reached ``now``: its final run's first
                if s != now:
                    break
                week = w
            if now != was:
                out.append(StatusChange(item.id, item.title, labels[kr.id], was, now, week))
    return out


def _prep_risks(
    objective: Objective,
    labels: dict,
    before: list[CheckIn],
    upto: list[CheckIn],
    moves: list[KRMove],
    expected: float,
) -> list[Risk]:
    risks: list[Risk] = []
    last, prev = (upto[-1] if upto else None), (before[-1] if before else None)
    if last is not None:
        for kr in objective.key_results:
            for item in kr.items:
                it = last.item(item.id)
                if it is None or it.status not in RISKY:
                    continue
                old = prev.item(item.id) if prev else None
                risks.append(
                    Risk(
                        "item_status", labels[kr.id], kr.title, item.title, it.status, last.week,
                        new=old is None or old.status not in RISKY,
                    )
                )  # fmt: skip
    for k in moves:
        if k.confidence_now is not None and k.confidence_now <= LOW_CONFIDENCE:
            was_low = k.confidence_before is not None and k.confidence_before <= LOW_CONFIDENCE
            risks.append(
                Risk(
                    "low_confidence", k.label, k.title, confidence=k.confidence_now, new=not was_low
                )
            )
        if k.pace == "behind":
            risks.append(
                Risk("behind_pace", k.label, k.title, progress=k.progress, expected=expected)
            )
    return risks


def _ended(objective: Objective, today: date) -> bool:
    """The period is over (or was closed): no check-in is asked for any more."""
    return objective.closed or today > weeks.parse_date(objective.end)


def _missing_since(
    objective: Objective, mine: list[CheckIn], since: date, today: date
) -> list[str]:
    """Weeks of the objective whose Monday (the check-in day) lies in since..today without
    a check-in; none once the period is over or closed (nothing left to catch up)."""
    if _ended(objective, today) or objective.archived:
        return []
    done = {c.week for c in mine}
    return [
        w
        for w in (weeks.weeks_between(since, today) if since <= today else [])
        if since <= weeks.week_monday(w) <= today and objective.is_due(w) and w not in done
    ]


def _talking_points(
    moves: list[KRMove],
    risks: list[Risk],
    changes: list[StatusChange],
    missing: list[str],
    ended: str | None = None,
) -> list[TalkingPoint]:
    """``ended``: the last day of a period that is over (or closed), else None: then no
    point asks how to catch up, one says the period ended."""
    points = []
    if ended is not None:
        points.append(TalkingPoint("ended", detail=ended))
    for r in risks:
        if r.kind == "item_status":
            points.append(TalkingPoint("risk", r.item_title or "", r.status or ""))
        elif r.kind == "low_confidence":
            points.append(TalkingPoint("low_confidence", r.kr_label, value=r.confidence))
        elif ended is None:
            points.append(
                TalkingPoint("behind_pace", r.kr_label, value=r.progress, expected=r.expected)
            )
    for k in moves:
        code = _unscored_code(k)
        if code is not None:
            points.append(TalkingPoint(code, k.label))
    for ch in changes:
        if ch.now == "done":
            points.append(TalkingPoint("finished", ch.title))
    if missing:
        points.append(TalkingPoint("missing", detail=", ".join(missing)))
    return points
