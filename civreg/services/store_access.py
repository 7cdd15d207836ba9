"""Create a store, log in (which unlocks it), check and upgrade its schema.

Logging in: the login-attempt file is consulted first (a growing delay per account and per
store, a lockout an administrator lifts: :mod:`civreg.security.throttle`); the password opens
the account's key slot, which gives the data key and — for the roles that may sign — the
vault key that opens the office's private keys (:mod:`civreg.security.keyfile`). Then the key
file is brought up to the database and the store is compared with its signed high-water mark
(:mod:`civreg.services.store_guard`).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from civreg.domain.roles import ADMIN, ALL_ROLES, DISTRICT
from civreg.errors import (
    SQLITE_NOTADB,
    AccountDisabled,
    CivregError,
    KeyFileError,
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
from civreg.models.engine import is_plain_sqlite, is_url, postgres_engine, sqlcipher_engine
from civreg.models.key_slots import META_ID, KeySlot
from civreg.models.office import Centre, Office
from civreg.models.store import Store
from civreg.models.users import User, UserRole
from civreg.oplog import logged
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
        "store.pg_unreachable": {
            "fr": "Connexion au serveur PostgreSQL impossible ({detail}). Vérifiez l'adresse, "
            "le nom de la base, le rôle et son mot de passe (PGPASSWORD ou ~/.pgpass).",
            "en": "Cannot connect to the PostgreSQL server ({detail}). Check the address, the "
            "database name, the role and its password (PGPASSWORD or ~/.pgpass).",
        },
        "store.pg_empty": {
            "fr": "Cette base PostgreSQL ne contient pas de registre civreg "
            "(créez-le avec « civreg init --store postgresql://… »).",
            "en": "This PostgreSQL database holds no civreg store "
            "(create one with `civreg init --store postgresql://…`).",
        },
        "store.bad_level": {
            "fr": "Un registre PostgreSQL est un registre de district ou national.",
            "en": "A PostgreSQL store is a district or a national store.",
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
        _first_rows(
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
    ctx = _context(store, admin)
    store_guard.write_anchor(store)
    return Created(ctx, keyfile.format_recovery_key(recovery))


def _first_rows(
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
        raise _open_failure(exc, path) from None
    return store


def _open_failure(exc: DatabaseError, path: Path | None) -> CivregError:
    """Only "file is not a database" means a foreign file or key; a full disk, a held lock or
    an I/O error at open gets its own plain message (not "not a civreg store")."""
    if sqlite_code(exc) == SQLITE_NOTADB:
        return NotAStore()
    return plain_error(exc, store_path=path) or StorageError()


def _check_schema(store: Store) -> None:
    """Refuse a newer store; back up and upgrade an older one."""
    try:
        current = migrate.current_revision(store.engine)
    except DatabaseError as exc:
        raise _open_failure(exc, store.path) from None
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


def _context(store: Store, username: str) -> Ctx:
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


def _unlock(kf: KeyFile, gate: throttle.Throttle, username: str, password: str) -> Unlocked:
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


def unlock_data_key(path: Path, username: str, password: str) -> tuple[KeyFile, bytes]:
    """The key file and the data key this account's password opens, behind the same gate as
    a login, without opening the database (the store check of a store whose open fails)."""
    kf = KeyFile.load(keyfile.keyfile_path(path))
    unlocked = _unlock(
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
        return _login_postgres(loc, username, password)
    path = Path(loc)
    from civreg.services import recovery

    recovery.before_open(path)
    kf = KeyFile.load(keyfile.keyfile_path(path))
    if not path.exists():
        raise CivregError("store.missing", path=path.name)
    unlocked = _unlock(kf, throttle.for_sqlite(path), username, password)
    if unlocked.data_key is None:
        raise KeyFileError("store.no_data_grant")
    store = _open_sqlcipher(path, unlocked.data_key, kf)
    store.unlocked = unlocked
    try:
        _check_schema(store)
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
    ctx = _context(store, username)
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
        _check_schema(store)
        return _finish_open(store, keyfile.normalise_username(username), None)
    except BaseException:
        store.close()
        raise


def _server_keyfile(store: Store) -> KeyFile | None:
    with store.read() as s:
        meta = s.get(KeySlot, META_ID)
        if meta is None:
            return None
        return keyslots.current(s)


def _pg_detail(exc: OperationalError) -> str:
    """libpq's reason on one line (server, port, role: no personal data, no password)."""
    text_ = " ".join(str(exc.orig or exc).split())
    return text_.removeprefix("connection failed: ")[:300]


def _open_postgres(url: str) -> Store:
    """An engine on ``url`` whose server answered; a clear error when it does not."""
    engine = postgres_engine(url)
    shown = engine.url.set(drivername="postgresql").render_as_string(hide_password=True)
    store = Store(engine, shown)
    try:
        with engine.connect():
            pass
    except OperationalError as exc:
        store.close()
        raise CivregError("store.pg_unreachable", detail=_pg_detail(exc)) from None
    return store


def _login_postgres(url: str, username: str, password: str) -> Ctx:
    store = _open_postgres(url)
    try:
        if migrate.current_revision(store.engine) is None:
            raise CivregError("store.pg_empty")
        _check_schema(store)
        kf = _server_keyfile(store)
        gate = throttle.for_server(store.location)
        if kf is not None and kf.find(kf.slot_id(username)) is not None:
            store.keyfile = kf
            store.unlocked = _unlock(kf, gate, username, password)
        else:
            _legacy_server_password(store, gate, username, password)
        store_guard.install(store)
        if kf is not None:
            store.keyfile = kf
            with store.read() as s:
                store.behind = store_guard.check_anchor(store, s, None)
        return _context(store, username)
    except BaseException:
        store.close()
        raise


def _legacy_server_password(
    store: Store, gate: throttle.Throttle, username: str, password: str
) -> None:
    """Accounts made before server stores had key slots: an Argon2 hash in the users row."""
    from argon2 import PasswordHasher
    from argon2.exceptions import InvalidHashError, VerificationError

    sid = "user:" + username
    gate.check(sid)
    with store.read() as s:
        user = s.scalar(select(User).where(User.username == username))
        try:
            if user is None or not user.password_hash:
                raise VerificationError()
            PasswordHasher().verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            gate.failure(sid)
            raise WrongPassword() from None
    gate.success(sid)


PG_LEVELS = ("district", "national")


@logged("store.create_postgres")
def init_postgres(
    url: str,
    *,
    country: str,
    office_id: str,
    office_name: str,
    level: str,
    admin: str,
    password: str,
    admin_full_name: str = "",
    kdf: dict[str, object] | None = None,
) -> Ctx:
    """Prepare a PostgreSQL store for a district or the national authority: migrations,
    the office and its signing key (under the vault key), the administrator (roles admin and
    district) with a key slot kept in the database.

    Every input is checked before the database is touched; a database that already holds a
    civreg office is refused unchanged."""
    from civreg.domain.profile import available_profiles

    if country not in available_profiles():
        raise CivregError("store.bad_code", field="country")
    if not CODE.match(office_id):
        raise CivregError("store.bad_code", field="office-id")
    if level not in PG_LEVELS:
        raise CivregError("store.bad_level")
    admin = check_username(admin)
    check_password(
        password, username=admin, full_name=admin_full_name, context=[office_name, office_id]
    )
    store = _open_postgres(url)
    try:
        current = migrate.current_revision(store.engine)
        if current is not None:
            # Already a civreg database: refuse before changing anything (no upgrade either).
            if current not in migrate.known_revisions():
                raise SchemaTooNew(revision=current)
            with store.engine.connect() as conn:
                if conn.execute(text("SELECT 1 FROM office LIMIT 1")).first() is not None:
                    raise StoreExists(path=store.location)
        migrate.upgrade(store.engine)
        kdf = kdf or keyfile.calibrate_kdf()
        vault_key = grants.new_vault_key()
        kf = KeyFile.create(None, dict(kdf))
        slot = kf.password_slot(admin, password, data_key=None, vault_key=vault_key, gen=1)
        kf.put(slot)
        store.keyfile = kf
        store.unlocked = kf.open_slot(admin, password)
        _first_rows(
            store,
            kf,
            office_id=office_id,
            country=country,
            commune="",
            centre="",
            office_name=office_name,
            level=level,
            is_demo=False,
            admin=admin,
            admin_full_name=admin_full_name,
            admin_roles=(ADMIN, DISTRICT),
            vault_key=vault_key,
        )
        ctx = _context(store, admin)
    except BaseException:
        store.close()
        raise
    return ctx


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
