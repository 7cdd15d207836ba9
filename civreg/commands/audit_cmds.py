"""``civreg audit verify|seal|status|acknowledge``."""

from __future__ import annotations

import argparse
from pathlib import Path

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
        "audit.why.unsealed": {
            "fr": "opération signée sans sceau (écrite hors de civreg, sans la clé du bureau)",
            "en": "signed operation without a seal (written outside civreg, without the "
            "office key)",
        },
        "audit.why.empty": {
            "fr": "journal vide alors que la dernière marque en connaît {mark} entrées",
            "en": "empty log although the last mark knows {mark} entries",
        },
        "audit.why.behind_anchor": {
            "fr": "journal coupé : la dernière marque ({source}) en connaît {mark} entrées",
            "en": "log cut short: the last mark ({source}) knows {mark} entries",
        },
        "audit.why.anchor_diverged": {
            "fr": "journal réécrit depuis la dernière marque ({source})",
            "en": "log rewritten since the last mark ({source})",
        },
        "audit.why.numbers_behind": {
            "fr": "numéros de registre revenus en arrière depuis la dernière marque",
            "en": "register numbers went back since the last mark",
        },
        "audit.why.keys_behind": {
            "fr": "fichier de clés revenu en arrière depuis la dernière marque",
            "en": "key file went back since the last mark",
        },
        "audit.why.disabled_back": {
            "fr": "compte désactivé de nouveau actif depuis la dernière marque",
            "en": "disabled account active again since the last mark",
        },
        "audit.why.bad_signature": {
            "fr": "marque extérieure non signée par ce bureau",
            "en": "outside mark not signed by this office",
        },
        "audit.why.unreadable": {
            "fr": "marque extérieure illisible",
            "en": "outside mark unreadable",
        },
        "cli.audit.anchor": {
            "fr": "Dernière marque extérieure ({source}) : {mark} entrées.",
            "en": "Last outside mark ({source}): {mark} entries.",
        },
        "cli.audit.not_behind": {
            "fr": "Le registre est à jour par rapport à sa dernière marque.",
            "en": "The store is up to date with its last mark.",
        },
        "cli.audit.behind": {
            "fr": "Registre EN RETARD sur sa dernière marque ({source}) :",
            "en": "Store BEHIND its last mark ({source}):",
        },
        "cli.audit.acknowledged": {
            "fr": "Situation enregistrée dans le journal d'audit : {detail}",
            "en": "Recorded in the audit log: {detail}",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    audit = sub.add_parser("audit", help="audit log")
    asub = audit.add_subparsers(dest="audit_cmd", required=True)
    p = asub.add_parser("verify", help="verify the hash chain and its signed seals")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--anchor",
        type=Path,
        help="also check against this mark (a mark file, a receipt or batch manifest carrying "
        "one); by default the mark in the user data folder",
    )
    p.set_defaults(func=cmd_verify)
    p = asub.add_parser("seal", help="close the registration session: sign the chain head")
    add_store(p)
    add_user(p)
    p.set_defaults(func=cmd_seal)
    p = asub.add_parser("status", help="is the store behind its last known mark (rolled back)?")
    add_store(p)
    add_user(p)
    p.set_defaults(func=cmd_status)
    p = asub.add_parser(
        "acknowledge",
        help="administrator: accept a store found behind its mark (numbers already given are "
        "skipped, the decision is recorded)",
    )
    add_store(p)
    add_user(p)
    p.set_defaults(func=cmd_acknowledge)


def cmd_verify(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import verify_chain

    with opened(args) as ctx:
        report = verify_chain(ctx, anchor_file=args.anchor)
    if args.json:
        emit_json(report.__dict__)
        return 0 if report.ok else 1
    if report.ok:
        print(t("cli.audit.ok", entries=report.entries, seals=report.seals))
    else:
        why = t(f"audit.why.{report.problem}", mark=report.anchor_seq, source=report.anchor_source)
        print(t("cli.audit.broken", seq=report.first_broken_seq, why=why))
    if report.anchor_seq is not None:
        print(t("cli.audit.anchor", source=report.anchor_source, mark=report.anchor_seq))
    return 0 if report.ok else 1


def cmd_status(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import rollback_status

    with opened(args) as ctx:
        status = rollback_status(ctx)
    if not status.behind:
        print(t("cli.audit.not_behind"))
        return 0
    print(t("cli.audit.behind", source=status.source))
    for line in status.reasons:
        print(f"  - {line}")
    return 1


def cmd_acknowledge(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import acknowledge_rollback

    with opened(args) as ctx:
        detail = acknowledge_rollback(ctx)
    print(t("cli.audit.acknowledged", detail=detail))
    return 0


def cmd_seal(args: argparse.Namespace) -> int:
    from civreg.services.audit_log import close_session

    with opened(args) as ctx:
        close_session(ctx)
    print(t("cli.ok"))
    return 0
