"""The terminal's habits on the command line: ``okr chart``, ``okr completion`` and the
check-in as a text form (``okr checkin --editor | --print | --from``, whose options the
``checkin`` command of tui.cli_commands hands to :func:`text_checkin`).

Registered on the click group when tui.cli_commands imports this module. Nothing here
imports Textual; plotext is imported by ``okr chart`` only.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tui.cli_commands import LANG_OPTION, Env, UserError, _name, cli, pass_env, read_input
from tui.completion import complete_kr, complete_objective, default_objective
from tui.i18n import t
from tui.terminal import hook_sentence, use_color

SHELLS = ("bash", "zsh", "fish")


# -- okr chart -----------------------------------------------------------------------------------


def _resolve_kr(objective, text: str):
    """A KR of the objective by number (``2``, ``KR2``) or by id."""
    words = text.strip()
    number = words[2:] if words[:2].lower() == "kr" else words
    if number.isdigit() and 0 < int(number) <= len(objective.key_results):
        return objective.key_results[int(number) - 1]
    return objective.kr(words)


@cli.command(help="clihelp.cmd.chart")
@click.argument("kr", required=False, shell_complete=complete_kr)
@click.option(
    "--objective",
    "objective_id",
    shell_complete=complete_objective,
    help="clihelp.opt.chart_objective",
)
@click.option("--width", type=click.IntRange(min=40), help="clihelp.opt.width")
@click.option("--height", type=click.IntRange(min=17), help="clihelp.opt.height")
@LANG_OPTION
@pass_env
def chart(
    env: Env,
    kr: str | None,
    objective_id: str | None,
    width: int | None,
    height: int | None,
    lang: str | None,
) -> None:
    """A KR's weekly values against its linear path and target, with its confidence.

    KR is a number (2, KR2) or an id; without it, every KR of the objective in turn.
    Colours only on a terminal, and never with NO_COLOR set.
    """
    from store.series import store_series
    from tui.chart import render

    lang = lang or env.lang
    store = env.store
    objective = default_objective(store, objective_id)
    if objective is None:
        if objective_id is not None:
            raise UserError(t("cli.no_such_objective", id=repr(objective_id)))
        if not store.objectives():
            raise UserError(t("list.empty"))
        raise UserError(t("chart.which_objective"))
    if kr is not None:
        found = _resolve_kr(objective, kr)
        if found is None:
            message = t(
                "chart.no_such_kr",
                objective=objective.id,
                kr=repr(kr),
                n=len(objective.key_results),
            )
            raise click.BadParameter(message, param_hint="'KR'")
        krs = [found]
    else:
        krs = objective.key_results
        if not krs:
            raise UserError(t("chart.no_krs"))
    color = use_color(sys.stdout)
    if width is None:
        import shutil

        columns = shutil.get_terminal_size((80, 24)).columns if sys.stdout.isatty() else 80
        width = max(40, min(columns, 160))
    for n, k in enumerate(krs):
        series = store_series(store, objective.id, k.id)
        text = render(series, width=width, height=height or 22, color=color, lang=lang)
        click.echo(("\n" if n else "") + text, nl=False, color=color)


# -- okr completion ----------------------------------------------------------------------------


@cli.command(help="clihelp.cmd.completion")
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script (click's own) for bash, zsh or fish.

    Objective ids, KR numbers, weeks and months complete from the store.
    """
    from click.shell_completion import get_completion_class

    completer = get_completion_class(shell)(cli, {}, "okr", "_OKR_COMPLETE")
    click.echo(completer.source())


# -- okr checkin --editor / --print / --from -------------------------------------------------------


def text_checkin(
    env: Env,
    ids: list[str],
    week: str,
    *,
    use_editor: bool,
    print_form: bool,
    from_file: Path | None,
) -> None:
    """The check-in of ``ids`` for ``week`` as a text form (see tui.checkin_text)."""
    from tui import checkin_text as form

    store = env.store
    sessions = [s for s in (form.open_session(store, i, week) for i in ids) if s is not None]
    if print_form:
        click.echo(form.render(sessions, env.lang), nl=False)
        return
    if from_file is not None:
        _from_file(env, sessions, from_file)
        return
    try:
        command = form.editor_command()
    except form.EditorError as e:
        raise UserError(str(e)) from None
    for session in sessions:
        _edit(env, session, command)


def _session_for(store, sessions):
    from tui import checkin_text as form

    cache = {s.key: s for s in sessions}

    def session_for(objective_id: str, week: str):
        if (objective_id, week) not in cache:
            cache[(objective_id, week)] = form.open_session(store, objective_id, week)
        return cache[(objective_id, week)]

    return session_for


def _saved(env: Env, section, checkin) -> None:
    """Say so, then run the on-checkin hook (after the write has finished)."""
    from store import hooks
    from tui.text import inert

    title = inert(section.session.objective.title, newlines=False)
    click.echo(t("form.saved", week=checkin.week, title=title))
    problem = hooks.after_checkin(env.store, checkin)
    if problem is not None:
        click.echo(hook_sentence(problem), err=True)


def _save(env: Env, section, text: str):
    """Save one section (the app's single write); a conflict keeps the text as the draft."""
    from store.storage import ConflictError
    from tui import checkin_text as form

    try:
        checkin = form.save(env.store, section)
    except ConflictError:
        form.keep_draft(env.store, section, text)
        raise UserError(t("form.conflict", week=section.session.week)) from None
    _saved(env, section, checkin)


def _from_file(env: Env, sessions, file: Path) -> None:
    from tui import checkin_text as form

    raw = read_input(file)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(t("cli.not_json", name=_name(file), reason="not UTF-8")) from None
    name = _name(file)
    if form.is_empty(text):
        raise UserError(t("form.empty", title=name))
    default = sessions[0] if len(sessions) == 1 else None
    reading = form.read(text, _session_for(env.store, sessions), default, env.lang)
    failed = False
    for section in reading.sections:
        if section.session is None:
            continue
        if section.errors:
            form.keep_draft(env.store, section, text)
            failed = True
            continue
        _save(env, section, text)
    errors = reading.all_errors
    if errors:
        weeks_kept = ", ".join(sorted({s.session.week for s in reading.sections if s.session}))
        head = t("form.not_saved", count=len(errors), name=name, week=weeks_kept or "—")
        lines = [t("form.err.line", n=n + 1, message=message) for n, message in errors]
        raise UserError("\n".join([head, *("  " + line for line in lines)]))
    if failed:
        raise SystemExit(1)


def _edit(env: Env, session, command: list[str]) -> None:
    """One objective's week in the editor, reopened with the errors until it reads."""
    from tui import checkin_text as form
    from tui.text import inert

    store, lang = env.store, env.lang
    title = inert(session.objective.title, newlines=False)
    had_draft = store.draft(session.objective.id, session.week) is not None
    text = form.render_for_editor(session, lang)
    only = {session.key: session}
    while True:
        try:
            typed, status = form.run_editor(text, command)
        except form.EditorError as e:
            raise UserError(str(e)) from None
        changed = not form.same_text(typed, text)
        if status != 0:
            kept = ""
            if changed and not form.is_empty(typed):
                _keep(store, session, typed, lang)
                kept = t("form.kept", week=session.week)
            editor = " ".join(command)
            raise UserError(t("form.editor_failed", editor=editor, status=status, kept=kept))
        if form.is_empty(typed):
            key = "form.empty_draft" if had_draft else "form.empty"
            click.echo(t(key, title=title, week=session.week))
            return
        if not changed:
            key = "form.unchanged_draft" if had_draft else "form.unchanged"
            click.echo(t(key, title=title, week=session.week))
            return
        reading = form.read(typed, lambda o, w: only.get((o, w)), session, lang)
        sections = [s for s in reading.sections if s.session is not None]
        errors = reading.all_errors
        if errors or len(sections) != 1:
            _keep(store, session, typed, lang, reading)
            had_draft = True
            text = form.annotate(typed, errors, lang)
            continue
        _save(env, sections[0], typed)
        return


def _keep(store, session, typed: str, lang, reading=None) -> None:
    """Keep what was typed as the week's draft, whatever state it is in."""
    from tui import checkin_text as form

    if reading is None:
        only = {session.key: session}
        reading = form.read(typed, lambda o, w: only.get((o, w)), session, lang)
    sections = [s for s in reading.sections if s.session is session]
    section = sections[0] if sections else form.Section(session, session.base, 0)
    form.keep_draft(store, section, typed)
