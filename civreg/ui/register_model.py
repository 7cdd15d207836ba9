"""Table model of a register: holds act ids and light rows, fetched page by page.

``canFetchMore``/``fetchMore`` ask the database worker for the next page of ids *and* their
rows; the view never waits for the database and never loads a register whole.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from civreg.domain.dates import PartialDate
from civreg.errors import CivregError
from civreg.services.context import Ctx
from civreg.services.queries import ActFilter, ActRow, act_ids, act_rows, count_acts
from civreg.ui.operations import Operations

NUMBER, SUBJECT, EVENT_DATE, PLACE, STATUS, GLOBAL_ID = range(6)
COLUMNS = (NUMBER, SUBJECT, EVENT_DATE, PLACE, STATUS, GLOBAL_ID)
SORT_KEYS = {NUMBER: "number", EVENT_DATE: "event_date", GLOBAL_ID: "number"}
ActIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
PAGE = 200

_Index = QModelIndex | QPersistentModelIndex


def fetch_page(ctx: Ctx, f: ActFilter, sort: str, descending: bool, offset: int) -> list[ActRow]:
    """Runs on the database worker: one page of ids, then their rows."""
    return act_rows(
        ctx, act_ids(ctx, f, sort=sort, descending=descending, offset=offset, limit=PAGE)
    )


def display_date(iso: str) -> str:
    if not iso:
        return ""
    try:
        return PartialDate.from_iso(iso).display()
    except (ValueError, CivregError):
        return iso


class RegisterModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    total_known = Signal(int)

    def __init__(self, ctx: Ctx, ops: Operations, act_filter: ActFilter) -> None:
        super().__init__()
        self._ctx, self._ops = ctx, ops
        self._filter = act_filter
        self._sort, self._descending = "number", True
        self._rows: list[ActRow] = []
        self._pending = False
        self._exhausted = False
        self._generation = 0
        self.pages_fetched = 0
        self.show_kind = False  # mixed kinds (search results): say which kind each row is

    # -- lazy fetching -----------------------------------------------------------------
    @property
    def act_filter(self) -> ActFilter:
        return self._filter

    def set_filter(self, act_filter: ActFilter) -> None:
        self._filter = act_filter
        self.reload()

    def set_kind(self, kind: str) -> None:
        self.set_filter(replace(self._filter, kind=kind))

    def reload(self) -> None:
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._pending = False
        self._exhausted = False
        self.pages_fetched = 0
        self.endResetModel()
        gen = self._generation
        self.fetchMore(QModelIndex())  # the first page first: counting 1M rows takes longer
        self._ops.run(
            count_acts,
            self._ctx,
            self._filter,
            owner=self,
            on_done=lambda n: self._counted(gen, n),
        )

    def _counted(self, gen: int, n: int) -> None:
        if gen == self._generation:  # a count for an older filter is dropped
            self.total_known.emit(n)

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._pending

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._pending = True
        self.loading_changed.emit(True)
        gen = self._generation
        self._ops.run(
            fetch_page,
            self._ctx,
            self._filter,
            self._sort,
            self._descending,
            len(self._rows),
            on_done=lambda rows: self._append(gen, rows),
            on_error=lambda exc: self._failed(gen, exc),
            owner=self,
        )

    def _append(self, gen: int, rows: list[ActRow]) -> None:
        if gen != self._generation:
            return
        self._pending = False
        self.pages_fetched += 1
        if len(rows) < PAGE:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loading_changed.emit(False)

    def _failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._pending = False
            self._exhausted = True
            self.loading_changed.emit(False)
        from civreg.ui.errors import show_error

        show_error(None, exc)

    def set_rows(self, rows: list[ActRow]) -> None:
        """Show a fixed list (search results) instead of a lazily fetched register."""
        self.beginResetModel()
        self._generation += 1
        self._rows = list(rows)
        self._pending = False
        self._exhausted = True
        self.show_kind = True
        self.endResetModel()

    @property
    def loading(self) -> bool:
        return self._pending

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def row_at(self, row: int) -> ActRow:
        return self._rows[row]

    def headerData(  # noqa: N802
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Number"),
            self.tr("Name"),
            self.tr("Date of event"),
            self.tr("Place"),
            self.tr("Status"),
            self.tr("Identifier"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == ActIdRole:
            return r.id
        if role == RowRole:
            return r
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == NUMBER:
                number = f"{r.number:04d} / {r.year}" if r.number is not None else "—"
                return f"{self.kind_text(r.kind)} {number}" if self.show_kind else number
            if col == SUBJECT:
                return r.subject
            if col == EVENT_DATE:
                return display_date(r.event_date)
            if col == PLACE:
                return r.event_place
            if col == STATUS:
                return self.status_text(r)
            if col == GLOBAL_ID:
                return r.global_id or ""
        if role == Qt.ItemDataRole.ForegroundRole and self._rows[index.row()].cancelled:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        return None

    def kind_text(self, kind: str) -> str:
        return {
            "birth": self.tr("Birth"),
            "marriage": self.tr("Marriage"),
            "death": self.tr("Death"),
        }.get(kind, kind)

    def status_text(self, r: ActRow) -> str:
        if r.cancelled:
            return self.tr("Cancelled")
        if r.status == "draft":
            return self.tr("Draft")
        return self.tr("Registered (late)") if r.late else self.tr("Registered")

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
