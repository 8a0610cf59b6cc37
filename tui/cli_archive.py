"""``okr archive --before YYYY-MM``: move old periods out of the store (store.archive).

Registered on the click group ``tui.cli_commands.cli`` when tui.cli_commands imports this
module (at its end). Nothing here imports Textual.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_commands import cli, month_param, pass_env
from tui.completion import complete_month
from tui.i18n import t


@cli.command("archive", help="clihelp.cmd.archive")
@click.option(
    "--before",
    required=True,
    callback=month_param,
    shell_complete=complete_month,
    help="clihelp.opt.archive_before",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="clihelp.opt.archive_output",
)
@click.option("--dry-run", is_flag=True, help="clihelp.opt.archive_dry_run")
@pass_env
def archive_(env, before: str, output: Path | None, dry_run: bool) -> None:
    """Move the periods that ended before a month, with their check-ins and the one-on-ones
    before it, into an export document of their own (the store gets smaller; the
    summaries of the months left stay what they were)."""
    from store import archive
    from tui.cli_admin import _size
    from tui.text import inert

    store = env.store
    if dry_run:
        done = archive.plan(store, before, output)
    else:
        done = archive.archive(store, before, output)
    if done is None:
        click.echo(t("archive.nothing", month=before))
        return
    path = inert(str(done.path), newlines=False)
    counts = {"objectives": done.objectives, "checkins": done.checkins, "meetings": done.meetings}
    if dry_run:
        click.echo(t("archive.would", month=before, path=path, **counts))
        return
    click.echo(
        t(
            "archive.done",
            month=before,
            path=path,
            before=_size(done.size_before),
            after=_size(done.size_after),
            **counts,
        )
    )
    click.echo(t("archive.how", path=path))
