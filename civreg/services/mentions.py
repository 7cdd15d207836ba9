"""Marginal mentions: the only way a registered act changes after registration."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from civreg.domain.acts import MENTION_KINDS, ActView
from civreg.domain.dates import DateParseError, PartialDate
from civreg.errors import CivregError, Conflict, FieldProblem, NotFound, ValidationError
from civreg.i18n import register
from civreg.models.act_repo import mentions_of, to_view
from civreg.models.acts import Act, ChangeLog, Mention, MentionNotice
from civreg.models.base import utcnow
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.drafts import load_act

register(
    {
        "mention.bad_kind": {
            "fr": "Type de mention inconnu ({kind}).",
            "en": "Unknown kind of mention ({kind}).",
        },
        "mention.not_registered": {
            "fr": "Une mention ne s'ajoute qu'à un acte enregistré.",
            "en": "A mention can only be added to a registered act.",
        },
        "mention.needs_authority": {
            "fr": "Indiquez l'autorité qui l'ordonne et la référence de la décision.",
            "en": "Give the ordering authority and the reference of the decision.",
        },
        "mention.needs_text": {
            "fr": "Le texte de la mention est obligatoire.",
            "en": "The text of the mention is required.",
        },
        "mention.bad_date": {
            "fr": "Date de mention invalide ou dans le futur.",
            "en": "Invalid mention date, or in the future.",
        },
        "mention.already_cancelled": {
            "fr": "Cet acte est déjà annulé.",
            "en": "This act is already cancelled.",
        },
        "notice.not_here": {
            "fr": "L'acte visé par cet avis n'est pas dans ce registre.",
            "en": "The act this notice concerns is not in this store.",
        },
    }
)

# Mentions that only a decision can order: authority and reference are mandatory.
NEEDS_DECISION = frozenset({"rectification", "cancellation", "name_change", "adoption", "divorce"})


@dataclass(frozen=True)
class NoticeRow:
    id: int
    uuid: str
    direction: str
    target_ref: str
    kind: str
    date: str
    text: str
    source_ref: str
    source_office: str
    status: str


def _validate(kind: str, when: str, text: str, authority: str, reference: str, today: date) -> None:
    problems: list[FieldProblem] = []
    if kind not in MENTION_KINDS:
        raise CivregError("mention.bad_kind", kind=kind)
    try:
        d = PartialDate.from_iso(when)
        if not d.is_full or d.earliest() > today:
            raise DateParseError("date.invalid")
    except DateParseError:
        problems.append(FieldProblem("date", "mention.bad_date"))
    if not text.strip():
        problems.append(FieldProblem("text", "mention.needs_text"))
    if kind in NEEDS_DECISION and not (authority.strip() and reference.strip()):
        problems.append(FieldProblem("authority", "mention.needs_authority"))
    if problems:
        raise ValidationError(problems)


@logged("mention.add", ref_arg="ref")
def add_mention(
    ctx: Ctx,
    ref: int | str,
    *,
    kind: str,
    when: str,
    text: str,
    authority: str = "",
    reference: str = "",
    related_ref: str = "",
    today: date | None = None,
) -> ActView:
    ctx.require("mention.add")
    _validate(kind, when, text, authority, reference, today or date.today())
    with ctx.store.write() as s:
        row = load_act(s, ref)
        if row.status != "registered":
            raise Conflict("mention.not_registered")
        if kind == "cancellation" and any(m.kind == "cancellation" for m in mentions_of(s, row.id)):
            raise Conflict("mention.already_cancelled")
        record_mention(
            ctx,
            s,
            row,
            kind=kind,
            when=when,
            text=text.strip(),
            authority=authority.strip(),
            reference=reference.strip(),
            related_ref=related_ref,
            source="local",
            operation="mention.add",
            detail=kind,
        )
        return to_view(s, row)


def list_notices(
    ctx: Ctx, *, direction: str | None = None, status: str | None = None
) -> list[NoticeRow]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        q = select(MentionNotice).order_by(MentionNotice.id)
        if direction:
            q = q.where(MentionNotice.direction == direction)
        if status:
            q = q.where(MentionNotice.status == status)
        return [
            NoticeRow(
                n.id,
                n.uuid,
                n.direction,
                n.target_ref,
                n.kind,
                n.date,
                n.text,
                n.source_ref,
                n.source_office,
                n.status,
            )
            for n in s.scalars(q)
        ]


@logged("notice.apply", ref_arg="notice_id")
def apply_notice(ctx: Ctx, notice_id: int) -> ActView:
    """Apply an incoming notice to the act it concerns, held in this store."""
    ctx.require("notice.apply")
    with ctx.store.write() as s:
        n = s.get(MentionNotice, notice_id)
        if n is None or n.direction != "incoming":
            raise NotFound(what="notice")
        if n.status == "applied":
            raise Conflict("error.generic", detail="already applied")
        target = s.scalar(select(Act).where(Act.global_id == n.target_ref))
        if target is None or target.status != "registered":
            raise NotFound("notice.not_here")
        view = apply_notice_row(ctx, s, n, target)
        return view


def apply_notice_row(ctx: Ctx, s, n: MentionNotice, target: Act) -> ActView:
    """Turn an incoming notice into a mention (shared with the importer)."""
    record_mention(
        ctx,
        s,
        target,
        kind=n.kind,
        when=n.date,
        text=n.text,
        related_ref=n.source_ref,
        source="notice",
        operation="notice.apply",
        detail=f"{n.kind} from {n.source_ref}",
        uuid=str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, f"notice:{n.uuid}")),
    )
    n.status = "applied"
    n.handled_at = utcnow()
    return to_view(s, target)


def record_mention(
    ctx: Ctx,
    s,
    target: Act,
    *,
    kind: str,
    when: str,
    text: str,
    authority: str = "",
    reference: str = "",
    related_ref: str = "",
    source: str,
    operation: str,
    detail: str,
    uuid: str | None = None,
) -> Mention:
    """Insert one mention with its change-log and audit entries (caller's transaction)."""
    m = Mention(
        uuid=uuid or str(uuidlib.uuid4()),
        act_id=target.id,
        kind=kind,
        date=when,
        text=text,
        authority=authority,
        reference=reference,
        related_ref=related_ref,
        source=source,
        recorded_by=ctx.user.id,
        recorded_by_name=ctx.user.full_name or ctx.user.username,
    )
    s.add(m)
    s.flush()
    s.add(ChangeLog(entity="mention", entity_uuid=m.uuid))
    ctx.audit(
        s,
        operation,
        act_uuid=target.uuid,
        detail=detail,
        after={
            "kind": kind,
            "date": when,
            "text": text,
            "authority": authority,
            "reference": reference,
        },
    )
    return m
