"""Turn a registered act (plain ActView) into the certificate layer's CertificateData.

The medical cause of death is never passed on: CertificateData cannot even hold it.
"""

from __future__ import annotations

import datetime as dt

from civreg.certificates import data as cd
from civreg.domain.acts import ActKind, ActView, Person
from civreg.services.context import Ctx

ROLE_MAP = {
    "child": cd.Role.SUBJECT,
    "deceased": cd.Role.SUBJECT,
    "spouse1": cd.Role.SUBJECT,
    "spouse2": cd.Role.SUBJECT,
    "father": cd.Role.FATHER,
    "mother": cd.Role.MOTHER,
    "spouse": cd.Role.SPOUSE,
    "declarant": cd.Role.DECLARANT,
    "witness": cd.Role.WITNESS,
}
CAPACITY_FR = {
    "father": "père",
    "mother": "mère",
    "ascendant": "ascendant",
    "relative": "parent",
    "present_at_birth": "présent(e) à la naissance",
    "proxy": "mandataire",
    "spouse": "conjoint(e)",
    "present_at_death": "présent(e) au décès",
    "informed_person": "personne informée",
    "health_facility": "établissement de santé",
}
MARITAL_FR = {
    "single": "célibataire",
    "married": "marié(e)",
    "divorced": "divorcé(e)",
    "widowed": "veuf / veuve",
}
MENTION_FR = {
    "marriage": "Mariage",
    "divorce": "Divorce",
    "death": "Décès",
    "recognition": "Reconnaissance",
    "adoption": "Adoption",
    "name_change": "Changement de nom",
    "rectification": "Rectification",
    "cancellation": "Annulation",
}
REGIME_FR = {
    "separation": "séparation de biens",
    "community": "communauté de biens",
    "community_of_acquests": "communauté réduite aux acquêts",
    "universal_community": "communauté universelle",
}
MULTIPLICITY_FR = {
    "single": "naissance simple",
    "twin": "jumeaux",
    "triplet": "triplés",
    "other": "naissance multiple",
}


def _date(iso: str) -> cd.PartialDate | None:
    if not iso:
        return None
    try:
        return cd.PartialDate.parse(iso)
    except cd.CertificateDataError:
        return None


def _full_date(iso: str, fallback: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return fallback


def _person(p: Person) -> cd.Person:
    return cd.Person(
        role=ROLE_MAP.get(p.role, cd.Role.OTHER),
        family_names=p.family_name,
        given_names=p.given_names,
        post_nom=p.post_nom,
        sex=cd.Sex(str(p.sex)) if str(p.sex) in {"0", "1", "2", "9"} else cd.Sex.UNKNOWN,
        birth_date=_date(p.birth_date),
        approximate_age=p.approx_age,
        birth_place=p.birth_place,
        profession=p.profession,
        domicile=p.domicile,
        nationality=p.nationality,
        marital_status=MARITAL_FR.get(p.marital_status, p.marital_status),
        identity_document=p.id_document,
        capacity=CAPACITY_FR.get(p.capacity, p.capacity),
    )


def _extra(view: ActView) -> tuple[tuple[str, str], ...]:
    d = view.data.details
    out: list[tuple[str, str]] = []
    if view.kind == ActKind.BIRTH and d.get("multiplicity") and d["multiplicity"] != "single":
        out.append(("Naissance", MULTIPLICITY_FR.get(d["multiplicity"], d["multiplicity"])))
    if view.kind == ActKind.MARRIAGE and d.get("form") and d["form"] != "civil":
        out.append(("Forme", str(d["form"]).replace("_", " ")))
    return tuple(out)


def certificate_data(
    ctx: Ctx,
    view: ActView,
    *,
    copy_kind: str,
    copy_number: int,
    issue_date: dt.date,
    requester: str = "",
    centre_name: str = "",
) -> cd.CertificateData:
    profile = ctx.profile
    assert view.registered_at and view.year and view.number and view.global_id
    drawn_up = dt.datetime.fromisoformat(view.registered_at)
    data = view.data
    place = profile.geography.find(ctx.office.commune)
    commune = place.name if place else ctx.office.commune
    mentions = tuple(
        cd.Mention(
            date=_full_date(m.date, drawn_up.date()),
            kind=MENTION_FR.get(m.kind, m.kind),
            text=m.text,
            authority=m.authority,
            reference=m.reference,
            is_cancellation=m.kind == "cancellation",
        )
        for m in view.mentions
    )
    j = data.judgment
    tr = data.transcription
    marriage = None
    if view.kind == ActKind.MARRIAGE:
        marriage = cd.MarriageDetails(
            regime=REGIME_FR.get(
                str(data.details.get("property_regime", "")),
                str(data.details.get("property_regime", "")),
            ),
            option=str(data.details.get("option", "")),
            bride_price=str(data.details.get("bride_price", "")),
        )
    hour = None
    if data.event_time:
        try:
            hour = dt.time.fromisoformat(data.event_time)
        except ValueError:
            hour = None
    return cd.CertificateData(
        header_lines=tuple(profile.header_lines),
        motto=profile.motto,
        dates_in_words=profile.dates_in_words,
        commune=commune,
        centre=centre_name or ctx.office.name,
        office_id=ctx.office.office_id,
        kind=cd.ActKind(str(view.kind)),
        register_year=view.year,
        act_number=view.number,
        act_number_display=profile.format_number(view.number),
        global_id=view.global_id,
        status=cd.ActStatus.CANCELLED if view.cancelled else cd.ActStatus.REGISTERED,
        drawn_up=drawn_up,
        registrar=cd.Registrar(view.registrar_name, view.registrar_title),
        issuing_registrar=cd.Registrar(
            ctx.user.full_name or ctx.user.username, ctx.user.title or profile.registrar_title
        ),
        persons=tuple(_person(p) for p in data.persons),
        event_date=_date(data.event_date),
        event_place=data.event_place,
        event_hour=hour,
        copy_kind=cd.CopyKind(copy_kind),
        copy_number=copy_number,
        issue_date=issue_date,
        judgment=cd.Judgment(j.court, j.number, _full_date(j.date, drawn_up.date())) if j else None,
        transcription=cd.Transcription(
            source=tr.note or f"registre papier, acte n° {tr.original_number}",
            date=_full_date(tr.original_date, drawn_up.date()),
            reference=str(tr.original_number),
        )
        if tr
        else None,
        marriage=marriage,
        extra=_extra(view),
        mentions=mentions,
        requester=requester,
        is_specimen=ctx.office.is_demo,
        country=ctx.office.country,
    )
