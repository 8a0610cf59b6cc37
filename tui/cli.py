"""The ``okr`` entry point (``tui.cli:main``).

``okr due`` runs from a shell prompt, so it must cost almost nothing: :func:`main`
recognises ``okr [--data DIR] [--lang L] due [-q] [--lang L]`` in ``sys.argv`` and
answers it without importing click (or Textual, or pendulum, or TinyDB): Python and
one read of the store. A plain ``okr [--data DIR] [--lang L]`` opens the app the same
way, without click (10 ms of its start-up). Any other command line, and any line it
is not sure of (``--help``, an unknown option, a ``--data`` that is a file...), goes
to the click group in :mod:`tui.cli_commands`, which has the ``due`` command too
(both call :func:`run_due`, the one implementation) and opens the app the same way.

``tui.cli.cli`` (and the other names of tui.cli_commands) still resolve here, so
``from tui.cli import cli`` works; it imports click then.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from tui.errors import sentence as error_sentence
from tui.errors import user_errors

VERSION = "0.1.0"
LANGS = ("en", "zh")  # tui.i18n.LANGS, checked by tests/test_perf_hygiene.py


def main() -> None:
    # Shell completion (``_OKR_COMPLETE``, see ``okr completion``) is click's, always.
    code = None if os.environ.get("_OKR_COMPLETE") else _fast_path(sys.argv[1:])
    if code is not None:
        raise SystemExit(code)
    from tui.cli_commands import cli

    cli(prog_name="okr")


# -- okr due ----------------------------------------------------------------------------------


def missing_checkins(store, today) -> tuple[str, list]:
    """This ISO week, and the objectives due in it (``store.weeks.is_due``: the week
    belongs to the period, not archived, not closed) without a saved check-in for it (a
    draft does not count), as ``store.repo.DueRow``s (id, title, start, end): of the
    fast path and of click's ``due``."""
    from store import weeks

    week = weeks.week_key(today)
    missing = [
        row
        for row in store.due_rows(week)
        if not row.checked_in and weeks.is_due(week, row.start, row.end, closed=row.closed)
    ]
    return week, missing


def run_due(store, lang: str, quiet: bool, echo: Callable[[str], None]) -> int:
    """``okr due``: one line per missing check-in (unless ``quiet``); the exit code."""
    from store import weeks
    from tui.i18n import t
    from tui.text import inert

    week, missing = missing_checkins(store, weeks.today())
    if not quiet:
        for o in missing:
            title = inert(o.title, newlines=False)
            echo(t("report.cli.due_missing", lang, week=week, title=title))
    return 1 if missing else 0


def _fast_path(args: list[str]) -> int | None:
    """The exit code of ``okr [--data DIR] [--lang L] due [-q] [--lang L]`` answered, or of
    a plain ``okr [--data DIR] [--lang L]`` (the app) run, without click; None: not sure,
    let click parse the line (and say what is wrong, if anything is)."""
    options: dict[str, str] = {}
    quiet = False
    command = None
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if arg == "due" and command is None:
            command = "due"
        elif name in ("--data", "--lang") and (command is None or name == "--lang"):
            if not eq:
                if i + 1 >= len(args):
                    return None
                value = args[i + 1]
                i += 1
            if name == "--lang" and value not in LANGS:
                return None
            options[name] = value
        elif arg in ("-q", "--quiet") and command == "due":
            quiet = True
        else:
            return None
        i += 1
    if command is None and not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None  # no terminal for the app: click says so (tui.cli_commands.run_app)
    from tui import i18n

    lang = options.get("--lang")
    data = options.get("--data", os.environ.get("OKR_DATA_DIR") or None)
    if data is not None:
        if not data or os.path.exists(data) and not os.path.isdir(data):
            return None  # click says what is wrong with it
        data = Path(data)
    lang = lang or i18n.detect_lang()
    i18n.set_lang(lang)

    def echo(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    try:
        from store.repo import Store

        store = Store(data)
        if command is None:
            from tui.app import OkrApp

            app = OkrApp(store, lang=lang)
            app.run()
            return app.return_code or 0
        return run_due(store, lang, quiet, echo)
    except (*user_errors(), OSError) as e:
        if isinstance(e, BrokenPipeError):
            return 1
        sys.stderr.write(f"Error: {error_sentence(e)}\n")
        return 1


def __getattr__(name: str):
    """``tui.cli.cli`` and the rest of the click command line (imports click)."""
    if name.startswith("__"):
        raise AttributeError(name)
    import tui.cli_commands

    try:
        return getattr(tui.cli_commands, name)
    except AttributeError:
        raise AttributeError(f"module 'tui.cli' has no attribute {name!r}") from None


if __name__ == "__main__":
    main()
