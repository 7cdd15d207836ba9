"""``civreg keys export-public|trust|list|revoke|authority-init|authority-export|rotate``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.i18n import register, t

register(
    {
        "cli.keys.exported": {
            "fr": "Clé publique du bureau {office} écrite dans {path}.",
            "en": "Public key of office {office} written to {path}.",
        },
        "cli.keys.trusted": {
            "fr": "Clé {key_id} du bureau {office} ajoutée ({status}).",
            "en": "Key {key_id} of office {office} added ({status}).",
        },
        "cli.keys.revoked": {
            "fr": "{count} clé(s) du bureau {office} révoquée(s).",
            "en": "{count} key(s) of office {office} revoked.",
        },
        "cli.keys.authority": {
            "fr": "Clé de l'autorité {authority} créée (id {key_id}) ; clé publique : {path}.",
            "en": "Authority key {authority} created (id {key_id}); public key: {path}.",
        },
        "cli.keys.rotated": {
            "fr": "Nouvelle clé {key_id} créée : elle sera annoncée au prochain export.",
            "en": "New key {key_id} created: it will be announced at the next export.",
        },
        "cli.keys.none": {"fr": "Aucune clé de confiance.", "en": "No trusted key."},
        "cli.keys.authority_trusted": {
            "fr": "Clé de l'autorité {authority} (id {key_id}) enregistrée : les lots seront "
            "chiffrés pour elle (en clair seulement avec --plain).",
            "en": "Authority key {authority} (id {key_id}) recorded: batches will be encrypted "
            "to it (in clear only with --plain).",
        },
        "cli.keys.protected": {
            "fr": "Clé de signature protégée : seuls les comptes habilités à signer l'ouvrent "
            "({granted}).",
            "en": "Signing key protected: only the accounts allowed to sign open it ({granted}).",
        },
        "cli.keys.pending": {
            "fr": "À faire après leur prochaine connexion : civreg users roles NOM --role … "
            "pour {names}.",
            "en": "To do after their next login: civreg users roles NAME --role … for {names}.",
        },
    }
)


def _parser(sub: Any, name: str, help_text: str, func: Callable[..., int]) -> Any:
    p = sub.add_parser(name, help=help_text)
    add_store(p)
    add_user(p)
    p.set_defaults(func=func)
    return p


def register_commands(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help="office keys, trust store, authority key")
    ksub = keys.add_subparsers(dest="keys_cmd", required=True)
    p = _parser(ksub, "export-public", "write this office's public key file", cmd_export)
    p.add_argument("--out", required=True, type=Path)
    p = _parser(ksub, "trust", "trust an office public key file", cmd_trust)
    p.add_argument("file", type=Path)
    p = _parser(ksub, "list", "list trusted office keys", cmd_list)
    p.add_argument("--json", action="store_true")
    p = _parser(ksub, "revoke", "revoke an office's keys", cmd_revoke)
    p.add_argument("office_id")
    p.add_argument("--key-id", help="only this key")
    p = _parser(ksub, "authority-init", "create the authority's encryption key", cmd_authority)
    p.add_argument("--out", required=True, type=Path, help="public key file to write")
    p.add_argument("--authority-id", help="default: this office's id")
    p = _parser(
        ksub, "authority-export", "write the authority public key again", cmd_authority_export
    )
    p.add_argument("--out", required=True, type=Path)
    _parser(ksub, "rotate", "create the next office key (announced at the next export)", cmd_rotate)
    p = _parser(
        ksub,
        "trust-authority",
        "trust the national authority's public key: batches are encrypted to it by default",
        cmd_trust_authority,
    )
    p.add_argument("file", type=Path)
    _parser(
        ksub,
        "protect",
        "older stores: put the signing key under the signing accounts' passwords only "
        "(prints a new recovery key)",
        cmd_protect,
    )


def _run(args: argparse.Namespace, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
    with opened(args) as ctx:
        return fn(ctx, *a, **kw)


def cmd_export(args: argparse.Namespace) -> int:
    from civreg.services.keys import export_public_key

    with opened(args) as ctx:
        path = export_public_key(ctx, args.out)
        office = ctx.office.office_id
    print(t("cli.keys.exported", office=office, path=path))
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    from civreg.services.keys import trust_key

    k = _run(args, trust_key, args.file)
    print(t("cli.keys.trusted", key_id=k.key_id, office=k.office_id, status=k.status))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from civreg.services.keys import list_keys

    rows = _run(args, list_keys)
    if args.json:
        emit_json([r.__dict__ for r in rows])
    elif not rows:
        print(t("cli.keys.none"))
    for r in rows if not args.json else ():
        print(f"{r.office_id:16} {r.key_id} {r.status:8} {r.source:12} {r.added_at}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from civreg.services.keys import revoke_key

    rows = _run(args, revoke_key, args.office_id, args.key_id)
    print(t("cli.keys.revoked", count=len(rows), office=args.office_id))
    return 0


def cmd_authority(args: argparse.Namespace) -> int:
    from civreg.services.keys import authority_init

    info = _run(args, authority_init, args.out, authority_id=args.authority_id)
    print(
        t(
            "cli.keys.authority",
            authority=info.authority_id,
            key_id=info.key_id,
            path=info.public_file,
        )
    )
    return 0


def cmd_authority_export(args: argparse.Namespace) -> int:
    from civreg.services.keys import export_authority_public_key

    info = _run(args, export_authority_public_key, args.out)
    print(
        t(
            "cli.keys.authority",
            authority=info.authority_id,
            key_id=info.key_id,
            path=info.public_file,
        )
    )
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from civreg.services.keys import rotate_office_key

    print(t("cli.keys.rotated", key_id=_run(args, rotate_office_key)))
    return 0


def cmd_protect(args: argparse.Namespace) -> int:
    from civreg.services.keys import protect_store

    res = _run(args, protect_store)
    print(t("cli.keys.protected", granted=", ".join(res.granted) or "-"))
    if res.pending:
        print(t("cli.keys.pending", names=", ".join(res.pending)))
    print(t("cli.init.recovery", key=res.recovery_key))
    return 0


def cmd_trust_authority(args: argparse.Namespace) -> int:
    from civreg.services.keys import trust_authority_key

    info = _run(args, trust_authority_key, args.file)
    print(t("cli.keys.authority_trusted", authority=info.authority_id, key_id=info.key_id))
    return 0
