"""``okr backups`` and ``okr restore``: looking after the store file.

Registered on ``tui.cli.cli`` when tui.cli imports this module. Nothing here
imports Textual.

``restore`` here replaces the first version in tui.cli: it also works when the
store file is damaged (the advice every damaged-file error gives is "restore the
newest backup with `okr restore B`"), and it takes a backup file as well as an
export document. The damaged file is backed up before it is replaced.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_commands import UserError, cli, pass_env, read_input


def _store_path(env) -> Path:
    from store.repo import FILE_NAME, default_data_dir

    return (env.data if env.data is not None else default_data_dir()) / FILE_NAME


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} kB"
    return f"{n / 1024 / 1024:.1f} MB"


@cli.command("backups")
@pass_env
def backups_(env) -> None:
    """List the backups of the store, newest first, and how to restore one."""
    from store.backups import KEEP, describe_backups
    from tui.text import inert

    path = _store_path(env)
    found = describe_backups(path)
    shown = inert(str(path), newlines=False)
    if not found:
        click.echo(
            f"No backups of {shown} yet: one is made before every `okr restore` and on the "
            "first save of each day."
        )
        return
    click.echo(f"Backups of {shown}, newest first (the newest {KEEP} are kept):")
    for b in found:
        click.echo(
            f"  {b.time:%Y-%m-%d %H:%M:%S}  {b.reason:<10} {_size(b.size):>9}  "
            f"{inert(str(b.path), newlines=False)}"
        )
    click.echo(
        "Restore one with `okr restore FILE`; the current store is backed up first, "
        "so a restore can itself be undone."
    )


@cli.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@pass_env
def restore(env, file: Path) -> None:
    """Replace the store with an export document or a backup, after validating all of it
    (- reads stdin). The current store, even a damaged one, is backed up first."""
    from store.repo import Store
    from store.storage import loads
    from tui.text import inert

    name = "standard input" if str(file) == "-" else inert(str(file), newlines=False)
    raw = read_input(file)
    try:
        document = loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        reason = inert(str(e).split("\n")[0][:160], newlines=False)
        raise UserError(f"{name} is not a JSON document ({reason}).") from None
    from store.model import InvalidData

    store = Store(env.data, repair=True)
    try:
        backup = store.restore(document)
    except InvalidData as e:
        raise UserError(f"{name} was not restored, nothing changed: {e}.") from None
    counts = f"{len(store.objectives(include_archived=True))} objectives, "
    counts += f"{len(store.checkins())} check-ins"
    where = (
        f"; the previous store is backed up at {inert(str(backup), newlines=False)}"
        if backup
        else ""
    )
    click.echo(f"restored {counts}{where}")
