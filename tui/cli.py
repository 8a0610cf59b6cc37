"""The ``okr`` entry point (``tui.cli:main``).

``okr due`` runs from a shell prompt, so it must cost almost nothing: :func:`main`
recognises ``okr [--data DIR] [--lang L] due [-q] [--lang L]`` in ``sys.argv`` and
answers it from the small index beside the store (store.index: a stat, a read and a
CRC-32 of the store file, and a few hundred bytes of index), importing only
``store.index``, ``store.weeks`` (THE week rule) and the words it prints: neither
click, Textual, pendulum, TinyDB, platformdirs, nor the model, nor even pathlib. When
the index does not hold the store as it is now, it opens the store (which validates a
file changed elsewhere) and writes the index again. A plain ``okr [--data DIR] [--lang
L]`` opens the app the same way, without click (10 ms of its start-up). Any other
command line, and any line it is not sure of (``--help``, an unknown option, a
``--data`` that is a file...), goes to the click group in :mod:`tui.cli_commands`,
which has the ``due`` command too (both apply :func:`missing`, the one due rule) and
opens the app the same way.

``tui.cli.cli`` (and the other names of tui.cli_commands) still resolve here, so
``from tui.cli import cli`` works; it imports click then.
"""

import os
import sys

# Annotations are strings here: ``from __future__`` and typing would cost a prompt command.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

VERSION = "0.1.0"
LANGS = ("en", "zh")  # tui.i18n.LANGS, checked by tests/test_perf_hygiene.py


def user_errors() -> "tuple[type[BaseException], ...]":
    """tui.errors.user_errors (imported when an error happens, not by every ``okr due``)."""
    from tui.errors import user_errors as errors

    return errors()


def error_sentence(e: BaseException) -> str:
    """tui.errors.sentence."""
    from tui.errors import sentence

    return sentence(e)


def pause_collector() -> None:
    """Before the app starts: the cyclic garbage collector is off until its first frame.
    Start-up makes some 10^5 objects (Textual's classes, the store's data) that all live as
    long as the app; the collector's passes over them find nothing to free and cost the
    first frame 10 to 20 ms. ``OkrApp`` turns it back on once that frame is painted, with
    what start-up made frozen out of its passes."""
    import gc

    gc.disable()


def main() -> None:
    # Shell completion (``_OKR_COMPLETE``, see ``okr completion``) is click's, always.
    code = None if os.environ.get("_OKR_COMPLETE") else _fast_path(sys.argv[1:])
    if code is not None:
        raise SystemExit(code)
    from tui.cli_commands import cli

    cli(prog_name="okr")


# -- okr due ----------------------------------------------------------------------------------


def missing(rows: "Iterable", week: str) -> list:
    """The objectives due in ``week`` without a saved check-in for it (a draft does not
    count), of rows with (id, title, start, end, checked_in, closed, archived): THE rule,
    ``store.weeks.is_due`` (the week belongs to the period, not archived, not closed)."""
    from store import weeks

    return [
        row
        for row in rows
        if not row.checked_in
        and weeks.is_due(week, row.start, row.end, archived=row.archived, closed=row.closed)
    ]


def missing_checkins(store, today) -> "tuple[str, list]":
    """This ISO week, and the objectives due in it without a saved check-in, as
    ``store.repo.DueRow``s (id, title, start, end...): click's ``due``."""
    from store import weeks

    week = weeks.week_key(today)
    return week, missing(store.due_rows(week), week)


def report_due(
    week: str, rows: list, lang: "str | None", quiet: bool, echo: "Callable[[str], None]"
) -> int:
    """``okr due``'s output, one line per missing check-in (unless ``quiet``), in ``lang``
    (None: the locale's); its exit code."""
    if not quiet and rows:
        from tui.i18n import detect_lang, t
        from tui.text import inert

        lang = lang or detect_lang()

        for o in rows:
            title = inert(o.title, newlines=False)
            echo(t("report.cli.due_missing", lang, week=week, title=title))
    return 1 if rows else 0


def run_due(store, lang: str, quiet: bool, echo: "Callable[[str], None]") -> int:
    """``okr due`` on an open store (click's command)."""
    from store import weeks

    week, rows = missing_checkins(store, weeks.today())
    return report_due(week, rows, lang, quiet, echo)


def _due_from_index(
    data: str, lang: "str | None", quiet: bool, echo: "Callable[[str], None]"
) -> int:
    """``okr due`` of the data dir ``data``: from the index beside the store when it holds
    the store as it is now, else from the store (which then writes the index)."""
    from store import index, weeks

    week = weeks.week_key(weeks.today())
    rows = index.due_rows(os.path.join(data, "okr.json"), week)
    if rows is None:
        from store.repo import Store

        store = Store(data)
        rows = store.due_rows(week)
        store.keep_index()
    return report_due(week, missing(rows, week), lang, quiet, echo)


def _fast_path(args: "list[str]") -> "int | None":
    """The exit code of ``okr [--data DIR] [--lang L] due [-q] [--lang L]`` answered, or of
    a plain ``okr [--data DIR] [--lang L]`` (the app) run, without click; None: not sure,
    let click parse the line (and say what is wrong, if anything is)."""
    options = {}
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
    lang = options.get("--lang")
    data = options.get("--data")
    if data is None and os.environ.get("OKR_DATA_DIR"):
        data = os.path.expanduser(os.environ["OKR_DATA_DIR"])
    if data is not None and (not data or os.path.exists(data) and not os.path.isdir(data)):
        return None  # click says what is wrong with it

    def echo(line: str) -> None:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    try:
        if command == "due":
            if data is None:
                from store.index import default_data_dir

                data = default_data_dir()
            if data is not None:
                return _due_from_index(data, lang, quiet, echo)
        from tui import i18n

        lang = lang or i18n.detect_lang()
        i18n.set_lang(lang)
        from store.repo import Store

        store = Store(data)
        if command is None:
            pause_collector()
            from tui.app import OkrApp

            app = OkrApp(store, lang=lang)
            app.run()
            return app.return_code or 0
        return run_due(store, lang, quiet, echo)
    except (*user_errors(), OSError) as e:
        if isinstance(e, BrokenPipeError):
            return 1
        from tui import i18n

        i18n.set_lang(lang or i18n.detect_lang())
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
