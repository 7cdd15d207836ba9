"""User accounts: add, change password, list, disable, roles, unlock, recovery reset.

Administrators only (except one's own password). Each account has a key slot
(:mod:`civreg.security.keyfile`): the data key for everyone, the vault key (signing) only for
the roles that may sign. Every slot change is recorded in the database in the same
transaction as its audit entry and reaches the key file after the commit
(:mod:`civreg.security.keyslots`). The Argon2id derivation (about a second) runs before the
write transaction, so it never holds the store's write lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.domain.roles import ADMIN, ALL_ROLES
from civreg.errors import CivregError, NotFound, PermissionDenied
from civreg.i18n import register
from civreg.models.store import Store
from civreg.models.users import User, UserRole
from civreg.oplog import logged
from civreg.security import keyslots, throttle
from civreg.security.keyfile import GRANT_SIGNING, KeyFile
from civreg.security.signing_power import is_protected, require_vault
from civreg.services.context import Ctx
from civreg.services.store_access import (
    check_password,
    check_username,
    login_with_recovery,
    may_sign,
)

register(
    {
        "users.exists": {
            "fr": "Ce nom d'utilisateur existe déjà.",
            "en": "This username already exists.",
        },
        "users.bad_role": {
            "fr": "Rôle inconnu : {role} (rôles : {roles}).",
            "en": "Unknown role: {role} (roles: {roles}).",
        },
        "users.no_role": {
            "fr": "Un utilisateur doit avoir au moins un rôle.",
            "en": "A user needs at least one role.",
        },
        "users.last_admin": {
            "fr": "Impossible de désactiver le dernier administrateur.",
            "en": "The last administrator cannot be disabled.",
        },
        "users.not_locked": {
            "fr": "Ce compte n'est pas bloqué.",
            "en": "This account is not locked.",
        },
    }
)


@dataclass(frozen=True)
class UserRow:
    id: int
    username: str
    full_name: str
    title: str
    roles: tuple[str, ...]
    disabled: bool
    locked: bool = False  # too many wrong passwords: an administrator unlocks
    can_sign: bool = False  # the account's key slot holds the office signing key


def _row(u: User, *, locked: bool = False, can_sign: bool = False) -> UserRow:
    return UserRow(
        u.id,
        u.username,
        u.full_name,
        u.title,
        tuple(sorted(u.role_names)),
        u.disabled,
        locked,
        can_sign,
    )


def _check_roles(roles: Iterable[str]) -> list[str]:
    out = sorted(set(roles))
    if not out:
        raise CivregError("users.no_role")
    for r in out:
        if r not in ALL_ROLES:
            raise CivregError("users.bad_role", role=r, roles=", ".join(ALL_ROLES))
    return out


def _gate(store: Store) -> throttle.Throttle:
    if store.path is not None:
        return throttle.for_sqlite(store.path)
    return throttle.for_server(store.location)


def _view(store: Store) -> KeyFile:
    """The key file's header (store id, salt, Argon2id policy) to build slots with."""
    return store.keyfile


def _user(s: Session, username: str) -> User:
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(what="user")
    return user


def _signing_secret(s: Session, roles: Iterable[str]) -> bytes | None:
    """The vault key to grant an account with these roles (None: no signing, or a store whose
    key is not protected yet)."""
    if not may_sign(roles) or not is_protected(s):
        return None
    return require_vault(s)


def _data_key(store: Store) -> bytes | None:
    return store.data_key if store.is_sqlite else None


def _policy_context(ctx: Ctx) -> list[str]:
    return [ctx.office.name, ctx.office.commune]


@logged("user.add")
def add_user(
    ctx: Ctx,
    username: str,
    password: str,
    roles: Iterable[str],
    *,
    full_name: str = "",
    title: str = "",
    kdf: dict[str, object] | None = None,
) -> UserRow:
    ctx.require("user.manage")
    username = check_username(username)
    check_password(
        password,
        username=username,
        full_name=full_name,
        context=_policy_context(ctx),
        demo=ctx.office.is_demo,
    )
    role_list = _check_roles(roles)
    store = ctx.store
    with store.read() as s:
        vault = _signing_secret(s, role_list)
    slot = _view(store).password_slot(
        username, password, data_key=_data_key(store), vault_key=vault, kdf=kdf, gen=0
    )
    with store.write() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise CivregError("users.exists")
        user = User(username=username, full_name=full_name, title=title)
        user.roles = [UserRole(role=r) for r in role_list]
        s.add(user)
        s.flush()
        ctx.audit(
            s,
            "user.add",
            detail=f"user={user.id} roles={','.join(role_list)}",
        )
        slot["gen"] = keyslots.next_gen(s)
        keyslots.stage(s, slot)
        return _row(user, can_sign=vault is not None)


def _current_slot(s: Session, store: Store, username: str) -> dict[str, Any] | None:
    view = keyslots.current(s, store.keyfile_path)
    return view.find(view.slot_id(username))


@logged("user.password")
def change_password(
    ctx: Ctx, username: str, new_password: str, *, kdf: dict[str, object] | None = None
) -> None:
    """Change one's own password (key pair and grants kept), or — administrator — anyone's
    (a new key pair, granted the data key and, for the roles that may sign, the vault key).
    Changing a password also lifts the account's login lockout."""
    username = check_username(username)
    own = username == ctx.user.username
    if not own:
        ctx.require("user.manage")
    _set_password(ctx, username, new_password, kdf=kdf, operation="user.passwd")


def _set_password(
    ctx: Ctx, username: str, new_password: str, *, kdf: dict[str, object] | None, operation: str
) -> None:
    store = ctx.store
    unlocked = store.unlocked
    with store.read() as s:
        user = _user(s, username)
        if user.disabled:
            raise NotFound(what="user")
        full_name, roles = user.full_name, set(user.role_names)
        mine = (
            username == ctx.user.username
            and unlocked is not None
            and unlocked.private_key is not None
            and unlocked.slot_id != "recovery"
        )
        vault = None if mine else _signing_secret(s, roles)
    check_password(
        new_password,
        username=username,
        full_name=full_name,
        context=_policy_context(ctx),
        demo=ctx.office.is_demo,
    )
    view = _view(store)
    if mine:
        slot = view.password_slot(
            username,
            new_password,
            data_key=None,
            kdf=kdf,
            gen=0,
            private_key=unlocked.private_key,
        )
    else:
        slot = view.password_slot(
            username, new_password, data_key=_data_key(store), vault_key=vault, kdf=kdf, gen=0
        )
    with store.write() as s:
        user = _user(s, username)
        if user.disabled:
            raise NotFound(what="user")
        if mine:
            current = _current_slot(s, store, username) or {}
            slot["grants"] = dict(current.get("grants", {}))
        ctx.audit(s, operation, detail=f"user={user.id}")
        slot["gen"] = keyslots.next_gen(s)
        keyslots.stage(s, slot)
    _gate(store).unlock(view.slot_id(username))


def list_users(ctx: Ctx) -> list[UserRow]:
    ctx.require("user.manage")
    store = ctx.store
    locked = _gate(store).locked()
    view = _view(store)
    with store.read() as s:
        slots = {x["id"]: x for x in keyslots.current(s).slots} if keyslots.has_mirror(s) else {}
        rows = []
        for u in s.scalars(select(User).order_by(User.username)):
            sid = view.slot_id(u.username) if view is not None else ""
            slot = slots.get(sid) or {}
            rows.append(
                _row(
                    u,
                    locked=sid in locked,
                    can_sign=GRANT_SIGNING in (slot.get("grants") or {}),
                )
            )
        return rows


@logged("user.disable")
def disable_user(ctx: Ctx, username: str) -> None:
    """The account's key slot is destroyed (its password verifier kept, so that it hears
    "disabled" only with the right password); the users row stays for the history."""
    ctx.require("user.manage")
    username = check_username(username)
    store = ctx.store
    with store.write() as s:
        user = _user(s, username)
        if ADMIN in user.role_names:
            admins = [
                u
                for u in s.scalars(select(User).where(User.disabled.is_(False)))
                if ADMIN in u.role_names
            ]
            if len(admins) <= 1:
                raise CivregError("users.last_admin")
        user.disabled = True
        user.password_hash = None
        ctx.audit(
            s,
            "user.disable",
            detail=f"user={user.id}",
        )
        view = keyslots.current(s, store.keyfile_path)
        sid = view.slot_id(username)
        keyslots.stage(s, KeyFile.disabled_slot(view.find(sid), sid, keyslots.next_gen(s)))


@logged("user.roles")
def set_roles(ctx: Ctx, username: str, roles: Iterable[str]) -> UserRow:
    """Change an account's roles; the signing key is granted to (or withdrawn from) its key
    slot accordingly. Withdrawing cannot erase what a session already read: after taking
    signing power from someone who should not have had it, rotate the office key."""
    ctx.require("user.manage")
    role_list = _check_roles(roles)
    store = ctx.store
    with store.write() as s:
        user = _user(s, check_username(username))
        user.roles = [UserRole(role=r) for r in role_list]
        ctx.audit(
            s,
            "user.roles",
            detail=f"user={user.id} roles={','.join(role_list)}",
        )
        s.flush()
        view = keyslots.current(s, store.keyfile_path)
        slot = view.find(view.slot_id(user.username))
        granted = False
        if slot is not None and slot["kind"] == "password" and "public" in slot:
            vault = _signing_secret(s, role_list)
            granted = vault is not None
            has = GRANT_SIGNING in (slot.get("grants") or {})
            if granted or has:
                keyslots.stage(s, view.with_grant(slot, GRANT_SIGNING, vault, keyslots.next_gen(s)))
        return _row(user, can_sign=granted)


@logged("user.unlock")
def unlock_user(ctx: Ctx, username: str) -> None:
    """Lift the lockout that too many wrong passwords put on an account."""
    ctx.require("user.manage")
    username = check_username(username)
    store = ctx.store
    sid = _view(store).slot_id(username)
    gate = _gate(store)
    if sid not in gate.locked():
        raise CivregError("users.not_locked")
    with store.write() as s:
        user = _user(s, username)
        ctx.audit(
            s,
            "user.unlock",
            detail=f"user={user.id}",
        )
    gate.unlock(sid)


@logged("user.reset")
def reset_with_recovery(
    path: Path,
    recovery_key: str,
    username: str,
    new_password: str,
    *,
    kdf: dict[str, object] | None = None,
) -> None:
    """The forgotten-password path: the recovery key printed at ``init`` opens the store
    and sets a new password for ``username`` (usually the administrator), lifting its
    lockout. Recorded and sealed in the audit log as ``user.reset``."""
    ctx = login_with_recovery(Path(path), recovery_key, username)
    try:
        _set_password(ctx, check_username(username), new_password, kdf=kdf, operation="user.reset")
    finally:
        ctx.close()


def ensure_allowed(ctx: Ctx, operation: str) -> None:
    """Raise PermissionDenied unless the current user may perform ``operation``."""
    if not ctx.can(operation):
        raise PermissionDenied(operation=operation)
