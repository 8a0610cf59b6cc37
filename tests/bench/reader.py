"""How long the OKR reader takes on big and hostile pastes (prints numbers; no goal).

    python tests/bench/reader.py

The paste box re-reads its text after each pause in typing, so a paste must be read in
well under a second: a 2,000-line page, and single lines of 10,000 characters made of
numbers (each number's words are looked for only a bounded way back: linear time).
"""

from __future__ import annotations

import contextlib
import time

from store.okrmeasure import infer_measure
from store.okrtext import parse_okr_text

LINES = [
    "10 " * 3300,
    "Win 10 " * 1400,
    "by 25% " * 1400,
    "2026 " * 1900,
    "below 2% " * 1100,
    "新增三千名 " * 1600,
    "XX " * 3000,
]


def page(objectives: int = 300) -> str:
    out = []
    for i in range(objectives):
        out.append(f"Objective {i}: Grow the business")
        out += [
            "- Increase MRR from $50k to $80k",
            "- 将客户流失率控制在2%以内",
            "- 新增三千名会员",
            "- Reduce complaints by 25%",
            "  - call leads",
            "Some prose here.",
        ]
    return "\n".join(out)


def main() -> None:
    text = page()
    started = time.perf_counter()
    parse_okr_text(text, start="2026-10-01", end="2026-10-31")
    print(
        f"{len(text.splitlines()):>6} lines of a page       {time.perf_counter() - started:.3f} s"
    )
    for line in LINES:
        started = time.perf_counter()
        with contextlib.suppress(ValueError):
            infer_measure(line)
        print(f"{len(line):>6} chars {line[:12]!r:16}  {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
