"""The client's file dialogs: Qt's own, so they speak the language chosen in civreg.

A desktop's native dialog (GTK, portal) follows the system's language, not civreg's; Qt's
dialog is translated by the catalogues civreg.ui.translations installs (Qt's, completed by
civreg.ui.qt_catalogue). Every save/open/folder dialog of the client goes through here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def save_file(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """The chosen file name to write, or "" when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, start, filters, options=OPTIONS)
    return name


def open_file(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """The chosen file to read, or "" when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, start, filters, options=OPTIONS)
    return name


def open_files(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> list[str]:
    """The chosen files to read (none when cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, title, start, filters, options=OPTIONS)
    return list(names)


def folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """The chosen folder, or "" when cancelled."""
    return QFileDialog.getExistingDirectory(
        parent, title, start, QFileDialog.Option.ShowDirsOnly | OPTIONS
    )
