"""Bad input everywhere: every command and every field of the export format.

Each bad input is refused with the field or line it concerns, exit 1 or 2, no
traceback, and nothing is written (the data dir's bytes are unchanged).
"""

from __future__ import annotations

import copy
import json

import pytest
from reliability_helpers import EXAMPLES, good_document, refused_cleanly, run, snapshot

from tui.cli import cli

MB_LINE = "x" * 1_000_000
BIG_INT_TEXT = "9" * 5000
NULLABLE = {"owner", "target", "value", "confidence", "added"}
REQUIRED = {
    "": {"format", "version"},
    "objectives[]": {"id", "title", "start", "end"},
    "key_results[]": {"id", "title", "kind", "target"},
    "items[]": {"id", "title"},
    "checkins[]": {"objective", "week", "date"},
    "kr_check": {"kr"},
    "item_check": {"item"},
    "meetings[]": {"date"},
}
TEXTS = {"title", "note", "progress", "adjustment", "notes", "unit", "owner"}
IDS = {"id", "kr", "item", "objective"}
NUMBERS = {"value", "weight", "target"}
DATES = {"date", "end"}
WEEKS = {"week", "added"}
BOOLS = {"active", "archived"}
GENERIC_WRONG = [{"a": 1}, [1]]


def _kind(path: str) -> str:
    """Which record a field path is in: 'objectives[]', 'kr_check', ..."""
    if path.startswith("checkins["):
        if ".key_results[" in path:
            return "kr_check"
        if ".items[" in path:
            return "item_check"
        return "checkins[]"
    if ".items[" in path:
        return "items[]"
    if ".key_results[" in path:
        return "key_results[]"
    if path.startswith("objectives["):
        return "objectives[]"
    if path.startswith("meetings["):
        return "meetings[]"
    return ""


def _bad_values(key: str, path: str, node: dict) -> list:
    kind = _kind(path)
    milestone = kind == "key_results[]" and node.get("kind") == "milestone"
    out = list(GENERIC_WRONG)
    if key not in NULLABLE:
        out.append(None)
    if key in TEXTS:
        out += [12, True, MB_LINE]
        if key == "title":
            out += ["", "   "]
        if key == "unit":
            out.append("u" * 41)
    elif key in IDS:
        out += [12, "", "x" * 65]
        if key in ("kr", "item", "objective"):
            out.append("nope")
    elif key == "start" and kind == "objectives[]" or key in DATES:
        out += ["2026-13", "2026-13-01", "2026-02-30", "20261005", 20261005, ""]
    elif key in WEEKS:
        out += ["2026-W60", "2026-W00", "2026-41", 41]
    elif key in NUMBERS or key == "start":
        out += ["12", True, float("nan"), float("inf"), "<1e309>", 10**30, "<BIGINT>"]
        if key == "weight":
            out += [-1, 0]
        if key != "weight" and (milestone or key == "value" and path.endswith("[1]")):
            out += [0.5, 2]
    elif key == "confidence":
        out += [11, -1, 2.5, "7", True]
    elif key in BOOLS:
        out += ["true", 1]
    elif key == "status":
        out += ["bogus", 3]
    elif key == "kind":
        out += ["bogus"]
    elif key == "format":
        out += ["other"]
    elif key == "version":
        out += [3, "1", True, 0]
    return out


def _walk(node, path=""):
    """(path, dict, key) for every field of every record of the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, node, key
            yield from _walk(value, f"{path}.{key}" if path else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")


def _at(doc, path):
    node = doc
    for part in path.replace("[", ".[").split(".") if path else []:
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    return node


def restore_cases() -> list[tuple[str, str, str]]:
    """(row id, document text, text the error must hold)."""
    cases = []
    good = good_document()
    for path, node, key in _walk(good):
        field = f"{path}.{key}" if path else key
        for value in _bad_values(key, path, node):
            doc = copy.deepcopy(good)
            _at(doc, path)[key] = value
            text = json.dumps(doc).replace('"<1e309>"', "1e309").replace('"<BIGINT>"', BIG_INT_TEXT)
            shown = repr(value)[:20]
            cases.append((f"{field}={shown}", text, field))
        if (
            key in REQUIRED.get(_kind(path + ".x"), set())
            and path
            or key in REQUIRED[""]
            and not path
        ):
            doc = copy.deepcopy(good)
            del _at(doc, path)[key]
            cases.append((f"{field} missing", json.dumps(doc), field))
    # unknown fields in every record, wrong containers, references, duplicates
    for path in [
        "",
        "objectives[0]",
        "objectives[0].key_results[0]",
        "objectives[0].key_results[0].items[0]",
        "checkins[0]",
        "checkins[0].key_results[0]",
        "checkins[0].items[0]",
        "meetings[0]",
    ]:
        doc = copy.deepcopy(good)
        _at(doc, path)["zz"] = 1
        cases.append((f"{path}.zz unknown", json.dumps(doc), f"{path}.zz" if path else "zz"))
    for lst in [
        "objectives",
        "checkins",
        "meetings",
        "objectives[0].key_results",
        "objectives[0].key_results[0].items",
        "checkins[0].key_results",
        "checkins[0].items",
    ]:
        for value in ("x", {"a": 1}, [1]):
            doc = copy.deepcopy(good)
            parent, _, key = lst.rpartition(".")
            _at(doc, parent)[key] = value
            cases.append((f"{lst}={value!r}", json.dumps(doc), lst))
    doc = copy.deepcopy(good)
    doc["objectives"].append(copy.deepcopy(doc["objectives"][0]))
    cases.append(("duplicate objective", json.dumps(doc), "objectives[1].id"))
    doc = copy.deepcopy(good)
    doc["checkins"].append(copy.deepcopy(doc["checkins"][0]))
    cases.append(("second check-in of a week", json.dumps(doc), "checkins[1].week"))
    doc = copy.deepcopy(good)
    doc["objectives"][0]["end"] = "2026-09-01"
    cases.append(("period ends before it starts", json.dumps(doc), "objectives[0].end"))
    doc = copy.deepcopy(good)
    doc["objectives"][0]["key_results"][0]["target"] = 0
    cases.append(("target equals start", json.dumps(doc), "objectives[0].key_results[0].target"))
    doc = copy.deepcopy(good)
    doc["objectives"][0]["key_results"][1]["items"] = [{"id": "e1", "title": "again"}]
    cases.append(("item id used twice", json.dumps(doc), "objectives[0].key_results"))
    for name, text in [
        ("empty file", ""),
        ("not JSON", "{"),
        ("a list", "[]"),
        ("binary", "\x00\x01\x02"),
        ("a string", '"okr"'),
    ]:
        cases.append((name, text, ""))
    return cases


RESTORE_CASES = restore_cases()


def command_cases(tmp_path) -> list[tuple[str, list, bytes | None, str]]:
    """(row id, arguments, stdin, text the error must hold) for every other command."""
    seed = EXAMPLES / "seed-okr-en.txt"
    binary = tmp_path / "binary.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    rows = [
        ("import E before KR", ["import", "-"], b"O: goal\nE: plan\n", "line 2"),
        ("import KR before O", ["import", "-"], b"KR: win 5 customers\n", "line 1"),
        ("import not OKR", ["import", "-"], b"O: goal\nE: hello\n", "line 2"),
        ("import empty", ["import", "-"], b"", "no objective"),
        ("import blank", ["import", "-"], b"\n\n  \n", "no objective"),
        ("import 1 MB line", ["import", "-"], ("O: " + MB_LINE + "\n").encode(), "line 1"),
        ("import binary", ["import", binary], None, "not text"),
        ("import ESC", ["import", "-"], b"O: \x1b[2Jgoal\n", "line"),
        ("import no file", ["import", tmp_path / "nope.txt"], None, "nope.txt"),
        ("import directory", ["import", tmp_path], None, str(tmp_path)),
        ("import --month 2026-13", ["import", seed, "--month", "2026-13"], None, "--month"),
        (
            "import --start bad",
            ["import", seed, "--start", "2026-02-30", "--end", "2026-03-01"],
            None,
            "--start",
        ),
        ("import --end alone", ["import", seed, "--end", "2026-10-31"], None, "--start"),
        (
            "import end<start",
            ["import", seed, "--start", "2026-10-31", "--end", "2026-10-01"],
            None,
            "--end",
        ),
        ("import KR equal", ["import", "-"], b"O: g\nKR: [5 -> 5 bugs] fix\n", "line 2"),
        (
            "import huge target",
            ["import", "-"],
            b"O: g\nKR: win 10000000000000000000 users\n",
            "line 2",
        ),
        ("--lang xx", ["--lang", "xx", "list"], None, "--lang"),
        ("checkin --week 2026-W60", ["checkin", "--week", "2026-W60"], None, "--week"),
        ("checkin --week 2026-13", ["checkin", "--week", "2026-13"], None, "--week"),
        ("checkin --objective nope", ["checkin", "--objective", "nope"], None, "nope"),
        ("restore no file", ["restore", tmp_path / "nope.json"], None, "nope.json"),
        ("restore binary", ["restore", binary], None, str(binary)),
        ("restore 1 MB line", ["restore", "-"], MB_LINE.encode(), "standard input"),
    ]
    if "summary" in cli.commands:
        rows += [
            ("summary --month 2026-13", ["summary", "--month", "2026-13"], None, "--month"),
            ("summary --month 2026-1", ["summary", "--month", "2026-1"], None, "--month"),
            ("summary --lang xx", ["summary", "--lang", "xx"], None, "--lang"),
            ("summary --format pdf", ["summary", "--format", "pdf"], None, "--format"),
            ("summary --objective nope", ["summary", "--objective", "nope"], None, "--objective"),
        ]
    if "prep" in cli.commands:
        rows += [
            ("prep --since 2026-02-30", ["prep", "--since", "2026-02-30"], None, "--since"),
            ("prep --since 2026-W41", ["prep", "--since", "2026-W41"], None, "--since"),
            ("prep --lang xx", ["prep", "--lang", "xx"], None, "--lang"),
            (
                "prep --record --date bad",
                ["prep", "--record", "--date", "2026-13-01"],
                None,
                "--date",
            ),
            ("prep --record 1 MB notes", ["prep", "--record", "--notes", MB_LINE], None, "notes"),
            ("prep --notes without --record", ["prep", "--notes", "x"], None, "--notes"),
        ]
    if "due" in cli.commands:
        rows += [("due --lang xx", ["due", "--lang", "xx"], None, "--lang")]
    return rows


@pytest.fixture
def filled(data_dir, tmp_path):
    doc = tmp_path / "good.json"
    doc.write_text(json.dumps(good_document()))
    assert run(data_dir, "restore", doc).exit_code == 0
    return data_dir


def test_every_bad_input_is_refused_and_nothing_written(filled, tmp_path, data_dir):
    refused, failures = 0, []
    before = snapshot(data_dir)
    rows = [(name, ["restore", "-"], text.encode(), field) for name, text, field in RESTORE_CASES]
    rows += command_cases(tmp_path)
    for name, args, stdin, must in rows:
        result = run(data_dir, *args, input=stdin)
        ok = refused_cleanly(result) and must in result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        ok = ok and len(errors) == 1 and must in errors[0]  # one sentence, naming the field
        ok = ok and snapshot(data_dir) == before
        if ok:
            refused += 1
        else:
            failures.append(f"{name}: exit {result.exit_code}: {result.stderr[:200]!r}")
    print(f"\nbad inputs: {refused}/{len(rows)} refused ({len(RESTORE_CASES)} restore documents)")
    assert failures == [], "\n".join(failures)
    assert refused == len(rows) > 250


def test_nothing_is_created_when_the_first_input_is_bad(data_dir, tmp_path):
    """On an empty data dir a refused command does not even create the store."""
    for name, args, stdin, _ in command_cases(tmp_path):
        result = run(data_dir, *args, input=stdin)
        assert refused_cleanly(result), name
        assert not (data_dir / "okr.json").exists(), name
    result = run(data_dir, "restore", "-", input=RESTORE_CASES[0][1])
    assert refused_cleanly(result) and not (data_dir / "okr.json").exists()
