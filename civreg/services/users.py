"""User accounts: add, change password, list, disable. Administrators only (except own
password). Each password wraps the store's data key in the key file (SQLite stores)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from sqlalchemy import select

from civreg.domain.roles import ALL_ROLES
from civreg.errors import CivregError, NotFound, PermissionDenied
from civreg.i18n import register
from civreg.models.users import User, UserRole
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.store_access import check_password, check_username

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


def _row(u: User) -> UserRow:
    return UserRow(u.id, u.username, u.full_name, u.title, tuple(sorted(u.role_names)), u.disabled)


def _check_roles(roles: Iterable[str]) -> list[str]:
    out = sorted(set(roles))
    if not out:
        raise CivregError("users.no_role")
    for r in out:
        if r not in ALL_ROLES:
            raise CivregError("users.bad_role", role=r, roles=", ".join(ALL_ROLES))
    return out


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
    check_password(password)
    role_list = _check_roles(roles)
    store = ctx.store
    with store.write() as s:
        if s.scalar(select(User).where(User.username == username)) is not None:
            raise CivregError("users.exists")
        user = User(username=username, full_name=full_name, title=title)
        user.roles = [UserRole(role=r) for r in role_list]
        if store.keyfile is None:
            user.password_hash = PasswordHasher().hash(password)
        s.add(user)
        s.flush()
        ctx.audit(
            s,
            "user.add",
            detail=f"user={user.id} roles={','.join(role_list)}",
        )
        if store.keyfile is not None:
            assert store.data_key is not None
            store.keyfile.set_password(username, password, store.data_key, kdf)
            store.keyfile.save()  # last: if it fails the transaction rolls back
        return _row(user)


@logged("user.password")
def change_password(
    ctx: Ctx, username: str, new_password: str, *, kdf: dict[str, object] | None = None
) -> None:
    username = check_username(username)
    if username != ctx.user.username:
        ctx.require("user.manage")
    check_password(new_password)
    store = ctx.store
    with store.write() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None or user.disabled:
            raise NotFound(what="user")
        ctx.audit(
            s,
            "user.passwd",
            detail=f"user={user.id}",
        )
        if store.keyfile is not None:
            assert store.data_key is not None
            store.keyfile.set_password(username, new_password, store.data_key, kdf)
            store.keyfile.save()
        else:
            user.password_hash = PasswordHasher().hash(new_password)


def list_users(ctx: Ctx) -> list[UserRow]:
    ctx.require("user.manage")
    with ctx.store.read() as s:
        return [_row(u) for u in s.scalars(select(User).order_by(User.username))]


@logged("user.disable")
def disable_user(ctx: Ctx, username: str) -> None:
    ctx.require("user.manage")
    username = check_username(username)
    store = ctx.store
    with store.write() as s:
        user = s.scalar(select(User).where(User.username == username))
        if user is None:
            raise NotFound(what="user")
        if "admin" in user.role_names:
            admins = [
                u
                for u in s.scalars(select(User).where(User.disabled.is_(False)))
                if "admin" in u.role_names
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
        if store.keyfile is not None:
            store.keyfile.disable(username)
            store.keyfile.save()


@logged("user.roles")
def set_roles(ctx: Ctx, username: str, roles: Iterable[str]) -> UserRow:
    ctx.require("user.manage")
    role_list = _check_roles(roles)
    with ctx.store.write() as s:
        user = s.scalar(select(User).where(User.username == check_username(username)))
        if user is None:
            raise NotFound(what="user")
        user.roles = [UserRole(role=r) for r in role_list]
        ctx.audit(
            s,
            "user.roles",
            detail=f"user={user.id} roles={','.join(role_list)}",
        )
        s.flush()
        return _row(user)


def ensure_allowed(ctx: Ctx, operation: str) -> None:
    """Raise PermissionDenied unless the current user may perform ``operation``."""
    if not ctx.can(operation):
        raise PermissionDenied(operation=operation)
