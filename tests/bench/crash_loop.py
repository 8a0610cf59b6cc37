"""Crash loop: a child process saves check-ins and restores documents without pause;
the parent kills it with SIGKILL at random moments and checks the store after each kill.

After every kill the store must open and hold every write the child reported as
returned (a line in the side log, written, flushed and fsynced after the call
returned) and nothing else but, at most, the one write that was in flight.

The operations are a pure function of their index, so the parent knows the exact
state after op i: the store must equal state(L) or state(L + 1), where L is the last
op in the side log.

    python tests/bench/crash_loop.py --kills 2000        # a longer run than CI's
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

WEEKS = [f"2026-W{w:02d}" for w in range(1, 53)]
RESTORE_EVERY = 17  # every 17th op restores a whole document


def op(i: int) -> tuple[str, str | None, int]:
    if i % RESTORE_EVERY == RESTORE_EVERY - 1:
        return ("restore", None, i)
    return ("checkin", WEEKS[(i * 7) % len(WEEKS)], i)


class Model:
    """state(i): (generation, {week: value}) after ops 0..i; state(-1) is the start."""

    def __init__(self) -> None:
        self._states: list[tuple[int, dict[str, int]]] = []  # index i -> state(i)

    def state(self, i: int) -> tuple[int, dict[str, int]]:
        if i < 0:
            return (-1, {})
        while len(self._states) <= i:
            n = len(self._states)
            gen, values = self.state(n - 1)
            kind, week, value = op(n)
            if kind == "restore":
                gen = n
            else:
                values = {**values, week: value}
            self._states.append((gen, values))
        return self._states[i]


def objective(gen: int):
    from store.model import Item, KeyResult, Objective

    return Objective(
        "o1",
        f"gen {gen}",
        "2026-01-01",
        "2026-12-31",
        key_results=[
            KeyResult(
                "kr1", "new customers", "number", 0, 1_000_000, "customers", items=[Item("e1", "p")]
            )
        ],
    )


def checkin(week: str, value: int):
    from store.model import CheckIn, ItemCheck, KRCheck

    return CheckIn(
        "o1",
        week,
        "2026-10-05",
        f"week note {value} " + "x" * 200,
        [KRCheck("kr1", value, value % 11, f"note {value}")],
        [ItemCheck("e1", "on_track", f"progress {value}", "adjustment")],
    )


def document(gen: int, values: dict[str, int]) -> dict:
    return {
        "format": "okr-checkin",
        "version": 2,
        "objectives": [objective(gen).to_dict()],
        "checkins": [checkin(w, v).to_dict() for w, v in sorted(values.items())],
        "meetings": [],
    }


def actual_state(store) -> tuple[int, dict[str, int]]:
    o = store.objective("o1")
    gen = int(o.title.split()[1])
    values = {}
    for c in store.checkins("o1"):
        values[c.week] = c.key_results[0].value
        assert c == checkin(c.week, c.key_results[0].value), "a check-in is not whole"
    return gen, values


def child(data_dir: str, log_path: str, start: int) -> None:
    from store.repo import Store

    model = Model()
    store = Store(data_dir)
    log = open(log_path, "a", buffering=1)  # noqa: SIM115 - kept open until killed
    i = start
    while True:
        kind, week, value = op(i)
        if kind == "restore":
            gen, values = model.state(i)
            store.restore(document(gen, values))
        else:
            store.save_checkin(checkin(week, value))
        log.write(f"{i}\n")  # after the call returned
        log.flush()
        os.fsync(log.fileno())
        if i == start:
            # Ready once the first write has returned: the imports a first write needs
            # are done, so the random delay that follows lands among writes however
            # busy the machine is (a kill during start-up tests nothing).
            print("ready", flush=True)
        i += 1


@dataclass
class Result:
    kills: int
    intact: int
    mid_write: int  # kills that left a temp file: the write was cut half way
    ops: int  # writes that returned (logged), over all kills
    seconds: float
    failures: list[str]


def _last_logged(log: Path) -> int:
    """The last complete line of the side log; a cut last line is removed."""
    if not log.exists():
        return -1
    raw = log.read_bytes()
    if raw and not raw.endswith(b"\n"):
        raw = raw[: raw.rfind(b"\n") + 1]
        log.write_bytes(raw)
    lines = raw.split()
    return int(lines[-1]) if lines else -1


def run(kills: int, data_dir: Path, seed: int = 0, max_delay: float = 0.03) -> Result:
    from store.repo import Store

    rng = random.Random(seed)
    model = Model()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / "crash-side.log"
    Store(data_dir).restore(document(*model.state(-1)))
    env = dict(os.environ)
    began = time.perf_counter()
    intact = mid_write = 0
    failures: list[str] = []
    last = -1
    for k in range(kills):
        proc = subprocess.Popen(
            [sys.executable, __file__, "child", str(data_dir), str(log), str(last + 1)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # "ready"
        time.sleep(rng.uniform(0, max_delay))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        proc.stdout.close()
        if any(data_dir.glob(".okr.json.*.tmp")):
            mid_write += 1
        last = _last_logged(log)
        try:
            got = actual_state(Store(data_dir))
            allowed = (model.state(last), model.state(last + 1))
            if got in allowed:
                intact += 1
            else:
                failures.append(f"kill {k}: after op {last} the store holds another state")
        except Exception as e:  # noqa: BLE001 - any failure to open counts
            failures.append(f"kill {k}: after op {last}: {type(e).__name__}: {e}")
    return Result(kills, intact, mid_write, last + 1, time.perf_counter() - began, failures)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="okr-crash-") as tmp:
        r = run(args.kills, Path(tmp) / "data", args.seed)
    print(
        f"crash: {r.intact}/{r.kills} intact ({r.mid_write} killed mid-write, "
        f"{r.ops} writes returned, {r.seconds:.1f} s)"
    )
    for f in r.failures[:20]:
        print(" ", f)
    sys.exit(0 if r.intact == r.kills else 1)


if __name__ == "__main__":
    main()
