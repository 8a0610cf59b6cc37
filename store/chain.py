"""Periods that continue each other: the ``previous`` links of objectives, KRs and items.

An objective of November may continue October's (``Objective.previous``); its KRs and
E-items may continue October's KRs and E-items. These functions walk those links over
a list of objectives (``Store.objectives(include_archived=True)``), oldest first.
"""

from __future__ import annotations

from store.model import Item, KeyResult, Objective


def objective_chain(objectives: list[Objective], objective_id: str) -> list[Objective]:
    """The objective and every earlier one it continues, oldest first ([] if unknown)."""
    by_id = {o.id: o for o in objectives}
    out: list[Objective] = []
    step = by_id.get(objective_id)
    while step is not None and step not in out:
        out.append(step)
        step = by_id.get(step.previous) if step.previous is not None else None
    return out[::-1]


def kr_chain(
    objectives: list[Objective], objective_id: str, kr_id: str
) -> list[tuple[Objective, KeyResult]]:
    """The KR and every earlier KR it continues, with their objectives, oldest first."""
    by_id = {o.id: o for o in objectives}
    out: list[tuple[Objective, KeyResult]] = []
    objective = by_id.get(objective_id)
    kr = objective.kr(kr_id) if objective is not None else None
    while objective is not None and kr is not None and len(out) < len(by_id):
        out.append((objective, kr))
        if kr.previous is None or objective.previous is None:
            break
        objective = by_id.get(objective.previous)
        kr = objective.kr(kr.previous) if objective is not None else None
    return out[::-1]


def item_chain(
    objectives: list[Objective], objective_id: str, item_id: str
) -> list[tuple[Objective, KeyResult, Item]]:
    """The E-item and every earlier E-item it continues, oldest first."""
    by_id = {o.id: o for o in objectives}
    out: list[tuple[Objective, KeyResult, Item]] = []
    objective = by_id.get(objective_id)
    found = objective.find_item(item_id) if objective is not None else None
    while objective is not None and found is not None and len(out) < len(by_id):
        kr, item = found
        out.append((objective, kr, item))
        if item.previous is None or objective.previous is None:
            break
        objective = by_id.get(objective.previous)
        found = objective.find_item(item.previous) if objective is not None else None
    return out[::-1]


def next_of(objectives: list[Objective], objective_id: str) -> list[Objective]:
    """The objectives that continue ``objective_id`` directly (usually one)."""
    return [o for o in objectives if o.previous == objective_id]
