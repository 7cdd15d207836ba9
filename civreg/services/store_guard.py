"""What every open store does around its write transactions, and what every open checks.

Around each write transaction (installed by :func:`install`):

* before the commit, the audit entries the transaction wrote are sealed with the office key
  when the session holds it; a sealed operation (registration, mention, copy, user
  management…) in a session without it fails (``SigningUnavailable``);
* after the commit, the key slots the transaction changed are merged into the key file, and
  the signed high-water mark in the user's data folder is made due, with the key the seal
  used: :mod:`civreg.services.mark_writer` writes it behind the transactions, once for the
  commits of a short window (issue 17: a registration spent a third of its time on it).

At every open (:func:`on_open`): the key file is brought up to the database (what a crash
between the two writes left), then the store is compared with its high-water mark; a store
found behind refuses to allocate numbers until an administrator acknowledges
(:func:`acknowledge_rollback`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.errors import CivregError
from civreg.models.key_slots import KeySlot
from civreg.models.office import Office
from civreg.models.store import SESSION_STORE, Store
from civreg.models.sync import OwnKey
from civreg.security import anchor, audit, keyslots
from civreg.security.signing import load_public
from civreg.security.signing_power import try_office_signing_key
from civreg.services.mark_writer import MarkWriter

ANCHOR_RESET = "civreg.anchor_reset"
_KEY = "civreg.office_key"  # the office key as this transaction opened it (or None)
_MARK = "civreg.anchor_state"  # the state and key the mark is signed with after the commit


def install(store: Store) -> None:
    store.before_commit = [_seal, _prepare_anchor]
    store.after_commit = [_publish_slots, _move_anchor]


def _signer(s: Session) -> tuple[Any, str] | None:
    if _KEY not in s.info:
        s.info[_KEY] = try_office_signing_key(s)
    return s.info[_KEY]


def _seal(s: Session) -> None:
    audit.seal_transaction(s, lambda: _signer(s))


def store_id(store: Store) -> str:
    return str(store.keyfile.store_id)


def _publish_slots(s: Session) -> None:
    slots = keyslots.staged(s)
    if not slots:
        return
    store: Store = s.info[SESSION_STORE]
    try:
        keyslots.publish(store.keyfile_path, store_id(store), slots)
    except OSError as exc:
        raise CivregError(
            "keyslots.not_written", detail=exc.strerror or type(exc).__name__
        ) from None


def _prepare_anchor(s: Session) -> None:
    """Before the commit, after the seal: whether the mark moves once committed, and with
    which key (the one the seal used). After an administrator's acknowledgement the state is
    read here, in the transaction, and the mark written at once (it may go lower)."""
    if not s.info.get("civreg.sealed"):
        return
    store: Store = s.info[SESSION_STORE]
    reset = bool(s.info.get(ANCHOR_RESET))
    if store.behind is not None and not reset:
        return
    key = _signer(s)
    if key is None:
        return
    if reset:
        top = s.info.get(audit.HEAD_AT_COMMIT)  # the seal, the hook before, read it
        s.info[_MARK] = (current_state(store, s, top), key)
    else:
        s.info[_MARK] = (None, key)


def _move_anchor(s: Session) -> None:
    prepared = s.info.pop(_MARK, None)
    if prepared is None:
        return
    state, (key, key_id) = prepared
    store: Store = s.info[SESSION_STORE]
    if state is not None:  # acknowledged: written now, lower than the old mark
        anchor.save(anchor.sign(state, key, key_id), allow_lower=True)
        return
    if store.mark_writer is None:  # the store's first signed commit
        store.mark_writer = MarkWriter(store, store_id(store), lambda r: current_state(store, r))
        store.on_close.append(store.mark_writer.close)
    store.mark_writer.due((key, key_id))


def current_state(
    store: Store, s: Session, audit_head: tuple[int, str] | None = None
) -> dict[str, Any]:
    office = s.scalar(select(Office))
    assert office is not None
    gen = int(s.scalar(select(func.max(KeySlot.gen))) or 0)
    disabled = list(s.scalars(select(KeySlot.slot_id).where(KeySlot.kind == "disabled")))
    return anchor.state(
        s,
        store_id=store_id(store),
        office_id=office.office_id,
        keyfile_generation=gen,
        disabled_slots=disabled,
        audit_head=audit_head,
    )


def write_anchor(store: Store, *, allow_lower: bool = False) -> bool:
    """Sign and keep the store's current state as its high-water mark (signers only)."""
    with store.read() as s:
        key = try_office_signing_key(s)
        if key is None:
            return False
        doc = anchor.sign(current_state(store, s), key[0], key[1])
    return anchor.save(doc, allow_lower=allow_lower)


def office_public_keys(s: Session) -> dict[str, Any]:
    office = s.scalar(select(Office))
    assert office is not None
    keys = {k.key_id: load_public(k.public_key) for k in s.scalars(select(OwnKey))}
    keys[office.key_id] = load_public(office.public_key)
    return keys


def check_anchor(
    store: Store, s: Session, mark: dict[str, Any] | None, *, vouched: bool = False
) -> anchor.Behind | None:
    """Compare the store with a mark (the local one when ``mark`` is None). ``vouched``: the
    mark came inside something whose signature was already checked (a receipt, a batch) and
    carries no signature of its own."""
    source = "local" if mark is None else str(mark.get("source", "outside"))
    if mark is None:
        mark = anchor.load(store_id(store))
    if mark is None:
        return None
    if mark.get("unreadable"):
        return anchor.Behind((("anchor.unreadable", {}),), {}, source)
    if vouched:
        office = s.scalar(select(Office))
        if office is None or mark.get("office_id") != office.office_id:
            return None
    elif mark.get("store_id") != store_id(store):
        return None
    elif not anchor.verify_signature(mark, office_public_keys(s)):
        return anchor.Behind((("anchor.bad_signature", {}),), mark, source)
    kinds = {r.slot_id: r.kind for r in s.scalars(select(KeySlot))}
    reasons = anchor.compare(s, mark, current_state(store, s), slot_kinds=kinds)
    return anchor.Behind(tuple(reasons), mark, source) if reasons else None


@dataclass(frozen=True)
class OpenReport:
    keyslot_findings: tuple[keyslots.Finding, ...]
    behind: anchor.Behind | None


def on_open(store: Store) -> OpenReport:
    """Reconcile the key file with the database, then compare the store with its mark."""
    findings: list[keyslots.Finding] = []
    kf = store.keyfile
    with store.read() as s:
        populated = keyslots.has_mirror(s)
        missing, problems = keyslots.compare(s, kf) if populated else ([], [])
    if not populated or missing:
        with store.write() as s:
            findings = keyslots.reconcile(s, kf, store.keyfile_path)
    else:
        findings = problems
    with store.read() as s:
        behind = check_anchor(store, s, None)
        ahead = behind is None and _ahead_of_mark(store, s)
    store.behind = behind
    if ahead:
        write_anchor(store)
    return OpenReport(tuple(findings), behind)


def _ahead_of_mark(store: Store, s: Session) -> bool:
    mark = anchor.load(store_id(store))
    if mark is None:
        return True
    return int(mark["audit"]["seq"]) < audit.head(s)[0]


def acknowledge_rollback(store: Store, s: Session, *, user_id: int, username: str) -> str:
    """An administrator has looked at a store found behind its mark: record it, move every
    register past the numbers the mark says were already given (a number is never given
    twice), and make the current state the new mark. Returns the audit detail."""
    from civreg.models.acts import Register

    behind = store.behind
    mark = behind.mark if behind is not None else {}
    bumped = []
    seen_numbers = dict(mark.get("numbers", {}))
    for reg in s.scalars(select(Register)):
        key = anchor.register_key(reg.centre, str(reg.kind), reg.year)
        seen = int(seen_numbers.pop(key, 0))
        if seen > reg.next_number:
            bumped.append(f"{key} {reg.next_number}->{seen}")
            reg.next_number = seen
    for key, seen in sorted(seen_numbers.items()):  # registers the old copy never opened
        centre, kind, year = key.rsplit("/", 2)
        if int(seen) > 1:
            s.add(
                Register(centre=centre, kind=kind, year=int(year), first_number=1, next_number=seen)
            )
            bumped.append(f"{key} 1->{seen}")
    reasons = ", ".join(k.split(".")[-1] for k, _ in (behind.reasons if behind else ()))
    detail = f"mark seq {mark.get('audit', {}).get('seq', '?')}; {reasons}"
    if bumped:
        detail += "; numbers skipped: " + "; ".join(bumped)
    audit.append(
        s, user_id=user_id, username=username, operation="store.rollback_ack", detail=detail
    )
    s.info[ANCHOR_RESET] = True
    return detail


def keyfile_consistency(store: Store) -> list[keyslots.Finding]:
    """The key file against the database, read-only (``civreg check``): one Finding per
    problem, empty when they agree. See :func:`civreg.security.keyslots.check_consistency`
    for the codes. A PostgreSQL store has no key file: its slots are checked against its
    accounts only."""
    with store.read() as s:
        return keyslots.check_consistency(s, store.keyfile_path)


def behind_mark(store: Store, mark: dict[str, Any] | None = None) -> anchor.Behind | None:
    """Whether the store is older than ``mark`` (default: the one in the user's data folder)
    — what a restore of an older backup should report. None when it is not behind."""
    with store.read() as s:
        return check_anchor(store, s, mark)
