"""``okr backups`` and ``okr restore``: looking after the store file.

Registered on the click group ``tui.cli_commands.cli`` when tui.cli_commands
imports this module (at its end). Nothing here imports Textual.

``restore`` also works when the store file is damaged (the advice every
damaged-file error gives is "restore the newest backup with `okr restore B`"),
and it takes a backup file as well as an export document. The damaged file is
backed up before it is replaced. The sentences are in the Env's language
(tui/words/cli.py); the store layer's own errors stay as they are.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_commands import UserError, _name, cli, pass_env, read_input
from tui.errors import sentence as error_sentence
from tui.i18n import t


def _store_path(env) -> Path:
    from store.repo import FILE_NAME, default_data_dir

    return (env.data if env.data is not None else default_data_dir()) / FILE_NAME


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} kB"
    return f"{n / 1024 / 1024:.1f} MB"


def _reason(reason: str) -> str:
    """Why a backup was made (daily, restore, migrate-vN), in the current language."""
    from tui.text import cell_width, inert

    version = reason.removeprefix("migrate-v")
    if reason in ("daily", "restore"):
        shown = t(f"cli.backup_reason.{reason}")
    elif version != reason and version.isdigit():
        shown = t("cli.backup_reason.migrate", n=version)
    else:
        shown = inert(reason, newlines=False)
    return shown + " " * (10 - cell_width(shown))  # padded (never cut) to 10 cells


@cli.command("backups", help="clihelp.cmd.backups")
@pass_env
def backups_(env) -> None:
    """List the backups of the store, newest first, and how to restore one."""
    from store.backups import KEEP, describe_backups
    from tui.text import inert

    path = _store_path(env)
    found = describe_backups(path)
    shown = inert(str(path), newlines=False)
    if not found:
        click.echo(t("cli.no_backups", path=shown))
        return
    click.echo(t("cli.backups_head", path=shown, keep=KEEP))
    for b in found:
        click.echo(
            f"  {b.time:%Y-%m-%d %H:%M:%S}  {_reason(b.reason)} {_size(b.size):>9}  "
            f"{inert(str(b.path), newlines=False)}"
        )
    click.echo(t("cli.backups_how"))


@cli.command("restore", help="clihelp.cmd.restore")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@pass_env
def restore(env, file: Path) -> None:
    """Replace the store with an export document or a backup, after validating all of it
    (- reads stdin). The current store, even a damaged one, is backed up first."""
    from store.repo import Store
    from store.storage import loads
    from tui.text import inert

    name = inert(_name(file), newlines=False)
    raw = read_input(file)
    try:
        document = loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as e:
        reason = inert(str(e).split("\n")[0][:160], newlines=False)
        raise UserError(t("cli.not_json", name=name, reason=reason)) from None
    from store.model import InvalidData

    store = Store(env.data, repair=True)
    try:
        backup = store.restore(document)
    except InvalidData as e:
        raise UserError(t("cli.not_restored", name=name, error=error_sentence(e))) from None
    counts = t(
        "cli.restored",
        objectives=len(store.objectives(include_archived=True)),
        checkins=len(store.checkins()),
    )
    where = t("cli.restored_backup", path=inert(str(backup), newlines=False)) if backup else ""
    click.echo(counts + where)
