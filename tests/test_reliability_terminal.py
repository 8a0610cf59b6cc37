"""Terminal safety: escape sequences, control characters and bidi overrides in user data are
stored as typed but reach no terminal raw: every command's output and the TUI show them inert."""

from __future__ import annotations

import contextlib
import copy
import json

import pytest
from reliability_helpers import good_document, run

from store.repo import Store, parse_document
from tui.cli import cli

NASTY = "A\x1b[2J\x1b]52;c;aGk=\x07B\x07\x9b31m\u202eC\x08\x7f\x85D"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x08", "\x7f", "\x85")
TEXT_FIELDS = {"title", "note", "progress", "adjustment", "notes", "owner"}


def nasty_document() -> dict:
    doc = copy.deepcopy(good_document())

    def poison(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in TEXT_FIELDS and isinstance(value, str):
                    node[key] = f"{key} {NASTY}"
                else:
                    poison(value)
        elif isinstance(node, list):
            for value in node:
                poison(value)

    poison(doc)
    doc["objectives"][0]["key_results"][0]["unit"] = "c\x1b[1m\u202e"
    # The current week and month, so that summary, prep and due show them.
    doc["objectives"][0]["start"], doc["objectives"][0]["end"] = "2026-10-01", "2026-10-31"
    doc["checkins"][0]["week"], doc["checkins"][0]["date"] = "2026-W42", "2026-10-12"
    return doc


def leaks(text: str) -> list[str]:
    return [repr(ch) for ch in RAW if ch in text]


@pytest.fixture
def nasty_store(data_dir, tmp_path):
    doc = tmp_path / "nasty.json"
    doc.write_text(json.dumps(nasty_document()), encoding="utf-8")
    result = run(data_dir, "restore", doc)
    assert result.exit_code == 0, result.output
    return data_dir


def commands(tmp_path) -> list[list[str]]:
    rows = [["list"], ["list", "--all"], ["export"], ["export", "-o", tmp_path / "e.json"]]
    rows += [["backups"], ["restore", tmp_path / "nasty.json"]]
    if "summary" in cli.commands:
        rows += [["summary", "--month", "2026-10", "--format", f] for f in ("md", "text", "json")]
        rows += [["summary", "--month", "2026-10", "--lang", "zh"]]
    if "prep" in cli.commands:
        rows += [["prep", "--since", "2026-10-01", "--format", f] for f in ("md", "text", "json")]
    if "due" in cli.commands:
        rows += [["due"]]
    return rows


def test_every_command_output_is_inert(nasty_store, tmp_path):
    clean, found = 0, []
    rows = commands(tmp_path)
    for args in rows:
        result = run(nasty_store, *args)
        assert "Traceback" not in result.output, args
        bad = leaks(result.stdout) + leaks(result.stderr)
        if bad:
            found.append(f"okr {' '.join(map(str, args))}: raw {', '.join(bad)}")
        else:
            clean += 1
    exported = (tmp_path / "e.json").read_text(encoding="utf-8")
    assert not leaks(exported)  # export -o is as safe to `cat` as the store file
    print(f"\nterminal: {clean}/{len(rows)} command outputs inert")
    for line in found:
        print("  LEAK", line)
    assert found == []


def test_stored_and_exported_exactly_as_typed(nasty_store):
    store = Store(nasty_store)
    assert store.export() == as_version_2(nasty_document())
    text = store.path.read_text(encoding="utf-8")
    assert not leaks(text)  # escaped as \\u001b ... in the file: `cat okr.json` is safe
    result = run(nasty_store, "export")
    assert json.loads(result.stdout) == as_version_2(nasty_document())


def as_version_2(document: dict) -> dict:
    """A version 1 document as okr export writes it: version 2, every field spelled out."""
    objectives, checkins, meetings = parse_document(document)
    return {
        "format": "okr-checkin",
        "version": 2,
        "objectives": [o.to_dict() for o in objectives],
        "checkins": [c.to_dict() for c in checkins],
        "meetings": [m.to_dict() for m in meetings],
    }


def test_import_report_is_inert(data_dir):
    # The parser refuses C0/C1 controls (line 0); a bidi override is text it keeps.
    text = "O: goal \u202e evil\nKR: win 5 customers \u2066x\u2069\nE: plan \u202d\n"
    result = run(data_dir, "import", "-", input=text.encode())
    assert result.exit_code == 0, result.output
    assert not leaks(result.stdout + result.stderr)
    assert "\u202e" in Store(data_dir).objectives()[0].title  # stored as typed
    refused = run(data_dir, "import", "-", input=b"O: \x1b]52;c;aGk=\x07\n")
    assert refused.exit_code == 1 and not leaks(refused.stdout + refused.stderr)


async def test_home_screen_renders_inert(nasty_store):
    from tui.app import OkrApp

    app = OkrApp(Store(nasty_store))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        svg = app.export_screenshot()
        texts = []
        for widget in app.screen.walk_children():
            with contextlib.suppress(Exception):  # some widgets render only when laid out
                texts.append(str(widget.render()))
    assert "title" in svg  # the objective is on screen
    assert not leaks(svg), leaks(svg)
    assert not leaks("\n".join(texts))


def test_ids_with_control_characters_are_not_shown_raw(data_dir):
    doc = good_document()
    doc["objectives"][0]["id"] = "o\u202e\x1b[2J"
    doc["checkins"][0]["objective"] = doc["objectives"][0]["id"]
    restored = run(data_dir, "restore", "-", input=json.dumps(doc))
    listed = run(data_dir, "list")
    assert restored.exit_code == 1 or not leaks(listed.stdout)
