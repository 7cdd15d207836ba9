"""Small-cell suppression: counts from 1 to 4 are not published in what leaves the office
(DHIS2, the statistical office's tables, the printed report), as statistical offices do, so
that nobody can be recognised from a count.

*Primary* suppression hides every count ``0 < n < threshold``. *Secondary* (complementary)
suppression then hides, in every line (row or column) whose total is published, the smallest
other positive count when a line would otherwise have exactly one hidden cell — else that cell
could be found by subtracting the others from the total. A total is hidden when it is itself
small, or when its line's hidden cells cannot be protected any other way. The rounds repeat
until nothing changes. Zeros are published: a zero reveals nobody.

This is the usual "one complementary cell per line" rule; it does not search for the
cheapest pattern (linear programming), which national offices apply on their own side.
"""

from __future__ import annotations

from collections.abc import Sequence

THRESHOLD = 5
Grid = list[list[int | None]]  # None: suppressed


def suppress_line(
    values: Sequence[int], *, total_published: bool, threshold: int = THRESHOLD
) -> list[int | None]:
    """One line (e.g. one data element's categories) whose total others can compute."""
    grid = suppress_table(
        [list(values)], row_totals=total_published, col_totals=False, threshold=threshold
    )
    return grid.cells[0]


class Suppressed:
    """A table of counts with optional row totals, column totals and grand total, after
    suppression. ``cells[r][c]``, ``row_totals[r]``, ``col_totals[c]``, ``grand``: the
    published value or None."""

    def __init__(
        self,
        cells: Grid,
        row_totals: list[int | None] | None,
        col_totals: list[int | None] | None,
        grand: int | None,
    ) -> None:
        self.cells = cells
        self.row_totals = row_totals
        self.col_totals = col_totals
        self.grand = grand

    @property
    def hidden(self) -> int:
        return sum(v is None for row in self.cells for v in row)


def _small(n: int, threshold: int) -> bool:
    return 0 < n < threshold


def suppress_table(
    counts: Sequence[Sequence[int]],
    *,
    row_totals: bool = True,
    col_totals: bool = True,
    threshold: int = THRESHOLD,
) -> Suppressed:
    """Suppress a table; totals are computed from ``counts`` and published unless hidden."""
    rows = len(counts)
    cols = len(counts[0]) if rows else 0
    raw = [list(r) for r in counts]
    hide = [[_small(v, threshold) for v in r] for r in raw]
    rsum = [sum(r) for r in raw]
    csum = [sum(raw[r][c] for r in range(rows)) for c in range(cols)]
    grand = sum(rsum)
    hide_r = [row_totals and _small(v, threshold) for v in rsum]
    hide_c = [col_totals and _small(v, threshold) for v in csum]
    hide_g = (row_totals or col_totals) and _small(grand, threshold)

    def protect(line: list[tuple[int, int]], total_hidden: bool) -> bool:
        """Line of (r, c) cells with a published total: one hidden cell alone gets a partner."""
        if total_hidden:
            return False
        hidden = [(r, c) for r, c in line if hide[r][c]]
        if len(hidden) != 1:
            return False
        candidates = [(raw[r][c], r, c) for r, c in line if not hide[r][c] and raw[r][c] > 0]
        if candidates:
            _, r, c = min(candidates)
            hide[r][c] = True
            return True
        return False

    changed = True
    while changed:
        changed = False
        if row_totals:
            for r in range(rows):
                line = [(r, c) for c in range(cols)]
                if protect(line, hide_r[r]):
                    changed = True
                elif not hide_r[r] and sum(hide[r][c] for _, c in line) == 1:
                    hide_r[r] = True  # nothing left to hide beside it: the total goes
                    changed = True
        if col_totals:
            for c in range(cols):
                line = [(r, c) for r in range(rows)]
                if protect(line, hide_c[c]):
                    changed = True
                elif not hide_c[c] and sum(hide[r][c] for r, _ in line) == 1:
                    hide_c[c] = True
                    changed = True
        # A hidden total among published totals is found from the grand total: protect the
        # totals' own line the same way.
        if row_totals and not hide_g and sum(hide_r) == 1 and rows > 1:
            cands = [(rsum[r], r) for r in range(rows) if not hide_r[r] and rsum[r] > 0]
            if cands:
                hide_r[min(cands)[1]] = True
            else:
                hide_g = True
            changed = True
        if col_totals and not hide_g and sum(hide_c) == 1 and cols > 1:
            cands = [(csum[c], c) for c in range(cols) if not hide_c[c] and csum[c] > 0]
            if cands:
                hide_c[min(cands)[1]] = True
            else:
                hide_g = True
            changed = True

    cells: Grid = [[None if hide[r][c] else raw[r][c] for c in range(cols)] for r in range(rows)]
    return Suppressed(
        cells,
        [None if hide_r[r] else rsum[r] for r in range(rows)] if row_totals else None,
        [None if hide_c[c] else csum[c] for c in range(cols)] if col_totals else None,
        None if hide_g else grand,
    )
