"""Vital statistics over a large store: the first build of the statistics cache, the service
for the selections the screen offers, a catch-up after new registrations, and the Statistics
screen's refresh (offscreen Qt: from asking to the chart drawn and the tables filled).

    .venv/bin/python bench/bench_statistics.py --store /tmp/civreg-bench/bf-1000k [--repeat 15]

Target (issue 18): screen refresh ≤ 1 s over 1M acts (SQLite) and 5M (PostgreSQL); this
script measures SQLite stores (``generate.py`` makes no PostgreSQL store yet).
The store is upgraded (the statistics tables) and gains 20 births: use a copy.
**Baseline** in the same run: one pass over the acts' status index (``SELECT kind, count(*)
FROM acts WHERE status = 'registered' GROUP BY kind``, raw SQL on the same connection): the
cheapest question that still reads every act.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.bench_common import emit, login, machine, percentiles, timed


def _baseline(ctx: Any, repeat: int) -> dict[str, float]:
    from sqlalchemy import text

    samples = []
    for _ in range(repeat):
        with ctx.store.read() as s:
            ms, _ = timed(
                lambda s=s: s.execute(
                    text(
                        "SELECT kind, count(*) FROM acts WHERE status = 'registered' GROUP BY kind"
                    )
                ).all()
            )
        samples.append(ms)
    return percentiles(samples)


def _service(ctx: Any, f: Any, repeat: int, months: bool | None = True) -> dict[str, Any]:
    """``months=None``: what the Statistics screen asks (by year past three years)."""
    from civreg.services.statistics import vital_statistics

    samples = []
    total = 0
    for _ in range(repeat):
        ms, stats = timed(lambda: vital_statistics(ctx, f, months=months))
        samples.append(ms)
        total = stats.total()
    return {**percentiles(samples), "acts": total, "cells": len(stats.cells)}


def _screen(ctx: Any, year: int | None, repeat: int) -> dict[str, Any]:
    """StatisticsPage.load() until its figures, summary, table and chart are on screen."""
    from PySide6.QtWidgets import QApplication

    from civreg.ui.operations import Operations
    from civreg.ui.statistics_page import StatisticsPage

    app = QApplication.instance() or QApplication([])
    ops = Operations()
    page = StatisticsPage(ctx, ops)
    page.resize(1366, 700)
    page.show()

    def wait() -> None:
        while page.figures is None or ops.busy:
            app.processEvents()
            time.sleep(0.002)
        app.processEvents()

    wait()  # the first show (imports matplotlib, first catch-up)
    page.year.setCurrentIndex(max(0, page.year.findData(year)) if year else 0)
    samples, cpu = [], []
    for _ in range(repeat):
        page.figures = None
        c = time.process_time()
        t = time.perf_counter()
        page.load()
        wait()
        page.chart._canvas.draw()  # the figure actually rendered, not only scheduled
        samples.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)  # the client's CPU, both threads
    ops.stop()
    return {**percentiles(samples), "cpu_ms": percentiles(cpu)}


def _catch_up(ctx: Any, registrar: Any, births: int) -> dict[str, Any]:
    """Register ``births`` births, then time the first statistics read (the catch-up)."""
    import random
    from datetime import date

    from civreg.demo.synthetic import Generator
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.services.statistics import vital_statistics

    gen = Generator(registrar.profile, random.Random(18), date.today())
    for _ in range(births):
        data = gen.birth(date.today().year, late_rate=0.0)
        received = date.fromisoformat(data.declaration_date)  # the day it reached the office
        draft = create_draft(registrar, data, today=received)
        register_act(registrar, draft.id, today=received)
    ms, stats = timed(lambda: vital_statistics(ctx))
    return {"births_registered": births, "first_read_ms": round(ms, 1), "acts": stats.total()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True, help="a generate.py store folder")
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--rebuild", action="store_true", help="time a full rebuild of the cache")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)

    from civreg.domain.vital_stats import StatsFilter
    from civreg.models.stats import StatsState

    ctx = login(args.store, "registrar")
    result: dict[str, Any] = {"benchmark": "statistics", "store": str(args.store), **machine()}
    if args.rebuild:
        with ctx.store.write() as s:
            state = s.get(StatsState, 1)
            if state is not None:
                state.version = 0
    from civreg.services.statistics import refresh

    ms, _ = timed(lambda: refresh(ctx))
    result["first_refresh_ms"] = round(ms, 1)  # the build when the cache is new or rebuilt
    result["baseline_scan"] = _baseline(ctx, args.repeat)
    with ctx.store.read() as s:
        from sqlalchemy import text

        years = [
            int(y)
            for (y,) in s.execute(
                text("SELECT DISTINCT substr(period, 1, 4) FROM stats_cube ORDER BY 1 DESC")
            )
            if y.isdigit()
        ]
    year = years[1] if len(years) > 1 else years[0]
    result["year"] = year
    result["service"] = {
        "all_years": _service(ctx, StatsFilter(), args.repeat),
        "all_years_screen": _service(ctx, StatsFilter(), args.repeat, months=None),
        "one_year": _service(ctx, StatsFilter.for_year(year), args.repeat),
        "one_month": _service(ctx, StatsFilter(f"{year}-03-01", f"{year}-03-31"), args.repeat),
        "days_span": _service(ctx, StatsFilter(f"{year}-03-15", f"{year}-09-10"), args.repeat),
    }
    result["screen_refresh"] = {
        "one_year": _screen(ctx, year, max(5, args.repeat // 2)),
        "all_years": _screen(ctx, None, max(5, args.repeat // 2)),
    }
    registrar = login(args.store, "registrar")
    result["catch_up"] = _catch_up(ctx, registrar, 20)
    base = result["baseline_scan"]["p50"]
    for r in result["screen_refresh"].values():
        r["ratio_to_baseline_p50"] = round(r["p50"] / base, 2) if base else None
    emit(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
