"""What opening any store shares, SQLCipher file or PostgreSQL server: the account and code
rules, the first rows of a new store, the schema check (refuse newer, back up and upgrade
older), the password against the account's key slot behind the login-attempt gate, and the
session context. :mod:`civreg.services.store_access` (a commune's file) and
:mod:`civreg.services.store_server` (a district's or the nation's server) build on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from civreg.domain.roles import ADMIN, DISTRICT
from civreg.errors import (
    SQLITE_NOTADB,
    AccountDisabled,
    CivregError,
    NotAStore,
    SchemaTooNew,
    StorageError,
    StoreExists,
    WrongPassword,
    plain_error,
    sqlite_code,
)
from civreg.i18n import register
from civreg.models import migrate
from civreg.models.base import utcnow
from civreg.models.office import Centre, Office
from civreg.models.store import Store
from civreg.models.users import User, UserRole
from civreg.security import audit, grants, keyfile, keyslots, passwords, throttle
from civreg.security.keyfile import KeyFile, Unlocked
from civreg.security.signing import generate_signing_key, key_id_of, raw_private, raw_public
from civreg.security.signing_power import signing_purpose
from civreg.services import store_guard
from civreg.services.context import Ctx, OfficeInfo, UserInfo

register(
    {
        "store.not_a_store": {
            "fr": "Ce fichier n'est pas un registre civreg, ou la clé ne lui correspond pas.",
            "en": "This file is not a civreg store, or the key does not match it.",
        },
        "store.schema_too_new": {
            "fr": "Ce registre a été créé par une version plus récente de civreg "
            "(révision {revision}). Installez la dernière version.",
            "en": "This store was made by a newer version of civreg (revision {revision}). "
            "Install the latest version.",
        },
        "store.exists": {
            "fr": "Un registre existe déjà à cet emplacement ({path}).",
            "en": "A store already exists at this location ({path}).",
        },
        "store.missing": {
            "fr": "Aucun registre à cet emplacement ({path}).",
            "en": "No store at this location ({path}).",
        },
        "store.bad_code": {
            "fr": "Code invalide pour {field} : lettres, chiffres et tirets seulement.",
            "en": "Invalid code for {field}: letters, digits and hyphens only.",
        },
        "store.bad_username": {
            "fr": "Nom d'utilisateur invalide : 2 à 32 lettres minuscules, chiffres, . _ -",
            "en": "Invalid username: 2 to 32 lower-case letters, digits, . _ -",
        },
        "store.no_data_grant": {
            "fr": "Ce compte n'a pas accès aux données de ce registre.",
            "en": "This account has no access to this store's data.",
        },
    }
)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
CODE = re.compile(r"^[A-Za-z0-9-]{1,20}$")
# Roles whose accounts receive the vault key (they sign acts, copies, seals, batches,
# receipts). A clerk's password opens the data, never the signing key.
SIGNING_ROLES = frozenset({"registrar", ADMIN, DISTRICT})


def check_username(username: str) -> str:
    name = keyfile.normalise_username(username)
    if not USERNAME.match(name):
        raise CivregError("store.bad_username")
    return name


def check_password(
    password: str,
    *,
    username: str = "",
    full_name: str = "",
    context: Iterable[str] = (),
    demo: bool = False,
) -> None:
    """The password policy (:mod:`civreg.security.passwords`); demo stores are exempt."""
    passwords.check_password(
        password, username=username, full_name=full_name, context=context, demo=demo
    )


def may_sign(roles: Iterable[str]) -> bool:
    return bool(SIGNING_ROLES & set(roles))


def first_rows(
    store: Store,
    kf: KeyFile,
    *,
    office_id: str,
    country: str,
    commune: str,
    centre: str,
    office_name: str,
    level: str,
    is_demo: bool,
    admin: str,
    admin_full_name: str,
    admin_roles: tuple[str, ...],
    vault_key: bytes,
) -> None:
    """The office (its signing key under the vault key), the administrator, the key slots
    and the first audit entry, in one transaction sealed by the new key."""
    signing = generate_signing_key()
    kid = key_id_of(signing.public_key())
    store_guard.install(store)
    with store.write() as s:
        if s.scalar(select(Office)) is not None:
            raise StoreExists(path=store.location)
        s.add(
            Office(
                office_id=office_id,
                country=country,
                commune=commune,
                centre=centre,
                name=office_name,
                level=level,
                is_demo=is_demo,
                signing_key=grants.seal_secret(
                    vault_key, signing_purpose(kid), raw_private(signing)
                ),
                public_key=raw_public(signing),
                key_id=kid,
            )
        )
        if centre:
            s.add(Centre(code=centre, name=office_name, principal=True))
        user = User(username=admin, full_name=admin_full_name, title="")
        user.roles = [UserRole(role=r) for r in admin_roles]
        s.add(user)
        s.flush()
        keyslots.write_meta(s, kf)
        for slot in kf.slots:
            keyslots.stage(s, slot)
        audit.append(s, user_id=user.id, username=admin, operation="store.create")


def open_failure(exc: DatabaseError, path: Path | None) -> CivregError:
    """Only "file is not a database" means a foreign file or key; a full disk, a held lock or
    an I/O error at open gets its own plain message (not "not a civreg store")."""
    if sqlite_code(exc) == SQLITE_NOTADB:
        return NotAStore()
    return plain_error(exc, store_path=path) or StorageError()


def check_schema(store: Store) -> None:
    """Refuse a newer store; back up and upgrade an older one."""
    try:
        current = migrate.current_revision(store.engine)
    except DatabaseError as exc:
        raise open_failure(exc, store.path) from None
    if current is None:
        raise NotAStore()
    if current not in migrate.known_revisions():
        raise SchemaTooNew(revision=current)
    head = migrate.head_revision()
    if current == head:
        return
    if store.path is not None:
        from civreg.services.backup import snapshot_file

        stamp = utcnow().strftime("%Y%m%dT%H%M%S")
        snapshot_file(store, store.path.with_name(f"{store.path.name}.bak-{current}-{stamp}"))
    migrate.upgrade(store.engine)


def session_context(store: Store, username: str) -> Ctx:
    with store.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        office = s.scalar(select(Office))
        if office is None:
            raise NotAStore()
        if user is None:
            raise WrongPassword()
        if user.disabled:
            raise AccountDisabled()
        uinfo = UserInfo(user.id, user.username, user.full_name, user.title, user.role_names)
        oinfo = OfficeInfo(
            office.office_id,
            office.country,
            office.commune,
            office.centre,
            office.name,
            office.level,
            office.is_demo,
            office.key_id,
        )
        from civreg.services.settings import profile_overrides

        overrides = profile_overrides(s)
    return Ctx(store, uinfo, oinfo, overrides)


def unlock_slot(kf: KeyFile, gate: throttle.Throttle, username: str, password: str) -> Unlocked:
    """The password against the account's slot, behind the login-attempt gate."""
    sid = kf.slot_id(username)
    gate.check(sid)
    try:
        unlocked = kf.open_slot(username, password)
    except WrongPassword:
        gate.failure(sid)
        raise
    except AccountDisabled:
        gate.success(sid)  # the right password: do not lock a disabled account further
        raise
    gate.success(sid)
    return unlocked
