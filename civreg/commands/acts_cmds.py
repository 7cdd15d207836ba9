"""``civreg declare``, ``civreg draft register``, ``civreg show``, ``civreg mention add|rules``."""

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

from civreg.domain.corrections import apply_corrections
from civreg.errors import CivregError
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
        "cli.show.item": {"fr": "{label} : {value}", "en": "{label}: {value}"},
        # declarants' capacities in words (the profile's [declarants] codes)
        "cli.capacity.father": {"fr": "père", "en": "father"},
        "cli.capacity.mother": {"fr": "mère", "en": "mother"},
        "cli.capacity.ascendant": {"fr": "ascendant", "en": "ascendant"},
        "cli.capacity.relative": {"fr": "parent proche", "en": "close relative"},
        "cli.capacity.present_at_birth": {
            "fr": "présent à la naissance",
            "en": "present at the birth",
        },
        "cli.capacity.proxy": {"fr": "mandataire", "en": "proxy"},
        "cli.capacity.spouse": {"fr": "conjoint", "en": "spouse"},
        "cli.capacity.present_at_death": {"fr": "présent au décès", "en": "present at the death"},
        "cli.capacity.informed_person": {
            "fr": "personne informée du décès",
            "en": "person informed of the death",
        },
        "cli.capacity.health_facility": {
            "fr": "établissement de santé",
            "en": "health facility",
        },
        "cli.capacity.finder": {
            "fr": "personne ayant trouvé l'enfant",
            "en": "person who found the child",
        },
        "cli.capacity.authority": {
            "fr": "représentant de l'autorité",
            "en": "authority's representative",
        },
        "cli.show.dispensation": {
            "fr": "dispense d'âge : {court}, n° {number}, du {date}",
            "en": "age dispensation: {court}, no. {number}, of {date}",
        },
        "cli.warning": {"fr": "attention : {message}", "en": "warning: {message}"},
        "cli.mention.bad_correction": {
            "fr": "Correction à écrire CHAMP=VALEUR (ex. child.family_name=OUÉDRAOGO) : {value}",
            "en": "Write a correction as FIELD=VALUE (e.g. child.family_name=OUEDRAOGO): {value}",
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


def print_act(v: ActView, profile: CountryProfile | None = None) -> None:
    head = v.global_id or f"draft #{v.id}"
    print(
        f"{head}  [{v.kind}, {v.status}{', cancelled' if v.cancelled else ''}"
        f"{', late' if v.late else ''}]"
    )
    d = v.data
    print(f"  event: {d.event_date} {d.event_time} — {d.event_place}")
    if d.declaration_date or v.received_date:
        print(f"  declared: {d.declaration_date or '-'}  received: {v.received_date or '-'}")
    if v.paper_receipt:
        print(f"  paper receipt: {v.paper_receipt}")
    current = apply_corrections(d, v.mentions)
    for p in d.persons:
        key = f"cli.capacity.{p.capacity}"
        extra = f" ({t(key) if has(key) else p.capacity})" if p.capacity else ""
        born = p.birth_date or (f"~{p.approx_age} ans" if p.approx_age else "")
        print(f"  {field_label(p.path):20} {p.display_name()}{extra} {born}".rstrip())
        now = current.data.person(p.role, p.position)
        if now is not None and now.display_name() != p.display_name():
            print(f"  {'':20} → {now.display_name()} (rectified)")
    if d.judgment:
        print(f"  judgment: {d.judgment.court}, n° {d.judgment.number}, {d.judgment.date}")
    if d.transcription:
        tr = d.transcription
        print(f"  transcription: paper act n° {tr.original_number} of {tr.original_date}")
    for line in _law_lines(v, profile):
        print(f"  {line}")
    for m in v.mentions:
        by = f" [{m.authority}{', ' + m.reference if m.reference else ''}]" if m.authority else ""
        print(f"  mention {m.date} {m.kind}{by}: {m.text}")
        for c in m.corrections:
            print(f"    {c.field}: {c.previous!s} → {c.value!s}")


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
    for key in ("found_child", "unidentified_deceased"):  # issue 10 item 7, in words
        report = details.get(key)
        if isinstance(report, dict) and report:
            lines.append(field_label(f"details.{key}"))
            for item, value in report.items():
                label = field_label(f"details.{key}.{item}").split(" — ")[-1]
                lines.append("  " + t("cli.show.item", label=label, value=value))
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
        print(f"{kind}: on {', '.join(r['acts'])}; needs {', '.join(r['needs']) or '-'}")
        for a in r["authorities"]:
            print(f"    {a['code']:20} {a['label']}")
        print(f"    source: {r['source']}{' (to confirm)' if r['to_confirm'] else ''}")
    return 0
