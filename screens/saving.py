"""The one way a screen writes the store, or reads it before it opens another screen.

Every save from every screen (check-in, editor, paste box, prep record, summary
file...) is ``write(screen, do_it, rescue=...)``. When the store cannot take it (a
damaged or cut-short file, a full disk, a read-only folder, data the model refuses),
the user sees the error's one sentence in the app, in the UI's language, the screen
stays as it is with everything typed still in its fields, and, when the screen says
what its typed text is (``rescue``), that text is also written beside the store
(``store.rescue``) so that it outlives the app. Nothing raises past this function but
a ConflictError when the caller asked to handle conflicts itself.

``readable(screen)`` answers whether the store can be read right now, saying why not:
a screen that reads the store while it is built (history, summary...) is pushed only
when it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.dom import DOMNode

from store import rescue as rescue_files
from store.storage import ConflictError
from tui.errors import is_user_error, sentence
from tui.i18n import t

ERROR_SECONDS = 12  # a store error stays on screen long enough to be read


@dataclass
class Rescue:
    """What a screen has typed, to be kept beside the store if the store refuses it."""

    kind: str  # checkin | editor | paste | meeting | ...
    key: str  # which piece of work: "o1 2026-W41"
    data: Callable[[], Any]  # the typed text, as JSON-able data


def write(
    node: DOMNode,
    do_it: Callable[[], object],
    *,
    rescue: Rescue | None = None,
    conflicts: bool = False,
) -> bool:
    """Run one store write; True when it was written.

    On a store error (or bad data, or an OSError): one sentence in a notification,
    the typed text rescued when ``rescue`` is given, False. With ``conflicts=True`` a
    ConflictError (another copy saved the same week) is raised for the caller to
    resolve; otherwise it is said like any other error.
    """
    try:
        do_it()
    except ConflictError:
        if conflicts:
            raise
        _say(node, t("save.conflict_refused"), rescue)
        return False
    except Exception as e:
        if not is_user_error(e):
            raise
        _say(node, sentence(e), rescue)
        return False
    if rescue is not None:
        rescue_files.forget(node.app.store.data_dir, rescue.kind, rescue.key)
    return True


def readable(node: DOMNode) -> bool:
    """Whether the store can be read now; if not, its one sentence on screen."""
    try:
        node.app.store.storage.read_tables()  # the file as it is now (not all its parts)
    except Exception as e:
        if not is_user_error(e):
            raise
        node.app.say_store_error(sentence(e))
        return False
    return True


def _say(node: DOMNode, message: str, rescue: Rescue | None) -> None:
    error = message
    if rescue is not None:
        try:
            path = rescue_files.keep(
                node.app.store.data_dir, rescue.kind, rescue.key, rescue.data()
            )
        except OSError as e:
            message = t("save.failed_not_kept", error=message, reason=sentence(e))
        else:
            message = t("save.failed_kept", error=message, path=str(path))
    else:
        message = t("save.failed", error=message)
    node.app.say_store_error(error, message)
