"""The one catalogue of words: every label and every generated text, in English and Chinese.

Words live in the modules of ``tui/words/`` (one per area, so screens can add
theirs without touching each other), each a dict ``WORDS = {key: (en, zh)}``.
``t(key, **fields)`` formats the entry in the current language, or in
``lang=`` when a text (a summary) is written in a language other than the UI's.
"""

from __future__ import annotations

import importlib
import os
import sys

LANGS = ("en", "zh")
_current = "en"
_catalogue: dict[str, tuple[str, str]] | None = None


def detect_lang(environ: dict[str, str] | None = None) -> str:
    """The language of the locale: Chinese when LC_ALL / LC_MESSAGES / LANG / LANGUAGE says zh."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def set_lang(lang: str) -> None:
    global _current
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected en or zh")
    _current = lang


def catalogue() -> dict[str, tuple[str, str]]:
    global _catalogue
    if _catalogue is None:
        import tui.words as package

        # The modules of tui/words/ (os.listdir: pkgutil.iter_modules imports inspect, which
        # costs a process 10 ms).
        names = sorted(
            name[:-3]
            for folder in package.__path__
            for name in os.listdir(folder)
            if name.endswith(".py") and name != "__init__.py"
        )
        merged: dict[str, tuple[str, str]] = {}
        for name in names:
            module = importlib.import_module(f"tui.words.{name}")
            for key, pair in module.WORDS.items():
                if key in merged:
                    raise KeyError(f"word {key!r} defined twice (tui/words/{name}.py)")
                merged[key] = pair
        _catalogue = merged
    return _catalogue


def _word(key: str) -> tuple[str, str] | None:
    """The entry of ``key``. Before the whole catalogue is needed, the module named by the
    key's first part (``report.cli.due_missing``: tui/words/report.py) is tried alone, then
    the shared words (tui/words/common.py: ``app.title``, ``week.due``): ``okr due`` says
    one sentence and home paints its cards, neither should import every screen's words.
    Keys are unique across modules (:func:`catalogue` checks), so the entry is the same."""
    if _catalogue is None:
        for head in (key.partition(".")[0], "common"):
            module = sys.modules.get(f"tui.words.{head}")
            if module is None and head.isidentifier():
                try:
                    module = importlib.import_module(f"tui.words.{head}")
                except ImportError:
                    module = None
            pair = getattr(module, "WORDS", {}).get(key)
            if pair is not None:
                return pair
    return catalogue().get(key)


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language)."""
    pair = _word(key)
    if pair is None:
        raise KeyError(f"no word {key!r} in the catalogue")
    text = pair[1] if (lang or _current) == "zh" else pair[0]
    return text.format(**fields) if fields else text
