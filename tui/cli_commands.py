"""The ``okr`` command line: the click group and its first commands.

``okr`` starts in :func:`tui.cli.main`, which answers ``okr due`` without
importing click at all and hands every other command line to :data:`cli` here.
Every command that draws nothing stays away from Textual (it is imported only
by the commands that open the app). Errors are one sentence on stderr with
exit 1 (usage errors: exit 2, as click does), never a traceback.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click

from tui import i18n
from tui.cli import VERSION, error_sentence, pause_collector, user_errors
from tui.completion import complete_month, complete_objective, complete_week
from tui.i18n import t


class UserError(click.ClickException):
    """One clear sentence for the user, exit 1."""


class NoTerminal(click.ClickException):
    """A screen asked for without a terminal: one sentence, exit 2 (a usage error)."""

    exit_code = 2


def require_terminal(command: str) -> None:
    """Stop with one sentence (exit 2) unless standard input and output are a terminal:
    a full-screen app started without one would never exit (``okr``, ``okr demo``,
    ``okr checkin`` and every other command that opens a screen ask this first)."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return
    raise NoTerminal(t("cli.needs_terminal", command=command))


# -- help in the user's language ----------------------------------------------------------
#
# Every help text of the command line is a key of the catalogue (tui/words/clihelp.py),
# said in the language of ``--lang`` (wherever it is on the line) or of the locale when
# the help is written; click's own words (Usage, Options, Commands, the help and version
# options) are said through the same keys.

_CLICK_WORDS = {
    "Usage:": "clihelp.usage",
    "Options": "clihelp.options",
    "Commands": "clihelp.commands",
    "Positional arguments": "clihelp.arguments",
    "Show this message and exit.": "clihelp.help_option",
    "Show the version and exit.": "clihelp.version_option",
}


def _said(text: str | None) -> str | None:
    """A help text in the current language: a ``clihelp.`` key, or one of click's words."""
    if text is None:
        return None
    if text.startswith("clihelp."):
        return t(text)
    key = _CLICK_WORDS.get(text)
    return t(key) if key else text


def lang_of_line(args: list[str]) -> str | None:
    """The language a command line asks for with ``--lang L`` / ``--lang=L``, if any."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        if value in i18n.LANGS:
            return value
    return None


class OkrHelpFormatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else t("clihelp.usage_prefix"))

    def write_heading(self, heading: str) -> None:
        said = t("clihelp.heading", heading=_said(heading) or heading)
        self.write(f"{'':>{self.current_indent}}{said}\n")


class OkrContext(click.Context):
    formatter_class = OkrHelpFormatter


@contextlib.contextmanager
def _helps_said(command: click.Command, ctx: click.Context):
    """The command's and its options' help texts in the current language, for a while."""
    options = [p for p in command.get_params(ctx) if isinstance(p, click.Option)]
    saved = (command.help, [p.help for p in options])
    command.help = _said(command.help)
    for p in options:
        p.help = _said(p.help)
    try:
        yield
    finally:
        command.help = saved[0]
        for p, text in zip(options, saved[1], strict=True):
            p.help = text


class _Said:
    """Help written in the user's language (mixed into our Command and Group)."""

    context_class = OkrContext

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with _helps_said(self, ctx):  # type: ignore[arg-type]
            super().format_help(ctx, formatter)  # type: ignore[misc]
        with formatter.section(t("clihelp.examples")):
            for line in t(example_key(ctx)).splitlines():  # command lines: never rewrapped
                formatter.write(f"{'':>{formatter.current_indent}}{line}\n")

    def get_short_help_str(self, limit: int = 45) -> str:
        text = _said(self.help) or ""  # type: ignore[attr-defined]
        first = text.split("\n\n")[0]
        if "。" in first:  # Chinese: the first sentence (click's cut needs spaces)
            return first.split("。")[0]
        return click.Command.get_short_help_str(_Short(first), limit)  # type: ignore[arg-type]


def example_key(ctx: click.Context) -> str:
    """The catalogue key of a command's example lines: ``clihelp.example.team_publish``
    for ``okr team publish`` (every command has one: tests/test_words_numbers.py)."""
    path = ctx.command_path.split()[1:] or ["okr"]
    return "clihelp.example." + "_".join(path)


class _Short:
    """Enough of a Command for ``click.Command.get_short_help_str``."""

    def __init__(self, text: str) -> None:
        self.short_help, self.help, self.deprecated = None, text, False


class OkrCommand(_Said, click.Command):
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # ``okr summary --lang zh --help``: the command's own --lang says it too.
        lang = lang_of_line(args)
        if lang is not None:
            i18n.set_lang(lang)
        return super().parse_args(ctx, args)


class OkrGroup(_Said, click.Group):
    """Turns the data layer's errors into one sentence and exit 1; its commands' help is
    in the user's language."""

    command_class = OkrCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Before any option is handled: ``--help`` is answered while parsing. A subgroup
        # (``okr team``) keeps the language its parent chose unless its own line says one.
        lang = lang_of_line(args)
        if lang is not None or ctx.parent is None:
            i18n.set_lang(lang or i18n.detect_lang())
        return super().parse_args(ctx, args)

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
    help="clihelp.opt.lang",
)


@click.group(cls=OkrGroup, invoke_without_command=True, help="clihelp.cmd.okr")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="OKR_DATA_DIR",
    help="clihelp.opt.data",
)
@LANG_OPTION
@click.version_option(VERSION, prog_name="okr")
@click.pass_context
def cli(ctx: click.Context, data: Path | None, lang: str | None) -> None:
    """okr-checkin: the Monday OKR check-in in your terminal."""
    ctx.obj = Env(data, lang)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj, "okr")


def run_app(env: Env, command: str, **options) -> None:
    """Open the TUI on the env's store (imports Textual only now); ``command`` names it
    in the sentence said when there is no terminal to open it in."""
    require_terminal(command)
    pause_collector()
    from tui.app import OkrApp

    app = OkrApp(env.store, lang=env.lang, **options)
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)  # the app said why on stderr


@cli.command(help="clihelp.cmd.demo")
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
    require_terminal("okr demo")
    folder = Path(tempfile.mkdtemp(prefix="okr-demo-"))
    try:
        env.data = folder
        build_demo(env.store, env.lang)
        run_app(env, "okr demo", demo=True)
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


@cli.command(help="clihelp.cmd.checkin")
@click.option(
    "--week",
    callback=week_param,
    shell_complete=complete_week,
    help="clihelp.opt.week",
)
@click.option(
    "--objective",
    "objective_id",
    shell_complete=complete_objective,
    help="clihelp.opt.checkin_objective",
)
@click.option("--editor", "use_editor", is_flag=True, help="clihelp.opt.editor")
@click.option("--print", "print_form", is_flag=True, help="clihelp.opt.print_form")
@click.option(
    "--from",
    "from_file",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="clihelp.opt.from_form",
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
    """Open this (or a past) week's check-in.

    The week must belong to the objective's period (``Objective.owns``: its Thursday is
    in it), else one sentence and exit 1; without ``--objective``, the objectives for
    which the week is due (``Objective.is_due``: the one week rule) in turn. ``--editor``,
    ``--print`` and ``--from`` give the same check-in as a text form (tui.cli_terminal)."""
    from store import weeks
    from tui.text import inert

    store = env.store
    week = week or weeks.week_key(weeks.today())
    text = use_editor or print_form or from_file is not None
    if from_file is not None and (use_editor or print_form):
        raise click.UsageError(t("form.from_with_editor"))
    if objective_id is not None:
        objective = store.objective(objective_id)
        if objective is None:
            raise UserError(t("cli.no_such_objective", id=repr(objective_id)))
        if not objective.owns(week):
            title = inert(objective.title, newlines=False)
            raise UserError(
                t(
                    "cli.week_outside",
                    week=week,
                    title=title,
                    start=objective.start,
                    end=objective.end,
                )
            )
        ids = [objective_id]
    elif text:  # the objectives whose period holds the week (the app offers every one)
        ids = [o.id for o in store.objectives() if o.is_due(week)]
        if not ids and from_file is None:
            raise UserError(t("form.nothing_due", week=week))
    else:
        objectives = store.objectives()
        if not objectives:
            raise UserError(t("cli.nothing_to_checkin"))
        ids = [o.id for o in objectives if o.is_due(week)]
        if not ids:
            raise UserError(t("cli.nothing_due", week=week))
    if text:
        from tui.cli_terminal import text_checkin

        text_checkin(
            env, ids, week, use_editor=use_editor, print_form=print_form, from_file=from_file
        )
        return
    run_app(env, "okr checkin", checkin=(ids, week))


@cli.command("import", help="clihelp.cmd.import")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--dry-run", is_flag=True, help="clihelp.opt.dry_run")
@click.option(
    "--month",
    callback=month_param,
    shell_complete=complete_month,
    help="clihelp.opt.import_month",
)
@click.option("--start", callback=date_param, help="clihelp.opt.start")
@click.option("--end", callback=date_param, help="clihelp.opt.end")
@LANG_OPTION
@pass_env
def import_(env: Env, file: Path, dry_run: bool, month, start, end, lang) -> None:
    """Create objectives from pasted OKR text (- reads standard input)."""
    from store import weeks
    from store.okrtext import OkrTextError, parse_okr_text
    from tui.importing import render_import

    if lang:
        i18n.set_lang(lang)
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


@cli.command("list", help="clihelp.cmd.list")
@click.option("--all", "show_all", is_flag=True, help="clihelp.opt.all")
@pass_env
def list_(env: Env, show_all: bool) -> None:
    """Objectives with their KRs and progress."""
    from tui.listing import render_objective_list

    click.echo(render_objective_list(env.store, include_archived=show_all), nl=False)


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="clihelp.opt.output",
)


@cli.command("export", help="clihelp.cmd.export")
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
import tui.cli_team  # noqa: E402,F401  (registers team)
import tui.cli_terminal  # noqa: E402,F401  (registers chart, completion)
