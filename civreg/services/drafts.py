"""Drafts: created and edited freely by clerks, validated as they type, never numbered."""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from civreg.domain.acts import ActInput, ActView
from civreg.domain.profile import CountryProfile
from civreg.errors import Conflict, FieldProblem, NotFound
from civreg.i18n import register
from civreg.models.act_repo import fill_act, legal_content, replace_persons, to_view
from civreg.models.acts import Act
from civreg.models.base import utcnow
from civreg.models.draft_record import DraftRecord
from civreg.oplog import logged
from civreg.services.context import Ctx

register(
    {
        "acts.frozen": {
            "fr": "Cet acte est enregistré : il ne peut plus être modifié, seulement annoté "
            "par une mention marginale.",
            "en": "This act is registered: it can no longer be changed, only annotated with a "
            "marginal mention.",
        },
        "acts.not_found": {"fr": "Acte introuvable ({ref}).", "en": "Act not found ({ref})."},
    }
)


def check(
    ctx: Ctx,
    data: ActInput,
    *,
    today: date | None = None,
    for_registration: bool = False,
    session: Session | None = None,
    received_on: date | None = None,
    paper_receipt: bool = False,
    in_force: tuple[CountryProfile, str] | None = None,
) -> list[FieldProblem]:
    """Validate as the clerk types: errors and warnings, nothing stored. Without ``session``
    this reads no database (the form calls it on every keystroke); with the caller's session
    the rules that depend on acts already in the store (a spouse's existing marriage) run
    too — registration and bulk declaration always pass it. ``received_on`` is the day the
    office received the declaration (a saved draft's :attr:`ActView.received_date`, or today
    for a new one); without it the typed declaration date is not checked against it
    (registration always checks)."""
    from civreg.domain.validation import validate
    from civreg.services.facts import StoreFacts

    return validate(
        data,
        ctx.profile,
        today=today or date.today(),
        for_registration=for_registration,
        office_commune=ctx.office.commune,
        facts=StoreFacts(session) if session is not None else None,
        received_on=received_on,
        paper_receipt=paper_receipt,
        in_force=in_force,
    )


def received_on(row: Act | DraftRecord) -> date | None:
    """The day the office received the declaration held by ``row`` (None if not recorded)."""
    try:
        return date.fromisoformat(row.received_date) if row.received_date else None
    except ValueError:
        return None


def load_act(session, ref: int | str, *, with_persons: bool = False) -> Act:
    """An act by numeric id, uuid or global identifier; ``with_persons``: its persons in the
    same statement (a join) rather than a second one."""
    opts = (joinedload(Act.persons),) if with_persons else ()
    if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
        row = session.get(Act, int(ref), options=opts)
    else:
        query = select(Act).options(*opts).where((Act.uuid == ref) | (Act.global_id == ref))
        row = session.scalars(query).unique().first()
    if row is None:
        raise NotFound("acts.not_found", ref=str(ref))
    return row


@logged("draft.create")
def create_draft(
    ctx: Ctx, data: ActInput, *, today: date | None = None, paper_receipt: str | None = None
) -> ActView:
    """Save a draft. The day the office received the declaration is recorded now, from the
    clock (``today`` stands for it in tests and simulations; no user ever types it).
    ``paper_receipt``: see :func:`update_draft`."""
    ctx.require("draft.create")
    _check_statement(ctx, paper_receipt)
    with ctx.store.write() as s:
        row = create_draft_in(ctx, s, data, today=today)
        if paper_receipt is not None:
            row.paper_receipt = paper_receipt.strip()
        return to_view(s, row)


def _check_statement(ctx: Ctx, paper_receipt: str | None) -> None:
    """Only who registers (the registrar) states a paper receipt, even in a draft."""
    if paper_receipt and paper_receipt.strip():
        ctx.require("act.register")


def create_draft_in(ctx: Ctx, s, data: ActInput, *, today: date | None = None) -> Act:
    """Insert a draft inside the caller's write transaction (role already checked)."""
    office = ctx.office
    row = Act(
        uuid=str(uuidlib.uuid4()),
        status="draft",
        origin="local",
        office_id=office.office_id,
        country=office.country,
        commune=office.commune,
        centre=data.centre or office.centre,
        created_by=ctx.user.id,
        received_date=(today or date.today()).isoformat(),
    )
    fill_act(row, data)
    s.add(row)
    s.flush()
    replace_persons(s, row, data.persons)
    ctx.audit(
        s,
        "draft.create",
        act_uuid=row.uuid,
        after=legal_content(row),
    )
    return row


@logged("draft.update", ref_arg="ref")
def update_draft(
    ctx: Ctx, ref: int | str, data: ActInput, *, paper_receipt: str | None = None
) -> ActView:
    """Save a draft's new content. ``paper_receipt``: the registrar's statement that the
    declaration was received on paper earlier, kept with the draft until it is registered
    (``""`` withdraws it, None leaves it as it is — a clerk's form never sees it)."""
    ctx.require("draft.edit")
    _check_statement(ctx, paper_receipt)
    with ctx.store.write() as s:
        row = load_act(s, ref)
        if row.status != "draft":
            raise Conflict("acts.frozen")
        before = legal_content(row)
        if data.kind != row.kind:
            data = replace(data, kind=row.kind)
        fill_act(row, data)
        if data.centre:
            row.centre = data.centre
        if paper_receipt is not None:
            row.paper_receipt = paper_receipt.strip()
        row.updated_at = utcnow()
        replace_persons(s, row, data.persons)
        s.flush()
        ctx.audit(
            s,
            "draft.update",
            act_uuid=row.uuid,
            before=before,
            after=legal_content(row),
        )
        return to_view(s, row)


@logged("draft.delete", ref_arg="ref")
def delete_draft(ctx: Ctx, ref: int | str) -> None:
    ctx.require("draft.delete")
    with ctx.store.write() as s:
        row = load_act(s, ref)
        if row.status != "draft":
            raise Conflict("acts.frozen")
        before = legal_content(row)
        uuid = row.uuid
        s.delete(row)
        ctx.audit(
            s,
            "draft.delete",
            act_uuid=uuid,
            before=before,
        )


def list_drafts(ctx: Ctx) -> list[ActView]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        rows = s.scalars(select(Act).where(Act.status == "draft").order_by(Act.updated_at.desc()))
        return [to_view(s, r) for r in rows]
