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
        "cli.cert.bulk": {
            "fr": "{count} copie(s), {pages} page(s) écrite(s) dans {path}.",
            "en": "{count} copies, {pages} page(s) written to {path}.",
        },
        "cli.cert.trust_missing": {
            "fr": "Liste de confiance introuvable : {path}.",
            "en": "Trust list not found: {path}.",
        },
        "cli.cert.fields": {"fr": "Champs signés :", "en": "Signed fields:"},
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("certificate", help="issue a full copy or an extract as PDF (registrar)")
    add_store(p)
    add_user(p)
    p.add_argument("act")
    p.add_argument("--kind", choices=["full", "extract"], required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--requester", default="")
    p.set_defaults(func=cmd_certificate)

    p = sub.add_parser("print-day", help="all acts registered on a day into one PDF")
    add_store(p)
    add_user(p)
    p.add_argument("--day", required=True, help="YYYY-MM-DD")
    p.add_argument("--kind", choices=["full", "extract"], default="full")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_print_day)

    p = sub.add_parser("verify-certificate", help="verify a copy's signed QR code offline")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--qr", help="the QR code text (CR1:…)")
    src.add_argument("--pdf", type=Path)
    p.add_argument(
        "--trust",
        type=Path,
        required=True,
        help="office public keys: a directory of key files, a bundle, or one file",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_verify)


def cmd_certificate(args: argparse.Namespace) -> int:
    from civreg.services.certificates import issue_certificate

    with opened(args) as ctx:
        res = issue_certificate(ctx, args.act, args.kind, requester=args.requester, out=args.out)
    print(t("cli.cert.done", pages=res.pages, path=args.out, copy=res.copies[0].copy_number))
    return 0


def cmd_print_day(args: argparse.Namespace) -> int:
    from civreg.services.certificates import bulk_print_day

    with opened(args) as ctx:
        res = bulk_print_day(ctx, dt.date.fromisoformat(args.day), args.out, kind=args.kind)
    print(t("cli.cert.bulk", count=len(res.copies), pages=res.pages, path=args.out))
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
    from civreg.certificates import verify_pdf, verify_qr

    trust = load_trust(args.trust)
    verdicts = [verify_qr(args.qr, trust)] if args.qr else verify_pdf(args.pdf, trust)
    if args.json:
        emit_json(
            [
                {
                    "status": v.status.value,
                    "fields": v.fields.to_json_object() if v.fields else None,
                    "message": v.message(),
                }
                for v in verdicts
            ]
        )
    else:
        for v in verdicts:
            print(f"{v.status.value}: {v.message()}")
            if v.fields is not None:
                print(t("cli.cert.fields"))
                for k, val in v.fields.to_json_object().items():
                    print(f"  {k}: {val}")
    return 0 if all(v.status.value == "VALID" for v in verdicts) else 1
