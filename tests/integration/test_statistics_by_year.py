"""Statistics over many years read by year (``stats_cube_year``): the same counts as the
monthly ones and the plain SQL count; a store counted before the counts per year gains them."""

from __future__ import annotations

from collections import Counter

from civreg.domain.vital_stats import KINDS, StatsFilter
from tests.conftest import PASSWORDS
from tests.integration.stats_support import (
    TODAY,
    cells_of,
    plain_counts,
    years_in_step,
)


def test_selections_of_many_years_read_by_year_with_the_same_counts(district_ctx) -> None:
    """What the Statistics screen asks (months=None): past three years of events the cells are
    read by year (a tenth of them over decades), with the same counts per year and per
    category as the monthly cells and the plain SQL count; up to three years, by month."""
    from civreg.services.statistics import vital_statistics

    plain = plain_counts(district_ctx)
    for f in (
        StatsFilter(),
        StatsFilter("2001-01-01", "2024-12-31"),
        StatsFilter("2020-03-15", "2026-08-10"),
    ):
        monthly = vital_statistics(district_ctx, f)
        yearly = vital_statistics(district_ctx, f, months=None)
        assert not yearly.by_month and monthly.by_month
        assert len({p[:4] for p in monthly.values("period")}) > 3
        assert all(len(p) == 4 for p in yearly.values("period"))
        assert len(yearly.cells) < len(monthly.cells)
        assert yearly.months_known() is None
        for kind in KINDS:
            for dim in ("year", "sex", "timeliness", "place", "age", "age2", "cause", "centre"):
                assert yearly.tally(kind, dim) == monthly.tally(kind, dim), (f, kind, dim)
            assert yearly.tally2(kind, "year", "sex") == monthly.tally2(kind, "year", "sex")
        assert yearly.completeness() == monthly.completeness()
    yearly = vital_statistics(district_ctx, months=None)
    for kind in KINDS:
        by_year: Counter = Counter()
        for period, n in plain[kind]["period"].items():
            by_year[period[:4]] += n
        assert Counter(yearly.tally(kind, "year")) == by_year, kind
    year = TODAY.year - 1
    for f in (StatsFilter.for_year(year), StatsFilter(f"{year - 2}-01-01", f"{year}-12-31")):
        stats = vital_statistics(district_ctx, f, months=None)
        assert stats.by_month
        assert stats.cells == vital_statistics(district_ctx, f).cells


def test_a_store_with_counts_per_month_gains_the_counts_per_year(filled, tmp_path) -> None:
    """A store counted at revision 0009 (per month only) is upgraded when opened: its counts
    per year are made from the counts per month by the migration, before any recount."""
    import shutil

    from alembic import command
    from sqlalchemy import text

    from civreg.models import migrate
    from civreg.services.statistics import vital_statistics
    from civreg.services.store_access import login

    for name in ("store.db", "store.db.keys"):
        shutil.copy2(filled.parent / name, tmp_path / name)
    ctx = login(tmp_path / "store.db", "registrar", PASSWORDS["registrar"])
    try:
        want = vital_statistics(ctx, months=False)  # counted
        cfg = migrate.alembic_config()
        with ctx.store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009")
    finally:
        ctx.close()
    ctx = login(tmp_path / "store.db", "registrar", PASSWORDS["registrar"])  # upgrades
    try:
        assert migrate.current_revision(ctx.store.engine) == migrate.head_revision()
        with ctx.store.read() as s:
            assert s.execute(text("SELECT count(*) FROM stats_cube_year")).scalar_one() > 20
        years_in_step(ctx)
        assert cells_of(vital_statistics(ctx, months=False)) == cells_of(want)
    finally:
        ctx.close()
