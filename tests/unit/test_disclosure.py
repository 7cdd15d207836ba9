"""Small-cell suppression: no published count from 1 to 4, and no hidden count that can be
recovered from a published total."""

from __future__ import annotations

import itertools
import random

from civreg.domain.disclosure import THRESHOLD, suppress_line, suppress_table


def _recoverable(counts, s) -> bool:
    """True when a hidden cell can be computed from a published line total and the other
    published cells of its line (rows and columns)."""
    rows, cols = len(counts), len(counts[0])
    lines = []
    if s.row_totals is not None:
        lines += [([(r, c) for c in range(cols)], s.row_totals[r]) for r in range(rows)]
    if s.col_totals is not None:
        lines += [([(r, c) for r in range(rows)], s.col_totals[c]) for c in range(cols)]
    for line, total in lines:
        hidden = [(r, c) for r, c in line if s.cells[r][c] is None]
        if total is not None and len(hidden) == 1:
            return True
    if (
        s.grand is not None
        and s.row_totals is not None
        and sum(v is None for v in s.row_totals) == 1
    ):
        return True
    cols_hidden = sum(v is None for v in s.col_totals or ())
    return bool(s.grand is not None and s.col_totals is not None and cols_hidden == 1)


def test_primary_and_complementary_suppression() -> None:
    s = suppress_table([[3, 10, 12], [20, 30, 40]])
    assert s.cells[0][0] is None  # small
    assert s.cells[0][1] is None  # its complement in the row (the smallest other)
    assert s.cells[1][0] is None or s.cells[1][1] is None  # and in the columns
    assert not _recoverable([[3, 10, 12], [20, 30, 40]], s)
    assert s.grand == 115


def test_zeros_are_published_and_a_lonely_small_cell_hides_its_total() -> None:
    s = suppress_table([[0, 2, 0], [7, 8, 9]])
    assert s.cells[0][0] == 0 and s.cells[0][2] == 0
    assert s.cells[0][1] is None
    assert s.row_totals is not None and s.row_totals[0] is None  # total 2 is small itself


def test_line_whose_total_others_know() -> None:
    assert suppress_line([12, 3, 0], total_published=True) == [None, None, 0]
    assert suppress_line([12, 3, 0], total_published=False) == [12, None, 0]
    assert suppress_line([12, 30, 7], total_published=True) == [12, 30, 7]


def test_random_tables_never_publish_a_small_count_nor_a_recoverable_one() -> None:
    rng = random.Random(18)
    for _ in range(400):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        counts = [[rng.choice((0, 0, 1, 2, 4, 5, 9, 30)) for _ in range(cols)] for _ in range(rows)]
        s = suppress_table(counts)
        published = [v for row in s.cells for v in row if v is not None]
        published += [v for v in (*(s.row_totals or ()), *(s.col_totals or ())) if v is not None]
        assert not any(0 < v < THRESHOLD for v in published), counts
        assert not _recoverable(counts, s), counts
        for r, c in itertools.product(range(rows), range(cols)):
            assert s.cells[r][c] in (None, counts[r][c])
