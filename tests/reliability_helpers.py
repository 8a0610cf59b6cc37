"""Shared by the tests/test_reliability_*.py files: a CLI runner and a good export document."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

import store as store_package
from tui.cli import cli

EXAMPLES = Path(store_package.__file__).parent / "examples"


def run(data_dir, *args, input=None):
    return CliRunner().invoke(cli, ["--data", str(data_dir), *map(str, args)], input=input)


def refused_cleanly(result, codes=(1, 2)) -> bool:
    """Exit 1 or 2 through click (SystemExit), no traceback, one message on stderr."""
    return (
        result.exit_code in codes
        and isinstance(result.exception, SystemExit)
        and "Traceback" not in result.output
        and "Traceback" not in result.stderr
        and result.stderr.strip() != ""
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (except the lock file, the parse cache and the index,
    which any read may rewrite: see store.storage and store.index) with its bytes."""
    if not folder.exists():
        return {}
    out = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            p = Path(root) / name
            if not name.endswith((".lock", ".cache", ".index")):
                with open(p, "rb") as f:  # not Path.read_bytes: some tests patch it
                    out[str(p.relative_to(folder))] = f.read()
    return out


def good_document() -> dict:
    """An export document that uses every field of the format."""
    return {
        "format": "okr-checkin",
        "version": 1,
        "objectives": [
            {
                "id": "o1",
                "title": "Build a customer-expansion team",
                "owner": "Lin",
                "start": "2026-10-01",
                "end": "2026-10-31",
                "archived": False,
                "key_results": [
                    {
                        "id": "kr1",
                        "title": "Win new customers",
                        "kind": "number",
                        "start": 0,
                        "target": 50,
                        "unit": "customers",
                        "weight": 2,
                        "items": [
                            {"id": "e1", "title": "Plan one", "active": True, "added": "2026-W40"}
                        ],
                    },
                    {
                        "id": "kr2",
                        "title": "Finalise the process",
                        "kind": "milestone",
                        "start": 0,
                        "target": 1,
                        "unit": "",
                        "weight": 1,
                        "items": [],
                    },
                ],
            }
        ],
        "checkins": [
            {
                "objective": "o1",
                "week": "2026-W41",
                "date": "2026-10-05",
                "note": "wins, problems, asks",
                "key_results": [
                    {"kr": "kr1", "value": 12, "confidence": 7, "note": "on the way"},
                    {"kr": "kr2", "value": 0, "confidence": 5, "note": ""},
                ],
                "items": [
                    {
                        "item": "e1",
                        "status": "on_track",
                        "progress": "visited 10",
                        "adjustment": "follow up faster",
                    }
                ],
            }
        ],
        "meetings": [{"date": "2026-10-16", "notes": "budget"}],
    }
