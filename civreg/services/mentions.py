"""Marginal mentions: the only way a registered act changes after registration.

``add_mention`` checks the request against the country profile's mention rules
(:mod:`civreg.domain.mention_rules`: where each kind may stand, what it needs, its date
bounds, the competent authorities) and records it; ``check_mention`` returns the same
problems (errors and warnings) without recording anything, for a form or the CLI to show.

Corrections (issue 12): a rectification or change of name carries corrections field by field
(``corrections={"child.family_name": "OUÉDRAOGO"}``). The act keeps its registered values;
:func:`current_values` gives the act as it reads today, for copies and extracts to print::

    cur = current_values(ctx, act_id)
    cur.data.person("child").family_name          # the corrected name
    cur.corrected["child.family_name"].original   # the name as registered
    cur.view.mentions                             # every mention, corrections included

Corrected names are indexed for search and duplicate detection beside the registered ones.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from civreg.domain.acts import MENTION_KINDS, ActKind, ActView, Correction
from civreg.domain.corrections import CurrentValues, apply_corrections, correction_text
from civreg.domain.mention_rules import (
    CheckedMention,
    MentionRequest,
    identifier_kind,
)
from civreg.domain.mention_rules import (
    check_mention as check_rules,
)
from civreg.errors import CivregError, Conflict, FieldProblem, NotFound, ValidationError
from civreg.i18n import register
from civreg.models.act_repo import mention_details, to_view
from civreg.models.acts import Act, ChangeLog, Mention, MentionNotice
from civreg.models.base import utcnow
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.drafts import load_act
from civreg.services.mention_facts import index_corrected_names, mention_target

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


@dataclass(frozen=True)
class CurrentAct:
    """An act with its current values (see the module docstring)."""

    view: ActView
    current: CurrentValues

    @property
    def data(self):
        return self.current.data

    @property
    def corrected(self):
        return self.current.corrected


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


def _request(
    kind: str,
    when: str,
    text: str,
    authority: str,
    authority_note: str,
    reference: str,
    related_ref: str,
    corrections: Mapping[str, Any] | None,
    rectifies: str,
) -> MentionRequest:
    if kind not in MENTION_KINDS:
        raise CivregError("mention.bad_kind", kind=kind)
    return MentionRequest(
        kind=kind,
        date=when.strip(),
        text=text,
        authority=authority,
        authority_note=authority_note,
        reference=reference,
        related_ref=related_ref,
        corrections=dict(corrections or {}),
        rectifies=rectifies.strip(),
    )


def _check(ctx: Ctx, s, row: Act, req: MentionRequest, today: date) -> CheckedMention:
    if row.status != "registered":
        raise Conflict("mention.not_registered")
    profile = ctx.profile
    return check_rules(
        profile.mention_rules,
        profile.authorities,
        req,
        mention_target(s, row, req.related_ref),
        today=today,
        kind_of_identifier=identifier_kind(profile.identifier_format),
    )


def check_mention(
    ctx: Ctx,
    ref: int | str,
    *,
    kind: str,
    when: str,
    text: str = "",
    authority: str = "",
    authority_note: str = "",
    reference: str = "",
    related_ref: str = "",
    corrections: Mapping[str, Any] | None = None,
    rectifies: str = "",
    today: date | None = None,
) -> list[FieldProblem]:
    """Every problem (errors and warnings) the mention would meet; nothing is stored."""
    ctx.require("mention.add")
    req = _request(
        kind, when, text, authority, authority_note, reference, related_ref, corrections, rectifies
    )
    with ctx.store.read() as s:
        return _check(ctx, s, load_act(s, ref), req, today or date.today()).problems


@logged("mention.add", ref_arg="ref")
def add_mention(
    ctx: Ctx,
    ref: int | str,
    *,
    kind: str,
    when: str,
    text: str = "",
    authority: str = "",
    reference: str = "",
    related_ref: str = "",
    authority_note: str = "",
    corrections: Mapping[str, Any] | None = None,
    rectifies: str = "",
    today: date | None = None,
) -> ActView:
    """Record a mention after checking it against the profile's rules (errors raise
    :class:`ValidationError`, or :class:`Conflict` for the act's state; warnings do not
    stop it — :func:`check_mention` shows them first)."""
    ctx.require("mention.add")
    req = _request(
        kind, when, text, authority, authority_note, reference, related_ref, corrections, rectifies
    )
    with ctx.store.write() as s:
        row = load_act(s, ref)
        checked = _check(ctx, s, row, req, today or date.today())
        state = checked.state_error
        if state is not None:
            raise Conflict(state.key)
        if checked.errors:
            raise ValidationError(checked.errors, row.global_id)
        text = req.text.strip() or correction_text(ActKind(row.kind), checked.corrections)
        record_mention(
            ctx,
            s,
            row,
            kind=kind,
            when=req.date,
            text=text,
            authority=checked.authority,
            reference=req.reference.strip(),
            related_ref=req.related_ref.strip(),
            source="local",
            operation="mention.add",
            detail=kind,
            authority_code=checked.authority_code,
            authority_note=checked.authority_note,
            corrections=checked.corrections,
            rectifies=req.rectifies,
        )
        return to_view(s, row)


def current_values(ctx: Ctx, ref: int | str) -> CurrentAct:
    """The act (``view``) and its current values: the registered values with every
    correction of its mentions applied (``current.data``, ``current.corrected``)."""
    from civreg.services.queries import get_act

    view = get_act(ctx, ref)
    return CurrentAct(view, apply_corrections(view.data, view.mentions))


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
    authority_code: str = "",
    authority_note: str = "",
    corrections: list[Correction] | tuple[Correction, ...] = (),
    rectifies: str = "",
) -> Mention:
    """Insert one mention with its change-log and audit entries (caller's transaction);
    index the names its corrections change."""
    details = mention_details(
        authority_code=authority_code,
        authority_note=authority_note,
        corrections=tuple(corrections),
        rectifies=rectifies,
    )
    m = Mention(
        uuid=uuid or str(uuidlib.uuid4()),
        act_id=target.id,
        kind=kind,
        date=when,
        text=text,
        authority=authority,
        reference=reference,
        related_ref=related_ref,
        details=details,
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
            "related_ref": related_ref,
            "details": details,
        },
    )
    if corrections:
        index_corrected_names(s, target, m.id)
    return m
