"""Habits of the terminal: colour only where it is welcome, hooks said in the UI's words.

``NO_COLOR`` (https://no-color.org): when it is set to anything but an empty string, no
command writes a colour. Colours are written only to a terminal (never to a pipe or a
file). The app honours ``NO_COLOR`` through Textual itself (it draws in monochrome).
"""

from __future__ import annotations

import os
from typing import TextIO

from tui.i18n import t


def no_color(environ=None) -> bool:
    """Whether ``NO_COLOR`` asks for no colours."""
    return bool((os.environ if environ is None else environ).get("NO_COLOR", ""))


def use_color(stream: TextIO) -> bool:
    """Colours for ``stream``: only a terminal, and never under ``NO_COLOR``."""
    if no_color():
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def hook_sentence(problem, lang: str | None = None) -> str:
    """A ``store.hooks.HookProblem`` as one sentence in the UI's language."""
    from tui.text import inert

    fields = {"name": problem.name, "path": inert(problem.path, newlines=False)}
    if problem.reason == "failed":
        detail = f": {problem.detail}" if problem.detail else ""
        return t("hook.failed", lang, status=problem.status, detail=detail, **fields)
    if problem.reason == "timeout":
        return t("hook.timeout", lang, seconds=f"{problem.seconds:g}", **fields)
    if problem.reason == "not_started":
        return t("hook.not_started", lang, detail=problem.detail, **fields)
    return t("hook.not_executable", lang, **fields)


def publish_sentence(done, lang: str | None = None) -> str:
    """A ``store.team.AutoPublished`` (publishing after a saved check-in) as one sentence."""
    from tui.text import inert

    return t(
        f"team.auto.{done.outcome}",
        lang,
        file=inert(done.file, newlines=False),
        error=inert(done.error, newlines=False),
    )
