"""Keys and trust: this office's public key file, the trust store of other offices' keys,
revocation, the national authority's X25519 key pair, and rotation of the office key.

Rotation: ``rotate_office_key`` creates the new key as *pending*; the next export announces
it inside a batch signed by the old key, then ``activate_announced_key`` (called by the export
use case, in its transaction) makes the new key sign. Importers trust the new key
because the announcement arrived under a key they already trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from civreg.errors import CivregError, TransmissionError
from civreg.i18n import register
from civreg.models.acts import ChangeLog
from civreg.models.base import utcnow
from civreg.models.office import Office
from civreg.models.sync import AuthorityKey, OwnKey, TrustedKey
from civreg.oplog import logged
from civreg.security.office_keys import (
    TrustList,
    read_public_key_file,
    write_public_key_file,
)
from civreg.security.signing import (
    generate_signing_key,
    key_id_of,
    load_public,
    raw_private,
    raw_public,
)
from civreg.security.signing_power import authority_purpose, seal_private, signing_purpose
from civreg.services.context import Ctx
from civreg.sync.authority_keys import (
    authority_key_id,
    generate_authority_key,
    write_authority_public_key,
)
from civreg.sync.crypto import raw_public as raw_x25519_public

register(
    {
        "keys.already_trusted": {
            "fr": "La clé {key_id} du bureau {office_id} est déjà enregistrée ({status}).",
            "en": "Key {key_id} of office {office_id} is already registered ({status}).",
        },
        "keys.unknown_office": {
            "fr": "Aucune clé enregistrée pour le bureau {office_id}.",
            "en": "No key registered for office {office_id}.",
        },
        "keys.own_key": {
            "fr": "C'est la clé de ce bureau même : inutile de lui faire confiance.",
            "en": "This is this office's own key: no need to trust it.",
        },
        "keys.no_authority_key": {
            "fr": "Aucune clé d'autorité dans ce registre : lancez « civreg keys authority-init ».",
            "en": "No authority key in this store: run 'civreg keys authority-init'.",
        },
        "keys.rotation_pending": {
            "fr": "Une nouvelle clé ({key_id}) attend déjà d'être annoncée au prochain export.",
            "en": "A new key ({key_id}) is already waiting to be announced at the next export.",
        },
    }
)

register(
    {
        "keys.already_protected": {
            "fr": "La clé de signature de ce bureau est déjà protégée.",
            "en": "This office's signing key is already protected.",
        },
        "keys.protect_server": {
            "fr": "Un registre sur serveur se protège à sa création (civreg init).",
            "en": "A server store is protected when it is created (civreg init).",
        },
    }
)


@dataclass(frozen=True)
class KeyView:
    office_id: str
    key_id: str
    status: str  # trusted | revoked
    source: str  # file | announcement
    office_name: str
    added_at: str
    revoked_at: str | None


def _office(s) -> Office:
    office = s.scalar(select(Office))
    assert office is not None
    return office


def export_public_key(ctx: Ctx, out_path: Path) -> Path:
    """Write this office's public key file (for the district's trust store)."""
    ctx.require("keys.manage")
    with ctx.store.read() as s:
        office = _office(s)
        return write_public_key_file(
            Path(out_path),
            office.office_id,
            office.country,
            load_public(office.public_key),
            office.created_at.date(),
            office.name,
        )


@logged("keys.trust")
def trust_key(ctx: Ctx, key_file: Path) -> KeyView:
    """Add an office public key file to the trust store (a revoked key stays revoked)."""
    ctx.require("keys.manage")
    key = read_public_key_file(Path(key_file))
    with ctx.store.write() as s:
        if key.office_id == ctx.office.office_id:
            raise TransmissionError("keys.own_key")
        row = s.scalar(
            select(TrustedKey).where(
                TrustedKey.office_id == key.office_id, TrustedKey.key_id == key.key_id
            )
        )
        if row is not None:
            raise TransmissionError(
                "keys.already_trusted",
                office_id=key.office_id,
                key_id=key.key_id,
                status=row.status,
            )
        row = TrustedKey(
            office_id=key.office_id,
            key_id=key.key_id,
            public_key=key.raw(),
            country=key.country,
            office_name=key.office_name or "",
            status="revoked" if key.revoked else "trusted",
            source="file",
            revoked_at=utcnow() if key.revoked else None,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            "keys.trust",
            detail=f"{key.office_id} {key.key_id}",
        )
        return _view(row)


def _view(k: TrustedKey) -> KeyView:
    return KeyView(
        k.office_id,
        k.key_id,
        k.status,
        k.source,
        k.office_name,
        k.added_at.isoformat(timespec="seconds"),
        k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else None,
    )


def list_keys(ctx: Ctx) -> list[KeyView]:
    ctx.require("keys.manage")
    with ctx.store.read() as s:
        return [
            _view(k)
            for k in s.scalars(select(TrustedKey).order_by(TrustedKey.office_id, TrustedKey.id))
        ]


@logged("keys.revoke")
def revoke_key(ctx: Ctx, office_id: str, key_id: str | None = None) -> list[KeyView]:
    """Revoke every key of ``office_id`` (or just ``key_id``): its batches are refused."""
    ctx.require("keys.manage")
    with ctx.store.write() as s:
        q = select(TrustedKey).where(TrustedKey.office_id == office_id)
        if key_id:
            q = q.where(TrustedKey.key_id == key_id)
        rows = list(s.scalars(q))
        if not rows:
            raise TransmissionError("keys.unknown_office", office_id=office_id)
        for k in rows:
            if k.status != "revoked":
                k.status, k.revoked_at = "revoked", utcnow()
        s.flush()
        ctx.audit(
            s,
            "keys.revoke",
            detail=f"{office_id} {key_id or 'all'}",
        )
        return [_view(k) for k in rows]


@dataclass(frozen=True)
class AuthorityKeyInfo:
    authority_id: str
    key_id: str
    public_file: str


@logged("keys.authority_init")
def authority_init(
    ctx: Ctx, out_public_file: Path, *, authority_id: str | None = None
) -> AuthorityKeyInfo:
    """Create the authority's X25519 key pair: the private half stays in this (encrypted)
    store, the public half goes to a file the communes export to. Calling it again renews the
    key; older private keys are kept to open batches encrypted before."""
    ctx.require("keys.manage")
    private = generate_authority_key()
    public = private.public_key()
    kid = authority_key_id(public)
    name = authority_id or ctx.office.office_id
    raw = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    with ctx.store.write() as s:
        s.add(
            AuthorityKey(
                authority_id=name,
                key_id=kid,
                private_key=seal_private(s, authority_purpose(kid), raw),
                public_key=raw_x25519_public(public),
            )
        )
        ctx.audit(
            s,
            "keys.authority_init",
            detail=kid,
        )
        write_authority_public_key(Path(out_public_file), name, public)
    return AuthorityKeyInfo(name, kid, str(out_public_file))


def export_authority_public_key(ctx: Ctx, out_path: Path) -> AuthorityKeyInfo:
    """Write the newest authority public key again (e.g. for another commune)."""
    ctx.require("keys.manage")
    with ctx.store.read() as s:
        k = s.scalar(select(AuthorityKey).order_by(AuthorityKey.id.desc()).limit(1))
        if k is None:
            raise TransmissionError("keys.no_authority_key")
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        write_authority_public_key(
            Path(out_path), k.authority_id, X25519PublicKey.from_public_bytes(k.public_key)
        )
        return AuthorityKeyInfo(k.authority_id, k.key_id, str(out_path))


@logged("keys.rotate")
def rotate_office_key(ctx: Ctx) -> str:
    """Create this office's next signing key; the next export announces it. Returns its id."""
    ctx.require("keys.manage")
    with ctx.store.write() as s:
        pending = s.scalar(select(OwnKey).where(OwnKey.status == "pending"))
        if pending is not None:
            raise TransmissionError("keys.rotation_pending", key_id=pending.key_id)
        office = _office(s)
        if s.scalar(select(OwnKey).where(OwnKey.key_id == office.key_id)) is None:
            s.add(
                OwnKey(
                    key_id=office.key_id,
                    public_key=office.public_key,
                    status="active",
                    created_at=office.created_at,
                    activated_at=office.created_at,
                )
            )
        new = generate_signing_key()
        kid = key_id_of(new.public_key())
        s.add(
            OwnKey(
                key_id=kid,
                public_key=raw_public(new),
                private_key=seal_private(s, signing_purpose(kid), raw_private(new)),
                status="pending",
                created_at=utcnow(),
            )
        )
        s.add(ChangeLog(entity="key", entity_uuid=kid))
        ctx.audit(
            s,
            "keys.rotate",
            detail=f"{office.key_id} -> {kid}",
        )
        return kid


def activate_announced_key(s: Session, new_key_id: str) -> None:
    """The new key was announced in a batch signed by the old one: from now on it signs.
    Runs in the export's write transaction (its caller checked the role)."""
    office = _office(s)
    now = utcnow()
    s.execute(update(OwnKey).where(OwnKey.key_id == office.key_id).values(status="retired"))
    if s.scalar(select(OwnKey).where(OwnKey.key_id == office.key_id)) is None:
        s.add(
            OwnKey(
                key_id=office.key_id,
                public_key=office.public_key,
                status="retired",
                created_at=office.created_at,
                activated_at=office.created_at,
            )
        )
    new = s.scalar(select(OwnKey).where(OwnKey.key_id == new_key_id))
    assert new is not None and new.private_key is not None
    office.signing_key = new.private_key
    office.public_key = new.public_key
    office.key_id = new.key_id
    new.private_key = None  # the office row holds it now
    new.status = "active"
    new.activated_at = now


def office_public_keys(ctx: Ctx) -> dict[str, bytes]:
    """Every public key this office has signed with (current and retired), by key id: what
    verifying older audit seals or batches needs after a rotation."""
    ctx.require("audit.verify")
    with ctx.store.read() as s:
        office = _office(s)
        keys = {k.key_id: k.public_key for k in s.scalars(select(OwnKey)) if k.status != "pending"}
        keys[office.key_id] = office.public_key
        return keys


def verification_trust(ctx: Ctx) -> TrustList:
    """What a certificate verifier at this office trusts: the offices' keys this store trusts
    (revoked ones answer REVOKED_KEY) plus this office's own current and retired keys.
    Public keys are not secret, so every role that can view acts may verify copies."""
    ctx.require("act.view")
    with ctx.store.read() as s:
        rows = [
            (k.office_id, k.key_id, bytes(k.public_key), k.status == "revoked")
            for k in s.scalars(select(TrustedKey))
        ]
        office = _office(s)
        own = {
            k.key_id: bytes(k.public_key)
            for k in s.scalars(select(OwnKey))
            if k.status != "pending"
        }
        own[office.key_id] = bytes(office.public_key)
        rows += [(office.office_id, kid, raw, False) for kid, raw in own.items()]
    return TrustList.from_rows(rows)


@dataclass(frozen=True)
class Protected:
    recovery_key: str
    granted: tuple[str, ...]  # accounts that received the signing key now
    pending: tuple[str, ...]  # signing accounts that must log in once, then get a grant


def protect_store(ctx: Ctx) -> Protected:
    """Put the office's private keys of a store made before signing power followed the role
    under a vault key, granted only to the accounts whose role may sign; a new recovery key
    (also able to sign) replaces the old one. Administrator. Accounts still on a version 1
    key slot get their grant with ``civreg users roles`` after their next login."""
    import secrets

    from civreg.models.users import User
    from civreg.security import grants, keyslots
    from civreg.security.keyfile import GRANT_SIGNING, format_recovery_key
    from civreg.security.signing_power import is_protected
    from civreg.services.store_access import may_sign

    ctx.require("keys.manage")
    store = ctx.store
    if store.data_key is None:
        raise CivregError("keys.protect_server")
    with store.read() as s:
        if is_protected(s):
            raise CivregError("keys.already_protected")
    vault = grants.new_vault_key()
    recovery = secrets.token_bytes(32)
    granted, pending = [], []
    with store.write() as s:
        office = _office(s)
        office.signing_key = grants.seal_secret(
            vault, signing_purpose(office.key_id), bytes(office.signing_key)
        )
        for k in s.scalars(select(OwnKey).where(OwnKey.private_key.is_not(None))):
            assert k.private_key is not None
            k.private_key = grants.seal_secret(vault, signing_purpose(k.key_id), k.private_key)
        for a in s.scalars(select(AuthorityKey)):
            a.private_key = grants.seal_secret(vault, authority_purpose(a.key_id), a.private_key)
        view = keyslots.current(s, store.keyfile_path)
        for user in s.scalars(select(User).where(User.disabled.is_(False))):
            if not may_sign(user.role_names):
                continue
            slot = view.find(view.slot_id(user.username))
            if slot is None or slot["kind"] != "password" or "public" not in slot:
                pending.append(user.username)
                continue
            keyslots.stage(s, view.with_grant(slot, GRANT_SIGNING, vault, keyslots.next_gen(s)))
            granted.append(user.username)
        keyslots.stage(
            s,
            view.recovery_slot(
                recovery, data_key=store.data_key, vault_key=vault, gen=keyslots.next_gen(s)
            ),
        )
        unlocked = store.unlocked
        if unlocked is not None and ctx.user.username in granted:
            unlocked.vault_key = vault  # this session seals the change with the new vault
        ctx.audit(
            s,
            "store.protect",
            detail=f"granted {len(granted)}, pending {len(pending)}",
        )
    return Protected(format_recovery_key(recovery), tuple(granted), tuple(pending))


AUTHORITY_SETTING = "transmission.authority_public_key"


def trust_authority_key(ctx: Ctx, key_file: Path) -> AuthorityKeyInfo:
    """Record the national authority's public key (the file its ``keys authority-init``
    wrote): from now on every export is encrypted to it unless ``--plain`` is asked.
    Administrator; sealed in the audit log. A later file replaces it (key renewal)."""
    from civreg.models.office import Setting
    from civreg.sync.authority_keys import dump_authority_public_key, read_authority_public_key

    ctx.require("keys.manage")
    key = read_authority_public_key(Path(key_file))
    text = dump_authority_public_key(key.authority_id, key.public_key).decode("ascii")
    with ctx.store.write() as s:
        row = s.get(Setting, AUTHORITY_SETTING)
        if row is None:
            s.add(Setting(key=AUTHORITY_SETTING, value=text))
        else:
            row.value = text
        ctx.audit(s, "keys.trust_authority", detail=f"{key.authority_id} {key.key_id}")
    return AuthorityKeyInfo(key.authority_id, key.key_id, str(key_file))


def trusted_authority_key(s: Session):  # -> AuthorityPublicKey | None
    """The authority public key this office encrypts its batches to, if one is trusted."""
    from civreg.models.office import Setting
    from civreg.sync.authority_keys import load_authority_public_key

    row = s.get(Setting, AUTHORITY_SETTING)
    if row is None:
        return None
    return load_authority_public_key(row.value.encode("ascii"))
