"""Reading acts: one act in full, and light rows for registers and lists (ids first)."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from sqlalchemy import Select, func, select

from civreg.domain.acts import SUBJECT_ROLE, ActKind, ActStatus, ActView
from civreg.models.act_repo import to_view
from civreg.models.acts import Act
from civreg.services.context import Ctx
from civreg.services.drafts import load_act
from civreg.services.search_db import reading
from civreg.services.slices import drain

# Roles allowed to read the confidential medical cause of death.
MEDICAL_ROLES = frozenset({"registrar", "district"})


def get_act(ctx: Ctx, ref: int | str) -> ActView:
    ctx.require("act.view")
    with ctx.store.read() as s:
        row = load_act(s, ref)
        medical = row.status == "draft" or bool(MEDICAL_ROLES & ctx.user.roles)
        return to_view(s, row, include_medical=medical)


@dataclass(frozen=True)
class ActFilter:
    kind: str | None = None
    year: int | None = None
    centre: str | None = None
    status: str | None = None  # draft | registered


@dataclass(frozen=True)
class ActRow:
    """One line of a register view."""

    id: int
    kind: str
    status: str
    centre: str
    year: int | None
    number: int | None
    global_id: str | None
    event_date: str
    event_place: str
    subject: str
    cancelled: bool
    late: bool
    matched_role: str = ""  # search: the role of the person whose name matched
    matched_name: str = ""
    # search: found by its given name alone, nobody of the days asked bearing a close
    # family name (``search.SearchPage.by_given_name``)
    by_given_name: bool = False


SORT_COLUMNS = {
    "number": (Act.year, Act.number),
    "event_date": (Act.event_from,),
    "registered_at": (Act.registered_at,),
    "id": (Act.id,),
}


def _filtered(q: Select, f: ActFilter) -> Select:
    if f.kind:
        q = q.where(Act.kind == f.kind)
    if f.year:
        q = q.where(Act.year == f.year)
    if f.centre:
        q = q.where(Act.centre == f.centre)
    if f.status:
        q = q.where(Act.status == f.status)
    return q


def count_acts(ctx: Ctx, f: ActFilter) -> int:
    return drain(count_acts_sliced(ctx, f))


def count_acts_sliced(ctx: Ctx, f: ActFilter) -> Generator[None, None, int]:
    """How many acts a register view lists. A whole register of one kind (a million acts:
    70-250 ms to count) is counted one year at a time through the register order index
    (kind, year, number), yielding between years, so that the client's worker serves the
    pages the user scrolls to between two years; other filters in one count."""
    ctx.require("act.view")
    count = select(func.count()).select_from(Act)
    with ctx.store.read() as s:  # one snapshot for every slice
        if not f.kind or f.year or f.centre or f.status:
            return s.scalar(_filtered(count, f)) or 0
        first = s.scalar(select(func.min(Act.year)).where(Act.kind == f.kind))
        last = s.scalar(select(func.max(Act.year)).where(Act.kind == f.kind))
        total = s.scalar(count.where(Act.kind == f.kind, Act.year.is_(None))) or 0
        if first is None or last is None:
            return total
        for year in range(first, last + 1):
            yield
            total += s.scalar(count.where(Act.kind == f.kind, Act.year == year)) or 0
        return total


def act_ids(
    ctx: Ctx,
    f: ActFilter,
    *,
    sort: str = "number",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[int]:
    """One page of ids in display order (the registers view fetches pages lazily);
    ``limit=None``: every id from ``offset`` on (the view's jump to the last act)."""
    ctx.require("act.view")
    cols = SORT_COLUMNS.get(sort, SORT_COLUMNS["number"])
    order = [c.desc() for c in cols] if descending else list(cols)
    if sort == "event_date" and f.kind and not (f.year or f.centre or f.status):
        # A whole register by date: walk the date index and test each row's kind (the first
        # page reads a few hundred rows) rather than let the kind index find all its acts
        # and sort them for every page (2 s a page for 783k births). The kind is wrapped so
        # that no index on it is chosen; with another filter, that filter's index is better.
        q = select(Act.id).where(func.coalesce(Act.kind, "") == f.kind)
    else:
        q = _filtered(select(Act.id), f)
    q = q.order_by(*order, Act.id).offset(offset).limit(limit)
    with ctx.store.read() as s:
        return list(s.scalars(q))


# The subject of each kind of act, and the columns a register line shows.
_SUBJECT_ROLES = tuple(sorted(set(SUBJECT_ROLE.values())))
_ROLE_MARKS = ", ".join("?" for _ in _SUBJECT_ROLES)
_ROW_COLUMNS = "id, kind, status, centre, year, number, global_id, event_date, event_place, late"
# Ids per statement (SQLite's bound-parameter limit is far above; a register page is 200).
_CHUNK = 500


def act_rows(ctx: Ctx, ids: list[int]) -> list[ActRow]:
    """Rows for the given ids, in the same order.

    Read below the ORM (``search_db.reading``: three plain statements per chunk of ids):
    the search box shows 50 of these after every search and the register 200 a page, and
    the ORM's row and enum conversions cost more than the reads (issue 17: 7 ms of the
    search box's 13 ms at 1M acts)."""
    ctx.require("act.view")
    if not ids:
        return []
    acts: dict[int, tuple] = {}
    subjects: dict[int, str] = {}
    cancelled: set[int] = set()
    with reading(ctx.store) as db:
        for i in range(0, len(ids), _CHUNK):
            chunk = list(ids[i : i + _CHUNK])
            marks = ", ".join("?" for _ in chunk)
            for r in db.rows(f"SELECT {_ROW_COLUMNS} FROM acts WHERE id IN ({marks})", chunk):
                acts[r[0]] = r
            for act_id, role, fam, post, given in db.rows(
                "SELECT act_id, role, family_name, post_nom, given_names FROM act_persons"
                f" WHERE act_id IN ({marks}) AND role IN ({_ROLE_MARKS})",
                [*chunk, *_SUBJECT_ROLES],
            ):
                a = acts.get(act_id)
                if a is not None and role == SUBJECT_ROLE[ActKind(a[1])]:
                    subjects[act_id] = " ".join(x for x in (fam.upper(), post.upper(), given) if x)
            cancelled.update(
                r[0]
                for r in db.rows(
                    f"SELECT act_id FROM mentions WHERE act_id IN ({marks})"
                    " AND kind = 'cancellation'",
                    chunk,
                )
            )
    out = []
    for i in ids:
        a = acts.get(i)
        if a is None:
            continue
        _id, kind, status, centre, year, number, global_id, event_date, event_place, late = a
        out.append(
            ActRow(
                _id,
                ActKind(kind),
                ActStatus(status),
                centre,
                year,
                number,
                global_id,
                event_date,
                event_place,
                subjects.get(i, ""),
                i in cancelled,
                bool(late),
            )
        )
    return out


def registered_on(ctx: Ctx, day: str) -> list[int]:
    """Ids of acts registered on a given day (ISO date), in register order."""
    ctx.require("act.view")
    with ctx.store.read() as s:
        return list(
            s.scalars(
                select(Act.id)
                .where(Act.status == "registered", func.date(Act.registered_at) == day)
                .order_by(Act.kind, Act.year, Act.number)
            )
        )
