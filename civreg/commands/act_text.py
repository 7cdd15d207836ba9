"""An act as ``civreg show`` (and ``draft register``, ``mention add``) prints it: every label
and every coded value in the user's language, dates as the user writes them — never a code
(``monogamy``, ``child.given_names``) or an ISO date."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from civreg.domain.act_words import marital_label, mention_kind_label
from civreg.domain.acts import ActView
from civreg.domain.corrections import apply_corrections
from civreg.domain.field_labels import field_label
from civreg.domain.locale_text import date_text
from civreg.i18n import has, register, t

if TYPE_CHECKING:
    from civreg.domain.profile import CountryProfile

RULE_SET_KEY = "rule_set"  # civreg.domain.rule_sets.RULE_SET_KEY (not imported: start-up time)
ISO_DAY = re.compile(r"^~?\d{4}(-\d\d(-\d\d)?)?(T[\d:.]+)?$")

register(
    {
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
        "cli.show.draft": {"fr": "brouillon n° {id}", "en": "draft no. {id}"},
        "cli.show.kind.birth": {"fr": "naissance", "en": "birth"},
        "cli.show.kind.marriage": {"fr": "mariage", "en": "marriage"},
        "cli.show.kind.death": {"fr": "décès", "en": "death"},
        "cli.show.status.draft": {"fr": "brouillon", "en": "draft"},
        "cli.show.status.registered": {"fr": "enregistré", "en": "registered"},
        "cli.show.cancelled": {"fr": "annulé", "en": "cancelled"},
        "cli.show.late": {"fr": "déclaration tardive", "en": "late declaration"},
        "cli.show.event": {"fr": "événement : {when} — {place}", "en": "event: {when} — {place}"},
        "cli.show.declared": {
            "fr": "déclaré le : {declared}  reçu le : {received}",
            "en": "declared: {declared}  received: {received}",
        },
        "cli.show.paper_receipt": {
            "fr": "réception sur papier : {text}",
            "en": "paper receipt: {text}",
        },
        "cli.show.age": {"fr": "~{n} ans", "en": "~{n} years old"},
        "cli.show.rectified": {"fr": "(rectifié)", "en": "(rectified)"},
        "cli.show.judgment": {
            "fr": "jugement supplétif : {court}, n° {number}, du {date}",
            "en": "court judgment: {court}, no. {number}, of {date}",
        },
        "cli.show.transcription": {
            "fr": "transcription : acte papier n° {number} du {date}",
            "en": "transcription: paper act no. {number} of {date}",
        },
        "cli.show.mention": {
            "fr": "mention du {date} — {kind}{by} : {text}",
            "en": "mention of {date} — {kind}{by}: {text}",
        },
        "cli.show.correction": {
            "fr": "{field} : {previous} → {value}",
            "en": "{field}: {previous} → {value}",
        },
    }
)


def coded(prefix: str, code: str) -> str:
    """The label of a code in the user's language; the code itself only when civreg has no
    label for it (a value written by a newer version)."""
    key = f"{prefix}.{code}"
    return t(key) if has(key) else code


def value_text(value: Any) -> str:
    """A stored value as read: dates in the user's form, the rest as is."""
    text = "" if value is None else str(value)
    return date_text(text) if ISO_DAY.match(text) else text


def correction_text(field: str, value: Any) -> str:
    """A corrected field's value in words: the sex, a marital status, the marriage option, a
    declarant's capacity by their labels; dates as read."""
    from civreg.domain.vital_groups import sex_label

    name = field.rsplit(".", 1)[-1]
    if name == "sex" and isinstance(value, int | str) and str(value).isdigit():
        return sex_label(int(value))
    if name in ("marital_status", "previous_marital_status") and value:
        return marital_label(str(value))
    if field == "details.option" and value:
        return coded("cli.show.option", str(value))
    if name == "capacity" and value:
        return coded("cli.capacity", str(value))
    return value_text(value)


def act_lines(v: ActView, profile: CountryProfile | None = None) -> list[str]:
    head = v.global_id or t("cli.show.draft", id=v.id)
    tags = [coded("cli.show.kind", v.kind), coded("cli.show.status", v.status)]
    if v.cancelled:
        tags.append(t("cli.show.cancelled"))
    if v.late:
        tags.append(t("cli.show.late"))
    lines = [f"{head}  [{', '.join(tags)}]"]
    d = v.data
    when = " ".join(x for x in (date_text(d.event_date), d.event_time) if x)
    lines.append("  " + t("cli.show.event", when=when, place=d.event_place))
    if d.declaration_date or v.received_date:
        lines.append(
            "  "
            + t(
                "cli.show.declared",
                declared=date_text(d.declaration_date) or "-",
                received=date_text(v.received_date) or "-",
            )
        )
    if v.paper_receipt:
        lines.append("  " + t("cli.show.paper_receipt", text=v.paper_receipt))
    current = apply_corrections(d, v.mentions)
    for p in d.persons:
        extra = f" ({coded('cli.capacity', p.capacity)})" if p.capacity else ""
        born = date_text(p.birth_date) or (
            t("cli.show.age", n=p.approx_age) if p.approx_age else ""
        )
        lines.append(f"  {field_label(p.path):20} {p.display_name()}{extra} {born}".rstrip())
        now = current.data.person(p.role, p.position)
        if now is not None and now.display_name() != p.display_name():
            lines.append(f"  {'':20} → {now.display_name()} {t('cli.show.rectified')}")
    if d.judgment:
        j = d.judgment
        lines.append(
            "  " + t("cli.show.judgment", court=j.court, number=j.number, date=date_text(j.date))
        )
    if d.transcription:
        tr = d.transcription
        lines.append(
            "  "
            + t(
                "cli.show.transcription",
                number=tr.original_number,
                date=date_text(tr.original_date),
            )
        )
    lines += [f"  {line}" for line in law_lines(v, profile)]
    for m in v.mentions:
        by = f" [{m.authority}{', ' + m.reference if m.reference else ''}]" if m.authority else ""
        kind = mention_kind_label(m.kind)
        lines.append(
            "  " + t("cli.show.mention", date=date_text(m.date), kind=kind, by=by, text=m.text)
        )
        for c in m.corrections:
            lines.append(
                "    "
                + t(
                    "cli.show.correction",
                    field=field_label(c.field),
                    previous=correction_text(c.field, c.previous),
                    value=correction_text(c.field, c.value),
                )
            )
    return lines


def print_act(v: ActView, profile: CountryProfile | None = None) -> None:
    print("\n".join(act_lines(v, profile)))


def law_lines(v: ActView, profile: CountryProfile | None) -> list[str]:
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
        lines.append(t("cli.show.option", option=coded("cli.show.option", str(option))))
    price = bride_price_text(details.get("bride_price"))
    if price:
        lines.append(t("cli.show.bride_price", text=price))
    for key in ("found_child", "unidentified_deceased"):  # issue 10 item 7, in words
        report = details.get(key)
        if isinstance(report, dict) and report:
            lines.append(field_label(f"details.{key}"))
            for item, value in report.items():
                label = field_label(f"details.{key}.{item}").split(" — ")[-1]
                lines.append("  " + t("cli.show.item", label=label, value=value_text(value)))
    disp = details.get("age_dispensation")
    if isinstance(disp, dict):
        lines.append(
            t(
                "cli.show.dispensation",
                court=disp.get("court", ""),
                number=disp.get("number", ""),
                date=date_text(str(disp.get("date", ""))),
            )
        )
    return lines
