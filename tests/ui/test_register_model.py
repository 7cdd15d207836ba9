"""The registers table over 100,000 acts: pages are fetched lazily on the worker, the model
never holds the register whole, sorting and filters refetch from the first page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from civreg.services.queries import ActFilter
from civreg.ui.register_model import PAGE, SUBJECT, RegisterModel
from tests.conftest import PASSWORDS, copy_store

N = 100_000


@pytest.fixture(scope="session")
def big_store(template_dir, tmp_path_factory) -> Path:
    from tests.ui.bulk_acts import add_births

    path = copy_store(template_dir("BF"), tmp_path_factory.mktemp("big"))
    add_births(path, PASSWORDS["admin"], N)
    return path


@pytest.fixture
def big_ctx(big_store):
    from civreg.services.store_access import login

    ctx = login(big_store, "clerk", PASSWORDS["clerk"])
    yield ctx
    ctx.close()


@pytest.fixture
def ops(qapp):
    from civreg.ui.operations import Operations

    o = Operations()
    yield o
    o.stop()


def test_rows_are_fetched_lazily(big_ctx, ops, qtbot) -> None:
    model = RegisterModel(big_ctx, ops, ActFilter(kind="birth"))
    totals: list[int] = []
    model.total_known.connect(totals.append)
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE and bool(totals))
    assert totals == [N]
    assert model.pages_fetched == 1 and model.canFetchMore(QModelIndex())
    first = model.row_at(0)
    assert (first.year, first.number) == (2024, 4000)  # newest first
    assert model.data(model.index(0, SUBJECT)) == first.subject
    for _ in range(2):
        model.fetchMore(QModelIndex())
        model.fetchMore(QModelIndex())  # a second call while one page is pending is ignored
        qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 3 * PAGE and model.pages_fetched == 3
    print(f"\nloaded {model.rowCount()} of {N} rows after 3 pages")


def test_scrolling_a_view_fetches_pages_not_the_register(big_ctx, ops, qtbot) -> None:
    from civreg.ui.registers_page import ActTable

    model = RegisterModel(big_ctx, ops, ActFilter(kind="birth"))
    view = ActTable()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(1366, 600)
    view.show()
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE)
    for _ in range(3):
        view.scrollToBottom()
        qtbot.waitUntil(lambda: not model.loading)
    assert 2 * PAGE <= model.rowCount() <= 5 * PAGE
    assert model.rowCount() < N / 100


def test_sort_and_filter_restart_from_first_page(big_ctx, ops, qtbot) -> None:
    model = RegisterModel(big_ctx, ops, ActFilter(kind="birth"))
    model.reload()
    qtbot.waitUntil(lambda: model.rowCount() == PAGE)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.rowCount() == PAGE)
    assert (model.row_at(0).year, model.row_at(0).number) == (2000, 1)
    model.set_filter(ActFilter(kind="birth", year=2003))
    qtbot.waitUntil(lambda: model.rowCount() == PAGE and not model.loading)
    assert {model.row_at(i).year for i in range(PAGE)} == {2003}
    model.set_filter(ActFilter(kind="death"))
    qtbot.waitUntil(lambda: model.exhausted)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())
