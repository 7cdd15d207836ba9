"""Audit services: verify the chain (against its outside anchors), seal it, acknowledge a
store found behind its high-water mark, read an act's history."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.models.audit import AuditEntry
from civreg.security import anchor, audit
from civreg.security.signing_power import is_protected, office_signing_key
from civreg.services import store_guard
from civreg.services.context import Ctx
from civreg.services.drafts import load_act

register(
    {
        "audit.not_behind": {
            "fr": "Ce registre n'est pas en retard sur sa dernière marque : rien à confirmer.",
            "en": "This store is not behind its last mark: nothing to acknowledge.",
        },
        "audit.bad_anchor_file": {
            "fr": "Le fichier {name} n'est pas une marque civreg lisible.",
            "en": "The file {name} is not a readable civreg mark.",
        },
    }
)


def verify_chain(ctx: Ctx, *, anchor_file: Path | None = None) -> audit.ChainReport:
    """The hash chain, its seals, every sealed operation inside a seal, and the store against
    the last outside mark it knows (the user's data folder, or ``anchor_file``: a mark, a
    batch or a receipt carrying one). An empty or cut log is reported against that mark."""
    ctx.require("audit.verify")
    from civreg.security.signing import load_public
    from civreg.services.keys import office_public_keys

    keys = {kid: load_public(raw) for kid, raw in office_public_keys(ctx).items()}
    outside, vouched = _read_anchor_file(ctx, anchor_file) if anchor_file else (None, False)
    with ctx.store.read() as s:
        report = audit.verify(s, keys, require_seals=is_protected(s))
        if ctx.store.keyfile is None:
            return report
        behind = store_guard.check_anchor(ctx.store, s, outside, vouched=vouched)
        mark = (outside or anchor.load(store_guard.store_id(ctx.store))) or {}
    mark_seq = mark.get("audit", {}).get("seq") if isinstance(mark, dict) else None
    report = replace(
        report, anchor_seq=mark_seq, anchor_source=anchor_file.name if anchor_file else "local"
    )
    if not report.ok or behind is None:
        return report
    code = behind.reasons[0][0].split(".")[-1]
    problem = {
        "audit_behind": "empty" if report.entries == 0 else "behind_anchor",
        "audit_diverged": "anchor_diverged",
    }.get(code, code)
    first = report.head_seq + 1 if problem in ("behind_anchor", "empty") else mark_seq
    return replace(report, ok=False, problem=problem, first_broken_seq=first)


def _read_anchor_file(ctx: Ctx, path: Path) -> tuple[dict[str, Any], bool]:
    """(mark, vouched): a mark file (signed by this office), or a district's receipt (its
    signature checked against the trust store; it carries the marks of our batches)."""
    name = Path(path).name
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raise CivregError("audit.bad_anchor_file", name=name) from None
    if isinstance(doc, dict) and doc.get("format") == "civreg-receipt":
        from civreg.exchange import receipts
        from civreg.exchange.trust import StoreTrust

        with ctx.store.read() as s:
            receipt = receipts.read(Path(path), StoreTrust(s))
        best = None
        for e in receipt.body.get("batches", []):
            if e.get("office_id") == ctx.office.office_id and isinstance(e.get("anchor"), dict):
                mark = anchor.from_batch(ctx.office.office_id, e["anchor"])
                if best is None or mark["audit"]["seq"] > best["audit"]["seq"]:
                    best = mark
        if best is None:
            raise CivregError("audit.bad_anchor_file", name=name)
        return dict(best, source=name), True
    if not anchor.well_formed(doc):
        raise CivregError("audit.bad_anchor_file", name=name)
    return dict(doc, source=name), False


def seal_in(s, reason: str) -> None:
    office_key = office_signing_key(s)
    from civreg.models.office import Office

    office = s.scalar(select(Office))
    assert office is not None
    audit.seal(s, office_key, office.key_id, reason)


def close_session(ctx: Ctx) -> None:
    """A registrar closes the registration session: the chain head is signed."""
    ctx.require("session.close")
    with ctx.store.write() as s:
        ctx.audit(s, "session.close")
        seal_in(s, "session_close")


@dataclass(frozen=True)
class RollbackStatus:
    behind: bool
    reasons: tuple[str, ...]  # messages in the user's language
    source: str


def rollback_status(ctx: Ctx) -> RollbackStatus:
    """Whether this store was found behind its high-water mark at open, and why."""
    b = ctx.store.behind
    if b is None:
        return RollbackStatus(False, (), "")
    return RollbackStatus(True, tuple(b.messages()), b.source)


def acknowledge_rollback(ctx: Ctx) -> str:
    """An administrator acknowledges a store found behind its mark. Registers skip the
    numbers the mark says were already given; the current state becomes the mark; the
    decision is in the audit log (sealed). Returns what was recorded."""
    ctx.require("user.manage")
    store = ctx.store
    if store.behind is None:
        raise CivregError("audit.not_behind")
    with store.write() as s:
        detail = store_guard.acknowledge_rollback(
            store, s, user_id=ctx.user.id, username=ctx.user.username
        )
    store.behind = None
    return detail


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
