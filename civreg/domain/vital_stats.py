"""Vital statistics as plain data: the counts a store gives (a "cube" of cells, one per
combination of categories) and the questions asked of them.

The service (:mod:`civreg.services.statistics`) fills a :class:`VitalStatistics` with one
:class:`Cell` per combination found in the store; screens, the command line, the PDF report and
the exports read it through :meth:`VitalStatistics.tally` and the tables of
:mod:`civreg.domain.vital_tables`. Nothing here knows a database or personal data: a cell is a
count.

Counting rules (docs/statistics.md): registered acts only (no draft), cancelled acts never;
an act counts in the period that holds the earliest day its event date may denote; its
``period`` is the event's month (``"2025-03"``), or its year alone when the month is unknown.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from civreg.domain.vital_groups import TIMELINESS, UNKNOWN_AGE

KINDS = ("birth", "death", "marriage")
DIMENSIONS = (
    "commune",
    "centre",
    "period",
    "year",
    "sex",
    "timeliness",
    "place",
    "age",
    "age2",
    "cause",
)


@dataclass(frozen=True)
class StatsFilter:
    """Which acts to count: events from ``date_from`` to ``date_to`` (ISO days, inclusive,
    either open), in one centre and/or one commune."""

    date_from: str | None = None
    date_to: str | None = None
    centre: str | None = None
    commune: str | None = None

    def __post_init__(self) -> None:
        for value in (self.date_from, self.date_to):
            if value is not None:
                dt.date.fromisoformat(value)  # ValueError: the caller says which option
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError("date_from after date_to")

    @classmethod
    def for_year(cls, year: int, **more: str | None) -> StatsFilter:
        return cls(f"{year:04d}-01-01", f"{year:04d}-12-31", **more)

    @property
    def year(self) -> int | None:
        """The calendar year the filter covers exactly, if it does."""
        if (
            self.date_from
            and self.date_to
            and self.date_from[:4] == self.date_to[:4]
            and self.date_from[5:] == "01-01"
            and self.date_to[5:] == "12-31"
        ):
            return int(self.date_from[:4])
        return None


# Sets of dimensions whose counts, summed by the database, answer every question the
# Statistics screen's tables and charts ask of a selection of many years (see
# ``VitalStatistics.sums``): each asks about at most two categories besides the kind.
SCREEN_SETS: tuple[tuple[str, ...], ...] = (
    ("kind", "period", "sex"),
    ("kind", "timeliness", "sex"),
    ("kind", "place", "sex"),
    ("kind", "age", "sex"),
    ("kind", "cause", "sex"),
    ("kind", "age", "age2"),
    ("kind", "commune", "period"),
    ("kind", "centre"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """How many acts share these categories.

    ``age``: births, the mother's age group at the birth; deaths, the deceased's; marriages,
    the first spouse's. ``age2``: marriages, the second spouse's (else ``""``). ``cause``:
    deaths, the ICD-10 chapter of the underlying cause (else ``""``). ``sex``: the child's or
    the deceased's (0 for marriages)."""

    kind: str
    commune: str
    centre: str
    period: str
    sex: int
    timeliness: str
    place: str
    age: str
    age2: str
    cause: str
    n: int

    @property
    def year(self) -> str:
        return self.period[:4]

    @property
    def month(self) -> int | None:
        return int(self.period[5:7]) if len(self.period) >= 7 else None


@dataclass(frozen=True)
class ExpectedBirths:
    """Births a commune should register in a year: a count set by the district (e.g. from
    population × crude birth rate), with how it was obtained."""

    commune: str
    year: int
    births: int
    basis: str = ""  # "population 52 000 × 38 ‰" or the source of the figure


@dataclass(frozen=True)
class Completeness:
    commune: str
    year: int
    registered: int
    expected: int | None

    @property
    def rate(self) -> float | None:
        return self.registered / self.expected if self.expected else None


@dataclass(frozen=True)
class VitalStatistics:
    filter: StatsFilter
    cells: tuple[Cell, ...]
    computed_at: str  # ISO timestamp (UTC)
    level: str = "commune"  # the store's level: commune | district | national
    names: Mapping[str, str] = field(default_factory=dict)  # commune/centre code -> name
    expected: tuple[ExpectedBirths, ...] = ()
    # False: each cell's period is its year alone (a selection of many years, shown by year;
    # see services.statistics.vital_statistics), so the month of no act is known here
    by_month: bool = True
    # Instead of cells (then empty): the counts per combination of each set of dimensions
    # (SCREEN_SETS), positive ones only, summed by the database; questions are answered from
    # the smallest set that holds their dimensions (services.statistics.screen_statistics)
    sums: Mapping[tuple[str, ...], Mapping[tuple[Any, ...], int]] | None = None

    _memo: dict[tuple[Any, ...], Any] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    # -- questions (each answer is computed once per statistics object) ---------------
    def _of_kind(self, kind: str | None) -> tuple[Cell, ...]:
        key = ("kind", kind)
        if key not in self._memo:
            self._memo[key] = (
                self.cells if kind is None else tuple(c for c in self.cells if c.kind == kind)
            )
        cells: tuple[Cell, ...] = self._memo[key]
        return cells

    def _select(self, kind: str | None, where: Mapping[str, object]) -> Iterable[Cell]:
        cells = self._of_kind(kind)
        if not where:
            return cells
        items = list(where.items())
        return [c for c in cells if all(getattr(c, k) == v for k, v in items)]

    def _counts(
        self, kind: str | None, dims: tuple[str, ...], where: Mapping[str, object]
    ) -> dict[Any, int]:
        key = ("counts", kind, dims, tuple(sorted(where.items())))
        if key not in self._memo:
            out: dict[Any, int] = defaultdict(int)
            if where:
                # one pass per set of conditions' dimensions, whatever their values: the
                # counts by (dims + those dimensions), then the entries matching the values
                names = tuple(sorted(where))
                wanted = tuple(where[n] for n in names)
                wide = self._counts(kind, dims + names, {})
                size = len(dims)
                for k, n in wide.items():
                    if k[size:] == wanted:
                        out[k[0] if size == 1 else k[:size]] += n
            else:
                out = self._grouped(kind, dims)
            self._memo[key] = dict(out)
        counts: dict[Any, int] = self._memo[key]
        return counts

    # -- columns: each dimension's values coded once, every count a vectorised pass -------
    def _column(self, name: str) -> tuple[Any, list[Any]]:
        """Every cell's value of ``name`` as an integer code (a numpy array, in cell order)
        and the values the codes stand for. Over decades of a district's acts a selection
        holds tens of thousands of cells and the screen's tables ask some thirty counts of
        them: a pass in Python over every cell per count was most of the screen's refresh."""
        key = ("column", name)
        if key not in self._memo:
            import numpy as np  # installed with matplotlib (the charts), imported when counted

            index: dict[Any, int] = {}
            code = index.setdefault
            values = map(attrgetter(name), self.cells)
            codes = np.fromiter(
                (code(v, len(index)) for v in values), dtype=np.int64, count=len(self.cells)
            )
            self._memo[key] = (codes, list(index))
        column: tuple[Any, list[Any]] = self._memo[key]
        return column

    def _grouped(self, kind: str | None, dims: tuple[str, ...]) -> dict[Any, int]:
        """Sum of ``n`` per combination of ``dims`` over the cells of ``kind`` (all kinds:
        None); a combination is present when a cell has it, even with a count of zero."""
        import numpy as np

        if self.sums is not None:
            return self._from_sums(kind, dims)
        if not self.cells:
            return {}
        columns = [self._column(d) for d in dims]
        weights = self._weights()
        combined = np.zeros(len(self.cells), dtype=np.int64)
        size = 1
        for codes, values in columns:
            combined = combined * len(values) + codes
            size *= len(values)
        if kind is not None:
            kinds, names = self._column("kind")
            if kind not in names:
                return {}
            mask = kinds == names.index(kind)
            combined, weights = combined[mask], weights[mask]
        if size <= 4 * len(combined) + 4096:  # a dense array of every combination
            present = np.flatnonzero(np.bincount(combined, minlength=size))
            sums = np.bincount(combined, weights=weights, minlength=size)[present]
        else:
            present, inverse = np.unique(combined, return_inverse=True)
            sums = np.bincount(inverse, weights=weights)
        out: dict[Any, int] = {}
        for flat, n in zip(present.tolist(), sums.tolist(), strict=True):
            parts = []
            for _codes, values in reversed(columns):
                flat, i = divmod(flat, len(values))
                parts.append(values[i])
            out[parts[0] if len(parts) == 1 else tuple(reversed(parts))] = int(n)
        return out

    def _from_sums(self, kind: str | None, dims: tuple[str, ...]) -> dict[Any, int]:
        assert self.sums is not None
        names = tuple("period" if d == "year" else d for d in dims)  # periods are years here
        need = set(names) | ({"kind"} if kind is not None else set())
        found = sorted(
            (len(rows), dims_) for dims_, rows in self.sums.items() if need <= set(dims_)
        )
        if not found:
            raise LookupError(f"no counts summed by {', '.join(sorted(need))}")
        have = found[0][1]
        at = [have.index(n) for n in names]
        k = have.index("kind") if kind is not None else -1
        out: dict[Any, int] = defaultdict(int)
        for values, n in self.sums[have].items():
            if k < 0 or values[k] == kind:
                key = tuple(values[i] for i in at)
                out[key[0] if len(key) == 1 else key] += n
        return dict(out)

    def _weights(self) -> Any:
        if ("weights",) not in self._memo:
            import numpy as np

            n = np.fromiter((c.n for c in self.cells), dtype=np.float64, count=len(self.cells))
            self._memo[("weights",)] = n  # float: exact for any count below 2**53
        return self._memo[("weights",)]

    def total(self, kind: str | None = None, **where: object) -> int:
        return sum(self._counts(kind, ("kind",), where).values())

    def tally(self, kind: str | None, dim: str, **where: object) -> dict[Any, int]:
        """Counts by one dimension (see :data:`DIMENSIONS`), for the acts matching ``where``."""
        return dict(self._counts(kind, (dim,), where))

    def tally2(
        self, kind: str | None, dim1: str, dim2: str, **where: object
    ) -> dict[tuple[Any, Any], int]:
        return dict(self._counts(kind, (dim1, dim2), where))

    def values(self, dim: str, kind: str | None = None) -> list[str]:
        """The values a dimension takes, sorted (periods oldest first)."""
        return sorted(str(v) for v in self._counts(kind, (dim,), {}))

    def communes(self) -> list[str]:
        return self.values("commune")

    def centres(self) -> list[str]:
        return self.values("centre")

    def name(self, code: str) -> str:
        return self.names.get(code, code)

    def timeliness(self, kind: str) -> dict[str, int]:
        counts = self.tally(kind, "timeliness")
        return {code: int(counts.get(code, 0)) for code in TIMELINESS}

    def months_known(self, kind: str | None = None) -> int | None:
        """Acts whose event month is known (None when the cells were read by year)."""
        if not self.by_month:
            return None
        return sum(c.n for c in self._select(kind, {}) if c.month is not None)

    def completeness(self) -> list[Completeness]:
        """Births registered vs expected, per commune and year of the event, for the pairs
        that have an expectation or registered births."""
        registered: dict[tuple[str, int], int] = defaultdict(int)
        for (commune, year), n in self._counts("birth", ("commune", "year"), {}).items():
            registered[(commune, int(year))] += n
        wanted = {(e.commune, e.year): e.births for e in self.expected}
        years = {y for _c, y in registered}
        if self.filter.year is not None:
            years = {self.filter.year}
        keys = set(registered) | {
            k for k in wanted if k[1] in years or (not years and self._in_filter_year(k[1]))
        }
        if self.filter.commune:
            keys = {k for k in keys if k[0] == self.filter.commune}
        return [
            Completeness(
                commune, year, registered.get((commune, year), 0), wanted.get((commune, year))
            )
            for commune, year in sorted(keys)
        ]

    def _in_filter_year(self, year: int) -> bool:
        f = self.filter
        return (not f.date_from or int(f.date_from[:4]) <= year) and (
            not f.date_to or year <= int(f.date_to[:4])
        )


def unknown_age(code: str) -> bool:
    return code == UNKNOWN_AGE
