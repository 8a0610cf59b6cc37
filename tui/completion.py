"""Shell completion of the words that live in the store: objective ids, KR numbers, weeks
and months. ``okr completion bash|zsh|fish`` prints click's own script; these are the
``shell_complete`` callbacks of the options and arguments that take such words.

Completing runs ``okr`` with ``_OKR_COMPLETE`` set (``tui.cli.main`` then goes straight to
click, never to the app). A callback never fails: a store that is missing, damaged or
locked completes nothing rather than printing an error into the user's command line.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported by the functions: every command line imports this module
    from click.shell_completion import CompletionItem


def _safe(function: Callable) -> Callable:
    def callback(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
        try:
            return function(ctx, incomplete)
        except Exception:  # noqa: BLE001 - completion must never break the shell line
            return []

    callback.__name__ = function.__name__
    callback.__doc__ = function.__doc__
    return callback


def _store(ctx: click.Context):
    """The store of the command line being completed (``--data``, ``OKR_DATA_DIR``, or
    the platform's data dir), or None when there is none yet."""
    from store.repo import FILE_NAME, Store, default_data_dir

    data = ctx.find_root().params.get("data")
    folder = data if data is not None else default_data_dir()
    if not (folder / FILE_NAME).is_file():
        return None  # never create a data dir while completing
    return Store(folder)


def _title(text: str) -> str:
    from tui.text import inert

    return inert(text, newlines=False)


@_safe
def complete_objective(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """Objective ids, each with its title as the description (zsh and fish show it)."""
    from click.shell_completion import CompletionItem

    store = _store(ctx)
    if store is None:
        return []
    return [
        CompletionItem(o.id, help=_title(o.title))
        for o in store.objectives(include_archived=True)
        if o.id.startswith(incomplete)
    ]


@_safe
def complete_week(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """ISO weeks: this week, the weeks of every period and every checked-in week."""
    from click.shell_completion import CompletionItem

    from store import weeks

    found = {weeks.week_key(weeks.today())}
    with contextlib.suppress(Exception):  # a damaged store: this week still completes
        store = _store(ctx)
        if store is not None:
            for o in store.objectives(include_archived=True):
                found.update(weeks.period_weeks(o.start, o.end))
            found.update(c.week for c in store.checkins())
    return [CompletionItem(w) for w in sorted(found) if w.startswith(incomplete)]


@_safe
def complete_month(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """Months YYYY-MM: this one and every month of every period."""
    from click.shell_completion import CompletionItem

    from store import weeks

    found = {weeks.month_key(weeks.today())}
    with contextlib.suppress(Exception):  # a damaged store: this month still completes
        store = _store(ctx)
        if store is not None:
            for o in store.objectives(include_archived=True):
                month = o.start[:7]
                while month <= o.end[:7]:
                    found.add(month)
                    month = weeks.shift_month(month, 1)
    return [CompletionItem(m) for m in sorted(found) if m.startswith(incomplete)]


def default_objective(store, objective_id: str | None = None):
    """The objective a command means without ``--objective``: the only one that is not
    archived, else the only one whose period holds this week; None when that is not
    clear (or ``objective_id`` names none)."""
    from store import weeks

    if objective_id is not None:
        return store.objective(objective_id)
    running = store.objectives()
    if len(running) == 1:
        return running[0]
    week = weeks.week_key(weeks.today())
    current = [o for o in running if o.owns(week)]
    return current[0] if len(current) == 1 else None


@_safe
def complete_kr(ctx: click.Context, incomplete: str) -> list[CompletionItem]:
    """KR numbers of the objective (``--objective``, or the one running): ``1``, ``2`` ...,
    or ``KR1`` ... once a ``K`` is typed; each with the KR's title."""
    from click.shell_completion import CompletionItem

    store = _store(ctx)
    if store is None:
        return []
    objective = default_objective(store, ctx.params.get("objective_id"))
    if objective is None:
        return []
    prefix = {"k": "kr", "K": "KR"}.get(incomplete[:1], "")
    out = []
    for n, kr in enumerate(objective.key_results, 1):
        word = f"{prefix}{n}"
        if word.lower().startswith(incomplete.lower()):
            out.append(CompletionItem(word, help=_title(kr.title)))
    return out
