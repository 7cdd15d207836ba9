"""The one place that shows errors to the user (STYLE.md §7)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from civreg.errors import ValidationError, plain_error
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
        return "\n".join(problem_sentence(p.path, p.message()) for p in exc.problems)
    plain = plain_error(exc, store_path=store_path)
    if plain is not None:
        return plain.message()
    return QCoreApplication.translate(
        "Errors", "An unexpected error occurred ({kind}). Nothing was changed."
    ).format(kind=type(exc).__name__)


def problem_sentence(path: str, message: str) -> str:
    """A field's problem in words: "Date of birth: this field is required" — never the
    field's internal path."""
    from civreg.ui.form_layout import Texts
    from civreg.ui.form_mapping import person_path

    texts = Texts()
    fields, sections = texts.fields(), texts.sections()
    person = person_path(path)
    head = path.split(".")[0].split("[")[0]
    if person is not None:
        name = fields.get(person[2], "")
        section = sections.get(f"witness{person[1]}" if person[0] == "witness" else person[0], "")
        name = f"{section} — {name}" if section and name else section or name
    else:
        name = fields.get(path) or fields.get(head) or sections.get(head, "")
    if not name:
        return message
    return QCoreApplication.translate("Errors", "{field}: {problem}").format(
        field=name, problem=message
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    text = error_text(exc)
    if plain_error(exc) is None:
        # Classes and code locations only: an exception's message may quote personal data.
        log.error("unexpected error in an operation: %s", trace_without_messages(exc))
    shown.append(text)
    if modal:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "civreg"), text)
