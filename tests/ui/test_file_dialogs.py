"""The file dialogs the client opens speak the user's language, all of them (issue 11 item 8).

Qt's own French catalogue (qtbase_fr) predates the texts of Qt 6's file dialog: "&Look in:",
"Files of &type:" and the kinds in the Type column ("Folder", "%1 File") were left in English.
civreg's catalogue carries those few texts; the dialogs are Qt's own (never the desktop's
native one, which would follow the system's language instead of the one chosen in civreg).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton, QTreeView


def dialog_texts(dlg: QFileDialog) -> dict[str, object]:
    labels = sorted(lbl.text().replace("&", "") for lbl in dlg.findChildren(QLabel) if lbl.text())
    view = dlg.findChild(QTreeView)
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    root = view.rootIndex()
    kinds = sorted({model.index(r, 2, root).data() for r in range(model.rowCount(root))})
    buttons = sorted(b.text().replace("&", "") for b in dlg.findChildren(QPushButton) if b.text())
    return {"labels": labels, "headers": headers, "kinds": kinds, "buttons": buttons}


def open_and_read(qtbot, trigger, folder: Path) -> dict[str, object]:
    """Run ``trigger`` (which opens a modal file dialog), read the dialog, close it."""
    seen: dict[str, object] = {}

    def read() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, QFileDialog):
            QTimer.singleShot(50, read)
            return
        seen["opened_in"] = dlg.directory().absolutePath()
        seen["proposed"] = dlg.selectedFiles()
        dlg.setDirectory(str(folder))
        view = dlg.findChild(QTreeView)

        def rows() -> int:
            return view.model().rowCount(view.rootIndex())

        def finish() -> None:
            if rows() < 2:
                QTimer.singleShot(50, finish)
                return
            QTimer.singleShot(300, lambda: (seen.update(dialog_texts(dlg)), dlg.reject()))

        finish()

    QTimer.singleShot(0, read)
    trigger()
    qtbot.waitUntil(lambda: "labels" in seen, timeout=10_000)
    return seen


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "lots").mkdir()
    (tmp_path / "BF-BLK01-2026-11-01.civreg-batch").write_bytes(b"\x00\x01civreg\xfe\xff")
    return tmp_path


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_transmission_save_dialog_in_the_users_language(
    lang, login, folder, qtbot, french_catalogue, tmp_path, monkeypatch
) -> None:
    documents = tmp_path / "Mes documents"
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    from civreg.i18n import set_language
    from civreg.ui.operations import Operations
    from civreg.ui.transmission_page import TransmissionPage

    ctx = login("registrar")
    ops = Operations()
    french_catalogue.install(lang)
    set_language(lang)
    try:
        page = TransmissionPage(ctx, ops)
        qtbot.addWidget(page)
        seen = open_and_read(qtbot, page.export, folder)
    finally:
        french_catalogue.install("fr")
        set_language("fr")
        ops.stop()
    # Proposed in the documents folder, never in the folder civreg was started from.
    assert seen["opened_in"] == str(documents)
    [proposed] = seen["proposed"]
    assert proposed.startswith(str(documents) + "/BF-11-01-") and proposed.endswith(".civreg-batch")
    if lang == "fr":
        assert seen["labels"] == ["Fichiers de type\xa0:", "Nom de fichier\xa0:", "Voir dans\xa0:"]
        assert seen["headers"] == ["Nom", "Taille", "Type", "Dernière modification"]
        assert seen["kinds"] == ["Dossier", "inconnu"]
        assert seen["buttons"] == ["Annuler", "Enregistrer"]
    else:
        assert seen["labels"] == ["File name:", "Files of type:", "Look in:"]
        assert seen["headers"] == ["Name", "Size", "Type", "Date Modified"]
        assert seen["kinds"] == ["Folder", "unknown"]
        assert seen["buttons"] == ["Cancel", "Save"]


def test_every_dialog_of_the_client_is_qt_s_own(qtbot) -> None:
    """No module of the client calls QFileDialog's static functions directly: they go through
    civreg.ui.file_dialogs, which asks for Qt's dialog (translated with civreg's language)."""
    ui = Path(__file__).resolve().parents[2] / "civreg" / "ui"
    direct = [
        p.name
        for p in sorted(ui.glob("*.py"))
        if p.name != "file_dialogs.py" and "QFileDialog.get" in p.read_text(encoding="utf-8")
    ]
    assert direct == []
