"""The one place that shows errors to the user (STYLE.md §7)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from civreg.errors import CivregError

log = logging.getLogger(__name__)

# Tests and the screenshot tool read what would have been shown instead of opening a dialog.
shown: list[str] = []
modal = True


def error_text(exc: BaseException) -> str:
    """What the user reads: the translated message, never a traceback or personal data."""
    if isinstance(exc, CivregError):
        return exc.message()
    return QCoreApplication.translate(
        "Errors", "An unexpected error occurred ({kind}). Nothing was changed."
    ).format(kind=type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    text = error_text(exc)
    if not isinstance(exc, CivregError):
        log.error("unexpected error in an operation: %s", type(exc).__name__, exc_info=exc)
    shown.append(text)
    if modal:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "civreg"), text)
