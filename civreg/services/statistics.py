"""Vital statistics from the store (:class:`civreg.domain.vital_stats.VitalStatistics`).

The counts come from the store's statistics cache (:mod:`civreg.services.statistics_cube`):
each registered act's categories are computed once, by the rules of
:mod:`civreg.domain.vital_facts`, and counted per combination; cancelled acts leave the
counts. A selection by whole months (a year, a quarter, a month — or no dates) reads the
counts per month (a few thousand rows for a million acts); any other span of days reads the
acts' own categories. The same statements run on SQLite (commune) and PostgreSQL (district,
national).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import String, cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from civreg.domain.vital_groups import PLACES
from civreg.domain.vital_stats import SCREEN_SETS, Cell, StatsFilter, VitalStatistics
from civreg.errors import CivregError
from civreg.i18n import register
from civreg.models.office import Centre
from civreg.models.stats import StatsCell, StatsFact, StatsYearCell
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.statistics_cube import FACT_DIMS, catch_up, needs_catch_up
from civreg.services.statistics_settings import expected_births

_CUBE = StatsCell.__table__.c
_FACTS = StatsFact.__table__.c
_YEARS = StatsYearCell.__table__.c  # the same counts per year: what many years read

register(
    {
        "stats.unknown_centre": {
            "fr": "Aucun centre « {centre} » ici : rien ne serait compté. Centres connus : "
            "{known}.",
            "en": "There is no centre '{centre}' here: nothing would be counted. Known "
            "centres: {known}.",
        },
        "stats.unknown_commune": {
            "fr": "Aucune commune « {commune} » ici : rien ne serait compté. Communes "
            "connues : {known}.",
            "en": "There is no commune '{commune}' here: nothing would be counted. Known "
            "communes: {known}.",
        },
    }
)


def whole_months(f: StatsFilter) -> bool:
    """The filter's dates start on a first and end on a last day of a month (or are open)."""
    if f.date_from and not f.date_from.endswith("-01"):
        return False
    if f.date_to:
        day = dt.date.fromisoformat(f.date_to)
        if day.day != calendar.monthrange(day.year, day.month)[1]:
            return False
    return True


def refresh(ctx: Ctx) -> None:
    """Bring the statistics cache level with the store (a write only when something
    happened since the last refresh)."""
    with ctx.store.read() as s:
        if not needs_catch_up(s):
            return
    with ctx.store.write() as s:
        catch_up(s)


MONTHS_UP_TO_YEARS = 3  # wider selections are shown by year (domain.vital_tables.month_table)


def _span_years(f: StatsFilter) -> int | None:
    """How many calendar years the filter's dates touch (None when open)."""
    if f.date_from and f.date_to:
        return int(f.date_to[:4]) - int(f.date_from[:4]) + 1
    return None


def _year_rows(s: Session, f: StatsFilter) -> list[Any]:
    """The counts per year as they are (one row per combination, its period the year), on
    the driver's cursor: tens of thousands of plain tuples over decades of a district's acts,
    where SQLAlchemy's rows cost as much again as the read."""
    conn = s.connection()
    mark = "%s" if conn.dialect.name == "postgresql" else "?"
    where, params = [], []
    for name in ("centre", "commune"):
        value = getattr(f, name)
        if value:
            where.append(f"{name} = {mark}")
            params.append(value)
    sql = f"SELECT {', '.join((*FACT_DIMS, 'n'))} FROM {StatsYearCell.__tablename__}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _rows(s: Session, f: StatsFilter, *, months: bool = True) -> Any:
    if not months and not f.date_from and not f.date_to:
        return _year_rows(s, f)
    table = _CUBE if whole_months(f) else _FACTS
    dims: list[Any] = [table[d] for d in FACT_DIMS]
    if not months:
        # by year: the month left out of the combinations (a fifth of the rows over 25 years)
        dims[FACT_DIMS.index("period")] = func.substr(table.period, 1, 4)
    if table is _CUBE:
        q = select(*dims, func.sum(_CUBE.n))
        if f.date_from or f.date_to:
            q = q.where(_CUBE.from_month != "")  # no known day: outside every period
        if f.date_from:
            q = q.where(_CUBE.from_month >= f.date_from[:7])
        if f.date_to:
            q = q.where(_CUBE.from_month <= f.date_to[:7])
    else:
        q = select(*dims, func.count()).where(_FACTS.cancelled.is_(False))
        if f.date_from:
            q = q.where(_FACTS.event_from >= f.date_from)
        if f.date_to:
            q = q.where(_FACTS.event_from <= f.date_to)
    if f.centre:
        q = q.where(table.centre == f.centre)
    if f.commune:
        q = q.where(table.commune == f.commune)
    return s.execute(q.group_by(*dims)).all()


_CELL_FIELDS = (*FACT_DIMS, "n")
# the slots of the frozen Cell, set directly: its generated __init__ costs as much again as
# the read for tens of thousands of cells
_SET = [getattr(Cell, name).__set__ for name in _CELL_FIELDS]


def _cells(rows: Any) -> list[Cell]:
    cells = []
    new = object.__new__
    set_kind, set_commune, set_centre, set_period, set_sex = _SET[:5]
    set_time, set_place, set_age, set_age2, set_cause, set_n = _SET[5:]
    places = PLACES
    for kind, commune, centre, period, sex, timeliness, place, age, age2, cause, n in rows:
        if not n:
            continue
        c = new(Cell)
        set_kind(c, kind)
        set_commune(c, commune)
        set_centre(c, centre)
        set_period(c, period)
        set_sex(c, int(sex))
        set_time(c, timeliness)
        set_place(c, place if place in places else "other")
        set_age(c, age)
        set_age2(c, age2)
        set_cause(c, cause)
        set_n(c, int(n))
        cells.append(c)
    return cells


def _names(ctx: Ctx, s: Session, communes: set[str]) -> dict[str, str]:
    names = {c.code: c.name for c in s.scalars(select(Centre))}
    geo = ctx.profile.geography
    for commune in communes | {ctx.office.commune}:
        place = geo.find(commune) if commune else None
        if place is not None:
            names.setdefault(commune, place.name)
        elif commune == ctx.office.commune:
            names.setdefault(commune, ctx.office.name)
    return names


@logged("stats.compute")
def vital_statistics(
    ctx: Ctx, f: StatsFilter | None = None, *, months: bool | None = True
) -> VitalStatistics:
    """Every count for the acts ``f`` selects (all registered acts when None).

    ``months``: True, each cell's period is the event's month (its year when the month is
    unknown); False, its year; None, by month when the selection holds at most
    :data:`MONTHS_UP_TO_YEARS` years of events, else by year — what the Statistics screen
    shows (its tables and charts go by year past three years), at a fraction of the cells
    over decades of acts. Exports ask for months (DHIS2 monthly periods)."""
    ctx.require("stats.view")
    f = f or StatsFilter()
    refresh(ctx)
    with ctx.store.read() as s:
        _check_places(ctx, s, f)
        rows = None
        if months is None:
            span = _span_years(f)
            months = span is not None and span <= MONTHS_UP_TO_YEARS
            if not months:
                rows = _rows(s, f, months=False)
                if len({r[3] for r in rows if r[-1]}) <= MONTHS_UP_TO_YEARS:
                    months, rows = True, None  # few years: shown by month
        if rows is None:
            rows = _rows(s, f, months=months)
        cells = _cells(rows)
        names = _names(ctx, s, {c.commune for c in cells})
        expected = expected_births(s, f)
    return VitalStatistics(
        filter=f,
        cells=tuple(cells),
        computed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        level=ctx.office.level,
        names=names,
        expected=expected,
        by_month=months,
    )


@logged("stats.compute")
def screen_statistics(ctx: Ctx, f: StatsFilter | None = None) -> VitalStatistics:
    """What the Statistics screen shows of ``f``: :func:`vital_statistics` with
    ``months=None``, except that a selection of every year (more than
    :data:`MONTHS_UP_TO_YEARS` of them) is not read cell by cell: the database sums the counts
    per year for each set of dimensions the screen's tables and charts ask about
    (:data:`~civreg.domain.vital_stats.SCREEN_SETS`) — a few thousand rows, whatever the
    number of cells (over 25 years of a 40-commune district of 5 M acts, most of the screen's
    refresh was reading and tallying the cells)."""
    f = f or StatsFilter()
    if f.date_from or f.date_to:
        return vital_statistics(ctx, f, months=None)
    ctx.require("stats.view")
    refresh(ctx)
    with ctx.store.read() as s:
        _check_places(ctx, s, f)
        sums = _sums(s, f)
        years = {values[1] for values in sums[SCREEN_SETS[0]]}
        many = len(years) > MONTHS_UP_TO_YEARS
        if many:
            communes = {values[1] for values in sums[("kind", "commune", "period")]}
            names = _names(ctx, s, communes)
            expected = expected_births(s, f)
    if not many:  # few years: shown by month, from the cells
        return vital_statistics(ctx, f, months=None)
    return VitalStatistics(
        filter=f,
        cells=(),
        computed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        level=ctx.office.level,
        names=names,
        expected=expected,
        by_month=False,
        sums=sums,
    )


def _sums(s: Session, f: StatsFilter) -> dict[tuple[str, ...], dict[tuple[Any, ...], int]]:
    """Positive counts per year summed for each of SCREEN_SETS, in one statement (a UNION
    of one grouping per set, every value as text)."""
    width = max(len(dims) for dims in SCREEN_SETS)
    parts = []
    for i, dims in enumerate(SCREEN_SETS):
        cols = [cast(_YEARS[d], String) for d in dims]
        cols += [cast(null(), String)] * (width - len(dims))
        q = select(literal(i), *cols, func.sum(_YEARS.n)).group_by(*(_YEARS[d] for d in dims))
        if f.centre:
            q = q.where(_YEARS.centre == f.centre)
        if f.commune:
            q = q.where(_YEARS.commune == f.commune)
        parts.append(q.having(func.sum(_YEARS.n) > 0))
    out: dict[tuple[str, ...], dict[tuple[Any, ...], int]] = {
        d: defaultdict(int) for d in SCREEN_SETS
    }
    for i, *values, n in s.execute(union_all(*parts)):
        dims = SCREEN_SETS[i]
        key = tuple(_typed(d, v) for d, v in zip(dims, values, strict=False))
        out[dims][key] += int(n)
    return {d: dict(rows) for d, rows in out.items()}


def _typed(dim: str, value: str) -> Any:
    if dim == "sex":
        return int(value)
    if dim == "place" and value not in PLACES:
        return "other"  # as the cells read (_cells)
    return value


def _known(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"{code} ({name})" if name and name != code else code for code, name in pairs)


def _check_places(ctx: Ctx, s: Session, f: StatsFilter) -> None:
    """A centre or commune that is neither in the store nor among the counted acts is a typing
    mistake: refuse it, naming the known ones, rather than print zeros."""
    if f.centre:
        found = _centres(s)
        if f.centre not in dict(found):
            raise CivregError("stats.unknown_centre", centre=f.centre, known=_known(found))
    if f.commune:
        found = _communes(ctx, s)
        if f.commune not in dict(found):
            raise CivregError("stats.unknown_commune", commune=f.commune, known=_known(found))


def event_years(ctx: Ctx) -> list[int]:
    """Years of the events of the counted acts, newest first: what a district, which keeps no
    register of its own, can filter its statistics by (read after a refresh)."""
    ctx.require("stats.view")
    refresh(ctx)
    with ctx.store.read() as s:
        found = s.scalars(select(_YEARS.period).distinct())
        return sorted((int(y) for y in found if y and y.isdigit()), reverse=True)


def centres(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the office's centres and of those whose acts are counted."""
    ctx.require("stats.view")
    refresh(ctx)
    with ctx.store.read() as s:
        return _centres(s)


def _centres(s: Session) -> list[tuple[str, str]]:
    names = {c.code: c.name for c in s.scalars(select(Centre))}
    codes = set(s.scalars(select(_YEARS.centre).distinct())) - {""}
    return sorted(((c, names.get(c, c)) for c in codes | set(names)), key=lambda x: x[0])


def communes(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the communes whose acts are counted (district and national)."""
    ctx.require("stats.view")
    refresh(ctx)
    with ctx.store.read() as s:
        return _communes(ctx, s)


def _communes(ctx: Ctx, s: Session) -> list[tuple[str, str]]:
    codes = set(s.scalars(select(_YEARS.commune).distinct()))
    geo = ctx.profile.geography
    out = []
    for code in sorted(codes | {ctx.office.commune} - {""}):
        place = geo.find(code)
        out.append((code, place.name if place is not None else code))
    return out
