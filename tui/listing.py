"""``okr list``: objectives, their KRs and progress as aligned text."""

from __future__ import annotations

from store.model import Objective, objective_score, progress, unscored
from store.repo import Store
from tui.format import aside, left_out, percent, standing, unknown_text
from tui.i18n import t
from tui.text import bar, cell_width, inert, pad


def latest_values(store: Store, objective: Objective) -> dict[str, float | None]:
    """Each KR's last checked-in value (None when never measured)."""
    values: dict[str, float | None] = {kr.id: None for kr in objective.key_results}
    for checkin in store.checkins(objective.id):
        for k in checkin.key_results:
            if k.value is not None:
                values[k.kr] = k.value
    return values


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
        gone = {k.id for k in unscored(o)}
        labels = [f"KR{n}" for n, k in enumerate(o.key_results, 1) if k.id in gone]
        note = f"   {aside(left_out(labels))}" if labels else ""
        lines.append(f"  {o.start} – {o.end}   {bar(score, 20)} {percent(score)}{note}")
        width = max((cell_width(inert(k.title, newlines=False)) for k in o.key_results), default=0)
        width = min(width, 44)
        for kr in o.key_results:
            p = progress(kr, values.get(kr.id))
            title = pad(inert(kr.title, newlines=False), width)
            unknown = unknown_text(kr)
            tail = f"  {aside(unknown)}" if unknown else ""
            lines.append(
                f"  {title}  {bar(p)} {pad(percent(p), 5, '>')}  "
                f"{standing(kr, values.get(kr.id))}{tail}"
            )
        lines.append("")
    return "\n".join(lines)
