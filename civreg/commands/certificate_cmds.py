"""``civreg certificate``, ``civreg print-day`` and ``civreg verify-certificate``."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.errors import CivregError
from civreg.i18n import register, t

register(
    {
        "cli.cert.done": {
            "fr": "{pages} page(s) écrite(s) dans {path} (copie n° {copy}).",
            "en": "{pages} page(s) written to {path} (copy #{copy}).",
        },
        "cli.cert.preview": {
            "fr": "Aperçu ({pages} page(s)) écrit dans {path} : aucune copie délivrée.",
            "en": "Preview ({pages} page(s)) written to {path}: no copy issued.",
        },
        "cli.cert.bulk": {
            "fr": (
                "{count} acte(s) en pages de registre, {pages} page(s) écrite(s) dans {path} "
                "(aucune copie délivrée)."
            ),
            "en": (
                "{count} act(s) as register pages, {pages} page(s) written to {path} "
                "(no copy issued)."
            ),
        },
        "cli.cert.content": {
            "fr": "Contenu du document : {state}.",
            "en": "Document content: {state}.",
        },
        "cli.cert.content.match": {
            "fr": "conforme au contenu signé",
            "en": "matches the signed content",
        },
        "cli.cert.content.mismatch": {
            "fr": "DIFFÉRENT du contenu signé (document modifié)",
            "en": "DIFFERS from the signed content (altered document)",
        },
        "cli.cert.capacities": {
            "fr": "qualités possibles : {codes}",
            "en": "possible capacities: {codes}",
        },
        "cli.cert.trust_missing": {
            "fr": "Liste de confiance introuvable : {path}.",
            "en": "Trust list not found: {path}.",
        },
        "cli.cert.fields": {"fr": "Champs signés :", "en": "Signed fields:"},
        "cli.cert.text_unreadable": {
            "fr": "Fichier texte illisible (UTF-8 attendu) : {path}.",
            "en": "Unreadable text file (UTF-8 expected): {path}.",
        },
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("certificate", help="issue a full copy or an extract as PDF (registrar)")
    add_store(p)
    add_user(p)
    p.add_argument("act")
    p.add_argument("--kind", choices=["full", "extract"], required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--requester", default="", help="name of the person asking for the copy")
    p.add_argument(
        "--capacity",
        default="",
        help="the requester's capacity, from the country profile: person, parent, spouse, "
        "descendant, legal_representative, authority, authorised_third_party, third_party",
    )
    p.add_argument(
        "--reference", default="", help="the authorisation or written request, when needed"
    )
    p.add_argument(
        "--preview", action="store_true", help="write an unnumbered, unsigned preview only"
    )
    p.set_defaults(func=cmd_certificate)

    p = sub.add_parser(
        "print-day",
        help="the acts registered on a day as register pages, for signing (issues no copy)",
    )
    add_store(p)
    add_user(p)
    p.add_argument("--day", required=True, help="YYYY-MM-DD")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_print_day)

    p = sub.add_parser("verify-certificate", help="verify a copy's signed QR code offline")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--qr", help="the QR code text (CR1:…)")
    src.add_argument("--pdf", type=Path)
    p.add_argument(
        "--text",
        type=Path,
        help="with --qr: a text file holding the document's legal content, to check the digest",
    )
    p.add_argument(
        "--trust",
        type=Path,
        required=True,
        help="office public keys: a directory of key files, a bundle, or one file",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def cmd_certificate(args: argparse.Namespace) -> int:
    import io

    from pypdf import PdfReader

    from civreg.security.atomic import atomic_write_bytes
    from civreg.services.certificates import issue_certificate, preview_certificate
    from civreg.services.copies import Requester

    who = Requester(args.requester, args.capacity, args.reference)
    with opened(args) as ctx:
        if args.preview:
            pdf = preview_certificate(ctx, args.act, args.kind, requester=who)
            atomic_write_bytes(args.out, pdf)
            pages = len(PdfReader(io.BytesIO(pdf)).pages)
            print(t("cli.cert.preview", pages=pages, path=args.out))
            return 0
        res = issue_certificate(ctx, args.act, args.kind, requester=who, out=args.out)
    print(t("cli.cert.done", pages=res.pages, path=args.out, copy=res.copies[0].copy_number))
    return 0


def cmd_print_day(args: argparse.Namespace) -> int:
    from civreg.services.certificates import print_day_registers

    try:
        day = dt.date.fromisoformat(args.day)
    except ValueError:
        raise CivregError("date.invalid") from None
    with opened(args) as ctx:
        res = print_day_registers(ctx, day, args.out)
    print(t("cli.cert.bulk", count=len(res.acts), pages=res.pages, path=args.out))
    return 0


def load_trust(path: Path):
    from civreg.security.office_keys import TrustList, read_public_key_file

    if path.is_dir():
        return TrustList.from_directory(path)
    if not path.exists():
        raise CivregError("cli.cert.trust_missing", path=path)
    try:
        return TrustList.from_bundle(path)
    except CivregError:
        return TrustList([read_public_key_file(path)])


def cmd_verify(args: argparse.Namespace) -> int:
    from civreg.certificates import verify_pdf, verify_qr, verify_text
    from civreg.certificates.qr_summary import summary

    trust = load_trust(args.trust)
    if args.qr and args.text:
        try:
            typed = args.text.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise CivregError("cli.cert.text_unreadable", path=args.text) from None
        verdicts = [verify_text(args.qr, typed, trust)]
    elif args.qr:
        verdicts = [verify_qr(args.qr, trust)]
    else:
        verdicts = verify_pdf(args.pdf, trust)
    if args.json:
        emit_json(
            [
                {
                    "status": v.status.value,
                    "fields": v.fields.to_json_object() if v.fields else None,
                    "summary": summary(v.fields) if v.fields else None,
                    "content": v.content.value,
                    "warnings": list(v.warnings),
                    "message": v.message(),
                    "warning_messages": v.warning_messages(),
                }
                for v in verdicts
            ]
        )
    else:
        for v in verdicts:
            print(f"{v.status.value}: {v.message()}")
            for w in v.warning_messages():
                print(f"  ! {w}")
            if v.fields is not None:
                print(summary(v.fields))
            if v.content.value != "unchecked":
                state = t(f"cli.cert.content.{v.content.value}")
                print(t("cli.cert.content", state=state))
            if v.fields is not None:
                print(t("cli.cert.fields"))
                for k, val in v.fields.to_json_object().items():
                    shown = " / ".join(val) if isinstance(val, list) else str(val)
                    print(f"  {k}: {shown or '—'}")
    ok = all(v.status.value == "VALID" and v.content.value != "mismatch" for v in verdicts)
    return 0 if ok else 1
