"""Registers (births, marriages, deaths) and the list of drafts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.lookup import centres, years
from civreg.services.queries import ActFilter
from civreg.ui.lazy import LazyPage
from civreg.ui.operations import Operations
from civreg.ui.register_model import ActIdRole, RegisterModel

COLUMN_WIDTHS = (150, 270, 140, 230, 120)


class ActTable(QTableView):
    """A table of acts where Enter or a double click opens the act."""

    open_act = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setStretchLastSection(True)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        act_id = index.data(ActIdRole)
        if act_id is not None:
            self.open_act.emit(int(act_id))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        model = self.model()
        if (
            event.key() == Qt.Key.Key_End
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and isinstance(model, RegisterModel)
            and not model.exhausted
        ):
            # Qt's Ctrl+End goes to the last row fetched, which fetches one page more: the
            # register's last act is asked for instead.
            model.fetch_to_end(self._go_to_last)
            return
        super().keyPressEvent(event)

    def _go_to_last(self) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        column = max(self.currentIndex().column(), 0)
        last = model.index(model.rowCount() - 1, column)
        self.setCurrentIndex(last)
        self.scrollTo(last, QAbstractItemView.ScrollHint.PositionAtBottom)


class RegistersPage(LazyPage, QWidget):
    """One kind of act, filtered by year, centre and status; fetched lazily."""

    open_act = Signal(int)
    new_act = Signal(str)

    def __init__(
        self,
        ctx: Ctx,
        ops: Operations,
        kind: str,
        *,
        status: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"registers-{kind or 'drafts'}")
        self.ctx, self.ops, self.kind = ctx, ops, kind
        self.model = RegisterModel(ctx, ops, ActFilter(kind=kind or None, status=status))
        self.year = QComboBox()
        self.year.setObjectName("year")
        self.year.addItem(self.tr("All years"), 0)
        self.centre = QComboBox()
        self.centre.setObjectName("centre")
        self.centre.addItem(self.tr("All centres"), "")
        self.status = QComboBox()
        self.status.setObjectName("status")
        for text, code in (
            (self.tr("All statuses"), ""),
            (self.tr("Registered"), "registered"),
            (self.tr("Drafts"), "draft"),
        ):
            self.status.addItem(text, code)
        if status:
            self.status.setCurrentIndex(self.status.findData(status))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.table = ActTable()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(col, width)
        self.table.open_act.connect(self.open_act.emit)
        bar = QHBoxLayout()
        for label, w in (
            (self.tr("Year"), self.year),
            (self.tr("Centre"), self.centre),
            (self.tr("Status"), self.status),
        ):
            bar.addWidget(QLabel(label))
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        if kind and ctx.can("draft.create"):
            new = QPushButton(self.tr("&New declaration"))
            new.clicked.connect(lambda: self.new_act.emit(kind))
            bar.addWidget(new)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        self.model.total_known.connect(self._show_count)
        self.model.loading_changed.connect(self._loading)
        for combo in (self.year, self.centre, self.status):
            combo.activated.connect(self._apply_filter)
        self.follow_changes(ops)

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("{n} act(s)").format(n=f"{n:,}".replace(",", "\u202f")))

    def _loading(self, on: bool) -> None:
        """A busy cursor over the table while rows come (Ctrl+End on a big register: ≈ 1 s)."""
        viewport = self.table.viewport()
        if on:
            viewport.setCursor(Qt.CursorShape.BusyCursor)
        else:
            viewport.unsetCursor()

    def concerns(self, changes: Changes) -> bool:
        if self.kind:
            return changes.touches_kind(self.kind)
        return changes.drafts or changes.everything

    def fetch(self) -> None:
        self.ops.run(years, self.ctx, self.kind or "birth", owner=self, on_done=self._years)
        self.ops.run(centres, self.ctx, owner=self, on_done=self._centres)
        self.model.reload()

    def _years(self, found: list[int]) -> None:
        this_year = date.today().year
        for y in sorted(set(found) | {this_year}, reverse=True):
            if self.year.findData(y) < 0:
                self.year.addItem(str(y), y)

    def _centres(self, found: list[tuple[str, str]]) -> None:
        for code, name in found:
            if self.centre.findData(code) < 0:
                self.centre.addItem(f"{code} — {name}", code)

    def _apply_filter(self) -> None:
        self.model.set_filter(
            ActFilter(
                kind=self.kind or None,
                year=int(self.year.currentData() or 0) or None,
                centre=self.centre.currentData() or None,
                status=self.status.currentData() or None,
            )
        )
