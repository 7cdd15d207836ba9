"""Vital statistics on a store filled through the services: the service's counts equal those
read independently with plain SQL; cancelled acts and drafts are never counted; filters by
period and centre; expected births and completeness."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from civreg.domain.vital_stats import KINDS, StatsFilter
from tests.conftest import PASSWORDS
from tests.integration.stats_support import (
    TODAY,
    all_registered,
    cells_of,
    plain_cells,
    plain_counts,
    years_in_step,
)


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


def test_counts_kept_equal_a_recount_of_every_combination_from_the_acts(district_ctx) -> None:
    """What the Statistics screen reads (the counts kept per combination of categories) equals
    a recount from the acts themselves, combination by combination; the acts' own categories
    (read for spans of days) give the same; a rebuild from nothing gives the same again."""
    from sqlalchemy import text

    from civreg.services.statistics import vital_statistics

    want = plain_cells(district_ctx)
    assert len(want) > 60 and sum(want.values()) > 100  # varied: many combinations
    assert cells_of(vital_statistics(district_ctx)) == want
    # a span of days: the acts' own categories, not the monthly counts
    facts = vital_statistics(district_ctx, StatsFilter("1900-01-02", "2999-12-30"))
    assert cells_of(facts) == want
    with district_ctx.store.write() as s:
        for table in ("stats_cube", "stats_cube_year", "stats_facts", "stats_state"):
            s.execute(text(f"DELETE FROM {table}"))
    assert cells_of(vital_statistics(district_ctx)) == want
    years_in_step(district_ctx)


def test_a_store_from_before_the_counts_upgrades_and_counts_its_acts(filled, tmp_path) -> None:
    """A store at the revision before the statistics tables (acts already registered and
    cancelled) is upgraded when opened, and its first statistics count every act."""
    import shutil

    from alembic import command

    from civreg.models import migrate
    from civreg.services.statistics import vital_statistics
    from civreg.services.store_access import login

    before = migrate.REVISIONS[migrate.REVISIONS.index("0009") - 1]
    for name in ("store.db", "store.db.keys"):
        shutil.copy2(filled.parent / name, tmp_path / name)
    ctx = login(tmp_path / "store.db", "registrar", PASSWORDS["registrar"])
    try:
        cfg = migrate.alembic_config()
        with ctx.store.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, before)
        assert migrate.current_revision(ctx.store.engine) == before
    finally:
        ctx.close()
    ctx = login(tmp_path / "store.db", "registrar", PASSWORDS["registrar"])  # upgrades
    try:
        assert migrate.current_revision(ctx.store.engine) == migrate.head_revision()
        assert cells_of(vital_statistics(ctx)) == plain_cells(ctx)
    finally:
        ctx.close()


def test_cancelled_acts_and_drafts_are_not_counted(district_ctx) -> None:
    from civreg.services.statistics import vital_statistics

    stats = vital_statistics(district_ctx)
    # three acts are cancelled (one per kind) and a few drafts wait: none of them counts
    assert stats.total() == all_registered(district_ctx) - 3


def test_period_and_centre_filters(district_ctx) -> None:
    from civreg.errors import CivregError
    from civreg.services.statistics import vital_statistics

    year = TODAY.year - 1
    stats = vital_statistics(district_ctx, StatsFilter.for_year(year))
    _compare(stats, plain_counts(district_ctx, f"{year}-01-01", f"{year}-12-31"))
    assert stats.total() > 0
    assert all(p.startswith(str(year)) for p in stats.values("period"))
    window = StatsFilter("2020-03-01", "2024-08-31")
    stats = vital_statistics(district_ctx, window)
    _compare(stats, plain_counts(district_ctx, "2020-03-01", "2024-08-31"))
    # a span of days that does not follow whole months reads the acts' own categories
    days = StatsFilter("2020-03-15", "2024-08-10")
    _compare(vital_statistics(district_ctx, days), plain_counts(district_ctx, *_span(days)))
    # a centre that does not exist is refused, naming the known ones (not a table of zeros)
    with pytest.raises(CivregError, match=r"99.*01 \(Mairie de Koudougou\)"):
        vital_statistics(district_ctx, StatsFilter(centre="99"))
    assert vital_statistics(district_ctx, StatsFilter(centre="01")).total() == stats_total(
        district_ctx
    )


def _span(f: StatsFilter) -> tuple[str | None, str | None]:
    return f.date_from, f.date_to


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


def test_published_report_leaves_out_the_charts_that_would_show_small_counts(
    district_ctx, tmp_path
) -> None:
    """A chart drawing a count the tables withhold (1 to 4) would give it away: the published
    report says the chart is left out; the internal report (exact counts) draws them all."""
    from pypdf import PdfReader

    from civreg.certificates.stats_charts import CHARTS, shows_small_counts
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_export import export_report_pdf

    f = StatsFilter.for_year(TODAY.year - 1)
    stats = vital_statistics(district_ctx, f)
    small = [key for key in CHARTS if shows_small_counts(key, stats)]
    assert small  # a commune's year: small counts somewhere

    def images(path: Path) -> int:
        return sum(len(page.images) for page in PdfReader(str(path)).pages)

    published, exact = tmp_path / "published.pdf", tmp_path / "exact.pdf"
    export_report_pdf(district_ctx, f, published, lang="fr")
    export_report_pdf(district_ctx, f, exact, suppress=False, lang="fr")
    text = "\n".join(p.extract_text() for p in PdfReader(str(published)).pages)
    left_out = text.count("Graphique non publié")
    assert left_out >= 1 and images(published) == images(exact) - left_out
    exact_text = "\n".join(p.extract_text() for p in PdfReader(str(exact)).pages)
    assert "Graphique non publié" not in exact_text


def test_counts_follow_registrations_cancellations_and_a_rules_change(login, monkeypatch) -> None:
    """The statistics cache catches up with acts registered since (a draft made before the
    last count and registered after it too, whatever the clock says), cancellations, and
    rebuilds when its rules change; a refresh with nothing new has nothing to write."""
    from dataclasses import replace

    from sqlalchemy import text

    from civreg.services import statistics_cube

    # no re-reading of the last ids: the waiting draft is found as a draft seen waiting
    monkeypatch.setattr(statistics_cube, "ID_MARGIN", 0)
    from civreg.models.stats import StatsState
    from civreg.services.drafts import create_draft
    from civreg.services.mentions import add_mention
    from civreg.services.registration import register_act
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_cube import needs_catch_up
    from tests.integration.acts_support import received_day
    from tests.integration.transmission_support import TODAY, birth

    ctx = login("registrar")

    def draft(data):
        return create_draft(ctx, data, today=received_day(data))

    early = draft(birth("KABORE", "Paul", 1))  # a draft that waits
    first = register_act(ctx, draft(birth("ZONGO", "Ali", 2)).id, today=TODAY)
    assert vital_statistics(ctx).total("birth") == 1
    with ctx.store.read() as s:
        assert not needs_catch_up(s)  # nothing new: the next refresh only reads
    register_act(ctx, early.id, today=TODAY)  # an older id, registered after the count
    girl = birth("SAWADOGO", "Awa", 3)
    girl = replace(
        girl, persons=tuple(replace(p, sex=2) if p.role == "child" else p for p in girl.persons)
    )
    register_act(ctx, draft(girl).id, today=TODAY)
    stats = vital_statistics(ctx)
    assert stats.total("birth") == 3 and stats.tally("birth", "sex") == {1: 2, 2: 1}
    _compare_births(ctx, stats)
    add_mention(
        ctx,
        first.id,
        kind="cancellation",
        when=TODAY.isoformat(),
        text="Acte annulé par jugement.",
        authority="Tribunal de grande instance de Koudougou",
        reference="J-3/2025",
        today=TODAY,
    )
    stats = vital_statistics(ctx)
    assert stats.total("birth") == 2
    _compare_births(ctx, stats)
    with ctx.store.write() as s:
        s.get(StatsState, 1).version = 0  # the counting rules changed: everything is recounted
    rebuilt = vital_statistics(ctx)
    assert sorted(rebuilt.cells, key=repr) == sorted(stats.cells, key=repr)
    with ctx.store.read() as s:
        facts = s.execute(text("SELECT count(*), sum(cancelled) FROM stats_facts")).one()
    assert tuple(facts) == (3, 1)
    years_in_step(ctx)


def _compare_births(ctx, stats) -> None:
    from collections import Counter

    years_in_step(ctx)
    plain = plain_counts(ctx)["birth"]
    assert stats.total("birth") == plain["total"]["all"]
    assert Counter(stats.tally("birth", "age")) == plain["age"]
    assert Counter(stats.tally("birth", "period")) == plain["period"]


@pytest.fixture(params=["sqlite", "postgresql"])
def district_url(request: pytest.FixtureRequest):
    import os

    if request.param == "sqlite":
        yield None
        return
    if not os.environ.get("CIVREG_TEST_PG_URL"):
        pytest.skip("no PostgreSQL server: set CIVREG_TEST_PG_URL")
    yield request.getfixturevalue("pg_url")


def test_district_counts_follow_imported_acts_and_cancellations(tmp_path, district_url) -> None:
    """A district's statistics count the acts of each batch it imports, and an imported
    cancellation takes its act out of the counts, on SQLite and on PostgreSQL; by commune,
    with completeness against the births expected."""
    from civreg.services.mentions import add_mention
    from civreg.services.statistics import communes, vital_statistics
    from civreg.services.statistics_settings import set_expected_births
    from civreg.services.transmission import export_batch, import_batches
    from tests.integration.transmission_support import (
        birth,
        new_commune,
        new_district,
        register,
        trust,
    )

    a, district = new_commune(tmp_path, "11"), new_district(tmp_path, district_url)
    b = new_commune(tmp_path, "12")
    try:
        trust(district, a, tmp_path)
        trust(district, b, tmp_path)
        officer = district.officer
        assert vital_statistics(officer).total() == 0
        first = register(a, birth("KABORE", "Paul", 2))
        register(a, birth("ZONGO", "Alice", 3))
        batch = tmp_path / "1.civbatch"
        export_batch(a.registrar, batch)
        import_batches(district.admin, [batch], receipt_dir=tmp_path)
        stats = vital_statistics(officer)
        assert stats.total("birth") == 2 and stats.tally("birth", "commune") == {"11": 2}
        assert "11" in dict(communes(officer))
        register(a, birth("SAWADOGO", "Awa", 4))
        add_mention(
            a.registrar,
            first,
            kind="cancellation",
            when="2025-06-20",
            text="Acte annulé par jugement.",
            authority="Tribunal de grande instance de Koudougou",
            reference="J-1/2025",
        )
        batch = tmp_path / "2.civbatch"
        export_batch(a.registrar, batch)
        import_batches(district.admin, [batch], receipt_dir=tmp_path)
        register(b, birth("OUEDRAOGO", "Ali", 5))
        batch = tmp_path / "b1.civbatch"
        export_batch(b.registrar, batch)
        import_batches(district.admin, [batch], receipt_dir=tmp_path)
        after = vital_statistics(officer)
        assert after.tally("birth", "commune") == {"11": 2, "12": 1}  # one more, one cancelled
        assert cells_of(after) == plain_cells(officer)
        years_in_step(officer)
        yearly = vital_statistics(officer, months=False)
        assert not yearly.by_month and cells_of(yearly) != cells_of(after)
        assert yearly.tally2("birth", "commune", "year") == after.tally2("birth", "commune", "year")
        assert {code for code, _name in communes(officer)} >= {"11", "12"}
        set_expected_births(district.admin, "11", 2025, births=40)
        set_expected_births(district.admin, "12", 2025, births=10)
        rates = {
            c.commune: (c.registered, c.expected)
            for c in vital_statistics(officer, StatsFilter.for_year(2025)).completeness()
        }
        assert rates == {"11": (2, 40), "12": (1, 10)}
    finally:
        a.close()
        b.close()
        district.close()
