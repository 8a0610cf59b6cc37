"""Values, measures, confidences and statuses as text and styles: one place for every
screen and report.

A KR's value reads the same on home, in the check-in, in history and in the summary:
``2,500 customers``, ``45%``, ``8% → 5%``, ``done``. Styles are Rich style strings
(``"green"``), so the command line's reports can use this module without importing
Rich; screens wrap them in ``Text``. ``lang=None`` is the UI's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.i18n import t
from tui.text import inert

if TYPE_CHECKING:
    from store.model import KeyResult

DASH = "—"

STATUS_STYLES = {
    "not_started": "dim",
    "on_track": "green",
    "at_risk": "yellow",
    "off_track": "red",
    "done": "cyan",
    "dropped": "dim strike",
}


# -- numbers ----------------------------------------------------------------------------------


def number(value: float | int | None) -> str:
    """A number as a person reads it: ``12``, ``12.5``, ``2,500,000`` (no trailing .0)."""
    if value is None:
        return DASH
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    text = f"{value:.6g}"
    if "e" in text:
        return text
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return f"{sign}{whole}.{fraction}" if fraction else f"{sign}{whole}"


def percent(fraction: float | None) -> str:
    """A fraction as a whole percent: ``0.42`` -> ``42%``; ``—`` for None."""
    return DASH if fraction is None else f"{fraction * 100:.0f}%"


def signed(delta: float | int) -> str:
    """A change with its sign: ``+21``, ``-3``, ``0``."""
    if delta == 0:
        return "0"
    return ("+" if delta > 0 else "-") + number(abs(delta))


def _unit(kr: KeyResult) -> str:
    return inert(kr.unit, newlines=False).strip()


def _is_percent(kr: KeyResult) -> bool:
    return kr.kind == "percent" or kr.unit.strip() == "%"


def amount(kr: KeyResult, value: float | int | None, *, unit: bool = True) -> str:
    """A value in the KR's terms: ``2,500 customers``, ``45%``, ``12``; ``—`` for None.
    (A milestone's value is :func:`value_text`'s ``done`` / ``not done``.)"""
    if value is None:
        return DASH
    if _is_percent(kr):
        return f"{number(value)}%"
    shown = _unit(kr) if unit else ""
    return f"{number(value)} {shown}".rstrip()


# -- KR values and measures -----------------------------------------------------------------------


def value_text(kr: KeyResult, value: float | int | None, lang: str | None = None) -> str:
    """A check-in's value of the KR: ``done`` / ``not done`` for a milestone, else
    :func:`amount` (with the unit)."""
    if value is None:
        return DASH
    if kr.kind == "milestone":
        return t("milestone.done" if value >= 1 else "milestone.open", lang)
    return amount(kr, value)


def target_text(kr: KeyResult, lang: str | None = None) -> str:
    """What the KR aims at: ``50 customers``, ``5%``, ``milestone``, ``below 2%``, or
    ``target unknown``."""
    if kr.kind == "milestone":
        return t("kind.milestone", lang)
    if kr.target is None:
        return t("target.unknown", lang)
    if kr.kind in ("stay_below", "stay_above"):
        return t(f"measure.{kr.kind}", lang, level=amount(kr, kr.target))
    return amount(kr, kr.target)


def measure_text(kr: KeyResult, lang: str | None = None) -> str:
    """How a KR is measured, start to target: ``0 → 50 customers``, ``8% → 5%``,
    ``? → 90%`` (start unknown), ``0 → ? 家`` (target unknown), ``milestone``,
    ``stay below 2%``."""
    if kr.kind == "milestone":
        return t("kind.milestone", lang)
    if kr.kind in ("stay_below", "stay_above"):
        level = "?" if kr.target is None else amount(kr, kr.target)
        return t(f"measure.{kr.kind}", lang, level=level)
    start = "?" if kr.start is None else amount(kr, kr.start, unit=False)
    if kr.target is None:
        target = f"? {_unit(kr)}".rstrip() if not _is_percent(kr) else "?%"
    else:
        target = amount(kr, kr.target)
    return f"{start} → {target}"


# -- confidence and statuses ----------------------------------------------------------------------


def confidence_text(confidence: int | None) -> str:
    """``7/10``, or ``—`` when none was given."""
    return DASH if confidence is None else f"{confidence}/10"


def confidence_style(confidence: int | None) -> str:
    """0-3 low (red), 4-7 some doubt (yellow), 8-10 confident (green); none: dim."""
    if confidence is None:
        return "dim"
    return "red" if confidence <= 3 else "yellow" if confidence <= 7 else "green"


def status_text(status: str | None, lang: str | None = None) -> str:
    """An E-item status in words (``on track`` / ``正常``); ``—`` for none."""
    return t(f"status.{status}", lang) if status else DASH


def status_style(status: str | None) -> str:
    return STATUS_STYLES.get(status or "", "dim")
