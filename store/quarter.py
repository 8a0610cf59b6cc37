"""The summary of more than a month: the chains of linked periods over a span of months
(a quarter: ``2026-Q4``), as plain dataclasses (tui.report_cycle says them).

Every figure comes from the check-ins, as in the month summary; the rules:

* The span: whole months, ``first``..``last``. A chain is a run of objectives linked by
  ``previous`` whose periods overlap the span (archived ones too, unless the whole
  chain is archived), oldest first; an objective linked to none is a chain of one.
* A KR row follows a KR through the chain by its ``previous`` links; a KR a period
  adds starts a row of its own. Per period: the final value, the score and the grade
  (:func:`store.cycle.grading`: the stored grade of a closed period, else none).
* The bottom line: how many periods, how many closed; the mean grade of the closed
  periods and the mean score of all; how many KRs of how many reached their target
  (KR-periods); and the verdict of the last period's month summary (its last month,
  or this month while it runs).
* E-items per period: carried (continue an item of an earlier period), added (new
  after the period's first week: the first week's items are the plan), finished and
  dropped (the first check-in giving that status), and left behind at the rollover
  (open at the period's end, not continued by the next period of the chain).
* The asks: every non-empty week note of the periods' check-ins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from store import chain, cycle, weeks
from store.model import CheckIn, Objective, overlaps
from store.rollup import CLOSED, month_rollup


@dataclass
class Period:
    objective_id: str
    title: str
    start: str
    end: str
    month: str | None  # YYYY-MM when the period is one whole month
    closed: str | None
    score: float | None
    grade: float | None
    went_well: str
    went_badly: str
    learned: str
    calibration: cycle.Calibration


@dataclass
class Cell:
    """One KR in one period."""

    objective_id: str
    kr_id: str
    label: str
    title: str
    kind: str
    unit: str
    start: float | None
    target: float | None
    final: float | None
    score: float | None
    grade: float | None
    own: bool  # the grade is the lead's own, not the score
    reached: bool | None


@dataclass
class KRRow:
    label: str  # the KR's label in its latest period
    title: str  # its latest title
    cells: list[Cell | None]  # one per period of the chain (None: the KR is not in it)


@dataclass
class ItemMove:
    kr_label: str
    title: str
    week: str | None


@dataclass
class ItemsOfPeriod:
    objective_id: str
    carried: list[ItemMove]
    added: list[ItemMove]
    finished: list[ItemMove]
    dropped: list[ItemMove]
    left: list[ItemMove]  # open at the end, not continued by the next period


@dataclass
class Ask:
    objective_id: str
    week: str
    date: str
    text: str


@dataclass
class BottomLine:
    periods: int
    closed: int
    grade: float | None  # mean of the closed periods' grades
    score: float | None  # mean of the periods' scores
    reached: int  # KR-periods that reached their target
    scored: int  # KR-periods that could be scored
    verdict: str  # the last period's month verdict
    month: str  # the month that verdict is of


@dataclass
class ChainSummary:
    title: str  # the latest period's objective title
    owner: str | None
    periods: list[Period]
    key_results: list[KRRow]
    items: list[ItemsOfPeriod]
    asks: list[Ask]
    overall: BottomLine  # the figures of the bottom line


@dataclass
class SpanSummary:
    first: str  # YYYY-MM
    last: str
    quarter: str | None  # 2026-Q4 when the span is a calendar quarter
    to_date: bool  # the span is still running
    chains: list[ChainSummary]


def quarter_months(text: str) -> tuple[str, str]:
    """``2026-Q4`` -> (``2026-10``, ``2026-12``); ValueError otherwise."""
    import re

    m = re.fullmatch(r"(\d{4})-?[Qq]([1-4])", text.strip()) if isinstance(text, str) else None
    if not m:
        raise ValueError(f"not a quarter like 2026-Q4: {text!r}")
    year, q = int(m.group(1)), int(m.group(2))
    return f"{year:04d}-{3 * q - 2:02d}", f"{year:04d}-{3 * q:02d}"


def _quarter_of(first: str, last: str) -> str | None:
    year, month = weeks.parse_month(first)
    if month % 3 == 1 and weeks.shift_month(first, 2) == last:
        return f"{year:04d}-Q{(month + 2) // 3}"
    return None


def chains_in(
    objectives: list[Objective], first_day: date, last_day: date
) -> list[list[Objective]]:
    """The chains of linked objectives overlapping the days, oldest period first."""
    inside = [o for o in objectives if overlaps(o, first_day, last_day)]
    ids = {o.id for o in inside}
    continued = {o.previous for o in inside if o.previous in ids}
    out = []
    for tip in sorted((o for o in inside if o.id not in continued), key=lambda o: o.start):
        run = [o for o in chain.objective_chain(objectives, tip.id) if o.id in ids]
        if run and not all(o.archived for o in run):
            out.append(run)
    return out


def span_summary(
    objectives: list[Objective],
    checkins: list[CheckIn],
    first: str,
    last: str,
    today: date,
) -> SpanSummary:
    """Everything the summary of the months ``first``..``last`` (YYYY-MM) says."""
    first_day, _ = weeks.month_days(first)
    _, last_day = weeks.month_days(last)
    if last_day < first_day:
        raise ValueError(f"{last} is before {first}")
    return SpanSummary(
        first=first,
        last=last,
        quarter=_quarter_of(first, last),
        to_date=today <= last_day,
        chains=[
            _chain_summary(run, checkins, today)
            for run in chains_in(objectives, first_day, last_day)
        ],
    )


def _whole_month(o: Objective) -> str | None:
    first, last = weeks.parse_date(o.start), weeks.parse_date(o.end)
    if cycle.period_months(first, last) == 1:
        return weeks.month_key(first)
    return None


def _chain_summary(run: list[Objective], checkins: list[CheckIn], today: date) -> ChainSummary:
    gradings = [_graded(cycle.grading(o, checkins)) for o in run]
    periods = [
        Period(
            objective_id=o.id,
            title=o.title,
            start=o.start,
            end=o.end,
            month=_whole_month(o),
            closed=g.closed,
            score=g.score,
            grade=g.grade,
            went_well=g.went_well,
            went_badly=g.went_badly,
            learned=g.learned,
            calibration=g.calibration,
        )
        for o, g in zip(run, gradings, strict=True)
    ]
    rows = _kr_rows(run, gradings)
    items = [
        _items_of(o, run[n + 1] if n + 1 < len(run) else None, checkins) for n, o in enumerate(run)
    ]
    asks = [
        Ask(o.id, c.week, c.date, c.note)
        for o in run
        for c in cycle.period_checkins(o, checkins)
        if c.note.strip()
    ]
    cells = [c for row in rows for c in row.cells if c is not None and c.score is not None]
    closed = [p for p in periods if p.closed is not None and p.grade is not None]
    scores = [p.score for p in periods if p.score is not None]
    latest = run[-1]
    month = weeks.month_key(
        min(weeks.parse_date(latest.end), max(today, weeks.parse_date(latest.start)))
    )
    verdict = month_rollup(latest, checkins, [], month, today).verdict
    line = BottomLine(
        periods=len(periods),
        closed=len([p for p in periods if p.closed is not None]),
        grade=sum(p.grade for p in closed) / len(closed) if closed else None,
        score=sum(scores) / len(scores) if scores else None,
        reached=len([c for c in cells if c.reached]),
        scored=len(cells),
        verdict=verdict,
        month=month,
    )
    return ChainSummary(latest.title, latest.owner, periods, rows, items, asks, line)


def _graded(g: cycle.Grading) -> cycle.Grading:
    """A period's grading with grades only when it was closed (an open period has none)."""
    if g.closed is None:
        g.grade = None
        for k in g.key_results:
            k.grade, k.own = None, False
    return g


def _kr_rows(run: list[Objective], gradings: list[cycle.Grading]) -> list[KRRow]:
    rows: list[KRRow] = []
    by_kr: dict[str, KRRow] = {}  # the KR id of a row's latest cell -> the row
    for n, (o, g) in enumerate(zip(run, gradings, strict=True)):
        for kr, k in zip(o.key_results, g.key_results, strict=True):
            cell = Cell(
                o.id, kr.id, k.label, kr.title, kr.kind, kr.unit, kr.start, kr.target,
                k.final, k.score, k.grade, k.own, k.reached,
            )  # fmt: skip
            row = by_kr.pop(kr.previous, None) if kr.previous is not None else None
            if row is None or row.cells[n - 1] is None:
                row = KRRow(k.label, kr.title, [None] * len(run))
                rows.append(row)
            row.cells[n] = cell
            row.label, row.title = k.label, kr.title
            by_kr[kr.id] = row
    return rows


def _items_of(o: Objective, after: Objective | None, checkins: list[CheckIn]) -> ItemsOfPeriod:
    period = cycle.period_checkins(o, checkins)
    first_week = weeks.week_key(weeks.parse_date(o.start))
    continued = set()
    if after is not None:
        continued = {i.previous for kr in after.key_results for i in kr.items if i.previous}
    out = ItemsOfPeriod(o.id, [], [], [], [], [])
    for n, kr in enumerate(o.key_results, 1):
        label = f"KR{n}"
        for item in kr.items:
            history = [(c.week, c.item(item.id)) for c in period if c.item(item.id) is not None]
            if item.previous is not None:
                out.carried.append(ItemMove(label, item.title, item.added))
            elif item.added is not None and item.added > first_week:
                out.added.append(ItemMove(label, item.title, item.added))
            for status, bucket in (("done", out.finished), ("dropped", out.dropped)):
                week = next((w for w, it in history if it.status == status), None)
                if week is not None:
                    bucket.append(ItemMove(label, item.title, week))
            last = history[-1][1].status if history else None
            open_at_end = item.active and last not in CLOSED
            if after is not None and open_at_end and item.id not in continued:
                out.left.append(ItemMove(label, item.title, None))
    return out
