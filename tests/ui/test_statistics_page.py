"""The statistics screen shows, per kind, the totals, the split by sex and the timeliness
of registration, and the counts by month of the event."""

from __future__ import annotations

from dataclasses import replace

from tests.integration.transmission_support import TODAY, birth


def test_year_filter_totals_sex_timeliness_and_months(login, qtbot) -> None:
    from civreg.domain.acts import Person
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.ui.operations import Operations
    from civreg.ui.statistics_page import StatisticsPage

    ctx = login("registrar")
    girl = birth("ZONGO", "Awa", 3)
    girl = replace(
        girl, persons=tuple(replace(p, sex=2) if p.role == "child" else p for p in girl.persons)
    )
    for data in (birth("KABORE", "Paul", 1), birth("SAWADOGO", "Ali", 2), girl):
        register_act(ctx, create_draft(ctx, data).id, today=TODAY)
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
    register_act(ctx, create_draft(ctx, older).id, today=TODAY.replace(year=2024, month=11))
    ops = Operations()
    try:
        page = StatisticsPage(ctx, ops)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.figures is not None)
        assert page.year.findData(2025) > 0  # the years of the registers are offered
        page.year.setCurrentIndex(page.year.findData(2025))
        page.figures = None
        page.load()
        qtbot.waitUntil(lambda: page.figures is not None)
        row = [page.summary.item(0, c).text() for c in range(page.summary.columnCount())]
        assert row == [
            "Naissances",
            "3",
            "2 (66.7 %)",
            "1 (33.3 %)",
            "0 (0.0 %)",
            "3 (100.0 %)",
            "0 (0.0 %)",
            "0 (0.0 %)",
        ]
        assert page.summary.item(2, 0).text() == "Décès" and page.summary.item(2, 1).text() == "0"
        months = page.month_tables["birth"]
        assert months.rowCount() == 1 and months.item(0, 0).text() == "2025"
        assert months.item(0, 6).text() == "3" and months.item(0, 14).text() == "3"

        page.year.setCurrentIndex(0)  # all years
        page.figures = None
        page.load()
        qtbot.waitUntil(lambda: page.figures is not None)
        assert page.summary.item(0, 1).text() == "4"
        assert [months.item(r, 0).text() for r in range(months.rowCount())] == ["2025", "2024"]
        assert months.item(1, 11).text() == "1"  # November 2024
    finally:
        ops.stop()
