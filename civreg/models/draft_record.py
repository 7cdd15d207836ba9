"""A draft read for registration below the ORM, and its registration written back (issue 17).

Registering a draft reads the act and its persons once and writes one UPDATE of the act.
Through the ORM that was a joined load into the identity map and a unit-of-work flush — half
of a registration's CPU. Here the same two reads and the same UPDATE are
:class:`~civreg.models.prepared.Prepared` statements: the draft comes back as a plain
:class:`DraftRecord` (every column of ``acts``, converted as the ORM converts them; its
persons as :class:`PersonRecord`), and :func:`write_changes` writes the columns whose value
changed since the read — the columns, and the values, the ORM's flush would have written
(``tests/integration/test_registration_rows.py`` compares them on SQLite and PostgreSQL).

The session never holds an ``Act`` object for a record: nothing else may load the same act
through the ORM in that transaction (registration does not).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update

from civreg.domain.acts import Person
from civreg.domain.names import search_keys
from civreg.errors import NotFound
from civreg.models.acts import Act, ActPerson, PersonSearch
from civreg.models.prepared import Prepared

_ACTS = Act.__table__
_PERSONS = ActPerson.__table__
_SEARCH = PersonSearch.__table__
ACT_COLUMNS = tuple(c.key for c in _ACTS.columns)
PERSON_COLUMNS = tuple(c.key for c in _PERSONS.columns)


class PersonRecord:
    """One ``act_persons`` row as plain attributes."""

    __slots__ = PERSON_COLUMNS
    id: int
    act_id: int
    role: str
    position: int
    family_name: str
    post_nom: str
    given_names: str
    sex: int
    birth_date: str
    approx_age: int | None
    birth_place: str
    profession: str
    domicile: str
    nationality: str
    id_document: str
    marital_status: str
    previous_marital_status: str
    capacity: str
    birth_act_ref: str


class DraftRecord:
    """One ``acts`` row as plain attributes, its persons in ``persons`` (by role and
    position, as the ORM relationship orders them), and the values as read."""

    __slots__ = (*ACT_COLUMNS, "persons", "loaded")
    id: int
    uuid: str
    kind: Any  # ActKind
    status: Any  # ActStatus
    origin: str
    office_id: str
    country: str
    commune: str
    centre: str
    register_id: int | None
    year: int | None
    number: int | None
    global_id: str | None
    event_date: str
    event_from: str | None
    event_to: str | None
    event_time: str
    event_place: str
    event_place_type: str
    declaration_date: str
    received_date: str
    paper_receipt: str
    details: dict[str, Any]
    medical: dict[str, Any] | None
    late: bool
    judgment_court: str
    judgment_number: str
    judgment_date: str
    transcribed: bool
    original_number: int | None
    original_date: str
    transcription_note: str
    registrar_id: int | None
    registrar_name: str
    registrar_title: str
    content_hash: str
    created_by: int | None
    created_at: datetime
    updated_at: datetime
    registered_at: datetime | None
    persons: list[PersonRecord]
    loaded: tuple[Any, ...]


def _column_setter(names: tuple[str, ...]) -> Callable[[Any, Sequence[Any]], None]:
    """``set(obj, values)``: the attributes ``names`` of ``obj`` from a row, in one tuple
    assignment (a loop of ``setattr`` cost a registration ~20 us for its act and persons).
    A row of another length raises ValueError, as ``zip(strict=True)`` did."""
    targets = ", ".join(f"obj.{name}" for name in names)
    code = f"def set_columns(obj, values):\n    {targets}, = values\n"
    scope: dict[str, Any] = {}
    exec(code, scope)  # the names are the table's own column keys, not input
    setter: Callable[[Any, Sequence[Any]], None] = scope["set_columns"]
    return setter


_set_act_columns = _column_setter(ACT_COLUMNS)
_set_person_columns = _column_setter(PERSON_COLUMNS)
_act_columns_of = attrgetter(*ACT_COLUMNS)  # the act's values, in ACT_COLUMNS order

_BY_ID = Prepared(select(_ACTS).where(_ACTS.c.id == bindparam("ref")))
_BY_REF = Prepared(
    select(_ACTS).where(
        (_ACTS.c.uuid == bindparam("ref")) | (_ACTS.c.global_id == bindparam("ref"))
    )
)
_PERSONS_OF = Prepared(
    select(_PERSONS)
    .where(_PERSONS.c.act_id == bindparam("act_id"))
    .order_by(_PERSONS.c.role, _PERSONS.c.position)
)
_UPDATES: dict[tuple[str, ...], Prepared] = {}  # one statement per set of changed columns
_DELETE_PERSON = Prepared(delete(_PERSONS).where(_PERSONS.c.id == bindparam("pk")))
_NEW_PERSON = tuple(k for k in PERSON_COLUMNS if k != "id")
_INSERT_PERSON = Prepared(
    insert(_PERSONS).values({k: bindparam(f"v_{k}") for k in _NEW_PERSON}).returning(_PERSONS.c.id)
)
_SEARCH_COLUMNS = tuple(c.key for c in _SEARCH.columns)
_INSERT_SEARCH = Prepared(insert(_SEARCH).values({k: bindparam(f"v_{k}") for k in _SEARCH_COLUMNS}))


def load_draft(s: Any, ref: int | str) -> DraftRecord | None:
    """The act ``ref`` (numeric id, uuid or global identifier) with its persons, or None."""
    if isinstance(ref, int) or ref.isdigit():
        rows = _BY_ID.run(s, {"ref": int(ref)})
    else:
        rows = _BY_REF.run(s, {"ref": ref})
    if not rows:
        return None
    values = rows[0]
    rec = DraftRecord.__new__(DraftRecord)
    _set_act_columns(rec, values)
    rec.loaded = values
    persons = []
    for prow in _PERSONS_OF.run(s, {"act_id": rec.id}):
        p = PersonRecord.__new__(PersonRecord)
        _set_person_columns(p, prow)
        persons.append(p)
    rec.persons = persons
    return rec


def write_changes(s: Any, rec: DraftRecord) -> None:
    """UPDATE the act's columns whose value differs from the one read (compared as the
    ORM's flush compares them: ``==``), and nothing when none does."""
    now = _act_columns_of(rec)
    changed = tuple(
        key
        for key, new, old in zip(ACT_COLUMNS, now, rec.loaded, strict=True)
        if key != "id" and new != old
    )
    if not changed:
        return
    stmt = _UPDATES.get(changed)
    if stmt is None:
        stmt = _UPDATES[changed] = Prepared(
            update(_ACTS)
            .where(_ACTS.c.id == bindparam("pk"))
            .values({key: bindparam("v_" + key) for key in changed})
        )
    values = {"v_" + key: getattr(rec, key) for key in changed}
    values["pk"] = rec.id
    _, count = stmt.execute(s, values)
    if count != 1:  # what the ORM's flush raises as StaleDataError
        raise NotFound("acts.not_found", ref=str(rec.id))
    rec.loaded = now


def replace_persons(s: Any, rec: DraftRecord, persons: tuple[Person, ...]) -> None:
    """:func:`civreg.models.act_repo.replace_persons` for a record: the old persons deleted
    one by one (their search keys go with them, ON DELETE CASCADE), the new ones inserted in
    the form's order (so they get the ids the ORM gave them) with every column, then their
    search keys."""
    for old in rec.persons:
        _DELETE_PERSON.run(s, {"pk": old.id})
    new = []
    for person in persons:
        values: dict[str, Any] = {f: getattr(person, f) for f in _PERSON_FIELDS}
        values["act_id"] = rec.id
        [(pid,)] = _INSERT_PERSON.run(s, {f"v_{k}": values[k] for k in _NEW_PERSON})
        p = PersonRecord.__new__(PersonRecord)
        p.id = int(pid)
        for key in _NEW_PERSON:
            setattr(p, key, values[key])
        new.append(p)
    rec.persons = new
    for p in new:
        keys: dict[str, Any] = dict(search_keys(p.family_name, p.given_names, p.post_nom or None))
        keys.update(person_id=p.id, act_id=rec.id, role=p.role)
        _INSERT_SEARCH.run(s, {f"v_{k}": keys[k] for k in _SEARCH_COLUMNS})


_PERSON_FIELDS = tuple(f.name for f in fields(Person))
