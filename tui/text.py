"""Text for the terminal: cell widths (wide characters take two cells) and inert user text.

``inert`` is applied to every piece of user data before it reaches a terminal:
escape sequences (ESC, CSI, OSC), BEL and other control characters and
bidirectional overrides are shown as visible placeholders, never interpreted.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Bidirectional controls that can reorder what a terminal shows (Trojan Source).
_BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _inert_char(ch: str) -> str:
    code = ord(ch)
    if ch in "\n\t":
        return ch
    if code < 0x20 or code == 0x7F:
        return chr(0x2400 + code) if code < 0x20 else "\u2421"  # ␛ ␇ ␡ ...
    if 0x80 <= code < 0xA0 or ch in _BIDI:
        return f"<U+{code:04X}>"
    return ch


def inert(text: str, *, newlines: bool = True) -> str:
    """``text`` with every control character made visible and harmless."""
    if text.isprintable() and "\x1b" not in text:
        return text
    out = "".join(_inert_char(ch) for ch in text)
    return out if newlines else out.replace("\n", " ")


@lru_cache(maxsize=4096)
def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cell_width(text: str) -> int:
    """Terminal cells taken by ``text`` (CJK and full-width characters take two)."""
    if text.isascii():
        return len(text)
    return sum(char_width(ch) for ch in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells, ending in an ellipsis when it was cut."""
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        w = char_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def pad(text: str, width: int, align: str = "<") -> str:
    """``text`` fitted and padded to exactly ``width`` cells."""
    text = fit(text, width)
    gap = " " * (width - cell_width(text))
    return gap + text if align == ">" else text + gap


def bar(fraction: float | None, width: int = 10) -> str:
    """A text progress bar: ``[######----]``; empty dots when there is no progress."""
    if fraction is None:
        return "[" + "·" * width + "]"
    filled = round(max(0.0, min(1.0, fraction)) * width)
    return "[" + "#" * filled + "-" * (width - filled) + "]"


def percent(fraction: float | None) -> str:
    return "—" if fraction is None else f"{fraction * 100:.0f}%"


def number(value: float | int | None) -> str:
    """A number as a person writes it: 12, 12.5, 100000 (no trailing .0)."""
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6g}"
