"""A KR's weekly series: what its chart draws and what the JSON summary carries.

Plain data, no plotting (the chart is drawn by tui.chart with plotext and by
screens.chart with textual-plotext, both from this). Weeks are the x axis, oldest
first, across the chain of linked periods when the KR continues earlier ones
(:func:`store.chain.kr_chain`): every ISO week from the first period's first week
to the last period's last week, with a gap between periods that do not touch.

Per week:

* ``values``: the value of that week's check-in (None: no check-in, or not measured);
* ``confidence``: its confidence 0-10 (None: none given);
* ``path``: where the linear path from the KR's start to its target puts it on the
  week's Monday (``store.model.expected_progress``, the rule of the summary's pace;
  the Monday is clipped into the period). None for a milestone and a level to hold
  (stay below / above), which have no path, and while the start or the target is
  unknown;
* ``target``: the KR's target in that period (a milestone's is 1, a threshold's is its
  level); None outside the periods and while unknown.

Each period is a :class:`Segment` (its objective and KR, dates, the weeks it covers,
start and target, and ``start_x`` / ``end_x``: where its first day starts and its last
day ends on the x axis, in weeks from the first week's Monday, so a chart can draw the
path as the straight line it is, from the start to the target).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from store import weeks
from store.chain import kr_chain
from store.model import THRESHOLDS, CheckIn, KeyResult, Objective, expected_progress


@dataclass
class Segment:
    objective_id: str
    kr_id: str
    start: str  # the period's first day, YYYY-MM-DD
    end: str  # its last day
    first: int  # index of its first week in KRSeries.weeks
    last: int  # index of its last week
    start_value: float | None  # the KR's start in this period (None: unknown / none)
    target: float | None  # the KR's target in this period (None: unknown)
    start_x: float  # the start of the period's first day, in weeks from weeks[0]'s Monday
    end_x: float  # the end of its last day (so week i's Monday is at x = i)


@dataclass
class KRSeries:
    objective_id: str
    kr_id: str
    label: str  # KR1, KR2 ... in its objective's order
    title: str
    kind: str
    unit: str
    weeks: list[str] = field(default_factory=list)
    values: list[float | None] = field(default_factory=list)
    confidence: list[int | None] = field(default_factory=list)
    path: list[float | None] = field(default_factory=list)
    target: list[float | None] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        """Whether any week has a value."""
        return any(v is not None for v in self.values)

    def latest(self) -> tuple[str, float] | None:
        """The last week with a value, and that value."""
        for week, value in zip(reversed(self.weeks), reversed(self.values), strict=True):
            if value is not None:
                return week, value
        return None

    def to_dict(self) -> dict:
        """The JSON shape (``series`` of a KR in ``okr summary --format json``)."""
        out = asdict(self)
        for key in ("objective_id", "kr_id", "label", "title", "kind", "unit"):
            out.pop(key)
        return out


def _path_value(objective: Objective, kr: KeyResult, week: str) -> float | None:
    if kr.kind == "milestone" or kr.kind in THRESHOLDS:
        return None
    if kr.start is None or kr.target is None:
        return None
    first, last = weeks.parse_date(objective.start), weeks.parse_date(objective.end)
    day = min(max(weeks.week_monday(week), first), last)
    fraction = expected_progress(objective, day.isoformat())
    return round(kr.start + fraction * (kr.target - kr.start), 4)


def _target(kr: KeyResult) -> float | None:
    return 1 if kr.kind == "milestone" else kr.target


def kr_series(
    objectives: list[Objective],
    checkins: list[CheckIn],
    objective_id: str,
    kr_id: str,
    *,
    until: str | None = None,
) -> KRSeries | None:
    """The series of KR ``kr_id`` of objective ``objective_id`` (None if there is no such
    KR), across the periods it continues; ``until``: leave out the weeks after this one
    (a month's summary carries nothing of later months)."""
    chain = kr_chain(objectives, objective_id, kr_id)
    if not chain:
        return None
    objective, kr = chain[-1]
    number = next(n for n, k in enumerate(objective.key_results, 1) if k.id == kr.id)
    series = KRSeries(objective.id, kr.id, f"KR{number}", kr.title, kr.kind, kr.unit)

    by_objective: dict[str, list[CheckIn]] = {}
    for c in checkins:
        by_objective.setdefault(c.objective, []).append(c)
    own_weeks = []
    for o, _k in chain:
        own = weeks.period_weeks(o.start, o.end) or [weeks.week_key(weeks.parse_date(o.start))]
        own_weeks.append(own)
    every = [w for own in own_weeks for w in own]
    every += [c.week for o, _k in chain for c in by_objective.get(o.id, ())]
    first_monday = min(weeks.week_monday(w) for w in every)
    last_monday = max(weeks.week_monday(w) for w in every)
    if until is not None:
        last_monday = min(last_monday, weeks.week_monday(until))
    if last_monday < first_monday:
        return series
    series.weeks = weeks.weeks_between(first_monday, last_monday)
    index = {w: i for i, w in enumerate(series.weeks)}
    n = len(series.weeks)
    series.values = [None] * n
    series.confidence = [None] * n
    series.path = [None] * n
    series.target = [None] * n

    for (o, k), own in zip(chain, own_weeks, strict=True):
        shown = [w for w in own if w in index]
        start_x = round((weeks.parse_date(o.start) - first_monday).days / 7, 4)
        end_x = round(((weeks.parse_date(o.end) - first_monday).days + 1) / 7, 4)
        if shown:
            series.segments.append(
                Segment(
                    o.id,
                    k.id,
                    o.start,
                    o.end,
                    index[shown[0]],
                    index[shown[-1]],
                    k.start,
                    _target(k),
                    start_x,
                    end_x,
                )
            )
        for w in shown:
            i = index[w]
            series.path[i] = _path_value(o, k, w)
            series.target[i] = _target(k)
        for c in by_objective.get(o.id, ()):
            i = index.get(c.week)
            found = c.kr(k.id)
            if i is None or found is None:
                continue
            series.values[i] = found.value
            series.confidence[i] = found.confidence
    return series


def store_series(store, objective_id: str, kr_id: str, *, until: str | None = None):
    """:func:`kr_series` over a :class:`store.repo.Store` (archived periods included)."""
    return kr_series(
        store.objectives(include_archived=True),
        store.checkins(),
        objective_id,
        kr_id,
        until=until,
    )
