"""Vital statistics on a store filled through the services: the service's counts equal those
read independently with plain SQL; cancelled acts and drafts are never counted; filters by
period and centre; expected births and completeness."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from civreg.domain.vital_stats import KINDS, StatsFilter
from tests.conftest import PASSWORDS, copy_store
from tests.integration.stats_support import TODAY, all_registered, fill_store, plain_counts


@pytest.fixture(scope="module")
def filled(template_dir, tmp_path_factory) -> Path:
    from civreg.services.store_access import login

    path = copy_store(template_dir("BF"), tmp_path_factory.mktemp("stats") / "bf")
    clerk = login(path, "clerk", PASSWORDS["clerk"])
    registrar = login(path, "registrar", PASSWORDS["registrar"])
    try:
        fill_store(clerk, registrar)
    finally:
        clerk.close()
        registrar.close()
    return path


@pytest.fixture
def district_ctx(filled):
    from civreg.services.store_access import login

    ctx = login(filled, "registrar", PASSWORDS["registrar"])
    yield ctx
    ctx.close()


def _compare(stats, plain) -> None:
    for kind in KINDS:
        want = plain.get(kind)
        assert want is not None, kind
        assert stats.total(kind) == want["total"]["all"], kind
        assert Counter(stats.tally(kind, "period")) == want["period"], kind
        assert Counter(stats.tally(kind, "sex")) == want["sex"], kind
        assert Counter(stats.tally(kind, "timeliness")) == want["time"], kind
        assert Counter(stats.tally(kind, "place")) == want["place"], kind
        assert Counter(stats.tally(kind, "age")) == want["age"], kind
        assert Counter(stats.tally(kind, "centre")) == want["centre"], kind
    assert Counter(stats.tally("marriage", "age2")) == plain["marriage"]["age2"]
    assert Counter(stats.tally("death", "cause")) == plain["death"]["cause"]


def test_statistics_equal_an_independent_plain_sql_count(district_ctx) -> None:
    from civreg.services.statistics import vital_statistics

    stats = vital_statistics(district_ctx)
    plain = plain_counts(district_ctx)
    _compare(stats, plain)
    # the store is varied enough for the comparison to mean something
    assert len(stats.tally("birth", "age")) >= 4
    assert len(stats.tally("death", "cause")) >= 6
    assert stats.tally("death", "age").get("lt1", 0) >= 3
    assert stats.timeliness("birth")["judgment"] >= 1
    assert stats.total("birth") > 50


def test_cancelled_acts_and_drafts_are_not_counted(district_ctx) -> None:
    from civreg.services.statistics import vital_statistics

    stats = vital_statistics(district_ctx)
    # three acts are cancelled (one per kind) and a few drafts wait: none of them counts
    assert stats.total() == all_registered(district_ctx) - 3


def test_period_and_centre_filters(district_ctx) -> None:
    from civreg.services.statistics import vital_statistics

    year = TODAY.year - 1
    stats = vital_statistics(district_ctx, StatsFilter.for_year(year))
    _compare(stats, plain_counts(district_ctx, f"{year}-01-01", f"{year}-12-31"))
    assert stats.total() > 0
    assert all(p.startswith(str(year)) for p in stats.values("period"))
    window = StatsFilter("2020-03-01", "2024-08-31")
    stats = vital_statistics(district_ctx, window)
    _compare(stats, plain_counts(district_ctx, "2020-03-01", "2024-08-31"))
    assert vital_statistics(district_ctx, StatsFilter(centre="99")).total() == 0
    assert vital_statistics(district_ctx, StatsFilter(centre="01")).total() == stats_total(
        district_ctx
    )


def stats_total(ctx) -> int:
    from civreg.services.statistics import vital_statistics

    return vital_statistics(ctx).total()


def test_expected_births_and_completeness(filled) -> None:
    from civreg.errors import CivregError, PermissionDenied
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_settings import list_expected_births, set_expected_births
    from civreg.services.store_access import login

    admin = login(filled, "admin", PASSWORDS["admin"])
    registrar = login(filled, "registrar", PASSWORDS["registrar"])
    try:
        with pytest.raises(PermissionDenied):
            set_expected_births(registrar, "11", 2025, births=10)
        with pytest.raises(CivregError):
            set_expected_births(admin, "11", 2025, births=10, population=1000, rate_per_1000=38)
        with pytest.raises(CivregError):
            set_expected_births(admin, "11", 2025, population=1000, rate_per_1000=400)
        row = set_expected_births(admin, "11", 2025, population=52_000, rate_per_1000=38.5)
        assert row.births == 2002 and "52 000" in row.basis and "38,5" in row.basis
        assert [r.births for r in list_expected_births(admin)] == [2002]
        stats = vital_statistics(admin, StatsFilter.for_year(2025))
        (line,) = [c for c in stats.completeness() if c.commune == "11"]
        assert line.registered == stats.total("birth") and line.expected == 2002
        assert line.rate == pytest.approx(stats.total("birth") / 2002)
    finally:
        admin.close()
        registrar.close()


def test_exports_hold_aggregates_only_and_withhold_small_cells(district_ctx, tmp_path) -> None:
    import csv
    import json

    from pypdf import PdfReader
    from sqlalchemy import text

    from civreg.domain.dhis2 import load_mapping
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_export import (
        export_dhis2,
        export_report_pdf,
        export_tables_csv,
    )

    f = StatsFilter()
    stats = vital_statistics(district_ctx, f)
    csv_dir = tmp_path / "insd"
    result = export_tables_csv(district_ctx, f, csv_dir, lang="fr")
    assert result.suppressed > 0
    with (csv_dir / "births_by_timeliness.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert rows[0][:2] == ["Code", "Délai"]
    values = [v for r in rows[1:] for v in r[2:]]
    assert all(v == "s" or v == "0" or int(v) >= 5 for v in values)
    total = rows[-1]
    assert total[0] == "total" and total[-1] == str(stats.total("birth"))
    yearly = load_mapping(
        (Path(__file__).resolve().parents[2] / "civreg/resources/statistics/dhis2.toml")
        .read_text(encoding="utf-8")
        .replace('period_type = "Monthly"', 'period_type = "Yearly"')
    )
    dhis2 = tmp_path / "dhis2.json"
    r = export_dhis2(district_ctx, f, dhis2, mapping=yearly)
    payload = json.loads(dhis2.read_text(encoding="utf-8"))
    assert r.values == len(payload["dataValues"]) > 0
    assert all(int(v["value"]) >= 5 for v in payload["dataValues"])
    pdf = tmp_path / "report.pdf"
    pages = export_report_pdf(district_ctx, f, pdf, lang="fr").values
    assert pages >= 3
    report = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "STATISTIQUES DE L'ÉTAT CIVIL" in report and "Secret statistique" in report
    # no name of the store appears in any export
    with district_ctx.store.read() as s:
        names = {
            n
            for (n,) in s.execute(text("SELECT DISTINCT family_name FROM act_persons"))
            if n and len(n) > 3
        }
    exported = report + dhis2.read_text(encoding="utf-8")
    exported += "".join(p.read_text(encoding="utf-8") for p in csv_dir.iterdir())
    leaked = sorted(n for n in names if n.upper() in exported.upper())
    assert leaked == []
    # every export is audited
    with district_ctx.store.read() as s:
        audited = s.execute(
            text("SELECT count(*) FROM audit_log WHERE operation = 'stats.export'")
        ).scalar_one()
    assert audited == 3
