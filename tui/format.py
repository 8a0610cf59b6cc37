"""Values, measures, confidences and statuses as text and styles: one place for every
screen and report.

A KR's value reads the same on home, in the check-in, in history and in the summary:
``2,500 customers``, ``45%``, ``8% → 5%``, ``done``. Styles are Rich style strings
(``"green"``), so the command line's reports can use this module without importing
Rich; screens wrap them in ``Text``. ``lang=None`` is the UI's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.model import THRESHOLDS
from tui.i18n import t
from tui.text import inert

if TYPE_CHECKING:
    from store.model import KeyResult
    from store.rollup import KRMonth


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
    """A number as a person reads it: ``12``, ``12.5``, ``2,500,000`` (no trailing .0),
    six significant digits for a fraction (``1,234,567.5`` reads ``1,234,568``), never
    an exponent from 0.001 up."""
    if value is None:
        return DASH
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    if abs(value) >= 1:
        digits = len(str(int(abs(value))))
        text = f"{value:,.{max(0, 6 - digits)}f}"
    elif abs(value) >= 0.001:
        text = f"{value:.6f}"
    else:
        return f"{value:.6g}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def typed(value: float | int | None) -> str:
    """The text a number is typed back as in a field: exact, no separators (``2500``,
    ``12.5``, ``0.000001``); empty for None. ``store.numbers.parse_number`` reads it back
    to the same value."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    from decimal import Decimal

    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


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


def value_text(
    kr: KeyResult, value: float | int | None, lang: str | None = None, *, unit: bool = True
) -> str:
    """A check-in's value of the KR: ``done`` / ``not done`` for a milestone, else
    :func:`amount` (with the unit unless ``unit=False``; a percent keeps its ``%``)."""
    if value is None:
        return DASH
    if kr.kind == "milestone":
        return t("milestone.done" if value >= 1 else "milestone.open", lang)
    return amount(kr, value, unit=unit)


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


def standing(kr: KeyResult, value: float | int | None, lang: str | None = None) -> str:
    """A value against what the KR aims at, as a card or ``okr list`` shows it:
    ``12 / 50 customers``, ``7.5% / 5%``, ``— / ? 家`` (target unknown), ``done``,
    ``1.5% (stay below 2%)``."""
    if kr.kind == "milestone":
        return value_text(kr, value or 0, lang)
    if kr.kind in ("stay_below", "stay_above"):
        return f"{amount(kr, value)} ({measure_text(kr, lang)})"
    if kr.target is None:
        target = "?%" if _is_percent(kr) else f"? {_unit(kr)}".rstrip()
    else:
        target = amount(kr, kr.target)
    return f"{amount(kr, value, unit=False)} / {target}"


def unknown_text(kr: KeyResult, lang: str | None = None) -> str:
    """Why a KR has no score: ``start unknown`` / ``target unknown``; empty when it has
    one (its start and target, or its level, are known: ``KeyResult.measurable``)."""
    if kr.kind == "milestone":
        return ""
    if kr.kind not in ("stay_below", "stay_above") and kr.start is None:
        return t("format.start_unknown", lang)
    return t("target.unknown", lang) if kr.target is None else ""


def aside(text: str, lang: str | None = None) -> str:
    """``(text)``, with full-width brackets in Chinese."""
    return t("format.aside", lang, text=text)


def left_out(labels: list[str], lang: str | None = None) -> str:
    """What a score leaves out, said beside it: ``KR2 not in the score: start or target
    unknown``; empty when every KR counts (``store.model.unscored``)."""
    if not labels:
        return ""
    return t("format.left_out", lang, krs=t("format.list_sep", lang).join(labels))


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


SPARK = "▁▂▃▄▅▆▇█"


def sparkline(kr: KeyResult | KRMonth, values: list[float | None]) -> str:
    """Weekly values as block characters, scaled from the KR's start to its target (home's
    cards, the month summary's table: anything with a kind, start and target); a week
    without a value is a space."""
    known = [v for v in values if v is not None]
    if not known:
        return ""
    if kr.kind == "milestone":
        low, high = 0, 1
    elif kr.kind in THRESHOLDS:  # around the level; below it is better for stay_below
        span = known + ([kr.target] if kr.target is not None else [])
        low, high = min(span), max(span)
        if kr.kind == "stay_below":
            low, high = high, low
    else:  # an unknown start or target: the values' own range stands in for it
        low = kr.start if kr.start is not None else min(known)
        high = kr.target if kr.target is not None else max(known)
    lo, hi = min(low, high), max(low, high)
    span = (hi - lo) or 1
    out = []
    for v in values:
        if v is None:
            out.append(" ")
            continue
        f = (v - lo) / span
        if high < low:  # decreasing KR: lower is better, so the bar grows as it falls
            f = 1 - f
        out.append(SPARK[round(max(0.0, min(1.0, f)) * (len(SPARK) - 1))])
    return "".join(out)
