"""The Registers screen keeps its table across the whole width when its rows are reloaded."""

from __future__ import annotations

from tests.ui.screens import add_sample_acts


def test_table_fills_the_width_after_a_reload(login, qtbot) -> None:
    from civreg.ui.operations import Operations
    from civreg.ui.registers_admin import RegistersAdminPage

    ctx = login("registrar")
    add_sample_acts(ctx)
    ops = Operations()
    try:
        page = RegistersAdminPage(ctx, ops)
        qtbot.addWidget(page)
        page.resize(1300, 600)
        page.show()
        qtbot.waitUntil(lambda: page.table.rowCount() > 0)
        header = page.table.horizontalHeader()

        def filled() -> bool:
            used = sum(header.sectionSize(i) for i in range(header.count()))
            return used >= page.table.viewport().width() - 2

        qtbot.waitUntil(filled)
        page.fetch()  # e.g. after a register was started or closed
        qtbot.waitUntil(lambda: not ops.busy)
        qtbot.wait(50)
        assert filled(), [header.sectionSize(i) for i in range(header.count())]
    finally:
        ops.stop()
