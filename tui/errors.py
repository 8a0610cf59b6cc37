"""What the user is told when something goes wrong: one sentence, never a traceback.

``sentence(e)`` is the text of an error the user can act on (the store's errors,
bad data, a file that cannot be used, a number that cannot be read), in the UI's
language: the store raises its errors with a message key and fields
(``store.errors.Msg``), said here through ``tui/words/errors.py``; ``str(e)`` stays
the English sentence (logs, tests). The command line prints it after "Error: " and
exits 1; the app shows it in a notification (see ``screens.saving``).
Stdlib only at import time: ``okr due`` uses it from a shell prompt.
"""

from __future__ import annotations

from store.errors import Msg


def user_errors() -> tuple[type[BaseException], ...]:
    """The data layer's errors whose text is one sentence for the user (exit 1)."""
    from store.model import InvalidData
    from store.storage import StoreError

    return (InvalidData, StoreError)


def is_user_error(e: BaseException) -> bool:
    return isinstance(e, (*user_errors(), OSError))


def say(message: Msg, lang: str | None = None) -> str:
    """A store message in ``lang`` (default: the UI's), its parts said the same way."""
    from tui.i18n import t
    from tui.text import inert

    fields = {
        k: say(v, lang) if isinstance(v, Msg) else inert(str(v), newlines=False)
        for k, v in message.fields.items()
    }  # fields may hold a user's title: shown as inert as every other piece of it
    return t(f"errors.{message.key}", lang, **fields)


def reason(e: BaseException, lang: str | None = None) -> str:
    """What is wrong, without the field's path: an InvalidData's reason, a NumberError's
    sentence, else :func:`sentence`."""
    message = getattr(e, "message", None)
    if isinstance(message, Msg):
        return say(message, lang)
    return getattr(e, "reason", None) or sentence(e, lang)


def sentence(e: BaseException, lang: str | None = None) -> str:
    """The sentence shown for a user error, an OSError or a NumberError, in ``lang``
    (default: the UI's language)."""
    from tui.i18n import t

    if isinstance(e, OSError) and not isinstance(e, user_errors()):
        name = f" {e.filename}" if e.filename else ""
        return t("errors.os", lang, name=name, reason=e.strerror or e)
    message = getattr(e, "message", None)
    if not isinstance(message, Msg):
        return str(e)
    path = getattr(e, "path", "")
    if path:
        return t("errors.field", lang, path=path, reason=say(message, lang))
    return say(message, lang)
