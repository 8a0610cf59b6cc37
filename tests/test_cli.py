"""The command line: every foundation command and its error paths, through click's runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import store as store_package
from store.repo import Store
from tui.cli import VERSION, cli

EXAMPLES = Path(store_package.__file__).parent / "examples"


def run(data_dir, *args, input=None):
    result = CliRunner().invoke(cli, ["--data", str(data_dir), *args], input=input)
    return result


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and VERSION in result.output


def test_python_m_tui_version():
    out = subprocess.run([sys.executable, "-m", "tui", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and VERSION in out.stdout


def test_import_chinese_example(data_dir):
    result = run(data_dir, "import", str(EXAMPLES / "seed-okr-zh.txt"), "--month", "2026-10")
    assert result.exit_code == 0, result.output
    assert "完成10月XX家新客户的开发" in result.output
    assert "Targets still unknown" in result.output
    [o] = Store(data_dir).objectives()
    assert (o.start, o.end) == ("2026-10-01", "2026-10-31")
    assert [len(kr.items) for kr in o.key_results] == [2, 2, 2]
    kinds = [(kr.kind, kr.target, kr.unit) for kr in o.key_results]
    assert kinds == [("milestone", 1, ""), ("number", None, "家"), ("number", 100000, "粉丝")]


def test_import_english_example_from_stdin(data_dir):
    text = (EXAMPLES / "seed-okr-en.txt").read_text(encoding="utf-8")
    result = run(data_dir, "import", "-", input=text)
    assert result.exit_code == 0, result.output
    [o] = Store(data_dir).objectives()
    assert [kr.target for kr in o.key_results] == [1, 50, 100000]
    assert (o.start, o.end) == ("2026-10-01", "2026-10-31")  # the current month (today is pinned)
    assert "unknown" not in result.output


def test_import_dry_run_creates_nothing(data_dir):
    result = run(data_dir, "import", "--dry-run", str(EXAMPLES / "seed-okr-en.txt"))
    assert result.exit_code == 0
    assert "dry run" in result.output
    assert Store(data_dir).objectives() == []


def test_import_start_end(data_dir):
    result = run(
        data_dir,
        "import",
        "--start",
        "2026-10-01",
        "--end",
        "2026-12-31",
        str(EXAMPLES / "seed-okr-en.txt"),
    )
    assert result.exit_code == 0
    [o] = Store(data_dir).objectives()
    assert (o.start, o.end) == ("2026-10-01", "2026-12-31")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["import", "--month", "2026-13", "x.txt"], 2, "is not a month"),
        (["import", "--start", "2026-10-01", "x.txt"], 2, "go together"),
        (
            [
                "import",
                "--month",
                "2026-10",
                "--start",
                "2026-10-01",
                "--end",
                "2026-10-02",
                "x.txt",
            ],
            2,
            "either",
        ),
        (["import", "missing.txt"], 1, "does not exist"),
        (["restore", "missing.json"], 1, "does not exist"),
        (["checkin", "--week", "2026-W60"], 2, "has no week 60"),
        (["nope"], 2, "No such command"),
        (["--lang", "fr", "list"], 2, "fr"),
    ],
)
def test_usage_and_file_errors(data_dir, args, code, message):
    result = run(data_dir, *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("text", "line"),
    [("", 0), ("E: an item first\n", 1), ("Intro\nKR1: y\nO: x\n", 2), ("O: x\n\nE: z\n", 3)],
)
def test_import_refuses_non_okr_text_with_line(data_dir, text, line):
    result = run(data_dir, "import", "-", input=text)
    assert result.exit_code == 1
    assert (f"line {line}:" in result.output) == bool(line)  # the whole text: no line 0
    assert not (data_dir / "okr.json").exists()


def test_import_refuses_binary(data_dir, tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)))
    result = run(data_dir, "import", str(binary))
    assert result.exit_code == 1
    assert "not text" in result.output


def test_list_empty_and_full(data_dir):
    assert "No objectives yet" in run(data_dir, "list").output
    run(data_dir, "import", str(EXAMPLES / "seed-okr-en.txt"))
    result = run(data_dir, "list")
    assert result.exit_code == 0
    assert "Build a successful customer-expansion team" in result.output
    assert "— / 50 new customers" in result.output


def test_list_chinese_aligns(data_dir):
    run(data_dir, "import", str(EXAMPLES / "seed-okr-zh.txt"))
    from tui.text import cell_width

    out = run(data_dir, "--lang", "zh", "list").output.splitlines()
    kr_lines = [line for line in out if "[··········]" in line]
    assert len(kr_lines) == 3
    assert (
        len({cell_width(line.split("[")[0]) for line in kr_lines}) == 1
    )  # bars start in one column
    assert "目标值未定" in out[3]


def test_export_restore_round_trip(data_dir, tmp_path, demo_store):
    exported = run(data_dir, "export")
    assert exported.exit_code == 0
    other = tmp_path / "other"
    restored = run(other, "restore", "-", input=exported.output)
    assert restored.exit_code == 0, restored.output
    assert "Restored 1 objectives, 3 check-ins" in restored.output
    assert run(other, "export").output == exported.output


def test_export_to_file_is_private(data_dir, tmp_path, demo_store):
    target = tmp_path / "out.json"
    result = run(data_dir, "export", "-o", str(target))
    assert result.exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "okr-checkin"


def test_restore_backs_up_and_names_bad_field(data_dir, tmp_path, demo_store):
    doc = demo_store.export()
    before = demo_store.path.read_bytes()
    doc["checkins"][2]["key_results"][1]["confidence"] = 11
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run(data_dir, "restore", str(bad))
    assert result.exit_code == 1
    assert "checkins[2].key_results[1].confidence: expected an integer 0-10" in result.output
    assert demo_store.path.read_bytes() == before

    good = tmp_path / "good.json"
    doc["checkins"][2]["key_results"][1]["confidence"] = 3
    good.write_text(json.dumps(doc), encoding="utf-8")
    result = run(data_dir, "restore", str(good))
    assert result.exit_code == 0
    assert "backed up at" in result.output
    backups = list((data_dir / "backups").glob("okr-*-restore.json"))  # (and a daily one)
    assert len(backups) == 1 and backups[0].read_bytes() == before
    assert Store(data_dir).checkins()[2].key_results[1].confidence == 3


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("not json", "is not a JSON document"),
        ("[]", "expected a JSON object"),
        ('{"format": "okr-checkin", "version": 3}', "version: unknown version 3"),
        ('{"format": "other", "version": 1}', 'format: expected "okr-checkin"'),
        (
            '{"format": "okr-checkin", "version": 1, "objectives": {}}',
            "objectives: expected a list",
        ),
        (
            '{"format": "okr-checkin", "version": 1, "checkins": [{"objective": "o9", "week": "2026-W41", "date": "2026-10-05"}]}',
            "checkins[0].objective: unknown objective",
        ),
    ],
)
def test_restore_refuses(data_dir, document, message):
    result = run(data_dir, "restore", "-", input=document)
    assert result.exit_code == 1
    assert message in result.output
    assert not (data_dir / "okr.json").exists()


def test_damaged_store_is_one_sentence(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "okr.json").write_text("{oops")
    result = run(data_dir, "list")
    assert result.exit_code == 1
    assert "is not a valid okr-checkin store" in result.output
    assert "Traceback" not in result.output
    assert (data_dir / "okr.json").read_text() == "{oops"


def test_data_dir_from_environment(data_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("OKR_DATA_DIR", str(tmp_path / "env"))
    CliRunner().invoke(cli, ["import", str(EXAMPLES / "seed-okr-en.txt")])
    assert (tmp_path / "env" / "okr.json").exists()
