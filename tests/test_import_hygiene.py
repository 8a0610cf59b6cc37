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
