"""Every page shows the store as it is after each operation — declare, register, annotate,
import, close — without logging in again (issue 11 item 5). Each page is first loaded, then
checked after each operation: the page on screen at once, the others when next shown."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from civreg.domain.acts import ActKind
from tests.integration.transmission_support import birth, new_commune, new_district, register, trust
from tests.ui.screens import sample_birth


def _visit_all(win, qtbot) -> None:
    for key in win.keys:
        win.show_page(key)
        qtbot.waitUntil(lambda key=key: win.pages[key].isVisible())
    qtbot.waitUntil(lambda: not win.ops.busy)


def _show(win, qtbot, key: str):
    win.show_page(key)
    page = win.pages[key]
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: not win.ops.busy)
    return page


def _count(text: str) -> int:
    return int(re.search(r"\d+", text).group())  # type: ignore[union-attr]


def _rows(page) -> list:
    return [page.model.row_at(i) for i in range(page.model.rowCount())]


def test_every_page_after_each_operation(login, ui_settings, qtbot, monkeypatch) -> None:
    from civreg.ui import clock
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ctx = login("registrar")
    ops = Operations()
    win = MainWindow(ctx, ops, ui_settings)
    qtbot.addWidget(win)
    win.show()
    try:
        _visit_all(win, qtbot)
        births, drafts = win.pages["births"], win.pages["drafts"]
        stats, registers = win.pages["statistics"], win.pages["registers"]
        transmission = win.pages["transmission"]
        assert _rows(births) == [] and _rows(drafts) == []

        # Declare: the drafts list and the births list (all statuses) hold the draft.
        form = win.new_act(ActKind.BIRTH)
        form.set_input(sample_birth())
        form.dirty = True
        form.save()
        qtbot.waitUntil(lambda: form.draft_id is not None and not form._saving)
        assert drafts.stale and births.stale and not win.pages["deaths"].stale
        assert [r.id for r in _rows(_show(win, qtbot, "drafts"))] == [form.draft_id]
        assert [r.status for r in _rows(_show(win, qtbot, "births"))] == ["draft"]

        # Register (with the confirmation): out of the drafts, numbered in the register, counted
        # in the statistics and the registers, waiting to be sent.
        form = win.open_form(ActKind.BIRTH, None)
        form.set_input(sample_birth(8))
        form.register()
        qtbot.waitUntil(lambda: form.confirm is not None and form.confirm.isVisible())
        form.confirm.ok.click()
        qtbot.waitUntil(lambda: getattr(win.detail, "bundle", None) is not None, timeout=5000)
        act = win.detail.bundle.act
        assert act.status == "registered" and act.number == 1
        rows = _rows(_show(win, qtbot, "births"))
        assert {(r.id, r.status) for r in rows} >= {(act.id, "registered")}
        assert len(_rows(_show(win, qtbot, "drafts"))) == 1  # the first draft only
        _show(win, qtbot, "statistics")
        assert stats.figures is not None and stats.figures.stats.total("birth") == 1
        _show(win, qtbot, "registers")
        assert [(r.kind, r.acts, r.next_number) for r in registers.rows] == [("birth", 1, 2)]
        _show(win, qtbot, "transmission")
        pending = transmission.pending.text()
        assert _count(pending) >= 1, pending

        # Annotate: a cancellation shows in the births list and on the act's page.
        page = win.open_act(act.id)
        qtbot.waitUntil(lambda: page.bundle is not None)
        win.commands.add_mention(page.bundle.act)
        dlg = win.commands.mention_dialog
        dlg.kind.set_value("cancellation")
        dlg.text.setPlainText("Acte annulé par jugement.")
        dlg.authority.setText("Tribunal de grande instance de Koudougou")
        dlg.reference.setText("J-2026-77")
        dlg.ok.click()
        qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: len(page.bundle.act.mentions) == 1 and page.bundle.act.cancelled)
        assert "ANNUL" in page.heading.text().upper()
        rows = {r.id: r for r in _rows(_show(win, qtbot, "births"))}
        assert rows[act.id].cancelled
        assert transmission.stale
        _show(win, qtbot, "transmission")
        assert _count(transmission.pending.text()) > _count(pending)

        # Close the year (31 December): the registers page says so at once.
        monkeypatch.setattr(clock, "today", lambda: date(date.today().year, 12, 31))
        _show(win, qtbot, "registers")
        registers.table.selectRow(0)
        registers.ask_close()
        _box, yes, _reg = registers._closing
        yes.click()
        qtbot.waitUntil(lambda: registers.rows and registers.rows[0].closed, timeout=5000)
        assert "Clos le" in registers.table.item(0, 7).text()
    finally:
        win.close()
        ops.stop()


def test_district_pages_after_an_import(tmp_path: Path, ui_settings, qtbot) -> None:
    """Import: the district's registers list the acts received, the quarantine its records."""
    from civreg.services.transmission import export_batch
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    ops = Operations()
    try:
        trust(district, commune, tmp_path)
        register(commune, birth("KABORE", "Paul", 2))
        register(commune, birth("ZONGO", "Awa", 3))
        export_batch(commune.registrar, tmp_path / "a1.civbatch")
        win = MainWindow(district.officer, ops, ui_settings)
        qtbot.addWidget(win)
        win.show()
        _visit_all(win, qtbot)
        assert _rows(win.pages["births"]) == []
        page = _show(win, qtbot, "import")
        page.import_files([tmp_path / "a1.civbatch"])
        qtbot.waitUntil(lambda: page.last is not None, timeout=10_000)
        assert win.pages["births"].stale and win.pages["statistics"].stale
        names = sorted(r.subject for r in _rows(_show(win, qtbot, "births")))
        assert names == ["KABORE Paul", "ZONGO Awa"]
        stats = _show(win, qtbot, "statistics")
        assert 2025 in stats.figures.years  # the year of the acts received is offered
        stats.year.setCurrentIndex(stats.year.findData(2025))
        stats.load()
        qtbot.waitUntil(lambda: stats.figures.year == 2025)
        assert stats.figures.stats.total("birth") == 2
    finally:
        ops.stop()
        commune.close()
        district.close()
