"""``civreg declare``, ``civreg draft register``, ``civreg show``, ``civreg mention add|rules``."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from civreg.commands.act_text import coded, print_act
from civreg.commands.common import add_store, add_user, emit_json, opened
from civreg.domain.act_words import mention_kind_label
from civreg.domain.acts import MENTION_KINDS, ActView
from civreg.domain.field_labels import act_label

if TYPE_CHECKING:
    from civreg.domain.profile import CountryProfile

from civreg.domain.corrections import apply_corrections
from civreg.errors import CivregError
from civreg.i18n import register, t

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
        "cli.warning": {"fr": "attention : {message}", "en": "warning: {message}"},
        "cli.mention.bad_correction": {
            "fr": "Correction à écrire CHAMP=VALEUR (ex. child.family_name=OUÉDRAOGO) : {value}",
            "en": "Write a correction as FIELD=VALUE (e.g. child.family_name=OUEDRAOGO): {value}",
        },
        "cli.rules.kind": {
            "fr": "{kind} : en marge de l'acte {acts} ; à fournir : {needs}",
            "en": "{kind}: in the margin of the {acts} act; to give: {needs}",
        },
        "cli.rules.or": {"fr": " ou ", "en": " or "},
        "cli.rules.act.birth": {"fr": "de naissance", "en": "birth"},
        "cli.rules.act.marriage": {"fr": "de mariage", "en": "marriage"},
        "cli.rules.act.death": {"fr": "de décès", "en": "death"},
        "cli.rules.none": {"fr": "rien de plus", "en": "nothing more"},
        "cli.rules.source": {"fr": "source : {source}", "en": "source: {source}"},
        "cli.rules.to_confirm": {"fr": " (à confirmer)", "en": " (to confirm)"},
        "cli.rules.need.related_ref": {
            "fr": "l'identifiant de l'acte lié",
            "en": "the related act's identifier",
        },
        "cli.rules.need.authority": {"fr": "l'autorité", "en": "the authority"},
        "cli.rules.need.reference": {
            "fr": "la référence de la décision",
            "en": "the decision's reference",
        },
        "cli.rules.need.corrections": {"fr": "les champs corrigés", "en": "the corrected fields"},
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

    d = sub.add_parser("draft", help="drafts")
    dsub = d.add_subparsers(dest="draft_cmd", required=True)
    p = dsub.add_parser("register", help="register a draft (registrar)")
    add_store(p)
    add_user(p)
    p.add_argument("act", help="the draft's id or uuid")
    p.add_argument(
        "--paper-receipt",
        default="",
        metavar="STATEMENT",
        help="the registrar's statement that the declaration was received on paper on its "
        "(earlier) declaration date and entered later",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_register)

    m = sub.add_parser("mention", help="marginal mentions")
    msub = m.add_subparsers(dest="mention_cmd", required=True)
    p = msub.add_parser("add", help="record a marginal mention on a registered act")
    add_store(p)
    add_user(p)
    p.add_argument("act")
    p.add_argument("--kind", required=True, choices=MENTION_KINDS)
    p.add_argument("--date", required=True, help="date of the fact or decision, YYYY-MM-DD")
    p.add_argument("--text", default="", help="default: written from the corrections")
    p.add_argument(
        "--authority",
        default="",
        help="ordering authority: a code or label of the profile's list (civreg mention "
        "rules), 'other' with --authority-note, or free text for kinds without a list",
    )
    p.add_argument("--authority-note", default="", help="the authority's seat, or which 'other'")
    p.add_argument("--reference", default="", help="reference of the decision or act")
    p.add_argument("--related", default="", help="global identifier of the act it rests on")
    p.add_argument(
        "--correct",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="a corrected field (repeatable): child.family_name=OUÉDRAOGO, event_place=…",
    )
    p.add_argument("--rectifies", default="", help="uuid of the mention a rectification rectifies")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mention)

    p = msub.add_parser("rules", help="what each mention kind needs, and who may order it")
    add_store(p)
    add_user(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_mention_rules)


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
    current = apply_corrections(v.data, v.mentions)
    if current.corrected:  # the act as it reads today (the registered values stay in "data")
        d["current"] = current.data.to_dict()
        d["corrected"] = {k: dataclasses.asdict(c) for k, c in current.corrected.items()}
    return d


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


def cmd_register(args: argparse.Namespace) -> int:
    from civreg.services.registration import register_act

    with opened(args) as ctx:
        v = register_act(ctx, args.act, paper_receipt=args.paper_receipt)
        profile = ctx.profile
    if args.json:
        emit_json(view_dict(v, profile))
    else:
        print_act(v, profile)
    return 0


def _corrections(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise CivregError("cli.mention.bad_correction", value=pair)
        out[field.strip()] = value
    return out


def cmd_mention(args: argparse.Namespace) -> int:
    from civreg.services.mentions import add_mention, check_mention

    request = dict(
        kind=args.kind,
        when=args.date,
        text=args.text,
        authority=args.authority,
        authority_note=args.authority_note,
        reference=args.reference,
        related_ref=args.related,
        corrections=_corrections(args.correct),
        rectifies=args.rectifies,
    )
    with opened(args) as ctx:
        warnings = [p for p in check_mention(ctx, args.act, **request) if p.severity != "error"]
        v = add_mention(ctx, args.act, **request)
        profile = ctx.profile
    for w in warnings:
        print(t("cli.warning", message=w.message()), file=sys.stderr)
    if args.json:
        emit_json(view_dict(v, profile))
    else:
        print_act(v, profile)
    return 0


def cmd_mention_rules(args: argparse.Namespace) -> int:
    with opened(args) as ctx:
        profile = ctx.profile
    rules = {
        kind: {
            "acts": [str(a) for a in r.acts],
            "needs": sorted(r.needs),
            "recommends": sorted(r.recommends),
            "related_kind": str(r.related_kind) if r.related_kind else None,
            "authorities": [
                {"code": c, "label": profile.authorities[c].label} for c in r.authorities
            ],
            "corrections": list(r.corrections),
            "source": r.source,
            "to_confirm": r.to_confirm,
        }
        for kind, r in profile.mention_rules.items()
    }
    if args.json:
        emit_json(rules)
        return 0
    for kind, r in rules.items():
        acts = t("cli.rules.or").join(coded("cli.rules.act", a) for a in r["acts"])
        needs = ", ".join(coded("cli.rules.need", n) for n in r["needs"]) or t("cli.rules.none")
        print(t("cli.rules.kind", kind=mention_kind_label(kind), acts=acts, needs=needs))
        for a in r["authorities"]:
            print(f"    {a['code']:20} {a['label']}")
        confirm = t("cli.rules.to_confirm") if r["to_confirm"] else ""
        print("    " + t("cli.rules.source", source=r["source"]) + confirm)
    return 0
