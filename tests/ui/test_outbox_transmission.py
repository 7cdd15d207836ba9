"""A commune with a link: the client sends its exported batches in the background to a real
intake service, and the Transmission screen shows the receipts coming back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.intake_support import IntakeServer
from tests.integration.transmission_support import (
    PW,
    birth,
    new_commune,
    new_district,
    register,
    trust,
)

pytestmark = pytest.mark.postgres


def test_background_sending_and_receipts_on_the_transmission_screen(
    pg_url: str, tmp_path: Path, ui_settings, qtbot, no_modal_errors
) -> None:
    from civreg.services.outbox import set_outbox_settings
    from civreg.services.outbox_settings import OutboxSettings
    from civreg.services.transmission import export_batch
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path, pg_url)
    ops = Operations()
    server = IntakeServer(pg_url, "admin", PW, tmp_path / "intake.log")
    try:
        trust(district, commune, tmp_path)
        trust(commune, district, tmp_path)
        register(commune, birth("KABORE", "Paul", 2))
        export_batch(commune.registrar, tmp_path / "b1.civbatch")
        register(commune, birth("ZONGO", "Awa", 3))
        export_batch(commune.registrar, tmp_path / "b2.civbatch")
        set_outbox_settings(commune.admin, OutboxSettings(endpoint=server.url))

        win = MainWindow(commune.registrar, ops, ui_settings)
        qtbot.addWidget(win)
        page = win.pages["transmission"]
        win.show_page("transmission")
        assert not page.send_btn.isHidden()
        qtbot.waitUntil(lambda: page.batches.rowCount() == 2, timeout=10_000)

        def acknowledged() -> bool:
            cells = [page.batches.item(i, 2) for i in range(page.batches.rowCount())]
            return all(c is not None and c.text() == "Accusé de réception" for c in cells)

        qtbot.waitUntil(acknowledged, timeout=60_000)
        qtbot.waitUntil(lambda: "0 lot(s) en attente" in page.online.text(), timeout=10_000)
        assert server.url.removeprefix("http://") in page.online.text()
        online = [page.batches.item(i, 5).text() for i in range(2)]
        assert online == ["Remis, accusé reçu", "Remis, accusé reçu"]

        # A new batch is sent when the clerk asks ("Send now"), without waiting for the poll.
        register(commune, birth("SAWADOGO", "Ali", 4))
        export_batch(commune.registrar, tmp_path / "b3.civbatch")
        page.load()
        qtbot.waitUntil(lambda: page.batches.rowCount() == 3, timeout=10_000)
        page.send_btn.click()
        qtbot.waitUntil(acknowledged, timeout=60_000)
        assert no_modal_errors == []
        win.stop_background()
    finally:
        server.stop()
        ops.stop()
        commune.close()
        district.close()
