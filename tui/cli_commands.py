"""The ``okr`` command line: the click group and its first commands.

``okr`` starts in :func:`tui.cli.main`, which answers ``okr due`` without
importing click at all and hands every other command line to :data:`cli` here.
Every command that draws nothing stays away from Textual (it is imported only
by the commands that open the app). Errors are one sentence on stderr with
exit 1 (usage errors: exit 2, as click does), never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui import i18n
from tui.cli import VERSION, error_sentence, user_errors
from tui.completion import complete_month, complete_objective, complete_week
from tui.i18n import t


class UserError(click.ClickException):
    """One clear sentence for the user, exit 1."""


class OkrGroup(click.Group):
    """Turns the data layer's errors into one sentence and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (*user_errors(), OSError) as e:
            raise UserError(error_sentence(e)) from None


class Env:
    """What every command gets: where the data is, and the language."""

    def __init__(self, data: Path | None, lang: str | None) -> None:
        self.data = data
        self.lang = lang or i18n.detect_lang()
        i18n.set_lang(self.lang)
        self._store = None

    @property
    def store(self):
        if self._store is None:
            from store.repo import Store

            self._store = Store(self.data)
        return self._store


pass_env = click.make_pass_decorator(Env)

LANG_OPTION = click.option(
    "--lang",
    type=click.Choice(i18n.LANGS),
    default=None,
    help="Language of the words: en or zh (default: the locale).",
)


@click.group(cls=OkrGroup, invoke_without_command=True)
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="OKR_DATA_DIR",
    help="Data directory (default: $OKR_DATA_DIR, else the platform's user data dir).",
)
@LANG_OPTION
@click.version_option(VERSION, prog_name="okr")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, lang: str | None) -> None:
    """okr-checkin: the Monday OKR check-in in your terminal."""
    ctx.obj = Env(data, lang)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj)


def run_app(env: Env, **options) -> None:
    """Open the TUI on the env's store (imports Textual only now)."""
    from tui.app import OkrApp

    app = OkrApp(env.store, lang=env.lang, **options)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)  # the app said why on stderr


@cli.command()
@LANG_OPTION
@click.pass_obj
def demo(env: Env, lang: str | None) -> None:
    """Open the app on a throwaway copy of the example OKR with sample weeks."""
    import shutil
    import tempfile

    from store.demo import build_demo

    if lang:
        env.lang = lang
        i18n.set_lang(lang)
    folder = Path(tempfile.mkdtemp(prefix="okr-demo-"))
    try:
        env.data = folder
        build_demo(env.store, env.lang)
        run_app(env, demo=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- option callbacks: a bad value is a usage error (exit 2) in one sentence ----------------


def week_param(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An ISO week like 2026-W41."""
    from store import weeks

    if value is None:
        return None
    try:
        weeks.parse_week(value)
    except ValueError as e:
        raise click.BadParameter(f"{e}.") from None
    return value


def month_param(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A month YYYY-MM."""
    from store import weeks

    if value is None:
        return None
    try:
        weeks.parse_month(value)
    except ValueError:
        raise click.BadParameter(t("cli.bad_month", value=repr(value))) from None
    return value


def date_param(ctx: click.Context, param: click.Parameter, value: str | None):
    """A date YYYY-MM-DD, as a ``datetime.date``."""
    from store import weeks

    if value is None:
        return None
    try:
        return weeks.parse_date(value)
    except ValueError:
        raise click.BadParameter(t("cli.bad_date", value=repr(value))) from None


@cli.command()
@click.option(
    "--week",
    callback=week_param,
    shell_complete=complete_week,
    help="ISO week to check in, e.g. 2026-W41 (default: this week).",
)
@click.option(
    "--objective",
    "objective_id",
    shell_complete=complete_objective,
    help="Objective id (default: each active one in turn).",
)
@click.option(
    "--editor", "use_editor", is_flag=True, help="Fill in a text form in $VISUAL / $EDITOR."
)
@click.option("--print", "print_form", is_flag=True, help="Write the text form to stdout.")
@click.option(
    "--from",
    "from_file",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Read a filled-in text form from FILE (- reads stdin).",
)
@pass_env
def checkin(
    env: Env,
    week: str | None,
    objective_id: str | None,
    use_editor: bool,
    print_form: bool,
    from_file: Path | None,
) -> None:
    """Open this (or a past) week's check-in."""
    from store import weeks

    store = env.store
    week = week or weeks.week_key(weeks.today())
    text = use_editor or print_form or from_file is not None
    if from_file is not None and (use_editor or print_form):
        raise click.UsageError(t("form.from_with_editor"))
    if objective_id is not None:
        if store.objective(objective_id) is None:
            raise UserError(t("cli.no_such_objective", id=repr(objective_id)))
        ids = [objective_id]
    elif text:  # the objectives whose period holds the week (the app offers every one)
        ids = [o.id for o in store.objectives() if o.is_due(week)]
        if not ids and from_file is None:
            raise UserError(t("form.nothing_due", week=week))
    else:
        ids = [o.id for o in store.objectives()]
        if not ids:
            raise UserError(t("cli.nothing_to_checkin"))
    if text:
        from tui.cli_terminal import text_checkin

        text_checkin(
            env, ids, week, use_editor=use_editor, print_form=print_form, from_file=from_file
        )
        return
    run_app(env, checkin=(ids, week))


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be created; create nothing.")
@click.option(
    "--month",
    callback=month_param,
    shell_complete=complete_month,
    help="The period: this month YYYY-MM (default: the current month).",
)
@click.option("--start", callback=date_param, help="Period start YYYY-MM-DD.")
@click.option("--end", callback=date_param, help="Period end YYYY-MM-DD.")
@pass_env
def import_(env: Env, file: Path, dry_run: bool, month, start, end) -> None:
    """Create objectives from O/KR/E text (- reads standard input)."""
    from store import weeks
    from store.okrtext import OkrTextError, parse_okr_text
    from tui.importing import render_import

    if month and (start or end):
        raise click.UsageError(t("cli.month_or_range"))
    if bool(start) != bool(end):
        raise click.UsageError(t("cli.start_end_together"))
    if not start:
        start, end = weeks.month_days(month or weeks.month_key(weeks.today()))
    if end < start:
        raise click.UsageError(t("cli.end_before_start"))
    try:
        result = parse_okr_text(
            read_input(file),
            start=start.isoformat(),
            end=end.isoformat(),
            week=weeks.week_key(start),
        )
    except OkrTextError as e:
        raise UserError(f"{_name(file)}: {e}") from None
    if not dry_run:
        env.store.save_objectives(result.objectives)
    click.echo(render_import(result, dry_run=dry_run), nl=False)


@cli.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include archived objectives.")
@pass_env
def list_(env: Env, show_all: bool) -> None:
    """Objectives with their KRs and progress."""
    from tui.listing import render_objective_list

    click.echo(render_objective_list(env.store, include_archived=show_all), nl=False)


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to FILE (0600) instead of standard output.",
)


@cli.command("export")
@OUTPUT_OPTION
@pass_env
def export(env: Env, output: Path | None) -> None:
    """Write the whole store as one JSON document (the interchange format, version 2)."""
    from store.storage import dumps, write_file_atomic

    text = dumps(env.store.export())
    if output is None:
        click.echo(text, nl=False)
    else:
        write_file_atomic(output, text)
        click.echo(t("cli.exported", path=output), err=True)


def read_input(file: Path) -> bytes:
    """The bytes of FILE, or of standard input for ``-``."""
    if str(file) == "-":
        return sys.stdin.buffer.read()
    try:
        return file.read_bytes()
    except FileNotFoundError:
        raise UserError(t("cli.file_missing", file=file)) from None
    except IsADirectoryError:
        raise UserError(t("cli.file_is_dir", file=file)) from None
    except PermissionError:
        raise UserError(t("cli.file_denied", file=file)) from None


def _name(file: Path) -> str:
    """How FILE is named in a sentence: its path, or standard input for ``-``."""
    return t("cli.stdin") if str(file) == "-" else str(file)


import tui.cli_admin  # noqa: E402,F401  (registers backups)
import tui.cli_archive  # noqa: E402,F401  (registers archive)
import tui.cli_cycle  # noqa: E402,F401  (registers close, next)
import tui.cli_rollups  # noqa: E402,F401  (registers summary, prep, due)
import tui.cli_terminal  # noqa: E402,F401  (registers chart, completion)
