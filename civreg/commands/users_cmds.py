"""``civreg users add|passwd|list|disable|roles|unlock|reset``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from civreg.commands.common import (
    add_store,
    add_user,
    emit_json,
    opened,
    read_password,
    store_location,
)
from civreg.domain.role_words import account_text
from civreg.domain.roles import ALL_ROLES
from civreg.errors import CivregError
from civreg.i18n import register, t

register(
    {
        "cli.users.recovery_prompt": {
            "fr": "Clé de secours (imprimée à la création du registre) : ",
            "en": "Recovery key (printed when the store was created): ",
        },
        "cli.users.no_recovery_key": {
            "fr": "Clé de secours requise : saisissez-la ou définissez CIVREG_RECOVERY_KEY.",
            "en": "Recovery key required: type it or set CIVREG_RECOVERY_KEY.",
        },
        "cli.users.reset_done": {
            "fr": "Nouveau mot de passe enregistré pour {user} ; le blocage éventuel est levé.",
            "en": "New password recorded for {user}; any lockout is lifted.",
        },
        "cli.users.unlocked": {
            "fr": "Compte {user} débloqué.",
            "en": "Account {user} unlocked.",
        },
        "cli.users.reset_needs_key": {
            "fr": "Indiquez --recovery-key : sans mot de passe, seule la clé de secours ouvre "
            "le registre.",
            "en": "Give --recovery-key: without a password, only the recovery key opens the store.",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    users = sub.add_parser("users", help="manage user accounts")
    usub = users.add_subparsers(dest="users_cmd", required=True)

    p = usub.add_parser(
        "add", help="add a user (the new password is read from CIVREG_NEW_PASSWORD or prompted)"
    )
    add_store(p)
    add_user(p)
    p.add_argument("username")
    p.add_argument("--role", action="append", choices=ALL_ROLES, required=True)
    p.add_argument("--full-name", default="")
    p.add_argument("--title", default="")
    p.set_defaults(func=cmd_add)

    p = usub.add_parser("passwd", help="change a password (own, or any as administrator)")
    add_store(p)
    add_user(p)
    p.add_argument("username", nargs="?")
    p.set_defaults(func=cmd_passwd)

    p = usub.add_parser("list", help="list accounts")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = usub.add_parser("disable", help="disable an account (its key slot is destroyed)")
    add_store(p)
    add_user(p)
    p.add_argument("username")
    p.set_defaults(func=cmd_disable)

    p = usub.add_parser(
        "roles", help="set an account's roles (the signing key follows: registrar, admin)"
    )
    add_store(p)
    add_user(p)
    p.add_argument("username")
    p.add_argument("--role", action="append", choices=ALL_ROLES, required=True)
    p.set_defaults(func=cmd_roles)

    p = usub.add_parser("unlock", help="lift the lockout after too many wrong passwords")
    add_store(p)
    add_user(p)
    p.add_argument("username")
    p.set_defaults(func=cmd_unlock)

    p = usub.add_parser(
        "reset",
        help="forgotten password: set a new one with the recovery key printed at init "
        "(key from CIVREG_RECOVERY_KEY or prompted; new password from CIVREG_NEW_PASSWORD)",
    )
    add_store(p)
    p.add_argument("username", nargs="?", default="admin", help="default: admin")
    p.add_argument("--recovery-key", action="store_true", required=True)
    p.set_defaults(func=cmd_reset)


def cmd_add(args: argparse.Namespace) -> int:
    from civreg.services.users import add_user as svc_add

    with opened(args) as ctx:
        pw = read_password(args.username, confirm=True, env="CIVREG_NEW_PASSWORD")
        svc_add(ctx, args.username, pw, args.role, full_name=args.full_name, title=args.title)
    print(t("cli.ok"))
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    from civreg.services.users import change_password

    with opened(args) as ctx:
        target = args.username or ctx.user.username
        pw = read_password(target, confirm=True, env="CIVREG_NEW_PASSWORD")
        change_password(ctx, target, pw)
    print(t("cli.ok"))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from civreg.services.users import list_users

    with opened(args) as ctx:
        rows = list_users(ctx)
    if args.json:
        emit_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            said = account_text(r.roles, disabled=r.disabled, locked=r.locked, can_sign=r.can_sign)
            print(f"{r.username:20} {said}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    from civreg.services.users import disable_user

    with opened(args) as ctx:
        disable_user(ctx, args.username)
    print(t("cli.ok"))
    return 0


def cmd_roles(args: argparse.Namespace) -> int:
    from civreg.services.users import set_roles

    with opened(args) as ctx:
        set_roles(ctx, args.username, args.role)
    print(t("cli.ok"))
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from civreg.services.users import unlock_user

    with opened(args) as ctx:
        unlock_user(ctx, args.username)
    print(t("cli.users.unlocked", user=args.username))
    return 0


def _read_recovery_key() -> str:
    value = os.environ.get("CIVREG_RECOVERY_KEY")
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CivregError("cli.users.no_recovery_key")
    import getpass

    return getpass.getpass(t("cli.users.recovery_prompt"))


def cmd_reset(args: argparse.Namespace) -> int:
    from civreg.services.users import reset_with_recovery

    if not args.recovery_key:
        raise CivregError("cli.users.reset_needs_key")
    key = _read_recovery_key()
    pw = read_password(args.username, confirm=True, env="CIVREG_NEW_PASSWORD")
    reset_with_recovery(Path(store_location(args)), key, args.username, pw)
    print(t("cli.users.reset_done", user=args.username))
    return 0
