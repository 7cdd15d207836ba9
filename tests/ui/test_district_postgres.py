"""The district client opened on a PostgreSQL store (``civreg gui --store postgresql://…``):
the login window (not the first-run wizard), then the Import, Quarantine and Statistics
screens working on the server's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.transmission_support import (
    PW,
    birth,
    new_commune,
    new_district,
    register,
    trust,
)

pytestmark = pytest.mark.postgres


def test_district_client_on_postgres(
    pg_url: str, tmp_path: Path, ui_settings, qtbot, no_modal_errors
) -> None:
    from civreg.services.mentions import add_mention
    from civreg.services.queries import get_act
    from civreg.services.transmission import export_batch
    from civreg.ui.app import DesktopApp

    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path, pg_url)
    try:
        trust(district, commune, tmp_path)
        gid = register(commune, birth("KABORE", "Paul", 2))
        register(commune, birth("ZONGO", "Awa", 3))
        export_batch(commune.registrar, tmp_path / "b1.civbatch")
        act = get_act(commune.registrar, gid)
        add_mention(
            commune.registrar, act.id, kind="recognition", when="2025-06-21", text="Reconnaissance."
        )
        export_batch(commune.registrar, tmp_path / "b2.civbatch")
    finally:
        commune.close()
        district.close()

    app = DesktopApp(pg_url, ui_settings, delay_base=0.05)
    try:
        app.start()
        assert app.wizard is None  # a URL is never "a missing file to create"
        qtbot.waitUntil(lambda: app.login_dialog is not None and app.login_dialog.isVisible())
        dlg = app.login_dialog
        dlg.username.setText("admin")
        dlg.password.setText(PW)
        dlg.submit()
        qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=20_000)
        win = app.main
        assert {"import", "statistics", "transmission"} <= set(win.keys)

        page = win.pages["import"]
        assert page.quarantine is not None
        win.show_page("import")
        page.import_files([tmp_path / "b2.civbatch"])  # batch 1 missing: gap + quarantine
        qtbot.waitUntil(lambda: page.last is not None, timeout=20_000)
        assert page.gaps.text() == "BF-11-01 : lot(s) 1 manquant(s)"
        qtbot.waitUntil(lambda: page.quarantine.rowCount() == 1, timeout=10_000)
        page.last = None
        page.import_files([tmp_path / "b1.civbatch"])
        qtbot.waitUntil(lambda: page.last is not None, timeout=20_000)
        assert page.last.batches[0].status == "imported"

        stats = win.pages["statistics"]
        stats.figures = None
        win.show_page("statistics")
        stats.load()
        qtbot.waitUntil(lambda: stats.figures is not None, timeout=10_000)
        assert stats.year.findData(2025) > 0  # the years of the imported acts are offered
        stats.year.setCurrentIndex(stats.year.findData(2025))
        stats.load()
        qtbot.waitUntil(lambda: stats.figures.year == 2025, timeout=10_000)
        assert stats.summary.item(0, 0).text() == "Naissances"
        assert stats.summary.item(0, 1).text() == "2"
        assert no_modal_errors == []

        # The file backup of the Administration screen says where a server store is saved.
        from civreg.errors import CivregError
        from civreg.services.backup import create_backup

        with pytest.raises(CivregError, match="pg_dump"):
            create_backup(app.ctx, tmp_path)
    finally:
        if app.main is not None:
            app.main.close()
        app.shutdown()
