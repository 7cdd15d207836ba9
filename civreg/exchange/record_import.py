"""Mentions, notices, copies, audit entries and key announcements arriving in a batch.

Each is keyed by its uuid (audit entries by office and sequence): one already stored is left
alone. A mention or copy for an act this store does not hold is quarantined. A notice for an
act registered here is applied as a mention; otherwise a district or national store keeps it
as an outgoing notice (it leaves with this office's next batch: routed onwards) and a commune
keeps it as ``not_here``.
"""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from civreg.domain.corrections import details_shape_ok
from civreg.exchange.bulk_select import select_in
from civreg.models.acts import Act, ChangeLog, IssuedCopy, Mention, MentionNotice
from civreg.models.corrected_search import index_corrected_names
from civreg.models.sync import RemoteAuditEntry, TrustedKey
from civreg.security.audit import content_hash
from civreg.security.office_keys import key_id as office_key_id
from civreg.sync.rejections import reject

Quarantine = list[tuple[dict[str, Any], str]]


def _s(record: dict[str, Any], key: str, default: str | None = None) -> str:
    value = record.get(key, default)
    if not isinstance(value, str):
        raise reject(
            "invalid_record",
            record_type=record["type"],
            record=record["id"],
            detail=f"{key} must be a string",
        )
    return value


def _when(record: dict[str, Any], key: str) -> datetime:
    try:
        return datetime.fromisoformat(_s(record, key)).replace(tzinfo=None)
    except ValueError:
        raise reject(
            "invalid_record",
            record_type=record["type"],
            record=record["id"],
            detail=f"{key} is not a date-time",
        ) from None


def _known(s: Session, table: Table, ids: list[str]) -> set[str]:
    """The uuids among ``ids`` that ``table`` already holds."""
    return {row[0] for row in select_in(s, table, ("uuid",), "uuid", ids)}


def act_ids(s: Session, gids: set[str]) -> dict[str, tuple[int, str, str]]:
    """Global id -> (act id, status, origin) for the acts this store holds."""
    rows = select_in(
        s, Act.__table__, ("global_id", "id", "status", "origin"), "global_id", sorted(gids)
    )
    return {gid: (act_id, status, origin) for gid, act_id, status, origin in rows}


def import_mentions(s: Session, records: list[dict[str, Any]], q: Quarantine) -> int:
    known = _known(s, Mention.__table__, [r["id"] for r in records])
    acts = act_ids(s, {_s(r, "act") for r in records})
    added = 0
    corrected: list[Mention] = []
    for r in records:
        if r["id"] in known:
            continue
        target = acts.get(r["act"])
        if target is None:
            q.append((r, "unknown_act"))
            continue
        details = r.get("details")
        if details is not None and not details_shape_ok(details):
            raise reject(
                "invalid_record",
                record_type="mention",
                record=r["id"],
                detail="details must be an object of the documented shape",
            )
        m = Mention(
            uuid=r["id"],
            act_id=target[0],
            kind=_s(r, "kind"),
            date=_s(r, "date"),
            text=_s(r, "text", ""),
            authority=_s(r, "authority", ""),
            reference=_s(r, "reference", ""),
            related_ref=_s(r, "related_ref", ""),
            details=details or None,
            source="imported",
            recorded_by_name=_s(r, "recorded_by_name", ""),
            recorded_at=_when(r, "recorded_at"),
        )
        s.add(m)
        if details and details.get("corrections"):
            corrected.append(m)
        added += 1
    if corrected:  # search and duplicate checks find the corrected names too
        s.flush()
        for m in corrected:
            act = s.get(Act, m.act_id)
            if act is not None:  # looked up above: it is held here
                index_corrected_names(s, act, m.id)
    return added


def import_copies(s: Session, records: list[dict[str, Any]], q: Quarantine) -> int:
    known = _known(s, IssuedCopy.__table__, [r["id"] for r in records])
    acts = act_ids(s, {_s(r, "act") for r in records})
    added = 0
    for r in records:
        if r["id"] in known:
            continue
        target = acts.get(r["act"])
        number = r.get("copy_number")
        if type(number) is not int:
            raise reject(
                "invalid_record",
                record_type="copy",
                record=r["id"],
                detail="copy_number must be an integer",
            )
        if target is None:
            q.append((r, "unknown_act"))
            continue
        clash = s.scalar(
            select(IssuedCopy.uuid).where(
                IssuedCopy.act_id == target[0], IssuedCopy.copy_number == number
            )
        )
        if clash is not None:
            q.append((r, "copy_number_taken"))
            continue
        s.add(
            IssuedCopy(
                uuid=r["id"],
                act_id=target[0],
                kind=_s(r, "kind"),
                copy_number=number,
                requester=_s(r, "requester", ""),
                issued_at=_when(r, "issued_at"),
            )
        )
        s.flush()
        added += 1
    return added


def import_notices(
    s: Session, records: list[dict[str, Any]], level: str
) -> tuple[list[tuple[int, int]], int, int]:
    """Store the incoming notices. Returns (notices for acts registered here, as (notice id,
    act id), for the caller to apply as mentions; routed onwards; kept as not held here)."""
    known = _known(s, MentionNotice.__table__, [r["id"] for r in records])
    acts = act_ids(s, {_s(r, "target_ref") for r in records})
    here: list[tuple[int, int]] = []
    routed = kept = 0
    for r in records:
        if r["id"] in known:
            continue
        values = dict(
            uuid=r["id"],
            target_ref=r["target_ref"],
            kind=_s(r, "kind"),
            date=_s(r, "date"),
            text=_s(r, "text", ""),
            source_ref=_s(r, "source_ref", ""),
            source_office=_s(r, "source_office", ""),
        )
        target = acts.get(r["target_ref"])
        if target is not None and target[1] == "registered" and target[2] == "local":
            n = MentionNotice(direction="incoming", status="received", **values)
            s.add(n)
            s.flush()
            here.append((n.id, target[0]))
        elif level == "commune":
            s.add(MentionNotice(direction="incoming", status="not_here", **values))
            kept += 1
        else:
            s.add(MentionNotice(direction="outgoing", status="queued", **values))
            s.add(ChangeLog(entity="notice", entity_uuid=r["id"]))
            routed += 1
    s.flush()
    return here, routed, kept


AUDIT_FIELDS = (
    "seq",
    "at",
    "user_id",
    "username",
    "operation",
    "act_uuid",
    "before_hash",
    "after_hash",
    "detail",
    "prev_hash",
)


def import_audit(s: Session, office_id: str, records: list[dict[str, Any]], q: Quarantine) -> int:
    """Keep the office's audit entries; an entry whose hash or link is wrong is quarantined.

    A batch carries every entry since the previous batch, so its entries follow each other:
    an entry whose predecessor is neither in the batch nor stored here, while a later or an
    earlier one is, marks a gap (an entry left out of the batch, or deleted from the
    sender's log) and is quarantined as ``audit_gap`` — kept, so that the chain after it
    can still be checked."""
    if not all(type(r.get("seq")) is int for r in records):
        raise reject(
            "invalid_record", record_type="audit", record=office_id, detail="seq must be an integer"
        )
    seqs: list[int] = [r["seq"] for r in records]
    stored = dict(
        s.execute(
            select(RemoteAuditEntry.seq, RemoteAuditEntry.entry_hash).where(
                RemoteAuditEntry.office_id == office_id,
                RemoteAuditEntry.seq >= min(seqs, default=0) - 1,
                RemoteAuditEntry.seq <= max(seqs, default=0),
            )
        ).all()
    )
    last_here = s.scalar(
        select(func.max(RemoteAuditEntry.seq)).where(RemoteAuditEntry.office_id == office_id)
    )
    first_in_batch = min(seqs, default=0)
    added = 0
    rows = []
    for r in sorted(records, key=lambda r: r["seq"]):
        if r["seq"] in stored:
            continue
        digest = content_hash([r.get(k) for k in AUDIT_FIELDS])
        prev = stored.get(r["seq"] - 1)
        if digest != r.get("entry_hash"):
            q.append((r, "audit_hash_mismatch"))
            continue
        if prev is not None and prev != r.get("prev_hash"):
            q.append((r, "audit_chain_break"))
            continue
        if (
            prev is None
            and r["seq"] > 1
            and (r["seq"] > first_in_batch or (last_here is not None and last_here < r["seq"] - 1))
        ):
            q.append((r, "audit_gap"))
        stored[r["seq"]] = digest
        rows.append(
            RemoteAuditEntry(
                office_id=office_id,
                seq=r["seq"],
                entry_hash=digest,
                prev_hash=_s(r, "prev_hash"),
                body=r,
            )
        )
        added += 1
    s.add_all(rows)
    return added


def import_key_announcements(
    s: Session, office_id: str, records: list[dict[str, Any]], trust: Any
) -> int:
    """A new key announced in a batch signed by the office's trusted key becomes trusted."""
    added = 0
    for r in records:
        try:
            raw = base64.b64decode(_s(r, "public_key"), validate=True)
        except (binascii.Error, ValueError):
            raw = b""
        if len(raw) != 32 or office_key_id(raw) != r["id"] or r.get("office_id") != office_id:
            raise reject(
                "invalid_record",
                record_type="key_announcement",
                record=r["id"],
                detail="key does not match its id or office",
            )
        exists = s.scalar(
            select(TrustedKey).where(
                TrustedKey.office_id == office_id, TrustedKey.key_id == r["id"]
            )
        )
        if exists is None:
            s.add(
                TrustedKey(
                    office_id=office_id,
                    key_id=r["id"],
                    public_key=raw,
                    country=office_id[:2],
                    source="announcement",
                )
            )
            trust.add(office_id, r["id"], raw)
            added += 1
    s.flush()
    return added
