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
from civreg.locations import is_url

LEVELS = ("commune", "district", "national")

register(
    {
        "cli.init.done": {
            "fr": "Registre créé : {path}\nBureau : {office}\n",
            "en": "Store created: {path}\nOffice: {office}\n",
        },
        "cli.init.pg_done": {
            "fr": "Registre ({level}) créé sur PostgreSQL : {path}\nBureau : {office}\n"
            "Administrateur : {admin} (pas de clé de secours sur PostgreSQL : sauvegardez la "
            "base avec pg_dump)\n",
            "en": "Store ({level}) created on PostgreSQL: {path}\nOffice: {office}\n"
            "Administrator: {admin} (no recovery key on PostgreSQL: back the database up "
            "with pg_dump)\n",
        },
        "cli.init.authority": {
            "fr": "Clé de l'autorité créée (id {key_id}) ; clé publique pour les communes : {path}",
            "en": "Authority key created (id {key_id}); public key for the communes: {path}",
        },
        "cli.init.recovery": {
            "fr": "CLÉ DE SECOURS (affichée une seule fois — imprimez-la et rangez-la en lieu "
            "sûr) :\n\n    {key}\n\n"
            "Elle ouvre le registre et signe comme l'administrateur : c'est elle qui remet un "
            "mot de passe oublié (civreg users reset --recovery-key) et débloque un compte.\n"
            "Imprimez-la sur papier, mettez-la sous enveloppe scellée dans le coffre de la "
            "mairie (ou chez le secrétaire général), jamais sur l'ordinateur ni sur la clé USB "
            "des lots. Qui la détient peut tout faire sur ce registre.\n",
            "en": "RECOVERY KEY (shown only once — print it and keep it somewhere safe):\n\n"
            "    {key}\n\n"
            "It opens the store and signs like the administrator: it resets a forgotten "
            "password (civreg users reset --recovery-key) and lifts a lockout.\n"
            "Print it on paper and keep it in a sealed envelope in the town hall's safe (or "
            "with the secretary general), never on the computer nor on the batch USB stick. "
            "Whoever holds it can do anything with this store.\n",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="create a new store: an encrypted file (commune) or a PostgreSQL database "
        "(district, national)",
        description="A commune store: --store FILE --commune CODE --centre CODE. "
        "A district or national store: --store postgresql://USER@HOST[:PORT]/DB "
        "--level {district,national} --office-id ID [--authority]. "
        "The administrator's password is read from CIVREG_NEW_PASSWORD (or CIVREG_PASSWORD) "
        "or prompted for.",
    )
    p.add_argument("--store", required=True, help="store file, or a postgresql:// URL")
    p.add_argument("--country", required=True, choices=["BF", "CD"])
    p.add_argument("--commune", help="commune code (encrypted file store)")
    p.add_argument("--centre", help="civil status centre code (encrypted file store)")
    p.add_argument("--level", choices=LEVELS, help="default: commune (file), district (PostgreSQL)")
    p.add_argument("--office-id", help="office identifier, e.g. BF-D11 (PostgreSQL store)")
    p.add_argument("--office-name", required=True)
    p.add_argument("--admin", required=True)
    p.add_argument("--admin-name", default="", help="the administrator's full name")
    p.add_argument(
        "--authority",
        action="store_true",
        help="make this store the national authority: create its X25519 key pair",
    )
    p.add_argument(
        "--authority-out",
        type=Path,
        help="where to write the authority's public key (default: ID.authority.pub.json)",
    )
    p.set_defaults(func=cmd_init, parser=p)

    p = sub.add_parser("info", help="schema revision, office and counts (no personal data)")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_info)


def _new_password(user: str) -> str:
    env = "CIVREG_NEW_PASSWORD" if "CIVREG_NEW_PASSWORD" in os.environ else "CIVREG_PASSWORD"
    return read_password(user, confirm=True, env=env)


def cmd_init(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    if is_url(args.store):
        if args.commune or args.centre:
            parser.error("--commune/--centre are for a file store; use --office-id")
        if not args.office_id:
            parser.error("a PostgreSQL store needs --office-id")
        if args.level == "commune":
            parser.error("a PostgreSQL store is a district or national store (--level)")
        return _init_postgres(args)
    if args.office_id:
        parser.error("--office-id is for a PostgreSQL store; use --commune and --centre")
    if not args.commune or not args.centre:
        parser.error("a file store needs --commune and --centre")
    if args.authority:
        parser.error("--authority needs a PostgreSQL store (or `civreg keys authority-init`)")
    from civreg.services.store_access import create_store

    password = _new_password(args.admin)
    created = create_store(
        Path(args.store),
        country=args.country,
        commune=args.commune,
        centre=args.centre,
        office_name=args.office_name,
        admin=args.admin,
        password=password,
        admin_full_name=args.admin_name,
        level=args.level or "commune",
    )
    created.ctx.close()
    print(t("cli.init.done", path=args.store, office=created.ctx.office.office_id))
    print(t("cli.init.recovery", key=created.recovery_key))
    return 0


def _init_postgres(args: argparse.Namespace) -> int:
    from civreg.services.store_access import init_postgres

    password = _new_password(args.admin)
    level = args.level or "district"
    authority_out = None
    if args.authority:
        authority_out = args.authority_out or Path(f"{args.office_id}.authority.pub.json")
    ctx = init_postgres(
        args.store,
        country=args.country,
        office_id=args.office_id,
        office_name=args.office_name,
        level=level,
        admin=args.admin,
        password=password,
        admin_full_name=args.admin_name,
    )
    try:
        print(
            t(
                "cli.init.pg_done",
                level=level,
                path=ctx.store.location,
                office=ctx.office.office_id,
                admin=ctx.user.username,
            )
        )
        if authority_out is not None:
            from civreg.services.keys import authority_init

            info = authority_init(ctx, authority_out)
            print(t("cli.init.authority", key_id=info.key_id, path=info.public_file))
    finally:
        ctx.close()
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
