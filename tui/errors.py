"""What the user is told when something goes wrong: one sentence, never a traceback.

``sentence(e)`` is the text of an error the user can act on (the store's errors,
bad data, a file that cannot be used). The command line prints it after "Error: "
and exits 1; the app shows it in a notification (see ``screens.saving``).
Stdlib only at import time: ``okr due`` uses it from a shell prompt.
"""

from __future__ import annotations


def user_errors() -> tuple[type[BaseException], ...]:
    """The data layer's errors whose text is one sentence for the user (exit 1)."""
    from store.model import InvalidData
    from store.storage import StoreError

    return (InvalidData, StoreError)


def is_user_error(e: BaseException) -> bool:
    return isinstance(e, (*user_errors(), OSError))


def sentence(e: BaseException) -> str:
    """The sentence shown for a user error or an OSError."""
    if isinstance(e, OSError) and not isinstance(e, user_errors()):
        name = f" {e.filename}" if e.filename else ""
        return f"cannot use{name}: {e.strerror or e}"
    return str(e)
