"""The one place that shows errors to the user (STYLE.md §7)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from civreg.errors import FieldProblem, ValidationError, plain_error
from civreg.i18n import t
from civreg.oplog import trace_without_messages

log = logging.getLogger(__name__)

# Tests and the screenshot tool read what would have been shown instead of opening a dialog.
shown: list[str] = []
modal = True
# The open store's file, so that an I/O error on a full disk is told as a full disk.
store_path: Path | None = None


def error_text(exc: BaseException) -> str:
    """What the user reads: the translated message, never a traceback or personal data.
    A full disk, a damaged or busy store, an I/O error get the same plain message as at the
    command line (``civreg.errors.plain_error``)."""
    if isinstance(exc, ValidationError):
        import civreg.domain.field_labels  # noqa: F401  (installs the labeller)

        return "\n".join(p.line() for p in exc.problems)
    plain = plain_error(exc, store_path=store_path)
    if plain is not None:
        return plain.message()
    return QCoreApplication.translate(
        "Errors", "An unexpected error occurred ({kind}). Nothing was changed."
    ).format(kind=type(exc).__name__)


def problem_sentence(path: str, message: str) -> str:
    """A field's problem in words: « Enfant — prénoms : ce champ est obligatoire » — never
    the field's internal path (the domain's one labeller names the field)."""
    import civreg.domain.field_labels  # noqa: F401  (installs the labeller)

    label = FieldProblem(path, "").label()
    return t("error.field_line", label=label, text=message) if label else message


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    text = error_text(exc)
    if plain_error(exc) is None:
        # Classes and code locations only: an exception's message may quote personal data.
        log.error("unexpected error in an operation: %s", trace_without_messages(exc))
    shown.append(text)
    if modal:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "civreg"), text)
