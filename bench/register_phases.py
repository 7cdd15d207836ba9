"""Where a registration's CPU goes, phase by phase (issue 17, fourth round).

    .venv/bin/python bench/register_phases.py --store /tmp/k100/commune-100000 [--acts 300]

Works on a throw-away copy of the store. As the counter does, each draft is saved and then
registered; the functions a registration calls are wrapped with a CPU clock
(``time.thread_time``, the registering thread only: the high-water mark's thread is not
counted) and their mean time per registration printed, nested phases included in their
callers. cProfile's own overhead per call hides what this shows (the statements' cost when
the page cache is thrown away, for one).
"""

from __future__ import annotations

import argparse
import collections
import functools
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--acts", type=int, default=300)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civreg-register-phases-"))
    os.environ["CIVREG_DATA_DIR"] = str(work / "data")
    shutil.copytree(args.store, work / "store")

    from sqlalchemy.engine import default
    from sqlalchemy.orm import session as orm_session

    import civreg.security.audit as audit
    import civreg.services.registration as registration
    import civreg.services.store_guard as guard
    from bench.bench_common import login
    from civreg.demo.synthetic import Generator
    from civreg.services.context import Ctx
    from civreg.services.drafts import create_draft

    spent: dict[str, float] = collections.defaultdict(float)
    calls: collections.Counter[str] = collections.Counter()
    on = [False]
    main_thread = threading.main_thread()

    def wrap(owner: Any, name: str, label: str) -> None:
        fn = getattr(owner, name)

        @functools.wraps(fn)
        def timed(*a: Any, **k: Any) -> Any:
            if not on[0] or threading.current_thread() is not main_thread:
                return fn(*a, **k)
            start = time.thread_time()
            try:
                return fn(*a, **k)
            finally:
                spent[label] += time.thread_time() - start
                calls[label] += 1

        setattr(owner, name, timed)

    for name in (
        "load_draft",
        "legal_content",
        "to_input",
        "check",
        "record_rule_set",
        "take_number",
        "write_changes",
        "add_implied_mentions",
        "to_view",
    ):
        wrap(registration, name, f"registration.{name}")
    wrap(registration.audit, "content_hash", "content_hash (legal content, entry)")
    wrap(registration._CHANGE, "run", "change log INSERT")
    for name in ("append", "seal", "_head_below_orm"):
        wrap(audit, name, f"audit.{name}")
    for name in ("_seal", "_move_anchor", "try_office_signing_key"):
        wrap(guard, name, f"store_guard.{name}")
    wrap(default.DefaultDialect, "do_commit", "DB-API commit (encrypt, WAL, fsync)")
    wrap(orm_session.Session, "connection", "Session.connection (checkout + BEGIN)")
    wrap(orm_session.Session, "close", "Session.close")
    wrap(Ctx, "require", "Ctx.require")

    ctx = login(work / "store", "registrar")
    # the hooks were installed as references to the functions before they were wrapped
    ctx.store.before_commit = [guard._seal, guard._prepare_anchor]
    ctx.store.after_commit = [guard._publish_slots, guard._move_anchor]
    wrap(type(ctx.profile), "for_event", "profile.for_event")
    gen = Generator(ctx.profile, random.Random(11), today=date.today())
    births = [gen.birth(date.today().year, late_rate=0.0) for _ in range(args.acts + 20)]
    total = 0.0
    for i, birth in enumerate(births):
        day = date.fromisoformat(birth.declaration_date)
        view = create_draft(ctx, birth, today=day)
        on[0] = i >= 20  # warm-up
        start = time.thread_time()
        registration.register_act(ctx, view.id, today=day)
        if on[0]:
            total += time.thread_time() - start
        on[0] = False
    ctx.close()
    shutil.rmtree(work, ignore_errors=True)
    n = args.acts
    print(f"registration, CPU mean {total / n * 1e3:.3f} ms (load {os.getloadavg()[0]:.2f})")
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{seconds / n * 1e3:8.3f} ms  x{calls[label] / n:.1f}  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
