"""The register of issued copies: every certified copy or extract is counted and recorded."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass

from sqlalchemy import func, select

from civreg.errors import CivregError, Conflict
from civreg.i18n import register
from civreg.models.acts import ChangeLog, IssuedCopy
from civreg.services.context import Ctx
from civreg.services.drafts import load_act

register(
    {
        "copy.bad_kind": {
            "fr": "Type de copie inconnu : « full » (copie intégrale) ou « extract » (extrait).",
            "en": "Unknown copy kind: 'full' (full copy) or 'extract'.",
        },
        "copy.not_registered": {
            "fr": "Seul un acte enregistré peut être délivré en copie.",
            "en": "Only a registered act can be issued as a copy.",
        },
    }
)

COPY_KINDS = ("full", "extract")


@dataclass(frozen=True)
class IssuedCopyRow:
    id: int
    uuid: str
    act_id: int
    kind: str
    copy_number: int
    requester: str
    issued_by: int | None
    issued_at: str


def record_copy_in(ctx: Ctx, s, act_ref: int | str, kind: str, requester: str) -> IssuedCopyRow:
    """Record one issued copy inside the caller's write transaction."""
    if kind not in COPY_KINDS:
        raise CivregError("copy.bad_kind")
    row = load_act(s, act_ref)
    if row.status != "registered":
        raise Conflict("copy.not_registered")
    last = s.scalar(select(func.max(IssuedCopy.copy_number)).where(IssuedCopy.act_id == row.id))
    c = IssuedCopy(
        uuid=str(uuidlib.uuid4()),
        act_id=row.id,
        kind=kind,
        copy_number=(last or 0) + 1,
        requester=requester.strip(),
        issued_by=ctx.user.id,
    )
    s.add(c)
    s.flush()
    s.add(ChangeLog(entity="copy", entity_uuid=c.uuid))
    ctx.audit(
        s,
        "copy.issue",
        act_uuid=row.uuid,
        detail=f"{kind} #{c.copy_number}",
    )
    return IssuedCopyRow(
        c.id,
        c.uuid,
        row.id,
        kind,
        c.copy_number,
        c.requester,
        c.issued_by,
        c.issued_at.isoformat(timespec="seconds"),
    )


def record_copy(ctx: Ctx, act_ref: int | str, kind: str, requester: str = "") -> IssuedCopyRow:
    ctx.require("copy.issue")
    with ctx.store.write() as s:
        return record_copy_in(ctx, s, act_ref, kind, requester)


def copies_of(ctx: Ctx, act_ref: int | str) -> list[IssuedCopyRow]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        row = load_act(s, act_ref)
        return [
            IssuedCopyRow(
                c.id,
                c.uuid,
                c.act_id,
                c.kind,
                c.copy_number,
                c.requester,
                c.issued_by,
                c.issued_at.isoformat(timespec="seconds"),
            )
            for c in s.scalars(
                select(IssuedCopy).where(IssuedCopy.act_id == row.id).order_by(IssuedCopy.id)
            )
        ]
