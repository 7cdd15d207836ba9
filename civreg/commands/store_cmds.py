"""``civreg init`` and ``civreg info``."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from civreg.commands.common import (
    add_store,
    add_user,
    emit_json,
    opened,
    read_password,
    store_location,
)
from civreg.i18n import register, t

register(
    {
        "cli.init.done": {
            "fr": "Registre créé : {path}\nBureau : {office}\n",
            "en": "Store created: {path}\nOffice: {office}\n",
        },
        "cli.init.recovery": {
            "fr": "CLÉ DE SECOURS (affichée une seule fois — imprimez-la et rangez-la en lieu "
            "sûr) :\n\n    {key}\n",
            "en": "RECOVERY KEY (shown only once — print it and keep it somewhere safe):\n\n"
            "    {key}\n",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new encrypted store")
    p.add_argument("--store", required=True)
    p.add_argument("--country", required=True, choices=["BF", "CD"])
    p.add_argument("--commune", required=True)
    p.add_argument("--centre", required=True)
    p.add_argument("--office-name", required=True)
    p.add_argument("--admin", required=True)
    p.add_argument("--admin-name", default="", help="the administrator's full name")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("info", help="schema revision, office and counts (no personal data)")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)


def cmd_init(args: argparse.Namespace) -> int:
    from civreg.services.store_access import create_store

    password = read_password(args.admin, confirm=True)
    created = create_store(
        Path(args.store),
        country=args.country,
        commune=args.commune,
        centre=args.centre,
        office_name=args.office_name,
        admin=args.admin,
        password=password,
        admin_full_name=args.admin_name,
    )
    created.ctx.close()
    print(t("cli.init.done", path=args.store, office=created.ctx.office.office_id))
    print(t("cli.init.recovery", key=created.recovery_key))
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from civreg.services.info import store_info

    with opened(args) as ctx:
        info = store_info(ctx)
    if args.json:
        emit_json(info)
        return 0
    o = info["office"]
    print(f"store:     {store_location(args) if os.sep in str(args.store or '') else args.store}")
    print(f"backend:   {info['backend']}")
    print(f"schema:    {info['schema_revision']} (head {info['schema_head']})")
    print(f"office:    {o['office_id']} ({o['level']}{', demo' if o['demo'] else ''})")
    print(f"key id:    {o['key_id']}")
    for kind, by_status in sorted(info["counts"]["acts"].items()):
        print(f"acts {kind:9} " + ", ".join(f"{k}={v}" for k, v in sorted(by_status.items())))
    for k in ("mentions", "copies_issued", "users", "audit_entries"):
        print(f"{k:14} {info['counts'][k]}")
    return 0
