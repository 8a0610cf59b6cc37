"""``okr import``'s report: what was created, what was inferred, which targets are unknown."""

from __future__ import annotations

from store.okrtext import ParseResult
from tui.format import measure_text
from tui.i18n import t
from tui.text import inert


def render_import(result: ParseResult, dry_run: bool = False) -> str:
    lines: list[str] = []
    notes = iter(result.notes)
    head = t("import.would_create") if dry_run else t("import.created")
    for o in result.objectives:
        lines.append(f"{head}: {inert(o.title, newlines=False)}   [{o.id}]   {o.start} – {o.end}")
        for kr in o.key_results:
            note = next(notes)
            how = t(f"import.source.{note.source}")
            lines.append(f"  KR  {inert(kr.title, newlines=False)}   {measure_text(kr)}   ({how})")
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
