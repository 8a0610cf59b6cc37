"""``okr close``, ``okr next`` and ``okr summary --quarter``: the OKR cycle on the command line.

Registered on ``tui.cli.cli`` when tui.cli_commands imports this module. Without
``--yes``, close and next open their screen (a terminal is needed); with it they
use what the command line gives and the defaults (store.cycle), write once, and
print what they did. Nothing here imports Textual unless a screen is opened.

Decisions:

* ``okr close`` without an objective: the one open objective whose last week has
  begun (or that has ended); with none or several, the command asks to name it.
  ``okr next`` without one: the one objective closed (or ready to close) that no
  objective continues yet.
* Closing a closed objective again is refused (``--reopen`` first): a second close
  would silently replace the grades and the retrospective.
* ``--grade KR=0.6``: KR is the KR's id or its number (KR1, 1); a grade other than
  the score needs ``--reason KR=TEXT``. A KR whose score cannot be computed (a
  target still unknown) is left ungraded unless it is given a grade.
* ``okr next --yes`` drops the open E-items of a dropped KR, and says so; the screen
  lets them move to another KR.
"""

from __future__ import annotations

from pathlib import Path

import click

from store import weeks
from tui.cli_commands import (
    LANG_OPTION,
    Env,
    UserError,
    cli,
    date_param,
    month_param,
    pass_env,
    run_app,
)
from tui.i18n import t
from tui.text import inert


def _title(objective) -> str:
    return inert(objective.title, newlines=False)


def _objective(env: Env, objective_id: str):
    objective = env.store.objective(objective_id)
    if objective is None:
        raise UserError(t("cycle.cli.no_objective", id=repr(objective_id)))
    return objective


def _pairs(values: tuple[str, ...], objective) -> dict[str, str]:
    """``KR=VALUE`` options as {kr id: value} (KR: an id or KR1..)."""
    from store.cycle import CycleError, resolve_kr

    out = {}
    for value in values:
        ref, eq, text = value.partition("=")
        if not eq or not ref.strip():
            raise click.BadParameter(t("cycle.cli.bad_pair", value=value))
        try:
            out[resolve_kr(objective, ref).id] = text
        except CycleError as e:
            raise click.BadParameter(f"{e}.") from None
    return out


def _grades(values: tuple[str, ...], objective) -> dict[str, float]:
    out = {}
    labels = {kr.id: f"KR{n}" for n, kr in enumerate(objective.key_results, 1)}
    for kr_id, text in _pairs(values, objective).items():
        try:
            grade = float(text.strip())
        except ValueError:
            grade = -1.0
        if not 0 <= grade <= 1:
            raise click.BadParameter(t("cycle.cli.bad_grade", kr=labels[kr_id], value=text))
        out[kr_id] = grade
    return out


# -- okr close --------------------------------------------------------------------------------


@cli.command("close", help="clihelp.cmd.close")
@click.argument("objective_id", required=False)
@click.option("--yes", is_flag=True, help="clihelp.opt.close_yes")
@click.option("--grade", "grade_args", multiple=True, metavar="KR=0.6", help="clihelp.opt.grade")
@click.option(
    "--reason", "reason_args", multiple=True, metavar="KR=TEXT", help="clihelp.opt.reason"
)
@click.option("--well", default="", help="clihelp.opt.well")
@click.option("--badly", default="", help="clihelp.opt.badly")
@click.option("--learned", default="", help="clihelp.opt.learned")
@click.option("--reopen", is_flag=True, help="clihelp.opt.reopen")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "md", "json")),
    default="text",
    show_default=True,
    help="clihelp.opt.close_format",
)
@LANG_OPTION
@pass_env
def close_(
    env: Env,
    objective_id: str | None,
    yes: bool,
    grade_args: tuple[str, ...],
    reason_args: tuple[str, ...],
    well: str,
    badly: str,
    learned: str,
    reopen: bool,
    fmt: str,
    lang: str | None,
) -> None:
    """Close a period: grade each KR, write the retrospective, see the calibration."""
    from store import cycle

    lang = lang or env.lang
    store = env.store
    today = weeks.today()
    if objective_id is not None:
        objective = _objective(env, objective_id)
    else:
        if reopen:
            raise click.UsageError("--reopen needs the objective's id.")
        candidates = [o for o in store.objectives() if cycle.closable(o, today)]
        objective = _only(candidates, "cycle.cli.which_close", "cycle.cli.nothing_to_close")
    if reopen:
        if not objective.closed:
            raise UserError(t("cycle.cli.not_closed", title=_title(objective)))
        store.save_objective(cycle.reopen(objective))
        click.echo(t("cycle.reopened", lang, title=_title(objective)))
        return
    if objective.closed:
        raise UserError(
            t(
                "cycle.cli.already_closed",
                title=_title(objective),
                date=objective.review.closed,
                id=objective.id,
            )
        )
    grades = _grades(grade_args, objective)
    reasons = _pairs(reason_args, objective)
    if not yes:
        from screens.close import CloseScreen

        run_app(
            env,
            "okr close",
            start=lambda: CloseScreen(objective.id, grades=grades, reasons=reasons),
        )
        return
    checkins = store.checkins(objective.id)
    try:
        closed = cycle.close(
            objective,
            checkins,
            grades=grades,
            reasons=reasons,
            went_well=well,
            went_badly=badly,
            learned=learned,
            today=today,
        )
    except cycle.CycleError as e:
        raise UserError(f"{e}.") from None
    store.save_objective(closed)
    grading = cycle.grading(closed, checkins)
    from store import hooks
    from tui.report_cycle import render_close
    from tui.terminal import hook_sentence

    click.echo(render_close(grading, lang, fmt), nl=False)
    problem = hooks.after_close(store, closed)
    if problem is not None:
        click.echo(hook_sentence(problem, lang), err=True)


def _only(candidates: list, which: str, none: str):
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise UserError(t(none))
    raise UserError(t(which, ids=", ".join(f"{_title(o)} [{o.id}]" for o in candidates)))


# -- okr next ---------------------------------------------------------------------------------------


@cli.command("next", help="clihelp.cmd.next")
@click.argument("objective_id", required=False)
@click.option("--month", callback=month_param, help="clihelp.opt.next_month")
@click.option("--start", callback=date_param, help="clihelp.opt.next_start")
@click.option("--end", callback=date_param, help="clihelp.opt.next_end")
@click.option("--yes", is_flag=True, help="clihelp.opt.next_yes")
@LANG_OPTION
@pass_env
def next_(
    env: Env,
    objective_id: str | None,
    month: str | None,
    start,
    end,
    yes: bool,
    lang: str | None,
) -> None:
    """Roll an objective into the next period: KRs, E-items, open adjustments."""
    from store import chain, cycle

    lang = lang or env.lang
    store = env.store
    if month and (start or end):
        raise click.UsageError(t("cli.month_or_range"))
    if bool(start) != bool(end):
        raise click.UsageError(t("cli.start_end_together"))
    if start and end < start:
        raise click.UsageError(t("cli.end_before_start"))
    every = store.objectives(include_archived=True)
    if objective_id is not None:
        objective = _objective(env, objective_id)
    else:
        today = weeks.today()
        candidates = [o for o in store.objectives() if cycle.rollable(o, every, today)]
        objective = _only(candidates, "cycle.cli.which_next", "cycle.cli.nothing_to_roll")
    following = chain.next_of(every, objective.id)
    if following:
        raise UserError(
            t(
                "cycle.cli.already_next",
                title=_title(objective),
                next=_title(following[0]),
                id=following[0].id,
            )
        )
    if month:
        new_start, new_end = cycle.month_period(month)
    elif start:
        new_start, new_end = start.isoformat(), end.isoformat()
    else:
        new_start, new_end = cycle.next_period(objective.start, objective.end)
    checkins = store.checkins(objective.id)
    try:
        plan = cycle.plan_next(objective, checkins, new_start, new_end)
    except cycle.CycleError as e:
        raise UserError(f"{e}.") from None
    if not yes:
        from screens.rollover import RolloverScreen

        run_app(env, "okr next", start=lambda: RolloverScreen(objective.id, plan=plan))
        return
    try:
        new = cycle.apply_plan(plan, objective)
    except cycle.CycleError as e:
        raise UserError(f"{e}.") from None
    store.save_objective(new)
    from tui.report_cycle import render_rollover

    click.echo(render_rollover(plan, new, objective, lang), nl=False)


# -- okr summary --quarter / --from --to ------------------------------------------------------------


def quarter_param(ctx: click.Context, param: click.Parameter, value: str | None):
    """A quarter like 2026-Q4, as its first and last months."""
    if value is None:
        return None  # before the import: every summary of a month runs this callback
    from store.quarter import quarter_months

    try:
        return quarter_months(value)
    except ValueError:
        raise click.BadParameter(t("cycle.cli.bad_quarter", value=value)) from None


def print_span(
    env: Env,
    months: tuple[str, str],
    objective_id: str | None,
    lang: str,
    fmt: str,
    output: Path | None,
) -> None:
    """``okr summary --quarter Q`` / ``--from M --to M``: the chains over those months."""
    from store.quarter import span_summary
    from store.storage import write_file_atomic
    from tui.report_cycle import render_span

    first, last = months
    if last < first:
        raise click.UsageError(t("cycle.cli.to_before_from"))
    store = env.store
    objectives = store.objectives(include_archived=True)
    summary = span_summary(objectives, store.checkins(), first, last, weeks.today())
    if objective_id is not None:
        _objective(env, objective_id)
        summary.chains = [
            c for c in summary.chains if any(p.objective_id == objective_id for p in c.periods)
        ]
    text = render_span(summary, fmt, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file_atomic(output, text)
        click.echo(t("report.cli.saved", lang, path=output), err=True)


def span_months(
    month: str | None, quarter: tuple[str, str] | None, first: str | None, last: str | None
) -> tuple[str, str] | None:
    """The months of ``okr summary``'s span options (None: a month summary)."""
    if quarter is None and first is None and last is None:
        return None
    if month is not None or (quarter is not None and (first or last)):
        raise click.UsageError(t("cycle.cli.span_or_month"))
    if quarter is not None:
        return quarter
    if not (first and last):
        raise click.UsageError(t("cycle.cli.from_to"))
    return first, last
