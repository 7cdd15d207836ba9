"""``civreg users add|passwd|list|disable``."""

from __future__ import annotations

import argparse

from civreg.commands.common import add_store, add_user, emit_json, opened, read_password
from civreg.domain.roles import ALL_ROLES
from civreg.i18n import t


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
            state = " (disabled)" if r.disabled else ""
            print(f"{r.username:20} {','.join(r.roles)}{state}")
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    from civreg.services.users import disable_user

    with opened(args) as ctx:
        disable_user(ctx, args.username)
    print(t("cli.ok"))
    return 0
