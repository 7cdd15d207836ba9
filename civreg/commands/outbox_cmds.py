"""``civreg send`` (deliver the outbox to the district's intake service) and
``civreg outbox set|status``."""

from __future__ import annotations

import argparse
import time
from dataclasses import asdict, replace
from pathlib import Path

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.i18n import register, t

register(
    {
        "cli.send.done": {
            "fr": "Envoi terminé : {delivered} lot(s) remis, {acknowledged} confirmé(s) par "
            "accusé signé.",
            "en": "Sending done: {delivered} batch(es) delivered, {acknowledged} confirmed by "
            "a signed receipt.",
        },
        "cli.send.nothing": {
            "fr": "Rien à envoyer : tous les lots exportés sont confirmés.",
            "en": "Nothing to send: every exported batch is confirmed.",
        },
        "cli.send.offline": {
            "fr": "Service injoignable ({error}) : {waiting} lot(s) restent en attente ; "
            "relancez plus tard, rien n'est perdu.",
            "en": "Service unreachable ({error}): {waiting} batch(es) still waiting; try again "
            "later, nothing is lost.",
        },
        "cli.send.refused": {
            "fr": "Lot n° {sequence} refusé par le service ({reason}) {message}",
            "en": "Batch no. {sequence} refused by the service ({reason}) {message}",
        },
        "cli.send.unverified": {
            "fr": "{count} lot(s) remis sans accusé vérifiable : importez la clé publique du "
            "district (civreg keys trust).",
            "en": "{count} batch(es) delivered without a verifiable receipt: trust the "
            "district's public key (civreg keys trust).",
        },
        "cli.outbox.saved": {
            "fr": "Service de réception : {endpoint}",
            "en": "Intake service: {endpoint}",
        },
        "cli.outbox.off": {"fr": "(aucun)", "en": "(none)"},
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "send",
        help="send the exported batches to the district's intake service, fetch the receipts",
    )
    add_store(p)
    add_user(p)
    p.add_argument("--endpoint", help="intake service address (default: the saved setting)")
    p.add_argument("--ca", type=Path, help="CA or server certificate to trust (PEM)")
    p.add_argument("--proxy", help="HTTP proxy, e.g. http://proxy:3128")
    p.add_argument(
        "--max-time",
        type=float,
        default=1800,
        help="give up waiting for the link after this many seconds (default %(default)s)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_send)

    outbox = sub.add_parser("outbox", help="online sending settings and status")
    osub = outbox.add_subparsers(dest="outbox_cmd", required=True)
    p = osub.add_parser("set", help="save the intake service settings (administrator)")
    add_store(p)
    add_user(p)
    p.add_argument("--endpoint", help="https://… address of the district's intake service")
    p.add_argument("--ca", type=Path, help="CA or server certificate to trust (PEM file)")
    p.add_argument("--proxy", help="HTTP proxy (empty string: direct)")
    p.add_argument("--background", choices=["on", "off"], help="the client sends by itself")
    p.set_defaults(func=cmd_outbox_set)
    p = osub.add_parser("status", help="what was delivered, what is waiting, and why")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_outbox_status)


def _read_ca(path: Path | None) -> str | None:
    if path is None:
        return None
    from civreg.errors import CivregError

    try:
        return path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError):
        raise CivregError("outbox.bad_ca") from None


def cmd_send(args: argparse.Namespace) -> int:
    from civreg.errors import CivregError
    from civreg.outbox.client import IntakeClient
    from civreg.outbox.sender import Sender
    from civreg.services.outbox import get_outbox_settings, outbox_status
    from civreg.services.outbox_settings import check

    with opened(args) as ctx:
        settings = get_outbox_settings(ctx)
        ca = _read_ca(args.ca)
        settings = check(
            replace(
                settings,
                endpoint=args.endpoint if args.endpoint is not None else settings.endpoint,
                ca_pem=ca if ca is not None else settings.ca_pem,
                proxy=args.proxy if args.proxy is not None else settings.proxy,
            )
        )
        if not settings.configured:
            raise CivregError("outbox.not_configured")
        sender = Sender(ctx, IntakeClient(settings))
        result = sender.drain(until=time.monotonic() + args.max_time, force=True)
        status = outbox_status(ctx)
    unverified = [d for d in status.deliveries if d.state == "delivered"]
    if args.json:
        emit_json({"result": asdict(result), "deliveries": [asdict(d) for d in status.deliveries]})
    elif result.outcome == "done" and not result.delivered and not result.acknowledged:
        if not unverified:
            print(t("cli.send.nothing"))
    elif result.outcome == "done":
        print(
            t(
                "cli.send.done",
                delivered=len(result.delivered),
                acknowledged=len(result.acknowledged),
            )
        )
    if unverified and not args.json:
        print(t("cli.send.unverified", count=len(unverified)))
    if result.outcome == "offline":
        import sys

        sys.stderr.write(
            t("cli.send.offline", error=result.last_error, waiting=status.waiting) + "\n"
        )
        return 3
    if result.outcome == "refused" and result.refused is not None:
        import sys

        seq, reason, message = result.refused
        sys.stderr.write(
            t("cli.send.refused", sequence=seq, reason=reason, message=message).rstrip() + "\n"
        )
        return 1
    return 0


def cmd_outbox_set(args: argparse.Namespace) -> int:
    from civreg.services.outbox import get_outbox_settings, set_outbox_settings

    with opened(args) as ctx:
        current = get_outbox_settings(ctx)
        ca = _read_ca(args.ca)
        saved = set_outbox_settings(
            ctx,
            replace(
                current,
                endpoint=args.endpoint if args.endpoint is not None else current.endpoint,
                ca_pem=ca if ca is not None else current.ca_pem,
                proxy=args.proxy if args.proxy is not None else current.proxy,
                enabled=current.enabled if args.background is None else args.background == "on",
            ),
        )
    print(t("cli.outbox.saved", endpoint=saved.endpoint or t("cli.outbox.off")))
    return 0


def cmd_outbox_status(args: argparse.Namespace) -> int:
    from civreg.services.outbox import outbox_status

    with opened(args) as ctx:
        st = outbox_status(ctx)
    if args.json:
        emit_json(
            {
                "endpoint": st.endpoint,
                "enabled": st.enabled,
                "deliveries": [asdict(d) for d in st.deliveries],
            }
        )
        return 0
    print(t("cli.outbox.saved", endpoint=st.endpoint or t("cli.outbox.off")))
    for d in st.deliveries:
        progress = f"{d.sent_bytes}/{d.size} B" if d.state == "uploading" else f"{d.size} B"
        print(f"#{d.sequence:<5} {d.state:12} {progress:>18}  {d.last_error}")
    return 0
