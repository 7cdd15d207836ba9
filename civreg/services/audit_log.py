"""Audit services: verify the chain, seal it (session close), read an act's history."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from civreg.models.audit import AuditEntry
from civreg.models.office import Office
from civreg.security import audit
from civreg.security.signing import load_private, load_public
from civreg.services.context import Ctx
from civreg.services.drafts import load_act


def verify_chain(ctx: Ctx) -> audit.ChainReport:
    ctx.require("audit.verify")
    from civreg.services.keys import office_public_keys

    keys = {kid: load_public(raw) for kid, raw in office_public_keys(ctx).items()}
    with ctx.store.read() as s:
        return audit.verify(s, keys)


def seal_in(s, reason: str) -> None:
    office = s.scalar(select(Office))
    assert office is not None
    audit.seal(s, load_private(office.signing_key), office.key_id, reason)


def close_session(ctx: Ctx) -> None:
    """A registrar closes the registration session: the chain head is signed."""
    ctx.require("session.close")
    with ctx.store.write() as s:
        ctx.audit(s, "session.close")
        seal_in(s, "session_close")


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    at: str
    username: str
    operation: str
    detail: str


def act_history(ctx: Ctx, ref: int | str) -> list[HistoryRow]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        row = load_act(s, ref)
        return [
            HistoryRow(e.seq, e.at.isoformat(timespec="seconds"), e.username, e.operation, e.detail)
            for e in s.scalars(
                select(AuditEntry).where(AuditEntry.act_uuid == row.uuid).order_by(AuditEntry.seq)
            )
        ]
