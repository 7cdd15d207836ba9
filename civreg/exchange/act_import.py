"""Acts arriving in a batch: rebuild each row from its record, check it reproduces its hash
(the reading side, :mod:`civreg.exchange.act_reading`), then insert new acts in bulk
(:func:`store_acts`, the writing side); never update a stored act.

Outcomes per act record: ``inserted``; ``unchanged`` (same global id, same content hash);
``explained`` (differs, but a rectification-type mention for it is in the batch or stored —
the stored act stays as registered and the mention carries the change); ``quarantined``
(differs with nothing explaining it, or the record cannot be rebuilt). A batch that gives one
register number to two different acts, or contains another office's act, is rejected whole.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, Person
from civreg.exchange.act_rows import META_KEYS
from civreg.exchange.bulk_insert import bulk_insert
from civreg.exchange.bulk_select import select_in
from civreg.exchange.chunks import ActChunk
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
PERSON_FIELDS = [f.name for f in fields(Person)]
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
        SimpleNamespace(**{f: getattr(p, f) for f in PERSON_FIELDS}) for p in data.persons
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


def register_key(row: SimpleNamespace) -> tuple[Any, ...]:
    return (row.country, row.commune, row.centre, row.kind, row.year, row.number)


def number_conflict(row: Any, other: str) -> Exception:
    """``row``: anything with ``centre``, ``kind``, ``year``, ``number``, ``global_id``."""
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


def _stored_conflicts(s: Session, new: ActChunk) -> None:
    """A new act whose register number or uuid is already used by another stored act.

    Numbers are looked up per register (country, commune, centre, kind, year) within the
    chunk's range of numbers; the first offending act in batch order is reported, checking
    numbers before uuids in each run of 300 acts as before.
    """
    ranges: dict[tuple[Any, ...], list[int]] = {}
    for key in new.registers:
        number = key[5]
        span = ranges.setdefault(key[:5], [number, number])
        span[0] = min(span[0], number)
        span[1] = max(span[1], number)
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
    taken = {u: gid for u, gid in _present(s, "uuid", new.uuids, "global_id") if gid is not None}
    if not stored and not taken:
        return
    for i in range(0, len(new.gids), 300):
        run = range(i, min(i + 300, len(new.gids)))
        for j in run:
            key = new.registers[j]
            if key in stored:
                centre, kind, year, number = key[2:]
                row = SimpleNamespace(
                    centre=centre, kind=kind, year=year, number=number, global_id=new.gids[j]
                )
                raise number_conflict(row, stored[key] or "?")
        for j in run:
            if new.uuids[j] in taken:
                raise reject(
                    "invalid_record",
                    record_type="act",
                    record=taken[new.uuids[j]],
                    detail="uuid already used by another act",
                )


def explained(s: Session, act_id: int, gid: str, batch_mentions: Container[str]) -> bool:
    """Whether a rectification-type mention, in the batch or stored, explains that the act
    ``gid`` arrives with another content than the one stored."""
    if gid in batch_mentions:
        return True
    kinds = set(s.scalars(select(Mention.kind).where(Mention.act_id == act_id)))
    return bool(kinds & EXPLAINING_KINDS)


@dataclass
class StoredActs:
    """What :func:`store_acts` did with one chunk. ``differing``: (stored act id, global id)
    of the acts stored with another content, decided once the whole batch has been read (a
    mention further on may explain them)."""

    inserted: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    differing: list[tuple[int, str]] = field(default_factory=list)


def _only(chunk: ActChunk, keep: list[int]) -> ActChunk:
    """The chunk reduced to the acts at positions ``keep``, with their persons."""
    ids = {chunk.ids[i] for i in keep}
    return replace(
        chunk,
        ids=[chunk.ids[i] for i in keep],
        gids=[chunk.gids[i] for i in keep],
        uuids=[chunk.uuids[i] for i in keep],
        hashes=[chunk.hashes[i] for i in keep],
        registers=[chunk.registers[i] for i in keep],
        acts=[chunk.acts[i] for i in keep],
        persons=[p for p in chunk.persons if p[1] in ids],
        search=[r for r in chunk.search if r[1] in ids],
    )


def store_acts(s: Session, chunk: ActChunk) -> StoredActs:
    """Insert the chunk's new acts, persons and search keys in bulk (rows as the reading
    side made them); an act already stored is counted unchanged or set aside as differing."""
    out = StoredActs()
    existing = _existing(s, chunk.gids)
    if existing:
        keep = []
        for i, gid in enumerate(chunk.gids):
            found = existing.get(gid)
            if found is None:
                keep.append(i)
            elif found[1] == chunk.hashes[i]:
                out.unchanged += 1
            else:
                out.differing.append((found[0], gid))
        chunk = _only(chunk, keep)
    if not chunk.gids:
        return out
    _stored_conflicts(s, chunk)
    bulk_insert(s, Act.__table__, ACT_INSERT, chunk.acts, processed=True)
    bulk_insert(s, ActPerson.__table__, PERSON_INSERT, chunk.persons, processed=True)
    bulk_insert(s, PersonSearch.__table__, SEARCH_INSERT, chunk.search, processed=True)
    if s.get_bind().dialect.name == "postgresql":
        for table, column in (("acts", Act.id), ("act_persons", ActPerson.id)):
            s.execute(
                func.setval(
                    func.pg_get_serial_sequence(table, "id"),
                    select(func.max(column)).scalar_subquery(),
                )
            )
    out.inserted = dict(zip(chunk.gids, chunk.ids, strict=True))
    return out


def next_ids(s: Session) -> tuple[int, int]:
    """The first free act id and act-person id."""
    act = s.scalar(select(func.max(Act.id))) or 0
    person = s.scalar(select(func.max(ActPerson.id))) or 0
    return int(act) + 1, int(person) + 1


SEARCH_KEYS = (
    "norm_family",
    "phon_family",
    "norm_given",
    "phon_given",
    "norm_post_nom",
    "phon_post_nom",
)
ACT_INSERT = ["id", *_ACT_COLUMNS]
PERSON_INSERT = ["id", "act_id", *_PERSON_KEYS]
SEARCH_INSERT = ["person_id", "act_id", "role", *SEARCH_KEYS]
