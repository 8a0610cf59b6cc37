"""Hooks: the user's own executables, run after a store write, fed one JSON document.

An executable file in ``<data dir>/hooks/`` named after an event runs when it happens:

* ``on-checkin``  after a week's check-in is saved: ``{"hook", "checkin", "objective"}``
* ``on-close``    after a period is closed: ``{"hook", "objective", "checkins"}``
* ``on-summary``  after ``okr summary`` wrote its output: the summary in JSON
* ``on-publish``  after ``okr team publish`` pushed the lead's export

The document arrives on standard input (UTF-8 JSON); the environment has
``OKR_HOOK`` (the event) and ``OKR_DATA_DIR``; the working directory is the data dir.
The ``okr`` commands a hook runs itself fire no hooks (``OKR_HOOK`` is set), so an
``on-summary`` hook may run ``okr summary`` without calling itself for ever.
A hook runs only after the store write has finished, so it never holds the store's lock
and can itself run ``okr`` commands. It may take ``OKR_HOOK_TIMEOUT`` seconds (default
10); then it is stopped (with whatever it started: it runs in its own process group).
Its output is not shown (``okr summary``'s standard output is the summary); the last
line of its standard error is quoted when it fails.

A hook that is missing is no problem. One that fails (exit status not 0), hangs past
the timeout, cannot be started or is not executable never undoes the save: the caller
gets a :class:`HookProblem` (a one-line ``str``, English; ``reason`` and the other
fields let the UI say it in its language) and shows it.

No Textual, no click: the command line and the app both call :func:`run_hook` (the app
from a worker thread, so a slow hook never freezes it), or :func:`after_checkin` /
:func:`after_close`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path

HOOKS = ("on-checkin", "on-close", "on-summary", "on-publish")
DEFAULT_TIMEOUT = 10.0
TIMEOUT_ENV = "OKR_HOOK_TIMEOUT"
DOCUMENT_VERSION = 1


class HookProblem(str):
    """What went wrong with a hook, as one English sentence; ``reason`` is one of
    ``not_executable`` | ``not_started`` | ``failed`` | ``timeout``."""

    name: str
    reason: str
    path: str
    status: int | None
    seconds: float
    detail: str

    def __new__(
        cls,
        name: str,
        reason: str,
        path: Path,
        *,
        status: int | None = None,
        seconds: float = 0.0,
        detail: str = "",
    ) -> HookProblem:
        if reason == "not_executable":
            text = f"hook {name} was not run: {path} is not executable (chmod +x it)"
        elif reason == "not_started":
            text = f"hook {name} could not be started: {detail}"
        elif reason == "timeout":
            text = f"hook {name} was stopped after {seconds:g} s (OKR_HOOK_TIMEOUT)"
        else:
            text = f"hook {name} failed with exit status {status}"
            if detail:
                text += f": {detail}"
        self = super().__new__(cls, text + "; the save stands.")
        self.name, self.reason, self.path = name, reason, str(path)
        self.status, self.seconds, self.detail = status, seconds, detail
        return self


def hooks_dir(data_dir: str | os.PathLike) -> Path:
    return Path(data_dir) / "hooks"


def hook_timeout(environ: Mapping[str, str] | None = None) -> float:
    """Seconds a hook may run: ``OKR_HOOK_TIMEOUT`` when it is a positive number, else 10."""
    raw = (os.environ if environ is None else environ).get(TIMEOUT_ENV, "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if 0 < value < 86400 else DEFAULT_TIMEOUT


def _printable(text: str, limit: int = 160) -> str:
    """One line of a hook's output, safe for a terminal (no control characters)."""
    out = "".join(ch if ch.isprintable() else "?" for ch in text.strip())
    return out if len(out) <= limit else out[: limit - 1] + "…"


def _last_line(raw: bytes) -> str:
    lines = [line for line in raw.decode("utf-8", "replace").splitlines() if line.strip()]
    return _printable(lines[-1]) if lines else ""


def _stop(process) -> None:
    """Kill the hook and everything it started (its own process group)."""
    import signal

    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        process.kill()
    process.wait()


def run_hook(
    data_dir: str | os.PathLike,
    name: str,
    document: Mapping | str,
    timeout: float | None = None,
) -> HookProblem | None:
    """Run hook ``name`` of ``data_dir`` with ``document`` (a dict, or JSON text) on its
    standard input; wait at most ``timeout`` seconds (default :func:`hook_timeout`).
    None when there is no such hook or it succeeded; else the :class:`HookProblem`."""
    if name not in HOOKS:
        raise ValueError(f"unknown hook {name!r}")
    path = hooks_dir(data_dir) / name
    if not os.path.lexists(path) or os.environ.get("OKR_HOOK"):
        return None  # none; or we run inside a hook, whose own okr commands fire none
    if not path.is_file() or not os.access(path, os.X_OK):
        return HookProblem(name, "not_executable", path)
    import subprocess  # here: a command without hooks never pays for these imports
    import tempfile

    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    limit = hook_timeout() if timeout is None else timeout
    env = dict(os.environ, OKR_HOOK=name, OKR_DATA_DIR=str(Path(data_dir)))
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(
                [str(path)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                cwd=str(data_dir),
                env=env,
                start_new_session=True,
            )
        except OSError as e:
            return HookProblem(name, "not_started", path, detail=_printable(e.strerror or str(e)))
        try:
            process.communicate(text.encode("utf-8"), timeout=limit)
        except subprocess.TimeoutExpired:
            _stop(process)
            return HookProblem(name, "timeout", path, seconds=limit)
        if process.returncode != 0:
            errors.seek(0)
            detail = _last_line(errors.read()[-4096:])
            return HookProblem(name, "failed", path, status=process.returncode, detail=detail)
    return None


# -- the documents, and the calls the save paths make -----------------------------------------


def checkin_document(objective, checkin) -> dict:
    """What ``on-checkin`` reads: the saved check-in and its objective (export format)."""
    return {
        "hook": "on-checkin",
        "version": DOCUMENT_VERSION,
        "checkin": checkin.to_dict(),
        "objective": objective.to_dict(),
    }


def close_document(objective, checkins) -> dict:
    """What ``on-close`` reads: the closed objective (with its review) and the close as
    ``okr close --format json`` prints it (grades, scores, calibration)."""
    from store import cycle

    return {
        "hook": "on-close",
        "version": DOCUMENT_VERSION,
        "objective": objective.to_dict(),
        "close": cycle.close_document(cycle.grading(objective, checkins)),
    }


def after_checkin(store, checkin, timeout: float | None = None) -> HookProblem | None:
    """Run ``on-checkin`` for a check-in ``store`` has just saved (call it after
    ``Store.save_checkin`` returned; from a worker thread in the app)."""
    if not os.path.lexists(hooks_dir(store.data_dir) / "on-checkin"):
        return None
    objective = store.objective(checkin.objective)
    if objective is None:
        return None
    return run_hook(store.data_dir, "on-checkin", checkin_document(objective, checkin), timeout)


def after_close(store, objective, timeout: float | None = None) -> HookProblem | None:
    """Run ``on-close`` for an objective ``store`` has just saved closed."""
    if not os.path.lexists(hooks_dir(store.data_dir) / "on-close"):
        return None
    document = close_document(objective, store.checkins(objective.id))
    return run_hook(store.data_dir, "on-close", document, timeout)
