"""Mentions implied by registering a marriage or a death: on the birth act of each person
concerned when it is held here, otherwise as an outgoing notice to the centre holding it."""

from __future__ import annotations

import uuid as uuidlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.domain.dates import PartialDate
from civreg.models.acts import Act, ChangeLog, MentionNotice
from civreg.models.draft_record import DraftRecord
from civreg.services.context import Ctx
from civreg.services.mentions import record_mention

# act kind -> (mention kind, roles whose birth acts receive it)
IMPLIED: dict[ActKind, tuple[str, tuple[str, ...]]] = {
    ActKind.MARRIAGE: ("marriage", ("spouse1", "spouse2")),
    ActKind.DEATH: ("death", ("deceased",)),
}


def _french_date(iso: str) -> str:
    try:
        return PartialDate.from_iso(iso).display()
    except ValueError:
        return iso


def mention_text(kind: str, data: ActInput, gid: str, other: Person | None) -> str:
    when = _french_date(data.event_date)
    place = data.event_place
    if kind == "marriage":
        partner = other.display_name() if other else ""
        return f"Marié(e) le {when} à {place} avec {partner} — acte {gid}."
    return f"Décédé(e) le {when} à {place} — acte {gid}."


def add_implied_mentions(ctx: Ctx, s: Session, row: Act | DraftRecord, data: ActInput) -> None:
    implied = IMPLIED.get(ActKind(row.kind))
    if implied is None:
        return
    kind, roles = implied
    gid = row.global_id or ""
    for role in roles:
        person = data.person(role)
        if person is None or not person.birth_act_ref:
            continue
        other = None
        if kind == "marriage":
            other = data.person("spouse2" if role == "spouse1" else "spouse1")
        text = mention_text(kind, data, gid, other)
        target = s.scalar(select(Act).where(Act.global_id == person.birth_act_ref))
        if target is not None and target.status == "registered" and target.origin == "local":
            record_mention(
                ctx,
                s,
                target,
                kind=kind,
                when=data.event_date[:10],
                text=text,
                related_ref=gid,
                source="local",
                operation="mention.implied",
                detail=f"{kind} from {gid}",
            )
        else:
            n = MentionNotice(
                uuid=str(uuidlib.uuid4()),
                direction="outgoing",
                target_ref=person.birth_act_ref,
                kind=kind,
                date=data.event_date[:10],
                text=text,
                source_ref=gid,
                source_office=ctx.office.office_id,
                status="queued",
            )
            s.add(n)
            s.flush()
            s.add(ChangeLog(entity="notice", entity_uuid=n.uuid))
            ctx.audit(
                s,
                "notice.queue",
                act_uuid=row.uuid,
                detail=f"{kind} for {person.birth_act_ref}",
            )
