"""``okr import``'s report: what was created, the words each KR's numbers were read
from, the lines skipped as prose, and what is still asked (starts, targets)."""

from __future__ import annotations

from store.okrtext import KRNote, ParseResult
from tui.format import measure_text
from tui.i18n import t
from tui.text import inert

SKIPPED_SHOWN = 60  # characters of a skipped line shown


def _q(text: str) -> str:
    """User text in quotes, on one line, harmless for the terminal."""
    return t("import.quoted", text=inert(text, newlines=False))


def relative_text(relative: float) -> str:
    """``+30%``, ``-25%``, ``+100%``: a change relative to the start."""
    return f"{relative * 100:+.4g}%"


def how_read(note: KRNote) -> str:
    """Where the KR's measure came from: the words, the bracket, or no number."""
    if note.source == "default":
        return t("import.source.default")
    if note.source == "explicit":
        return t("import.as_written", words=_q(note.read_from))
    return t("import.read_from", words=_q(note.read_from))


def measure_line(kr, note: KRNote) -> str:
    """``50,000 → 80,000 $``, ``? → ?, target = start -25%``, ``stay below 2%``."""
    shown = measure_text(kr)
    if note.relative is not None:
        shown += t("import.relative_target", change=relative_text(note.relative))
    return shown


def render_import(result: ParseResult, dry_run: bool = False) -> str:
    lines: list[str] = []
    notes = iter(result.notes)
    head = t("import.would_create") if dry_run else t("import.created")
    for o in result.objectives:
        lines.append(
            f"{head}{t('import.colon')}{inert(o.title, newlines=False)}   [{o.id}]   "
            f"{o.start} – {o.end}"
        )
        for kr in o.key_results:
            note = next(notes)
            lines.append(f"  KR  {inert(kr.title, newlines=False)}")
            lines.append(
                f"      {measure_line(kr, note)}   {t('import.paren', text=how_read(note))}"
            )
            for item in kr.items:
                lines.append(f"    E  {inert(item.title, newlines=False)}")
    for warning in result.warnings:
        lines.append(f"{t('import.warning')}{t('import.colon')}{inert(warning, newlines=False)}")
    if result.skipped:
        lines.append(t("import.skipped_head", n=len(result.skipped)))
        for number, text in result.skipped:
            shown = text if len(text) <= SKIPPED_SHOWN else text[:SKIPPED_SHOWN] + "…"
            lines.append(
                f"  {t('import.line', n=number)}{t('import.colon')}{inert(shown, newlines=False)}"
            )
    if result.unknown_starts:
        lines.append(t("import.starts_head"))
        for note in result.unknown_starts:
            lines.append(f"  - {inert(note.kr_title, newlines=False)}")
    if result.unknown_targets:
        lines.append(t("import.unknown_head"))
        for note in result.unknown_targets:
            lines.append(f"  - {inert(note.kr_title, newlines=False)}")
        lines.append(t("import.unknown_how"))
    return "\n".join(lines) + "\n"
