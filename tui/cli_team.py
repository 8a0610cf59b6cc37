"""``okr team``: leads publish into a shared git repository, the manager reads one roll-up.

Registered on ``tui.cli.cli`` when tui.cli_commands imports this module. The git work
and the reading of the leads' files are store.team's; the roll-up and its words are
tui.team_report's. Nothing here imports Textual, except plain ``okr team``, which
opens the app on the team screen.

    okr team                              the team screen
    okr team join REPO                    clone the team repository into the data dir
    okr team publish [--as NAME] [--auto on|off]
    okr team pull                         fetch the others' files
    okr team summary [--month M | --quarter Q] [--lang] [--format] [-o FILE]

``okr team summary`` reads only the clone (no git, no network: ``pull`` first). A lead's
file that cannot be used is named on stderr (one line each, "warning: ...") and left out;
the roll-up of the others is still written, exit 0.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_commands import (
    LANG_OPTION,
    OUTPUT_OPTION,
    Env,
    OkrGroup,
    cli,
    month_param,
    pass_env,
    run_app,
)
from tui.cli_rollups import FORMAT_OPTION
from tui.i18n import t
from tui.text import inert


def _data_dir(env: Env) -> Path:
    from store.repo import default_data_dir

    return env.data if env.data is not None else default_data_dir()


def _lang(env: Env, lang: str | None) -> str:
    return lang or env.lang


def quarter_param(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from store.team import parse_quarter

    if value is None:
        return None
    try:
        year, quarter = parse_quarter(value)
    except ValueError:
        raise click.BadParameter(t("team.cli.bad_quarter", value=repr(value))) from None
    return f"{year:04d}-Q{quarter}"


@cli.group(cls=OkrGroup, invoke_without_command=True, help="clihelp.cmd.team")
@pass_env
@click.pass_context
def team(ctx: click.Context, env: Env) -> None:
    """The team over git: leads publish, the manager reads one roll-up."""
    if ctx.invoked_subcommand is None:
        data_dir = _data_dir(env)

        def team_screen():
            from screens.team import TeamScreen

            return TeamScreen(data_dir)

        run_app(env, "okr team", start=team_screen)


@team.command(help="clihelp.cmd.team_join")
@click.argument("repo")
@pass_env
def join(env: Env, repo: str) -> None:
    """Clone the team's git repository (a URL or a path) into the data dir."""
    from store import team as team_store

    result = team_store.join(_data_dir(env), repo)
    key = "team.cli.already" if result.already else "team.cli.joined"
    click.echo(t(key, url=inert(result.url, newlines=False), leads=result.leads))


@team.command(help="clihelp.cmd.team_publish")
@click.option("--as", "name", metavar="NAME", help="clihelp.opt.publish_as")
@click.option(
    "--auto",
    type=click.Choice(["on", "off"]),
    default=None,
    help="clihelp.opt.publish_auto",
)
@pass_env
@click.pass_context
def publish(ctx: click.Context, env: Env, name: str | None, auto: str | None) -> None:
    """Publish your objectives and check-ins to leads/NAME.json (not your one-on-ones)."""
    from store import team as team_store

    data = _data_dir(env)
    if auto is not None:
        team_store.set_auto_publish(data, auto == "on")
        click.echo(t(f"team.cli.auto_{auto}"))
        if name is None:
            return
    if name is not None:
        team_store.slug(name)  # a refused name says so before anything else
    result = team_store.publish(data, env.store, name)
    shown = inert(result.file, newlines=False)
    if result.offline:
        reason = inert(result.reason.rstrip("."), newlines=False)
        click.echo(t("team.cli.offline", file=shown, reason=reason), err=True)
        click.echo(t("team.cli.private"), err=True)
        ctx.exit(1)
    if result.committed or result.sent:
        click.echo(
            t(
                "team.cli.published",
                file=shown,
                name=inert(result.name, newlines=False),
                objectives=result.objectives,
                checkins=result.checkins,
            )
        )
    else:
        click.echo(t("team.cli.unchanged", file=shown))
    click.echo(t("team.cli.private"))
    if result.hook is not None:
        from tui.terminal import hook_sentence

        click.echo(hook_sentence(result.hook), err=True)


@team.command(help="clihelp.cmd.team_pull")
@pass_env
def pull(env: Env) -> None:
    """Fetch the other leads' files."""
    from store import team as team_store

    result = team_store.pull(_data_dir(env))
    click.echo(t("team.cli.pulled", leads=result.leads, changed=len(result.changed)))


@team.command(help="clihelp.cmd.team_summary")
@click.option("--month", callback=month_param, help="clihelp.opt.team_month")
@click.option("--quarter", callback=quarter_param, help="clihelp.opt.quarter")
@LANG_OPTION
@FORMAT_OPTION
@OUTPUT_OPTION
@pass_env
def summary(
    env: Env,
    month: str | None,
    quarter: str | None,
    lang: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    """One roll-up of every lead for the manager (reads the clone: `okr team pull` first)."""
    from store import team as team_store
    from store import weeks
    from store.storage import write_file_atomic
    from tui.report import default_month
    from tui.team_report import build, render_team, skipped_line

    if month and quarter:
        raise click.UsageError(t("team.cli.month_or_quarter"))
    lang = _lang(env, lang)
    data = _data_dir(env)
    team_store.need_clone(data)
    today = weeks.today()
    month = month or (None if quarter else default_month(today))
    rollup = build(data, month, quarter, today, series=fmt == "json")
    for s in rollup.skipped:
        click.echo(t("team.cli.warning", lang, text=skipped_line(s, lang)), err=True)
    text = render_team(rollup, fmt, lang)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file_atomic(output, text)
        click.echo(t("team.cli.saved", lang, path=output), err=True)
