"""The high-water mark: a signed note of how far a store has come, kept outside it.

Shortly after every signed transaction (coalesced: :mod:`civreg.services.mark_writer`;
at once when the store closes) the program writes, in the user's data folder
(``<data>/anchors/<store id>.json``; ``CIVREG_DATA_DIR`` moves the folder), a small file
signed with the office key::

    {"format": "civreg-anchor", "version": 1, "store_id": "…", "office_id": "BF-11-01",
     "key_id": "…", "written_at": "2026-12-01T10:00:00",
     "audit": {"seq": 812, "head": "<sha256>"},
     "numbers": {"01/N/2026": 38, "01/D/2026": 4},   # next number of each register
     "keyfile_generation": 9, "disabled_slots": ["<slot id>", …],
     "signature": "<base64 Ed25519>"}

The same mark travels in every exported batch and every receipt. At every open the store is
compared with it: an audit log shorter than the mark or different at the mark's entry, a
register whose next number is lower, a key file generation lower, or an account the mark
knows as disabled opening again — the store was put back from an older copy (or rewritten).
The program then refuses to allocate numbers until an administrator acknowledges
(:data:`civreg.security.audit.BLOCKED_WHEN_BEHIND`).

No personal data: counters, hashes and slot ids (HMACs of user names).
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from platformdirs import user_data_dir
from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.i18n import register, t
from civreg.models.acts import Register
from civreg.models.base import utcnow
from civreg.security import audit
from civreg.security.atomic import atomic_write_bytes
from civreg.security.filelock import exclusive_lock

FORMAT = "civreg-anchor"
VERSION = 1
DOMAIN = b"civreg-anchor:v1:"

register(
    {
        "anchor.audit_behind": {
            "fr": "journal d'audit plus court que la dernière marque connue ({now} entrées "
            "contre {mark})",
            "en": "audit log shorter than the last known mark ({now} entries against {mark})",
        },
        "anchor.audit_diverged": {
            "fr": "l'entrée n° {seq} du journal d'audit diffère de la dernière marque connue",
            "en": "audit entry #{seq} differs from the last known mark",
        },
        "anchor.numbers_behind": {
            "fr": "le registre {register} reprendrait au n° {now} alors que le n° {mark} a "
            "déjà été atteint",
            "en": "register {register} would restart at #{now} although #{mark} was reached",
        },
        "anchor.keys_behind": {
            "fr": "fichier de clés plus ancien que la dernière marque (génération {now} contre "
            "{mark})",
            "en": "key file older than the last mark (generation {now} against {mark})",
        },
        "anchor.disabled_back": {
            "fr": "un compte désactivé peut de nouveau ouvrir le registre",
            "en": "a disabled account can open the store again",
        },
        "anchor.bad_signature": {
            "fr": "la marque conservée hors du registre n'est pas signée par ce bureau",
            "en": "the mark kept outside the store is not signed by this office",
        },
        "anchor.unreadable": {
            "fr": "la marque conservée hors du registre est illisible",
            "en": "the mark kept outside the store is unreadable",
        },
    }
)


def data_dir() -> Path:
    return Path(os.environ.get("CIVREG_DATA_DIR") or user_data_dir("civreg"))


def anchor_path(store_id: str) -> Path:
    return data_dir() / "anchors" / f"{store_id}.json"


def _canonical(doc: Mapping[str, Any]) -> bytes:
    # "source" is a local note of where a mark was read from, never signed.
    body = {k: v for k, v in doc.items() if k not in ("signature", "source")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def register_key(centre: str, kind: str, year: int) -> str:
    return f"{centre}/{kind}/{year}"


def state(
    s: Session,
    *,
    store_id: str,
    office_id: str,
    keyfile_generation: int,
    disabled_slots: list[str],
    audit_head: tuple[int, str] | None = None,
) -> dict[str, Any]:
    """How far the store has come, unsigned (``audit_head``: as the caller just read it)."""
    seq, head = audit_head if audit_head is not None else audit.head(s)
    numbers = {
        register_key(r.centre, str(r.kind), r.year): int(r.next_number)
        for r in s.scalars(select(Register))
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "store_id": store_id,
        "office_id": office_id,
        "audit": {"seq": seq, "head": head},
        "numbers": numbers,
        "keyfile_generation": keyfile_generation,
        "disabled_slots": sorted(disabled_slots),
    }


def batch_anchor(s: Session) -> dict[str, Any]:
    """The mark a batch carries in its signed header (the batch's signature vouches for it):
    the audit head and the next number of every register, at export."""
    seq, head = audit.head(s)
    return {
        "audit_seq": seq,
        "audit_head": head,
        "numbers": {
            register_key(r.centre, str(r.kind), r.year): int(r.next_number)
            for r in s.scalars(select(Register))
        },
    }


def from_batch(office_id: str, mark: Mapping[str, Any]) -> dict[str, Any]:
    """A batch's (or a receipt's) mark in the shape :func:`compare` reads; it holds no key-file
    generation nor disabled accounts (the batch's signature stands for the mark's)."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "office_id": office_id,
        "audit": {"seq": int(mark["audit_seq"]), "head": str(mark["audit_head"])},
        "numbers": dict(mark["numbers"]),
        "keyfile_generation": 0,
        "disabled_slots": [],
    }


def sign(doc: dict[str, Any], key: Ed25519PrivateKey, key_id: str) -> dict[str, Any]:
    out = dict(doc, key_id=key_id, written_at=utcnow().isoformat(timespec="seconds"))
    out.pop("signature", None)
    out["signature"] = base64.b64encode(key.sign(DOMAIN + _canonical(out))).decode("ascii")
    return out


def verify_signature(doc: Mapping[str, Any], public_keys: Mapping[str, Ed25519PublicKey]) -> bool:
    key = public_keys.get(str(doc.get("key_id")))
    if key is None:
        return False
    try:
        key.verify(base64.b64decode(str(doc["signature"]), validate=True), DOMAIN + _canonical(doc))
    except (InvalidSignature, KeyError, ValueError):
        return False
    return True


def well_formed(doc: Any) -> bool:
    try:
        return (
            isinstance(doc, dict)
            and doc.get("format") == FORMAT
            and doc.get("version") == VERSION
            and isinstance(doc["audit"]["seq"], int)
            and isinstance(doc["audit"]["head"], str)
            and isinstance(doc["numbers"], dict)
            and all(isinstance(v, int) for v in doc["numbers"].values())
            and isinstance(doc["keyfile_generation"], int)
            and isinstance(doc["disabled_slots"], list)
        )
    except (KeyError, TypeError):
        return False


# Marks this process has still to write (civreg.services.mark_writer: written behind the
# transactions, coalesced), by store id: reading the mark first writes them, so that nothing
# in this process ever reads a mark older than what it committed.
_pending: dict[str, list[Callable[[], object]]] = {}
_pending_lock = threading.Lock()


def defer(store_id: str, flush: Callable[[], object]) -> None:
    """Register ``flush``: it writes this process's pending mark of ``store_id``."""
    with _pending_lock:
        _pending.setdefault(store_id, []).append(flush)


def undefer(store_id: str, flush: Callable[[], object]) -> None:
    with _pending_lock:
        flushes = _pending.get(store_id, [])
        if flush in flushes:
            flushes.remove(flush)
        if not flushes:
            _pending.pop(store_id, None)


def settle(store_id: str) -> None:
    """Write the marks of ``store_id`` this process has still pending."""
    with _pending_lock:
        flushes = list(_pending.get(store_id, ()))
    for flush in flushes:
        flush()


def load(store_id: str) -> dict[str, Any] | None:
    """The mark kept for this store (after writing this process's pending one), None when
    there is none; ``{"unreadable": True}`` when the file cannot be read as a mark."""
    settle(store_id)
    return _load_file(store_id)


def _load_file(store_id: str) -> dict[str, Any] | None:
    path = anchor_path(store_id)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return {"unreadable": True}
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {"unreadable": True}
    return doc if well_formed(doc) else {"unreadable": True}


def save(doc: dict[str, Any], *, allow_lower: bool = False) -> bool:
    """Write the mark unless the one on disk is further (two processes finishing in the other
    order); ``allow_lower`` after an administrator's acknowledgement. True when written."""
    path = anchor_path(doc["store_id"])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(path.with_name(path.name + ".lock")):
            old = _load_file(doc["store_id"])
            if (
                not allow_lower
                and old is not None
                and not old.get("unreadable")
                and int(old["audit"]["seq"]) > int(doc["audit"]["seq"])
            ):
                return False
            atomic_write_bytes(path, json.dumps(doc, sort_keys=True, indent=1).encode())
            return True
    except OSError:
        return False  # a read-only data folder must not stop the office; noted at next open


@dataclass(frozen=True)
class Behind:
    """Why the store is older than the mark (each reason a message key and its values)."""

    reasons: tuple[tuple[str, dict[str, Any]], ...]
    mark: dict[str, Any] = field(default_factory=dict, repr=False)
    source: str = "local"  # local | batch | receipt

    def messages(self, lang: str | None = None) -> list[str]:
        return [t(k, lang, **v) for k, v in self.reasons]


def compare(
    s: Session,
    mark: Mapping[str, Any],
    now: Mapping[str, Any],
    *,
    slot_kinds: Mapping[str, str] | None = None,
) -> list[tuple[str, dict[str, Any]]]:
    """Reasons the store (``now``, from :func:`state`) is behind ``mark``; empty when not."""
    reasons: list[tuple[str, dict[str, Any]]] = []
    mseq, mhead = int(mark["audit"]["seq"]), str(mark["audit"]["head"])
    nseq = int(now["audit"]["seq"])
    if nseq < mseq:
        reasons.append(("anchor.audit_behind", {"now": nseq, "mark": mseq}))
    elif mseq > 0 and audit.entry_hash_at(s, mseq) != mhead:
        reasons.append(("anchor.audit_diverged", {"seq": mseq}))
    for reg, number in sorted(mark["numbers"].items()):
        have = int(now["numbers"].get(reg, 0))
        if have < int(number):
            reasons.append(
                ("anchor.numbers_behind", {"register": reg, "now": have, "mark": number})
            )
    if int(now["keyfile_generation"]) < int(mark["keyfile_generation"]):
        reasons.append(
            (
                "anchor.keys_behind",
                {"now": now["keyfile_generation"], "mark": mark["keyfile_generation"]},
            )
        )
    if slot_kinds is not None and any(
        slot_kinds.get(sid) == "password" for sid in mark.get("disabled_slots", [])
    ):
        reasons.append(("anchor.disabled_back", {}))
    return reasons
