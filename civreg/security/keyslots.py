"""Keeping the key file and the database in step.

Every change of a slot (new account, password, disabled account, granted or withdrawn
signing power, recovery key) is made like this:

1. inside the service's write transaction, the new slot is written to the ``key_slots`` table
   with the next generation number (:func:`stage`), next to the audit entry and the users
   row it belongs to;
2. after the commit, the slot is merged into the key file under an exclusive lock, slot by
   slot, each only if newer than the file's copy (:func:`publish`);
3. at every open, :func:`reconcile` finishes what a crash between 1 and 2 left undone, and
   reports what cannot be explained by such a crash (a key file newer than the database: the
   database was put back from an older copy; slots that differ: the file was altered).

Nothing is ever written to the key file before the database has committed, so a new password
never works without its audit entry, and two processes changing two accounts at once never
lose one of the changes (the lost-update of a whole-file rewrite).

:func:`check_consistency` is the read-only check (``civreg check`` calls it).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.i18n import register, t
from civreg.models.key_slots import META_ID, KeySlot
from civreg.models.users import User
from civreg.security.keyfile import KeyFile

register(
    {
        "keyslots.keyfile_behind": {
            "fr": "Le fichier de clés est en retard sur le registre ({count} changement(s) "
            "d'accès non reportés) : complété.",
            "en": "The key file was behind the store ({count} access change(s) not written): "
            "completed.",
        },
        "keyslots.keyfile_ahead": {
            "fr": "Le fichier de clés contient des changements d'accès que le registre ne "
            "connaît pas (génération {file} > {db}) : le registre a peut-être été remplacé "
            "par une copie plus ancienne.",
            "en": "The key file holds access changes the store does not know (generation "
            "{file} > {db}): the store may have been replaced by an older copy.",
        },
        "keyslots.slot_differs": {
            "fr": "Une entrée du fichier de clés diffère de celle du registre à la même "
            "génération (fichier de clés modifié hors de civreg).",
            "en": "A key file entry differs from the store's at the same generation (key file "
            "altered outside civreg).",
        },
        "keyslots.other_store": {
            "fr": "Le fichier de clés n'appartient pas à ce registre.",
            "en": "The key file does not belong to this store.",
        },
        "keyslots.not_written": {
            "fr": "Le fichier de clés n'a pas pu être complété ({detail}) : il le sera à la "
            "prochaine ouverture.",
            "en": "The key file could not be completed ({detail}): it will be at the next open.",
        },
        "keyslots.user_without_slot": {
            "fr": "Le compte n° {user} n'a pas d'entrée dans le fichier de clés.",
            "en": "Account #{user} has no entry in the key file.",
        },
        "keyslots.disabled_user_can_open": {
            "fr": "Le compte désactivé n° {user} peut encore ouvrir le registre.",
            "en": "Disabled account #{user} can still open the store.",
        },
        "keyslots.unknown_slot": {
            "fr": "Le fichier de clés contient un accès qui ne correspond à aucun compte.",
            "en": "The key file holds an access that matches no account.",
        },
    }
)

_STAGED = "civreg.keyslots_staged"


@dataclass(frozen=True)
class Finding:
    """One problem between the key file and the database. ``severity``: ``fixed`` (a crash
    left it, completed now), ``error`` (needs an administrator)."""

    code: str
    severity: str
    params: dict[str, Any]

    def message(self, lang: str | None = None) -> str:
        return t(f"keyslots.{self.code}", lang, **self.params)


def _rows(s: Session) -> dict[str, KeySlot]:
    return {r.slot_id: r for r in s.scalars(select(KeySlot))}


def has_mirror(s: Session) -> bool:
    return s.get(KeySlot, META_ID) is not None


def current(s: Session, path: Path | None = None) -> KeyFile:
    """The authoritative key slots (the database's copy) as a KeyFile, to build changes on."""
    rows = _rows(s)
    meta = rows.pop(META_ID, None)
    if meta is None:
        raise LookupError("no key slots in this store")
    return KeyFile.from_meta(path, meta.body, [copy.deepcopy(r.body) for r in rows.values()])


def next_gen(s: Session) -> int:
    return int(s.scalar(select(func.max(KeySlot.gen))) or 0) + 1


def stage(s: Session, slot: dict[str, Any]) -> dict[str, Any]:
    """Record ``slot`` (its ``gen`` already set from :func:`next_gen`) in the caller's write
    transaction; it reaches the key file after the commit."""
    row = s.get(KeySlot, slot["id"])
    if row is None:
        s.add(KeySlot(slot_id=slot["id"], kind=slot["kind"], gen=slot["gen"], body=slot))
    else:
        row.kind, row.gen, row.body = slot["kind"], slot["gen"], copy.deepcopy(slot)
    s.flush()
    s.info.setdefault(_STAGED, []).append(copy.deepcopy(slot))
    return slot


def write_meta(s: Session, kf: KeyFile) -> None:
    row = s.get(KeySlot, META_ID)
    if row is None:
        s.add(KeySlot(slot_id=META_ID, kind="meta", gen=0, body=kf.meta()))
    else:
        row.body = kf.meta()


def populate(s: Session, kf: KeyFile) -> None:
    """First open after the upgrade that added ``key_slots``: copy the key file in."""
    write_meta(s, kf)
    for slot in kf.slots:
        body = copy.deepcopy(slot)
        body.setdefault("gen", 0)
        s.add(KeySlot(slot_id=body["id"], kind=body["kind"], gen=body["gen"], body=body))
    s.flush()


def staged(s: Session) -> list[dict[str, Any]]:
    return list(s.info.get(_STAGED, []))


def publish(keyfile: Path | None, store_id: str, slots: list[dict[str, Any]]) -> None:
    """After the commit: merge the staged slots into the key file (nothing for PostgreSQL)."""
    if keyfile is None or not slots:
        return
    KeyFile.apply(keyfile, slots, store_id)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def compare(s: Session, kf: KeyFile) -> tuple[list[dict[str, Any]], list[Finding]]:
    """(slots the key file is missing, problems the database cannot explain)."""
    rows = _rows(s)
    meta = rows.pop(META_ID, None)
    findings: list[Finding] = []
    if meta is not None and meta.body.get("store_id") != kf.store_id:
        return [], [Finding("other_store", "error", {})]
    missing: list[dict[str, Any]] = []
    db_gen = max((r.gen for r in rows.values()), default=0)
    for sid, row in rows.items():
        mine = kf.find(sid)
        if mine is None or int(mine.get("gen", 0)) < row.gen:
            missing.append(copy.deepcopy(row.body))
        elif int(mine.get("gen", 0)) == row.gen and not _same(mine, row.body):
            findings.append(Finding("slot_differs", "error", {}))
    if kf.generation > db_gen or any(s_["id"] not in rows for s_ in kf.slots):
        findings.append(Finding("keyfile_ahead", "error", {"file": kf.generation, "db": db_gen}))
    return missing, findings


def reconcile(s: Session, kf: KeyFile, keyfile: Path | None) -> list[Finding]:
    """At open (inside a write transaction): fill the table from an older store, then bring
    the key file up to the database. Returns what was fixed and what is wrong."""
    if not has_mirror(s):
        populate(s, kf)
        return []
    missing, findings = compare(s, kf)
    if missing and keyfile is not None:
        try:
            publish(keyfile, kf.store_id, missing)
        except OSError as exc:
            return [
                *findings,
                Finding("not_written", "error", {"detail": exc.strerror or type(exc).__name__}),
            ]
        findings.insert(0, Finding("keyfile_behind", "fixed", {"count": len(missing)}))
    return findings


def check_consistency(s: Session, keyfile: Path | None) -> list[Finding]:
    """Read-only check of the key file against the database, for ``civreg check``.

    Call it inside a read transaction of an open store, with the key file's path (None for a
    PostgreSQL store, whose slots live only in the database). Returns one Finding per problem
    (empty: consistent): the key file behind the database (``keyfile_behind``: a crash
    between commit and key-file write, completed at the next login), ahead of it
    (``keyfile_ahead``: the database was put back from an older copy), a slot altered
    (``slot_differs``), a key file of another store (``other_store``), an active account
    without a slot (``user_without_slot``), a disabled account whose slot still opens the
    store (``disabled_user_can_open``), a slot of no account (``unknown_slot``).
    """
    findings: list[Finding] = []
    meta_row = s.get(KeySlot, META_ID)
    if keyfile is not None:
        kf = KeyFile.load(keyfile)
        if meta_row is not None:
            missing, problems = compare(s, kf)
            if missing:
                findings.append(Finding("keyfile_behind", "error", {"count": len(missing)}))
            findings += problems
    else:
        kf = None
    if meta_row is None:
        return findings
    view = current(s)
    slot_by_id = {x["id"]: x for x in view.slots}
    known = {"recovery"}
    for user in s.scalars(select(User)):
        sid = view.slot_id(user.username)
        known.add(sid)
        slot = slot_by_id.get(sid)
        if user.disabled:
            if slot is not None and slot["kind"] == "password":
                findings.append(Finding("disabled_user_can_open", "error", {"user": user.id}))
        elif (slot is None or slot["kind"] != "password") and not user.password_hash:
            findings.append(Finding("user_without_slot", "error", {"user": user.id}))
    if any(sid not in known for sid in slot_by_id):
        findings.append(Finding("unknown_slot", "error", {}))
    return findings
