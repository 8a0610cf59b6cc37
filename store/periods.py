"""When home offers to close a period or to roll it into the next (the rules of
store.cycle, which re-exports them): in a module of their own, because home asks them of
every card as it starts, and store.cycle (a dozen dataclasses) costs a process 5 ms to
import.

* Closable: a period can be closed from home once its last week has begun (the Monday
  of the last week that belongs to it) or it has ended.
* Rollable: closed or closable, and no objective continues it yet.
"""

from __future__ import annotations

from datetime import date

from store import chain, weeks
from store.model import Objective


def closable(objective: Objective, today: date) -> bool:
    """Whether home offers to close it: open, and its last week has begun (or it ended)."""
    if objective.closed or objective.archived:
        return False
    end = weeks.parse_date(objective.end)
    if today > end:
        return True
    period = weeks.period_weeks(objective.start, objective.end)
    last_monday = weeks.week_monday(period[-1]) if period else end
    return today >= last_monday


def rollable(objective: Objective, objectives: list[Objective], today: date) -> bool:
    """Whether home offers to roll it into the next period: closed or closable, and no
    objective continues it yet."""
    if objective.archived or chain.next_of(objectives, objective.id):
        return False
    return objective.closed or closable(objective, today)
