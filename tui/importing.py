"""``okr import``'s report: what was created, what was inferred, which targets are unknown."""

from __future__ import annotations

from store.okrtext import ParseResult
from tui.i18n import t
from tui.text import inert, number


def measure_text(kind: str, start, target, unit: str) -> str:
    """``0 → 50 customers``, ``14 → 5 days``, ``0 → ? 家``, ``milestone``."""
    if kind == "milestone":
        return t("kind.milestone")
    unit = (
        f" {inert(unit, newlines=False)}" if unit and unit != "%" else ("%" if unit == "%" else "")
    )
    shown_target = "?" if target is None else number(target)
    return f"{number(start)} → {shown_target}{unit}"


def render_import(result: ParseResult, dry_run: bool = False) -> str:
    lines: list[str] = []
    notes = iter(result.notes)
    head = t("import.would_create") if dry_run else t("import.created")
    for o in result.objectives:
        lines.append(f"{head}: {inert(o.title, newlines=False)}   [{o.id}]   {o.start} – {o.end}")
        for kr in o.key_results:
            note = next(notes)
            how = t(f"import.source.{note.source}")
            lines.append(
                f"  KR  {inert(kr.title, newlines=False)}   "
                f"{measure_text(kr.kind, kr.start, kr.target, kr.unit)}   ({how})"
            )
            for item in kr.items:
                lines.append(f"    E  {inert(item.title, newlines=False)}")
    for warning in result.warnings:
        lines.append(f"{t('import.warning')}: {inert(warning, newlines=False)}")
    if result.unknown_targets:
        lines.append(t("import.unknown_head"))
        for note in result.unknown_targets:
            lines.append(f"  - {inert(note.kr_title, newlines=False)}")
        lines.append(t("import.unknown_how"))
    return "\n".join(lines) + "\n"
