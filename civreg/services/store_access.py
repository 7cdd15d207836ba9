"""A commune's store file: create it, log in (which unlocks it and checks its schema), or
open it with the recovery key. A server store (``postgresql://…``) is handed to
:mod:`civreg.services.store_server`; what both share is :mod:`civreg.services.store_open`.

Logging in: the login-attempt file is consulted first (a growing delay per account and per
store, a lockout an administrator lifts: :mod:`civreg.security.throttle`); the password opens
the account's key slot, which gives the data key and — for the roles that may sign — the
vault key that opens the office's private keys (:mod:`civreg.security.keyfile`). Then the key
file is brought up to the database and the store is compared with its signed high-water mark
(:mod:`civreg.services.store_guard`).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from civreg.domain.roles import ADMIN, ALL_ROLES
from civreg.errors import (
    AccountDisabled,
    CivregError,
    KeyFileError,
    NotAStore,
    StoreExists,
    WrongPassword,
)
from civreg.models import migrate
from civreg.models.engine import is_plain_sqlite, is_url, sqlcipher_engine
from civreg.models.store import Store
from civreg.oplog import logged
from civreg.security import grants, keyfile, keyslots, throttle
from civreg.security.keyfile import KeyFile, Unlocked
from civreg.services import store_guard
from civreg.services.context import Ctx
from civreg.services.store_open import (
    CODE,
    SIGNING_ROLES,
    check_password,
    check_schema,
    check_username,
    first_rows,
    may_sign,
    open_failure,
    session_context,
    unlock_slot,
)
from civreg.services.store_server import init_postgres, login_postgres


@dataclass(frozen=True)
class Created:
    ctx: Ctx
    recovery_key: str


@logged("store.create")
def create_store(
    path: Path,
    *,
    country: str,
    commune: str,
    centre: str,
    office_name: str,
    admin: str,
    password: str,
    admin_full_name: str = "",
    level: str = "commune",
    is_demo: bool = False,
    kdf: dict[str, object] | None = None,
) -> Created:
    """Create an encrypted store, its key file, the admin and the office signing key.

    ``kdf``: Argon2id parameters for this store's passwords; by default they are measured
    on this machine so that one guess costs at least half a second."""
    path = Path(path)
    kpath = keyfile.keyfile_path(path)
    if path.exists() or kpath.exists():
        raise StoreExists(path=path.name)
    for fname, value in (("commune", commune), ("centre", centre)):
        if not CODE.match(value):
            raise CivregError("store.bad_code", field=fname)
    from civreg.domain.profile import available_profiles

    if country not in available_profiles():
        raise CivregError("store.bad_code", field="country")
    admin = check_username(admin)
    check_password(
        password,
        username=admin,
        full_name=admin_full_name,
        context=[office_name, commune],
        demo=is_demo,
    )
    if kdf is None:
        kdf = keyfile.DEMO_KDF if is_demo else keyfile.calibrate_kdf()
    path.parent.mkdir(parents=True, exist_ok=True)
    data_key = keyfile.new_data_key()
    vault_key = grants.new_vault_key()
    recovery = secrets.token_bytes(32)
    kf = KeyFile.create(kpath, dict(kdf))
    admin_slot = kf.password_slot(
        admin, password, data_key=data_key, vault_key=vault_key, kdf=kdf, gen=1
    )
    kf.put(admin_slot)
    kf.put(kf.recovery_slot(recovery, data_key=data_key, vault_key=vault_key, gen=2))
    private = kf.open_slot(admin, password).private_key
    engine = sqlcipher_engine(path, data_key)
    store = Store(engine, str(path), path, kf, data_key)
    store.unlocked = Unlocked(admin_slot["id"], data_key, vault_key, private)
    try:
        kf.save()
        migrate.upgrade(engine)
        first_rows(
            store,
            kf,
            office_id=f"{country}-{commune}-{centre}",
            country=country,
            commune=commune,
            centre=centre,
            office_name=office_name,
            level=level,
            is_demo=is_demo,
            admin=admin,
            admin_full_name=admin_full_name,
            admin_roles=(ADMIN,),
            vault_key=vault_key,
        )
    except BaseException:
        store.close()
        for p in (path, kpath, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        raise
    ctx = session_context(store, admin)
    store_guard.write_anchor(store)
    return Created(ctx, keyfile.format_recovery_key(recovery))


def _open_sqlcipher(path: Path, data_key: bytes, kf: KeyFile) -> Store:
    if not path.exists():
        raise CivregError("store.missing", path=path.name)
    if is_plain_sqlite(path):
        raise NotAStore()
    engine = sqlcipher_engine(path, data_key)
    store = Store(engine, str(path), path, kf, data_key)
    try:
        with engine.connect():
            pass
    except DatabaseError as exc:
        store.close()
        raise open_failure(exc, path) from None
    return store


def unlock_data_key(path: Path, username: str, password: str) -> tuple[KeyFile, bytes]:
    """The key file and the data key this account's password opens, behind the same gate as
    a login, without opening the database (the store check of a store whose open fails)."""
    kf = KeyFile.load(keyfile.keyfile_path(path))
    unlocked = unlock_slot(
        kf, throttle.for_sqlite(path), keyfile.normalise_username(username), password
    )
    if unlocked.data_key is None:
        raise KeyFileError("store.no_data_grant")
    return kf, unlocked.data_key


@logged("store.login")
def login(location: str | Path, username: str, password: str) -> Ctx:
    """Unlock the store with this user's own password and return the session context."""
    username = keyfile.normalise_username(username)
    loc = str(location)
    if is_url(loc):
        return login_postgres(loc, username, password)
    path = Path(loc)
    from civreg.services import recovery

    recovery.before_open(path)
    kf = KeyFile.load(keyfile.keyfile_path(path))
    if not path.exists():
        raise CivregError("store.missing", path=path.name)
    unlocked = unlock_slot(kf, throttle.for_sqlite(path), username, password)
    if unlocked.data_key is None:
        raise KeyFileError("store.no_data_grant")
    store = _open_sqlcipher(path, unlocked.data_key, kf)
    store.unlocked = unlocked
    try:
        check_schema(store)
        ctx = _finish_open(store, username, password)
    except BaseException:
        store.close()
        raise
    recovery.after_login(ctx)
    return ctx


def _finish_open(store: Store, username: str, password: str | None) -> Ctx:
    store_guard.install(store)
    report = store_guard.on_open(store)
    store.notices = [*report.keyslot_findings]
    behind = report.behind
    unlocked = store.unlocked
    if (
        behind is not None
        and unlocked is not None
        and unlocked.slot_id in behind.mark.get("disabled_slots", ())
    ):
        # The store was put back to a time when this account was active: the mark says an
        # administrator disabled it since.
        raise AccountDisabled()
    ctx = session_context(store, username)
    if password is not None and store.unlocked is not None and store.unlocked.legacy:
        _convert_legacy_slot(store, username, password)
    return ctx


def _convert_legacy_slot(store: Store, username: str, password: str) -> None:
    """A version 1 slot (the data key wrapped directly) gets its key pair at its owner's
    login, so that an administrator can grant it the signing key."""
    unlocked = store.unlocked
    with store.write() as s:
        view = keyslots.current(s, store.keyfile_path)
        slot = view.password_slot(
            username,
            password,
            data_key=unlocked.data_key,
            vault_key=unlocked.vault_key,
            kdf=view.kdf,
            gen=keyslots.next_gen(s),
        )
        keyslots.stage(s, slot)
    opened = KeyFile.from_meta(None, view.meta(), [slot]).open_slot(username, password)
    store.unlocked = opened


@logged("store.recover")
def login_with_recovery(path: Path, recovery_key: str, username: str) -> Ctx:
    """Unlock with the recovery key (to reset a forgotten password); acts as ``username``."""
    path = Path(path)
    kf = KeyFile.load(keyfile.keyfile_path(path))
    gate = throttle.for_sqlite(path)
    gate.check("recovery")
    try:
        unlocked = kf.open_recovery(keyfile.parse_recovery_key(recovery_key))
    except WrongPassword:
        gate.failure("recovery")
        raise
    gate.success("recovery")
    if unlocked.data_key is None:
        raise KeyFileError("store.no_data_grant")
    store = _open_sqlcipher(path, unlocked.data_key, kf)
    store.unlocked = unlocked
    try:
        check_schema(store)
        return _finish_open(store, keyfile.normalise_username(username), None)
    except BaseException:
        store.close()
        raise


__all__ = [
    "ALL_ROLES",
    "SIGNING_ROLES",
    "Created",
    "check_password",
    "check_username",
    "create_store",
    "init_postgres",
    "login",
    "login_with_recovery",
    "may_sign",
]
