"""The Import screen of a district: a commune's batch is imported and the report shown (result,
gap in the numbering, quarantined record, receipt), the quarantine reviewed, a refused file
explained, and the batches forwarded to the national level."""

from __future__ import annotations

from pathlib import Path

from tests.integration.transmission_support import birth, new_commune, new_district, register, trust


def test_import_report_quarantine_rejection_and_forward(
    tmp_path: Path, ui_settings, qtbot, no_modal_errors
) -> None:
    from civreg.services.mentions import add_mention
    from civreg.services.queries import get_act
    from civreg.services.transmission import export_batch, list_quarantine
    from civreg.ui.import_page import ImportPage
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    commune, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    ops = Operations()
    try:
        trust(district, commune, tmp_path)
        gid = register(commune, birth("KABORE", "Paul", 2))
        out = tmp_path / "out"
        out.mkdir()
        export_batch(commune.registrar, out / "a1.civbatch")
        act = get_act(commune.registrar, gid)
        add_mention(
            commune.registrar, act.id, kind="recognition", when="2025-06-21", text="Reconnaissance."
        )
        export_batch(commune.registrar, out / "a2.civbatch")  # the mention alone

        win = MainWindow(district.officer, ops, ui_settings)
        qtbot.addWidget(win)
        win.show()
        assert "import" in win.keys and "verify" in win.keys
        page = win.pages["import"]
        assert isinstance(page, ImportPage) and page.quarantine is not None
        win.show_page("import")
        qtbot.waitUntil(lambda: not ops.busy)
        assert page.quarantine.rowCount() == 0

        page.import_files([out / "a2.civbatch"])  # batch 1 not received yet
        qtbot.waitUntil(lambda: page.last is not None, timeout=10_000)
        counts = page.last.batches[0].counts
        assert counts["mention"] == 1 and "act" not in counts
        n = sum(counts.values())  # the mention and its audit entries
        cells = [page.report.item(0, c).text() for c in range(page.report.columnCount())]
        assert cells == ["a2.civbatch", commune.office_id, "2", "Importé", str(n), "1"]
        assert page.summary.text() == (
            "1 lot(s) accepté(s), 0 déjà importé(s) ; "
            f"{n} enregistrement(s) reçu(s), 1 en quarantaine."
        )
        assert page.gaps.text() == f"{commune.office_id} : lot(s) 1 manquant(s)"
        receipt = Path(page.last.receipt_path)
        assert receipt.exists() and str(receipt) in page.receipt.text()
        qtbot.waitUntil(lambda: page.quarantine.rowCount() == 1)
        assert page.quarantine.item(0, 3).text() == "concerne un acte absent d'ici"

        page.quarantine.selectRow(0)
        page.resolve_selected()  # no note: nothing is closed
        qtbot.waitUntil(lambda: not ops.busy)
        assert len(list_quarantine(district.officer)) == 1
        page.resolution.setText("Lot 1 demandé à la commune.")
        page.resolve_selected()
        qtbot.waitUntil(lambda: page.quarantine.rowCount() == 0)
        resolved = list_quarantine(district.officer, include_resolved=True)
        assert [q.resolution for q in resolved] == ["Lot 1 demandé à la commune."]

        bad = tmp_path / "bad.civbatch"
        bad.write_bytes(b"not a batch at all")
        page.last = None
        page.import_files([out / "a1.civbatch", bad])
        qtbot.waitUntil(lambda: page.summary.text().startswith("Refusé"), timeout=10_000)
        assert no_modal_errors == ["Ce fichier n'est pas un lot civreg."]
        assert page.summary.text() == (
            "Refusé : bad.civbatch : Ce fichier n'est pas un lot civreg. Rien n'a été importé."
        )
        assert page.report.rowCount() == 0 and page.last is None

        page.import_files([out / "a1.civbatch"])  # the gap filled
        qtbot.waitUntil(lambda: page.last is not None, timeout=10_000)
        assert page.gaps.text() == "Aucun lot manquant."

        national = tmp_path / "national"
        national.mkdir()
        page.forward(national)
        qtbot.waitUntil(lambda: "niveau national" in page.summary.text())
        assert sorted(p.name for p in national.iterdir()) == [
            f"{commune.office_id}-000001.civbatch",
            f"{commune.office_id}-000002.civbatch",
        ]
    finally:
        ops.stop()
        commune.close()
        district.close()


def test_import_is_hidden_from_communes(login, ui_settings, qtbot) -> None:
    from civreg.ui.main_window import MainWindow
    from civreg.ui.operations import Operations

    ops = Operations()
    try:
        for user in ("registrar", "clerk"):
            win = MainWindow(login(user), ops, ui_settings)
            qtbot.addWidget(win)
            assert "import" not in win.keys and "verify" in win.keys
            assert ("statistics" in win.keys) == (user == "registrar")
    finally:
        ops.stop()
