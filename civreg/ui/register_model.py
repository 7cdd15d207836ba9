"""Table model of a register: holds act ids and light rows, fetched page by page.

``canFetchMore``/``fetchMore`` ask the database worker for the next page of ids *and* their
rows; the view never waits for the database and never loads a register whole. The ids of the
rows fetched so far are kept compactly (8 bytes a row: 8 MB for a million); their rows only for
the last ``KEEP_PAGES`` pages the view showed. A row scrolled back to after its page was let go
is shown blank for the moment its page takes to come back from the worker (by id).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from civreg.domain.dates import PartialDate
from civreg.errors import CivregError
from civreg.services.context import Ctx
from civreg.services.queries import ActFilter, ActRow, act_ids, act_rows, count_acts_sliced
from civreg.ui.operations import Operations

NUMBER, SUBJECT, EVENT_DATE, PLACE, STATUS, GLOBAL_ID = range(6)
COLUMNS = (NUMBER, SUBJECT, EVENT_DATE, PLACE, STATUS, GLOBAL_ID)
SORT_KEYS = {NUMBER: "number", EVENT_DATE: "event_date", GLOBAL_ID: "number"}
ActIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
PAGE = 200
KEEP_PAGES = 8  # pages of rows kept (1 600 rows, some 60 screens); the rest as ids only

_Index = QModelIndex | QPersistentModelIndex


def fetch_page(
    ctx: Ctx, f: ActFilter, sort: str, descending: bool, offset: int
) -> tuple[list[int], list[ActRow]]:
    """Runs on the database worker: one page of ids, then their rows."""
    ids = act_ids(ctx, f, sort=sort, descending=descending, offset=offset, limit=PAGE)
    return ids, act_rows(ctx, ids)


def fetch_rest(ctx: Ctx, f: ActFilter, sort: str, descending: bool, offset: int) -> list[int]:
    """Runs on the database worker: every id from ``offset`` to the end, in one query (ids
    only: 8 MB for a million; the rows of the pages shown come by id)."""
    return act_ids(ctx, f, sort=sort, descending=descending, offset=offset, limit=None)


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
        self._ids = array("q")  # every row fetched so far, in display order
        self._pages: OrderedDict[int, list[ActRow | None]] = OrderedDict()  # most recent last
        self._refilling: set[int] = set()  # pages let go and asked for again
        self._pinned = False  # a fixed list (search results) keeps all its rows
        self._started = False
        self._pending = False
        self._exhausted = False
        self._then_end: Callable[[], None] | None = None  # Ctrl+End asked while a page came
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
        self._started = True
        self._clear()
        self._pending = False
        self._exhausted = False
        self._then_end = None
        self.pages_fetched = 0
        self.endResetModel()
        gen = self._generation
        self.fetchMore(QModelIndex())  # the first page first: counting 1M rows takes longer
        self._ops.run_sliced(  # a year at a time: the pages scrolled to meanwhile go between
            count_acts_sliced,
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
        self._start_fetch(fetch_page, lambda gen, page: self._append(gen, *page))

    def _start_fetch(
        self,
        job: Callable[[Ctx, ActFilter, str, bool, int], Any],
        on_done: Callable[[int, Any], None],
    ) -> None:
        """The one fetch in flight: ``job`` on the worker from the end of the ids fetched so
        far, then ``on_done(generation, result)``; a failure goes to ``_failed``."""
        self._pending = True
        self.loading_changed.emit(True)
        gen = self._generation
        self._ops.run(
            job,
            self._ctx,
            self._filter,
            self._sort,
            self._descending,
            len(self._ids),
            on_done=lambda result: on_done(gen, result),
            on_error=lambda exc: self._failed(gen, exc),
            owner=self,
        )

    def _append(self, gen: int, ids: list[int], rows: list[ActRow]) -> None:
        if gen != self._generation:
            return
        self._pending = False
        self.pages_fetched += 1
        if len(ids) < PAGE:
            self._exhausted = True
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self._keep(first // PAGE, ids, rows)
            self.endInsertRows()
        self.loading_changed.emit(False)
        then, self._then_end = self._then_end, None
        if then is not None:
            self.fetch_to_end(then)

    def fetch_to_end(self, then: Callable[[], None]) -> None:
        """Every remaining id in one query, then ``then()`` (the view goes to the last row).
        The rows between stay ids until they are shown; the last page's come by id."""
        if self._exhausted:
            then()
            return
        if self._pending:  # a page is on its way: go on from its end
            self._then_end = then
            return
        self._start_fetch(fetch_rest, lambda gen, ids: self._appended_rest(gen, ids, then))

    def _appended_rest(self, gen: int, ids: list[int], then: Callable[[], None]) -> None:
        if gen != self._generation:
            return
        self._pending = False
        self._exhausted = True
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            self.endInsertRows()
        self.loading_changed.emit(False)
        then()

    # -- the window of rows kept ---------------------------------------------------------
    def _clear(self) -> None:
        self._ids = array("q")
        self._pages.clear()
        self._refilling.clear()
        self._pinned = False

    def _keep(self, page: int, ids: list[int], rows: list[ActRow]) -> None:
        by_id = {r.id: r for r in rows}  # an act gone meanwhile leaves its row blank
        self._pages[page] = [by_id.get(i) for i in ids]
        self._pages.move_to_end(page)
        while len(self._pages) > KEEP_PAGES and not self._pinned:
            self._pages.popitem(last=False)

    def _row(self, row: int) -> ActRow | None:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            self._refill(page)
            return None
        self._pages.move_to_end(page)
        return rows[row % PAGE]

    def _refill(self, page: int) -> None:
        """Ask the worker again for the rows of a page let go (by their ids)."""
        if page in self._refilling:
            return
        self._refilling.add(page)
        gen = self._generation
        ids = list(self._ids[page * PAGE : (page + 1) * PAGE])
        self._ops.run(
            act_rows,
            self._ctx,
            ids,
            on_done=lambda rows: self._refilled(gen, page, ids, rows),
            on_error=lambda exc: self._refill_failed(gen, page, exc),
            owner=self,
        )

    def _refilled(self, gen: int, page: int, ids: list[int], rows: list[ActRow]) -> None:
        if gen != self._generation:
            return
        self._refilling.discard(page)
        self._keep(page, ids, rows)
        first = page * PAGE
        last = min(len(self._ids), first + PAGE) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def _refill_failed(self, gen: int, page: int, exc: BaseException) -> None:
        if gen == self._generation:
            self._refilling.discard(page)
        from civreg.ui.errors import show_error

        show_error(None, exc)

    @property
    def kept_rows(self) -> int:
        """How many rows the model holds in full (the rest are ids)."""
        return sum(len(rows) for rows in self._pages.values())

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
        self._clear()
        self._pinned = True
        for start in range(0, len(rows), PAGE):
            chunk = rows[start : start + PAGE]
            self._ids.extend(r.id for r in chunk)
            self._keep(start // PAGE, [r.id for r in chunk], chunk)
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
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_at(self, row: int) -> ActRow:
        """The row at a position whose page the model holds (raises ``LookupError`` for a row
        let go: ask for it through ``data``, which fetches it again)."""
        found = self._row(row)
        if found is None:
            raise LookupError(row)
        return found

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
        if role == ActIdRole:
            return self._ids[index.row()]
        r = self._row(index.row())
        if r is None:
            return None
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
        if role == Qt.ItemDataRole.ForegroundRole and r.cancelled:
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
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._sort, self._descending) and self._started:
            return
        self._sort, self._descending = key, descending
        if self._started:  # not before the page is first shown (a view sorts as it is built)
            self.reload()
