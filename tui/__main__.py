"""``python -m tui`` is ``okr``."""

from tui.cli import main

main()
