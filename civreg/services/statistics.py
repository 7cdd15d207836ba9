"""Vital statistics from the store: one grouped query per kind of act gives every count the
screens, the report and the exports need (:class:`civreg.domain.vital_stats.VitalStatistics`).

Registered acts only; cancelled acts (a cancellation mention) are never counted. Categories
are computed in SQL so that a million acts are read once per kind and only the counts come
back: the event's month, the subject's sex, the timeliness of registration (from the act's
recorded lateness, judgment and transcription: what registration decided with the deadline
in force and the day the declaration was received), the place of occurrence, the age group
(mother at the birth, deceased at death, spouses at marriage) and the ICD-10 chapter of the
underlying cause of death (the last line of part 1 of the WHO certificate, when coded). The
same statements run on SQLite (commune) and PostgreSQL (district, national).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.orm import Session

from civreg.domain.vital_groups import (
    AGE_GROUPS,
    ICD10_CHAPTERS,
    NOT_CODED,
    PLACES,
    UNKNOWN_AGE,
    AgeGroup,
)
from civreg.domain.vital_stats import KINDS, Cell, StatsFilter, VitalStatistics
from civreg.models.acts import Act, ActPerson, Mention
from civreg.models.office import Centre
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.statistics_settings import expected_births

SUBJECTS = {
    "birth": ("child", "mother"),
    "death": ("deceased", None),
    "marriage": ("spouse1", "spouse2"),
}
DIMS = ("commune", "centre", "period", "sex", "timeliness", "place", "age", "age2", "cause")
ACTS = Act.__table__
PERSONS = ActPerson.__table__
MENTIONS = Mention.__table__


def _clean(col: Any) -> ColumnElement[Any]:
    return func.replace(col, "~", "")


def _digits4(dialect: str, text: ColumnElement[Any]) -> ColumnElement[bool]:
    """The text starts with a four-digit year (PostgreSQL refuses to cast anything else)."""
    if dialect == "postgresql":
        return text.op("~")(r"^[0-9]{4}")
    return func.length(text) >= 4


def _age(dialect: str, event: Any, person: Any) -> ColumnElement[Any]:
    """Completed years at the event: from the birth date (a day earlier in the year than the
    birthday counts one year less when both dates are full), else the approximate age."""
    ev = _clean(event)
    bd = _clean(person.birth_date)
    years = cast(func.substr(ev, 1, 4), Integer) - cast(func.substr(bd, 1, 4), Integer)
    before_birthday = case(
        (
            and_(
                func.length(ev) == 10,
                func.length(bd) == 10,
                func.substr(ev, 6, 5) < func.substr(bd, 6, 5),
            ),
            1,
        ),
        else_=0,
    )
    return case(
        (and_(_digits4(dialect, bd), _digits4(dialect, ev)), years - before_birthday),
        else_=person.approx_age,
    )


def _group(age: ColumnElement[Any], groups: tuple[AgeGroup, ...]) -> ColumnElement[str]:
    whens: list[tuple[ColumnElement[bool], str]] = [(age.is_(None), UNKNOWN_AGE)]
    whens.append((age < 0, UNKNOWN_AGE))
    for g in groups:
        if g.high is not None:
            whens.append((age < g.high, g.code))
    last = groups[-1]
    return case(*whens, else_=last.code if last.high is None else UNKNOWN_AGE)


def _cause(dialect: str) -> ColumnElement[str]:
    code: ColumnElement[Any]
    if dialect == "postgresql":
        code = literal_column("(acts.medical -> 'cause' -> 'part1' -> -1 ->> 'icd10')")
    else:
        code = func.json_extract(ACTS.c.medical, "$.cause.part1[#-1].icd10")
    head = func.upper(func.substr(code, 1, 3))
    whens = [(head.between(ch.first, ch.last), ch.code) for ch in ICD10_CHAPTERS]
    return case((code.is_(None), NOT_CODED), *whens, else_=NOT_CODED)


def _timeliness() -> ColumnElement[str]:
    a = ACTS.c
    return case(
        (a.transcribed.is_(True), "transcribed"),
        (or_(a.judgment_number != "", a.judgment_court != ""), "judgment"),
        (a.late.is_(True), "late"),
        else_="on_time",
    )


def _period() -> ColumnElement[str]:
    ev = _clean(ACTS.c.event_date)
    return case((func.length(ev) >= 7, func.substr(ev, 1, 7)), else_=func.substr(ev, 1, 4))


def _sex(person: Any) -> ColumnElement[int]:
    return case((person.sex.in_((1, 2)), person.sex), else_=0)


def _filters(shape: tuple[bool, bool, bool, bool]) -> list[ColumnElement[bool]]:
    has_from, has_to, has_centre, has_commune = shape
    out: list[ColumnElement[bool]] = [
        ACTS.c.status == "registered",
        ACTS.c.id.not_in(select(MENTIONS.c.act_id).where(MENTIONS.c.kind == "cancellation")),
    ]
    if has_from:
        out.append(ACTS.c.event_from >= bindparam("date_from"))
    if has_to:
        out.append(ACTS.c.event_from <= bindparam("date_to"))
    if has_centre:
        out.append(ACTS.c.centre == bindparam("centre"))
    if has_commune:
        out.append(ACTS.c.commune == bindparam("commune"))
    return out


def _person(name: str, role: str) -> tuple[Any, ColumnElement[bool]]:
    p = PERSONS.alias(name)
    return p, and_(p.c.act_id == ACTS.c.id, p.c.role == role, p.c.position == 0)


@functools.lru_cache(maxsize=64)
def _statement(dialect: str, kind: str, shape: tuple[bool, bool, bool, bool]) -> Any:
    """The grouped statement for one kind and one shape of filter, built once (building it
    costs more than running it on a commune's store); the filter's values are parameters."""
    first_role, second_role = SUBJECTS[kind]
    first, on_first = _person("p1", first_role)
    a = ACTS.c
    columns = [
        a.commune.label("commune"),
        a.centre.label("centre"),
        _period().label("period"),
        (_sex(first.c) if kind != "marriage" else literal(0)).label("sex"),
        _timeliness().label("timeliness"),
        a.event_place_type.label("place"),
    ]
    groups = AGE_GROUPS[kind]
    joined = ACTS.outerjoin(first, on_first)
    if kind == "birth":
        mother, on_mother = _person("p2", "mother")
        joined = joined.outerjoin(mother, on_mother)
        columns += [
            _group(_age(dialect, a.event_date, mother.c), groups).label("age"),
            literal("").label("age2"),
            literal("").label("cause"),
        ]
    elif kind == "death":
        columns += [
            _group(_age(dialect, a.event_date, first.c), groups).label("age"),
            literal("").label("age2"),
            _cause(dialect).label("cause"),
        ]
    else:
        assert second_role is not None
        second, on_second = _person("p2", second_role)
        joined = joined.outerjoin(second, on_second)
        columns += [
            _group(_age(dialect, a.event_date, first.c), groups).label("age"),
            _group(_age(dialect, a.event_date, second.c), groups).label("age2"),
            literal("").label("cause"),
        ]
    inner = (
        select(*columns)
        .select_from(joined)
        .where(a.kind == kind, *_filters(shape))
        .subquery("facts")
    )
    dims = [inner.c[name] for name in DIMS]
    return select(*dims, func.count()).group_by(*dims)


def _kind_cells(s: Session, kind: str, f: StatsFilter) -> list[Cell]:
    dialect = s.get_bind().dialect.name
    shape = (bool(f.date_from), bool(f.date_to), bool(f.centre), bool(f.commune))
    params = {
        "date_from": f.date_from,
        "date_to": f.date_to,
        "centre": f.centre,
        "commune": f.commune,
    }
    stmt = _statement(dialect, kind, shape)
    rows = s.execute(stmt, {k: v for k, v in params.items() if v})
    cells = []
    for commune, centre, period, sex, timeliness, place, age, age2, cause, n in rows:
        cells.append(
            Cell(
                kind=kind,
                commune=commune or "",
                centre=centre or "",
                period=period or "",
                sex=int(sex or 0),
                timeliness=timeliness,
                place=place if place in PLACES else "other",
                age=age,
                age2=age2 or "",
                cause=cause or "",
                n=int(n),
            )
        )
    return cells


def _names(ctx: Ctx, s: Session, cells: list[Cell]) -> dict[str, str]:
    names = {c.code: c.name for c in s.scalars(select(Centre))}
    geo = ctx.profile.geography
    for commune in {c.commune for c in cells}:
        place = geo.find(commune) if commune else None
        if place is not None:
            names.setdefault(commune, place.name)
    if ctx.office.commune and ctx.office.commune not in names:
        place = geo.find(ctx.office.commune)
        names[ctx.office.commune] = place.name if place is not None else ctx.office.name
    return names


@logged("stats.compute")
def vital_statistics(ctx: Ctx, f: StatsFilter | None = None) -> VitalStatistics:
    """Every count for the acts ``f`` selects (all registered acts when None)."""
    ctx.require("stats.view")
    f = f or StatsFilter()
    with ctx.store.read() as s:
        cells: list[Cell] = []
        for kind in KINDS:
            cells.extend(_kind_cells(s, kind, f))
        names = _names(ctx, s, cells)
        expected = expected_births(s, f)
    return VitalStatistics(
        filter=f,
        cells=tuple(cells),
        computed_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        level=ctx.office.level,
        names=names,
        expected=expected,
    )


def event_years(ctx: Ctx) -> list[int]:
    """Years in which registered acts' events happened, newest first: what a district, which
    keeps no register of its own, can filter its statistics by."""
    ctx.require("stats.view")
    year = func.substr(_clean(Act.event_date), 1, 4)
    with ctx.store.read() as s:
        found = s.scalars(select(year).where(Act.status == "registered").distinct())
        return sorted((int(y) for y in found if y and y.isdigit()), reverse=True)


def centres(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the centres whose acts the store holds (the filter's choices)."""
    ctx.require("stats.view")
    with ctx.store.read() as s:
        names = {c.code: c.name for c in s.scalars(select(Centre))}
        codes = set(s.scalars(select(Act.centre).where(Act.status == "registered").distinct()))
    return sorted(((c, names.get(c, c)) for c in codes | set(names)), key=lambda x: x[0])


def communes(ctx: Ctx) -> list[tuple[str, str]]:
    """(code, name) of the communes whose acts the store holds (district and national)."""
    ctx.require("stats.view")
    with ctx.store.read() as s:
        codes = set(s.scalars(select(Act.commune).where(Act.status == "registered").distinct()))
    geo = ctx.profile.geography
    out = []
    for code in sorted(codes | {ctx.office.commune} - {""}):
        place = geo.find(code)
        out.append((code, place.name if place is not None else code))
    return out
