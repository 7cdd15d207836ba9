"""Read-only tables of plain rows (users, batches, notices, quarantine, statistics, history)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

LAST = -1  # stretch the last column
ALL = -2  # every column shares the width


def read_only_table(headers: Sequence[str], *, stretch: int = LAST) -> QTableWidget:
    """Rows are selected whole and Tab leaves the table (keyboard users are not trapped in it).

    ``stretch``: the column that takes the free width (``LAST``, ``ALL`` or an index; the
    others fit their content when an index is given)."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(list(headers))
    header = t.horizontalHeader()
    if stretch == ALL:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    elif stretch == LAST:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    t.verticalHeader().hide()
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    t.setTabKeyNavigation(False)
    return t


def cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """Replace the table's rows (texts only)."""
    table.setRowCount(len(rows))
    for i, values in enumerate(rows):
        for j, v in enumerate(values):
            table.setItem(i, j, cell(v))


def fit_columns(table: QTableWidget) -> None:
    """Columns fitted to their content, the stretched last one still taking the free width
    (``resizeColumnsToContents`` alone shrinks it and leaves a blank strip on the right)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    if header.stretchLastSection():
        header.setStretchLastSection(False)
        header.setStretchLastSection(True)
