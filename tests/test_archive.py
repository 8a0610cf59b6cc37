"""``okr archive --before YYYY-MM`` round trip: the summaries of the months left are what
they were byte for byte, the archive restores into a data dir of its own, and the
summaries of the archived months there are what the store said of them."""

from __future__ import annotations

import importlib.util
import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from store import weeks
from store.repo import Store
from tui.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CUT = "2026-01"


@pytest.fixture
def history(tmp_path) -> Path:
    """Two years of three-month periods up to 2026-10-19 (conftest's day), closed and
    linked from one to the next (tests/bench/make_history.py), not archived (hidden):
    the summaries of their months say things."""
    spec = importlib.util.spec_from_file_location(
        "_make_history_archive", ROOT / "tests" / "bench" / "make_history.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path / "store"
    module.make(folder, 2, export=False, archive_past=False)
    return folder


def okr(data: Path, *args: str):
    result = CliRunner().invoke(cli, ["--data", str(data), *args], env={"LANG": "C.UTF-8"})
    assert result.exit_code in (0, 1), (args, result.output)
    return result


def months(first: str, last: str) -> list[str]:
    out, month = [], first
    while month <= last:
        out.append(month)
        month = weeks.shift_month(month, 1)
    return out


FORMATS = [
    ("--format", "md"),
    ("--format", "text"),
    ("--format", "json"),
    ("--lang", "zh", "--format", "md"),
]


def summaries(data: Path, month_list: list[str]) -> dict:
    return {
        (m, fmt): okr(data, "summary", "--month", m, *fmt).output
        for m in month_list
        for fmt in FORMATS
    }


def without_series(text: str) -> dict:
    document = json.loads(text)
    for objective in document.get("objectives", [document]):
        for kr in objective.get("key_results", []):
            kr.pop("series", None)
    return document


def test_archive_round_trip(history, tmp_path):
    store = Store(history)
    every = store.objectives(include_archived=True)
    first_month = min(o.start for o in every)[:7]
    kept_months = months(CUT, "2026-10")
    moved = [o for o in every if o.end < f"{CUT}-01"]
    first_kept_start = min(o.start for o in every if o.end >= f"{CUT}-01")
    archived_months = months(first_month, weeks.shift_month(first_kept_start[:7], -1))
    assert len(moved) == 15 and len(archived_months) >= 12
    before = summaries(history, kept_months + archived_months)
    assert sum("Lin Wei" in text for text in before.values()) > 40  # the summaries say things
    export_before = okr(history, "export").output
    size_before = (history / "okr.json").stat().st_size

    result = okr(history, "archive", "--before", CUT)
    assert result.exit_code == 0, result.output
    archive = history / "archive" / f"okr-before-{CUT}.json"
    assert str(archive) in result.output and "Moved 15 objective(s)" in result.output
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert (history / "okr.json").stat().st_size < size_before / 2

    # The months left: every summary is what it was (the JSON's series of a KR carried
    # from an archived period starts at the first period kept).
    after = summaries(history, kept_months)
    for month in kept_months:
        for fmt in FORMATS:
            if "json" in fmt:
                assert without_series(after[month, fmt]) == without_series(before[month, fmt])
            else:
                assert after[month, fmt] == before[month, fmt], (month, fmt)

    # The archive is a normal export document: it restores into a data dir of its own,
    # whose export is the archive byte for byte, and says what the store said of its months.
    elsewhere = tmp_path / "old"
    assert okr(elsewhere, "restore", str(archive)).exit_code == 0
    assert okr(elsewhere, "export").output == archive.read_text("utf-8")
    restored = summaries(elsewhere, archived_months)
    for key, text in restored.items():
        assert text == before[key], key

    # Nothing is lost: the store and the archive hold every objective and check-in.
    left = json.loads(okr(history, "export").output)
    old = json.loads(archive.read_text("utf-8"))
    whole = json.loads(export_before)
    assert sorted(o["id"] for o in left["objectives"] + old["objectives"]) == sorted(
        o["id"] for o in whole["objectives"]
    )
    assert len(left["checkins"]) + len(old["checkins"]) == len(whole["checkins"])
    assert len(left["meetings"]) + len(old["meetings"]) == len(whole["meetings"])
    assert all(m["date"] < f"{CUT}-01" for m in old["meetings"])
    first_kept = next(o for o in left["objectives"] if o["start"] == first_kept_start)
    assert first_kept["previous"] is None  # its link into the archive was cut
    assert any(o["previous"] for o in old["objectives"])  # the archive keeps its own


def test_archive_dry_run_and_refusals(history):
    raw = (history / "okr.json").read_bytes()
    result = okr(history, "archive", "--before", CUT, "--dry-run")
    assert result.exit_code == 0 and "Would move 15 objective(s)" in result.output
    assert (history / "okr.json").read_bytes() == raw
    assert not (history / "archive").exists()
    assert "nothing to archive" in okr(history, "archive", "--before", "2020-01").output
    bad = CliRunner().invoke(cli, ["--data", str(history), "archive", "--before", "2026-13"])
    assert bad.exit_code == 2 and "not a month" in bad.output

    # A draft of a period to move stops it; so does an archive already there.
    store = Store(history)
    old = next(o for o in store.objectives(include_archived=True) if o.end < "2025-06-01")
    store.save_draft(old.id, weeks.period_weeks(old.start, old.end)[0], {"note": "half"})
    raw = (history / "okr.json").read_bytes()
    result = okr(history, "archive", "--before", CUT)
    assert result.exit_code == 1 and "draft" in result.output
    assert (history / "okr.json").read_bytes() == raw
    with store._write():  # the draft goes: then the archive works
        store._table("drafts").truncate()
    assert okr(history, "archive", "--before", CUT).exit_code == 0
    target = history / "archive" / "again.json"
    target.write_text("mine")
    result = okr(history, "archive", "--before", "2026-04", "-o", str(target))
    assert result.exit_code == 1 and "exists already" in result.output
    assert target.read_text() == "mine"
