"""The client's file dialogs: Qt's own, so they speak the language chosen in civreg.

A desktop's native dialog (GTK, portal) follows the system's language, not civreg's; Qt's
dialog is translated by the catalogues civreg.ui.translations installs (Qt's, completed by
civreg.ui.qt_catalogue). Every save/open/folder dialog of the client goes through here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog


def documents_folder() -> Path:
    """The user's documents folder (made if missing; the home folder if it cannot be)."""
    from platformdirs import user_documents_dir

    folder = Path(user_documents_dir())
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def start_path(start: str) -> str:
    """Where a dialog opens: a bare file name is proposed in the documents folder, never in
    the folder civreg happened to be started from."""
    if start and Path(start).is_absolute():
        return start
    return str(documents_folder() / start) if start else str(documents_folder())


def _ask(
    parent: QWidget | None,
    title: str,
    start: str,
    filters: str,
    mode: QFileDialog.FileMode,
    save: bool = False,
) -> list[str]:
    """Qt's dialog, wide enough for its columns (name, size, kind, date) on a 1366 x 768
    screen; the chosen paths, none when cancelled."""
    dlg = QFileDialog(parent, title, start_path(start), filters)
    dlg.setOption(OPTIONS)
    dlg.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dlg.setOption(QFileDialog.Option.ShowDirsOnly)
    if save:
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dlg.resize(960, 540)
    try:
        return dlg.selectedFiles() if dlg.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dlg.deleteLater()


def save_file(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """The chosen file name to write, or "" when cancelled (replacing a file asks first)."""
    chosen = _ask(parent, title, start, filters, QFileDialog.FileMode.AnyFile, save=True)
    return chosen[0] if chosen else ""


def open_file(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> str:
    """The chosen file to read, or "" when cancelled."""
    chosen = _ask(parent, title, start, filters, QFileDialog.FileMode.ExistingFile)
    return chosen[0] if chosen else ""


def open_files(parent: QWidget | None, title: str, start: str = "", filters: str = "") -> list[str]:
    """The chosen files to read (none when cancelled)."""
    return _ask(parent, title, start, filters, QFileDialog.FileMode.ExistingFiles)


def folder(parent: QWidget | None, title: str, start: str = "") -> str:
    """The chosen folder, or "" when cancelled."""
    chosen = _ask(parent, title, start, "", QFileDialog.FileMode.Directory)
    return chosen[0] if chosen else ""
