"""The transmission screen shows what waits to be sent and the batches sent."""

from __future__ import annotations

import re

from tests.ui.screens import add_sample_acts


def test_pending_changes_then_a_sent_batch(login, tmp_path, qtbot, monkeypatch) -> None:
    import time
    from datetime import datetime, timedelta

    from civreg.services.transmission import export_batch, transmission_status
    from civreg.ui.operations import Operations
    from civreg.ui.transmission_page import TransmissionPage

    ctx = login("registrar")
    add_sample_acts(ctx)
    monkeypatch.setenv("TZ", "WAT-1")  # Kinshasa: one hour ahead of UTC, the zone named WAT
    time.tzset()
    ops = Operations()
    try:
        page = TransmissionPage(ctx, ops)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.pending.text() != "")
        assert page.pending.text() == "Changements en attente d'envoi : 2"  # act + mention
        assert page.batches.rowCount() == 0 and page.export_btn.isVisible()
        export_batch(ctx, tmp_path / "lot.civreg-batch")
        page.load()
        qtbot.waitUntil(lambda: page.batches.rowCount() == 1)
        # Written to a file is not sent: the receipt (or the online column) says more later.
        assert page.batches.item(0, 2).text() == "Écrit dans un fichier"
        # Dates as the user reads them (30/11/2026 15:05 WAT), never ISO; the local time with
        # its zone, not the UTC the store keeps.
        shown = page.batches.item(0, 1).text()
        assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d WAT", shown), shown
        stored = datetime.fromisoformat(transmission_status(ctx).batches[0].created_at)
        assert shown == (stored + timedelta(hours=1)).strftime("%d/%m/%Y %H:%M WAT")
        # Every column is wide enough for its title and cells (nothing clipped or wrapped).
        header = page.batches.horizontalHeader()
        metrics = header.fontMetrics()
        for col in range(page.batches.columnCount()):
            texts = [page.batches.horizontalHeaderItem(col).text()]
            texts += [page.batches.item(0, col).text()] if page.batches.item(0, col) else []
            need = max(metrics.horizontalAdvance(t) for t in texts)
            assert header.sectionSize(col) >= need, (texts, header.sectionSize(col), need)
        assert page.pending.text().endswith(": 0")
    finally:
        ops.stop()
        monkeypatch.delenv("TZ")
        time.tzset()
