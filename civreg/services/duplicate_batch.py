"""The duplicate check of a whole imported batch, in a few statements.

An import checks every new birth and death against the acts of the *other* communes
(``services/transmission.py``). Asked act by act, that is an ORM load, a decisions lookup and
a window query per act: on PostgreSQL, 1 000 acts took ~100 s of round trips (issue 17). Here
the batch's acts are loaded together, their decisions read together, their date windows merged
into spans of at most ``SPAN_DAYS`` days, and each span's subject rows read once (sorted by
date); each act then takes the rows of its own window out of them (the rows
:func:`duplicate_match._candidate_rows` would read) and is scored by
:func:`duplicate_match.candidates`: the answer is the act-by-act one
(``tests/integration/test_duplicate_batch.py``). Year-only or unreadable dates are looked up
by name, act by act, as before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from civreg.domain.acts import SUBJECT_ROLE, ActInput, ActKind
from civreg.models.act_repo import to_input
from civreg.models.acts import Act
from civreg.services.duplicate_match import (
    CHECKED_KINDS,
    SUBJECT_INDEX,
    DuplicateCandidate,
    _window,
    candidates,
)
from civreg.services.search_match import Db

SPAN_DAYS = 62  # one statement covers the windows of at most two months of events
CHUNK = 500
_SPAN_SQL = (
    "SELECT ps.person_id, ps.act_id, ps.norm_family, ps.phon_family, a.event_from, a.event_to"
)


def _starts(lo: str, hi: str) -> set[str]:
    """First days a partial date (year, month) covering part of [lo, hi] starts on."""
    return {lo[:4] + "-01-01", lo[:7] + "-01", hi[:4] + "-01-01", hi[:7] + "-01"}


def _span_rows(
    db: Db, role: str, lo: str, hi: str, starts: set[str]
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Subject rows of the acts dated in [lo, hi] (sorted by date), and of the acts partly
    dated (a year or a month starting on one of ``starts``, in [lo, hi] or before it).
    Every commune's: the act-by-act check keeps its best ``MAX_CANDIDATES`` whatever their
    commune before the import keeps the other communes' ones, and so must this."""
    sqlite = db.dialect == "sqlite"
    hint = f" INDEXED BY {SUBJECT_INDEX[role]}" if sqlite else ""
    dates = " INDEXED BY ix_acts_partial_dates" if sqlite else ""
    join = f"FROM acts a JOIN person_search ps{hint} ON ps.act_id = a.id AND ps.role = '{role}'"
    marks = ", ".join("?" for _ in starts)
    days = db.rows(f"{_SPAN_SQL} {join} WHERE a.event_from >= ? AND a.event_from <= ?", [lo, hi])
    days.sort(key=lambda r: r[4])
    # A partial date may cover a window that starts after its first day: as in SQL, an
    # unknown last day covers nothing.
    partial = [r for r in days if r[5] is not None and r[4] != r[5]]
    partial += db.rows(
        f"{_SPAN_SQL} {join.replace('acts a', f'acts a{dates}')}"
        f" WHERE a.event_from IN ({marks}) AND a.event_to >= ?"
        " AND a.event_from != a.event_to AND NOT (a.event_from >= ? AND a.event_from <= ?)",
        [*sorted(starts), lo, lo, hi],
    )
    return days, partial


def _window_rows(
    days: list[tuple[Any, ...]], keys: list[str], partial: list[tuple[Any, ...]], lo: str, hi: str
) -> list[tuple[Any, ...]]:
    """The rows :func:`duplicate_match._candidate_rows` reads for the window [lo, hi]."""
    starts = _starts(lo, hi)
    inside = days[bisect_left(keys, lo) : bisect_right(keys, hi)]
    covering = [r for r in partial if r[4] in starts and r[5] >= lo and not lo <= r[4] <= hi]
    return [r[:4] for r in inside] + [r[:4] for r in covering]


def _decided(db: Db, ids: Sequence[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for i in range(0, len(ids), CHUNK):
        chunk = list(ids[i : i + CHUNK])
        marks = ", ".join("?" for _ in chunk)
        for act_id, other in db.rows(
            "SELECT act_id, candidate_act_id FROM duplicate_decisions"
            f" WHERE decision = 'not_duplicate' AND act_id IN ({marks})"
            " UNION ALL SELECT candidate_act_id, act_id FROM duplicate_decisions"
            f" WHERE decision = 'not_duplicate' AND candidate_act_id IN ({marks})",
            [*chunk, *chunk],
        ):
            out.setdefault(act_id, set()).add(other)
    return out


def cross_commune_duplicates(
    s: Session, act_ids: Sequence[int], days: int
) -> dict[int, list[DuplicateCandidate]]:
    """The candidates held by other communes that may record the same birth or death as each
    of ``act_ids`` (acts just imported), as :func:`duplicate_match.candidates_for_act` gives
    them; acts without any are left out."""
    db = Db(s)
    loaded: list[tuple[Act, ActInput]] = []
    for i in range(0, len(act_ids), CHUNK):
        chunk = list(act_ids[i : i + CHUNK])
        for row in s.scalars(
            select(Act).where(Act.id.in_(chunk)).options(selectinload(Act.persons))
        ):
            if ActKind(row.kind) in CHECKED_KINDS:
                loaded.append((row, to_input(row)))
    decided = _decided(db, [r.id for r, _d in loaded])
    dated: list[tuple[str, str, str, Act, ActInput]] = []
    out: dict[int, list[DuplicateCandidate]] = {}
    family_memo: dict[tuple[str, str], bool] = {}  # family names repeat across the batch

    def check(row: Act, data: ActInput, rows: list[tuple[Any, ...]] | None) -> None:
        found = candidates(
            db,
            data,
            days=days,
            exclude={row.id} | decided.get(row.id, set()),
            own_commune=row.commune,
            rows=rows,
            family_memo=family_memo,
        )
        cross = [c for c in found if c.cross_commune]
        if cross:
            out[row.id] = cross

    for row, data in loaded:
        w = _window(data.event_date, days)
        if w is not None and w[0] in ("day", "month"):
            dated.append((SUBJECT_ROLE[ActKind(data.kind)], w[1], w[2], row, data))
        else:
            check(row, data, None)  # a year-only date: looked up by name, act by act
    dated.sort(key=lambda t: (t[0], t[1]))
    i = 0
    while i < len(dated):
        role, lo, hi = dated[i][0], dated[i][1], dated[i][2]
        j = i + 1
        while (
            j < len(dated) and dated[j][0] == role and _days(lo, max(hi, dated[j][2])) <= SPAN_DAYS
        ):
            hi = max(hi, dated[j][2])
            j += 1
        group = dated[i:j]
        starts = set().union(*(_starts(g[1], g[2]) for g in group))
        days_rows, partial = _span_rows(db, role, lo, hi, starts)
        keys = [r[4] for r in days_rows]
        for _role, a_lo, a_hi, row, data in group:
            check(row, data, _window_rows(days_rows, keys, partial, a_lo, a_hi))
        i = j
    return out


def _days(lo: str, hi: str) -> int:
    return (date.fromisoformat(hi) - date.fromisoformat(lo)).days
