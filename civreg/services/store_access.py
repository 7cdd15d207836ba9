"""Create a store, log in (which unlocks it), check and upgrade its schema."""

from __future__ import annotations

import re
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from civreg.domain.roles import ADMIN, ALL_ROLES
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
from civreg.models.engine import is_plain_sqlite, is_url, postgres_engine, sqlcipher_engine
from civreg.models.office import Centre, Office
from civreg.models.store import Store
from civreg.models.users import User, UserRole
from civreg.oplog import logged
from civreg.security import audit, keyfile
from civreg.security.keyfile import KeyFile
from civreg.security.signing import generate_signing_key, key_id_of, raw_private, raw_public
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
        "store.weak_password": {
            "fr": "Le mot de passe doit contenir au moins {min} caractères.",
            "en": "The password must have at least {min} characters.",
        },
    }
)

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
CODE = re.compile(r"^[A-Za-z0-9-]{1,20}$")
MIN_PASSWORD = 4


def check_username(username: str) -> str:
    name = keyfile.normalise_username(username)
    if not USERNAME.match(name):
        raise CivregError("store.bad_username")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise CivregError("store.weak_password", min=MIN_PASSWORD)


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
    """Create an encrypted store, its key file, the admin and the office signing key."""
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
    check_password(password)
    path.parent.mkdir(parents=True, exist_ok=True)
    data_key = keyfile.new_data_key()
    recovery = secrets.token_bytes(32)
    kf = KeyFile.create(kpath)
    kf.set_password(admin, password, data_key, kdf)
    kf.set_recovery(recovery, data_key)
    engine = sqlcipher_engine(path, data_key)
    store = Store(engine, str(path), path, kf, data_key)
    try:
        migrate.upgrade(engine)
        signing = generate_signing_key()
        office_id = f"{country}-{commune}-{centre}"
        with store.write() as s:
            s.add(
                Office(
                    office_id=office_id,
                    country=country,
                    commune=commune,
                    centre=centre,
                    name=office_name,
                    level=level,
                    is_demo=is_demo,
                    signing_key=raw_private(signing),
                    public_key=raw_public(signing),
                    key_id=key_id_of(signing.public_key()),
                )
            )
            s.add(Centre(code=centre, name=office_name, principal=True))
            user = User(username=admin, full_name=admin_full_name, title="")
            user.roles = [UserRole(role=ADMIN)]
            s.add(user)
            s.flush()
            audit.append(s, user_id=user.id, username=admin, operation="store.create")
        kf.save()
    except BaseException:
        store.close()
        for p in (path, kpath, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        raise
    ctx = _context(store, admin)
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
        store.checkpoint()
        stamp = utcnow().strftime("%Y%m%dT%H%M%S")
        backup = store.path.with_name(f"{store.path.name}.bak-{current}-{stamp}")
        shutil.copy2(store.path, backup)
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


@logged("store.login")
def login(location: str | Path, username: str, password: str) -> Ctx:
    """Unlock the store with this user's own password and return the session context."""
    username = keyfile.normalise_username(username)
    loc = str(location)
    if is_url(loc):
        return _login_postgres(loc, username, password)
    path = Path(loc)
    kf = KeyFile.load(keyfile.keyfile_path(path))
    if not path.exists():
        raise CivregError("store.missing", path=path.name)
    data_key = kf.unlock(username, password)
    store = _open_sqlcipher(path, data_key, kf)
    try:
        _check_schema(store)
        return _context(store, username)
    except BaseException:
        store.close()
        raise


@logged("store.recover")
def login_with_recovery(path: Path, recovery_key: str, username: str) -> Ctx:
    """Unlock with the recovery key (to reset a forgotten password); acts as ``username``."""
    kf = KeyFile.load(keyfile.keyfile_path(Path(path)))
    data_key = kf.unlock_recovery(keyfile.parse_recovery_key(recovery_key))
    store = _open_sqlcipher(Path(path), data_key, kf)
    try:
        _check_schema(store)
        return _context(store, keyfile.normalise_username(username))
    except BaseException:
        store.close()
        raise


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
        with store.read() as s:
            user = s.scalar(select(User).where(User.username == username))
            try:
                if user is None or not user.password_hash:
                    raise VerificationError()
                PasswordHasher().verify(user.password_hash, password)
            except VerificationError:
                raise WrongPassword() from None
        return _context(store, username)
    except BaseException:
        store.close()
        raise


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
) -> Ctx:
    """Prepare a PostgreSQL store for a district or the national authority: migrations,
    the office and its signing key, the administrator (roles admin and district).

    Every input is checked before the database is touched; a database that already holds a
    civreg office is refused unchanged. Passwords are Argon2id hashes in ``users``."""
    from civreg.domain.profile import available_profiles

    if country not in available_profiles():
        raise CivregError("store.bad_code", field="country")
    if not CODE.match(office_id):
        raise CivregError("store.bad_code", field="office-id")
    if level not in PG_LEVELS:
        raise CivregError("store.bad_level")
    admin = check_username(admin)
    check_password(password)
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
        signing = generate_signing_key()
        with store.write() as s:
            if s.scalar(select(Office)) is not None:
                raise StoreExists(path=store.location)
            s.add(
                Office(
                    office_id=office_id,
                    country=country,
                    commune="",
                    centre="",
                    name=office_name,
                    level=level,
                    signing_key=raw_private(signing),
                    public_key=raw_public(signing),
                    key_id=key_id_of(signing.public_key()),
                )
            )
            user = User(
                username=admin,
                full_name=admin_full_name,
                title="",
                password_hash=PasswordHasher().hash(password),
            )
            user.roles = [UserRole(role=r) for r in (ADMIN, "district")]
            s.add(user)
            s.flush()
            audit.append(s, user_id=user.id, username=admin, operation="store.create")
        return _context(store, admin)
    except BaseException:
        store.close()
        raise


__all__ = [
    "ALL_ROLES",
    "Created",
    "create_store",
    "init_postgres",
    "login",
    "login_with_recovery",
]
