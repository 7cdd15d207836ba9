"""Closing a register: the rule is checked before the confirmation (issue 11 item 2). Before
31 December the registrar is told plainly why the year's register cannot be closed yet and
from which day it can — no question asked, nothing changed; an already closed register says
so; only a register that can be closed asks for confirmation."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.screens import add_sample_acts


@pytest.fixture(autouse=True)
def french():
    """Messages below the UI (civreg.i18n) in French too, whatever ran before."""
    from civreg.i18n import set_language

    set_language("fr")
    yield
    set_language("fr")


def open_page(login, qtbot):
    from civreg.ui.operations import Operations
    from civreg.ui.registers_admin import RegistersAdminPage

    ctx = login("registrar")
    add_sample_acts(ctx)
    ops = Operations()
    page = RegistersAdminPage(ctx, ops)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.table.rowCount() > 0)
    return ctx, ops, page


def boxes(page) -> list[QMessageBox]:
    return [b for b in page.findChildren(QMessageBox) if b.isVisible()]


def test_before_the_year_is_over_no_question_and_a_plain_reason(login, qtbot, monkeypatch) -> None:
    from civreg.services.registers import list_registers
    from civreg.ui import clock

    ctx, ops, page = open_page(login, qtbot)
    year = page.rows[0].year
    monkeypatch.setattr(clock, "today", lambda: date(year, 6, 15))
    try:
        page.load()
        qtbot.waitUntil(lambda: not ops.busy)
        # The table tells from when each open register of the current year can be closed.
        assert page.table.item(0, 7).text() == f"Ouvert — clôture possible à partir du 31/12/{year}"
        page.table.selectRow(0)
        page.ask_close()
        qtbot.wait(100)
        assert boxes(page) == []  # no confirmation for what would be refused
        assert page.message.text() == (
            f"Le registre « Naissances » {year} ne peut pas encore être clos : l'année {year} "
            f"n'est pas terminée. Il pourra l'être à partir du 31/12/{year}."
        )
        assert not list_registers(ctx)[0].closed  # nothing changed

        # On 31 December the question is asked, and Yes closes it.
        monkeypatch.setattr(clock, "today", lambda: date(year, 12, 31))
        page.load()
        qtbot.waitUntil(lambda: page.table.item(0, 7).text() == "Ouvert")
        page.table.selectRow(0)
        page.ask_close()
        qtbot.waitUntil(lambda: len(boxes(page)) == 1)
        _box, yes, _reg = page._closing
        yes.click()
        qtbot.waitUntil(lambda: page.rows and page.rows[0].closed, timeout=5000)

        # Closed: asking again says so, without a question.
        page.table.selectRow(0)
        page.ask_close()
        qtbot.wait(100)
        assert boxes(page) == []
        assert page.message.text().startswith(f"Le registre des naissances {year} du centre")
        assert "est déjà clos" in page.message.text()
    finally:
        ops.stop()
