"""The team roll-up: every lead's month rollups, and one view across them for the manager.

Built from the very functions of a lead's own ``okr summary``: for each lead's published
document (store.team.LeadDocument, which reads like the lead's store),
:func:`tui.report.summary_rollups` gives the month rollups of store.rollup, so every
figure (score, verdict, pace, confidence, missing weeks) is the one that lead's own
``okr summary --month M`` gives; only the one-on-ones are missing (never published).

A quarter (``--quarter 2026-Q4``) is told per objective from its last month in the
quarter that has begun (its score, verdict, KRs and risks as of then: what that month's
``okr summary`` gives), while the missing weeks and the week notes cover every month of
the quarter.

Written as tui.report's blocks (Markdown, plain text) or as JSON:

    {"format": "okr-team-summary", "version": 1, "lang": "en", "period": "2026-10",
     "months": ["2026-10"], "to_date": false, "today": "2026-11-10",
     "team": {"bottom_line": "...", "objectives": 3, "on_track": 1, "at_risk": 1,
              "off_track": 1, "not_checked_in": [{"lead": "wang-fang",
              "missing": ["2026-W43"], "checked_in": true}], "without_objectives": []},
     "leads": [{"name": "li-lei", "file": "leads/li-lei.json", "last_checkin": "...",
                "missing": [...], "objectives": [{"month": "2026-10",
                "missing": [...], "week_notes": [...], "review": null,
                "summary": {<one objective of okr summary --format json>}}]}],
     "skipped": [{"file": "leads/x.json", "reason": "damaged", "detail": "",
                  "message": "..."}]}
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from store import weeks
from store.rollup import MonthRollup, WeekNote
from store.team import LeadDocument, Skipped
from tui.i18n import t
from tui.report import (
    Block,
    Bullets,
    Heading,
    Para,
    _colon,
    _json,
    _month_label,
    _plain_data,
    _risk,
    _u,
    _verdict_sentence,
    _write,
    objective_json,
    summary_rollups,
    summary_series,
)
from tui.text import inert, number, percent

VERDICTS = ("on_track", "at_risk", "off_track")


@dataclass
class TeamObjective:
    rollup: MonthRollup  # the month's rollup (a quarter: the objective's last month in it)
    month: str
    missing: list[str]  # weeks due and not checked in, over the whole period asked about
    week_notes: list[WeekNote]  # over the whole period asked about
    last_checkin: str | None
    review: Any = None  # the objective's review when it is closed (export version 2)
    series: dict | None = None  # its KRs' weekly series, as the lead's own JSON summary has


@dataclass
class TeamLead:
    name: str
    file: str
    objectives: list[TeamObjective]
    last_checkin: str | None
    missing: list[str]
    checked_in: bool  # at least one check-in in the period

    @property
    def due(self) -> list[str]:
        return sorted({w for o in self.objectives for w in o.rollup.discipline.due})


@dataclass
class TeamRollup:
    period: str  # 2026-10 or 2026-Q4
    months: list[str]
    to_date: bool
    today: str
    leads: list[TeamLead] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def objectives(self) -> list[TeamObjective]:
        return [o for lead in self.leads for o in lead.objectives]

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(VERDICTS, 0)
        for o in self.objectives:
            out[o.rollup.verdict] = out.get(o.rollup.verdict, 0) + 1
        return out


# -- building ----------------------------------------------------------------------------------


def team_rollup(
    leads: Iterable[LeadDocument | Skipped],
    period: str,
    months: list[str],
    today: date,
    series: bool = False,
) -> TeamRollup:
    """The roll-up of ``months`` (one month, or a quarter's three) over every lead, each
    rolled up as it comes (store.team.iter_leads reads them one at a time)."""
    begun = [m for m in months if weeks.month_days(m)[0] <= today] or months[:1]
    out = TeamRollup(
        period=period,
        months=months,
        to_date=today <= weeks.month_days(months[-1])[1],
        today=today.isoformat(),
    )
    for lead in leads:
        if isinstance(lead, Skipped):
            out.skipped.append(lead)
        else:
            out.leads.append(_lead(lead, begun, today, series))
    return out


def _lead(lead: LeadDocument, months: list[str], today: date, series: bool) -> TeamLead:
    per_objective: dict[str, list[tuple[str, MonthRollup]]] = {}
    for month in months:
        for r in summary_rollups(lead, month, today):
            per_objective.setdefault(r.objective_id, []).append((month, r))
    objectives = []
    for objective in lead.objectives():  # the lead's order
        got = per_objective.get(objective.id)
        if not got:
            continue
        month, last = got[-1]
        objectives.append(
            TeamObjective(
                rollup=last,
                month=month,
                missing=[w for _, r in got for w in r.discipline.missing],
                week_notes=[n for _, r in got for n in r.week_notes],
                last_checkin=lead.last_checkin(objective.id, today.isoformat()),
                review=objective.review,
                series=summary_series(lead, [last], month) if series else None,
            )
        )
    checked = any(r.discipline.checked for got in per_objective.values() for _, r in got)
    return TeamLead(
        name=lead.name,
        file=lead.file,
        objectives=objectives,
        last_checkin=lead.last_checkin(until=today.isoformat()),
        missing=sorted({w for o in objectives for w in o.missing}),
        checked_in=checked,
    )


def build(
    data_dir, month: str | None, quarter: str | None, today: date, series: bool = False
) -> TeamRollup:
    """Read the team clone of ``data_dir`` and roll it up for a month or a quarter;
    ``series``: with each KR's weekly series (the JSON roll-up has them)."""
    from store import team

    leads = team.iter_leads(data_dir)
    if quarter is not None:
        year, q = team.parse_quarter(quarter)
        period = f"{year:04d}-Q{q}"
        return team_rollup(leads, period, team.quarter_months(period), today, series)
    return team_rollup(leads, month, [month], today, series)


# -- words --------------------------------------------------------------------------------------


def skipped_line(s: Skipped, lang: str) -> str:
    return t(
        f"team.skip.{s.reason}",
        lang,
        file=inert(s.file, newlines=False),
        detail=inert(s.detail, newlines=False),
    )


def period_label(rollup: TeamRollup, lang: str) -> str:
    if len(rollup.months) == 1:
        return _month_label(rollup.period, rollup.to_date, lang)
    label = rollup.period
    return f"{label} ({t('report.to_date', lang)})" if rollup.to_date else label


def _name(text: str) -> str:
    return inert(text, newlines=False)


def counts_line(rollup: TeamRollup, lang: str) -> str:
    c = rollup.counts()
    return t("team.counts", lang, total=sum(c.values()), **c)


def not_checked_in(rollup: TeamRollup) -> list[TeamLead]:
    return [lead for lead in rollup.leads if lead.missing]


def _weeks(items: list[str]) -> str:
    return ", ".join(items)


def _missing_line(lead: TeamLead, lang: str) -> str:
    if not lead.checked_in:
        return t("team.no_checkin", lang, lead=_name(lead.name), weeks=_weeks(lead.due))
    return t("team.missing_weeks", lang, lead=_name(lead.name), weeks=_weeks(lead.missing))


def team_bottom_line(rollup: TeamRollup, lang: str) -> str:
    """The one paragraph: the verdict counts, then who has not checked in."""
    parts = [counts_line(rollup, lang)]
    late = not_checked_in(rollup)
    if late:
        sep = "；" if lang == "zh" else "; "
        head = t("team.not_checked_in", lang)
        body = sep.join(_missing_line(lead, lang) for lead in late)
        parts.append(f"{head}：{body}。" if lang == "zh" else f"{head}: {body}.")
    elif rollup.leads:
        parts.append(t("team.all_checked", lang))
    return ("" if lang == "zh" else " ").join(parts)


# -- blocks -------------------------------------------------------------------------------------


def _blocks(rollup: TeamRollup, lang: str) -> list[Block]:
    out: list[Block] = [Heading(1, t("team.title", lang, period=period_label(rollup, lang)))]
    out.append(Heading(2, t("team.bottom", lang)))
    out.append(Para(t("team.leads_count", lang, leads=len(rollup.leads), today=rollup.today)))
    if not rollup.leads:
        out.append(Para(t("team.no_leads", lang)))
    else:
        out.append(Para(counts_line(rollup, lang)))
        late = not_checked_in(rollup)
        if late:
            out.append(Heading(4, t("team.not_checked_in", lang)))
            out.append(Bullets([(0, _missing_line(lead, lang)) for lead in late]))
        else:
            out.append(Para(t("team.all_checked", lang)))
        idle = [_name(lead.name) for lead in rollup.leads if not lead.objectives]
        if idle:
            sep = "、" if lang == "zh" else ", "
            out.append(Para(t("team.no_objective", lang, leads=sep.join(idle))))
    if rollup.skipped:
        out.append(Heading(4, t("team.left_out", lang)))
        out.append(Bullets([(0, skipped_line(s, lang)) for s in rollup.skipped]))
    for lead in rollup.leads:
        out += _lead_blocks(lead, rollup, lang)
    return out


def _lead_blocks(lead: TeamLead, rollup: TeamRollup, lang: str) -> list[Block]:
    out: list[Block] = [Heading(2, t("team.lead", lang, name=_name(lead.name)))]
    last = (
        t("team.last_checkin", lang, date=lead.last_checkin)
        if lead.last_checkin
        else t("team.never", lang)
    )
    missing = (
        t("team.lead_missing", lang, weeks=_weeks(lead.missing))
        if lead.missing
        else t("team.lead_no_missing", lang)
    )
    out.append(Para(last + ("" if lang == "zh" else " ") + missing))
    if not lead.objectives:
        out.append(Para(t("team.lead_no_objectives", lang)))
    for o in lead.objectives:
        out += _objective_blocks(o, rollup, lang)
    return out


def _objective_blocks(o: TeamObjective, rollup: TeamRollup, lang: str) -> list[Block]:
    r = o.rollup
    out: list[Block] = [
        Heading(3, t("report.objective", lang, title=_u(r.objective_title, newlines=False)))
    ]
    if len(rollup.months) > 1:
        out.append(Para(t("team.figures_of", lang, month=_month_label(o.month, r.to_date, lang))))
    out.append(
        Para(
            t(
                "team.score",
                lang,
                score=percent(r.score),
                expected=percent(r.expected),
                date=o.last_checkin or "—",
            )
        )
    )
    out.append(Para(_verdict_sentence(r.verdict, r.reasons, lang)))
    watch = [x for x in r.risks if x.kind in ("behind_pace", "low_confidence")]
    if watch:
        out.append(Heading(4, t("team.krs_watch", lang)))
        out.append(Bullets([(0, _risk(x, lang)) for x in watch]))
    items = [x for x in r.risks if x.kind == "item_status"]
    if items:
        out.append(Heading(4, t("team.items_at_risk", lang)))
        out.append(Bullets([(0, _risk(x, lang)) for x in items]))
    if o.week_notes:
        out.append(Heading(4, t("team.asks", lang)))
        out.append(Bullets([(0, _colon(n.week, _u(n.text), lang)) for n in o.week_notes]))
    review = review_lines(getattr(r, "review", None) or o.review, r, lang)
    if review:
        out.append(Heading(4, t("team.review", lang)))
        out.append(Bullets(review))
    return out


def _get(obj: Any, key: str) -> Any:
    return obj.get(key) if isinstance(obj, dict) else getattr(obj, key, None)


def review_lines(review: Any, r: MonthRollup, lang: str) -> list[tuple[int, str]]:
    """A closed objective's grades and retrospective, read defensively (this module works
    before and after export version 2): the objective's ``review`` (``grades`` of
    ``kr`` / ``grade`` / ``note``) or the rollup's (``key_results`` of ``id`` / ``label``
    / ``grade``), each a dict or an object, with ``went_well`` / ``went_badly`` /
    ``learned``. Anything it does not recognise is left out."""
    if review is None:
        return []
    labels = {k.id: k.label for k in r.key_results}
    lines: list[tuple[int, str]] = []
    grades = _get(review, "grades")
    if grades is None:
        grades = _get(review, "key_results")
    if isinstance(grades, dict):
        grades = [
            {"kr": k, **(v if isinstance(v, dict) else {"grade": v})} for k, v in grades.items()
        ]
    for g in grades if isinstance(grades, list | tuple) else ():
        kr = _get(g, "kr") or _get(g, "id")
        label = _get(g, "label") or labels.get(kr) or _name(str(kr or ""))
        grade = _get(g, "grade")
        if not isinstance(grade, int | float) or isinstance(grade, bool):
            continue
        text = t("team.grade", lang, kr=_name(str(label)), grade=number(grade))
        reason = _get(g, "note") or _get(g, "reason")
        if isinstance(reason, str) and reason.strip():
            text += ("：" if lang == "zh" else ": ") + _u(reason)
        lines.append((0, text))
    retro = _get(review, "retrospective") or review
    for key in ("went_well", "went_badly", "learned"):
        text = _get(retro, key)
        if isinstance(text, str) and text.strip():
            lines.append((0, f"{t(f'team.{key}', lang)}{'：' if lang == 'zh' else ': '}{_u(text)}"))
    return lines


# -- writing ------------------------------------------------------------------------------------


def render_team(rollup: TeamRollup, fmt: str, lang: str) -> str:
    """The team roll-up in ``fmt`` (md | text | json)."""
    if fmt == "json":
        return _json(_json_data(rollup, lang))
    return _write(_blocks(rollup, lang), fmt)


def _plain(value: Any) -> Any:
    """A review as JSON values (a dataclass, a dict, or something else: its text)."""
    import dataclasses

    if value is None or isinstance(value, str | int | float | bool):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return str(value)


def _json_data(rollup: TeamRollup, lang: str) -> dict:
    counts = rollup.counts()
    return {
        "format": "okr-team-summary",
        "version": 1,
        "lang": lang,
        "period": rollup.period,
        "months": rollup.months,
        "to_date": rollup.to_date,
        "today": rollup.today,
        "team": {
            "bottom_line": team_bottom_line(rollup, lang),
            "objectives": sum(counts.values()),
            **counts,
            "not_checked_in": [
                {"lead": lead.name, "missing": lead.missing, "checked_in": lead.checked_in}
                for lead in not_checked_in(rollup)
            ],
            "without_objectives": [lead.name for lead in rollup.leads if not lead.objectives],
        },
        "leads": [
            {
                "name": lead.name,
                "file": lead.file,
                "last_checkin": lead.last_checkin,
                "missing": lead.missing,
                "objectives": [
                    {
                        "month": o.month,
                        "missing": o.missing,
                        "week_notes": [_plain_data(n) for n in o.week_notes],
                        "last_checkin": o.last_checkin,
                        "review": _plain(o.review),
                        "summary": objective_json(o.rollup, lang, o.series),
                    }
                    for o in lead.objectives
                ],
            }
            for lead in rollup.leads
        ],
        "skipped": [{**_plain_data(s), "message": skipped_line(s, lang)} for s in rollup.skipped],
    }
