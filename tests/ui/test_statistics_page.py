"""The statistics screen: summary per kind (totals, sex, timeliness), the year and part-of-year
filters, a chart beside its table for each subject, cancelled acts not counted, exports."""

from __future__ import annotations

import json
from dataclasses import replace

from tests.integration.acts_support import received_day
from tests.integration.transmission_support import TODAY, birth


def _register(ctx, data, today) -> None:
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act

    register_act(ctx, create_draft(ctx, data, today=received_day(data)).id, today=today)


def _reload(page, qtbot) -> None:
    page.figures = None
    page.load()
    qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)


def test_filters_summary_charts_tables_and_cancelled_acts(login, qtbot, tmp_path) -> None:
    from civreg.domain.acts import Person
    from civreg.services.mentions import add_mention
    from civreg.ui.operations import Operations
    from civreg.ui.statistics_page import StatisticsPage

    ctx = login("registrar")
    girl = birth("ZONGO", "Awa", 3)
    girl = replace(
        girl, persons=tuple(replace(p, sex=2) if p.role == "child" else p for p in girl.persons)
    )
    for data in (birth("KABORE", "Paul", 1), birth("SAWADOGO", "Ali", 2), girl):
        _register(ctx, data, TODAY)
    older = replace(birth("OUEDRAOGO", "Moussa", 5), event_date="2024-11-05")
    older = replace(
        older,
        persons=(
            *older.persons[:-1],
            Person(
                role="declarant",
                family_name="OUEDRAOGO",
                given_names="Issa",
                sex=1,
                capacity="father",
            ),
        ),
        declaration_date="2024-11-20",
    )
    _register(ctx, older, TODAY.replace(year=2024, month=11))
    ops = Operations()
    try:
        page = StatisticsPage(ctx, ops)
        qtbot.addWidget(page)
        page.resize(1200, 700)
        page.show()
        qtbot.waitUntil(lambda: page.figures is not None, timeout=20_000)
        assert page.year.findData(2025) > 0  # the years of the registers are offered
        page.year.setCurrentIndex(page.year.findData(2025))
        _reload(page, qtbot)
        row = [page.summary.item(0, c).text() for c in range(page.summary.columnCount())]
        assert row[:8] == [
            "Naissances",
            "3",
            "2 (66,7\u00a0%)",  # decimal comma, no-break space: as French writes it
            "1 (33,3\u00a0%)",
            "0 (0,0\u00a0%)",
            "3 (100,0\u00a0%)",
            "0 (0,0\u00a0%)",
            "0 (0,0\u00a0%)",
        ]
        assert page.summary.item(2, 2).text() == "—"  # marriages have no sex column
        # the first view: births by month, its chart drawn beside the table
        assert page.views.currentRow() == 0
        assert page.chart.axes_count() >= 1
        assert page.chart.titles()[0] == "Actes par mois de l'événement"
        table = page.table
        labels = [table.item(r, 0).text() for r in range(table.rowCount())]
        assert labels == ["juin 2025", "Total"]
        assert table.item(0, 1).text() == "2" and table.item(0, 2).text() == "1"
        # deaths by cause: another chart, another table
        keys = [page.views.item(i).data(256) for i in range(page.views.count())]
        page.views.setCurrentRow(keys.index("deaths_by_cause"))
        assert page.chart.key == "death_cause"
        assert page.table.item(0, 0).text().startswith("Chapitre I —")

        # a quarter of 2025 without births, then the second quarter
        page.part.setCurrentIndex(page.part.findData("q1"))
        _reload(page, qtbot)
        assert page.summary.item(0, 1).text() == "0"
        page.part.setCurrentIndex(page.part.findData("q2"))
        _reload(page, qtbot)
        assert page.summary.item(0, 1).text() == "3"

        # a cancelled act stops counting as soon as the page refreshes
        from civreg.services.queries import ActFilter, act_ids

        first = act_ids(ctx, ActFilter(kind="birth", year=2025, status="registered"))[0]
        add_mention(
            ctx,
            first,
            kind="cancellation",
            when=TODAY.isoformat(),
            text="Annulé par jugement.",
            authority="Tribunal de grande instance",
            reference="J-1/2025",
            today=TODAY,
        )
        _reload(page, qtbot)
        assert page.summary.item(0, 1).text() == "2"

        page.year.setCurrentIndex(0)  # all years
        _reload(page, qtbot)
        assert not page.part.isEnabled()
        assert page.summary.item(0, 1).text() == "3"

        # exports: the DHIS2 file (every count is small here: all withheld) and the report
        out = tmp_path / "dhis2.json"
        page.last_export = None
        page.export_dhis2(str(out))
        qtbot.waitUntil(lambda: getattr(page, "last_export", None) is not None, timeout=20_000)
        payload = json.loads(out.read_text(encoding="utf-8"))
        assert payload["dataValues"] == [] and page.last_export.suppressed > 0
        page.last_export = None
        pdf = tmp_path / "report.pdf"
        page.export_report(str(pdf))
        qtbot.waitUntil(lambda: getattr(page, "last_export", None) is not None, timeout=60_000)
        assert pdf.read_bytes().startswith(b"%PDF") and page.last_export.values >= 2
    finally:
        ops.stop()
