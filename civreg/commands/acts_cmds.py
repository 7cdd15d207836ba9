"""``civreg declare``, ``civreg show``, ``civreg mention add``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.acts import MENTION_KINDS, ActView
from civreg.domain.field_labels import act_label, field_label

if TYPE_CHECKING:
    from civreg.domain.profile import CountryProfile

from civreg.i18n import has, register, t

RULE_SET_KEY = "rule_set"  # civreg.domain.rule_sets.RULE_SET_KEY (not imported: start-up time)

register(
    {
        "cli.declare.done": {
            "fr": "{count} acte(s) {what}.",
            "en": "{count} act(s) {what}.",
        },
        "cli.declare.registered": {"fr": "enregistré(s)", "en": "registered"},
        "cli.declare.drafts": {"fr": "créé(s) en brouillon", "en": "saved as drafts"},
        "cli.declare.warning": {
            "fr": "avertissement — {act} — {line}",
            "en": "warning — {act} — {line}",
        },
        "cli.show.law": {"fr": "loi appliquée : {law}", "en": "law applied: {law}"},
        "cli.show.option": {"fr": "option : {option}", "en": "option: {option}"},
        "cli.show.option.monogamy": {"fr": "monogamie", "en": "monogamy"},
        "cli.show.option.polygamy": {"fr": "polygamie", "en": "polygamy"},
        "cli.show.bride_price": {"fr": "dot : {text}", "en": "bride price: {text}"},
        "cli.show.dispensation": {
            "fr": "dispense d'âge : {court}, n° {number}, du {date}",
            "en": "age dispensation: {court}, no. {number}, of {date}",
        },
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


def view_dict(v: ActView, profile: CountryProfile | None = None) -> dict:
    d = dataclasses.asdict(v)
    d["data"] = v.data.to_dict()
    rs_id = v.data.details.get(RULE_SET_KEY)
    rs = profile.rule_set_named(rs_id) if profile and rs_id else None
    if rs is not None:
        d["rule_set"] = {
            "id": rs.id,
            "name": rs.name,
            "source": rs.source,
            "effective_from": rs.effective_from.isoformat() if rs.effective_from else None,
            "effective_to": rs.effective_to.isoformat() if rs.effective_to else None,
        }
    return d


def print_act(v: ActView, profile: CountryProfile | None = None) -> None:
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
        print(f"  {field_label(p.path):20} {p.display_name()}{extra} {born}".rstrip())
    if d.judgment:
        print(f"  judgment: {d.judgment.court}, n° {d.judgment.number}, {d.judgment.date}")
    if d.transcription:
        tr = d.transcription
        print(f"  transcription: paper act n° {tr.original_number} of {tr.original_date}")
    for line in _law_lines(v, profile):
        print(f"  {line}")
    for m in v.mentions:
        print(f"  mention {m.date} {m.kind}: {m.text}")


def _law_lines(v: ActView, profile: CountryProfile | None) -> list[str]:
    """The law the act was checked under and the legal details a reader needs (dot, age
    dispensation, option), as text — never a raw mapping."""
    from civreg.domain.bride_price import bride_price_text

    details = v.data.details
    lines = []
    rule_set_id = details.get(RULE_SET_KEY)
    if rule_set_id:
        rs = profile.rule_set_named(rule_set_id) if profile else None
        lines.append(t("cli.show.law", law=f"{rs.name} — {rs.source}" if rs else rule_set_id))
    option = details.get("option")
    if option:
        key = f"cli.show.option.{option}"
        lines.append(t("cli.show.option", option=t(key) if has(key) else option))
    price = bride_price_text(details.get("bride_price"))
    if price:
        lines.append(t("cli.show.bride_price", text=price))
    disp = details.get("age_dispensation")
    if isinstance(disp, dict):
        lines.append(
            t(
                "cli.show.dispensation",
                court=disp.get("court", ""),
                number=disp.get("number", ""),
                date=disp.get("date", ""),
            )
        )
    return lines


def cmd_declare(args: argparse.Namespace) -> int:
    from civreg.services.declare import declare, parse_declaration

    items = parse_declaration(args.file.read_bytes())
    with opened(args) as ctx:
        result = declare(ctx, items, register_now=args.register)
    for index, problems in sorted(result.warnings.items()):
        for p in problems:
            print(t("cli.declare.warning", act=act_label(index), line=p.line()), file=sys.stderr)
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
        profile = ctx.profile
    if args.json:
        emit_json(view_dict(v, profile))
    else:
        print_act(v, profile)
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
        profile = ctx.profile
    if args.json:
        emit_json(view_dict(v, profile))
    else:
        print_act(v, profile)
    return 0
