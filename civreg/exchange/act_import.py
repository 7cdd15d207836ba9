"""Acts arriving in a batch: rebuild each row from its record, check it reproduces its hash,
then insert new acts in bulk; never update a stored act.

Outcomes per act record: ``inserted``; ``unchanged`` (same global id, same content hash);
``explained`` (differs, but a rectification-type mention for it is in the batch or stored —
the stored act stays as registered and the mention carries the change); ``quarantined``
(differs with nothing explaining it, or the record cannot be rebuilt). A batch that gives one
register number to two different acts, or contains another office's act, is rejected whole.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import fields
from datetime import datetime
from operator import attrgetter, itemgetter
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, Person
from civreg.domain.names import search_keys
from civreg.exchange.act_rows import META_KEYS, EventBounds, fast_row
from civreg.exchange.bulk_insert import bulk_insert
from civreg.exchange.bulk_select import select_in
from civreg.exchange.records import fast_legal_content
from civreg.models.act_repo import OPTIONAL_CONTENT_KEYS, fill_act
from civreg.models.acts import Act, ActPerson, Mention, PersonSearch
from civreg.security.audit import content_hash
from civreg.sync.rejections import reject

EXPLAINING_KINDS = frozenset(
    {"rectification", "cancellation", "name_change", "adoption", "recognition"}
)
_ACT_COLUMNS = [c.key for c in Act.__table__.columns if c.key not in ("id",)]
_PERSON_KEYS = [c.key for c in ActPerson.__table__.columns if c.key not in ("id", "act_id")]
_PERSON_FIELDS = [f.name for f in fields(Person)]
_OPTIONAL = OPTIONAL_CONTENT_KEYS


class InvalidRecord(ValueError):
    """The record cannot be rebuilt into an act (detail says why, without personal data)."""


def _str(value: Any, name: str) -> str:
    if not isinstance(value, str):
        raise InvalidRecord(f"{name} must be a string")
    return value


def _int(value: Any, name: str) -> int:
    if type(value) is not int:
        raise InvalidRecord(f"{name} must be an integer")
    return value


def _check_person(p: dict[str, Any]) -> None:
    for key, value in p.items():
        if key in ("position", "sex"):
            _int(value, key)
        elif key == "approx_age":
            if value is not None:
                _int(value, key)
        else:
            _str(value, key)


def rebuild(record: dict[str, Any]) -> SimpleNamespace:
    """An act row (plain namespace) from its record; raises InvalidRecord."""
    content = record.get("content")
    if not isinstance(content, dict):
        raise InvalidRecord("content missing")
    try:
        raw_persons = content.get("persons", [])
        if not isinstance(raw_persons, list) or not all(isinstance(p, dict) for p in raw_persons):
            raise InvalidRecord("persons must be a list of objects")
        for p in raw_persons:
            _check_person(p)
        data = ActInput.from_dict(
            {k: v for k, v in content.items() if k not in META_KEYS and k not in _OPTIONAL}
        )
        if not isinstance(data.details, dict):
            raise InvalidRecord("details must be an object")
        row = SimpleNamespace()
        fill_act(row, data)  # type: ignore[arg-type]
        registered = datetime.fromisoformat(_str(content.get("registered_at"), "registered_at"))
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        if isinstance(exc, InvalidRecord):
            raise
        raise InvalidRecord(f"content does not describe an act ({type(exc).__name__})") from None
    row.uuid = _str(content.get("uuid"), "uuid")
    row.office_id = _str(content.get("office_id"), "office_id")
    row.country = _str(content.get("country"), "country")
    row.commune = _str(content.get("commune"), "commune")
    row.centre = _str(content.get("centre"), "centre")
    row.year = _int(content.get("year"), "year")
    row.number = _int(content.get("number"), "number")
    row.global_id = _str(content.get("global_id"), "global_id")
    if not isinstance(content.get("late"), bool):
        raise InvalidRecord("late must be true or false")
    row.late = content["late"]
    row.registrar_name = _str(content.get("registrar_name"), "registrar_name")
    row.registrar_title = _str(content.get("registrar_title"), "registrar_title")
    row.registered_at = registered.replace(tzinfo=None)
    for key in _OPTIONAL:  # present only when set (see act_repo.OPTIONAL_CONTENT_KEYS)
        setattr(row, key, _str(content.get(key, ""), key))
    row.persons = [
        SimpleNamespace(**{f: getattr(p, f) for f in _PERSON_FIELDS}) for p in data.persons
    ]
    if row.global_id != record["id"] or row.uuid != record.get("uuid"):
        raise InvalidRecord("identifiers differ from the content")
    claimed = record.get("content_hash")
    if fast_legal_content(row) != content:
        raise InvalidRecord("content has fields that are not part of an act")
    if content_hash(content) != claimed:
        raise InvalidRecord("content does not match its hash")
    row.content_hash = claimed
    return row


def _register_key(row: SimpleNamespace) -> tuple[Any, ...]:
    return (row.country, row.commune, row.centre, row.kind, row.year, row.number)


def _check_batch(office_id: str, rows: list[SimpleNamespace]) -> None:
    seen: dict[tuple[Any, ...], str] = {}
    for row in rows:
        if row.office_id != office_id:
            raise reject("foreign_record", office_id=office_id, record=row.global_id)
        key = _register_key(row)
        other = seen.setdefault(key, row.global_id)
        if other != row.global_id:
            raise _number_conflict(row, other)


def _number_conflict(row: SimpleNamespace, other: str) -> Exception:
    register = f"{row.centre}/{row.kind}/{row.year}"
    return reject(
        "number_conflict", number=row.number, register=register, first=other, second=row.global_id
    )


def _present(s: Session, column: str, values: list[Any], *extra: str) -> list[tuple[Any, ...]]:
    """Rows ``(column, *extra)`` of the acts whose ``column`` is one of ``values``."""
    return select_in(s, Act.__table__, (column, *extra), column, values)


def _existing(s: Session, gids: list[str]) -> dict[str, tuple[int, str]]:
    return {
        gid: (act_id, digest)
        for gid, act_id, digest in _present(s, "global_id", gids, "id", "content_hash")
    }


def _stored_conflicts(s: Session, rows: list[SimpleNamespace]) -> None:
    """A new act whose register number or uuid is already used by another stored act.

    Numbers are looked up per register (country, commune, centre, kind, year) within the
    batch's range of numbers; the first offending act in batch order is reported, checking
    numbers before uuids in each run of 300 acts as before.
    """
    ranges: dict[tuple[Any, ...], list[int]] = {}
    for r in rows:
        span = ranges.setdefault(_register_key(r)[:5], [r.number, r.number])
        span[0] = min(span[0], r.number)
        span[1] = max(span[1], r.number)
    stored: dict[tuple[Any, ...], str | None] = {}
    cols = (Act.country, Act.commune, Act.centre, Act.kind, Act.year)
    for register, (low, high) in ranges.items():
        for number, gid in s.execute(
            select(Act.number, Act.global_id).where(
                *(c == v for c, v in zip(cols, register, strict=True)),
                Act.number >= low,
                Act.number <= high,
            )
        ):
            stored[(*register, number)] = gid
    taken = {
        u: gid
        for u, gid in _present(s, "uuid", [r.uuid for r in rows], "global_id")
        if gid is not None
    }
    for i in range(0, len(rows), 300):
        chunk = rows[i : i + 300]
        for row in chunk:
            key = _register_key(row)
            if key in stored:
                raise _number_conflict(row, stored[key] or "?")
        for row in chunk:
            if row.uuid in taken:
                raise reject(
                    "invalid_record",
                    record_type="act",
                    record=taken[row.uuid],
                    detail="uuid already used by another act",
                )


def _explained(s: Session, act_id: int, gid: str, batch_mentions: Container[str]) -> bool:
    if gid in batch_mentions:  # the batch carries a rectification-type mention for it
        return True
    kinds = set(s.scalars(select(Mention.kind).where(Mention.act_id == act_id)))
    return bool(kinds & EXPLAINING_KINDS)


class KeyCache:
    """Search keys of names already seen in this import (names repeat a lot).

    ``search_keys`` keys each name field on its own, so keys are cached per name."""

    def __init__(self) -> None:
        self._names: dict[str, tuple[str, str]] = {}

    def _name(self, value: str) -> tuple[str, str]:
        found = self._names.get(value)
        if found is None:
            keys = search_keys(value, "", None)
            found = self._names[value] = (keys["norm_family"], keys["phon_family"])
        return found

    def row(self, family: str, given: str, post_nom: str) -> tuple[str, ...]:
        """``search_keys(family, given, post_nom or None)`` values in ``_SEARCH_KEYS`` order."""
        return (*self._name(family), *self._name(given), *self._name(post_nom or ""))

    def get(self, family: str, given: str, post_nom: str) -> dict[str, str]:
        return dict(zip(_SEARCH_KEYS, self.row(family, given, post_nom), strict=True))


_SEARCH_KEYS = (
    "norm_family",
    "phon_family",
    "norm_given",
    "phon_given",
    "norm_post_nom",
    "phon_post_nom",
)
_ACT_INSERT = ["id", *_ACT_COLUMNS]
_PERSON_INSERT = ["id", "act_id", *_PERSON_KEYS]
_SEARCH_INSERT = ["person_id", "act_id", "role", *_SEARCH_KEYS]
_act_values = attrgetter(*_ACT_INSERT)
_person_values = itemgetter(*_PERSON_KEYS)


def _next_id(s: Session, column: Any) -> int:
    return int(s.scalar(select(func.max(column))) or 0) + 1


def insert_acts(s: Session, rows: list[SimpleNamespace], keys: KeyCache) -> dict[str, int]:
    """Insert new acts, persons and search keys in bulk; returns global id -> act id.

    Each row's ``persons`` are plain dicts of the ``Person`` fields."""
    if not rows:
        return {}
    act_id = _next_id(s, Act.id)
    person_id = _next_id(s, ActPerson.id)
    acts: list[tuple[Any, ...]] = []
    persons: list[tuple[Any, ...]] = []
    search: list[tuple[Any, ...]] = []
    ids: dict[str, int] = {}
    for row in rows:
        row.id = act_id
        row.status = "registered"
        row.origin = "imported"
        row.register_id = row.registrar_id = row.created_by = None
        row.created_at = row.updated_at = row.registered_at
        acts.append(_act_values(row))
        for p in row.persons:
            persons.append((person_id, act_id, *_person_values(p)))
            search.append(
                (
                    person_id,
                    act_id,
                    p["role"],
                    *keys.row(p["family_name"], p["given_names"], p["post_nom"]),
                )
            )
            person_id += 1
        ids[row.global_id] = act_id
        act_id += 1
    bulk_insert(s, Act.__table__, _ACT_INSERT, acts)
    bulk_insert(s, ActPerson.__table__, _PERSON_INSERT, persons)
    bulk_insert(s, PersonSearch.__table__, _SEARCH_INSERT, search)
    if s.get_bind().dialect.name == "postgresql":
        for table in ("acts", "act_persons"):
            s.execute(
                func.setval(
                    func.pg_get_serial_sequence(table, "id"),
                    select(func.max(Act.id if table == "acts" else ActPerson.id)).scalar_subquery(),
                )
            )
    return ids


def _row(record: dict[str, Any], bounds: EventBounds) -> SimpleNamespace:
    """Fast path for canonical records; the reference rebuild for anything else."""
    row = fast_row(record, bounds)
    if row is not None:
        return row
    try:
        row = rebuild(record)
    except InvalidRecord as exc:
        raise reject(
            "invalid_record", record_type="act", record=record["id"], detail=str(exc)
        ) from None
    row.persons = [{f: getattr(p, f) for f in _PERSON_FIELDS} for p in row.persons]
    return row


def import_acts(
    s: Session,
    office_id: str,
    records: list[dict[str, Any]],
    batch_mentions: Container[str],
    keys: KeyCache,
) -> tuple[dict[str, int], list[tuple[dict[str, Any], str]], dict[str, int]]:
    """Returns (inserted gid -> act id, [(record, quarantine reason)], outcome counts).

    ``batch_mentions``: global ids the batch carries a rectification-type mention for.
    ``records`` may be one chunk of a batch's acts: a number given twice within the chunk is
    refused here, across chunks by the check against the acts stored (the earlier chunk's
    included)."""
    bounds = EventBounds()
    rows = [_row(record, bounds) for record in records]
    quarantined: list[tuple[dict[str, Any], str]] = []
    _check_batch(office_id, rows)
    existing = _existing(s, [r.global_id for r in rows])
    new = []
    counts = {"inserted": 0, "unchanged": 0, "explained": 0, "quarantined": 0}
    by_gid = {r["id"]: r for r in records}
    for row in rows:
        found = existing.get(row.global_id)
        if found is None:
            new.append(row)
        elif found[1] == row.content_hash:
            counts["unchanged"] += 1
        elif _explained(s, found[0], row.global_id, batch_mentions):
            counts["explained"] += 1
        else:
            counts["quarantined"] += 1
            quarantined.append((by_gid[row.global_id], "differs"))
    _stored_conflicts(s, new)
    inserted = insert_acts(s, new, keys)
    counts["inserted"] = len(inserted)
    return inserted, quarantined, counts
