"""Privacy: the data dir is 0700; the store, its backups, restored files and `export -o` 0600;
error messages about a damaged file name the path, never its content."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest
from reliability_helpers import EXAMPLES, good_document, run

from store import backups
from store.repo import Store
from tui.cli import cli


def mode(path) -> int:
    return os.stat(path).st_mode & 0o777


@pytest.fixture(autouse=True)
def loose_umask():
    old = os.umask(0o022)  # a usual umask: files would be 0644 without care
    yield
    os.umask(old)


def test_every_file_we_write_is_private(data_dir, tmp_path, monkeypatch):
    doc = tmp_path / "doc.json"
    doc.write_text(json.dumps(good_document()))
    assert run(data_dir, "import", EXAMPLES / "seed-okr-en.txt").exit_code == 0
    monkeypatch.setattr(backups, "now", lambda: datetime(2030, 1, 1))
    assert run(data_dir, "import", EXAMPLES / "seed-okr-en.txt").exit_code == 0  # daily backup
    assert run(data_dir, "restore", doc).exit_code == 0  # restore backup + restored file
    out = tmp_path / "out" / "export.json"
    out.parent.mkdir()
    out.write_text("old")
    os.chmod(out, 0o644)
    assert run(data_dir, "export", "-o", out).exit_code == 0
    files = {
        "data dir": (data_dir, 0o700),
        "store": (data_dir / "okr.json", 0o600),
        "lock": (data_dir / "okr.json.lock", 0o600),
        "parse cache": (data_dir / "okr.json.cache", 0o600),
        "backups dir": (data_dir / "backups", 0o700),
        "export -o (replacing a 0644 file)": (out, 0o600),
    }
    for b in backups.list_backups(data_dir / "okr.json"):
        files[b.name] = (b, 0o600)
    if "summary" in cli.commands:
        summary = tmp_path / "summary.md"
        assert run(data_dir, "summary", "--month", "2026-10", "-o", summary).exit_code == 0
        files["summary -o"] = (summary, 0o600)
    wrong = {name: oct(mode(p)) for name, (p, want) in files.items() if mode(p) != want}
    print(f"\nprivacy: {len(files) - len(wrong)}/{len(files)} files and folders private")
    assert wrong == {}
    assert len(backups.list_backups(data_dir / "okr.json")) >= 2


def test_damaged_file_error_names_the_path_not_the_content(data_dir):
    data_dir.mkdir(parents=True)
    path = data_dir / "okr.json"
    secrets = [
        b'{"meta": {"1": {"schema": 1}}, "objectives": {"1": {"title": "PRIVATE-NOTE"',
        b"PRIVATE-NOTE about my team",
        json.dumps(
            {"meta": {"1": {"schema": 1}}, "objectives": {"1": {"PRIVATE-NOTE": "PRIVATE-NOTE"}}}
        ).encode(),
        json.dumps(
            {"meta": {"1": {"schema": 1}}, "meetings": {"1": {"date": "PRIVATE-NOTE"}}}
        ).encode(),
    ]
    for content in secrets:
        path.write_bytes(content)
        result = run(data_dir, "list")
        assert result.exit_code == 1 and str(path) in result.stderr
        assert "PRIVATE" not in result.output
        with pytest.raises(Exception) as e:
            Store(data_dir)
        assert "PRIVATE" not in str(e.value)
