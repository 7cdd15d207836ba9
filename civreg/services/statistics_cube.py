"""Keeping the counts of vital statistics up to date (``stats_facts``, ``stats_cube``,
``stats_cube_year``).

Before statistics are read, :func:`catch_up` brings the cache level with the store, inside one
write transaction (writers are serialised: BEGIN IMMEDIATE on SQLite, an advisory lock on
PostgreSQL): the acts registered since it last looked — a new id (a registration, an import, a
bulk load) or one of the drafts it saw waiting last time, registered since — get their facts
computed (:func:`civreg.domain.vital_facts.dimensions`) and added to the counts; acts
cancelled since (a cancellation mention, local or imported) leave the counts. Registered acts
never change (triggers refuse it) and mentions are never removed, so these are the only events
that move a count. No clock is trusted: a counter laptop's clock may be wrong.

The first time (or when the counting rules change, :data:`RULES_VERSION`) every registered
act is read once, in ranges of ids: a few seconds per hundred thousand acts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    select,
    type_coerce,
    update,
)
from sqlalchemy.orm import Session

from civreg.domain.acts import ActStatus
from civreg.domain.vital_facts import RULES_VERSION, ActFacts, dimensions, underlying_cause
from civreg.exchange.bulk_select import chunked
from civreg.models.acts import Act, ActPerson, Mention
from civreg.models.stats import (
    CUBE_DIMS,
    YEAR_DIMS,
    StatsCell,
    StatsFact,
    StatsState,
    StatsYearCell,
)

ID_MARGIN = 1000  # ids re-examined below the last seen (counting them twice is impossible)
NOT_REGISTERED = [st.value for st in ActStatus if st is not ActStatus.REGISTERED]
RANGE = 20_000  # acts read at a time
ROLES = {"birth": ("child", "mother"), "death": ("deceased",), "marriage": ("spouse1", "spouse2")}
_ACTS = Act.__table__.c
_PERSONS = ActPerson.__table__.c
_FACTS = StatsFact.__table__
_CUBE = StatsCell.__table__
_YEARS = StatsYearCell.__table__

FACT_DIMS = (
    "kind",
    "commune",
    "centre",
    "period",
    "sex",
    "timeliness",
    "place",
    "age",
    "age2",
    "cause",
)


def _state(s: Session) -> StatsState:
    state = s.scalar(select(StatsState).where(StatsState.id == 1).with_for_update())
    if state is None:
        # a new store or one just upgraded: built below
        state = StatsState(id=1, version=0, max_act_id=0, max_mention_id=0, pending="")
        s.add(state)
        s.flush()
    return state


def _facts_of(
    s: Session, where: Any, only: set[int] | None = None
) -> list[tuple[int, str | None, tuple[Any, ...], bool]]:
    """(act id, event_from, dimensions, cancelled) of the registered acts ``where`` selects
    (those of ``only`` when given). Plain tuples and text columns: this reads every act of a
    store when the counts are built."""
    kind = cast(_ACTS.kind, String)
    medical = case((_ACTS.kind == "death", type_coerce(_ACTS.medical, String)), else_=None)
    acts = s.execute(
        select(
            _ACTS.id,
            kind,
            _ACTS.commune,
            _ACTS.centre,
            _ACTS.event_date,
            _ACTS.event_from,
            _ACTS.event_place_type,
            _ACTS.late,
            _ACTS.judgment_number,
            _ACTS.judgment_court,
            _ACTS.transcribed,
            medical,
        ).where(_ACTS.status == "registered", where)
    ).all()
    if only is not None:
        acts = [a for a in acts if a[0] in only]
    if not acts:
        return []
    lo, hi = acts[0][0], acts[-1][0]
    for a in acts:
        lo, hi = min(lo, a[0]), max(hi, a[0])
    wanted = {a[0] for a in acts}
    persons: dict[tuple[int, str], tuple[int, str, int | None]] = {}
    for act_id, role, sex, birth, approx in s.execute(
        select(
            _PERSONS.act_id, _PERSONS.role, _PERSONS.sex, _PERSONS.birth_date, _PERSONS.approx_age
        ).where(
            _PERSONS.act_id >= lo,
            _PERSONS.act_id <= hi,
            _PERSONS.position == 0,
            _PERSONS.role.in_(("child", "mother", "deceased", "spouse1", "spouse2")),
        )
    ):
        if act_id in wanted:
            persons[(act_id, role)] = (sex, birth or "", approx)
    cancelled = set(
        s.scalars(
            select(Mention.act_id).where(
                Mention.kind == "cancellation", Mention.act_id >= lo, Mention.act_id <= hi
            )
        )
    )
    out = []
    for (
        act_id,
        kind_code,
        commune,
        centre,
        event_date,
        event_from,
        place,
        late,
        judgment_number,
        judgment_court,
        transcribed,
        medical_text,
    ) in acts:
        roles_of = ROLES[kind_code]
        subject = persons.get((act_id, roles_of[0]))
        first = persons.get((act_id, "mother" if kind_code == "birth" else roles_of[0]))
        second = persons.get((act_id, "spouse2")) if kind_code == "marriage" else None
        facts = ActFacts(
            kind=kind_code,
            commune=commune or "",
            centre=centre or "",
            event_date=event_date or "",
            place_type=place or "",
            late=bool(late),
            judgment=bool(judgment_number or judgment_court),
            transcribed=bool(transcribed),
            subject_sex=subject[0] if subject else None,
            first=(first[1], first[2]) if first else None,
            second=(second[1], second[2]) if second else None,
            cause_code=underlying_cause(_json(medical_text)) if medical_text else None,
        )
        out.append((act_id, event_from, dimensions(facts), act_id in cancelled))
    return out


def _json(text: Any) -> Any:
    if isinstance(text, dict):
        return text
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return None


def _month(event_from: str | None) -> str:
    """The cube's month: that of the event's earliest day ("" when unknown, which no date
    filter selects, as ``event_from IS NULL`` would not be)."""
    return (event_from or "")[:7]


def _add(
    s: Session,
    rows: Sequence[tuple[int, str | None, tuple[Any, ...], bool]],
    deltas: dict[tuple[Any, ...], int],
) -> None:
    if not rows:
        return
    s.execute(
        insert(_FACTS),
        [
            {"act_id": i, "event_from": ef, "cancelled": c, **dict(zip(FACT_DIMS, d, strict=True))}
            for i, ef, d, c in rows
        ],
    )
    for _i, ef, d, c in rows:
        if not c:
            deltas[(*d[:3], _month(ef), *d[3:])] += 1


def _by_year(deltas: dict[tuple[Any, ...], int]) -> dict[tuple[Any, ...], int]:
    """The deltas of the counts per year: the cube's keys without the month of the earliest
    day, the period cut to its year (:data:`civreg.models.stats.YEAR_DIMS`)."""
    out: dict[tuple[Any, ...], int] = defaultdict(int)
    for key, n in deltas.items():
        out[(*key[:3], key[4][:4], *key[5:])] += n
    return out


def _apply_to(
    s: Session, table: Any, dims: Sequence[str], deltas: dict[tuple[Any, ...], int], empty: bool
) -> None:
    items = [(k, n) for k, n in deltas.items() if n]
    if empty:
        for chunk in chunked(items, 5000):
            s.execute(
                insert(table),
                [{**dict(zip(dims, k, strict=True)), "n": n} for k, n in chunk],
            )
        return
    for key, n in items:
        match = and_(*(table.c[d] == v for d, v in zip(dims, key, strict=True)))
        done = s.execute(update(table).where(match).values(n=table.c.n + n)).rowcount  # type: ignore[attr-defined]
        if not done:
            s.execute(insert(table).values(**dict(zip(dims, key, strict=True)), n=n))
    s.execute(delete(table).where(table.c.n <= 0))


def _apply(s: Session, deltas: dict[tuple[Any, ...], int], *, empty: bool) -> None:
    """Add the deltas to the counts per month and per year (empty tables take them as they
    are)."""
    _apply_to(s, _CUBE, CUBE_DIMS, deltas, empty)
    _apply_to(s, _YEARS, YEAR_DIMS, _by_year(deltas), empty)


def _pending(state: StatsState) -> list[int]:
    return [int(x) for x in state.pending.split(",") if x]


def _new_ids(s: Session, state: StatsState) -> list[int]:
    """Registered acts not yet counted: ids above the last seen (less a margin) and the
    drafts seen waiting last time that are registered now, without those already counted."""
    # by the primary key alone: a condition on the status would let the planner walk the
    # status index over every registered act
    candidates = [
        i
        for i, status in s.execute(
            select(_ACTS.id, cast(_ACTS.status, String)).where(
                _ACTS.id > state.max_act_id - ID_MARGIN
            )
        )
        if status == "registered"
    ]
    for chunk in chunked(_pending(state)):
        candidates.extend(
            s.scalars(select(_ACTS.id).where(_ACTS.id.in_(chunk), _ACTS.status == "registered"))
        )
    if not candidates:
        return []
    known: set[int] = set()
    for chunk in chunked(candidates):
        known.update(s.scalars(select(_FACTS.c.act_id).where(_FACTS.c.act_id.in_(chunk))))
    return sorted(set(candidates) - known)


def _batches(ids: Sequence[int]) -> Iterable[tuple[Any, set[int]]]:
    """(filter, ids) to read ``ids``: an id range where they are dense, lists otherwise."""
    for chunk in chunked(list(ids), RANGE):
        lo, hi = chunk[0], chunk[-1]
        if hi - lo + 1 <= 2 * len(chunk):
            yield and_(_ACTS.id >= lo, _ACTS.id <= hi), set(chunk)
        else:
            for small in chunked(chunk):
                yield _ACTS.id.in_(small), set(small)


def _rebuild(s: Session, state: StatsState) -> None:
    s.execute(delete(_CUBE))
    s.execute(delete(_YEARS))
    s.execute(delete(_FACTS))
    state.version = RULES_VERSION
    top = s.scalar(select(func.max(_ACTS.id))) or 0
    # everything up to here is read below (the transaction holds the writers' lock)
    state.max_act_id = top
    state.max_mention_id = s.scalar(select(func.max(Mention.id))) or 0
    state.pending = ""
    deltas: dict[tuple[Any, ...], int] = defaultdict(int)
    for lo in range(1, top + 1, RANGE):
        _add(s, _facts_of(s, and_(_ACTS.id >= lo, _ACTS.id < lo + RANGE)), deltas)
    _apply(s, deltas, empty=True)


def _cancellations(s: Session, state: StatsState, deltas: dict[tuple[Any, ...], int]) -> None:
    acts = set(
        s.scalars(
            select(Mention.act_id).where(
                Mention.kind == "cancellation", Mention.id > state.max_mention_id - ID_MARGIN
            )
        )
    )
    for chunk in chunked(sorted(acts)):
        facts = s.execute(
            select(_FACTS).where(_FACTS.c.act_id.in_(chunk), _FACTS.c.cancelled.is_(False))
        ).all()
        for f in facts:
            d = tuple(getattr(f, name) for name in FACT_DIMS)
            deltas[(*d[:3], _month(f.event_from), *d[3:])] -= 1
        if facts:
            s.execute(
                update(_FACTS)
                .where(_FACTS.c.act_id.in_([f.act_id for f in facts]))
                .values(cancelled=True)
            )


def catch_up(s: Session) -> int:
    """Bring the counts level with the store (the caller's write transaction); returns how
    many acts were added."""
    state = _state(s)
    if state.version != RULES_VERSION:
        _rebuild(s, state)
    deltas: dict[tuple[Any, ...], int] = defaultdict(int)
    added = 0
    _cancellations(s, state, deltas)
    for where, only in _batches(_new_ids(s, state)):
        rows = _facts_of(s, where, only)
        _add(s, rows, deltas)
        added += len(rows)
    _apply(s, deltas, empty=False)
    top = s.scalar(select(func.max(_ACTS.id))) or 0
    state.max_act_id = max(state.max_act_id, top)
    state.max_mention_id = max(state.max_mention_id, s.scalar(select(func.max(Mention.id))) or 0)
    # by the status index alone (drafts are few), not by a range of ids
    waiting = s.scalars(select(_ACTS.id).where(_ACTS.status.in_(NOT_REGISTERED)))
    state.pending = ",".join(str(i) for i in sorted(waiting) if i <= state.max_act_id)
    return added


def needs_catch_up(s: Session) -> bool:
    """Whether anything happened since the counts were last brought up to date (cheap: two
    indexed maxima and the drafts seen waiting), so that a refresh with nothing new only
    reads."""
    state = s.get(StatsState, 1)
    if state is None or state.version != RULES_VERSION:
        return True
    if (s.scalar(select(func.max(_ACTS.id))) or 0) > state.max_act_id:
        return True
    if (s.scalar(select(func.max(Mention.id))) or 0) > state.max_mention_id:
        return True
    for chunk in chunked(_pending(state)):
        registered = s.scalar(
            select(_ACTS.id).where(_ACTS.id.in_(chunk), _ACTS.status == "registered").limit(1)
        )
        if registered is not None:
            return True
    return False
