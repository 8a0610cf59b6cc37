"""Crash safety: SIGKILL at random moments never corrupts the store or loses a returned write.

The loop itself is tests/bench/crash_loop.py (run it alone for longer runs). CI runs
200 kills; ``OKR_CRASH_KILLS=2000`` runs more, ``OKR_CRASH_SEED`` another sequence.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

from store import backups

_SPEC = importlib.util.spec_from_file_location(
    "crash_loop", Path(__file__).parent / "bench" / "crash_loop.py"
)
crash_loop = importlib.util.module_from_spec(_SPEC)
sys.modules["crash_loop"] = crash_loop  # its dataclass looks its module up
_SPEC.loader.exec_module(crash_loop)


def test_sigkill_loop_leaves_a_whole_store_with_every_returned_write(tmp_path):
    kills = int(os.environ.get("OKR_CRASH_KILLS", "200"))
    seed = int(os.environ.get("OKR_CRASH_SEED", "0"))
    data = tmp_path / "data"
    r = crash_loop.run(kills, data, seed=seed)
    print(
        f"\ncrash: {r.intact}/{r.kills} intact ({r.mid_write} killed mid-write, "
        f"{r.ops} writes returned and kept, {r.seconds:.1f} s)"
    )
    assert r.failures == []
    assert r.intact == r.kills == kills
    assert r.ops > kills  # the children did work between kills
    assert r.mid_write > 0  # some kills landed inside a write (a temp file was left)
    json.loads((data / "okr.json").read_text(encoding="utf-8"))  # plain JSON, whole
    # A backup is written before the old ones are pruned (a failed backup never costs an old
    # one), so a copy killed between the two leaves one more, until the next backup prunes.
    assert len(backups.list_backups(data / "okr.json")) <= backups.KEEP + 1
    backups.make_backup(data / "okr.json", "restore")
    assert len(backups.list_backups(data / "okr.json")) <= backups.KEEP
