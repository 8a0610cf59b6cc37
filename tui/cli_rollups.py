"""``okr summary``, ``okr prep`` and ``okr due``: the rollups on the command line.

Registered on ``tui.cli.cli`` when tui.cli_commands imports this module. Nothing
here imports Textual. ``okr due`` runs from a shell prompt: ``tui.cli.main``
answers it without click, with :func:`tui.cli.run_due`, which the ``due`` command
here calls too.

Decisions:

* ``okr summary`` without ``--month``: the current month, except on days 1-7 of
  a month, when the month just ended is the one to write up. A month still
  running is labelled "to date". Without ``--objective`` every non-archived
  objective whose period overlaps the month gets its own section.
* ``okr prep`` covers the non-archived objectives whose period overlaps the days
  from ``since`` to today (``since``: see store.rollup.prep_since).
* ``okr due``: an objective is active when it is not archived and today lies in
  its period. For each active objective without a saved check-in (a draft does
  not count) in today's ISO week it prints one line and exits 1. When nothing
  is due it prints nothing and exits 0, so a shell-rc line ``okr due`` speaks only
  when a check-in is missing; ``-q`` prints nothing at all (exit code only).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import click

from store import weeks
from tui.cli import run_due
from tui.cli_commands import (
    LANG_OPTION,
    OUTPUT_OPTION,
    Env,
    cli,
    date_param,
    month_param,
    pass_env,
)
from tui.cli_cycle import print_span, quarter_param, span_months
from tui.completion import complete_month, complete_objective
from tui.terminal import hook_sentence

# tui.report.FORMATS, written out so that loading the command line does not load the
# report and the rollups (tests/test_cli_rollups.py checks they agree).
FORMATS = ("md", "text", "json")

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="md",
    help="clihelp.opt.format",
)


def _use_lang(env: Env, lang: str | None) -> str:
    return lang or env.lang


@cli.command(help="clihelp.cmd.summary")
@click.option(
    "--month",
    callback=month_param,
    shell_complete=complete_month,
    help="clihelp.opt.summary_month",
)
@click.option("--quarter", callback=quarter_param, help="clihelp.opt.quarter")
@click.option("--from", "first", callback=month_param, help="clihelp.opt.from_month")
@click.option("--to", "last", callback=month_param, help="clihelp.opt.to_month")
@click.option(
    "--objective",
    "objective_id",
    shell_complete=complete_objective,
    help="clihelp.opt.summary_objective",
)
@LANG_OPTION
@FORMAT_OPTION
@OUTPUT_OPTION
@pass_env
def summary(
    env: Env,
    month: str | None,
    quarter: tuple[str, str] | None,
    first: str | None,
    last: str | None,
    objective_id: str | None,
    lang: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """The month-end summary for the manager (or of a quarter, of linked months).

    Default month: the current one, or the previous one during days 1-7 of a month.
    """
    from store import hooks
    from store.storage import write_file_atomic
    from tui.i18n import t
    from tui.report import default_month, render_summary, summary_rollups, summary_series

    lang = _use_lang(env, lang)
    span = span_months(month, quarter, first, last)
    if span is not None:  # the chains of linked objectives over several months
        print_span(env, span, objective_id, lang, fmt, output)
        return
    today = weeks.today()
    month = month or default_month(today)
    store = env.store
    if objective_id is not None:
        objective = store.objective(objective_id)
        if objective is None:
            raise click.BadParameter(
                f"there is no objective {objective_id!r}.", param_hint="'--objective'"
            )
        objectives = [objective]
    else:
        objectives = None  # every objective of the month
    rollups = summary_rollups(store, month, today, objectives)
    hook = os.path.lexists(hooks.hooks_dir(store.data_dir) / "on-summary")
    series = summary_series(store, rollups, month) if fmt == "json" or hook else None
    text = render_summary(rollups, month, fmt, lang, today=today, series=series)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file_atomic(output, text)
        click.echo(t("report.cli.saved", lang, path=output), err=True)
    if hook:  # after the output is written: the summary in JSON on the hook's stdin
        document = (
            text if fmt == "json" else render_summary(rollups, month, "json", lang, today, series)
        )
        problem = hooks.run_hook(store.data_dir, "on-summary", document)
        if problem is not None:
            click.echo(hook_sentence(problem, lang), err=True)


@cli.command(help="clihelp.cmd.prep")
@click.option("--since", callback=date_param, help="clihelp.opt.since")
@LANG_OPTION
@FORMAT_OPTION
@click.option("--record", is_flag=True, help="clihelp.opt.record")
@click.option("--date", "meeting_date", callback=date_param, help="clihelp.opt.date")
@click.option("--notes", default=None, help="clihelp.opt.notes")
@pass_env
def prep(
    env: Env,
    since: date | None,
    lang: str | None,
    fmt: str,
    record: bool,
    meeting_date: date | None,
    notes: str | None,
) -> None:
    """Talking points for the one-on-one, or --record one that happened."""
    from tui.i18n import t

    lang = _use_lang(env, lang)
    today = weeks.today()
    if record:
        if since is not None:
            raise click.BadParameter("cannot be used with --record.", param_hint="'--since'")
        from store.model import Meeting

        day = (meeting_date or today).isoformat()
        env.store.add_meeting(Meeting(date=day, notes=notes or ""))
        click.echo(t("report.cli.recorded", lang, date=day))
        return
    if meeting_date is not None or notes is not None:
        name = "'--date'" if meeting_date is not None else "'--notes'"
        raise click.BadParameter("only goes with --record.", param_hint=name)
    if since is not None and since > today:
        raise click.BadParameter(
            f"{since.isoformat()} is after today ({today.isoformat()}).", param_hint="'--since'"
        )

    from tui.report import prep_report, render_prep

    rollup = prep_report(env.store, since, today)
    click.echo(render_prep(rollup, fmt, lang), nl=False)


@cli.command(help="clihelp.cmd.due")
@click.option("-q", "--quiet", is_flag=True, help="clihelp.opt.quiet")
@LANG_OPTION
@pass_env
@click.pass_context
def due(ctx: click.Context, env: Env, quiet: bool, lang: str | None) -> None:
    """Exit 1, one line per objective, when this week's check-in is missing."""
    ctx.exit(run_due(env.store, _use_lang(env, lang), quiet, click.echo))
