"""The tamper-evident audit log: a hash chain whose head is signed with the office key.

Each entry's hash covers its own fields and the previous entry's hash, so editing, deleting
or reordering rows breaks the chain at the first changed place.

Seals. Every write transaction of an account that may sign ends with a *seal*: the office
key signs the first and the last entry the transaction wrote (``from_seq``…``seq``) and the
chain head. So

* an operation only a signer may perform (:data:`SEALED_OPERATIONS`: registration, mention,
  issued copy, user management, keys, export…) must lie inside the range of a seal: a row
  written into the database by someone holding only the data key (a clerk's password opens
  it) is reported as ``unsealed``;
* everything before the newest seal is fixed by its signature; only the unsealed tail (a
  clerk's drafts since the last signed operation) can be rewritten unnoticed by someone who
  can write the database;
* cutting the log back to an older seal is caught against an outside anchor
  (:mod:`civreg.security.anchor`: the user's data folder, the batches and receipts).

Version 1 seals (session close, export; no ``from_seq``) still verify.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.orm import Session

from civreg.errors import CivregError
from civreg.i18n import register
from civreg.models.audit import AuditEntry, AuditSeal
from civreg.models.base import utcnow
from civreg.models.prepared import Prepared

GENESIS = "0" * 64

# Operations only an account holding the office signing key may perform: each must be
# vouched for by a seal of its own transaction.
SEALED_OPERATIONS = frozenset(
    {
        "store.create",
        "store.rollback_ack",
        "store.protect",
        "act.register",
        "mention.add",
        "mention.implied",
        "notice.apply",
        "notice.queue",
        "copy.issue",
        "duplicate.decide",
        "register.close",
        "register.first_number",
        "session.close",
        "user.add",
        "user.disable",
        "user.roles",
        "user.reset",
        "user.unlock",
        "keys.trust",
        "keys.revoke",
        "keys.rotate",
        "keys.authority_init",
        "keys.trust_authority",
        "batch.export",
        "batch.reexport",
        "batch.import",
        "batch.forward",
        "receipt.import",
        "quarantine.resolve",
        "office.profile_overrides",
    }
)
# Refused while the store is behind its anchor (rolled back), until an administrator
# acknowledges: they would reuse numbers or send the district a store that went backwards.
BLOCKED_WHEN_BEHIND = frozenset(
    {"act.register", "copy.issue", "mention.add", "notice.apply", "batch.export"}
)

register(
    {
        "security.store_behind": {
            "fr": "Ce registre est plus ancien que son dernier état connu (restauration d'une "
            "ancienne copie ?) : aucun numéro ne sera attribué, aucune copie délivrée, aucun "
            "lot exporté tant qu'un administrateur n'a pas examiné la situation "
            "(civreg audit acknowledge).",
            "en": "This store is older than its last known state (an old copy put back?): no "
            "number will be allocated, no copy issued and no batch exported until an "
            "administrator has reviewed it (civreg audit acknowledge).",
        },
    }
)


class StoreBehind(CivregError):
    key = "security.store_behind"


_FIRST = "civreg.audit_first"  # first seq appended in the open transaction
_HEAD = "civreg.audit_head"  # (seq, hash) of the entry this transaction appended last
_SEALED = "civreg.audit_sealed_upto"  # last seq covered by a seal in this transaction
_STORE = "civreg.store"


def content_hash(data: Any) -> str:
    """SHA-256 of canonical JSON: used for before/after hashes of acts."""
    raw = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class WrittenEntry:
    """An entry as :func:`append` wrote it (a plain object: building an ``AuditEntry``
    through the ORM's instrumentation for a row written by a prepared INSERT cost a
    registration more than the INSERT itself)."""

    seq: int
    at: datetime
    user_id: int | None
    username: str
    operation: str
    act_uuid: str
    before_hash: str
    after_hash: str
    detail: str
    prev_hash: str
    entry_hash: str = ""


@dataclass(slots=True)
class WrittenSeal:
    """A seal as :func:`seal` wrote it (its ``audit_seals`` row)."""

    seq: int
    from_seq: int
    head_hash: str
    reason: str
    key_id: str
    signature: bytes
    at: datetime
    id: int | None = None


def _entry_digest(e: AuditEntry | WrittenEntry) -> str:
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


def head(session: Session) -> tuple[int, str]:
    """(seq, hash) of the newest entry, or (0, GENESIS)."""
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
    ).first()
    return (int(last[0]), str(last[1])) if last else (0, GENESIS)


# The statements of every write transaction (issue 17), built and compiled once; the rows
# they write are those of the ORM and Core statements they replace
# (tests/integration/test_registration_rows.py).
_HEAD_ROW = Prepared(
    select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc()).limit(1)
)
_ENTRY_COLUMNS = tuple(c.key for c in AuditEntry.__table__.columns)
_INSERT_ENTRY = Prepared(
    insert(AuditEntry).values({k: bindparam(f"v_{k}") for k in _ENTRY_COLUMNS})
)
_SEAL_COLUMNS = ("seq", "from_seq", "head_hash", "reason", "key_id", "signature", "at")
_INSERT_SEAL = Prepared(
    insert(AuditSeal)
    .values({k: bindparam(f"v_{k}") for k in _SEAL_COLUMNS})
    .returning(AuditSeal.id)
)


def _head_below_orm(session: Session) -> tuple[int, str]:
    """:func:`head` as a prepared statement (the caller has flushed the session)."""
    rows = _HEAD_ROW.run(session)
    return (int(rows[0][0]), str(rows[0][1])) if rows else (0, GENESIS)


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
    after_hash: str | None = None,
) -> WrittenEntry:
    """Append one entry. Call inside the service's write transaction (writers are serialised).
    ``after_hash``: ``content_hash(after)`` when the caller has just computed it (registration
    stores it on the act), not computed again.

    A store found behind its anchor refuses :data:`BLOCKED_WHEN_BEHIND` operations here."""
    store = session.info.get(_STORE)
    if operation in BLOCKED_WHEN_BEHIND and getattr(store, "behind", None) is not None:
        raise StoreBehind()
    # What the operation changed goes first, as the flush of an added entry did (and the
    # autoflush of reading the head before it).
    session.flush()
    # Writers are serialised: after its first entry a transaction knows the head itself.
    seq, prev = session.info.get(_HEAD) or _head_below_orm(session)
    seq += 1
    entry = WrittenEntry(
        seq=seq,
        at=at or utcnow(),
        user_id=user_id,
        username=username,
        operation=operation,
        act_uuid=act_uuid,
        before_hash=content_hash(before) if before is not None else "",
        after_hash=(after_hash or content_hash(after)) if after is not None else "",
        detail=detail,
        prev_hash=prev,
    )
    entry.entry_hash = _entry_digest(entry)
    # The entry itself is one prepared INSERT (the ORM's unit of work cost a registration
    # ~1 ms, a Core insert built per call a third of that): every column, None as NULL.
    _INSERT_ENTRY.run(session, {f"v_{k}": getattr(entry, k) for k in _ENTRY_COLUMNS})
    session.info[_HEAD] = (seq, entry.entry_hash)
    session.info.setdefault(_FIRST, seq)
    if operation in SEALED_OPERATIONS:
        session.info["civreg.audit_needs_seal"] = True
    return entry


def _seal_message_v1(seq: int, head_hash: str, reason: str) -> bytes:
    return f"civreg-audit-seal:v1:{seq}:{head_hash}:{reason}".encode()


def seal_message(from_seq: int | None, seq: int, head_hash: str, reason: str) -> bytes:
    if from_seq is None:
        return _seal_message_v1(seq, head_hash, reason)
    return f"civreg-audit-seal:v2:{from_seq}:{seq}:{head_hash}:{reason}".encode()


def seal(
    session: Session,
    key: Ed25519PrivateKey,
    key_id: str,
    reason: str,
    *,
    at: tuple[int, str] | None = None,
) -> WrittenSeal | None:
    """Sign the head now (``at``: the head as the caller just read it), vouching for the
    entries this transaction wrote so far."""
    seq, head_hash = at or session.info.get(_HEAD) or head(session)
    if seq == 0:
        return None
    first = session.info.get(_FIRST)
    done = session.info.get(_SEALED)
    if first is None or (done is not None and done >= seq):
        first = seq  # nothing new in this transaction: the seal vouches for the head only
    elif done is not None:
        first = max(first, done + 1)
    s = WrittenSeal(
        seq=seq,
        from_seq=first,
        head_hash=head_hash,
        reason=reason,
        key_id=key_id,
        signature=key.sign(seal_message(first, seq, head_hash, reason)),
        at=utcnow(),
    )
    session.flush()
    [(seal_id,)] = _INSERT_SEAL.run(session, {f"v_{k}": getattr(s, k) for k in _SEAL_COLUMNS})
    s.id = int(seal_id)
    session.info[_SEALED] = seq
    session.info["civreg.audit_needs_seal"] = False
    session.info["civreg.sealed"] = True
    return s


HEAD_AT_COMMIT = "civreg.audit_head_at_commit"  # (seq, hash) as the seal before commit read it


def seal_transaction(
    session: Session, signer: Callable[[], tuple[Ed25519PrivateKey, str] | None]
) -> None:
    """Before commit: seal what this transaction appended. ``signer`` returns the office key
    when the session holds it (None otherwise). A sealed operation without a key fails the
    transaction: signing power follows the role, not only the program's checks."""
    first = session.info.get(_FIRST)
    if first is None:
        return
    done = session.info.get(_SEALED)
    top = session.info.get(_HEAD) or head(session)
    session.info[HEAD_AT_COMMIT] = top  # nothing is appended after this hook
    seq = top[0]
    if done is not None and done >= seq:
        return
    key = signer()
    if key is None:
        if session.info.get("civreg.audit_needs_seal"):
            from civreg.security.signing_power import SigningUnavailable

            raise SigningUnavailable()
        return
    seal(session, key[0], key[1], "transaction", at=top)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    seals: int
    first_broken_seq: int | None = None
    # edited | missing_or_reordered | truncated | bad_seal | unsealed | empty | behind_anchor
    # | anchor_diverged
    problem: str = ""
    head_seq: int = 0
    head_hash: str = GENESIS
    anchor_seq: int | None = None  # the last outside anchor checked against, if any
    anchor_source: str = ""


def verify(
    session: Session,
    public_keys: Mapping[str, Ed25519PublicKey],
    *,
    require_seals: bool = False,
) -> ChainReport:
    """Check the chain; each seal is checked with the office key it names (after a key
    rotation, older seals carry the retired key's id). A seal by an unknown key is bad.

    ``require_seals``: the store's signing key is protected, so every sealed operation from
    the first version 2 seal on must lie inside a seal's range, and an empty log is wrong."""
    prev = GENESIS
    expected_seq = 1
    count = 0
    hashes: dict[int, str] = {}
    sealed_ops: list[int] = []
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(5000):
        count += 1
        if e.seq != expected_seq or e.prev_hash != prev:
            return ChainReport(False, count, 0, expected_seq, "missing_or_reordered")
        if _entry_digest(e) != e.entry_hash:
            return ChainReport(False, count, 0, e.seq, "edited")
        prev = e.entry_hash
        hashes[e.seq] = e.entry_hash
        if e.operation in SEALED_OPERATIONS:
            sealed_ops.append(e.seq)
        expected_seq += 1
    head_seq = expected_seq - 1
    seals = session.scalars(select(AuditSeal).order_by(AuditSeal.id)).all()
    ranges: list[tuple[int, int]] = []
    for s in seals:
        key = public_keys.get(s.key_id)
        try:
            if key is None:
                raise InvalidSignature
            key.verify(s.signature, seal_message(s.from_seq, s.seq, s.head_hash, s.reason))
        except InvalidSignature:
            return ChainReport(False, count, len(seals), s.seq, "bad_seal", head_seq, prev)
        if s.seq not in hashes:
            return ChainReport(False, count, len(seals), head_seq + 1, "truncated", head_seq, prev)
        if hashes[s.seq] != s.head_hash:
            return ChainReport(False, count, len(seals), s.seq, "edited", head_seq, prev)
        if s.from_seq is not None:
            ranges.append((s.from_seq, s.seq))
    if require_seals and count == 0:
        return ChainReport(False, 0, len(seals), 1, "empty")
    if require_seals:
        if not ranges and count:
            return ChainReport(False, count, len(seals), 1, "unsealed", head_seq, prev)
        start = min((a for a, _ in ranges), default=1)
        bad = _first_outside(sealed_ops, ranges, start)
        if bad is not None:
            return ChainReport(False, count, len(seals), bad, "unsealed", head_seq, prev)
    return ChainReport(True, count, len(seals), head_seq=head_seq, head_hash=prev)


def _first_outside(ops: list[int], ranges: list[tuple[int, int]], start: int) -> int | None:
    """The first seq in ``ops`` (from ``start`` on) that no range covers."""
    ranges = sorted(ranges)
    i = 0
    for seq in ops:
        if seq < start:
            continue
        while i < len(ranges) and ranges[i][1] < seq:
            i += 1
        j = i
        covered = False
        while j < len(ranges) and ranges[j][0] <= seq:
            if ranges[j][1] >= seq:
                covered = True
                break
            j += 1
        if not covered:
            return seq
    return None


def entry_hash_at(session: Session, seq: int) -> str | None:
    return session.scalar(select(AuditEntry.entry_hash).where(AuditEntry.seq == seq))


def entry_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0
