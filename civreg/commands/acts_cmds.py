"""``civreg declare``, ``civreg show``, ``civreg mention add``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.acts import MENTION_KINDS, ActView
from civreg.i18n import register, t

register(
    {
        "cli.declare.done": {
            "fr": "{count} acte(s) {what}.",
            "en": "{count} act(s) {what}.",
        },
        "cli.declare.registered": {"fr": "enregistré(s)", "en": "registered"},
        "cli.declare.drafts": {"fr": "créé(s) en brouillon", "en": "saved as drafts"},
    }
)


def register_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("declare", help="create acts from a JSON file (docs/declaration-format.md)")
    add_store(p)
    add_user(p)
    p.add_argument("file", type=Path)
    p.add_argument("--register", action="store_true", help="register at once (registrar)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_declare)

    p = sub.add_parser("show", help="show one act (id, uuid or global identifier)")
    add_store(p)
    add_user(p)
    p.add_argument("act")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    m = sub.add_parser("mention", help="marginal mentions")
    msub = m.add_subparsers(dest="mention_cmd", required=True)
    p = msub.add_parser("add", help="record a marginal mention on a registered act")
    add_store(p)
    add_user(p)
    p.add_argument("act")
    p.add_argument("--kind", required=True, choices=MENTION_KINDS)
    p.add_argument("--date", required=True, help="YYYY-MM-DD")
    p.add_argument("--text", required=True)
    p.add_argument("--authority", default="")
    p.add_argument("--reference", default="")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mention)


def view_dict(v: ActView) -> dict:
    d = dataclasses.asdict(v)
    d["data"] = v.data.to_dict()
    return d


def print_act(v: ActView) -> None:
    head = v.global_id or f"draft #{v.id}"
    print(
        f"{head}  [{v.kind}, {v.status}{', cancelled' if v.cancelled else ''}"
        f"{', late' if v.late else ''}]"
    )
    d = v.data
    print(f"  event: {d.event_date} {d.event_time} — {d.event_place}")
    for p in d.persons:
        extra = f" ({p.capacity})" if p.capacity else ""
        born = p.birth_date or (f"~{p.approx_age} ans" if p.approx_age else "")
        print(f"  {p.path:12} {p.display_name()}{extra} {born}".rstrip())
    if d.judgment:
        print(f"  judgment: {d.judgment.court}, n° {d.judgment.number}, {d.judgment.date}")
    for m in v.mentions:
        print(f"  mention {m.date} {m.kind}: {m.text}")


def cmd_declare(args: argparse.Namespace) -> int:
    from civreg.services.declare import declare, parse_declaration

    items = parse_declaration(args.file.read_bytes())
    with opened(args) as ctx:
        result = declare(ctx, items, register_now=args.register)
    if args.json:
        emit_json(
            [
                {"id": v.id, "uuid": v.uuid, "global_id": v.global_id, "status": v.status}
                for v in result.acts
            ]
        )
        return 0
    for v in result.acts:
        print(v.global_id or f"draft #{v.id} ({v.uuid})")
    what = t("cli.declare.registered") if args.register else t("cli.declare.drafts")
    print(t("cli.declare.done", count=len(result.acts), what=what))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from civreg.services.queries import get_act

    with opened(args) as ctx:
        v = get_act(ctx, args.act)
    if args.json:
        emit_json(view_dict(v))
    else:
        print_act(v)
    return 0


def cmd_mention(args: argparse.Namespace) -> int:
    from civreg.services.mentions import add_mention

    with opened(args) as ctx:
        v = add_mention(
            ctx,
            args.act,
            kind=args.kind,
            when=args.date,
            text=args.text,
            authority=args.authority,
            reference=args.reference,
        )
    if args.json:
        emit_json(view_dict(v))
    else:
        print_act(v)
    return 0
