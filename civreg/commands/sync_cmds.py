"""``civreg export``, ``civreg import``, ``civreg forward``, ``civreg receipt import``,
``civreg transmission status`` and ``civreg quarantine list|resolve``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.errors import BatchRejected
from civreg.i18n import has, register, t

register(
    {
        "cli.export.done": {
            "fr": "Lot n° {sequence} écrit dans {path} ({size} octets{encrypted}) : {counts}.",
            "en": "Batch no. {sequence} written to {path} ({size} bytes{encrypted}): {counts}.",
        },
        "cli.export.encrypted": {"fr": ", chiffré", "en": ", encrypted"},
        "cli.import.batch": {
            "fr": "{file} : bureau {office}, lot n° {sequence} — {status}{extra}",
            "en": "{file}: office {office}, batch no. {sequence} — {status}{extra}",
        },
        "cli.import.status.imported": {"fr": "importé", "en": "imported"},
        "cli.import.status.sealed": {
            "fr": "vérifié, chiffré pour l'autorité (gardé pour transmission)",
            "en": "verified, encrypted for the authority (kept for forwarding)",
        },
        "cli.import.status.already_imported": {"fr": "déjà importé", "en": "already imported"},
        "cli.import.quarantined": {
            "fr": ", {count} en quarantaine",
            "en": ", {count} quarantined",
        },
        "cli.import.gap": {
            "fr": "Attention : lots manquants du bureau {office} : {missing}.",
            "en": "Warning: missing batches of office {office}: {missing}.",
        },
        "cli.import.receipt": {
            "fr": "Accusé de réception signé : {path}",
            "en": "Signed receipt: {path}",
        },
        "cli.receipt.done": {
            "fr": "Accusé de {issuer} : lots {batches} confirmés, {quarantined} en quarantaine.",
            "en": "Receipt from {issuer}: batches {batches} confirmed, {quarantined} quarantined.",
        },
        "cli.forward.done": {
            "fr": "{count} lot(s) copié(s) sans modification dans {path}.",
            "en": "{count} batch(es) copied unchanged to {path}.",
        },
        "cli.status.batch": {
            "fr": "lot n° {sequence}  {created}  {status}{by}  {records}",
            "en": "batch no. {sequence}  {created}  {status}{by}  {records}",
        },
        "cli.status.sent": {"fr": "écrit dans un fichier", "en": "written to file"},
        "cli.status.acknowledged": {"fr": "accusé de réception reçu", "en": "acknowledged"},
        "cli.status.quarantined": {
            "fr": "en partie mis en quarantaine",
            "en": "partly quarantined",
        },
        "cli.status.by": {"fr": " par {who}", "en": " by {who}"},
        "cli.status.pending": {
            "fr": "Changements en attente d'envoi : {count}",
            "en": "Changes waiting to be sent: {count}",
        },
        "cli.quarantine.resolved": {
            "fr": "Élément {item} traité.",
            "en": "Item {item} handled.",
        },
    }
)


def _cmd(sub: Any, name: str, help_text: str, func: Callable[..., int]) -> Any:
    p = sub.add_parser(name, help=help_text)
    add_store(p)
    add_user(p)
    p.set_defaults(func=func)
    return p


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = _cmd(sub, "export", "export the changes not yet sent as a signed batch", cmd_export)
    p.add_argument("--out", required=True, type=Path)
    p.add_argument(
        "--recipient",
        type=Path,
        help="authority public key file: encrypt to it (default: the authority key this "
        "office trusts, see 'civreg keys trust-authority')",
    )
    p.add_argument(
        "--plain",
        action="store_true",
        help="write the batch in clear even though an authority key is trusted (names "
        "readable by whoever finds the file)",
    )
    p.add_argument("--again", type=int, metavar="N", help="re-export batch N identically")
    p = _cmd(sub, "import", "import batch files (district or national)", cmd_import)
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--receipt-dir", type=Path, help="where to write the signed receipt")
    p.add_argument("--max-size", type=int, help="refuse payloads inflating beyond BYTES")
    p.add_argument("--json", action="store_true")
    p = _cmd(sub, "forward", "copy received batches unchanged for the next level", cmd_forward)
    p.add_argument("--out-dir", required=True, type=Path)
    p.add_argument("--again", action="store_true", help="also batches already forwarded")
    receipt = sub.add_parser("receipt", help="receipts from the district")
    rsub = receipt.add_subparsers(dest="receipt_cmd", required=True)
    p = _cmd(rsub, "import", "record a district's signed receipt", cmd_receipt)
    p.add_argument("file", type=Path)
    trans = sub.add_parser("transmission", help="what was sent and acknowledged")
    tsub = trans.add_subparsers(dest="transmission_cmd", required=True)
    p = _cmd(tsub, "status", "pending, sent, acknowledged, quarantined", cmd_status)
    p.add_argument("--json", action="store_true")
    quarantine = sub.add_parser("quarantine", help="records held for review")
    qsub = quarantine.add_subparsers(dest="quarantine_cmd", required=True)
    p = _cmd(qsub, "list", "list quarantined records", cmd_quarantine_list)
    p.add_argument("--all", action="store_true", help="include resolved items")
    p.add_argument("--json", action="store_true")
    p = _cmd(qsub, "resolve", "close a quarantined item with a note", cmd_quarantine_resolve)
    p.add_argument("item", type=int)
    p.add_argument("--note", required=True)


def _run(args: argparse.Namespace, fn: Callable[..., Any], *a: Any, **kw: Any) -> Any:
    with opened(args) as ctx:
        return fn(ctx, *a, **kw)


def cmd_export(args: argparse.Namespace) -> int:
    from civreg.services.transmission import export_batch

    r = _run(
        args,
        export_batch,
        args.out,
        recipient_key_file=args.recipient,
        again=args.again,
        plain=args.plain,
    )
    from civreg.domain.batch_words import records_text

    counts = records_text(r.counts)
    print(
        t(
            "cli.export.done",
            sequence=r.sequence,
            path=r.path,
            size=r.size,
            counts=counts,
            encrypted=t("cli.export.encrypted") if r.encrypted else "",
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from civreg.exchange.importer import Limits
    from civreg.services.transmission import import_batches

    limits = Limits(max_decompressed_bytes=args.max_size) if args.max_size else None
    try:
        report = _run(args, import_batches, args.files, receipt_dir=args.receipt_dir, limits=limits)
    except BatchRejected as exc:
        name = exc.params.get("file")
        sys.stderr.write((f"{name}: " if name else "") + exc.message().rstrip() + "\n")
        return 1
    if args.json:
        emit_json(
            {
                "batches": [b.__dict__ for b in report.batches],
                "gaps": report.gaps,
                "receipt": report.receipt_path,
            }
        )
        return 0
    for b in report.batches:
        extra = t("cli.import.quarantined", count=len(b.quarantined)) if b.quarantined else ""
        print(
            t(
                "cli.import.batch",
                file=b.file,
                office=b.office_id,
                sequence=b.sequence,
                status=t(f"cli.import.status.{b.status}"),
                extra=extra,
            )
        )
    for office, missing in report.gaps.items():
        if missing:
            print(t("cli.import.gap", office=office, missing=", ".join(map(str, missing))))
    print(t("cli.import.receipt", path=report.receipt_path))
    return 0


def cmd_forward(args: argparse.Namespace) -> int:
    from civreg.services.transmission import forward_batches

    written = _run(args, forward_batches, args.out_dir, again=args.again)
    print(t("cli.forward.done", count=len(written), path=args.out_dir))
    return 0


def cmd_receipt(args: argparse.Namespace) -> int:
    from civreg.services.transmission import import_receipt

    r = _run(args, import_receipt, args.file)
    print(
        t(
            "cli.receipt.done",
            issuer=r.issuer,
            batches=", ".join(map(str, r.acknowledged)),
            quarantined=r.quarantined,
        )
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from civreg.services.transmission import transmission_status

    st = _run(args, transmission_status)
    if args.json:
        emit_json(
            {
                "pending_changes": st.pending_changes,
                "batches": [b.__dict__ for b in st.batches],
                "received": st.received,
                "open_quarantine": st.open_quarantine,
            }
        )
        return 0
    from civreg.domain.batch_words import holds_text, records_text
    from civreg.domain.locale_text import utc_time_text

    print(t("cli.status.pending", count=st.pending_changes))
    for b in st.batches:
        key = f"cli.status.{b.status}"
        print(
            t(
                "cli.status.batch",
                sequence=b.sequence,
                created=utc_time_text(b.created_at),
                status=t(key) if has(key) else b.status,
                by=t("cli.status.by", who=b.acknowledged_by) if b.acknowledged_by else "",
                records=records_text(b.counts),
            )
        )
    if st.batches:
        print(holds_text())
    return 0


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from civreg.services.transmission import list_quarantine

    rows = _run(args, list_quarantine, include_resolved=args.all)
    if args.json:
        emit_json([r.__dict__ for r in rows])
        return 0
    from civreg.domain.locale_text import utc_time_text
    from civreg.domain.quarantine_words import reason_label, record_label, status_label

    for r in rows:
        print(
            f"{r.id:5} {r.office_id:14} #{r.batch_sequence:<4} {utc_time_text(r.created_at):20} "
            f"{record_label(r.record_type)} {r.record_id} — {reason_label(r.reason)} "
            f"({status_label(r.status)})"
        )
    return 0


def cmd_quarantine_resolve(args: argparse.Namespace) -> int:
    from civreg.services.transmission import resolve_quarantine

    _run(args, resolve_quarantine, args.item, args.note)
    print(t("cli.quarantine.resolved", item=args.item))
    return 0
