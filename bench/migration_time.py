"""The cost of the last migration on a big store: its indexes' pages, and the time to apply it.

    .venv/bin/python bench/migration_time.py --store DIR --down-to 0010

``DIR`` is a *copy* of a store from ``generate.py`` (it is changed): the store is taken
down to ``--down-to`` with the migrations' own downgrade, the pages the downgrade freed are
counted (what the dropped indexes took), and the next login upgrades it again, as a clerk's
would: the pre-upgrade snapshot the login keeps, then the upgrade, each timed. The snapshot
file is removed afterwards.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alembic import command

from bench.bench_common import login
from civreg.models import migrate
from civreg.models.engine import raw_connect
from civreg.models.migrate import alembic_config
from civreg.services import backup


def _pages(path: Path, key: bytes) -> tuple[int, int, int, str]:
    """(page count, free pages, page size, revision) of the store."""
    conn = raw_connect(path, key)
    try:
        count = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    return count, free, size, rev


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True, help="a copy of a generated store")
    ap.add_argument("--down-to", required=True, help="the revision to go down to, e.g. 0010")
    args = ap.parse_args(argv)
    path = args.store / "store.db"
    ctx = login(args.store, "clerk")
    key = bytes(ctx.store.data_key or b"")
    count, free0, page, head = _pages(path, key)
    if head == args.down_to:
        ctx.close()
        print(f"the store is at {head} already: nothing to measure", file=sys.stderr)
        return 2
    t = time.perf_counter()
    cfg = alembic_config()
    with ctx.store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, args.down_to)
    down_s = time.perf_counter() - t
    ctx.close()
    _, free1, _, rev = _pages(path, key)
    freed = free1 - free0
    print(f"{head} -> {rev}: downgrade {down_s:.1f} s; the indexes dropped took {freed} pages")
    print(f"  = {freed * page / 2**20:.1f} MiB, {100 * freed / count:.1f} % of {count} pages")

    timings: dict[str, float] = {}
    snapshot, upgrade = backup.snapshot_file, migrate.upgrade

    def timed_snapshot(store, dest):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        snapshot(store, dest)
        timings["snapshot"] = time.perf_counter() - t
        timings["snapshot_file"] = dest

    def timed_upgrade(engine, target="head"):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        upgrade(engine, target)
        timings["upgrade"] = time.perf_counter() - t

    backup.snapshot_file, migrate.upgrade = timed_snapshot, timed_upgrade
    try:
        login(args.store, "clerk").close()
    finally:
        backup.snapshot_file, migrate.upgrade = snapshot, upgrade
    print(
        f"{rev} -> {_pages(path, key)[3]} at the next login: upgrade {timings['upgrade']:.1f} s,"
        f" after the pre-upgrade snapshot {timings['snapshot']:.1f} s"
    )
    Path(timings["snapshot_file"]).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
