"""Numbers as people type them: the one parser of the import, the check-in and the editor.

Accepted: ``21``, ``-3``, ``2.5``, ``1,500`` and ``1,500,000.5`` (commas only between
groups of three: ``1,2,3`` is not 123), full-width digits and punctuation (``１２``,
``１，５００``), a trailing ``%`` (``45%``), multipliers glued to the number (``2.5k``,
``10w`` / ``10万`` = 100,000, ``3千``, ``1.2亿``, ``5m`` = 5,000,000, ``2bn``), and Chinese
numerals (``十万`` = 100,000, ``两百``, ``三千``, ``一万五`` = 15,000, ``1万5``, ``二十五``,
``负三``), read by the well-kept ``cn2an`` library (imported only when such a
character is typed: it costs ~0.1 s to import).

:class:`NumberError` says why a text is refused: ``not_a_number`` or ``too_large``
(over 10^15, the model's bound), so the user reads "too large", not "not a number".
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from store.errors import Msg

MAX_VALUE = Decimal(10) ** 15  # the model's bound on numbers (store.model.check_number)

# Characters that make a text a Chinese numeral (read by cn2an): digits, units, 负 (minus).
CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億负"
_CHINESE_ONLY = re.compile(f"[{CHINESE_NUMERAL_CHARS}]")

# Multipliers glued to a number's end (after NFKC and lowercasing).
_SUFFIXES = {
    "k": 10**3,
    "千": 10**3,
    "w": 10**4,
    "万": 10**4,
    "萬": 10**4,
    "m": 10**6,
    "bn": 10**9,
    "亿": 10**8,
    "億": 10**8,
}
_PLAIN = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+]?\.\d+")


class NumberError(ValueError):
    """A text that is not a number we can store; ``reason`` is ``not_a_number`` or
    ``too_large``."""

    def __init__(self, text: str, reason: str) -> None:
        self.message = Msg(f"number.{reason}", text=repr(text))
        super().__init__(str(self.message))
        self.text = text
        self.reason = reason


def parse_decimal(text: str) -> Decimal | None:
    """The number a text says, exactly; None for an empty text; NumberError otherwise."""
    s = unicodedata.normalize("NFKC", text).strip().lower()
    s = s.replace(" ", "").replace("_", "").replace("\u3000", "")
    if not s:
        return None
    s = s.removesuffix("%")
    value = _plain_with_suffix(s)
    if value is None and _CHINESE_ONLY.search(s):
        value = _chinese(s)
    if value is None:
        raise NumberError(text, "not_a_number")
    if abs(value) > MAX_VALUE:
        raise NumberError(text, "too_large")
    return value


def parse_number(text: str) -> int | float | None:
    """:func:`parse_decimal` as the model stores it: an int when whole, else a float."""
    value = parse_decimal(text)
    if value is None:
        return None
    return to_model(value)


def to_model(value: Decimal) -> int | float:
    """A Decimal as the model stores it: an int when whole, a float otherwise."""
    if value == value.to_integral_value():
        return int(value)
    return round(float(value), 9)


def _plain_with_suffix(s: str) -> Decimal | None:
    """``1,500``, ``2.5k``, ``10万``, ``1.2亿``; None when it is not of that form."""
    factor = 1
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if s.endswith(suffix) and len(s) > len(suffix):
            factor, s = _SUFFIXES[suffix], s[: -len(suffix)]
            break
    if not _PLAIN.fullmatch(s):
        return None
    try:
        return Decimal(s.replace(",", "")) * factor
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def read_chinese(text: str) -> Decimal | None:
    """A Chinese numeral (``十万``, ``两百``, ``一万五``, ``1万5``), None if it is not one.
    For the import, which finds such runs inside a sentence."""
    return _chinese(unicodedata.normalize("NFKC", text).strip())


def _chinese(s: str) -> Decimal | None:
    import cn2an  # local: ~0.1 s to import, and only Chinese numerals need it

    try:
        value = cn2an.cn2an(s, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:  # pragma: no cover - cn2an returns int or float
        return None
