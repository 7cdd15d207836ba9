"""District and national stores on a PostgreSQL server: prepare one (``civreg init --store
postgresql://…``) and log in to it. The account's key slot is kept in the database itself
(there is no key file beside a server); accounts made before that have an Argon2 hash.
"""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from civreg.domain.roles import ADMIN, DISTRICT
from civreg.errors import (
    CivregError,
    SchemaTooNew,
    StoreExists,
    WrongPassword,
)
from civreg.i18n import register
from civreg.models import migrate
from civreg.models.engine import postgres_engine
from civreg.models.key_slots import META_ID, KeySlot
from civreg.models.store import Store
from civreg.models.users import User
from civreg.oplog import logged
from civreg.security import grants, keyfile, keyslots, throttle
from civreg.security.keyfile import KeyFile
from civreg.services import store_guard
from civreg.services.context import Ctx
from civreg.services.store_open import (
    CODE,
    check_password,
    check_schema,
    check_username,
    first_rows,
    session_context,
    unlock_slot,
)

register(
    {
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
    }
)


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


def login_postgres(url: str, username: str, password: str) -> Ctx:
    store = _open_postgres(url)
    try:
        if migrate.current_revision(store.engine) is None:
            raise CivregError("store.pg_empty")
        check_schema(store)
        kf = _server_keyfile(store)
        gate = throttle.for_server(store.location)
        if kf is not None and kf.find(kf.slot_id(username)) is not None:
            store.keyfile = kf
            store.unlocked = unlock_slot(kf, gate, username, password)
        else:
            _legacy_server_password(store, gate, username, password)
        store_guard.install(store)
        if kf is not None:
            store.keyfile = kf
            with store.read() as s:
                store.behind = store_guard.check_anchor(store, s, None)
        return session_context(store, username)
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
        first_rows(
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
        ctx = session_context(store, admin)
    except BaseException:
        store.close()
        raise
    return ctx
