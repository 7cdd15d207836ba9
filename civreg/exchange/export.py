"""Export: everything changed since the previous batch, as the next numbered batch.

Inside the caller's one write transaction: :func:`plan` takes the next sequence number and
the change-log range (the caller then writes its audit entry, so the batch carries it);
:func:`export_planned` seals the audit chain, builds and signs the batch, keeps its exact
bytes (``--again N`` copies them) and marks the notices sent. It returns the bytes and the key
ids it announced (activating the office's new signing key is the keys service's job); the
caller writes the file through :mod:`civreg.exchange.pending_files`: under a temporary name inside
the transaction (if writing fails, the transaction rolls back and the sequence number is not
used), under its final name only after the commit.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from civreg.errors import TransmissionError
from civreg.exchange import records as rec
from civreg.exchange.act_lines import act_lines
from civreg.exchange.bulk_select import chunked
from civreg.exchange.gc_pause import collector_paused
from civreg.i18n import register
from civreg.models.acts import ChangeLog, MentionNotice
from civreg.models.audit import AuditEntry
from civreg.models.base import utcnow
from civreg.models.office import Office
from civreg.models.sync import OutgoingBatch
from civreg.security import audit
from civreg.security.anchor import batch_anchor
from civreg.security.signing_power import office_signing_key
from civreg.sync.authority_keys import AuthorityPublicKey, read_authority_public_key
from civreg.sync.payload import EncodedRecord
from civreg.sync.writer import write_batch


@dataclass(frozen=True)
class ExportResult:
    path: str
    sequence: int
    changes_from: int
    changes_to: int
    counts: dict[str, int]
    encrypted: bool
    sha256: str
    size: int
    again: bool = False
    announced_keys: tuple[str, ...] = ()  # office key ids this batch announced


register(
    {
        "sync.nothing_to_export": {
            "fr": "Rien à transmettre : aucun changement depuis le lot n° {sequence}.",
            "en": "Nothing to send: no change since batch no. {sequence}.",
        },
        "sync.no_such_batch": {
            "fr": "Le lot n° {sequence} n'a jamais été exporté par ce bureau.",
            "en": "Batch no. {sequence} was never exported by this office.",
        },
    }
)


def _result(
    path: Path, b: OutgoingBatch, again: bool, announced: tuple[str, ...] = ()
) -> ExportResult:
    return ExportResult(
        path=str(path),
        sequence=b.sequence,
        changes_from=b.changes_from,
        changes_to=b.changes_to,
        counts=dict(b.counts),
        encrypted=b.recipient_key_id is not None,
        sha256=b.sha256,
        size=len(b.data),
        again=again,
        announced_keys=announced,
    )


def reexport(s: Session, out_path: Path, sequence: int) -> tuple[ExportResult, bytes]:
    """The stored bytes of batch ``sequence``: the same file as the first time (the caller
    writes them, see :mod:`civreg.exchange.pending_files`)."""
    b = s.scalar(select(OutgoingBatch).where(OutgoingBatch.sequence == sequence))
    if b is None:
        raise TransmissionError("sync.no_such_batch", sequence=sequence)
    return _result(out_path, b, True), bytes(b.data)


def _collect(
    s: Session, office: Office, first: int, last: int, audit_after: int
) -> list[dict[str, Any] | EncodedRecord]:
    changed = rec.changed_uuids(s, first, last)
    records: list[dict[str, Any] | EncodedRecord] = []
    records += rec.key_announcements(s, office.office_id, changed.get("key", []), office.key_id)
    acts = changed.get("act", [])
    lines = act_lines(s, acts)  # SQLite: persons written by json_object (issue 17)
    records += rec.act_records(s, acts) if lines is None else lines
    records += rec.mention_records(s, changed.get("mention", []))
    records += rec.notice_records(s, changed.get("notice", []))
    records += rec.copy_records(s, changed.get("copy", []))
    records += rec.audit_records(s, office.office_id, audit_after)
    return records


@dataclass(frozen=True)
class ExportPlan:
    sequence: int
    changes_from: int
    changes_to: int
    audit_after: int  # audit entries up to this one already left in an earlier batch


def plan(s: Session) -> ExportPlan:
    """The next batch's number and change range; refuses when nothing changed."""
    last = s.scalar(select(OutgoingBatch).order_by(OutgoingBatch.sequence.desc()).limit(1))
    sequence = last.sequence + 1 if last else 1
    first = last.changes_to + 1 if last else 1
    top = s.scalar(select(func.max(ChangeLog.seq))) or 0
    if top < first:
        raise TransmissionError("sync.nothing_to_export", sequence=sequence - 1)
    return ExportPlan(sequence, first, top, last.audit_to if last else 0)


def export_planned(
    s: Session,
    planned: ExportPlan,
    out_path: Path,
    *,
    created_by: str,
    recipient_key_file: Path | None = None,
    recipient: AuthorityPublicKey | None = None,
) -> tuple[ExportResult, bytes]:
    """Build and store the planned batch (caller's write transaction); the caller writes
    the returned bytes to ``out_path`` once its own changes are made. The payload is
    encrypted to ``recipient`` (or the key in ``recipient_key_file``) when one is given."""
    if recipient_key_file:
        recipient = read_authority_public_key(recipient_key_file)
    office = s.scalar(select(Office))
    assert office is not None
    sequence, first, top = planned.sequence, planned.changes_from, planned.changes_to
    signing_key = office_signing_key(s, office)
    audit.seal(s, signing_key, office.key_id, "export")
    with collector_paused():
        records = _collect(s, office, first, top, planned.audit_after)
        audit_to = s.scalar(select(func.max(AuditEntry.seq))) or 0
        data = write_batch(
            records,
            office_id=office.office_id,
            sequence=sequence,
            change_range=(first, top),
            signing_key=signing_key,
            signing_key_id=office.key_id,
            recipient_public_key=recipient.public_key if recipient else None,
            recipient_key_id=recipient.key_id if recipient else None,
            anchor=batch_anchor(s),
        )
    counts: dict[str, int] = {}
    for r in records:
        kind = r.type if isinstance(r, EncodedRecord) else r["type"]
        counts[kind] = counts.get(kind, 0) + 1
    plain = [r for r in records if not isinstance(r, EncodedRecord)]
    batch = OutgoingBatch(
        sequence=sequence,
        changes_from=first,
        changes_to=top,
        audit_to=audit_to,
        signing_key_id=office.key_id,
        recipient_key_id=recipient.key_id if recipient else None,
        counts=counts,
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        created_by=created_by,
    )
    s.add(batch)
    notice_ids = [r["id"] for r in plain if r["type"] == "notice"]
    for chunk in chunked(notice_ids):
        s.execute(
            update(MentionNotice)
            .where(MentionNotice.uuid.in_(chunk))
            .values(status="sent", handled_at=utcnow())
        )
    announced = tuple(r["id"] for r in plain if r["type"] == "key_announcement")
    s.flush()
    return _result(out_path, batch, False, announced), data
