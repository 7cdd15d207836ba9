"""The tamper-evident audit log: a hash chain whose head is signed with the office key.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting
or reordering rows breaks the chain at the first changed place. Seals (signed heads) catch a
truncation of the newest entries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.models.audit import AuditEntry, AuditSeal
from civreg.models.base import utcnow

GENESIS = "0" * 64


def content_hash(data: Any) -> str:
    """SHA-256 of canonical JSON: used for before/after hashes of acts."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _entry_digest(e: AuditEntry) -> str:
    fields = [
        e.seq,
        e.at.isoformat(timespec="seconds"),
        e.user_id,
        e.username,
        e.operation,
        e.act_uuid,
        e.before_hash,
        e.after_hash,
        e.detail,
        e.prev_hash,
    ]
    return content_hash(fields)


def append(
    session: Session,
    *,
    user_id: int | None,
    username: str,
    operation: str,
    act_uuid: str = "",
    before: Any = None,
    after: Any = None,
    detail: str = "",
    at: datetime | None = None,
) -> AuditEntry:
    """Append one entry. Call inside the service's write transaction (writers are serialised)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = AuditEntry(
        seq=seq,
        at=at or utcnow(),
        user_id=user_id,
        username=username,
        operation=operation,
        act_uuid=act_uuid,
        before_hash=content_hash(before) if before is not None else "",
        after_hash=content_hash(after) if after is not None else "",
        detail=detail,
        prev_hash=prev,
    )
    entry.entry_hash = _entry_digest(entry)
    session.add(entry)
    session.flush()
    return entry


def _seal_message(seq: int, head: str, reason: str) -> bytes:
    return f"civreg-audit-seal:v1:{seq}:{head}:{reason}".encode()


def seal(session: Session, key: Ed25519PrivateKey, key_id: str, reason: str) -> AuditSeal | None:
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    if last is None:
        return None
    s = AuditSeal(
        seq=last[0],
        head_hash=last[1],
        reason=reason,
        key_id=key_id,
        signature=key.sign(_seal_message(last[0], last[1], reason)),
    )
    session.add(s)
    session.flush()
    return s


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    seals: int
    first_broken_seq: int | None = None
    problem: str = ""  # edited | missing_or_reordered | truncated | bad_seal


def verify(session: Session, public_keys: Mapping[str, Ed25519PublicKey]) -> ChainReport:
    """Check the chain; each seal is checked with the office key it names (after a key
    rotation, older seals carry the retired key's id). A seal by an unknown key is bad."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    hashes: dict[int, str] = {}
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(5000):
        count += 1
        if e.seq != expected_seq or e.prev_hash != prev:
            return ChainReport(False, count, 0, expected_seq, "missing_or_reordered")
        if _entry_digest(e) != e.entry_hash:
            return ChainReport(False, count, 0, e.seq, "edited")
        prev = e.entry_hash
        hashes[e.seq] = e.entry_hash
        expected_seq += 1
    seals = session.scalars(select(AuditSeal).order_by(AuditSeal.id)).all()
    for s in seals:
        key = public_keys.get(s.key_id)
        try:
            if key is None:
                raise InvalidSignature
            key.verify(s.signature, _seal_message(s.seq, s.head_hash, s.reason))
        except InvalidSignature:
            return ChainReport(False, count, len(seals), s.seq, "bad_seal")
        if s.seq not in hashes:
            return ChainReport(False, count, len(seals), expected_seq, "truncated")
        if hashes[s.seq] != s.head_hash:
            return ChainReport(False, count, len(seals), s.seq, "edited")
    return ChainReport(True, count, len(seals))


def entry_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
