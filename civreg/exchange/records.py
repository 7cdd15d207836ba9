"""Batch records: what an act, a mention, a notice, a copy, an audit entry and a key
announcement look like inside a batch, built from the store with bulk (Core) reads.

Record shapes (every record also has ``type`` and ``id``; see docs/transmission.md)::

    act      id=global id, uuid, content (= act_repo.legal_content), content_hash
    mention  id=uuid, act (global id), kind, date, text, authority, reference, related_ref,
             [details], source, recorded_by_name, recorded_at
    notice   id=uuid, target_ref, kind, date, text, source_ref, source_office
    copy     id=uuid, act (global id), kind, copy_number, requester, issued_at
    audit    id="<office>:<seq>", seq, at, username, operation, act_uuid, before_hash,
             after_hash, detail, prev_hash, entry_hash
    key_announcement  id=new key id, office_id, public_key (base64), previous_key_id
"""

from __future__ import annotations

import base64
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, Person
from civreg.exchange.bulk_select import chunked, select_in, select_where
from civreg.models.act_repo import optional_content
from civreg.models.acts import Act, ActPerson, ChangeLog, IssuedCopy, Mention, MentionNotice
from civreg.models.audit import AuditEntry
from civreg.models.sync import OwnKey

ACT_TABLE = Act.__table__
PERSON_TABLE = ActPerson.__table__


def _iso(value: Any) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def changed_uuids(session: Session, first: int, last: int) -> dict[str, list[str]]:
    """Entity uuids changed in the change-log range, per entity, each once, in log order."""
    out: dict[str, dict[str, None]] = defaultdict(dict)
    rows = session.execute(
        select(ChangeLog.entity, ChangeLog.entity_uuid)
        .where(ChangeLog.seq >= first, ChangeLog.seq <= last)
        .order_by(ChangeLog.seq)
    )
    for entity, uuid in rows:
        out[entity][uuid] = None
    return {k: list(v) for k, v in out.items()}


ACT_FIELDS = (
    "id",
    "uuid",
    "global_id",
    "content_hash",
    "kind",
    "event_date",
    "event_time",
    "event_place",
    "event_place_type",
    "declaration_date",
    "details",
    "medical",
    "judgment_court",
    "judgment_number",
    "judgment_date",
    "transcribed",
    "original_number",
    "original_date",
    "transcription_note",
    "centre",
    "office_id",
    "country",
    "commune",
    "year",
    "number",
    "late",
    "registrar_name",
    "registrar_title",
    "registered_at",
    "received_date",
    "paper_receipt",
)
EXPORT_CHUNK = 5000


def _person_key(p: dict[str, Any]) -> tuple[str, int]:
    return p["role"], p["position"]


def act_records(session: Session, uuids: list[str]) -> list[dict[str, Any]]:
    """Registered acts as records (persons loaded in bulk, content as registered).

    Rows are read as plain tuples and the content built directly: the same dict as
    :func:`fast_legal_content` gives for the act (kept equal by the transmission tests).
    When a quarter or more of the store's acts are asked for (a first upload), the acts and
    persons tables are read sequentially instead of looked up act by act."""
    if not uuids:
        return []
    total = session.scalar(select(func.count()).select_from(ACT_TABLE)) or 0
    if len(uuids) * 4 < total:
        return [r for chunk in chunked(uuids, EXPORT_CHUNK) for r in _records(session, chunk)]
    return _records(session, uuids, scan=True)


def _records(session: Session, uuids: Sequence[str], scan: bool = False) -> list[dict[str, Any]]:
    person_columns = [*PERSON_FIELDS, "act_id"]
    if scan:
        wanted = set(uuids)
        acts = [
            a
            for a in select_where(session, ACT_TABLE, ACT_FIELDS, "status = 'registered'")
            if a[1] in wanted
        ]
        ids = {a[0] for a in acts}
        person_rows = [
            p for p in select_where(session, PERSON_TABLE, person_columns) if p[-1] in ids
        ]
    else:
        acts = select_in(session, ACT_TABLE, ACT_FIELDS, "uuid", uuids, "status = 'registered'")
        person_rows = select_in(
            session, PERSON_TABLE, person_columns, "act_id", [a[0] for a in acts]
        )
    persons: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for p in person_rows:  # zip stops before the trailing act_id
        persons[p[-1]].append(dict(zip(PERSON_FIELDS, p)))  # noqa: B905
    order = {u: i for i, u in enumerate(uuids)}
    return [
        {
            "type": "act",
            "id": a[2],
            "uuid": a[1],
            "content": act_content(a, sorted(persons.get(a[0], ()), key=_person_key)),
            "content_hash": a[3],
        }
        for a in sorted(acts, key=lambda a: order[a[1]])
    ]


def act_content(a: Any, persons: list[dict[str, Any]]) -> dict[str, Any]:
    """``fast_legal_content`` of a row selected as ``_ACT_SELECT``, persons already sorted."""
    (
        _id,
        uuid,
        global_id,
        _hash,
        kind,
        event_date,
        event_time,
        event_place,
        event_place_type,
        declaration_date,
        details,
        medical,
        judgment_court,
        judgment_number,
        judgment_date,
        transcribed,
        original_number,
        original_date,
        transcription_note,
        centre,
        office_id,
        country,
        commune,
        year,
        number,
        late,
        registrar_name,
        registrar_title,
        registered_at,
        received_date,
        paper_receipt,
    ) = a
    details = dict(details or {})
    if medical:
        details.update(medical)
    return {
        "kind": str(kind),
        "event_date": event_date,
        "event_time": event_time,
        "event_place": event_place,
        "event_place_type": event_place_type,
        "declaration_date": declaration_date,
        "persons": persons,
        "details": details,
        "judgment": {"court": judgment_court, "number": judgment_number, "date": judgment_date}
        if judgment_court or judgment_number
        else None,
        "transcription": {
            "original_number": original_number or 0,
            "original_date": original_date,
            "note": transcription_note,
        }
        if transcribed
        else None,
        "centre": centre,
        "uuid": uuid,
        "office_id": office_id,
        "country": country,
        "commune": commune,
        "year": year,
        "number": number,
        "global_id": global_id,
        "late": late,
        "registrar_name": registrar_name,
        "registrar_title": registrar_title,
        "registered_at": _iso(registered_at),
        **({"received_date": received_date} if received_date else {}),
        **({"paper_receipt": paper_receipt} if paper_receipt else {}),
    }


def _act_refs(session: Session, act_ids: set[int]) -> dict[int, str]:
    return dict(select_in(session, Act.__table__, ("id", "global_id"), "id", sorted(act_ids)))


_MENTION_FIELDS = (
    "id",
    "uuid",
    "act_id",
    "kind",
    "date",
    "text",
    "authority",
    "reference",
    "related_ref",
    "details",
    "source",
    "recorded_by_name",
    "recorded_at",
)


def mention_records(session: Session, uuids: list[str]) -> list[dict[str, Any]]:
    rows = [
        dict(zip(_MENTION_FIELDS, r, strict=True))
        for r in sorted(select_in(session, Mention.__table__, _MENTION_FIELDS, "uuid", uuids))
    ]
    refs = _act_refs(session, {m["act_id"] for m in rows})
    return [
        {
            "type": "mention",
            "id": m["uuid"],
            "act": refs[m["act_id"]],
            "kind": m["kind"],
            "date": m["date"],
            "text": m["text"],
            "authority": m["authority"],
            "reference": m["reference"],
            "related_ref": m["related_ref"],
            **({"details": m["details"]} if m["details"] else {}),
            "source": m["source"],
            "recorded_by_name": m["recorded_by_name"],
            "recorded_at": _iso(m["recorded_at"]),
        }
        for m in rows
    ]


_NOTICE_FIELDS = (
    "id",
    "uuid",
    "target_ref",
    "kind",
    "date",
    "text",
    "source_ref",
    "source_office",
)


def notice_records(session: Session, uuids: list[str]) -> list[dict[str, Any]]:
    rows = select_in(
        session,
        MentionNotice.__table__,
        _NOTICE_FIELDS,
        "uuid",
        uuids,
        where="direction = 'outgoing'",
    )
    return [
        {
            "type": "notice",
            "id": uuid,
            "target_ref": target_ref,
            "kind": kind,
            "date": date,
            "text": text,
            "source_ref": source_ref,
            "source_office": source_office,
        }
        for _id, uuid, target_ref, kind, date, text, source_ref, source_office in sorted(rows)
    ]


_COPY_FIELDS = ("id", "uuid", "act_id", "kind", "copy_number", "requester", "issued_at")


def copy_records(session: Session, uuids: list[str]) -> list[dict[str, Any]]:
    rows = [
        dict(zip(_COPY_FIELDS, r, strict=True))
        for r in sorted(select_in(session, IssuedCopy.__table__, _COPY_FIELDS, "uuid", uuids))
    ]
    refs = _act_refs(session, {c["act_id"] for c in rows})
    return [
        {
            "type": "copy",
            "id": c["uuid"],
            "act": refs[c["act_id"]],
            "kind": c["kind"],
            "copy_number": c["copy_number"],
            "requester": c["requester"],
            "issued_at": _iso(c["issued_at"]),
        }
        for c in rows
    ]


def audit_records(session: Session, office_id: str, after_seq: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.seq > after_seq).order_by(AuditEntry.seq)
    )
    return [
        {
            "type": "audit",
            "id": f"{office_id}:{e.seq}",
            "seq": e.seq,
            "at": _iso(e.at),
            "user_id": e.user_id,
            "username": e.username,
            "operation": e.operation,
            "act_uuid": e.act_uuid,
            "before_hash": e.before_hash,
            "after_hash": e.after_hash,
            "detail": e.detail,
            "prev_hash": e.prev_hash,
            "entry_hash": e.entry_hash,
        }
        for e in rows
    ]


def key_announcements(
    session: Session, office_id: str, key_ids: list[str], previous_key_id: str
) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(OwnKey).where(OwnKey.key_id.in_(key_ids), OwnKey.status == "pending")
    )
    return [
        {
            "type": "key_announcement",
            "id": k.key_id,
            "office_id": office_id,
            "public_key": base64.b64encode(k.public_key).decode("ascii"),
            "previous_key_id": previous_key_id,
        }
        for k in rows
    ]


_INPUT_FIELDS = [f.name for f in dataclass_fields(ActInput)]
PERSON_FIELDS = [f.name for f in dataclass_fields(Person)]


def fast_legal_content(row: Any) -> dict[str, Any]:
    """Exactly ``act_repo.legal_content(row)`` without ``dataclasses.asdict`` (which deep-copies
    field by field and dominated export and import time: ~1 ms per act). Kept equal to it by
    tests/integration/test_transmission_records.py."""
    details: dict[str, Any] = dict(row.details or {})
    if row.medical:
        details.update(row.medical)
    persons = sorted(row.persons, key=lambda p: (p.role, p.position))
    judgment = (
        {"court": row.judgment_court, "number": row.judgment_number, "date": row.judgment_date}
        if row.judgment_court or row.judgment_number
        else None
    )
    transcription = (
        {
            "original_number": row.original_number or 0,
            "original_date": row.original_date,
            "note": row.transcription_note,
        }
        if row.transcribed
        else None
    )
    data: dict[str, Any] = {
        "kind": str(row.kind),
        "event_date": row.event_date,
        "event_time": row.event_time,
        "event_place": row.event_place,
        "event_place_type": row.event_place_type,
        "declaration_date": row.declaration_date,
        "persons": [{f: getattr(p, f) for f in PERSON_FIELDS} for p in persons],
        "details": details,
        "judgment": judgment,
        "transcription": transcription,
        "centre": row.centre,
    }
    assert len(data) == len(_INPUT_FIELDS)
    data.update(
        uuid=row.uuid,
        office_id=row.office_id,
        country=row.country,
        commune=row.commune,
        centre=row.centre,
        year=row.year,
        number=row.number,
        global_id=row.global_id,
        late=row.late,
        registrar_name=row.registrar_name,
        registrar_title=row.registrar_title,
        registered_at=_iso(row.registered_at),
    )
    data.update(optional_content(row))
    return data
