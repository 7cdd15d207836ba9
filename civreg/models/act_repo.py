"""Map plain act data to rows and back. Never commits; services own the transaction."""

from __future__ import annotations

from dataclasses import asdict, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.domain.acts import (
    ActInput,
    ActKind,
    ActStatus,
    ActView,
    Correction,
    Judgment,
    Mention,
    Person,
    Transcription,
)
from civreg.domain.dates import DateParseError, PartialDate
from civreg.models.acts import Act, ActPerson, PersonSearch
from civreg.models.acts import Mention as MentionRow
from civreg.models.draft_record import DraftRecord

PERSON_FIELDS = [f.name for f in fields(Person)]
CONFIDENTIAL_DETAILS = ("cause",)  # WHO cause of death: kept apart, never on a copy


def event_bounds(text: str) -> tuple[str | None, str | None]:
    try:
        d = PartialDate.from_iso(text)
    except DateParseError:
        return None, None
    return d.earliest().isoformat(), d.latest().isoformat()


def fill_act(row: Act | DraftRecord, data: ActInput) -> None:
    """Copy an ActInput onto a (draft) row, persons excluded."""
    row.kind = ActKind(data.kind)
    row.event_date = data.event_date
    row.event_from, row.event_to = event_bounds(data.event_date)
    row.event_time = data.event_time
    row.event_place = data.event_place
    row.event_place_type = data.event_place_type
    row.declaration_date = data.declaration_date
    details = dict(data.details)
    medical = {k: details.pop(k) for k in CONFIDENTIAL_DETAILS if k in details}
    row.details = details
    row.medical = medical or None
    j = data.judgment
    row.judgment_court = j.court if j else ""
    row.judgment_number = j.number if j else ""
    row.judgment_date = j.date if j else ""
    tr = data.transcription
    row.transcribed = tr is not None
    row.original_number = tr.original_number if tr else None
    row.original_date = tr.original_date if tr else ""
    row.transcription_note = tr.note if tr else ""


def replace_persons(session: Session, row: Act, persons: tuple[Person, ...]) -> None:
    """Replace the persons of a draft and their search keys."""
    if row.persons:
        for old in list(row.persons):
            session.delete(old)  # search keys go with them (ON DELETE CASCADE)
        session.flush()
    row.persons = [ActPerson(**asdict(p)) for p in persons]
    session.flush()
    index_persons(session, row, fresh=True)


def index_persons(session: Session, row: Act, *, fresh: bool = False) -> None:
    """Write the search keys of the act's persons (``fresh``: none exist yet)."""
    from civreg.domain.names import search_keys

    for p in row.persons:
        keys = search_keys(p.family_name, p.given_names, p.post_nom or None)
        existing = None if fresh else session.get(PersonSearch, p.id)
        if existing is None:
            session.add(PersonSearch(person_id=p.id, act_id=row.id, role=p.role, **keys))
        else:
            for k, v in keys.items():
                setattr(existing, k, v)


def act_details(row: Act | DraftRecord, *, include_medical: bool = True) -> dict[str, Any]:
    """The act's details as :class:`ActInput` has them (the confidential ones merged back)."""
    details: dict[str, Any] = dict(row.details or {})
    if include_medical and row.medical:
        details.update(row.medical)
    return details


def to_input(row: Act | DraftRecord, *, include_medical: bool = True) -> ActInput:
    details = act_details(row, include_medical=include_medical)
    persons = tuple(
        Person(**{f: getattr(p, f) for f in PERSON_FIELDS})
        for p in sorted(row.persons, key=lambda p: (p.role, p.position))
    )
    return ActInput(
        kind=ActKind(row.kind),
        event_date=row.event_date,
        event_time=row.event_time,
        event_place=row.event_place,
        event_place_type=row.event_place_type,
        declaration_date=row.declaration_date,
        persons=persons,
        details=details,
        judgment=Judgment(row.judgment_court, row.judgment_number, row.judgment_date)
        if row.judgment_court or row.judgment_number
        else None,
        transcription=Transcription(
            row.original_number or 0, row.original_date, row.transcription_note
        )
        if row.transcribed
        else None,
        centre=row.centre,
    )


def mentions_of(session: Session, act_id: int) -> list[MentionRow]:
    return list(
        session.scalars(
            select(MentionRow).where(MentionRow.act_id == act_id).order_by(MentionRow.id)
        )
    )


def to_mention(m: MentionRow) -> Mention:
    d = m.details or {}
    return Mention(
        m.id,
        m.uuid,
        m.kind,
        m.date,
        m.text,
        m.authority,
        m.reference,
        m.related_ref,
        m.recorded_by_name,
        m.recorded_at.isoformat(timespec="seconds"),
        authority_code=d.get("authority_code", ""),
        authority_note=d.get("authority_note", ""),
        corrections=tuple(
            Correction(c["field"], c["value"], c.get("previous", ""))
            for c in d.get("corrections", ())
        ),
        rectifies=d.get("rectifies", ""),
    )


def mention_details(
    *,
    authority_code: str = "",
    authority_note: str = "",
    corrections: tuple[Correction, ...] | list[Correction] = (),
    rectifies: str = "",
) -> dict[str, Any] | None:
    """The ``mentions.details`` JSON of a mention's structured content (None when empty)."""
    d: dict[str, Any] = {}
    if authority_code:
        d["authority_code"] = authority_code
    if authority_note:
        d["authority_note"] = authority_note
    if corrections:
        d["corrections"] = [
            {"field": c.field, "value": c.value, "previous": c.previous} for c in corrections
        ]
    if rectifies:
        d["rectifies"] = rectifies
    return d or None


def to_view(
    session: Session,
    row: Act | DraftRecord,
    *,
    include_medical: bool = True,
    mentions: tuple[Mention, ...] | None = None,
    data: ActInput | None = None,
) -> ActView:
    """``mentions``: when the caller knows them (an act registered in this transaction has
    none: mentions go on registered acts only), not read again; ``data``: ``to_input(row,
    include_medical=include_medical)`` when the caller has it."""
    if mentions is None:
        mentions = tuple(to_mention(m) for m in mentions_of(session, row.id))
    return ActView(
        id=row.id,
        uuid=row.uuid,
        status=ActStatus(row.status),
        kind=ActKind(row.kind),
        centre=row.centre,
        year=row.year,
        number=row.number,
        global_id=row.global_id,
        cancelled=any(m.kind == "cancellation" for m in mentions),
        data=data if data is not None else to_input(row, include_medical=include_medical),
        registered_at=row.registered_at.isoformat(timespec="seconds")
        if row.registered_at
        else None,
        registrar_name=row.registrar_name,
        registrar_title=row.registrar_title,
        late=row.late,
        created_at=row.created_at.isoformat(timespec="seconds"),
        updated_at=row.updated_at.isoformat(timespec="seconds"),
        mentions=mentions,
        received_date=row.received_date or "",
        paper_receipt=row.paper_receipt or "",
    )


def legal_content(row: Act | DraftRecord) -> dict[str, Any]:
    """Everything that makes up the registered act (hashed for audit and import checks):
    the act as :meth:`ActInput.to_dict` gives it, plus its identity and registration.

    Built field by field rather than through ``dataclasses.asdict`` (which deep-copies and
    cost about 1 ms per act on registration, export and import)."""
    details: dict[str, Any] = dict(row.details or {})
    if row.medical:
        details.update(row.medical)
    persons = sorted(row.persons, key=lambda p: (p.role, p.position))
    j = bool(row.judgment_court or row.judgment_number)
    return {
        "kind": str(row.kind),
        "event_date": row.event_date,
        "event_time": row.event_time,
        "event_place": row.event_place,
        "event_place_type": row.event_place_type,
        "declaration_date": row.declaration_date,
        "persons": [{f: getattr(p, f) for f in PERSON_FIELDS} for p in persons],
        "details": details,
        "judgment": {
            "court": row.judgment_court,
            "number": row.judgment_number,
            "date": row.judgment_date,
        }
        if j
        else None,
        "transcription": {
            "original_number": row.original_number or 0,
            "original_date": row.original_date,
            "note": row.transcription_note,
        }
        if row.transcribed
        else None,
        "centre": row.centre,
        "uuid": row.uuid,
        "office_id": row.office_id,
        "country": row.country,
        "commune": row.commune,
        "year": row.year,
        "number": row.number,
        "global_id": row.global_id,
        "late": row.late,
        "registrar_name": row.registrar_name,
        "registrar_title": row.registrar_title,
        "registered_at": row.registered_at.isoformat(timespec="seconds")
        if row.registered_at
        else None,
        **optional_content(row),
    }


# Keys of an act's legal content present only when set, so that acts registered before they
# existed keep the content (and hash) they were registered with (issue 10 item 1).
OPTIONAL_CONTENT_KEYS = ("received_date", "paper_receipt")


def optional_content(row: Any) -> dict[str, str]:
    return {k: v for k in OPTIONAL_CONTENT_KEYS if (v := getattr(row, k, "") or "")}
