"""``okr list``: objectives, their KRs and progress as aligned text."""

from __future__ import annotations

from store.model import Objective, objective_score, progress
from store.repo import Store
from tui.i18n import t
from tui.text import bar, cell_width, inert, number, pad, percent


def latest_values(store: Store, objective: Objective) -> dict[str, float | None]:
    """Each KR's last checked-in value (None when never measured)."""
    values: dict[str, float | None] = {kr.id: None for kr in objective.key_results}
    for checkin in store.checkins(objective.id):
        for k in checkin.key_results:
            if k.value is not None:
                values[k.kr] = k.value
    return values


def value_text(kr, value) -> str:
    """``12 / 50 customers``, ``done``, ``12 / ? 家``."""
    if kr.kind == "milestone":
        return t("milestone.done") if value and value >= 1 else t("milestone.open")
    target = "?" if kr.target is None else number(kr.target)
    unit = f" {inert(kr.unit)}" if kr.unit else ""
    return f"{number(value)} / {target}{unit}"


def render_objective_list(store: Store, include_archived: bool = False) -> str:
    objectives = store.objectives(include_archived=include_archived)
    if not objectives:
        return t("list.empty") + "\n"
    lines: list[str] = []
    for o in objectives:
        values = latest_values(store, o)
        score = objective_score(o, values)
        flag = f" ({t('list.archived')})" if o.archived else ""
        flag += f" ({t('cycle.closed')})" if o.closed else ""
        lines.append(f"{inert(o.title, newlines=False)}{flag}   [{o.id}]")
        lines.append(f"  {o.start} – {o.end}   {bar(score, 20)} {percent(score)}")
        width = max((cell_width(inert(k.title, newlines=False)) for k in o.key_results), default=0)
        width = min(width, 44)
        for kr in o.key_results:
            p = progress(kr, values.get(kr.id))
            unknown = kr.kind != "milestone" and kr.target is None
            tail = f"  ({t('target.unknown')})" if unknown else ""
            title = pad(inert(kr.title, newlines=False), width)
            lines.append(
                f"  {title}  {bar(p)} {pad(percent(p), 5, '>')}  "
                f"{value_text(kr, values.get(kr.id))}{tail}"
            )
        lines.append("")
    return "\n".join(lines)
