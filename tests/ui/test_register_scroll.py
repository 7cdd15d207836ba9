"""Scrolling a register through to its end: the rows shown are the register's, in order; the
model keeps a bounded window of rows (ids for the rest), and a row scrolled back to is fetched
again; sorting and filters still start from the first page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from civreg.services.queries import ActFilter, act_ids, act_rows
from civreg.ui.register_model import KEEP_PAGES, NUMBER, PAGE, SUBJECT, RegisterModel
from tests.conftest import PASSWORDS, copy_store

N = 3_000  # 15 pages of 200


@pytest.fixture(scope="module")
def paged_store(template_dir, tmp_path_factory) -> Path:
    from tests.ui.bulk_acts import add_births

    path = copy_store(template_dir("BF"), tmp_path_factory.mktemp("paged"))
    add_births(path, PASSWORDS["admin"], N)
    return path


@pytest.fixture
def ctx(paged_store):
    from civreg.services.store_access import login

    c = login(paged_store, "clerk", PASSWORDS["clerk"])
    yield c
    c.close()


@pytest.fixture
def ops(qapp):
    from civreg.ui.operations import Operations

    o = Operations()
    yield o
    o.stop()


def _numbers(ctx, f: ActFilter, *, descending: bool) -> list[str]:
    """The register as the service lists it, whole, as the Number column shows it."""
    ids = act_ids(ctx, f, sort="number", descending=descending, limit=N + 1)
    return [f"{r.number:04d} / {r.year}" for r in act_rows(ctx, ids)]


def _shown(view, model) -> list[str]:
    """The Number column of the rows the view shows now, top to bottom."""
    top = view.rowAt(0)
    bottom = view.rowAt(view.viewport().height() - 1)
    bottom = model.rowCount() - 1 if bottom < 0 else bottom
    return [model.data(model.index(r, NUMBER)) for r in range(top, bottom + 1)]


@pytest.fixture
def view(ctx, ops, qtbot):
    from civreg.ui.registers_page import ActTable

    model = RegisterModel(ctx, ops, ActFilter(kind="birth"))
    v = ActTable()
    qtbot.addWidget(v)
    v.setModel(model)
    v.resize(1000, 600)
    v.show()
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE and not model.loading)
    return v


def test_scrolling_to_the_end_shows_the_register_in_order(ctx, view, qtbot) -> None:
    model = view.model()
    expected = _numbers(ctx, ActFilter(kind="birth"), descending=True)
    kept = []
    while not model.exhausted:
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading)
        kept.append(model.kept_rows)
        shown = _shown(view, model)
        qtbot.waitUntil(lambda: None not in _shown(view, model))  # nothing left blank
        top = view.rowAt(0)
        assert _shown(view, model) == expected[top : top + len(shown)]
    assert model.rowCount() == N
    assert [model.id_at(i) for i in (0, N - 1)] == act_ids(
        ctx, ActFilter(kind="birth"), sort="number", descending=True, limit=N
    )[:: N - 1]
    assert max(kept) <= KEEP_PAGES * PAGE < N  # a window of rows, never the register
    # Back to the top: the first rows were let go, they come back, the same ones.
    view.scrollToTop()
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    assert _shown(view, model) == expected[: len(_shown(view, model))]
    assert model.kept_rows <= KEEP_PAGES * PAGE
    first = model.row_at(0)
    assert model.data(model.index(0, SUBJECT)) == first.subject


def test_keyboard_end_and_page_down_follow_the_register(ctx, view, qtbot) -> None:
    model = view.model()
    expected = _numbers(ctx, ActFilter(kind="birth"), descending=True)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    for _ in range(12):
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not model.loading)
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    top = view.rowAt(0)
    assert top > 2 * PAGE
    assert _shown(view, model) == expected[top : top + len(_shown(view, model))]
    current = view.currentIndex().row()
    assert model.data(model.index(current, NUMBER)) == expected[current]


def test_one_ctrl_end_goes_to_the_oldest_act(ctx, view, qtbot) -> None:
    """Ctrl+End is the register's last act (the oldest, newest first), not one page more:
    the remaining ids come in one query, the rows of the last page only."""
    model = view.model()
    expected = _numbers(ctx, ActFilter(kind="birth"), descending=True)
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert model.loading  # the rest of the ids is on its way
    qtbot.waitUntil(lambda: model.exhausted and not model.loading)
    assert model.rowCount() == len(expected)
    qtbot.waitUntil(lambda: view.currentIndex().row() == len(expected) - 1)
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    assert _shown(view, model)[-1] == expected[-1]
    assert model.kept_rows <= KEEP_PAGES * PAGE  # the pages between stay ids only
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # the page before the last, fetched by its ids
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    top = view.rowAt(0)
    assert _shown(view, model) == expected[top : top + len(_shown(view, model))]
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    assert _shown(view, model)[0] == expected[0]


def test_sort_and_filter_after_scrolling(ctx, view, qtbot) -> None:
    model = view.model()
    for _ in range(4):
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() > 3 * PAGE
    view.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE and not model.loading)
    view.scrollToTop()
    ascending = _numbers(ctx, ActFilter(kind="birth"), descending=False)
    qtbot.waitUntil(lambda: None not in _shown(view, model))
    assert _shown(view, model) == ascending[: len(_shown(view, model))]
    year = int(ascending[-1].rsplit("/", 1)[1])
    model.set_filter(ActFilter(kind="birth", year=year))
    qtbot.waitUntil(lambda: model.exhausted and not model.loading)
    only = _numbers(ctx, ActFilter(kind="birth", year=year), descending=False)
    assert [model.data(model.index(i, NUMBER)) for i in range(model.rowCount())] == only
    model.set_filter(ActFilter(kind="death"))
    qtbot.waitUntil(lambda: model.exhausted)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())


def test_the_count_of_a_whole_register_comes_a_year_at_a_time(ctx) -> None:
    from civreg.services.queries import count_acts, count_acts_sliced

    steps = count_acts_sliced(ctx, ActFilter(kind="birth"))
    slices = 0
    while True:
        try:
            next(steps)
            slices += 1
        except StopIteration as stop:
            total = stop.value
            break
    assert total == N and slices >= 25  # the store's births span 25 years
    assert count_acts(ctx, ActFilter(kind="birth", year=2003)) == N // 25
    assert count_acts(ctx, ActFilter(kind="death")) == 0


def test_a_register_sorted_by_date_walks_the_date_index(ctx) -> None:
    """By date of event, a whole register of one kind is read in the date index's order (the
    first page costs a few rows) instead of sorting every act of the kind for each page (2 s
    a page at a million acts); the order is the same."""
    from sqlalchemy import event, text

    statements: list[tuple[str, object]] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append((statement, parameters))

    engine = ctx.store.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        ids = act_ids(ctx, ActFilter(kind="birth"), sort="event_date", descending=True, limit=N)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    rows = act_rows(ctx, ids)
    with ctx.store.read() as s:
        dates = dict(s.execute(text("SELECT id, event_from FROM acts")).all())
    assert [dates[r.id] for r in rows] == sorted((dates[i] for i in ids), reverse=True)
    assert len(ids) == N
    statement, parameters = next((st, p) for st, p in statements if "ORDER BY" in st)
    with ctx.store.read() as s:
        plan = " ".join(
            str(r[-1])
            for r in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        )
    assert "ix_acts_event_from" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_the_page_shows_a_busy_cursor_while_rows_come(ctx, ops, qtbot) -> None:
    from civreg.ui.registers_page import RegistersPage

    page = RegistersPage(ctx, ops, "birth")
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.fetch()
    viewport = page.table.viewport()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE and not page.model.loading)
    assert viewport.cursor().shape() != Qt.CursorShape.BusyCursor
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert page.model.loading
    assert viewport.cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(lambda: page.model.exhausted and not page.model.loading)
    assert viewport.cursor().shape() != Qt.CursorShape.BusyCursor
