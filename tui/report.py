"""Rendering of rollups (store.rollup) as Markdown, plain text or JSON, in English or Chinese.

A rollup is first laid out as a list of blocks (headings, paragraphs, bullet
lists, tables) holding inert text; ``_markdown`` and ``_plain`` then write the
blocks. Plain text has no Markdown marks (for chat and e-mail): tables are
aligned in terminal cells (wide characters take two). JSON is the rollup's
dataclasses with stable keys, numbers as numbers, plus the bottom-line sentence.
The summary follows the manager's order of issue 4: bottom line, key results,
what was done, adjustments, risks and asks, discipline, next month.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from store import weeks
from store.model import THRESHOLDS, overlaps
from store.rollup import (
    Entry,
    KRMonth,
    MonthRollup,
    PrepRollup,
    Reason,
    Risk,
    month_rollup,
    prep_rollup,
    prep_since,
)
from tui.format import (
    DASH,
    left_out,
    number,
    percent,
    signed,
    sparkline,
    status_text,
    target_text,
    unknown_text,
    value_text,
)
from tui.i18n import t
from tui.text import cell_width, fit, inert, pad

if TYPE_CHECKING:
    from store.model import Objective
    from store.repo import Store

FORMATS = ("md", "text", "json")
TITLE_CELLS = 36  # widest title cell in a plain-text table


# -- blocks ---------------------------------------------------------------------------------------


@dataclass
class Heading:
    level: int  # 1 document, 2 objective, 3 section, 4 part of a section
    text: str


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    lines: list[tuple[int, str]]  # (indent level, text)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    right: set[int] = field(default_factory=set)  # right-aligned columns
    wide: set[int] = field(default_factory=lambda: {0})  # title columns, fitted


Block = Heading | Para | Bullets | Table


def _u(text: str | None, *, newlines: bool = True) -> str:
    """User text made inert (every note, title and name goes through here)."""
    return inert(text or "", newlines=newlines)


# -- public API -------------------------------------------------------------------------------------


def render_summary(
    rollups: list[MonthRollup], month: str, fmt: str, lang: str, today=None, series=None
) -> str:
    """The month summary of one or more objectives in ``fmt`` (md | text | json).

    ``series``: :func:`summary_series`; JSON then gives each KR its weekly ``series``."""
    to_date = rollups[0].to_date if rollups else _running(month, today)
    if fmt == "json":
        return _json(
            {
                "format": "okr-summary",
                "version": 1,
                "lang": lang,
                "month": month,
                "to_date": to_date,
                "objectives": [objective_json(r, lang, series) for r in rollups],
            }
        )
    blocks: list[Block] = [
        Heading(1, t("report.summary.title", lang, month=_month_label(month, to_date, lang)))
    ]
    if not rollups:
        blocks.append(Para(t("report.summary.none", lang, month=_month_label(month, False, lang))))
    for r in rollups:
        blocks += _summary_blocks(r, lang)
    return _write(blocks, fmt)


def render_prep(prep: PrepRollup, fmt: str, lang: str) -> str:
    """The one-on-one talking points in ``fmt`` (md | text | json)."""
    if fmt == "json":
        return _json({"format": "okr-prep", "version": 1, "lang": lang, **_plain_data(prep)})
    return _write(_prep_blocks(prep, lang), fmt)


def bottom_line(rollup: MonthRollup, lang: str) -> str:
    """The one sentence: on track / at risk / off track, and why."""
    return _verdict_sentence(rollup.verdict, rollup.reasons, lang)


# -- gathering rollups from a store (shared by the CLI and the TUI) ---------------------------------


def default_month(today: date) -> str:
    """The month to sum up: the current one, or the previous one on days 1-7."""
    month = weeks.month_key(today)
    return weeks.shift_month(month, -1) if today.day <= 7 else month


def summary_rollups(
    store: Store, month: str, today: date, objectives: list[Objective] | None = None
) -> list[MonthRollup]:
    """The month rollups of ``objectives`` (default: the non-archived ones overlapping the month)."""
    if objectives is None:
        first, last = weeks.month_days(month)
        objectives = [o for o in store.objectives() if overlaps(o, first, last)]
    meetings = store.meetings()
    return [month_rollup(o, store.checkins(o.id), meetings, month, today) for o in objectives]


def summary_series(store: Store, rollups: list[MonthRollup], month: str) -> dict:
    """Each KR's weekly series (store.series) up to the month's last week, by
    (objective id, KR id): what the JSON summary carries beside the figures."""
    from store.series import kr_series

    until = weeks.month_weeks(month)[-1]
    objectives = store.objectives(include_archived=True)
    checkins = store.checkins()
    out = {}
    for r in rollups:
        for k in r.key_results:
            found = kr_series(objectives, checkins, r.objective_id, k.id, until=until)
            if found is not None:
                out[(r.objective_id, k.id)] = found.to_dict()
    return out


def objective_json(r: MonthRollup, lang: str, series: dict | None = None) -> dict:
    """One objective of the JSON summary (``okr summary --format json``, and each lead's
    objective in ``okr team summary``): the bottom line, every figure of the rollup,
    and with ``series`` (:func:`summary_series`) each KR's weekly series."""
    return {
        "bottom_line": _verdict_sentence(r.verdict, r.reasons, lang),
        **_with_series(_plain_data(r), series),
    }


def _with_series(data: dict, series: dict | None) -> dict:
    if series is not None:
        for kr in data["key_results"]:
            kr["series"] = series.get((data["objective_id"], kr["id"]))
    return data


def prep_report(store: Store, since: date | None, today: date) -> PrepRollup:
    """The one-on-one rollup of the non-archived objectives active from ``since`` to today.

    ``since`` None: from the day after the last recorded one-on-one (store.rollup.prep_since).
    """
    meetings = store.meetings()
    first = since or prep_since(meetings, today)[0]
    objectives = [o for o in store.objectives() if overlaps(o, first, max(first, today))]
    return prep_rollup(objectives, store.checkins(), meetings, since, today)


# -- words for values -------------------------------------------------------------------------------


def _running(month: str, today) -> bool:
    return today is not None and today <= weeks.month_days(month)[1]


def _month_label(month: str, to_date: bool, lang: str) -> str:
    year, mon = weeks.parse_month(month)
    label = t("report.month_title", lang, name=t(f"report.month.{mon}", lang), year=year)
    return label + _paren(t("report.to_date", lang), lang) if to_date else label


# Values, targets, statuses and numbers read as tui.format writes them on every screen; a
# KR row of a rollup (KRMonth, KRMove) has the fields tui.format reads of a KeyResult.


def _values(k, before: float | None, after: float | None, lang: str) -> str:
    """``0 → 21``, ``8% → 7.5%``, ``not done → done``: a KR's value then and now."""
    return f"{value_text(k, before, lang, unit=False)} → {value_text(k, after, lang, unit=False)}"


def _progress(k, lang: str) -> str:
    """The KR's progress, or why it has none that counts (its start or target unknown)."""
    return unknown_text(k, lang) or percent(k.progress)


def _change(k) -> str:
    return DASH if k.kind == "milestone" or k.change is None else signed(k.change)


def _pace(pace: str | None, lang: str) -> str:
    return t(f"report.pace.{pace}", lang) if pace else DASH


def _confidence(first: int | None, last: int | None) -> str:
    """A confidence then and now: ``6 → 5`` (out of 10, as the column's head says)."""
    if first is None and last is None:
        return DASH
    return f"{DASH if first is None else first} → {DASH if last is None else last}"


def _reason(reason: Reason, lang: str) -> str:
    code = reason.code
    if code == "score":
        return t(
            "report.reason.score",
            lang,
            score=percent(reason.value),
            expected=percent(reason.expected),
        )
    if code in ("no_key_results", "no_checkin"):
        return t(f"report.reason.{code}", lang)
    if code in ("start_unknown", "target_unknown"):
        return t(f"report.reason.{code}", lang, kr=reason.subject)
    if code == "low_confidence":
        return t(
            "report.reason.low_confidence", lang, kr=reason.subject, value=number(reason.value)
        )
    if code == "behind_pace":
        return t(
            "report.reason.behind_pace",
            lang,
            kr=reason.subject,
            value=percent(reason.value),
            expected=percent(reason.expected),
        )
    return t(
        "report.reason.item_risk",
        lang,
        item=_u(reason.subject, newlines=False),
        status=status_text(reason.status, lang),
    )


def _verdict_sentence(verdict: str, reasons: list[Reason], lang: str) -> str:
    sep = "；" if lang == "zh" else "; "
    dash = "：" if lang == "zh" else ": "
    end = "。" if lang == "zh" else "."
    return (
        t(f"report.verdict.{verdict}", lang)
        + dash
        + sep.join(_reason(r, lang) for r in reasons)
        + end
    )


def _colon(head: str, text: str, lang: str) -> str:
    """``head: text``; Chinese takes the full-width colon."""
    return f"{head}：{text}" if lang == "zh" else f"{head}: {text}"


def _paren(text: str, lang: str) -> str:
    """`` (text)`` after a word; Chinese takes full-width brackets and no space."""
    return f"（{text}）" if lang == "zh" else f" ({text})"


def _kr_cell(label: str, title: str) -> str:
    return f"{label} {_u(title, newlines=False)}"


def _item_cell(kr_label: str, title: str | None) -> str:
    return f"{kr_label} · {_u(title, newlines=False)}"


def _note_lines(level: int, head: str, text: str, lang: str) -> list[tuple[int, str]]:
    return [(level, _colon(head, _u(text), lang))]


def _risk(r: Risk, lang: str) -> str:
    if r.kind == "item_status":
        text = t(
            "report.risk.item_status",
            lang,
            kr=r.kr_label,
            item=_u(r.item_title, newlines=False),
            status=status_text(r.status, lang),
            week=r.week,
        )
    elif r.kind == "low_confidence":
        text = t(
            "report.risk.low_confidence",
            lang,
            kr=r.kr_label,
            title=_u(r.kr_title, newlines=False),
            value=r.confidence,
        )
    else:
        text = t(
            "report.risk.behind_pace",
            lang,
            kr=r.kr_label,
            title=_u(r.kr_title, newlines=False),
            value=percent(r.progress),
            expected=percent(r.expected),
        )
    gap = "" if lang == "zh" else " "
    return f"{text}{gap}{t('report.risk.new', lang)}" if r.new else text


def _bullets_or(lines: list[tuple[int, str]], empty: str) -> Block:
    """The lines as bullets, or ``empty`` (e.g. "none") as a paragraph when there are none."""
    return Bullets(lines) if lines else Para(empty)


def _grouped(entries: list[Entry], lang: str) -> list[tuple[int, str]]:
    """Entries as bullets: KR, then E-item (or the KR's own note), then week: text."""
    lines: list[tuple[int, str]] = []
    kr, item = None, object()
    for e in entries:
        if e.kr_id != kr:
            kr, item = e.kr_id, object()
            lines.append((0, _kr_cell(e.kr_label, e.kr_title)))
        if e.item_id != item:
            item = e.item_id
            head = (
                t("report.kr_note", lang) if e.item_id is None else _u(e.item_title, newlines=False)
            )
            lines.append((1, head))
        lines += _note_lines(2, e.week, e.text, lang)
    return lines


# -- the summary -----------------------------------------------------------------------------------


def _summary_blocks(r: MonthRollup, lang: str) -> list[Block]:
    out: list[Block] = [
        Heading(2, t("report.objective", lang, title=_u(r.objective_title, newlines=False)))
    ]
    if r.owner:
        out.append(Para(t("report.owner", lang, owner=_u(r.owner, newlines=False))))
    out.append(
        Para(t("report.period", lang, start=r.period_start, end=r.period_end, as_of=r.as_of))
    )

    out += [
        Heading(3, t("report.s1", lang)),
        Para(t("report.score_line", lang, score=percent(r.score), expected=percent(r.expected))),
        Para(bottom_line(r, lang)),
    ]

    out.append(Heading(3, t("report.s2", lang)))
    out.append(_kr_table(r, lang))
    if r.items:
        month_weeks = [w.week for w in r.items[0].path]
        out.append(Heading(4, t("report.status_path", lang)))
        out.append(
            Table(
                [t("report.col.item", lang)] + [w.split("-")[1] for w in month_weeks],
                [
                    [_item_cell(i.kr_label, i.title)]
                    + [status_text(p.status, lang) for p in i.path]
                    for i in r.items
                ],
            )
        )

    out.append(Heading(3, t("report.s3", lang)))
    out.append(_bullets_or(_grouped(r.done_notes, lang), t("report.nothing", lang)))

    out.append(Heading(3, t("report.s4", lang)))
    out.append(_bullets_or(_grouped(r.adjustments, lang), t("report.nothing", lang)))
    sep = "；" if lang == "zh" else "; "
    for key, refs in (
        ("report.added", r.added),
        ("report.dropped", r.dropped),
        ("report.finished", r.finished),
    ):
        names = sep.join(_item_cell(x.kr_label, x.title) + _paren(x.week, lang) for x in refs)
        out.append(Para(_colon(t(key, lang), names or t("report.none", lang), lang)))

    out.append(Heading(3, t("report.s5", lang)))
    out.append(Heading(4, t("report.risks", lang)))
    out.append(_bullets_or([(0, _risk(x, lang)) for x in r.risks], t("report.no_risks", lang)))
    out.append(Heading(4, t("report.week_notes", lang)))
    out.append(
        _bullets_or(
            [(0, _colon(n.week, _u(n.text), lang)) for n in r.week_notes],
            t("report.no_week_notes", lang),
        )
    )

    d = r.discipline
    out.append(Heading(3, t("report.s6", lang)))
    if r.to_date:
        line = t(
            "report.discipline_to_date",
            lang,
            checked=len([w for w in d.checked if w in d.due]),
            due=len(d.due),
            total=len(d.weeks),
        )
    else:
        line = t("report.discipline", lang, checked=len(d.checked), total=len(d.weeks))
    missing = (
        t("report.missing", lang, weeks=", ".join(d.missing))
        if d.missing
        else t("report.no_missing", lang)
    )
    out.append(Para(f"{line} {missing}" if lang == "en" else line + missing))

    out.append(Heading(3, t("report.s7", lang)))
    out.append(Heading(4, t("report.open_adjustments", lang)))
    out.append(
        _bullets_or(
            [
                (
                    0,
                    _colon(
                        _item_cell(e.kr_label, e.item_title) + _paren(e.week, lang),
                        _u(e.text),
                        lang,
                    ),
                )
                for e in r.open_adjustments
            ],
            t("report.none", lang),
        )
    )
    out.append(Heading(4, t("report.running", lang)))
    out.append(
        _bullets_or(
            [
                (
                    0,
                    _item_cell(x.kr_label, x.title)
                    + _paren(
                        status_text(x.status, lang) if x.status else t("report.no_status", lang),
                        lang,
                    ),
                )
                for x in r.running
            ],
            t("report.none", lang),
        )
    )

    if r.review is not None:  # closed: the grades, the retrospective, the calibration
        from tui.report_cycle import review_blocks  # (it builds on this module's blocks)

        out += review_blocks(r.review, lang)

    out.append(Heading(3, t("report.s_meetings", lang)))
    out.append(
        _bullets_or(
            [
                (0, _colon(m.date, _u(m.notes), lang) if m.notes.strip() else m.date)
                for m in r.meetings
            ],
            t("report.no_meetings", lang),
        )
    )
    return out


def _weekly(k: KRMonth) -> str:
    """The KR's weeks of the month as a sparkline; a week without a value is a dot (a
    space would be lost at the edge of a Markdown cell)."""
    return sparkline(k, k.weekly).replace(" ", "·") or DASH


def _kr_table(r: MonthRollup, lang: str) -> Table:
    headers = [
        t(f"report.col.{c}", lang)
        for c in (
            "kr",
            "values",
            "weekly",
            "target",
            "progress",
            "score",
            "change",
            "confidence",
            "pace",
        )
    ]
    rows = []
    for k in r.key_results:
        values = _values(k, k.month_start, k.month_end, lang)
        progress = _progress(k, lang)
        if k.kind in THRESHOLDS:  # the last value, and the share of weeks it held
            values = value_text(k, k.month_end if k.measured else None, lang)
            if k.measured_weeks:
                progress = t("report.held_weeks", lang, held=k.held_weeks, weeks=k.measured_weeks)
        rows.append(
            [
                _kr_cell(k.label, k.title),
                values,
                _weekly(k),
                target_text(k, lang),
                progress,
                percent(k.score),
                _change(k),
                _confidence(k.confidence_first, k.confidence_last),
                _pace(k.pace, lang),
            ]
        )
    return Table(headers, rows, right={4, 5, 6})


# -- the prep --------------------------------------------------------------------------------------


def _prep_blocks(p: PrepRollup, lang: str) -> list[Block]:
    out: list[Block] = [
        Heading(1, t("report.prep.title", lang, since=p.since)),
        Para(t(f"report.prep.since.{p.since_source}", lang, today=p.today)),
    ]
    if p.last_meeting is not None:
        notes = p.last_meeting.notes.strip()
        key = "report.prep.last_meeting" if notes else "report.prep.last_meeting_bare"
        out.append(Para(t(key, lang, date=p.last_meeting.date, notes=_u(p.last_meeting.notes))))
    if not p.objectives:
        out.append(Para(t("report.prep.no_objectives", lang)))
    for o in p.objectives:
        out.append(
            Heading(2, t("report.objective", lang, title=_u(o.objective_title, newlines=False)))
        )
        verdict = t(
            "report.prep.verdict",
            lang,
            verdict=t(f"report.verdict.{o.verdict}", lang),
            score=percent(o.score),
            expected=percent(o.expected),
        )
        unscored = left_out([k.label for k in o.key_results if not k.scored], lang)
        if unscored:
            verdict += t("report.prep.left_out", lang, text=unscored)
        out.append(Para(verdict))
        out.append(Heading(3, t("report.prep.points", lang)))
        points = [(0, _point(x, lang)) for x in o.talking_points]
        out.append(_bullets_or(points, t("report.none", lang)))

        out.append(Heading(3, t("report.prep.movement", lang)))
        headers = [
            t(f"report.col.{c}", lang)
            for c in ("kr", "before_now", "target", "progress", "change", "confidence", "pace")
        ]
        rows = [
            [
                _kr_cell(k.label, k.title),
                _values(k, k.before, k.now, lang),
                target_text(k, lang),
                _progress(k, lang),
                _change(k),
                _confidence(k.confidence_before, k.confidence_now),
                _pace(k.pace, lang),
            ]
            for k in o.key_results
        ]
        out.append(Table(headers, rows, right={3, 4}))

        out.append(Heading(3, t("report.prep.changes", lang)))
        out.append(
            _bullets_or(
                [
                    (
                        0,
                        t(
                            "report.prep.change",
                            lang,
                            kr=c.kr_label,
                            item=_u(c.title, newlines=False),
                            before=status_text(c.before, lang),
                            now=status_text(c.now, lang),
                            week=c.week,
                        ),
                    )
                    for c in o.status_changes
                ],
                t("report.none", lang),
            )
        )
        out.append(Heading(3, t("report.risks", lang)))
        out.append(_bullets_or([(0, _risk(x, lang)) for x in o.risks], t("report.no_risks", lang)))
        out.append(Heading(3, t("report.prep.adjustments", lang)))
        out.append(_bullets_or(_grouped(o.adjustments, lang), t("report.none", lang)))
        out.append(Heading(3, t("report.prep.asks", lang)))
        out.append(
            _bullets_or(
                [(0, _colon(n.week, _u(n.text), lang)) for n in o.asks], t("report.none", lang)
            )
        )
        if o.missing:
            out.append(Para(t("report.prep.missing", lang, weeks=", ".join(o.missing))))
    return out


def _point(p, lang: str) -> str:
    fields = {
        "subject": _u(p.subject, newlines=False),
        "detail": status_text(p.detail, lang) if p.code == "risk" else p.detail,
        "value": percent(p.value) if p.code == "behind_pace" else number(p.value),
        "expected": percent(p.expected),
    }
    return t(f"report.point.{p.code}", lang, **fields)


# -- writers ----------------------------------------------------------------------------------------


def _write(blocks: list[Block], fmt: str) -> str:
    if fmt == "md":
        return _markdown(blocks)
    if fmt == "text":
        return _plain(blocks)
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")


def _markdown(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            out += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            out += [b.text, ""]
        elif isinstance(b, Bullets):
            for level, text in b.lines:
                indent = "  " * level
                first, *rest = text.split("\n")
                out.append(f"{indent}- {first}")
                out += [f"{indent}  {line}" for line in rest]
            out.append("")
        else:
            out.append("| " + " | ".join(_md_cell(h) for h in b.headers) + " |")
            out.append(
                "|"
                + "|".join("---:" if i in b.right else "---" for i in range(len(b.headers)))
                + "|"
            )
            out += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in b.rows]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _plain(blocks: list[Block]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading):
            if b.level <= 3:
                rule = "═" if b.level <= 2 else "─"
                out += ([""] if out else []) + [b.text, rule * cell_width(b.text)]
            else:
                wide = cell_width(b.text) != len(b.text)
                out.append(b.text + ("：" if wide else ":"))
        elif isinstance(b, Para):
            out.append(b.text)
        elif isinstance(b, Bullets):
            for level, text in b.lines:
                indent = "  " + "  " * level
                first, *rest = text.split("\n")
                out.append(f"{indent}• {first}")
                out += [f"{indent}  {line}" for line in rest]
        else:
            out += _plain_table(b)
    return "\n".join(out).strip("\n") + "\n"


def _plain_table(table: Table) -> list[str]:
    rows = [table.headers] + [
        [fit(c, TITLE_CELLS) if i in table.wide else c for i, c in enumerate(r)] for r in table.rows
    ]
    widths = [max(cell_width(r[i]) for r in rows) for i in range(len(table.headers))]
    lines = []
    for n, row in enumerate(rows):
        cells = [
            pad(c, widths[i], ">" if i in table.right and n else "<") for i, c in enumerate(row)
        ]
        lines.append(("  " + "  ".join(cells)).rstrip())
        if n == 0:
            lines.append("  " + "  ".join("─" * w for w in widths))
    return lines


# -- JSON -------------------------------------------------------------------------------------------

# Characters json.dumps(ensure_ascii=False) leaves raw but a terminal would act on:
# DEL, C1 controls, bidirectional overrides, line/paragraph separators.
_UNSAFE = {
    0x7F,
    *range(0x80, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    0x2028,
    0x2029,
}


def _plain_data(obj) -> dict:
    return dataclasses.asdict(obj)


def _json(data: dict) -> str:
    import json  # local: only the JSON format needs it

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) in _UNSAFE else ch for ch in text) + "\n"
