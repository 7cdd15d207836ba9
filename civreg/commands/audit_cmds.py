"""``civreg audit verify`` and ``civreg audit seal``."""

from __future__ import annotations

import argparse

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.i18n import register, t

register(
    {
        "cli.audit.ok": {
            "fr": "Journal d'audit intact : {entries} entrées, {seals} sceaux signés vérifiés.",
            "en": "Audit log intact: {entries} entries, {seals} signed seals verified.",
        },
        "cli.audit.broken": {
            "fr": "Journal d'audit ALTÉRÉ : premier maillon rompu à l'entrée n° {seq} ({why}).",
            "en": "Audit log TAMPERED: first broken link at entry #{seq} ({why}).",
        },
        "audit.why.edited": {"fr": "contenu modifié", "en": "content edited"},
        "audit.why.missing_or_reordered": {
            "fr": "entrée supprimée ou déplacée",
            "en": "entry deleted or moved",
        },
        "audit.why.truncated": {
            "fr": "entrées récentes supprimées",
            "en": "latest entries deleted",
        },
        "audit.why.bad_seal": {"fr": "sceau à signature invalide", "en": "seal signature invalid"},
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="audit log")
    asub = audit.add_subparsers(dest="audit_cmd", required=True)
    p = asub.add_parser("verify", help="verify the hash chain and its signed seals")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)
    p = asub.add_parser("seal", help="close the registration session: sign the chain head")
    add_store(p)
    add_user(p)
    p.set_defaults(func=cmd_seal)


def cmd_verify(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import verify_chain

    with opened(args) as ctx:
        report = verify_chain(ctx)
    if args.json:
        emit_json(report.__dict__)
    elif report.ok:
        print(t("cli.audit.ok", entries=report.entries, seals=report.seals))
    else:
        print(
            t("cli.audit.broken", seq=report.first_broken_seq, why=t(f"audit.why.{report.problem}"))
        )
    return 0 if report.ok else 1


def cmd_seal(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import close_session

    with opened(args) as ctx:
        close_session(ctx)
    print(t("cli.ok"))
    return 0
