"""The cycle in words: the grades and retrospective of a close, what a rollover made,
and the summary of more than a month (a quarter), as Markdown, plain text or JSON.

Built from the blocks of :mod:`tui.report` (headings, paragraphs, bullets, tables:
the same writers, so these texts read like the month summary) and the values of
:mod:`tui.format`. Scores and default grades show one decimal, as Google grades
are written (0.7); a lead's own grade shows as given (0.65); calibration figures
show two decimals.
"""

from __future__ import annotations

import dataclasses

from store import weeks
from store.cycle import Forecast, Grading, RolloverPlan
from store.model import Objective
from store.quarter import ChainSummary, SpanSummary
from tui import format as fmt_
from tui.i18n import t
from tui.report import Block, Bullets, Heading, Para, Table, _colon, _json, _paren, _u, _write


def decimal(value: float | None, places: int = 1) -> str:
    """``0.575`` -> ``0.58`` (half up, as by hand: not binary floating point's 0.57)."""
    if value is None:
        return fmt_.DASH
    return f"{value + (1e-9 if value >= 0 else -1e-9):.{places}f}"


def grade_text(grade: float | None, own: bool = False) -> str:
    """A grade: one decimal (0.7), as scores are; a lead's own grade (``own``) as the lead
    gave it (0.65, at most two decimals)."""
    if grade is None:
        return fmt_.DASH
    if own and abs(grade * 10 - round(grade * 10)) > 1e-9:
        return f"{grade:.2f}"
    return f"{grade:.1f}"


def period_label(start: str, end: str, lang: str) -> str:
    """``October 2026`` for a whole month, else ``2026-10-05 – 2026-11-04``."""
    first, last = weeks.parse_date(start), weeks.parse_date(end)
    if first.day == 1 and weeks.month_days(weeks.month_key(first))[1] == last:
        return month_label(weeks.month_key(first), lang)
    return f"{start} – {end}"


def month_label(month: str, lang: str) -> str:
    year, mon = weeks.parse_month(month)
    return t("report.month_title", lang, name=t(f"report.month.{mon}", lang), year=year)


# -- the grades and retrospective ------------------------------------------------------------------


def forecast_line(f: Forecast, lang: str) -> str:
    label = f.label or t("cycle.all_krs", lang)
    if not f.count:
        return t("cycle.no_forecast", lang, label=label)
    return t(
        "cycle.forecast",
        lang,
        label=label,
        brier=decimal(f.brier, 2),
        count=f.count,
        forecast=decimal(f.mean_forecast, 2),
        outcome=decimal(f.mean_outcome, 2),
        verdict=t(f"cycle.verdict.{f.verdict}", lang),
    )


def review_blocks(g: Grading, lang: str, *, level: int = 3, heading: bool = True) -> list[Block]:
    """The grades, the retrospective and the calibration of a close."""
    out: list[Block] = [Heading(level, t("cycle.section", lang))] if heading else []
    key = "cycle.closed_line" if g.closed else "cycle.preview_line"
    out.append(Para(t(key, lang, date=g.closed, grade=grade_text(g.grade), score=decimal(g.score))))
    headers = [t("report.col.kr", lang)] + [
        t(f"cycle.col.{c}", lang) for c in ("final", "score", "grade", "reason")
    ]
    rows = [
        [
            f"{k.label} {_u(k.title, newlines=False)}",
            fmt_.value_text(k, k.final, lang),  # type: ignore[arg-type]  (kind, unit)
            decimal(k.score),
            grade_text(k.grade, k.own) if k.grade is not None else t("cycle.not_graded", lang),
            _u(k.note, newlines=False),
        ]
        for k in g.key_results
    ]
    out.append(Table(headers, rows, right={2, 3}))
    out.append(Heading(level + 1, t("cycle.retrospective", lang)))
    out.append(
        Bullets(
            [
                (0, _colon(t(f"cycle.{name}", lang), _u(text).strip() or fmt_.DASH, lang))
                for name, text in (
                    ("went_well", g.went_well),
                    ("went_badly", g.went_badly),
                    ("learned", g.learned),
                )
            ]
        )
    )
    out.append(Heading(level + 1, t("cycle.calibration", lang)))
    out.append(Para(t("cycle.calibration_hint", lang)))
    lines = [(0, forecast_line(g.calibration.overall, lang))]
    lines += [(1, forecast_line(f, lang)) for f in g.calibration.key_results]
    out.append(Bullets(lines))
    return out


def render_close(g: Grading, lang: str, fmt: str = "text") -> str:
    """What ``okr close`` prints: the close, its grades, retrospective and calibration."""
    if fmt == "json":
        return _json({"format": "okr-close", "version": 1, "lang": lang, **_data(g)})
    blocks: list[Block] = [
        Heading(2, t("cycle.close_title", lang, title=_u(g.objective_title, newlines=False))),
        Para(t("cycle.period", lang, start=g.start, end=g.end)),
        *review_blocks(g, lang, heading=False),
        Para(t("cycle.next_hint", lang, id=g.objective_id)),
    ]
    return _write(blocks, fmt)


def _data(obj) -> dict:
    return dataclasses.asdict(obj)


# -- what a rollover made -----------------------------------------------------------------------------


def render_rollover(plan: RolloverPlan, new: Objective, old: Objective, lang: str) -> str:
    """What ``okr next --yes`` prints: the new objective, its KRs, the items carried and
    everything left behind, each said."""
    sep = "；" if lang == "zh" else "; "
    out: list[Block] = [
        Para(
            t(
                "cycle.created",
                lang,
                title=_u(new.title, newlines=False),
                id=new.id,
                start=new.start,
                end=new.end,
                old=f"{_u(old.title, newlines=False)} [{old.id}]",
            )
        ),
        Heading(4, t("cycle.kept", lang)),
    ]
    lines = []
    for n, kr in enumerate(new.key_results, 1):
        k = plan.kr(kr.previous or "")
        measure = fmt_.measure_text(kr, lang)
        if k is not None and k.mode is not None:
            measure = f"{t(f'cycle.mode.{k.mode}', lang)} {measure}"
        lines.append(
            (
                0,
                t(
                    "cycle.kr_line",
                    lang,
                    label=f"KR{n}",
                    title=_u(kr.title, newlines=False),
                    measure=measure,
                ),
            )
        )
    out.append(Bullets(lines) if lines else Para(t("cycle.none", lang)))
    dropped = [k for k in plan.key_results if not k.keep]
    if dropped:
        out.append(Heading(4, t("cycle.dropped_krs", lang)))
        out.append(
            Bullets(
                [
                    (
                        0,
                        f"{k.label} {_u(k.title, newlines=False)}"
                        + _paren(t("cycle.reached" if k.reached else "cycle.not_kept", lang), lang),
                    )
                    for k in dropped
                ]
            )
        )
    labels = {k.previous: f"KR{n}" for n, k in enumerate(new.key_results, 1)}
    carried = plan.carried()
    out.append(Heading(4, t("cycle.carried", lang)))
    item_lines = []
    for i in carried:
        home = i.kr if i.kr in labels else i.move_to
        status = fmt_.status_text(i.status, lang) if i.status else t("cycle.no_status", lang)
        text = f"{labels.get(home, '')} · {_u(i.title, newlines=False)}{_paren(status, lang)}"
        if i.move_to is not None and i.kr not in labels:
            text += _paren(t("cycle.moved_to", lang, label=labels.get(home, "")), lang)
        item_lines.append((0, text))
        if i.adjustment:
            item_lines.append(
                (1, t("cycle.you_planned", lang, text=_u(i.adjustment, newlines=False)))
            )
    out.append(Bullets(item_lines) if item_lines else Para(t("cycle.none", lang)))
    old_labels = {kr.id: f"KR{n}" for n, kr in enumerate(old.key_results, 1)}
    if plan.left:
        out.append(Heading(4, t("cycle.left", lang)))
        out.append(
            Bullets(
                [
                    (
                        0,
                        f"{old_labels.get(kr_id, '')} · {_u(title, newlines=False)}"
                        + _paren(fmt_.status_text(status, lang), lang),
                    )
                    for kr_id, title, status in plan.left
                ]
            )
        )
    kept = {k.source for k in plan.key_results if k.keep}
    dropped_items = plan.dropped_items()
    for key, group in (
        ("cycle.orphans_dropped", [i for i in dropped_items if i.kr not in kept]),
        ("cycle.items_dropped", [i for i in dropped_items if i.kr in kept]),
    ):
        if group:
            out.append(Heading(4, t(key, lang)))
            out.append(
                Bullets(
                    [
                        (0, f"{old_labels.get(i.kr, '')} · {_u(i.title, newlines=False)}")
                        for i in group
                    ]
                )
            )
    unknown = [
        f"KR{n}"
        for n, kr in enumerate(new.key_results, 1)
        if kr.kind != "milestone" and kr.target is None and kr.relative is None
    ]
    if unknown:
        out.append(Para(t("cycle.target_asked", lang, krs=sep.join(unknown))))
    return _write(out, "text")


# -- the summary of more than a month --------------------------------------------------------------


def span_title(s: SpanSummary, lang: str) -> str:
    if s.quarter is not None:
        year, q = s.quarter.split("-Q")
        span = t("cycle.span.quarter", lang, q=q, year=year)
    else:
        span = t(
            "cycle.span.months",
            lang,
            first=month_label(s.first, lang),
            last=month_label(s.last, lang),
        )
    return span + _paren(t("report.to_date", lang), lang) if s.to_date else span


def render_span(s: SpanSummary, fmt: str, lang: str) -> str:
    """The summary of the months ``s.first``..``s.last`` in ``fmt`` (md | text | json)."""
    if fmt == "json":
        return _json(
            {
                "format": "okr-span-summary",
                "version": 1,
                "lang": lang,
                **{k: v for k, v in _data(s).items() if k != "chains"},
                "chains": [{"bottom_line": bottom_line(c, lang), **_data(c)} for c in s.chains],
            }
        )
    span = span_title(s, lang)
    blocks: list[Block] = [Heading(1, t("cycle.span.title", lang, span=span))]
    if not s.chains:
        blocks.append(Para(t("cycle.span.none", lang, span=span)))
    for c in s.chains:
        blocks += _chain_blocks(c, lang)
    return _write(blocks, fmt)


def bottom_line(c: ChainSummary, lang: str) -> str:
    b = c.overall
    line = t(
        "cycle.span.line",
        lang,
        periods=b.periods,
        closed=b.closed,
        grade=grade_text(b.grade),
        score=fmt_.percent(b.score),
        reached=b.reached,
        scored=b.scored,
    )
    latest = t(
        "cycle.span.latest",
        lang,
        month=month_label(b.month, lang),
        verdict=t(f"report.verdict.{b.verdict}", lang),
    )
    return f"{line}{'' if lang == 'zh' else ' '}{latest}"


def _cell(cell, lang: str) -> str:
    if cell is None:
        return ""
    value = fmt_.value_text(cell, cell.final, lang)  # type: ignore[arg-type]  (kind, unit)
    grade = grade_text(cell.grade, cell.own)
    return f"{value} · {decimal(cell.score)} · {grade}"


def _chain_blocks(c: ChainSummary, lang: str) -> list[Block]:
    out: list[Block] = [Heading(2, t("report.objective", lang, title=_u(c.title, newlines=False)))]
    if c.owner:
        out.append(Para(t("report.owner", lang, owner=_u(c.owner, newlines=False))))
    labels = [period_label(p.start, p.end, lang) for p in c.periods]

    out += [Heading(3, t("cycle.span.s1", lang)), Para(bottom_line(c, lang))]

    out.append(Heading(3, t("cycle.span.s2", lang)))
    out.append(Para(t("cycle.span.cell_hint", lang)))
    out.append(
        Table(
            [t("report.col.kr", lang), *labels],
            [
                [_u(row.title, newlines=False)] + [_cell(cell, lang) for cell in row.cells]
                for row in c.key_results
            ],
        )
    )
    out.append(
        Table(
            ["", *labels],
            [
                [t("report.col.score", lang)] + [fmt_.percent(p.score) for p in c.periods],
                [t("cycle.col.grade", lang)] + [grade_text(p.grade) for p in c.periods],
            ],
            right=set(range(1, len(labels) + 1)),
        )
    )

    out.append(Heading(3, t("cycle.span.s3", lang)))
    for p, label in zip(c.periods, labels, strict=True):
        state = (
            t("cycle.span.closed", lang, date=p.closed, grade=grade_text(p.grade))
            if p.closed
            else t("cycle.span.open", lang)
        )
        out.append(Heading(4, label + _paren(state, lang)))
        lines = [
            (0, _colon(t(f"cycle.{name}", lang), _u(text).strip() or fmt_.DASH, lang))
            for name, text in (
                ("went_well", p.went_well),
                ("went_badly", p.went_badly),
                ("learned", p.learned),
            )
        ]
        lines.append((0, forecast_line(p.calibration.overall, lang)))
        lines += [(1, forecast_line(f, lang)) for f in p.calibration.key_results]
        out.append(Bullets(lines))

    out.append(Heading(3, t("cycle.span.s4", lang)))
    sep = "；" if lang == "zh" else "; "
    for items, label in zip(c.items, labels, strict=True):
        out.append(Heading(4, label))
        lines = []
        for key in ("carried", "added", "finished", "dropped", "left"):
            moves = getattr(items, key)
            names = sep.join(
                f"{m.kr_label} · {_u(m.title, newlines=False)}"
                + (_paren(m.week, lang) if m.week and key != "carried" else "")
                for m in moves
            )
            lines.append(
                (0, _colon(t(f"cycle.span.{key}", lang), names or t("cycle.none", lang), lang))
            )
        out.append(Bullets(lines))

    out.append(Heading(3, t("cycle.span.s5", lang)))
    asks = [(0, _colon(a.week, _u(a.text), lang)) for a in c.asks]
    out.append(Bullets(asks) if asks else Para(t("cycle.span.no_asks", lang)))
    return out
