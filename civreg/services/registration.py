"""Registering an act: validation, the register's next number in the same transaction,
the global identifier, freezing, audit, and the mentions it implies elsewhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from civreg.domain.acts import ActInput, ActKind, ActStatus, ActView
from civreg.domain.dates import PartialDate
from civreg.domain.profile import CountryProfile
from civreg.domain.rule_sets import RULE_SET_KEY
from civreg.domain.validation import rule_set_date
from civreg.domain.validation_reception import declared_on
from civreg.errors import Conflict, NotFound, ValidationError
from civreg.i18n import register as register_messages
from civreg.models.act_repo import act_details, fill_act, legal_content, to_input, to_view
from civreg.models.acts import Act, ChangeLog, Register
from civreg.models.base import utcnow
from civreg.models.draft_record import DraftRecord, load_draft, replace_persons, write_changes
from civreg.models.prepared import Prepared
from civreg.oplog import logged
from civreg.security import audit
from civreg.services.context import Ctx
from civreg.services.drafts import check, received_on
from civreg.services.implied_mentions import add_implied_mentions
from civreg.services.registers import close_register, closed_error, register_row_for
from civreg.services.registers import start_register as set_first_number

__all__ = ["allocate_number", "close_register", "register_act", "register_row", "set_first_number"]

register_messages(
    {
        "register.number_taken": {
            "fr": "Le numéro {number} du registre {kind} {year} est déjà utilisé.",
            "en": "Number {number} of the {kind} register {year} is already used.",
        },
        "register.transcription_number": {
            "fr": "Le numéro d'origine {number} doit précéder le premier numéro numérique "
            "({first}) du registre {year}.",
            "en": "The original number {number} must come before the register's first digital "
            "number ({first}) for {year}.",
        },
    }
)


def allocate_number(s: Session, reg: Register) -> int:
    """Take the register's next number (the caller holds the write lock)."""
    if reg.closed_at is not None:
        raise closed_error(reg)
    new_next = s.execute(
        update(Register)
        .where(Register.id == reg.id)
        .values(next_number=Register.next_number + 1)
        .returning(Register.next_number)
    ).scalar_one()
    s.expire(reg)
    return int(new_next) - 1


# The open register's next number in one statement, built and compiled once (issue 17).
_TAKE_NUMBER = Prepared(
    update(Register)
    .where(
        Register.centre == bindparam("centre"),
        Register.kind == bindparam("kind"),
        Register.year == bindparam("year"),
        Register.closed_at.is_(None),
    )
    .values(next_number=Register.next_number + 1)
    .returning(Register.id, Register.next_number)
)
_CHANGE = Prepared(
    insert(ChangeLog).values(
        entity=bindparam("entity"), entity_uuid=bindparam("uuid"), at=bindparam("at")
    )
)


def take_number(s: Session, centre: str, kind: ActKind, year: int) -> tuple[int, int]:
    """(register id, number): the next number of the open register (centre, kind, year), in
    one prepared statement (the caller holds the write lock). A register not opened yet is
    created, a closed one refused, by the long way (:func:`allocate_number`)."""
    got = _TAKE_NUMBER.run(s, {"centre": centre, "kind": kind, "year": year})
    if not got:
        reg = register_row_for(s, centre, kind, year)
        return reg.id, allocate_number(s, reg)
    register_id, new_next = int(got[0][0]), int(got[0][1])
    for obj in list(s.identity_map.values()):  # a copy loaded earlier in this transaction
        if isinstance(obj, Register) and obj.id == register_id:
            s.expire(obj)
    return register_id, new_next - 1


@logged("act.register", ref_arg="ref")
def register_act(
    ctx: Ctx,
    ref: int | str,
    *,
    today: date | None = None,
    draft: ActInput | None = None,
    paper_receipt: str = "",
) -> ActView:
    """Register a draft (optionally saving ``draft`` first, in the same transaction).

    ``paper_receipt`` is the registrar's statement that the declaration was received on paper
    on its (earlier) declaration date and entered later; it lets that date stand, is recorded
    in the audit and on the act's own field (see :mod:`civreg.domain.validation_reception`)."""
    ctx.require("act.register")
    with ctx.store.write() as s:
        # Read and written below the ORM (issue 17: its load and flush were half of a
        # registration's CPU), the form's last changes included.
        row = load_draft(s, ref)
        if row is None:
            raise NotFound("acts.not_found", ref=str(ref))
        if draft is not None:
            if row.status != "draft":
                raise Conflict("acts.frozen")
            fill_act(row, replace(draft, kind=ActKind(row.kind)))
            replace_persons(s, row, draft.persons)
        data = register_row(ctx, s, row, today or date.today(), paper_receipt=paper_receipt)
        # A draft has no mentions (they go on registered acts; the implied ones on others).
        return to_view(s, row, mentions=(), data=data)


def register_row(
    ctx: Ctx, s: Session, row: Act | DraftRecord, today: date, *, paper_receipt: str = ""
) -> ActInput:
    """Register ``row`` inside the caller's write transaction (role already checked): an
    ``Act`` of the session, or a :class:`DraftRecord` read below the ORM, whose changed
    columns are written by one prepared UPDATE where the ORM would have flushed them.

    Returns the act's data as registered (``to_input(row)`` now, without building its
    persons again: registering changes only its details, the rule set added)."""
    profile = ctx.profile
    if row.status != "draft":
        raise Conflict("acts.frozen")
    before = legal_content(row)
    data = to_input(row)
    received = received_on(row) or today
    statement = (paper_receipt or row.paper_receipt or "").strip()  # or the draft's
    if not data.declaration_date:  # declared the day the office received it
        data = replace(data, declaration_date=received.isoformat())
        row.declaration_date = data.declaration_date
    # The law in force on the event, once: for the checks, the rule set recorded with the
    # act and the deadline (issue 17: ``for_event`` was computed three times).
    rule_date = rule_set_date(data)
    in_force = profile.for_event(rule_date, today)
    problems = check(
        ctx,
        data,
        today=today,
        for_registration=True,
        session=s,
        received_on=received,
        paper_receipt=bool(statement),
        in_force=in_force,
    )
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationError(errors)
    record_rule_set(row, in_force[0])
    if not row.received_date:  # a draft saved before the received date was recorded
        row.received_date = received.isoformat()
    if statement:
        _record_paper_receipt(ctx, s, row, statement)
    kind = ActKind(row.kind)
    if data.transcription is not None:
        year = PartialDate.from_iso(data.transcription.original_date).year
        number = data.transcription.original_number
        reg = s.scalar(
            select(Register).where(
                Register.centre == row.centre, Register.kind == kind, Register.year == year
            )
        )
        if reg is not None and number >= reg.first_number:
            raise Conflict(
                "register.transcription_number",
                number=number,
                first=reg.first_number,
                year=year,
            )
        taken = s.scalar(
            select(Act.id).where(
                Act.centre == row.centre,
                Act.kind == kind,
                Act.year == year,
                Act.number == number,
                Act.country == row.country,
                Act.commune == row.commune,
            )
        )
        if taken:
            raise Conflict("register.number_taken", number=number, kind=kind, year=year)
        register_id = reg.id if reg else None
    else:
        year = today.year
        # The act's changes so far go to the database once, with the rest, at the flush
        # below (not by autoflush before the register is read and again after).
        with s.no_autoflush:
            register_id, number = take_number(s, row.centre, kind, year)
    event = PartialDate.from_iso(data.event_date)
    declared = declared_on(data, received, paper_receipt=bool(statement))
    # the delay of the law in force on the event (the same date as the rule set's, checked)
    law = in_force[0] if event == rule_date else profile.for_event(event, today)[0]
    row.late = data.transcription is None and law.deadline(kind).is_late(event, declared)
    row.register_id = register_id
    row.year = year
    row.number = number
    row.global_id = profile.format_identifier(
        commune=row.commune, centre=row.centre, kind=kind, year=year, number=number
    )
    row.registrar_id = ctx.user.id
    row.registrar_name = ctx.user.full_name or ctx.user.username
    row.registrar_title = ctx.user.title or profile.registrar_title
    row.registered_at = utcnow()
    after = legal_content(row)
    row.content_hash = audit.content_hash(after)
    row.updated_at = row.registered_at
    row.status = ActStatus.REGISTERED
    if isinstance(row, DraftRecord):
        write_changes(s, row)
    else:
        s.flush()
    ctx.audit(
        s,
        "act.register",
        act_uuid=row.uuid,
        before=before,
        after=after,
        detail=row.global_id or "",
        after_hash=row.content_hash,  # just computed from ``after``
    )
    _CHANGE.run(s, {"entity": "act", "uuid": row.uuid, "at": utcnow()})
    add_implied_mentions(ctx, s, row, data)
    return replace(data, details=act_details(row))


def record_rule_set(row: Act | DraftRecord, law: CountryProfile) -> None:
    """Freeze with the act the rule set it was checked under (``details.rule_set``: travels
    in batches and is covered by the content hash like the rest of the act); ``law`` is the
    profile of the law in force on its event."""
    details = {k: v for k, v in (row.details or {}).items() if k != RULE_SET_KEY}
    if law.rule_set is not None:
        details[RULE_SET_KEY] = law.rule_set.id
    row.details = details


def _record_paper_receipt(ctx: Ctx, s: Session, row: Act | DraftRecord, statement: str) -> None:
    """The registrar's statement: on the act's own field and in the audit (dates only in
    the entry's detail; the statement itself is hashed)."""
    row.paper_receipt = statement
    ctx.audit(
        s,
        "act.paper_receipt",
        act_uuid=row.uuid,
        after={
            "statement": statement,
            "declaration_date": row.declaration_date,
            "received_date": row.received_date,
        },
        detail=f"declared {row.declaration_date}, received {row.received_date}",
    )
