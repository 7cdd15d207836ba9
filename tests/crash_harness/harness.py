"""Kill civreg at random points of an operation (SIGKILL), then check that nothing was lost.

For each operation a driver process (``tests.crash_harness.driver``) repeats the operation
and reports each unit of work once it returned. The harness waits until the driver is logged
in, sleeps a random time within a window calibrated on an unkilled run, kills it, then opens
the store as the next start would (which finishes or removes what the crash left) and checks:

* ``civreg check`` (the full check: pages, structure, links, numbering, audit) passes;
* every unit the driver reported is there (acts, mentions, batches, imports, passwords,
  backups, restored stores, the upgrade);
* no batch file, backup file or temporary file exists that the store does not know.

Register, mention, export, password change and backup keep working on the same store from
one kill to the next (a store that survived every earlier kill); import, restore and
migrate start from a fresh copy each time.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.crash_harness.setup import PW, build_base, prepare

ROOT = Path(__file__).resolve().parents[2]
OPERATIONS = ("register", "mention", "export", "import", "passwd", "backup", "restore", "migrate")
FRESH = ("import", "restore", "migrate")  # start from a fresh copy before each kill


@dataclass
class OpStats:
    op: str
    kills: int = 0
    passed: int = 0
    units_reported: int = 0
    leftovers_found: int = 0  # kills after which the next start had something to finish
    keyfile_tmp_left: int = 0  # temporary copies of the key file left beside the store
    window_s: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"{self.op:9} kills={self.kills:4} passed={self.passed:4} "
            f"units reported={self.units_reported:5} leftovers finished or removed="
            f"{self.leftovers_found:4} window={self.window_s:.2f}s"
            + (
                f" key-file temporaries left={self.keyfile_tmp_left}"
                if self.keyfile_tmp_left
                else ""
            )
            + (f" FAILURES={len(self.failures)}" if self.failures else "")
        )


class Victim:
    def __init__(self, op: str, work: Path, tag: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CIVREG_")}
        env["CIVREG_LANG"] = "en"
        env["CIVREG_DATA_DIR"] = str(data_dir(work))  # the store's outside mark goes with it
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_harness.driver", op, str(work), tag],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        self.before: list[str] = []  # units done while warming up
        assert self.proc.stdout is not None
        while True:
            line = self.proc.stdout.readline()
            if line.strip() == "ready":
                break
            if not line:
                err = self.proc.stderr.read() if self.proc.stderr else ""
                raise RuntimeError(f"{op} driver did not start: {err[-2000:]}")
            self.before.append(line)
        self.started = time.monotonic()

    def kill_after(self, seconds: float) -> list[str]:
        deadline = self.started + seconds
        while time.monotonic() < deadline and self.proc.poll() is None:
            time.sleep(min(0.005, max(0.0, deadline - time.monotonic())))
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        out, err = self.proc.communicate(timeout=60)
        if self.proc.returncode not in (0, -signal.SIGKILL):
            raise RuntimeError(f"driver failed (exit {self.proc.returncode}): {err[-3000:]}")
        lines = self.before + out.splitlines()
        return [ln.split() for ln in lines if ln.strip()]  # type: ignore[misc]


def calibrate(op: str, work: Path) -> float:
    """The kill window: the whole operation (import, restore of one store, migrate), or
    three units of work of a repeated one, measured on a run of the same operation."""
    v = Victim(op, work, "calibration")
    units: list[float] = []
    assert v.proc.stdout is not None
    limit = time.monotonic() + 300
    while time.monotonic() < limit:
        line = v.proc.stdout.readline()
        if not line:
            break
        units.append(time.monotonic() - v.started)
        if line.startswith(("done", "upgraded")) or (op == "restore" and len(units) >= 1):
            break
        if len(units) >= 3:
            break
    if v.proc.poll() is None:
        os.kill(v.proc.pid, signal.SIGKILL)
    v.proc.communicate(timeout=60)
    if not units:
        raise RuntimeError(f"{op}: no unit of work in calibration")
    return max(units[-1], 0.2)


def run(
    kills: int,
    folder: Path,
    *,
    ops: tuple[str, ...] = OPERATIONS,
    seed: int | None = None,
    log=print,
) -> list[OpStats]:
    from tests.crash_harness.verify import keyfile_temporaries, verify

    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    with _data_dir(folder / "base"):
        base = build_base(folder)
    results = []
    for op in ops:
        stats = OpStats(op)
        template = folder / f"{op}-template"
        with _data_dir(template):
            prepare(op, base, template)
        work = folder / op
        _fresh(template, work)
        stats.window_s = calibrate(op, work)
        _fresh(template, work)
        state: dict[str, object] = {"passwords": [PW]}
        for k in range(kills):
            if op in FRESH and k:
                _fresh(template, work)
            victim = Victim(op, work, f"k{k}")
            lines = victim.kill_after(rnd.uniform(0.0, stats.window_s))
            stats.kills += 1
            stats.units_reported += sum(1 for ln in lines if ln and ln[0] not in ("done",))
            try:
                with _data_dir(work):
                    found = verify(op, work, lines, state)
                stats.passed += 1
                stats.leftovers_found += int(found)
            except AssertionError as exc:
                stats.failures.append(f"kill {k}: {exc}")
                log(f"  {op} kill {k} FAILED: {exc}")
        stats.keyfile_tmp_left = keyfile_temporaries(work)
        log(stats.line())
        results.append(stats)
    return results


def data_dir(work: Path) -> Path:
    """The user data folder of the driver and of the checks (the store's high-water mark):
    inside the work folder, so that a fresh copy of the store comes with its own mark."""
    return work / "userdata"


@contextlib.contextmanager
def _data_dir(work: Path) -> Iterator[None]:
    before = os.environ.get("CIVREG_DATA_DIR")
    os.environ["CIVREG_DATA_DIR"] = str(data_dir(work))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("CIVREG_DATA_DIR", None)
        else:
            os.environ["CIVREG_DATA_DIR"] = before


def _fresh(template: Path, work: Path) -> None:
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile

    p = argparse.ArgumentParser(prog="crash-test", description=__doc__.splitlines()[0])
    p.add_argument("kills", type=int, nargs="?", default=50, help="kills per operation")
    p.add_argument("--ops", default=",".join(OPERATIONS))
    p.add_argument("--seed", type=int)
    p.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    p.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = p.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    ops = tuple(o for o in args.ops.split(",") if o)
    unknown = set(ops) - set(OPERATIONS)
    if unknown:
        p.error(f"unknown operations: {', '.join(sorted(unknown))}")
    print(f"crash harness: {args.kills} kill(s) per operation, seed {seed}", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="civreg-crash-") as tmp:
        folder = args.keep or Path(tmp)
        results = run(args.kills, folder, ops=ops, seed=seed, log=lambda s: print(s, flush=True))
    total = sum(r.kills for r in results)
    failed = sum(len(r.failures) for r in results)
    print(f"total: {total} kills, {total - failed} passed, {failed} failed, "
          f"{time.monotonic() - started:.0f} s", flush=True)  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ for r in results], indent=1))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
