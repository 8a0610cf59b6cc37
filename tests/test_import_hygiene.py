"""store/ never imports Textual (or tui/screens); checked in a clean subprocess."""

import pkgutil
import subprocess
import sys

import store


def test_store_never_imports_textual():
    modules = [f"store.{m.name}" for m in pkgutil.iter_modules(store.__path__)]
    assert "store.repo" in modules and "store.model" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui', 'screens'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_commands_that_draw_nothing_do_not_import_textual(tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from tui.cli import cli\n"
        f"for args in (['list'], ['export']):\n"
        f"    r = CliRunner().invoke(cli, ['--data', {str(tmp_path)!r}] + args)\n"
        "    assert r.exit_code == 0, r.output\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_layers_hold_by_import_linter():
    """The contracts of pyproject.toml ([tool.importlinter]): store below everything,
    the reports never importing screens, tui.cli -> tui.app -> screens -> store."""
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    linter = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if linter is None:
        import pytest

        pytest.skip("import-linter is not installed (pip install -e '.[test]')")
    out = subprocess.run(
        [linter, "--no-cache"], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout


def test_store_errors_and_their_words_are_stdlib_only():
    """``okr due`` says a store error from a shell prompt, in Chinese too: the messages,
    their words and the sentence maker import nothing but the standard library."""
    code = (
        "import sys\n"
        "from store.errors import Msg\n"
        "from tui.errors import say\n"
        "import tui.words.errors\n"
        "print(say(Msg('damaged.empty'), 'zh'))\n"
        "mine = ('store', 'tui')\n"
        "third = sorted({m.split('.')[0] for m in sys.modules if not m.startswith(mine)}"
        " - set(sys.stdlib_module_names) - {'__main__', '_distutils_hack'})\n"
        "print(','.join(third) or '-')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines() == ["是空的", "-"], out.stdout


# Plain ``okr`` (tui.cli.main), headless, stopped after its first frame that shows the
# home screen's cards; then the modules it imported.
HOME_FIRST_FRAME = r"""
import sys
import textual.app as ta
_run, _display = ta.App.run, ta.App._display
def run(self, *a, **k):
    k["headless"] = True
    return _run(self, *a, **k)
def display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and list(screen.query("ListItem")):
        self.call_later(self.exit)
ta.App.run, ta.App._display = run, display
for stream in (sys.stdin, sys.stdout):  # headless on purpose: okr asks for a terminal
    stream.isatty = lambda: True
sys.argv = ["okr", "--data", sys.argv[1]]
from tui.cli import main
try:
    main()
except SystemExit:
    pass
print("MODULES", " ".join(sorted(sys.modules)))
"""


def test_home_imports_no_screen_it_does_not_show(tmp_path):
    """The app starts on home: the other screens (check-in, editor, history, summary,
    prep, help, charts, dialogs...), Markdown and the command line's click are imported
    when first used, not at start."""
    import os

    from store.demo import build_demo
    from store.repo import Store

    build_demo(Store(tmp_path), "en")
    env = {**os.environ, "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}
    out = subprocess.run(
        [sys.executable, "-c", HOME_FIRST_FRAME, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    modules = out.stdout.split("MODULES ", 1)[1].split()
    screens = sorted(m for m in modules if m.split(".")[0] == "screens")
    assert screens == ["screens", "screens.base", "screens.home", "screens.saving"]
    assert not [m for m in modules if "markdown" in m.lower()]
    assert "click" not in modules and "plotext" not in modules and "store.cycle" not in modules
    # Home's words and the shared ones, not every screen's (tui.i18n._word).
    words = sorted(m for m in modules if m.startswith("tui.words."))
    assert words == ["tui.words.common", "tui.words.home"]
