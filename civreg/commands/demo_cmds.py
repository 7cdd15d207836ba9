"""``civreg demo``: a demo store with realistic synthetic acts and one user per role."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from civreg.i18n import register, t

register(
    {
        "cli.demo.created": {
            "fr": "Registre de démonstration créé : {path} ({acts} actes).",
            "en": "Demo store created: {path} ({acts} acts).",
        },
        "cli.demo.exists": {
            "fr": "Le registre de démonstration existe déjà : {path}.",
            "en": "The demo store already exists: {path}.",
        },
        "cli.demo.users": {
            "fr": "Utilisateurs : admin, clerk (agent), registrar (officier), district — "
            "mot de passe « demo » pour tous.",
            "en": "Users: admin, clerk, registrar, district — password 'demo' for all.",
        },
        "cli.demo.specimen": {
            "fr": "Tout document imprimé depuis ce registre porte la mention SPECIMEN.",
            "en": "Every document printed from this store is marked SPECIMEN.",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="create (if absent) a demo store with synthetic acts")
    p.add_argument("--store", required=True)
    p.add_argument("--acts", type=int, default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--country", choices=["BF", "CD"], default="BF")
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from civreg.demo.build import build_demo

    if args.acts < 0:
        raise SystemExit(2)
    path = Path(args.store)

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty() and (done % 50 == 0 or done == total):
            sys.stderr.write(f"\r{done}/{total}")
            sys.stderr.flush()

    result = build_demo(
        path, country=args.country, acts=args.acts, seed=args.seed, progress=progress
    )
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if result.created:
        print(t("cli.demo.created", path=path, acts=result.acts))
    else:
        print(t("cli.demo.exists", path=path))
    print(t("cli.demo.users"))
    print(t("cli.demo.specimen"))
    return 0
